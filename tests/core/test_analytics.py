"""What the clinician reads: scores per session, today's list, and question statistics.

Sessions are made through the real path (a Visit on a Store, the quiz taught to goal),
with a clock the test moves by hand, so what is asserted is what a clinician would see
after those patients. Every test has its own database file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from eduapp.core import analytics, demo
from eduapp.core.content.model import Library, Module, Question
from eduapp.core.quiz import Mastery, Step, first_pass, score
from eduapp.core.storage.sqlite import VISIT_CODE_MAX, Store
from eduapp.core.visit import Visit

DAY = date(2025, 3, 14)


class Clock:
    """A wall clock the test moves by hand (UTC, as the app stores times)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def wrong(question: Question) -> set[str]:
    return {next(c.id for c in question.choices if not c.correct)}


def take_quiz(visit: Visit, module: Module, clock: Clock, *, missed_once: Iterable[str] = (),
              never: Iterable[str] = (), finish: bool = True, answers: int | None = None
              ) -> None:
    """Take a module's quiz as a patient would.

    Questions in `missed_once` are missed on the first try and right after review; those
    in `never` are missed until the patient stops. `answers` stops after that many answers
    without finishing (the patient walked away).
    """
    once, stuck = set(missed_once), set(never)
    quiz = visit.start_quiz(module)
    given = 0
    while quiz.step is not Step.DONE:
        if answers is not None and given == answers:
            return
        if quiz.step is Step.REVIEW:
            quiz.ask_again()
        q, target = quiz.question, quiz.asked_for.id  # a re-ask may ask another question
        miss = target in stuck or (target in once and quiz.try_number == 1)
        clock.advance(7)
        quiz.answer(wrong(q) if miss else q.correct_ids)
        given += 1
        if miss and target in stuck and quiz.round_number > 1:
            quiz.stop()
        else:
            quiz.next()
    if finish:
        visit.finish_quiz(quiz)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2025, 3, 14, 14, 0, tzinfo=UTC))


@pytest.fixture
def db(tmp_path: Path, clock: Clock) -> Iterable[Store]:
    store = Store.open(tmp_path / "eduapp.db", clock=clock)
    yield store
    store.close()


@pytest.fixture
def modules(library: Library) -> list[Module]:
    return library.for_language("en")


# one session ------------------------------------------------------------------------------

def test_session_shows_scores_mastery_and_what_to_discuss(db: Store, clock: Clock,
                                                          modules: list[Module]) -> None:
    first, ketamine = modules[0], modules[2]
    visit = Visit(db, "en")
    take_quiz(visit, first, clock, missed_once=["pain-job"])
    take_quiz(visit, ketamine, clock, never=["best-evidence"])
    db.set_visit_code(visit.session_id, "  V-2041 ")

    summary = analytics.session_summary(db, modules, visit.session_id)

    assert summary is not None
    assert summary.visit_code == "V-2041"
    assert summary.language == "en"
    assert [m.id for m in summary.modules] == [first.id, ketamine.id]
    one, two = summary.attempts
    asked = len(first_pass(first))  # one missed once, then understood after a review
    assert (one.results.first_try_right, one.results.final_right, one.results.total) == (
        asked - 1, asked, asked)
    assert one.completed
    assert one.mastery["hurt-not-harm"] is Mastery.AFTER_REVIEW
    assert one.mastery["pain-is-real"] is Mastery.FIRST_TRY
    assert two.finished and not two.completed
    assert two.results.final_right == len(first_pass(ketamine)) - 1
    assert two.mastery["what-it-can-do"] is Mastery.NOT_YET
    # Only the objective still not understood is flagged, with the teach-back prompt of
    # the screen its missed question reviews (from the clinician notes in en.md).
    assert summary.flagged
    [discuss] = summary.to_discuss
    assert (discuss.module.id, discuss.objective.id) == (ketamine.id, "what-it-can-do")
    assert discuss.prompts == ("Ask the patient to tell you in their own words which kind of "
                               "pain has the best evidence for ketamine, and what that means "
                               "for their own pain.",)
    assert summary.started_at == datetime(2025, 3, 14, 14, 0, tzinfo=UTC)
    assert summary.last_activity == clock.now


def test_session_without_label_or_quiz(db: Store, modules: list[Module]) -> None:
    visit = Visit(db, "en")
    summary = analytics.session_summary(db, modules, visit.session_id)
    assert summary is not None
    assert summary.visit_code is None
    assert summary.attempts == () and summary.to_discuss == ()
    assert not summary.flagged
    assert analytics.session_summary(db, modules, visit.session_id + 1) is None


def test_walking_away_mid_quiz_leaves_the_rest_not_yet(db: Store, clock: Clock,
                                                      modules: list[Module]) -> None:
    module = modules[0]
    visit = Visit(db, "en")
    take_quiz(visit, module, clock, answers=2, finish=False)  # two right, then gone
    summary = analytics.session_summary(db, modules, visit.session_id)
    assert summary is not None
    [attempt] = summary.attempts
    assert not attempt.finished and not attempt.completed
    assert attempt.results.first_try_right == 2
    assert attempt.mastery["hurt-not-harm"] is Mastery.FIRST_TRY  # its two questions came first
    assert {d.objective.id for d in summary.to_discuss} == {
        "sensitization", "pain-is-real", "can-change"}


