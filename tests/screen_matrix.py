"""Every patient screen in every language, text size, contrast and window size, checked for
anything cut, overlapping or off the window (tests/ui_checks.screen_problems).

`scripts/screens.py` runs all of it; tests/ui/test_screen_matrix.py runs a few corners of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import product

from PySide6.QtWidgets import QApplication

from eduapp.commands.driver import DriveError, PatientDriver
from tests.ui_checks import screen_problems

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


def check(window, case: Case, modules: Iterable) -> list[str]:  # type: ignore[no-untyped-def]
    """Drive `window` (on its welcome page) through `modules` in the state of `case`; return
    each problem as 'case / screen: what'."""
    window.set_language(case.language)
    window.text_step = case.text_step
    window.high_contrast = case.high_contrast
    window.apply_theme()
    window.resize(*case.size)
    problems: list[str] = []

    def look(name: str, root=None) -> None:  # type: ignore[no-untyped-def]
        for _ in range(3):  # a layout may take a few passes to settle (scroll bars come)
            QApplication.processEvents()
        problems.extend(f"{case} / {name}: {p}" for p in screen_problems(root or window))

    driver = PatientDriver(window, look)
    try:
        driver.start()
        for index, module in enumerate(modules):
            driver.open_module(module)
            driver.read_all(module)
            wrong = {module.questions[0].id} if module.questions else set()
            driver.take_quiz(module, wrong_first=wrong, stop_at_review=index % 2 == 1)
            driver.back_to_topics()
        look("topics after")
        if window.idle is not None:
            window.idle._warn()  # the notice the idle reset shows, at once
            look("idle notice", window.idle.notice)  # it covers the page: only it counts
            window.idle.still_here()
    except DriveError as err:
        problems.append(f"{case}: {err}")
    window.start_over()
    return problems
