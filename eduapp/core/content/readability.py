"""Reading level of what a patient reads on each screen.

English: Flesch-Kincaid grade (WRITING.md: at most 6.0 averaged over a module, 7.5 on any
screen). Spanish: Fernandez-Huerta (at least 70 on every screen). Only patient-visible text
counts: the heading and the body, not alt text and never clinician notes. Headings and list
items are sentences of their own, so a list does not read as one long sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from eduapp.core.content.markup import markdown_html
from eduapp.core.content.model import Module, Screen

MAX_AVERAGE_GRADE = 6.0
MAX_SCREEN_GRADE = 7.5
MIN_SPANISH_EASE = 70.0
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th"}


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._current: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._current.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        self._current = []
        if text:
            ending = text.rstrip("\"'\u201d\u2019)")[-1:]
            self.blocks.append(text if ending in (".", "?", "!", ":", ";") else text + ".")


def patient_text(screen: Screen) -> str:
    """The words a patient reads on a screen, as sentences."""
    parser = _Blocks()
    parser.feed(f"<h2>{screen.title}</h2>" + markdown_html(screen.markdown))
    parser.close()
    parser._flush()
    return " ".join(parser.blocks)


@dataclass(frozen=True)
class Level:
    """The reading level of one screen: a grade (English) or an ease score (Spanish)."""

    screen: Screen
    score: float
    words: int


@dataclass(frozen=True)
class ModuleLevel:
    """Reading levels of a module's screens."""

    language: str
    screens: tuple[Level, ...]

    @property
    def average(self) -> float:
        return sum(s.score for s in self.screens) / len(self.screens) if self.screens else 0.0

    @property
    def worst(self) -> Level | None:
        if not self.screens:
            return None
        pick = min if self.language == "es" else max
        return pick(self.screens, key=lambda s: s.score)

    def too_hard(self) -> list[Level]:
        """Screens over the limit for their language."""
        if self.language == "es":
            return [s for s in self.screens if s.score < MIN_SPANISH_EASE]
        return [s for s in self.screens if s.score > MAX_SCREEN_GRADE]


def module_level(module: Module) -> ModuleLevel:
    """Measure every screen of a module (English grade; Spanish ease)."""
    import textstat  # type: ignore[import-untyped]  # only `check` and tests need it

    levels = []
    for screen in module.screens:
        text = patient_text(screen)
        if module.language == "es":
            textstat.set_lang("es")
            score = float(textstat.fernandez_huerta(text))
        else:
            textstat.set_lang("en_US")
            score = float(textstat.flesch_kincaid_grade(text))
        levels.append(Level(screen, round(score, 1), len(text.split())))
    return ModuleLevel(module.language, tuple(levels))
