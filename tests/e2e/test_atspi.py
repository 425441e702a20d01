"""The real app on the Linux accessibility bus, walked by keyboard alone as a screen-reader
user does: module 1 from the welcome page to the results, with a wrong answer, the review,
the question asked again and the several-answer question. What is asserted is what the
screen reader gets: roles, names, states, focus changes and announcements."""

from __future__ import annotations

import json
import subprocess

import pytest

from eduapp.commands.driver import wrong_choice
from eduapp.core.content.model import QuestionKind
from eduapp.core.quiz import first_pass
from tests.e2e.a11y_bus import ROOT, SYSTEM_PYTHON, desktop, missing, start_app

WALKER = ROOT / "tests" / "e2e" / "atspi_walk.py"

pytestmark = pytest.mark.skipif(bool(missing()), reason=missing() or "ready")


def plan_for(module) -> dict:
    asked = first_pass(module)
    multiple = next(q for q in asked if q.kind == QuestionKind.MULTIPLE)
    wrong_first = {asked[0].id, multiple.id}
    questions = []
    for q in module.questions:
        first = wrong_choice(q) if q.id in wrong_first else q.correct_ids
        questions.append({
            "text": q.text, "multiple": q.kind == QuestionKind.MULTIPLE,
            "choices": [c.text for c in q.choices],
            "first": [c.text for c in q.choices if c.id in first],
            "right": [c.text for c in q.choices if c.correct]})
    return {"start": "Start", "done": "Back to all topics", "questions": questions}


@pytest.fixture(scope="module")
def walk(tmp_path_factory, library):
    module = library.for_language("en")[0]
    folder = tmp_path_factory.mktemp("atspi")
    plan, out = folder / "plan.json", folder / "walk.json"
    plan.write_text(json.dumps(plan_for(module)))
    with desktop() as env:
        app = start_app(env)
        try:
            done = subprocess.run([str(SYSTEM_PYTHON), str(WALKER), str(plan), str(out)],
                                  env=env, capture_output=True, text=True, timeout=300,
                                  check=False)
        finally:
            app.terminate()
            app.wait(timeout=10)
    assert done.returncode == 0, done.stdout + done.stderr
    return module, json.loads(out.read_text())


def focus_changes(step: dict) -> list[dict]:
    return [e["focus"] for e in step["events"] if "focus" in e]


def notifications(step: dict) -> list[str]:
    return [e["notification"] for e in step["events"] if "notification" in e]


def test_questions_are_headings_and_answers_radio_buttons_or_check_boxes(walk):
    module, steps = walk
    headings = [s["focus"]["name"] for s in steps if s["focus"].get("role") == "heading"]
    asked = first_pass(module)
    for number, question in enumerate(asked, start=1):
        assert any(name.startswith(f"Question {number} of {len(asked)}.")
                   and question.text in name for name in headings), question.text
    for step in steps:
        focus = step["focus"]
        if focus.get("role") in ("radio button", "check box"):
            question = next(q for q in module.questions if q.text == focus["parent"]["name"])
            assert focus["parent"]["role"] == "panel"  # Qt's group
            multiple = question.kind == QuestionKind.MULTIPLE
            assert focus["role"] == ("check box" if multiple else "radio button")
            if step["key"] == "space":
                assert "checked" in focus["states"]


def test_every_answer_of_the_several_answer_question_is_reached(walk):
    module, steps = walk
    question = next(q for q in first_pass(module) if q.kind == QuestionKind.MULTIPLE)
    reached = {s["focus"]["name"] for s in steps if s["focus"].get("role") == "check box"}
    assert reached == {c.text for c in question.choices}


def test_feedback_is_announced_and_the_focus_goes_straight_to_next(walk):
    _module, steps = walk
    checks = [s for s in steps if s["key"] == "Return"
              and any(n.startswith(("Not quite.", "Yes, that's right.")) for n in
                      notifications(s))]
    module = walk[0]
    assert len(checks) == len(first_pass(module)) + 2  # two were asked again
    assert sum(n.startswith("Not quite.") for s in checks for n in notifications(s)) == 2
    for step in checks:
        assert [f["name"] for f in focus_changes(step)] in (["Next"], ["See my results"])
        assert all("<" not in n for n in notifications(step))


def test_each_reading_screen_is_announced_with_its_title_and_text(walk):
    module, steps = walk
    heard = [n for s in steps for n in notifications(s)]
    for screen in module.screens:
        assert any(n.startswith(screen.title) for n in heard), screen.title
    assert not any("percent" in n for n in heard)


def test_the_focus_never_passes_through_the_top_bar(walk):
    _module, steps = walk
    top_bar = {"Normal text", "Larger text", "Largest text", "High contrast",
               "Read this screen aloud", "Go to all topics", "Staff: open clinician mode"}
    assert [f["name"] for s in steps for f in focus_changes(s) if f["name"] in top_bar] == []
    assert all(f["name"] for s in steps for f in focus_changes(s)), "a nameless focus"


def test_module_one_takes_this_many_keys(walk):
    _module, steps = walk
    keys = [s for s in steps if s["key"]]
    assert steps[-1]["focus"]["name"] == "Back to all topics"
    assert len(keys) < 90
    print(f"module 1 by keyboard over AT-SPI: {len(keys)} keys")
