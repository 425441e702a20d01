"""The quiz after a module, taught to goal, and how it is scored.

Round 1 asks every question not held in reserve (the first pass). Each later round takes the
questions missed in the round before: first the screen that teaches the missed question is
shown again, then the patient is asked again with a question of the same objective they have
not seen in this quiz (a reserve question first), so being right again is not just recalling
the same item seconds later. Only an objective with a single question asks that one again,
with its choices moved. Rounds go on until every first-pass question is understood or the
patient chooses to stop. A re-ask counts for the first-pass question it stands in for.
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
    try_number: int  # 1 for the first pass; 2 and more for the re-asks of one item
    seconds: float
    asked_for: str = ""  # a re-ask: the first-pass question it stands in for; else ""

    @property
    def item(self) -> str:
        """The first-pass question this answer counts for."""
        return self.asked_for or self.question_id

    @property
    def is_reask(self) -> bool:
        return bool(self.asked_for)


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
    for a in answers:  # one pass, read often (a clinic's Today scores every quiz of the day)
        if a.asked_for:  # a re-ask counts for the first-pass question it stands in for
            final[a.asked_for] = final.get(a.asked_for, False) or a.right
            continue
        if a.try_number == 1:
            first[a.question_id] = a.right
        final[a.question_id] = final.get(a.question_id, False) or a.right
    ids: list[str] = []
    by_objective: dict[str, list[str]] = {}
    for q in first_pass(module):
        ids.append(q.id)
        by_objective.setdefault(q.objective, []).append(q.id)
    mastery = []
    for objective in module.objectives:
        mine = by_objective.get(objective.id)
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


def first_pass(module: Module) -> list[Question]:
    """The questions asked the first time through: all but those held in reserve."""
    return [q for q in module.questions if not q.reserve]


def choice_order(question: Question, try_number: int) -> tuple[Choice, ...]:
    """The order to show choices in: the author's the first time, moved round after.

    Moving the choices when the same question is asked again means the patient has to read
    them again, not just remember where the right one was. True/false keeps its order.
    """
    choices = question.choices
    if try_number <= 1 or len(choices) < 3:
        return choices
    shift = (try_number - 1) % len(choices)
    return choices[shift:] + choices[:shift]


@dataclass
class _Item:
    """A first-pass question still to be understood, and the question that asks for it now."""

    target: Question  # the first-pass question
    ask: Question  # what is asked: the target itself in the first pass, else a re-ask
    missed: Question | None = None  # the question just missed, whose screen is reviewed


class QuizSession:
    """The state of one quiz; the widgets render it and call its methods."""

    def __init__(self, module: Module, on_answer: Callable[[Answer], None] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.module = module
        self._on_answer = on_answer
        self._clock = clock
        self._round: list[_Item] = [_Item(q, q) for q in first_pass(module)]
        self._index = 0
        self._missed: list[_Item] = []
        self._tries: dict[str, int] = {}  # first-pass question -> answers given for it
        self._asked: dict[str, int] = {}  # question -> times answered
        self._seen: dict[str, int] = {}  # question -> when last shown (a counter)
        self._turn = 0
        self.answers: list[Answer] = []
        self.last: Answer | None = None
        self.round_number = 1
        self.step = Step.QUESTION if self._round else Step.DONE
        self._shown_at = clock()

    @property
    def question(self) -> Question:
        """The question asked now (during a review: the one asked after it)."""
        return self._round[self._index].ask

    @property
    def asked_for(self) -> Question:
        """The first-pass question the current question counts for."""
        return self._round[self._index].target

    @property
    def is_reask(self) -> bool:
        return self.round_number > 1

    @property
    def position(self) -> tuple[int, int]:
        """(number of this question, questions in this round), counting from 1."""
        return self._index + 1, len(self._round)

    @property
    def try_number(self) -> int:
        done = self._tries.get(self.asked_for.id, 0)
        return done + (1 if self.step != Step.FEEDBACK else 0)

    @property
    def choices(self) -> Sequence[Choice]:
        done = self._asked.get(self.question.id, 0)
        return choice_order(self.question, done + (1 if self.step != Step.FEEDBACK else 0))

    @property
    def finishes_next(self) -> bool:
        """True during the feedback after which the quiz is over."""
        return (self.step == Step.FEEDBACK and self._index == len(self._round) - 1
                and not self._missed)

    @property
    def review_screen(self) -> Screen:
        """The screen that teaches the question just missed."""
        item = self._round[self._index]
        return self.module.screen((item.missed or item.ask).reviews)

    def answer(self, chosen: Iterable[str]) -> Answer:
        """Record an answer to the current question and move to its feedback."""
        if self.step != Step.QUESTION:
            raise RuntimeError(f"cannot answer during {self.step.value}")
        picked = frozenset(chosen)
        if not picked:
            raise ValueError("no choice made")
        item = self._round[self._index]
        q = item.ask
        unknown = picked - {c.id for c in q.choices}
        if unknown:
            raise ValueError(f"unknown choices {sorted(unknown)}")
        self._tries[item.target.id] = self._tries.get(item.target.id, 0) + 1
        self._asked[q.id] = self._asked.get(q.id, 0) + 1
        self._mark_seen(q)
        now = self._clock()
        answer = Answer(q.id, picked, q.is_right(picked), self._tries[item.target.id],
                        round(now - self._shown_at, 1),
                        item.target.id if self.round_number > 1 else "")
        if not answer.right:
            self._missed.append(_Item(item.target, q, q))
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
        """After the review screen, ask for the missed question again."""
        if self.step != Step.REVIEW:
            raise RuntimeError(f"cannot ask again during {self.step.value}")
        self._show(Step.QUESTION)

    def stop(self) -> None:
        """The patient chooses to stop; what is not understood stays 'talk with your team'."""
        self.step = Step.DONE

    def results(self) -> Results:
        return score(self.module, self.answers)

    def _show(self, step: Step) -> None:
        if step == Step.REVIEW:
            item = self._round[self._index]
            item.ask = self._reask(item)
            self._mark_seen(item.ask)
        self.step = step
        self._shown_at = self._clock()

    def _reask(self, item: _Item) -> Question:
        """The question to ask for `item` after its review.

        One of the same objective not yet seen in this quiz (reserve questions first); if
        none is left, another of the objective, the one seen longest ago; the missed one
        itself only when the objective has no other question.
        """
        missed = item.missed or item.ask
        same = [q for q in self.module.questions if q.objective == item.target.objective]
        unseen = [q for q in same if q.id not in self._seen]
        if unseen:
            return min(unseen, key=lambda q: not q.reserve)
        others = [q for q in same if q.id != missed.id]
        if others:
            return min(others, key=lambda q: self._seen.get(q.id, -1))
        return missed

    def _mark_seen(self, question: Question) -> None:
        self._turn += 1
        self._seen[question.id] = self._turn
