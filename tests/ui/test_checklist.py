"""The printable checklist: one page, the clinic's own values, offered where it is taught."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from eduapp.commands.driver import PatientDriver
from eduapp.core.clinic import load_settings
from eduapp.core.content.loader import load_library
from eduapp.core.day_plan import PlanTime, Step, day_plan
from eduapp.ui.print import checklist
from eduapp.ui.print.checklist import SESSION_MODULE

ROOT = Path(__file__).resolve().parents[2]
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils is not installed")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(next(line.split()[-1] for line in info.stdout.splitlines()
                    if line.startswith("Pages:")))


def clinic_library(tmp_path: Path):
    (tmp_path / "clinic.toml").write_text(
        '[clinic]\nclinic_name = "Hillside Pain Care"\nclinic_phone = "(555) 123-4567"\n'
        'after_hours_phone = "555-987-6543"\nno_food_hours = "6"\narrival_minutes = "45"\n',
        encoding="utf-8")
    settings = load_settings(ROOT / "resources", tmp_path)
    assert settings.problems == []
    library = load_library(ROOT / "resources", settings.placeholders(),
                           translated=settings.translated_placeholders())
    module = next(m for m in library.for_language("en") if m.id == SESSION_MODULE)
    return settings, module, library


@needs_poppler
def test_checklist_pdf_is_one_page_with_the_clinics_values(qapp, tmp_path):
    settings, module, _ = clinic_library(tmp_path)
    out = tmp_path / "checklist.pdf"
    assert checklist.write_pdf(module, settings.name, out, "a4") == 1
    assert pdf_pages(out) == 1
    text = " ".join(pdf_text(out).split())
    for expected in ("Hillside Pain Care", "(555) 123-4567", "555-987-6543", "6 hours",
                     "45 minutes", "My session: date",
                     "Before you come", "What to bring", "After your session",
                     module.screen("checklist").title):
        assert expected in text
    assert "{{" not in text and "Teach-back" not in text


@needs_poppler
def test_a_long_checklist_shrinks_to_stay_on_one_page(qapp, tmp_path):
    settings, module, _ = clinic_library(tmp_path)
    screen = module.screen("checklist")
    longer = dataclasses.replace(screen, markdown=screen.markdown + "\n\n**More**\n\n" + "\n".join(
        f"- Extra step number {n} for this clinic." for n in range(3)))
    screens = tuple(longer if s.id == "checklist" else s for s in module.screens)
    out = tmp_path / "long.pdf"
    checklist.write_pdf(dataclasses.replace(module, screens=screens), settings.name, out)
    assert pdf_pages(out) == 1
    assert "Extra step number 2" in pdf_text(out)


def test_print_is_offered_on_the_checklist_and_key_points_only(qtbot, make_window, store,
                                                                library, monkeypatch):
    printed = []
    monkeypatch.setattr(checklist, "print_checklist",
                        lambda module, clinic, paper, parent, plan: printed.append(module.id))
    window = make_window(store)
    driver = PatientDriver(window)
    driver.start()
    reader = window.flow.screen_page
    first = library.for_language("en")[0]
    driver.open_module(first)
    assert not reader.print_button.isVisible()

    window.flow.show_modules()
    session = next(m for m in library.for_language("en") if m.id == "your-infusion-session")
    driver.open_module(session)
    offered = []
    for screen in session.screens:
        offered.append((screen.id, reader.print_button.isVisible()))
        if screen.id == "checklist":
            qtbot.mouseClick(reader.print_button, Qt.MouseButton.LeftButton)
        if screen is not session.screens[-1]:
            qtbot.mouseClick(reader.next_button, Qt.MouseButton.LeftButton)
    assert [s for s, shown in offered if shown] == ["checklist", "key-points"]
    assert printed == [session.id]


@needs_poppler
def test_the_other_modules_sheets_have_no_session_date(qapp, tmp_path):
    settings, session, library = clinic_library(tmp_path)
    others = [m for m in library.for_language("en") if m.checklist and m is not session]
    assert [m.id for m in others] == ["why-pain-lasts", "mind-and-body", "ketamine"]
    for module in others:
        out = tmp_path / f"{module.id}.pdf"
        assert checklist.write_pdf(module, settings.name, out) == 1
        text = " ".join(pdf_text(out).split())
        assert module.screen(module.checklist).title in text and "Hillside Pain Care" in text
        assert "My session" not in text and "{{" not in text


@needs_poppler
def test_checklist_command_writes_the_pdf(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = tmp_path / "mine.pdf"
    done = subprocess.run([sys.executable, "-m", "eduapp", "checklist", "--out", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    text = " ".join(pdf_text(out).split())
    assert pdf_pages(out) == 1 and "Pain Clinic" in text
    assert "My session: date" in text  # the session's checklist, not module 1's sheet
    assert "the phone number your clinic gave you" in text  # as shipped: no number, no blank
    bad = subprocess.run([sys.executable, "-m", "eduapp", "checklist", "--out",
                          str(tmp_path / "missing" / "x.pdf")], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    assert bad.returncode == 1 and "cannot write" in bad.stdout
    assert "Traceback" not in bad.stdout + bad.stderr


# the day-of plan: a session time gives the clock times ---------------------------------

def plain(text: str) -> str:
    """Text as read: one space between words (Qt writes "7:00\u202fAM" in some locales)."""
    return " ".join(text.replace("\u202f", " ").split())


@needs_poppler
def test_a_session_time_prints_the_clock_times_in_my_day(qapp, tmp_path):
    settings, module, _ = clinic_library(tmp_path)  # 6 h no food, 2 h liquids, 45 min early
    plan = day_plan(time(5, 30), settings.values)
    out = tmp_path / "plan.pdf"
    assert checklist.write_pdf(module, settings.name, out, "letter", plan) == 1
    assert pdf_pages(out) == 1
    text = plain(pdf_text(out))
    assert "My session: date" in text and "time 5:30 AM" in text
    assert "My day" in text
    assert "11:30 PM, the day before: No solid food after this time." in text
    assert "3:30 AM: Clear liquids only until this time." in text
    assert "4:45 AM: Arrive at the clinic by this time." in text
    assert "Before you come" in text and "After your session" in text  # the rest is all there
    blank = tmp_path / "blank.pdf"
    checklist.write_pdf(module, settings.name, blank, "letter")
    assert "My day" not in pdf_text(blank) and "time ______" in plain(pdf_text(blank))


def checklist_command(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "eduapp", "checklist", "--temp-data", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert "Traceback" not in done.stdout + done.stderr
    return done


@needs_poppler
@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["time 7:00 AM", "My day",
            "11:00 PM, the day before: No solid food after this time.",
            "5:00 AM: Clear liquids only until this time.",
            "6:30 AM: Arrive at the clinic by this time."]),
    ("es", ["hora 7:00", "Mi día", "23:00 del día anterior: Nada sólido después de esta hora.",
            "5:00: Solo líquidos claros hasta esta hora.",
            "6:30: Llegue a la clínica a más tardar a esta hora."]),
])
def test_checklist_command_with_an_appointment(tmp_path, lang, expected):
    out = tmp_path / "plan.pdf"
    done = checklist_command(tmp_path, "--lang", lang, "--appointment", "07:00", "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(1 page, with the times for a session at 07:00)" in done.stdout
    assert pdf_pages(out) == 1
    text = plain(pdf_text(out))
    for line in expected:
        assert line in text


def test_checklist_command_refuses_a_time_it_cannot_read_or_settings_it_cannot_use(tmp_path):
    done = checklist_command(tmp_path, "--appointment", "7.30", "--out", str(tmp_path / "x.pdf"))
    assert done.returncode == 2 and "HH:MM on a 24-hour clock" in done.stderr
    (tmp_path / "clinic.toml").write_text('[clinic]\nno_food_hours = "6.5"\n', encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "eduapp", "checklist", "--data-dir",
                           str(tmp_path), "--appointment", "07:30", "--out",
                           str(tmp_path / "x.pdf")], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 1
    assert "'no_food_hours' must be a whole number from 0 to 24" in done.stdout
    assert not (tmp_path / "x.pdf").exists()


def open_session_checklist(window, library, driver):
    driver.start()
    session = next(m for m in library.for_language("en") if m.id == SESSION_MODULE)
    driver.open_module(session)
    window.flow.open_module(session.id, session.screen_index("checklist"))
    return window.flow.screen_page


def test_the_session_time_is_chosen_by_keyboard_and_prints_its_plan(
        qtbot, make_window, store, library, monkeypatch):
    plans = []
    monkeypatch.setattr(checklist, "print_checklist",
                        lambda module, clinic, paper, parent, plan: plans.append(plan))
    window = make_window(store, timing={"no_food_hours": "8", "clear_liquids_hours": "2",
                                        "arrival_minutes": "30"})
    reader = open_session_checklist(window, library, PatientDriver(window))
    field = reader.appointment
    assert field.isVisible() and reader.print_button.isVisible()
    assert field.combo.accessibleName() == "My session starts at"
    assert field.title.buddy() is field.combo
    assert field.combo.currentText() == "Choose a time"
    qtbot.mouseClick(reader.print_button, Qt.MouseButton.LeftButton)  # no time: a blank line
    assert plans == [None]

    field.combo.setFocus()
    for _ in range(3):  # 5:00, 5:15, 5:30
        qtbot.keyClick(field.combo, Qt.Key.Key_Down)
    assert plain(field.combo.currentText()) == "5:30 AM"
    qtbot.mouseClick(reader.print_button, Qt.MouseButton.LeftButton)
    assert plans[-1] is not None
    assert plans[-1].steps[0] == PlanTime(Step.NO_FOOD, time(21, 30), day_before=True)
    assert plans[-1].appointment == time(5, 30)

    window.start_over()  # the next patient finds no time chosen
    assert field.combo.currentText() == "Choose a time" and field.appointment() is None


def test_the_session_time_is_offered_where_the_session_checklist_prints(qtbot, make_window,
                                                                         store, library):
    window = make_window(store)
    driver = PatientDriver(window)
    reader = open_session_checklist(window, library, driver)
    assert reader.appointment.isVisible()
    reader.appointment.set_appointment(time(9, 45))
    qtbot.mouseClick(reader.next_button, Qt.MouseButton.LeftButton)  # key points print it too
    assert reader.print_button.isVisible() and reader.appointment.isVisible()
    assert reader.appointment.appointment() == time(9, 45)  # still the time chosen
    qtbot.mouseClick(reader.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(reader.back_button, Qt.MouseButton.LeftButton)  # a screen with no print
    assert not reader.print_button.isVisible() and not reader.appointment.isVisible()
    window.flow.show_modules()
    first = library.for_language("en")[0]
    window.flow.open_module(first.id, first.screen_index(first.checklist))
    assert reader.print_button.isVisible() and not reader.appointment.isVisible()


def test_presenter_prints_the_session_checklist_with_the_time_the_clinician_chose(
        qtbot, themed, library, monkeypatch):
    from eduapp.ui.clinician.presenter import PresenterTab

    printed = []
    monkeypatch.setattr(checklist, "print_checklist",
                        lambda module, clinic, paper, parent, plan: printed.append(
                            (module.id, clinic, plan)))
    modules = library.for_language("en")
    tab = PresenterTab(modules, "Hillside", "a4", {"no_food_hours": "6",
                                                   "clear_liquids_hours": "2",
                                                   "arrival_minutes": "45"})
    qtbot.addWidget(tab)
    tab.resize(1400, 800)
    tab.show()
    index = next(i for i, m in enumerate(modules) if m.id == SESSION_MODULE)
    tab.show_screen(index, modules[index].screen_index("checklist"))
    assert tab.page.print_button.isVisible() and tab.page.appointment.isVisible()
    tab.page.appointment.set_appointment(time(9, 0))
    qtbot.mouseClick(tab.page.print_button, Qt.MouseButton.LeftButton)
    [(module_id, clinic, plan)] = printed
    assert (module_id, clinic) == (SESSION_MODULE, "Hillside")
    assert [(s.step, s.at) for s in plan.steps] == [
        (Step.NO_FOOD, time(3, 0)), (Step.CLEAR_LIQUIDS, time(7, 0)),
        (Step.ARRIVE, time(8, 15)), (Step.SESSION, time(9, 0))]
    tab.show_screen(0, 0)  # a screen that is no checklist: nothing to print
    assert not tab.page.print_button.isVisible() and not tab.page.appointment.isVisible()
