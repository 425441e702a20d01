"""The clinician tabs with pytest-qt: Today, Questions and Settings on real data.

Each test has its own database, filled with `demo.generate_demo_data` (the real quiz
rules) or by hand with a clock. Dialogs (file, print, input, confirm) go through small
methods of the tab that the tests replace; everything else is the real widget.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

from eduapp.core import analytics
from eduapp.core.clinic import SETTINGS_FILE, load_settings
from eduapp.core.content.model import Library, Module
from eduapp.core.pin import PinLock
from eduapp.core.storage.sqlite import DB_NAME, Store
from eduapp.ui.clinician import results_tab
from eduapp.ui.clinician import today as today_module
from eduapp.ui.clinician.questions import QuestionsTab
from eduapp.ui.clinician.settings import ChangePinDialog, SettingsTab
from eduapp.ui.clinician.today import TodayTab
from tests.content_fixtures import RESOURCES
from tests.ui.test_clinician_models import DAY, fill
from tests.ui_checks import labels_cut_off

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils is not installed")
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def modules(library: Library) -> list[Module]:
    return library.for_language("en")


def shown(qtbot, widget: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def today_tab(qtbot, themed, store: Store, modules: list[Module]) -> TodayTab:  # type: ignore[no-untyped-def]
    fill(store, modules)
    tab = TodayTab(store, modules, "Hope Clinic", "letter")
    shown(qtbot, tab)
    tab.show_day(DAY)
    return tab


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines()
                    if line.startswith("Pages:")))


# Today --------------------------------------------------------------------------------------

def test_today_shows_the_sessions_of_a_generated_day_newest_first(
        today_tab: TodayTab, store: Store, modules: list[Module]) -> None:
    expected = analytics.today(store, modules, DAY)
    model = today_tab.model
    assert [model.row(r).id for r in range(model.rowCount())] == [s.id for s in expected]
    starts = [s.started_at for s in expected]
    assert starts == sorted(starts, reverse=True)
    assert today_tab.table.isVisible() and not today_tab.empty.isVisible()
    assert today_tab.count.text().startswith(f"{len(expected)} sessions")
    assert today_tab.selected() == expected[0]  # the newest is open at once
    assert today_tab.day_edit.date().toPython() == DAY


def test_a_session_chosen_by_keyboard_is_said_in_a_line_and_its_details_are_read_in_full(
        qtbot, today_tab: TodayTab) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAccessible

    from eduapp.ui.accessibility import Announcer
    from eduapp.ui.i18n import short_time

    announcer = Announcer(today_tab)  # the window's, as in the app
    table = today_tab.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    session = today_tab.selected()
    assert session is not None and session == today_tab.model.row(1)
    assert len(announcer.said) == 1
    line = announcer.said[0]
    assert line.startswith(" ".join(short_time(session.started_at).split()) + ", ")
    assert (session.visit_code or "No visit code") in line
    assert ("objectives to discuss" if session.flagged else "Nothing to discuss") in line
    assert "Talk about" not in line and len(line) < 120  # a line, not the summary
    qtbot.keyClick(table, Qt.Key.Key_Right)  # along the same row: nothing more is said
    assert len(announcer.said) == 1

    details = QAccessible.queryAccessibleInterface(today_tab.details)
    assert details.role() == QAccessible.Role.EditableText and details.state().readOnly
    assert details.state().focusable
    assert details.text(QAccessible.Text.Name) == "Session details"
    text = today_tab.details.toPlainText()
    readable = details.textInterface().text(0, details.textInterface().characterCount())
    for mark in "\ufdd0\ufdd1\u2029":  # Qt's marks around a table and its cells
        readable = readable.replace(mark, " ")
    assert readable.split() == text.split()  # every word, read line by line by the keys
    whole = details.text(QAccessible.Text.Description)  # said as the details get the focus
    for shown_line in filter(None, (" ".join(t.split()) for t in text.splitlines())):
        assert shown_line in whole


def test_details_of_a_weak_session_hold_teach_back_prompts(today_tab: TodayTab) -> None:
    model = today_tab.model
    row = next(r for r in range(model.rowCount()) if model.row(r).flagged)
    today_tab.table.selectRow(row)
    session = model.row(row)
    text = today_tab.details.toPlainText()
    for item in session.to_discuss:
        assert f"Talk about: {item.objective.text}" in text
        for prompt in item.prompts:
            assert f"Teach-back: {prompt}" in text
    for attempt in session.attempts:  # each module's answers, first try or retry
        assert attempt.module.title in text
    assert "First try" in text


def test_details_show_the_paper_summary_then_every_answer(today_tab: TodayTab) -> None:
    model = today_tab.model
    row = next(r for r in range(model.rowCount())  # the patient who stopped (see fill)
               if model.row(r).flagged and len(model.row(r).attempts) == 1)
    today_tab.table.selectRow(row)
    session = model.row(row)
    text = today_tab.details.toPlainText()
    sections = [text.index(f"\n{name}\n") for name in (
        "Modules", "To discuss", "Learning objectives", "Answers")]
    assert sections == sorted(sections)  # the page's order, then the answers
    scores = text[sections[0]:sections[1]]
    for attempt in session.attempts:  # each quiz's scores and how it ended, as on paper
        r = attempt.results
        assert (f"{r.first_try_right}/{r.total} ({r.first_try_percent}%)\n"
                f"{r.final_right}/{r.total} ({r.final_percent}%)") in scores
    assert f"Stopped: {len(session.to_discuss)} to discuss" in scores
    objectives = text[sections[2]:sections[3]]
    for item in session.to_discuss:
        assert f"{item.objective.text}\nNot yet: discuss" in objectives
    assert "Anonymous session" not in text  # the page's foot stays on paper


def test_details_show_a_reask_under_the_question_it_stands_in_for(
        today_tab: TodayTab, modules: list[Module]) -> None:
    model = today_tab.model
    sessions = [model.row(r) for r in range(model.rowCount())]
    row, attempt, reask = next(
        (r, a, x) for r, s in enumerate(sessions) for a in s.attempts for x in a.answers
        if x.is_reask and x.question_id != x.asked_for)
    today_tab.table.selectRow(row)
    text = today_tab.details.toPlainText()
    questions = {q.id: q for q in attempt.module.questions}
    asked_for, asked = questions[reask.asked_for], questions[reask.question_id]
    assert f"Asked instead: {asked.text}" in text
    # listed as a retry under the first-pass question it was asked for
    block = f"Retry (try {reask.try_number})\nAsked instead: {asked.text}"
    assert block in text
    before = text[:text.index(block)]
    header = before.rindex(asked_for.text + "\n")
    others = [q.text for q in attempt.module.questions if q.id != asked_for.id]
    assert not any(f"\n{other}\n" in before[header:] for other in others)


def test_a_session_with_no_visit_code_shows_a_dash(today_tab: TodayTab) -> None:
    model = today_tab.model
    row = next(r for r in range(model.rowCount()) if model.row(r).visit_code is None)
    assert model.data(model.index(row, model.CODE)) == "—"
    today_tab.table.selectRow(row)
    assert today_tab.heading.text().endswith("no visit code")


def test_an_empty_database_shows_a_clear_message(qtbot, themed, store: Store,  # type: ignore[no-untyped-def]
                                                 modules: list[Module]) -> None:
    tab = shown(qtbot, TodayTab(store, modules, "Hope Clinic", "letter"))
    assert tab.empty.isVisible() and tab.empty.text() == "No sessions on this day."
    assert not tab.table.isVisible() and not tab.details_panel.isVisible()
    assert tab.selected() is None
    tab.refresh()
    assert tab.empty.isVisible()


def test_previous_and_next_day(today_tab: TodayTab) -> None:
    today_tab.previous_button.click()
    assert today_tab.day() == DAY - timedelta(days=1)
    today_tab.next_button.click()
    today_tab.next_button.click()
    assert today_tab.day() == DAY + timedelta(days=1)
    today_tab.today_button.click()
    assert today_tab.day() == date.today()
    assert not today_tab.next_button.isEnabled()  # no sessions in the future


def test_set_visit_code(today_tab: TodayTab, store: Store,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    session = today_tab.selected()
    assert session is not None
    monkeypatch.setattr(today_tab, "_ask_visit_code", lambda s: "  V-1234 ")
    today_tab.visit_code_button.click()
    stored = store.session(session.id)
    assert stored is not None and stored.visit_code == "V-1234"
    assert today_tab.selected() is not None and today_tab.selected().visit_code == "V-1234"
    assert today_tab.status.text() == "Visit code saved: V-1234."
    assert today_tab.status.property("state") == "ok"

    monkeypatch.setattr(today_tab, "_ask_visit_code", lambda s: "X" * 40)
    today_tab.visit_code_button.click()
    assert "at most 32 characters" in today_tab.status.text()
    assert today_tab.status.property("state") == "error" and today_tab.status.isVisible()
    stored = store.session(session.id)
    assert stored is not None and stored.visit_code == "V-1234"  # unchanged

    monkeypatch.setattr(today_tab, "_ask_visit_code", lambda s: None)  # cancelled
    today_tab.visit_code_button.click()
    assert store.session(session.id).visit_code == "V-1234"  # type: ignore[union-attr]


@needs_poppler
def test_exports_of_the_chosen_session(today_tab: TodayTab, tmp_path: Path, store: Store,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    session = today_tab.selected()
    assert session is not None
    names: list[str] = []

    def save_as(title: str, name: str, kind: str) -> Path:
        names.append(name)
        return tmp_path / name

    monkeypatch.setattr(today_tab, "_save_path", save_as)
    today_tab.pdf_button.click()
    pdf = tmp_path / names[-1]
    assert names[-1].endswith(".pdf") and pdf_pages(pdf) == 1
    assert "Patient education summary" in pdf_text(pdf)
    assert today_tab.status.text() == f"Saved: {pdf}"

    today_tab.csv_button.click()
    rows = (tmp_path / names[-1]).read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 1 + sum(len(a.answers) for a in session.attempts)
    assert all(row.startswith(f"{session.id},") for row in rows[1:])

    today_tab.fhir_button.click()
    bundle = json.loads((tmp_path / names[-1]).read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle"
    procedures = [e["resource"] for e in bundle["entry"]
                  if e["resource"]["resourceType"] == "Procedure"]
    assert [p["id"] for p in procedures] == [f"session-{session.id}"]


def test_an_export_that_cannot_be_written_says_so(today_tab: TodayTab, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "no such folder" / "summary.csv"
    monkeypatch.setattr(today_tab, "_save_path", lambda *args: target)
    today_tab.csv_button.click()
    assert today_tab.status.property("state") == "error"
    assert "could not be saved" in today_tab.status.text()
    monkeypatch.setattr(today_tab, "_save_path", lambda *args: None)  # cancelled
    today_tab.pdf_button.click()
    assert not target.exists()


@needs_poppler
def test_print_summary_prints_one_page(today_tab: TodayTab, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "printed.pdf"

    def printer_chosen(printer) -> bool:  # type: ignore[no-untyped-def]
        printer.setOutputFormat(printer.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(today_tab, "_print_dialog", printer_chosen)
    today_tab.print_button.click()
    assert pdf_pages(out) == 1
    assert today_tab.status.text() == "The summary was sent to the printer."


# Questions ----------------------------------------------------------------------------------

def test_questions_are_worst_first_with_objectives_below(qtbot, themed, store: Store,  # type: ignore[no-untyped-def]
                                                        modules: list[Module]) -> None:
    fill(store, modules, sessions=60)
    tab = shown(qtbot, QuestionsTab(store, modules))
    tab.set_days(date(2025, 3, 1), DAY)
    tab.update_button.click()
    assert tab.report is not None
    model = tab.questions_model
    facility = [model.row(r).facility for r in range(model.rowCount())]
    asked = [f for f in facility if f is not None]
    assert asked and asked == sorted(asked)
    assert facility[len(asked):] == [None] * (len(facility) - len(asked))  # never asked last
    missed = [o.sessions_missed for o in tab.objectives_model.rows()]
    assert missed == sorted(missed, reverse=True)
    assert tab.questions.isVisible() and tab.objectives.isVisible()
    assert "facility index" in tab.explanation.text()
    assert tab.count.text().endswith("first tries")


def test_questions_on_an_empty_range_say_so(qtbot, themed, store: Store,  # type: ignore[no-untyped-def]
                                            modules: list[Module]) -> None:
    tab = shown(qtbot, QuestionsTab(store, modules))
    assert tab.empty.isVisible() and tab.empty.text().startswith("No answers from ")
    assert not tab.questions.isVisible()


def test_the_range_cannot_end_before_it_starts(qtbot, themed, store: Store,  # type: ignore[no-untyped-def]
                                               modules: list[Module]) -> None:
    tab = shown(qtbot, QuestionsTab(store, modules))
    first, last = tab.days()
    assert (last - first).days == 89 and last == date.today()
    tab.from_edit.setDate(tab.to_edit.date().addDays(5))
    assert tab.days()[0] <= tab.days()[1]


def test_tabs_left_open_overnight_move_on_to_the_new_today(
        qtbot, themed, store: Store, modules: list[Module], monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    today = shown(qtbot, TodayTab(store, modules, "Hope Clinic", "letter"))
    questions = shown(qtbot, QuestionsTab(store, modules))
    earlier = shown(qtbot, TodayTab(store, modules, "Hope Clinic", "letter"))
    earlier.show_day(DAY)
    tomorrow = date.today() + timedelta(days=1)

    class AfterMidnight(date):
        @classmethod
        def today(cls) -> date:
            return tomorrow

    for module in (results_tab, today_module):
        monkeypatch.setattr(module, "date", AfterMidnight)
    for tab in (today, questions, earlier):
        tab.refresh()  # the workspace does this as a tab is shown

    assert today.day() == tomorrow and today.day_edit.maximumDate().toPython() == tomorrow
    assert questions.days()[1] == tomorrow
    assert earlier.day() == DAY  # a day chosen by hand stays chosen


# Settings -----------------------------------------------------------------------------------

@pytest.fixture
def settings_tab(qtbot, themed, store: Store, tmp_path: Path) -> SettingsTab:  # type: ignore[no-untyped-def]
    # a clinic's copy with its phone numbers: the shipped defaults have none
    (tmp_path / SETTINGS_FILE).write_text(
        '[clinic]\nclinic_phone = "555-0100"\nafter_hours_phone = "555-0199"\n',
        encoding="utf-8")
    return shown(qtbot, SettingsTab(store, tmp_path / SETTINGS_FILE, RESOURCES))  # type: ignore[return-value]


def test_settings_saved_load_back_the_same(qtbot, settings_tab: SettingsTab,  # type: ignore[no-untyped-def]
                                          tmp_path: Path) -> None:
    tab = settings_tab
    assert tab.form()["clinic_name"] == "Pain Clinic"
    tab.fields["clinic_name"].setText("Hope Clinic")  # type: ignore[attr-defined]
    tab.fields["idle_seconds"].setText("300")  # type: ignore[attr-defined]
    tab.fields["keep_days"].setText("730")  # type: ignore[attr-defined]
    tab.kiosk.setChecked(True)
    tab.paper.setCurrentIndex(tab.paper.findData("a4"))
    with qtbot.waitSignal(tab.saved):
        qtbot.mouseClick(tab.save_button, LEFT)
    loaded = load_settings(RESOURCES, tmp_path)
    assert loaded.problems == []
    assert (loaded.name, loaded.idle_seconds, loaded.keep_days) == ("Hope Clinic", 300, 730)
    assert (loaded.kiosk, loaded.paper) == (True, "a4")
    assert loaded == tab.settings
    again = SettingsTab(tab.store, tmp_path / SETTINGS_FILE, RESOURCES)
    qtbot.addWidget(again)
    assert again.form() == tab.form()
    assert tab.status.text() == f"Saved to {tmp_path / SETTINGS_FILE}."


def test_a_bad_value_is_refused_next_to_its_field(qtbot, settings_tab: SettingsTab,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path) -> None:
    tab = settings_tab
    before = (tmp_path / SETTINGS_FILE).read_bytes()
    tab.fields["idle_seconds"].setText("5")  # type: ignore[attr-defined]
    tab.fields["no_food_hours"].setText("")  # type: ignore[attr-defined]
    with qtbot.assertNotEmitted(tab.saved):
        qtbot.mouseClick(tab.save_button, LEFT)
    assert tab.problems["idle_seconds"].isVisible()
    assert "30 to 3600" in tab.problems["idle_seconds"].text()
    assert tab.problems["no_food_hours"].text() == "Must not be empty."
    assert not tab.problems["clinic_name"].isVisible()
    assert tab.status.text() == "Not saved: 2 fields need a change."
    assert (tmp_path / SETTINGS_FILE).read_bytes() == before
    assert labels_cut_off(tab) == []
    qtbot.keyClicks(tab.fields["idle_seconds"], "0")  # typing clears the field's problem
    assert not tab.problems["idle_seconds"].isVisible()


def test_phone_numbers_must_be_set_before_saving(qtbot, themed, store: Store,  # type: ignore[no-untyped-def]
                                                 tmp_path: Path) -> None:
    tab = shown(qtbot, SettingsTab(store, tmp_path / SETTINGS_FILE, RESOURCES))  # as shipped
    assert tab.form()["clinic_phone"] == ""
    tab.fields["after_hours_phone"].setText("the number on your paperwork")  # type: ignore[attr-defined]
    with qtbot.assertNotEmitted(tab.saved):
        qtbot.mouseClick(tab.save_button, LEFT)
    assert tab.problems["clinic_phone"].text() == "Must not be empty."
    assert tab.problems["after_hours_phone"].text().startswith("Must be a phone number")
    assert not (tmp_path / SETTINGS_FILE).exists()
    tab.fields["clinic_phone"].setText("(555) 123-4567")  # type: ignore[attr-defined]
    tab.fields["after_hours_phone"].setText("555.987.6543")  # type: ignore[attr-defined]
    with qtbot.waitSignal(tab.saved):
        qtbot.mouseClick(tab.save_button, LEFT)
    assert load_settings(RESOURCES, tmp_path).missing_phones == ()


def test_a_folder_that_cannot_be_written_is_reported(qtbot, themed, store: Store,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", encoding="utf-8")
    tab = shown(qtbot, SettingsTab(store, blocker / SETTINGS_FILE, RESOURCES))
    for key in ("clinic_phone", "after_hours_phone"):
        tab.fields[key].setText("555-0100")  # type: ignore[attr-defined]
    with qtbot.assertNotEmitted(tab.saved):
        qtbot.mouseClick(tab.save_button, LEFT)
    assert tab.status.property("state") == "error"
    assert "cannot be written" in tab.status.text()


def test_a_broken_settings_file_is_shown_and_replaced(qtbot, themed, store: Store,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_text(
        '[clinic]\nclinic_phone = "555-0100"\nafter_hours_phone = "555-0199"\n'
        "[app]\nidle_seconds = 5\n", encoding="utf-8")
    tab = shown(qtbot, SettingsTab(store, tmp_path / SETTINGS_FILE, RESOURCES))
    assert tab.file_problems.isVisible() and "idle_seconds" in tab.file_problems.text()
    assert tab.form()["idle_seconds"] == "180"  # the default, shown instead
    assert tab.save()
    assert load_settings(RESOURCES, tmp_path).problems == []
    assert not tab.file_problems.isVisible()


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_purge_on_demand_deletes_only_old_sessions(qtbot, themed, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    now = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
    clock = Clock(now)
    store = Store.open(tmp_path / DB_NAME, clock=clock)
    ages = {}
    for days in (400, 100, 10):
        clock.now = now - timedelta(days=days)
        ages[days] = store.start_session("en")
    clock.now = now
    tab = shown(qtbot, SettingsTab(store, tmp_path / SETTINGS_FILE, RESOURCES))
    tab.fields["keep_days"].setText("90")  # type: ignore[attr-defined]
    assert tab.purge_button.text() == "Delete sessions older than 90 days now"
    questions: list[str] = []
    monkeypatch.setattr(tab, "_confirm", lambda q: questions.append(q) or False)
    tab.purge_button.click()
    assert store.session_ids() == sorted(ages.values())  # not confirmed: nothing deleted
    monkeypatch.setattr(tab, "_confirm", lambda q: True)
    with qtbot.waitSignal(tab.purged) as purged:
        tab.purge_button.click()
    assert purged.args == [2]
    assert store.session_ids() == [ages[10]]
    assert tab.status.text() == "Deleted 2 sessions older than 90 days."
    assert "90 days" in questions[0]
    tab.fields["keep_days"].setText("3")  # type: ignore[attr-defined]
    tab.purge_button.click()
    assert "30 to 3650" in tab.problems["keep_days"].text()
    assert store.session_ids() == [ages[10]]
    store.close()


def test_a_pin_change_with_a_wrong_current_pin_is_refused(qtbot, themed, store: Store) -> None:  # type: ignore[no-untyped-def]
    rules = PinLock(store)
    assert rules.choose("1357") is None
    dialog = ChangePinDialog(rules)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.current, "0000")
    qtbot.keyClicks(dialog.new, "2468")
    qtbot.keyClicks(dialog.repeat, "2468")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.isVisible() and "not right" in dialog.message.text()
    assert dialog.current.text() == ""  # typed PINs are never left on screen
    qtbot.keyClicks(dialog.current, "1357")
    qtbot.keyClicks(dialog.new, "2468")
    qtbot.keyClicks(dialog.repeat, "2469")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.message.text() == "The two new PINs are not the same."
    qtbot.keyClicks(dialog.current, "1357")
    qtbot.keyClicks(dialog.new, "2468")
    qtbot.keyClicks(dialog.repeat, "2468")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert rules.check("2468") is None


def test_change_pin_button_opens_the_dialog(settings_tab: SettingsTab,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[object] = []
    monkeypatch.setattr(settings_tab, "_run_dialog", lambda d: opened.append(d) or True)
    settings_tab.pin_button.click()
    assert isinstance(opened[0], ChangePinDialog)
    assert settings_tab.status.text() == "The clinician PIN was changed."


# every tab: touch targets, names, nothing cut off -------------------------------------------

@pytest.mark.parametrize("which", ["today", "questions", "settings"])
def test_touch_targets_and_accessible_names(qtbot, themed, store: Store,  # type: ignore[no-untyped-def]
                                            modules: list[Module], tmp_path: Path,
                                            which: str) -> None:
    fill(store, modules)
    tab: QWidget
    if which == "today":
        tab = TodayTab(store, modules, "Hope Clinic", "letter")
        tab.show_day(DAY)
    elif which == "questions":
        tab = QuestionsTab(store, modules)
        tab.set_days(date(2025, 3, 1), DAY)
        tab.show_figures()
    else:
        tab = SettingsTab(store, tmp_path / SETTINGS_FILE, RESOURCES)
    shown(qtbot, tab)
    controls = [w for w in tab.findChildren(QWidget)
                if isinstance(w, QAbstractButton | QLineEdit) and w.isVisible()]
    assert len(controls) >= 3
    for widget in controls:
        name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
        assert name.strip(), f"a {type(widget).__name__} has no accessible name"
        assert widget.width() >= 44 and widget.height() >= 44, f"'{name}' is small"
    for view in tab.findChildren(QWidget):
        if view.isVisible() and type(view).__name__ in ("ReadingTable", "QTextBrowser",
                                                        "QDateEdit", "QComboBox",
                                                        "QPlainTextEdit"):
            assert view.accessibleName(), f"a {type(view).__name__} has no accessible name"
    assert labels_cut_off(tab) == []


def test_settings_fields_are_named_with_their_unit(qtbot, settings_tab: SettingsTab):  # type: ignore[no-untyped-def]
    """A screen reader reads a field's buddy label in place of its name: a field with a unit
    has no buddy, so its name ("No solid food for (hours before)") is what is heard. A combo
    box's name is its current value on Linux (Qt's way): a label says what it sets."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QComboBox, QLabel

    field = settings_tab.fields["no_food_hours"]
    assert field.accessibleName() == "No solid food for (hours before)"
    assert not [lab for lab in settings_tab.findChildren(QLabel) if lab.buddy() is field]
    for box in settings_tab.findChildren(QComboBox):
        labels = [iface.text(QAccessible.Text.Name) for iface, _relation in
                  QAccessible.queryAccessibleInterface(box).relations(
                      QAccessible.RelationFlag.Label)]
        assert labels and all(labels) and box.currentText() not in labels
