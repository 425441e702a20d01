"""The content model: modules, screens, objectives, questions, as loaded from resources."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eduapp.core.textfile import Problem

KEY_POINTS = "key-points"


class QuestionKind(StrEnum):
    """How a question is answered."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true-false"


@dataclass(frozen=True)
class Image:
    """An illustration: a file, the sentence that describes it, and its visible caption."""

    path: Path
    alt: str
    caption: str = ""  # shown under the picture; the alt text is for screen readers


@dataclass(frozen=True)
class Screen:
    """One screen of a module: a heading, an optional illustration, Markdown text."""

    id: str
    title: str
    markdown: str
    image: Image | None = None
    clinician_notes: str = ""
    line: int = 0  # where its heading is in the language file
    # the clinician notes apart: teach-back prompts (each `Teach-back:` line), the rest
    teach_back: tuple[str, ...] = ()
    talking_points: str = ""

    @property
    def is_key_points(self) -> bool:
        return self.id == KEY_POINTS


@dataclass(frozen=True)
class Choice:
    """One answer to a question, with the explanation shown when it is chosen."""

    id: str
    text: str
    explanation: str
    correct: bool


@dataclass(frozen=True)
class Question:
    """A quiz question; which choices are right comes from module.toml only."""

    id: str
    kind: QuestionKind
    text: str
    objective: str
    reviews: str
    choices: tuple[Choice, ...]
    detail: str = ""
    safety: tuple[int, ...] = ()  # the FACTS.md safety points it checks
    reserve: bool = False  # asked only again after its objective was missed, never first

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(c.id for c in self.choices if c.correct)

    def choice(self, choice_id: str) -> Choice:
        for c in self.choices:
            if c.id == choice_id:
                return c
        raise KeyError(choice_id)

    def is_right(self, chosen: frozenset[str] | set[str]) -> bool:
        return frozenset(chosen) == self.correct_ids


@dataclass(frozen=True)
class Objective:
    """A learning objective, phrased as what the patient now understands."""

    id: str
    text: str


@dataclass(frozen=True)
class Module:
    """A module in one language."""

    id: str
    folder: Path
    language: str
    title: str
    summary: str
    minutes: int
    cover: Image | None
    screens: tuple[Screen, ...]
    objectives: tuple[Objective, ...]
    questions: tuple[Question, ...]
    checklist: str | None = None  # the screen patients can print and take home

    def screen(self, screen_id: str) -> Screen:
        for s in self.screens:
            if s.id == screen_id:
                return s
        raise KeyError(screen_id)

    def screen_index(self, screen_id: str) -> int:
        return [s.id for s in self.screens].index(screen_id)

    def objective(self, objective_id: str) -> Objective:
        for o in self.objectives:
            if o.id == objective_id:
                return o
        raise KeyError(objective_id)


@dataclass
class Library:
    """Every module found under resources, per language, and the problems met on the way."""

    languages: tuple[str, ...]
    modules: dict[str, list[Module]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    broken: dict[str, str] = field(default_factory=dict)  # module id -> first problem

    def for_language(self, language: str) -> list[Module]:
        return self.modules.get(language, [])
