"""Demo data for the clinician workspace and for tests: sessions made by the real quiz rules."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from eduapp.core.content.model import Module, Question
from eduapp.core.quiz import QuizSession, Step
from eduapp.core.storage.sqlite import Store


@dataclass(frozen=True)
class DemoCounts:
    """What `generate_demo_data` made."""

    sessions: int
    attempts: int
    answers: int


def generate_demo_data(store: Store, modules: Sequence[Module], sessions: int = 200,
                       seed: int = 1, *, answers: int | None = None, days: int = 90,
                       until: datetime | None = None) -> DemoCounts:
    """Fill a store with realistic, random, anonymous sessions (benchmarks, screenshots).

    Makes `sessions` sessions, or, when `answers` is given, exactly that many answers.
    Sessions fall in clinic hours over the `days` days before `until` (default now); each
    patient takes one to all modules with the real quiz rules, some questions are harder
    than others, and each question has one wrong choice that tempts more than the rest.
    """
    if not modules:
        raise ValueError("no modules to make answers for")
    rng = random.Random(seed)
    end = (until or datetime.now(UTC)).astimezone(UTC)
    hardness = {(m.id, q.id): rng.uniform(0.05, 0.45) for m in modules for q in m.questions}
    tempting = {(m.id, q.id): rng.choice([c.id for c in q.choices if not c.correct])
                for m in modules for q in m.questions}
    made = DemoCounts(0, 0, 0)
    clock = _DemoClock(end)
    demo = store.with_clock(clock)
    with store.batch():
        while (made.answers < answers) if answers is not None else (made.sessions < sessions):
            day = (end - timedelta(days=rng.randrange(days))).astimezone()  # clinic hours
            start = day.replace(hour=rng.randrange(8, 17), minute=rng.randrange(60),
                                second=rng.randrange(60), microsecond=0).astimezone(UTC)
            if start > end:  # later today than now: earlier today, never the day before
                midnight = day.replace(hour=0, minute=0, second=0, microsecond=0)
                today_so_far = (end - midnight.astimezone(UTC)).total_seconds()
                start = end - timedelta(seconds=min(rng.randrange(1, 480) * 60,
                                                    rng.random() * today_so_far))
            clock.now = start
            left = None if answers is None else answers - made.answers
            made = _demo_session(demo, clock, rng, modules, hardness, tempting, made, left)
    return made


class _DemoClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def _demo_session(store: Store, clock: _DemoClock, rng: random.Random,
                  modules: Sequence[Module], hardness: dict[tuple[str, str], float],
                  tempting: dict[tuple[str, str], str], made: DemoCounts,
                  left: int | None) -> DemoCounts:
    session = store.start_session(modules[0].language)
    if rng.random() < 0.4:
        store.set_visit_code(session, f"V-{rng.randrange(1000, 9999)}")
    ability = rng.uniform(-0.15, 0.25)
    attempts = answers = 0
    for module in rng.sample(list(modules), rng.randint(1, len(modules))):
        if left is not None and answers >= left:
            break
        for screen in module.screens:
            store.view_screen(session, module.id, screen.id, module.language)
            clock.advance(rng.uniform(10, 60))
        attempt = store.start_attempt(session, module.id, module.language)
        attempts += 1
        quiz = QuizSession(module)
        while quiz.step is not Step.DONE and (left is None or answers < left):
            if quiz.step is Step.REVIEW:
                quiz.ask_again()
            question = quiz.question
            p_right = (1 - hardness[(module.id, question.id)] + ability
                       + 0.25 * (quiz.try_number - 1))
            seconds = round(rng.uniform(4, 40), 1)
            clock.advance(seconds)
            chosen = (question.correct_ids if rng.random() < p_right
                      else _wrong_choice(question, tempting[(module.id, question.id)], rng))
            answer = quiz.answer(chosen)
            store.add_answer(attempt, replace(answer, seconds=seconds), question.objective)
            answers += 1
            if quiz.round_number >= 2 and not answer.right and rng.random() < 0.3:
                quiz.stop()  # some patients stop before everything is understood
            else:
                quiz.next()
        if quiz.step is not Step.DONE:
            break  # the answers asked for are made: this quiz stays unfinished
        store.finish_attempt(attempt, stopped=not quiz.results().all_understood)
        store.touch_session(session)
    store.end_session(session)
    return DemoCounts(made.sessions + 1, made.attempts + attempts, made.answers + answers)


def _wrong_choice(question: Question, tempting: str, rng: random.Random) -> frozenset[str]:
    if rng.random() < 0.6:
        picked = {tempting}
    else:
        picked = {rng.choice([c.id for c in question.choices if not c.correct])}
    if len(question.correct_ids) > 1:  # a multiple-choice question: most right, one wrong
        picked |= set(rng.sample(sorted(question.correct_ids), len(question.correct_ids) - 1))
    return frozenset(picked)
