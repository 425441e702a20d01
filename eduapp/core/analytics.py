"""What the clinician sees: sessions with their scores, and question statistics.

Pure functions over store reads (this computer's SQLite or the clinic's server); no Qt.
Scores come from `quiz.score` with the module content, so the clinician sees exactly what
the patient was shown. Statistics over many
sessions are counted by SQL (GROUP BY), so they stay fast with 100,000 stored answers.
Content is passed in as the modules of one language: ids and right answers are the same
in every language, and the clinician reads titles and prompts in theirs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from eduapp.core.content.model import Module, Objective, Question
from eduapp.core.quiz import Answer, Mastery, Results, first_pass, score
from eduapp.core.storage.reading import ResultStore
from eduapp.core.storage.sqlite import Attempt, SessionRow


@dataclass(frozen=True)
class AttemptSummary:
    """One quiz of one module in a session, scored."""

    id: int
    module: Module
    language: str
    started_at: datetime
    finished_at: datetime | None
    results: Results
    answers: tuple[Answer, ...]

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def completed(self) -> bool:
        """Finished, and every question answered right in the end."""
        return self.finished and self.results.all_understood

    @property
    def mastery(self) -> dict[str, Mastery]:
        return {o.id: level for o, level in self.results.objectives}


@dataclass(frozen=True)
class ToDiscuss:
    """An objective not yet understood, with what to ask the patient about it.

    `prompts` are the teach-back prompts of the clinician notes; empty when the notes have
    none (the interface then asks for the objective in the patient's own words).
    """

    module: Module
    objective: Objective
    prompts: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class SessionSummary(SessionRow):
    """One visit as the clinician sees it: the stored visit, its quizzes scored."""

    attempts: tuple[AttemptSummary, ...]
    to_discuss: tuple[ToDiscuss, ...]  # from the latest quiz of each module

    @property
    def modules(self) -> tuple[Module, ...]:
        """The modules whose quiz was started, in the order first met."""
        seen: dict[str, Module] = {}
        for attempt in self.attempts:
            seen.setdefault(attempt.module.id, attempt.module)
        return tuple(seen.values())

    @property
    def flagged(self) -> bool:
        return bool(self.to_discuss)


def teach_back(module: Module, question: Question) -> str | None:
    """The teach-back prompt in the clinician notes of the screen a question reviews."""
    try:
        prompts = module.screen(question.reviews).teach_back
    except KeyError:
        return None
    return prompts[0] if prompts else None


def _prompts(module: Module, objective: Objective, answers: Sequence[Answer]) -> tuple[str, ...]:
    """Prompts for the missed questions of an objective first, then its others."""
    right = {a.item for a in answers if a.right}
    mine = [q for q in first_pass(module) if q.objective == objective.id]
    missed = [q for q in mine if q.id not in right]
    found: list[str] = []
    for question in missed or mine:
        prompt = teach_back(module, question)
        if prompt and prompt not in found:
            found.append(prompt)
    return tuple(found)  # none: the interface asks for the objective in the patient's words


def _summarize(row: SessionRow, attempts: Sequence[Attempt],
               modules: dict[str, Module]) -> SessionSummary:
    scored = tuple(
        AttemptSummary(a.id, modules[a.module_id], a.language, a.started_at, a.finished_at,
                       score(modules[a.module_id], a.answers), a.answers)
        for a in attempts if a.module_id in modules)  # a module no longer in the content
    latest: dict[str, AttemptSummary] = {}
    for attempt in scored:
        if attempt.answers:
            latest[attempt.module.id] = attempt
    discuss = tuple(
        ToDiscuss(a.module, objective, _prompts(a.module, objective, a.answers))
        for a in latest.values() for objective, level in a.results.objectives
        if level is Mastery.NOT_YET)
    return SessionSummary(**vars(row), attempts=scored, to_discuss=discuss)


def summaries(store: ResultStore, modules: Iterable[Module], rows: Sequence[SessionRow],
              attempts: Mapping[int, Sequence[Attempt]] | None = None) -> list[SessionSummary]:
    """Score the given sessions in order (their quizzes in one query, unless given)."""
    by_id = {m.id: m for m in modules}
    if attempts is None:
        attempts = store.attempts_of(r.id for r in rows)
    return [_summarize(r, attempts.get(r.id, []), by_id) for r in rows]


def session_summary(store: ResultStore, modules: Iterable[Module], session_id: int
                    ) -> SessionSummary | None:
    """One session, scored; None when there is no such session."""
    row = store.session(session_id)
    return summaries(store, modules, [row])[0] if row else None


def day_bounds(day: date, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """Midnight to midnight of a day in `tz` (the computer's own time zone by default)."""
    start = datetime.combine(day, time.min)
    end = datetime.combine(day + timedelta(days=1), time.min)
    if tz is None:
        return start.astimezone(), end.astimezone()
    return start.replace(tzinfo=tz), end.replace(tzinfo=tz)


def today(store: ResultStore, modules: Iterable[Module], day: date, tz: tzinfo | None = None
          ) -> list[SessionSummary]:
    """The sessions started on `day`, newest first, scored, each flagged when needed."""
    start, end = day_bounds(day, tz)
    rows, attempts = store.scored_between(start, end)
    return summaries(store, modules, rows, attempts)


# question statistics ----------------------------------------------------------------------

@dataclass(frozen=True)
class QuestionStats:
    """How one question did on the first try across many sessions.

    First tries are the first pass only; a question asked again after a review (a re-ask,
    the missed question itself or another of its objective) is counted apart, in `reasks`.
    A reserve question is only ever a re-ask, so it has no first tries.
    """

    module: Module
    question: Question
    first_tries: int
    first_try_right: int
    top_wrong: tuple[str, int] | None  # the wrong choice chosen most often, and how often
    reasks: int = 0
    reasks_right: int = 0

    @property
    def facility(self) -> float | None:
        """Percent right on the first try (the facility index); None when never asked."""
        return 100 * self.first_try_right / self.first_tries if self.first_tries else None


@dataclass(frozen=True)
class ObjectiveStats:
    """How often an objective was still not understood at the end of a session's quiz."""

    module: Module
    objective: Objective
    sessions_missed: int
    sessions_quizzed: int


@dataclass(frozen=True)
class ItemReport:
    """Question statistics over a date range, worst first."""

    questions: tuple[QuestionStats, ...]
    objectives: tuple[ObjectiveStats, ...]


def item_statistics(store: ResultStore, modules: Iterable[Module], start: datetime, end: datetime
                    ) -> ItemReport:
    """Every question of `modules`, worst first, and the objectives most often missed.

    Question figures count first tries given from `start` to before `end` (re-asks apart,
    see QuestionStats); objective
    figures count the sessions started in that range (each session once per module, by
    its latest quiz of the module).
    """
    content = list(modules)
    right: dict[tuple[str, str], int] = {}
    tries: dict[tuple[str, str], int] = {}
    wrong: dict[tuple[str, str], dict[str, int]] = {}
    for module_id, question_id, chosen, was_right, n in store.first_try_choices(start, end):
        key = (module_id, question_id)
        tries[key] = tries.get(key, 0) + n
        if was_right:
            right[key] = right.get(key, 0) + n
        else:
            choices = wrong.setdefault(key, {})
            for choice in chosen:
                choices[choice] = choices.get(choice, 0) + n
    reasks: dict[tuple[str, str], list[int]] = {}
    for module_id, question_id, was_right, n in store.reask_counts(start, end):
        counts = reasks.setdefault((module_id, question_id), [0, 0])
        counts[0] += n
        counts[1] += n if was_right else 0
    questions = []
    for module in content:
        for question in module.questions:
            key = (module.id, question.id)
            order = {c.id: i for i, c in enumerate(question.choices) if not c.correct}
            picked = [(-n, order[c], c) for c, n in wrong.get(key, {}).items() if c in order]
            top = (min(picked)[2], -min(picked)[0]) if picked else None
            again = reasks.get(key, [0, 0])
            questions.append(QuestionStats(module, question, tries.get(key, 0),
                                           right.get(key, 0), top, again[0], again[1]))
    questions.sort(key=lambda s: (s.facility is None, s.facility or 0.0, -s.first_tries))
    tally = store.objective_tally(start, end)
    objectives = []
    for module in content:
        quizzed = tally.quizzed.get(module.id, 0)
        unfinished = tally.unfinished.get(module.id, 0)
        for objective in module.objectives:
            need = sum(q.objective == objective.id for q in first_pass(module))
            understood = sum(n for got, n in tally.right.get((module.id, objective.id), {}).items()
                             if got >= need)
            objectives.append(ObjectiveStats(module, objective, unfinished - understood, quizzed))
    objectives.sort(key=lambda s: (-s.sessions_missed, s.sessions_quizzed))
    return ItemReport(tuple(questions), tuple(objectives))
