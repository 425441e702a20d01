"""Spanish: the content matches English where it matters, reads easily, and the whole app
switches to it at the welcome screen and back to the clinic's language at the idle reset."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import textstat
from PySide6.QtCore import Qt

from eduapp.commands.driver import PatientDriver
from eduapp.core import analytics, demo, export
from eduapp.core.content.loader import load_library
from eduapp.core.content.model import Library
from eduapp.core.content.readability import MIN_SPANISH_EASE, module_level
from eduapp.core.storage.sqlite import DB_NAME, Store
from eduapp.core.visit import Visit
from tests.content_fixtures import RESOURCES
from tests.core.test_analytics import Clock, take_quiz
from tests.ui_checks import buttons_cut_off, labels_cut_off

ROOT = Path(__file__).resolve().parents[2]
TS = RESOURCES / "translations" / "eduapp_es.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"

# FACTS.md part (c), in Spanish: claims no Spanish screen may make (as in the English test).
CLAIMS_ES = {
    "cure": r"(?<!no es una )(?<!no es la )(?<!ninguna )\bcura(r|n)?\b",
    "no side effects": r"\bsin efectos secundarios",
    "not addictive": r"\bno (es|sea) adictiv|\bno crea adicci",
    "approved for pain": r"(?<!no está )\baprobad[ao] (por la fda )?para (el )?dolor",
    "reset the brain": r"\b(resetea|reinicia|reprograma)",
}


def spanish_and_english(library: Library) -> list[tuple[object, object]]:
    english = {m.id: m for m in library.for_language("en")}
    return [(english[m.id], m) for m in library.for_language("es")]


# content ----------------------------------------------------------------------------------

def test_every_module_is_in_spanish_with_the_same_structure(library: Library) -> None:
    pairs = spanish_and_english(library)
    assert [en.id for en, _ in pairs] == [m.id for m in library.for_language("en")]
    for en, es in pairs:
        assert es.language == "es"
        assert [s.id for s in es.screens] == [s.id for s in en.screens]
        assert [o.id for o in es.objectives] == [o.id for o in en.objectives]
        assert [q.id for q in es.questions] == [q.id for q in en.questions]
        for q_en, q_es in zip(en.questions, es.questions, strict=True):
            # which answer is right comes from module.toml: a translation cannot change it
            assert [(c.id, c.correct) for c in q_es.choices] == [
                (c.id, c.correct) for c in q_en.choices]
            assert q_es.text != q_en.text and all(c.explanation for c in q_es.choices)
        assert es.checklist == en.checklist


def test_every_spanish_screen_reads_easily(library: Library) -> None:
    hard = []
    for module in library.for_language("es"):
        level = module_level(module)
        assert len(level.screens) == len(module.screens)
        hard += [(module.id, s.screen.id, s.score) for s in level.screens
                 if s.score < MIN_SPANISH_EASE]
    assert hard == []


def test_every_spanish_question_reads_as_easily_as_the_screens(library: Library) -> None:
    textstat.set_lang("es")
    hard = []
    for module in library.for_language("es"):
        for q in module.questions:
            text = " ".join([q.text, q.detail] + [f"{c.text} {c.explanation}" for c in q.choices])
            ease = textstat.fernandez_huerta(text)
            if ease < MIN_SPANISH_EASE:
                hard.append((module.id, q.id, ease))
    assert hard == []


def test_the_ease_measure_tells_hard_spanish_from_easy() -> None:
    """The check is only worth something if it fails hard text."""
    textstat.set_lang("es")
    easy = "Su dolor es real. El cuerpo sana. A veces el dolor sigue. Hay cosas que ayudan."
    hard = ("La sensibilización central constituye una amplificación neurofisiológica "
            "persistente de la señalización nociceptiva, caracterizada por hiperexcitabilidad "
            "neuronal e incremento de la eficacia sináptica en circuitos medulares.")
    assert textstat.fernandez_huerta(easy) >= MIN_SPANISH_EASE > textstat.fernandez_huerta(hard)


def test_no_forbidden_claim_in_spanish(library: Library) -> None:
    found = []
    for module in library.for_language("es"):
        texts = [module.title, module.summary] + [s.title + " " + s.markdown
                                                  for s in module.screens]
        texts += [c.explanation for q in module.questions for c in q.choices]
        texts += [c.text for q in module.questions for c in q.choices if c.correct]
        for text in texts:
            found += [(module.id, name, text[:60]) for name, pattern in CLAIMS_ES.items()
                      if re.search(pattern, text.lower())]
    assert found == []


def test_spanish_clinician_notes_give_teach_back_prompts(library: Library) -> None:
    for module in library.for_language("es"):
        for question in module.questions:
            prompt = analytics.teach_back(module, question)
            assert prompt and "Repetir" not in prompt, f"{module.id}/{question.id}"


def test_clinic_values_are_filled_in_spanish(library: Library) -> None:
    session = next(m for m in library.for_language("es") if m.id == "your-infusion-session")
    day_of = session.screen("day-of").markdown
    assert "Un adulto debe llevarlo a casa" in day_of
    assert "An adult must" not in day_of and "{{" not in day_of


def test_a_translation_that_changes_the_questions_is_refused(tmp_path: Path) -> None:
    """`eduapp check` finds a Spanish file whose ids differ from module.toml, by line."""
    folder = tmp_path / "modules" / "01-why-pain-lasts"
    shutil.copytree(RESOURCES / "modules" / "01-why-pain-lasts", folder)
    shutil.copy(RESOURCES / "clinic.toml", tmp_path / "clinic.toml")
    es = folder / "es.md"
    lines = es.read_text(encoding="utf-8").splitlines()
    choice = next(i for i, line in enumerate(lines) if line.startswith("- {#") and i > 100)
    lines[choice] = re.sub(r"\{#[a-z0-9-]+\}", "{#a-new-choice}", lines[choice], count=1)
    es.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "eduapp", "--resources", str(tmp_path),
                           "check"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1
    assert re.search(rf"es\.md:{choice + 1}: .*a-new-choice", done.stdout), done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    library = load_library(tmp_path, {"clinic_phone": "x", "after_hours_phone": "x"})
    assert library.for_language("es") == [] and len(library.for_language("en")) == 1


# the interface translation ---------------------------------------------------------------

def test_every_interface_text_is_translated(tmp_path: Path) -> None:
    """lupdate over the code finds no text missing from the Spanish .ts, and none unfinished."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(map(str, (ROOT / "eduapp").rglob("*.py")))
    done = subprocess.run([str(LUPDATE), "-no-obsolete", *sources, "-ts", str(copy)],
                          capture_output=True, text=True, timeout=120, check=True)
    assert "0 new" in done.stdout, done.stdout
    text = copy.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    compiled = subprocess.run([str(LRELEASE), str(copy), "-qm", str(tmp_path / "es.qm")],
                              capture_output=True, text=True, timeout=120, check=True)
    assert "0 unfinished" in compiled.stdout, compiled.stdout


