"""`eduapp self-test`: drive the real screens through every module offscreen, then check storage.

Every screen is read, every question is answered wrong first, then right after its review
screen, and the database must hold exactly those answers. Exit code 0 only if all worked.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from eduapp.core.content.model import Module
from eduapp.core.quiz import first_pass
from eduapp.core.startup import Options, prepare
from eduapp.core.storage.sqlite import Store

if TYPE_CHECKING:
    from eduapp.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def run_self_test(options: Options) -> int:
    from eduapp.app import build_window, make_application
    from eduapp.commands.driver import DriveError, PatientDriver
    from eduapp.ui import errors

    if options.data_dir is None and not options.temp_data:
        options.data_dir = Path(tempfile.mkdtemp(prefix="eduapp-self-test-"))
        keep = False
    else:
        keep = options.data_dir is not None
    context = prepare(options)
    app = make_application()
    errors.install(interactive=False)
    failures: list[str] = []
    if context.store is None:
        failures.append("the database could not be opened: " + "; ".join(map(str, context.notices)))
    for problem in context.library.problems:
        failures.append(f"content problem: {problem}")
    if not context.modules:
        failures.append(f"no modules in language '{context.language}'")
    window = build_window(context)
    window.apply_theme()
    window.show()
    app.processEvents()
    driver = PatientDriver(window)
    screens = questions = 0
    try:
        driver.start()
        for module in context.modules:
            driver.open_module(module)
            driver.read_all(module)
            driver.take_quiz(module)
            page = window.flow.results_page
            total = len(first_pass(module))
            shown = (page.first_try.text(), page.final.text())
            of = page.tr("%1 of %2").replace("%2", str(total))
            if shown != (of.replace("%1", "0"), of.replace("%1", str(total))):
                failures.append(f"{module.id}: results show {shown[0]} first try and {shown[1]} "
                                f"in the end, expected 0 and {total} of {total}")
            driver.back_to_topics()
            screens += len(module.screens)
            questions += total
            print(f"  {module.id}: {len(module.screens)} screens read, {total} questions "
                  "answered wrong, reviewed, then right")
    except DriveError as err:
        failures.append(f"the screens did not behave: {err}")
    failures += _check_speech()
    failures += _check_languages(window)
    session = window.flow.visit.session_id if window.flow.visit else 0
    if context.store is not None and session:
        failures += _check_store(context.store, session, context.modules)
    window.close()
    if context.store is not None:
        context.store.close()
    where = f" (sessions kept in {context.data_dir})" if keep else ""
    if failures:
        for failure in failures:
            print(f"FAILED: {failure}")
        return 1
    print(f"self-test passed: {len(context.modules)} modules, {screens} screens, {questions} "
          f"questions, {2 * questions} answers stored{where}")
    return 0


def _check_languages(window: MainWindow) -> list[str]:
    """Each language offered switches the content and the interface (its .qm is there)."""
    from eduapp.commands.driver import PatientDriver

    failures = []
    first = window.language
    english = "Start"  # the button's source text: what an untranslated interface shows
    window.flow.end_visit()
    driver = PatientDriver(window)
    for code, choice in window.flow.welcome.language_buttons.items():
        driver.click(choice)
        modules = window.flow.modules
        if window.language != code or len(modules) != len(window.modules[first]):
            failures.append(f"choosing '{code}' did not show all its modules")
        elif code != "en" and window.flow.welcome.start_button.text() == english:
            failures.append(f"the interface is not translated into '{code}'")
        else:
            print(f"  language {code}: {len(modules)} modules, "
                  f"'{window.flow.welcome.start_button.text()}' to start")
    window.set_language(first)
    return failures


def _check_speech() -> list[str]:
    """Read-aloud works: Qt's speech library and its plugins are there (a frozen build too)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from eduapp.ui.patient.read_aloud import ReadAloud

    speech = ReadAloud("mock")
    said: list[str] = []
    loop = QEventLoop()
    speech.state_changed.connect(said.append)
    speech.state_changed.connect(lambda state: loop.quit() if state == "idle" else None)
    if not speech.speak("Read aloud works."):
        return [f"read aloud does not work: {speech.problem}"]
    QTimer.singleShot(10_000, loop.quit)
    loop.exec()
    if said[:1] != ["speaking"] or said[-1:] != ["idle"]:
        return [f"read aloud did not speak and finish (states: {said})"]
    print("  read aloud: spoke with the test engine")
    return []


def _check_store(store: Store, session: int, quizzed: list[Module]) -> list[str]:
    failures = []
    modules = {m.id: m for m in quizzed}
    attempts = store.attempts(session)
    if sorted(a.module_id for a in attempts) != sorted(modules):
        failures.append("not every module's quiz was stored")
    for attempt in attempts:
        module = modules.get(attempt.module_id)
        if module is None:
            continue
        n = len(first_pass(module))
        first = [a for a in attempt.answers if a.try_number == 1]
        second = [a for a in attempt.answers if a.try_number == 2]
        if attempt.finished_at is None:
            failures.append(f"{module.id}: the quiz is not marked finished")
        if len(first) != n or any(a.right for a in first):
            failures.append(f"{module.id}: expected {n} wrong first answers stored")
        if len(second) != n or not all(a.right for a in second):
            failures.append(f"{module.id}: expected {n} right second answers stored")
    views = store.screen_views(session)
    read = {(m, s) for m, s, _ in views}
    for module in modules.values():
        for screen in module.screens:
            if (module.id, screen.id) not in read:
                failures.append(f"{module.id}: screen '{screen.id}' view was not stored")
    return failures