def test_a_retaken_quiz_counts_its_latest_result(db: Store, clock: Clock,
                                                 modules: list[Module]) -> None:
    module = modules[0]
    visit = Visit(db, "en")
    take_quiz(visit, module, clock, never=["pain-job"])
    take_quiz(visit, module, clock)
    summary = analytics.session_summary(db, modules, visit.session_id)
    assert summary is not None
    assert [a.completed for a in summary.attempts] == [False, True]
    assert summary.to_discuss == ()


def test_label_is_a_short_visit_code(db: Store) -> None:
    session = db.start_session("en")
    assert db.set_visit_code(session, "  A 12\t ") == "A 12"
    assert db.set_visit_code(session, "   ") is None
    assert db.set_visit_code(session, "x" * VISIT_CODE_MAX) == "x" * VISIT_CODE_MAX
    with pytest.raises(ValueError, match="32"):
        db.set_visit_code(session, "x" * (VISIT_CODE_MAX + 1))
    with pytest.raises(KeyError):
        db.set_visit_code(session + 1, "V-1")
    row = db.session(session)
    assert row is not None and row.visit_code == "x" * VISIT_CODE_MAX


# today --------------------------------------------------------------------------------------

def test_today_lists_that_days_sessions_newest_first(db: Store, clock: Clock,
                                                     modules: list[Module]) -> None:
    clock.now = datetime(2025, 3, 13, 16, 0, tzinfo=UTC)  # yesterday
    take_quiz(Visit(db, "en"), modules[0], clock)
    made = []
    for hour, never in ((9, ["pain-job"]), (11, []), (15, [])):
        clock.now = datetime(2025, 3, 14, hour, 0, tzinfo=UTC)
        visit = Visit(db, "en")
        take_quiz(visit, modules[0], clock, never=never)
        visit.end()
        made.append(visit.session_id)
    clock.now = datetime(2025, 3, 15, 0, 0, tzinfo=UTC)  # tomorrow, at midnight
    take_quiz(Visit(db, "en"), modules[0], clock)

    sessions = analytics.today(db, modules, DAY, tz=UTC)

    assert [s.id for s in sessions] == made[::-1]
    assert [s.flagged for s in sessions] == [False, False, True]
    assert [d.objective.id for d in sessions[2].to_discuss] == ["hurt-not-harm"]
    assert analytics.today(db, modules, DAY + timedelta(days=5), tz=UTC) == []


def test_today_uses_the_clinics_midnight(db: Store, clock: Clock, modules: list[Module]) -> None:
    clock.now = datetime(2025, 3, 14, 23, 30, tzinfo=UTC)  # 00:30 on the 15th at UTC+1
    Visit(db, "en")
    plus_one = timezone(timedelta(hours=1))
    assert len(analytics.today(db, modules, DAY, tz=UTC)) == 1
    assert analytics.today(db, modules, DAY, tz=plus_one) == []
    assert len(analytics.today(db, modules, DAY + timedelta(days=1), tz=plus_one)) == 1


# question statistics ----------------------------------------------------------------------

def test_item_statistics_worst_first(db: Store, clock: Clock, modules: list[Module]) -> None:
    module = modules[0]
    # Four patients: everyone misses pain-job once (three choose "measure", one
    # "stay-still"), one never gets tests-look-clear and stops.
    for n in range(4):
        visit = Visit(db, "en")
        quiz = visit.start_quiz(module)
        quiz.answer({"stay-still"} if n == 3 else {"measure"})
        quiz.next()
        while quiz.step is not Step.DONE:
            if quiz.step is Step.REVIEW:
                quiz.ask_again()
            q = quiz.question
            stuck = n == 0 and quiz.asked_for.id == "tests-look-clear"
            quiz.answer(wrong(q) if stuck else q.correct_ids)
            if stuck and quiz.round_number > 1:
                quiz.stop()
            else:
                quiz.next()
        visit.finish_quiz(quiz)
        clock.advance(600)

    report = analytics.item_statistics(db, modules, clock.now - timedelta(days=1),
                                       clock.now + timedelta(days=1))

    worst = report.questions[0]
    assert (worst.module.id, worst.question.id) == (module.id, "pain-job")
    assert (worst.first_tries, worst.first_try_right, worst.facility) == (4, 0, 0.0)
    assert worst.top_wrong == ("measure", 3)
    second = report.questions[1]
    assert second.question.id == "tests-look-clear" and second.facility == 75.0
    assert second.top_wrong == ("in-your-head", 1)
    right_away = next(s for s in report.questions if s.question.id == "can-it-change")
    assert right_away.facility == 100.0 and right_away.top_wrong is None
    never_asked = [s for s in report.questions if s.module.id != module.id]
    assert never_asked and all(s.facility is None and s.first_tries == 0 for s in never_asked)
    assert report.questions[-1].facility is None  # never asked comes last
    top = report.objectives[0]
    assert (top.module.id, top.objective.id, top.sessions_missed, top.sessions_quizzed) == (
        module.id, "pain-is-real", 1, 4)
    assert all(o.sessions_missed == 0 for o in report.objectives[1:])
    # outside the range: nothing counted
    empty = analytics.item_statistics(db, modules, clock.now + timedelta(days=1),
                                      clock.now + timedelta(days=2))
    assert all(s.first_tries == 0 for s in empty.questions)
    assert all(o.sessions_quizzed == 0 for o in empty.objectives)


