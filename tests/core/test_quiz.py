"""The quiz, taught to goal: what the patient sees next after each answer, and the scores.

Most tests use the tiny module from content_fixtures, whose right answers are spelled out
there: pain-job -> {"protect"}, can-it-change -> {"true"}, helpful-steps -> {"learn",
"tell-team"}. One test runs the real first module from resources.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eduapp.core.clinic import load_settings
from eduapp.core.content.loader import load_library
from eduapp.core.content.model import Module
from eduapp.core.quiz import Answer, Mastery, QuizSession, Step, choice_order, score
from tests.content_fixtures import RESOURCES, reserve_module, tiny_module

RIGHT = {"pain-job": {"protect"}, "can-it-change": {"true"},
         "helpful-steps": {"learn", "tell-team"}}
WRONG = {"pain-job": {"measure"}, "can-it-change": {"false"},
         "helpful-steps": {"learn"}}


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _answer(quiz: QuizSession, right: bool) -> Answer:
    """Answer the current question right or wrong, then leave its feedback."""
    assert quiz.step is Step.QUESTION
    answer = quiz.answer((RIGHT if right else WRONG)[quiz.question.id])
    assert quiz.step is Step.FEEDBACK
    assert answer.right is right
    return answer


def _mastery(quiz: QuizSession) -> dict[str, Mastery]:
    return {o.id: level for o, level in quiz.results().objectives}


def test_all_right_first_time_finishes_after_one_round() -> None:
    quiz = QuizSession(tiny_module())
    seen = []
    while quiz.step is not Step.DONE:
        seen.append(quiz.question.id)
        _answer(quiz, right=True)
        last = quiz.position[0] == quiz.position[1]
        assert quiz.finishes_next is last
        quiz.next()
    assert seen == ["pain-job", "can-it-change", "helpful-steps"]
    results = quiz.results()
    assert (results.total, results.first_try_right, results.final_right) == (3, 3, 3)
    assert results.all_understood
    assert (results.first_try_percent, results.final_percent) == (100, 100)
    assert set(_mastery(quiz).values()) == {Mastery.FIRST_TRY}


def test_missed_question_shows_its_screen_again_then_asks_again() -> None:
    quiz = QuizSession(tiny_module())
    _answer(quiz, right=False)  # pain-job
    assert not quiz.finishes_next
    # Round 1 goes on with the next question; the review waits for the end of the round.
    assert quiz.next() is Step.QUESTION
    assert quiz.question.id == "can-it-change"
    _answer(quiz, right=True)
    quiz.next()
    _answer(quiz, right=True)  # helpful-steps
    assert not quiz.finishes_next  # pain-job is still to be learned

    assert quiz.next() is Step.REVIEW
    assert quiz.round_number == 2
    assert quiz.question.id == "pain-job"
    assert quiz.review_screen.id == "what-is-pain"
    assert quiz.position == (1, 1)
    quiz.ask_again()
    assert quiz.step is Step.QUESTION
    _answer(quiz, right=True)
    assert quiz.finishes_next
    assert quiz.next() is Step.DONE

    results = quiz.results()
    assert (results.total, results.first_try_right, results.final_right) == (3, 2, 3)
    assert (results.first_try_percent, results.final_percent) == (67, 100)
    assert _mastery(quiz) == {"alarm": Mastery.AFTER_REVIEW, "change": Mastery.FIRST_TRY}


def test_two_missed_questions_are_each_reviewed_in_turn() -> None:
    quiz = QuizSession(tiny_module())
    for right in (False, True, False):  # miss pain-job and helpful-steps
        _answer(quiz, right)
        quiz.next()
    reviewed = []
    while quiz.step is not Step.DONE:
        assert quiz.step is Step.REVIEW
        reviewed.append((quiz.asked_for.id, quiz.question.id, quiz.review_screen.id))
        quiz.ask_again()
        _answer(quiz, right=True)
        quiz.next()
    # "alarm" has one question: asked again; "change" has another: asked instead
    assert reviewed == [("pain-job", "pain-job", "what-is-pain"),
                        ("helpful-steps", "can-it-change", "can-change")]
    assert _mastery(quiz) == {"alarm": Mastery.AFTER_REVIEW, "change": Mastery.AFTER_REVIEW}


def test_wrong_twice_leads_to_a_third_round() -> None:
    quiz = QuizSession(tiny_module())
    _answer(quiz, right=False)
    quiz.next()
    _answer(quiz, right=True)
    quiz.next()
    _answer(quiz, right=True)
    quiz.next()
    quiz.ask_again()
    second = _answer(quiz, right=False)
    assert second.try_number == 2
    assert quiz.next() is Step.REVIEW
    assert quiz.round_number == 3
    assert quiz.review_screen.id == "what-is-pain"
    quiz.ask_again()
    third = _answer(quiz, right=True)
    assert third.try_number == 3
    assert quiz.next() is Step.DONE
    assert quiz.results().final_right == 3


def test_stop_leaves_unanswered_and_missed_objectives_not_yet() -> None:
    quiz = QuizSession(tiny_module())
    _answer(quiz, right=False)  # pain-job, objective "alarm"
    quiz.next()
    _answer(quiz, right=True)  # can-it-change, objective "change"
    quiz.next()
    quiz.stop()  # helpful-steps, also "change", is never answered
    assert quiz.step is Step.DONE
    results = quiz.results()
    assert (results.total, results.first_try_right, results.final_right) == (3, 1, 1)
    assert not results.all_understood
    assert _mastery(quiz) == {"alarm": Mastery.NOT_YET, "change": Mastery.NOT_YET}


def test_stop_during_review_keeps_the_missed_objective_not_yet() -> None:
    quiz = QuizSession(tiny_module())
    for right in (True, True, False):
        _answer(quiz, right)
        quiz.next()
    assert quiz.step is Step.REVIEW
    quiz.stop()
    assert _mastery(quiz) == {"alarm": Mastery.FIRST_TRY, "change": Mastery.NOT_YET}


@pytest.mark.parametrize(("chosen", "right"), [
    ({"learn", "tell-team"}, True),
    ({"learn"}, False),  # part of the right set
    ({"learn", "tell-team", "keep-quiet"}, False),  # the right set plus a wrong one
    ({"keep-quiet"}, False),
])
def test_multiple_choice_needs_exactly_the_right_set(chosen: set[str], right: bool) -> None:
    quiz = QuizSession(tiny_module())
    quiz.answer(RIGHT["pain-job"])
    quiz.next()
    quiz.answer(RIGHT["can-it-change"])
    quiz.next()
    assert quiz.question.id == "helpful-steps"
    assert quiz.answer(chosen).right is right


def test_on_answer_gets_every_answer_as_it_is_given() -> None:
    got: list[Answer] = []
    quiz = QuizSession(tiny_module(), on_answer=got.append)
    first = quiz.answer(WRONG["pain-job"])
    assert got == [first]  # before the patient even leaves the feedback
    quiz.next()
    for _ in range(2):
        quiz.answer(RIGHT[quiz.question.id])
        quiz.next()
    quiz.ask_again()
    quiz.answer(RIGHT["pain-job"])
    assert got == quiz.answers
    assert [(a.question_id, a.try_number, a.right) for a in got if a.question_id == "pain-job"] \
        == [("pain-job", 1, False), ("pain-job", 2, True)]
    assert got[0].chosen == frozenset(WRONG["pain-job"])


def test_seconds_count_the_question_only_not_the_review_screen() -> None:
    clock = FakeClock()
    quiz = QuizSession(tiny_module(), clock=clock)
    clock.now += 12.3
    assert quiz.answer(WRONG["pain-job"]).seconds == pytest.approx(12.3)
    clock.now += 5  # reading the feedback
    quiz.next()
    clock.now += 4
    assert quiz.answer(RIGHT["can-it-change"]).seconds == pytest.approx(4.0)
    quiz.next()
    quiz.answer(RIGHT["helpful-steps"])
    quiz.next()
    clock.now += 60  # reading the review screen again
    quiz.ask_again()
    clock.now += 7
    assert quiz.answer(RIGHT["pain-job"]).seconds == pytest.approx(7.0)


def test_choices_move_on_a_retry_but_true_false_keeps_its_order() -> None:
    module = tiny_module()
    single, true_false = module.questions[0], module.questions[1]
    authored = [c.id for c in single.choices]
    orders = [[c.id for c in choice_order(single, t)] for t in (1, 2, 3)]
    assert orders[0] == authored
    assert all(sorted(order) == sorted(authored) for order in orders)
    assert orders[1] != orders[0]
    assert orders[2] not in (orders[0], orders[1])
    for try_number in (1, 2, 3):
        assert [c.id for c in choice_order(true_false, try_number)] == ["true", "false"]


def test_session_shows_moved_choices_when_a_question_is_asked_again() -> None:
    quiz = QuizSession(tiny_module())
    first_order = [c.id for c in quiz.choices]
    quiz.answer(WRONG["pain-job"])
    assert [c.id for c in quiz.choices] == first_order  # feedback shows what was answered
    for _ in range(3):
        quiz.next()
        if quiz.step is Step.QUESTION:
            quiz.answer(RIGHT[quiz.question.id])
    assert quiz.question.id == "pain-job"
    quiz.ask_again()
    assert quiz.try_number == 2
    assert [c.id for c in quiz.choices] != first_order


def test_answering_or_moving_on_in_the_wrong_step_raises() -> None:
    quiz = QuizSession(tiny_module())
    with pytest.raises(RuntimeError):
        quiz.next()  # no answer yet
    with pytest.raises(RuntimeError):
        quiz.ask_again()
    quiz.answer(WRONG["pain-job"])
    with pytest.raises(RuntimeError):
        quiz.answer(RIGHT["pain-job"])  # a second answer during feedback
    quiz.next()
    quiz.answer(RIGHT["can-it-change"])
    quiz.next()
    quiz.answer(RIGHT["helpful-steps"])
    quiz.next()
    assert quiz.step is Step.REVIEW
    with pytest.raises(RuntimeError):
        quiz.answer(RIGHT["pain-job"])  # must see the screen first
    quiz.stop()
    with pytest.raises(RuntimeError):
        quiz.answer(RIGHT["pain-job"])
    assert len(quiz.answers) == 3  # none of the refused answers counted


def test_empty_or_unknown_choices_are_refused() -> None:
    quiz = QuizSession(tiny_module())
    with pytest.raises(ValueError):
        quiz.answer([])
    with pytest.raises(ValueError):
        quiz.answer({"protect", "not-a-choice"})
    assert quiz.step is Step.QUESTION
    assert quiz.answers == []


def test_real_first_module_all_right_first_time() -> None:
    library = load_library(RESOURCES, load_settings(RESOURCES, None).values)
    module: Module = library.for_language("en")[0]
    assert module.id == "why-pain-lasts"
    quiz = QuizSession(module)
    while quiz.step is not Step.DONE:
        quiz.answer(quiz.question.correct_ids)
        quiz.next()
    results = quiz.results()
    assert results.first_try_right == results.final_right == results.total
    assert results.total == len([q for q in module.questions if not q.reserve]) > 0
    assert {level for _, level in results.objectives} == {Mastery.FIRST_TRY}


@settings(max_examples=50, deadline=None)
@given(misses=st.lists(st.integers(min_value=0, max_value=3), min_size=3, max_size=3))
def test_teaching_to_goal_always_ends_with_everything_understood(misses: list[int]) -> None:
    """Question i (or what is asked for it) is answered wrong misses[i] times, then right."""
    module = tiny_module()
    left = {q.id: n for q, n in zip(module.questions, misses, strict=True)}
    quiz = QuizSession(module)
    rounds = 1
    while quiz.step is not Step.DONE:
        if quiz.step is Step.REVIEW:
            quiz.ask_again()
        qid = quiz.asked_for.id
        asked = quiz.question.id
        quiz.answer(WRONG[asked] if left[qid] else RIGHT[asked])
        left[qid] = max(0, left[qid] - 1)
        quiz.next()
        rounds = max(rounds, quiz.round_number)
    results = quiz.results()
    assert results.all_understood
    assert results.first_try_right == misses.count(0)
    assert rounds == max(misses) + 1
    assert len(quiz.answers) == sum(misses) + 3


# re-asks with another question of the same objective ---------------------------------------

RESERVE_RIGHT = {**RIGHT, "pain-meaning": {"warning"}, "brain-learns": {"true"}}
RESERVE_WRONG = {**WRONG, "pain-meaning": {"damage"}, "brain-learns": {"false"}}


def _reply(quiz: QuizSession, right: bool) -> Answer:
    """Answer the current question of the reserve module, then leave its feedback."""
    if quiz.step is Step.REVIEW:
        quiz.ask_again()
    answer = quiz.answer((RESERVE_RIGHT if right else RESERVE_WRONG)[quiz.question.id])
    assert answer.right is right
    quiz.next()
    return answer


def test_reserve_questions_are_never_asked_the_first_time_through() -> None:
    quiz = QuizSession(reserve_module())
    asked = [_reply(quiz, right=True).question_id for _ in range(3)]
    assert asked == ["pain-job", "can-it-change", "helpful-steps"]
    assert quiz.step is Step.DONE
    results = quiz.results()
    assert (results.total, results.first_try_right, results.final_right) == (3, 3, 3)
    assert all(not a.is_reask and a.asked_for == "" for a in quiz.answers)


def test_a_miss_is_asked_again_with_an_unseen_reserve_question_after_its_review() -> None:
    quiz = QuizSession(reserve_module())
    _reply(quiz, right=False)  # pain-job, objective "alarm"
    _reply(quiz, right=True)
    _reply(quiz, right=True)
    assert quiz.step is Step.REVIEW
    assert quiz.review_screen.id == "what-is-pain"  # the screen of the question missed
    quiz.ask_again()
    assert quiz.question.id == "pain-meaning"
    assert quiz.asked_for.id == "pain-job"
    assert [c.id for c in quiz.choices] == ["damage", "warning", "nothing"]  # as written
    reask = _reply(quiz, right=True)
    assert (reask.question_id, reask.asked_for, reask.try_number) == ("pain-meaning",
                                                                      "pain-job", 2)
    assert reask.is_reask and reask.item == "pain-job"
    assert quiz.step is Step.DONE
    results = quiz.results()
    assert (results.total, results.first_try_right, results.final_right) == (3, 2, 3)
    assert _mastery(quiz) == {"alarm": Mastery.AFTER_REVIEW, "change": Mastery.FIRST_TRY}


def test_a_missed_reask_brings_its_own_review_then_the_longest_unseen_question() -> None:
    quiz = QuizSession(reserve_module())
    _reply(quiz, right=False)  # pain-job
    _reply(quiz, right=True)
    _reply(quiz, right=True)
    assert _reply(quiz, right=False).question_id == "pain-meaning"  # the re-ask, missed
    assert quiz.step is Step.REVIEW and quiz.round_number == 3
    assert quiz.review_screen.id == "key-points"  # what teaches pain-meaning
    quiz.ask_again()
    # every question of "alarm" was seen: the one seen longest ago, not the one just missed
    assert quiz.question.id == "pain-job"
    assert [c.id for c in quiz.choices] != ["protect", "measure", "punish"]  # moved round
    third = _reply(quiz, right=False)
    assert (third.question_id, third.asked_for, third.try_number) == ("pain-job", "pain-job", 3)
    quiz.ask_again()
    assert quiz.question.id == "pain-meaning"
    _reply(quiz, right=True)
    assert quiz.step is Step.DONE
    assert _mastery(quiz)["alarm"] is Mastery.AFTER_REVIEW
    assert quiz.results().first_try_right == 2


def test_two_misses_of_one_objective_get_different_reasks() -> None:
    quiz = QuizSession(reserve_module())
    _reply(quiz, right=True)
    _reply(quiz, right=False)  # can-it-change
    _reply(quiz, right=False)  # helpful-steps, the same objective
    quiz.ask_again()
    assert (quiz.question.id, quiz.asked_for.id) == ("brain-learns", "can-it-change")
    _reply(quiz, right=True)
    assert quiz.step is Step.REVIEW
    quiz.ask_again()
    # no unseen question is left: another question of "change" than the one just missed
    assert (quiz.question.id, quiz.asked_for.id) == ("can-it-change", "helpful-steps")
    _reply(quiz, right=True)
    assert quiz.step is Step.DONE
    assert _mastery(quiz)["change"] is Mastery.AFTER_REVIEW


def test_a_stop_after_a_missed_reask_leaves_the_objective_not_yet() -> None:
    quiz = QuizSession(reserve_module())
    _reply(quiz, right=False)
    _reply(quiz, right=True)
    _reply(quiz, right=True)
    _reply(quiz, right=False)  # pain-meaning, asked for pain-job
    quiz.stop()
    assert _mastery(quiz) == {"alarm": Mastery.NOT_YET, "change": Mastery.FIRST_TRY}
    assert quiz.results().final_right == 2


@settings(max_examples=50, deadline=None)
@given(misses=st.lists(st.integers(min_value=0, max_value=3), min_size=5, max_size=5))
def test_scoring_stored_answers_gives_what_the_live_quiz_gave(misses: list[int]) -> None:
    """Question i is answered wrong misses[i] times (each time it is asked) until right."""
    module = reserve_module()
    left = {q.id: n for q, n in zip(module.questions, misses, strict=True)}
    quiz = QuizSession(module)
    while quiz.step is not Step.DONE and len(quiz.answers) < 40:
        if quiz.step is Step.REVIEW:
            quiz.ask_again()
        qid = quiz.question.id
        assert not (quiz.round_number == 1 and quiz.question.reserve)
        _reply(quiz, right=not left[qid])
        left[qid] = max(0, left[qid] - 1)
    live = quiz.results()
    stored = [Answer(a.question_id, a.chosen, a.right, a.try_number, a.seconds, a.asked_for)
              for a in quiz.answers]
    assert score(module, stored) == live
    assert live.total == 3
    assert quiz.step is Step.DONE and live.all_understood  # taught to goal
    # every re-ask names the first-pass question it counts for, and no first try does
    for a in quiz.answers:
        assert a.is_reask == (a.try_number > 1)
        assert not a.is_reask or not next(q for q in module.questions
                                          if q.id == a.asked_for).reserve