def test_translations_keep_every_placeholder() -> None:
    text = TS.read_text(encoding="utf-8")
    pairs = re.findall(r"<source>(.*?)</source>.*?<translation>(.*?)</translation>", text,
                       re.DOTALL)
    assert len(pairs) > 250
    for source, translation in pairs:
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", translation)), \
            source


def test_no_interface_text_is_hidden_from_lupdate() -> None:
    """lupdate cannot see tr() inside an f-string: such a text would stay in English."""
    hidden = [f"{path.name}:{n}" for path in (ROOT / "eduapp").rglob("*.py")
              for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if re.search(r"\btr\('", line)]
    assert hidden == []


# the app in Spanish ---------------------------------------------------------------------

def test_a_patient_switches_to_spanish_and_the_idle_reset_switches_back(
        qtbot, make_window, store, library: Library) -> None:
    window = make_window(store, languages=("en", "es"), idle_seconds=0.3, countdown_seconds=1)
    flow = window.flow
    assert flow.welcome.start_button.text() == "Start"
    assert not window.idle.armed
    qtbot.mouseClick(flow.welcome.language_buttons["es"], Qt.MouseButton.LeftButton)
    assert window.language == "es"
    assert flow.welcome.start_button.text() == "Comenzar"
    assert window.topics_button.text() == "Todos los temas"
    assert window.idle.armed  # the next patient must not inherit the choice

    driver = PatientDriver(window)
    module = library.for_language("es")[0]
    driver.start()
    assert [c.module.title for c in flow.module_list.cards] == [
        m.title for m in library.for_language("es")]
    driver.open_module(module)
    assert flow.screen_page.heading.text() == module.screens[0].title
    driver.read_all(module)
    driver.take_quiz(module, wrong_first={module.questions[0].id})
    session = flow.visit.session_id
    assert store.session(session).language == "es"
    assert {a.language for a in store.attempts(session)} == {"es"}

    with qtbot.waitSignal(window.idle.reset, timeout=5000):
        pass
    assert window.language == "en"
    assert flow.welcome.start_button.text() == "Start"
    assert flow.welcome.language_buttons["en"].isChecked()
    driver.start()
    assert [c.module.title for c in flow.module_list.cards] == [
        m.title for m in library.for_language("en")]


def test_read_aloud_says_so_when_there_is_no_spanish_voice(qtbot, make_window, store) -> None:
    """The test speech engine has English voices only: Spanish is never read in English."""
    window = make_window(store, languages=("en", "es"), speech_engine="mock")
    window.set_language("es")
    with qtbot.waitSignal(window.speech.unavailable, timeout=10000):  # the engine says so
        qtbot.mouseClick(window.read_button, Qt.MouseButton.LeftButton)
    assert window.speech.state == "idle"
    assert window.read_button.text() == "No se puede leer en voz alta"
    window.set_language("en")
    with qtbot.waitSignal(window.speech.state_changed, timeout=5000):
        qtbot.mouseClick(window.read_button, Qt.MouseButton.LeftButton)
    assert window.speech.state == "speaking"