def test_statistics_in_sql_match_scoring_every_session(tmp_path: Path,
                                                       modules: list[Module]) -> None:
    """The SQL counts agree with `quiz.score` applied to every stored session."""
    store = Store.open(tmp_path / "eduapp.db")
    until = datetime(2025, 6, 1, tzinfo=UTC)
    demo.generate_demo_data(store, modules, sessions=150, seed=3, days=30, until=until)
    start, end = until - timedelta(days=40), until + timedelta(days=1)
    report = analytics.item_statistics(store, modules, start, end)
    by_id = {m.id: m for m in modules}

    tries: Counter[tuple[str, str]] = Counter()
    right: Counter[tuple[str, str]] = Counter()
    wrong_choices: dict[tuple[str, str], Counter[str]] = {}
    missed: Counter[tuple[str, str]] = Counter()
    quizzed: Counter[str] = Counter()
    attempts = store.attempts_of(store.session_ids())
    for session_attempts in attempts.values():
        latest = {a.module_id: a for a in session_attempts if a.answers}
        for a in session_attempts:
            for answer in a.answers:
                if answer.try_number == 1:
                    key = (a.module_id, answer.question_id)
                    tries[key] += 1
                    right[key] += answer.right
                    if not answer.right:
                        q = by_id[a.module_id]
                        question = next(x for x in q.questions if x.id == answer.question_id)
                        wrong_choices.setdefault(key, Counter()).update(
                            answer.chosen - question.correct_ids)
        for a in latest.values():
            quizzed[a.module_id] += 1
            for objective, level in score(by_id[a.module_id], a.answers).objectives:
                missed[(a.module_id, objective.id)] += level is Mastery.NOT_YET
    store.close()

    assert sum(tries.values()) > 500
    for s in report.questions:
        key = (s.module.id, s.question.id)
        assert (s.first_tries, s.first_try_right) == (tries[key], right[key])
        if s.top_wrong is not None:
            assert s.top_wrong[1] == max(wrong_choices[key].values())
    assert sum(missed.values()) > 0
    # re-asks are counted apart from first tries, under the question actually asked
    reasks: Counter[tuple[str, str]] = Counter(
        (a.module_id, answer.question_id) for session_attempts in attempts.values()
        for a in session_attempts for answer in a.answers if answer.is_reask)
    assert sum(reasks.values()) > 0
    assert {(s.module.id, s.question.id): s.reasks for s in report.questions if s.reasks} \
        == dict(reasks)
    for o in report.objectives:
        assert o.sessions_missed == missed[(o.module.id, o.objective.id)]
        assert o.sessions_quizzed == quizzed[o.module.id]
    counts = [o.sessions_missed for o in report.objectives]
    assert counts == sorted(counts, reverse=True)
    facilities = [s.facility for s in report.questions if s.facility is not None]
    assert facilities == sorted(facilities)


def test_empty_database_gives_empty_views(db: Store, modules: list[Module]) -> None:
    assert analytics.today(db, modules, DAY) == []
    report = analytics.item_statistics(db, modules, datetime(2000, 1, 1, tzinfo=UTC),
                                       datetime(2100, 1, 1, tzinfo=UTC))
    assert len(report.questions) == sum(len(m.questions) for m in modules)
    assert all(s.facility is None and s.top_wrong is None for s in report.questions)
    assert all(o.sessions_missed == 0 for o in report.objectives)


# demo data ---------------------------------------------------------------------------------

def test_demo_data_makes_the_answers_asked(db: Store, modules: list[Module]) -> None:
    made = demo.generate_demo_data(db, modules, answers=1234, seed=5)
    assert made.answers == 1234
    assert sum(len(a.answers) for attempts in db.attempts_of(db.session_ids()).values()
               for a in attempts) == 1234
    assert len(db.session_ids()) == made.sessions


def test_demo_data_makes_the_sessions_asked_and_repeats_with_a_seed(
        tmp_path: Path, modules: list[Module]) -> None:
    until = datetime(2025, 6, 1, 12, tzinfo=UTC)
    made = []
    for name in ("a", "b"):
        store = Store.open(tmp_path / f"{name}.db")
        counts = demo.generate_demo_data(store, modules, sessions=40, seed=9, until=until)
        rows = [(r.visit_code, r.started_at) for r in store.sessions_by_id()]
        store.close()
        made.append((counts, rows))
    assert made[0] == made[1]
    counts, rows = made[0]
    assert counts.sessions == len(rows) == 40
    assert all(r[1] <= until for r in rows)
    assert any(label for label, _ in rows) and any(label is None for label, _ in rows)
