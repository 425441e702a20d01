"""Every screen the gallery renders, in every language, text size, contrast and window size,
checked for anything cut, overlapping or off the window or screen (tests/ui_checks).

Each case starts the real app on a fresh data folder (the shipped settings: a kiosk waiting for
its phone numbers) with a day of demo sessions, then walks the staff side and the patient side
(eduapp.commands.staff_driver): the gate, every PIN dialog, each clinician tab and its dialogs,
every patient page and quiz state, the printing dialog, results, the idle notice and the
messages. `scripts/screens.py` runs all of it; tests/ui/test_screen_matrix.py runs corners.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from eduapp.app import build_window, hold_for_phones
from eduapp.commands.driver import DriveError
from eduapp.commands.staff_driver import walk_every_screen
from eduapp.core.demo import generate_demo_data
from eduapp.core.startup import Options, prepare
from eduapp.ui.main_window import MainWindow
from tests.ui_checks import dialog_problems, screen_problems

SIZES = ((1024, 768), (1280, 800), (1920, 1080), (800, 1280))
LANGUAGES = ("en", "es")


@dataclass(frozen=True)
class Case:
    language: str
    text_step: int
    high_contrast: bool
    size: tuple[int, int]

    def __str__(self) -> str:
        contrast = "high-contrast" if self.high_contrast else "normal"
        return f"{self.language} text{self.text_step} {contrast} {self.size[0]}x{self.size[1]}"


def every_case() -> Iterator[Case]:
    for language, step, contrast, size in product(LANGUAGES, range(3), (False, True), SIZES):
        yield Case(language, step, contrast, size)


@dataclass
class Outcome:
    """What one case found: each problem as 'case / screen: what', and how many screens."""

    problems: list[str]
    screens: int


def apply(window: MainWindow, case: Case) -> None:
    window.text_step = case.text_step
    window.high_contrast = case.high_contrast
    window.apply_theme()
    window.resize(*case.size)


def check_case(case: Case, data_dir: Path, modules: int = 0) -> Outcome:
    """Start the app for `case` on an empty `data_dir` and look at every screen (of the first
    `modules` modules only, when given)."""
    context = prepare(Options(data_dir=data_dir, lang=case.language))
    assert context.store is not None
    generate_demo_data(context.store, context.modules, sessions=24, days=1)  # today's
    window = build_window(context, idle_seconds=600)
    hold_for_phones(window, context)
    window.show()
    apply(window, case)
    outcome = Outcome([], 0)
    screen = QSize(*case.size)

    def look(name: str, root: QWidget) -> None:
        for _ in range(3):  # a layout may take a few passes to settle (scroll bars come)
            QApplication.processEvents()
        outcome.screens += 1
        found = (dialog_problems(root, screen) if isinstance(root, QDialog)
                 else screen_problems(root))
        outcome.problems.extend(f"{case} / {name}: {p}" for p in found)

    try:
        walk_every_screen(window, context.modules[:modules] if modules else context.modules,
                          look, lambda: apply(window, case))
    except DriveError as err:
        outcome.problems.append(f"{case}: {err}")
    finally:
        window.close()
        window.deleteLater()
        context.close()
        if window.translations is not None:  # what comes next starts in English
            window.translations.use("en")
    return outcome