# exports -------------------------------------------------------------------------------------

def test_exports_record_the_language_the_patient_used(tmp_path: Path, library: Library) -> None:
    clock = Clock(datetime(2025, 3, 14, 9, 0, tzinfo=UTC))
    store = Store.open(tmp_path / DB_NAME, clock=clock)
    spanish = Visit(store, "es")
    take_quiz(spanish, library.for_language("es")[0], clock)
    spanish.end()
    english = Visit(store, "en")
    take_quiz(english, library.for_language("en")[1], clock)
    english.end()
    modules = library.for_language("en")
    rows = store.sessions_by_id(None)
    sessions = analytics.summaries(store, modules, rows)
    out = tmp_path / "answers.csv"
    export.write_csv(store, modules, rows, out)
    with out.open(encoding="utf-8-sig", newline="") as file:
        by_session = {row["session_id"]: row["language"] for row in csv.DictReader(file)}
    assert by_session == {str(spanish.session_id): "es", str(english.session_id): "en"}
    bundle = export.fhir_bundle(sessions, modules, export.database_id(store))
    responses = {e["resource"]["id"]: e["resource"]["language"] for e in bundle["entry"]
                 if e["resource"]["resourceType"] == "QuestionnaireResponse"}
    assert sorted(responses.values()) == ["en", "es"]
    store.close()



@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_topic_cards_with_results_fit_in_spanish_at_the_largest_text(
        qtbot, make_window, store, library: Library, size: tuple[int, int]) -> None:
    window = make_window(store, languages=("en", "es"), language="es")
    window.resize(*size)
    window.set_text_step(2)
    driver = PatientDriver(window)
    driver.start()
    for module in library.for_language("es")[:2]:
        driver.open_module(module)
        driver.read_all(module)
        driver.take_quiz(module)
        driver.back_to_topics()
    qtbot.waitUntil(lambda: window.width() == size[0])
    assert all(card.badge.isVisible() for card in window.flow.module_list.cards[:2])
    assert labels_cut_off(window) == []


def test_dates_in_the_clinician_workspace_follow_the_language(qtbot, themed, tmp_path,
                                                              monkeypatch, request) -> None:
    """A clinician who switched to Spanish reads Spanish dates, not English month names."""
    from eduapp.app import build_window
    from eduapp.core.startup import Options, prepare
    from eduapp.ui import pin_dialog
    from eduapp.ui.i18n import long_date

    monkeypatch.setattr(pin_dialog, "ask_for_pin", lambda parent, store: True)
    window = build_window(prepare(Options(data_dir=tmp_path)))
    qtbot.addWidget(window)
    window.show()
    window.set_language("es")
    request.addfinalizer(lambda: window.set_language("en"))  # the next test starts in English
    window.show_workspace()
    shown = window.workspace.today.day_edit.text()
    today = long_date(datetime.now().date())
    assert shown == today and "de" in today.split()
    assert not any(name in shown for name in ("Monday", "Tuesday", "Wednesday", "Thursday",
                                              "Friday", "Saturday", "Sunday"))
    assert long_date(datetime(2026, 11, 22, tzinfo=UTC).date()) == (
        "domingo, 22 de noviembre de 2026")
    window.close_workspace()
    window.set_language("en")
    window.show_workspace()
    assert "Sunday" in long_date(datetime(2026, 11, 22, tzinfo=UTC).date())
    assert window.workspace.today.day_edit.text() == long_date(datetime.now().date())


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_workspace_tab_fits_at_the_largest_text(qtbot, themed, tmp_path, monkeypatch,
                                                      request, language: str) -> None:
    """Large text and long Spanish words put the settings' two columns one below the other
    rather than off the side of the window."""
    from eduapp.app import build_window
    from eduapp.core.startup import Options, prepare
    from eduapp.ui import pin_dialog

    monkeypatch.setattr(pin_dialog, "ask_for_pin", lambda parent, store: True)
    context = prepare(Options(data_dir=tmp_path))
    demo.generate_demo_data(context.store, context.modules, sessions=20, seed=5, days=1)
    window = build_window(context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.set_language(language)
    request.addfinalizer(lambda: window.set_language("en"))  # the next test starts in English
    window.set_text_step(2)
    window.show_workspace()
    tabs = window.workspace.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        laid_out(themed)
        assert labels_cut_off(window.workspace) == [], tabs.tabText(index)
        assert buttons_cut_off(window.workspace) == [], tabs.tabText(index)
    window.set_text_step(0)
    window.close_workspace()
    window.show_workspace()
    tabs = window.workspace.tabs
    tabs.setCurrentIndex(tabs.count() - 1)
    laid_out(themed)
    assert labels_cut_off(window.workspace) == []
    if language == "en":  # normal text in English leaves room for both columns side by side
        assert window.workspace.settings.columns.direction().name == "LeftToRight"


def laid_out(app) -> None:  # type: ignore[no-untyped-def]
    """Deliver the layout requests and resizes a change posted (no timer involved)."""
    for _ in range(3):
        app.processEvents()
