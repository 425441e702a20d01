"""The quiz after a module, taught to goal, and how it is scored.

Round 1 asks every question. Each later round takes the questions missed in the round
before: first the screen that teaches it is shown again, then the question is asked again.
Rounds go on until every question is answered right or the patient chooses to stop.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eduapp.core.content.model import Choice, Module, Objective, Question, Screen


class Step(StrEnum):
    """Where the patient is in the quiz."""

    QUESTION = "question"
    FEEDBACK = "feedback"
    REVIEW = "review"
    DONE = "done"


class Mastery(StrEnum):
    """How well a learning objective is understood."""

    FIRST_TRY = "first-try"
    AFTER_REVIEW = "after-review"
    NOT_YET = "not-yet"


@dataclass(frozen=True)
class Answer:
    """One answer as given: stored the moment it is given."""

    question_id: str
    chosen: frozenset[str]
    right: bool
    try_number: int
    seconds: float


@dataclass(frozen=True)
class Results:
    """Scores of one quiz: first try and final, and mastery per objective."""

    total: int
    first_try_right: int
    final_right: int
    objectives: tuple[tuple[Objective, Mastery], ...]

    @property
    def all_understood(self) -> bool:
        return self.final_right == self.total

    @property
    def first_try_percent(self) -> int:
        return round(100 * self.first_try_right / self.total) if self.total else 0

    @property
    def final_percent(self) -> int:
        return round(100 * self.final_right / self.total) if self.total else 0


def score(module: Module, answers: Iterable[Answer]) -> Results:
    """Score answers to a module's quiz; the same rules for a live quiz and stored answers."""
    first: dict[str, bool] = {}
    final: dict[str, bool] = {}
    for a in answers:
        if a.try_number == 1:
            first[a.question_id] = a.right
        final[a.question_id] = final.get(a.question_id, False) or a.right
    ids = [q.id for q in module.questions]
    mastery = []
    for objective in module.objectives:
        mine = [q.id for q in module.questions if q.objective == objective.id]
        if mine and all(first.get(q, False) for q in mine):
            level = Mastery.FIRST_TRY
        elif mine and all(final.get(q, False) for q in mine):
            level = Mastery.AFTER_REVIEW
        else:
            level = Mastery.NOT_YET
        mastery.append((objective, level))
    return Results(
        total=len(ids),
        first_try_right=sum(first.get(q, False) for q in ids),
        final_right=sum(final.get(q, False) for q in ids),
        objectives=tuple(mastery),
    )


def choice_order(question: Question, try_number: int) -> tuple[Choice, ...]:
    """The order to show choices in: the author's on the first try, moved round after.

    Moving the choices on a retry means the patient has to read them again, not just
    remember where the right one was. True/false keeps its order.
    """
    choices = question.choices
    if try_number <= 1 or len(choices) < 3:
        return choices
    shift = (try_number - 1) % len(choices)
    return choices[shift:] + choices[:shift]


class QuizSession:
    """The state of one quiz; the widgets render it and call its methods."""

    def __init__(self, module: Module, on_answer: Callable[[Answer], None] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.module = module
        self._on_answer = on_answer
        self._clock = clock
        self._round: list[Question] = list(module.questions)
        self._index = 0
        self._missed: list[Question] = []
        self._tries: dict[str, int] = {}
        self.answers: list[Answer] = []
        self.last: Answer | None = None
        self.round_number = 1
        self.step = Step.QUESTION if self._round else Step.DONE
        self._shown_at = clock()

    @property
    def question(self) -> Question:
        return self._round[self._index]

    @property
    def position(self) -> tuple[int, int]:
        """(number of this question, questions in this round), counting from 1."""
        return self._index + 1, len(self._round)

    @property
    def try_number(self) -> int:
        return self._tries.get(self.question.id, 0) + (1 if self.step != Step.FEEDBACK else 0)

    @property
    def choices(self) -> Sequence[Choice]:
        return choice_order(self.question, self.try_number)

    @property
    def finishes_next(self) -> bool:
        """True during the feedback after which the quiz is over."""
        return (self.step == Step.FEEDBACK and self._index == len(self._round) - 1
                and not self._missed)

    @property
    def review_screen(self) -> Screen:
        return self.module.screen(self.question.reviews)

    def answer(self, chosen: Iterable[str]) -> Answer:
        """Record an answer to the current question and move to its feedback."""
        if self.step != Step.QUESTION:
            raise RuntimeError(f"cannot answer during {self.step.value}")
        picked = frozenset(chosen)
        if not picked:
            raise ValueError("no choice made")
        unknown = picked - {c.id for c in self.question.choices}
        if unknown:
            raise ValueError(f"unknown choices {sorted(unknown)}")
        q = self.question
        self._tries[q.id] = self._tries.get(q.id, 0) + 1
        now = self._clock()
        answer = Answer(q.id, picked, q.is_right(picked), self._tries[q.id],
                        round(now - self._shown_at, 1))
        if not answer.right:
            self._missed.append(q)
        self.answers.append(answer)
        self.last = answer
        self.step = Step.FEEDBACK
        if self._on_answer is not None:
            self._on_answer(answer)
        return answer

    def next(self) -> Step:
        """After feedback: the next question, a review screen, or the end."""
        if self.step != Step.FEEDBACK:
            raise RuntimeError(f"cannot go on from {self.step.value}")
        self._index += 1
        if self._index < len(self._round):
            self._show(Step.REVIEW if self.round_number > 1 else Step.QUESTION)
        elif self._missed:
            self._round, self._missed, self._index = self._missed, [], 0
            self.round_number += 1
            self._show(Step.REVIEW)
        else:
            self.step = Step.DONE
        return self.step

    def ask_again(self) -> None:
        """After the review screen, ask the missed question again."""
        if self.step != Step.REVIEW:
            raise RuntimeError(f"cannot ask again during {self.step.value}")
        self._show(Step.QUESTION)

    def stop(self) -> None:
        """The patient chooses to stop; what is not understood stays 'talk with your team'."""
        self.step = Step.DONE

    def results(self) -> Results:
        return score(self.module, self.answers)

    def _show(self, step: Step) -> None:
        self.step = step
        self._shown_at = self._clock()
