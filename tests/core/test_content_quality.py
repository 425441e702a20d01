"""The shipped content meets the writing rules: measured reading level, complete quizzes,
illustrations with alt text, clinician notes, safety points covered, no forbidden claims."""

from __future__ import annotations

import re

import pytest
import textstat

from eduapp.core.content.model import KEY_POINTS, Module, QuestionKind
from eduapp.core.content.readability import MAX_AVERAGE_GRADE, MAX_SCREEN_GRADE, module_level

SAFETY_POINTS = set(range(1, 16))  # FACTS.md part (b)

# WRITING.md: marketing words, which must appear nowhere a patient reads.
MARKETING = {
    "reset / restart / reboot": r"\b(re-?set|restart|reboot)",
    "breakthrough": r"\bbreak-?through",
    "powerful": r"\bpowerful",
    "miracle": r"\bmiracle",
}
# FACTS.md part (c): claims the content must never make. Each pattern matches the claim, not
# an honest denial of it. A wrong quiz choice may state a misunderstanding (WRITING.md asks
# for real ones) because its explanation corrects it; explanations are always scanned.
CLAIMS = {
    "cure (other than 'not a cure')": r"(?<!not a )(?<!no )\bcur(e|es|ed)\b",
    "no side effects": r"\bno side[- ]effects",
    "not addictive": r"\bnot addictive|\bnon-?addictive",
    "safe without qualification": (
        r"\b(completely|totally|perfectly|100%) safe|\bsafe and effective"),
    "anti-inflammatory cause": r"anti-?inflammatory",
    "approved for pain": r"(?<!not )\b(fda[- ])?approved (by the fda )?for (chronic )?pain",
    "effective for weak-evidence pains": (
        r"\b(works|effective|helps)( well)? (for|with) (fibromyalgia|migraine|back pain|cancer)"),
    "stress causes pain": (
        r"(?<!not )(?<!never )(?<!mean )\bstress (causes|caused|is the cause of)"),
    "it's psychological": r"(?<!not )\b(it'?s|pain is) (all )?psychological",
    "more is always better": r"more (infusions|sessions|ketamine) (is|are) always better",
}


def forbidden_claims(text: str, *, misconception: bool = False) -> list[str]:
    low = text.lower()
    rules = MARKETING if misconception else {**MARKETING, **CLAIMS}
    return [name for name, pattern in rules.items() if re.search(pattern, low)]


def patient_words(module: Module) -> list[tuple[str, str, bool]]:
    """Every text a patient can see, where it is, and whether it is a wrong choice."""
    out = [("title", module.title, False), ("summary", module.summary, False)]
    for s in module.screens:
        out += [(f"screen {s.id}", s.title, False), (f"screen {s.id}", s.markdown, False)]
        if s.image:
            out.append((f"alt text {s.id}", s.image.alt, False))
    out += [(f"objective {o.id}", o.text, False) for o in module.objectives]
    for q in module.questions:
        out.append((f"question {q.id}", q.text + " " + q.detail, False))
        for c in q.choices:
            out.append((f"choice {q.id}/{c.id}", c.text, not c.correct))
            out.append((f"explanation {q.id}/{c.id}", c.explanation, False))
    return out


@pytest.fixture(scope="module")
def modules(library):
    found = library.for_language("en")
    assert [m.id for m in found] == ["why-pain-lasts", "mind-and-body", "ketamine",
                                     "your-infusion-session"]
    return found


def test_the_claim_scanner_catches_claims_and_allows_denials():
    assert forbidden_claims("Ketamine can reset the brain.") == ["reset / restart / reboot"]
    assert forbidden_claims("It is FDA-approved for pain.") == ["approved for pain"]
    assert forbidden_claims("Stress causes your pain.") == ["stress causes pain"]
    assert forbidden_claims("It is not a cure. It is not approved for pain.") == []
    assert forbidden_claims("That does not mean stress causes your pain.") == []
    assert forbidden_claims("Stress causes your pain.", misconception=True) == []
    assert forbidden_claims("It can reset fast.", misconception=True) != []


def test_no_forbidden_claim_anywhere_a_patient_reads(modules):
    found = [(m.id, where, claim) for m in modules for where, text, wrong in patient_words(m)
             for claim in forbidden_claims(text, misconception=wrong)]
    assert found == []


def test_reading_level_of_every_module(modules):
    for module in modules:
        level = module_level(module)
        assert level.average <= MAX_AVERAGE_GRADE, module.id
        too_hard = [(s.screen.id, s.score) for s in level.screens if s.score > MAX_SCREEN_GRADE]
        assert too_hard == [], module.id


def test_quiz_reads_at_the_level_of_the_screens(modules):
    textstat.set_lang("en_US")
    hard = []
    for module in modules:
        for q in module.questions:
            text = " ".join([q.text, q.detail] + [f"{c.text} {c.explanation}" for c in q.choices])
            grade = textstat.flesch_kincaid_grade(text)
            if grade > MAX_SCREEN_GRADE:
                hard.append((module.id, q.id, grade))
    assert hard == []


def test_screens_are_short_illustrated_and_end_with_key_points(modules):
    for module in modules:
        assert module.cover is not None and module.cover.path.is_file()
        assert 5 <= len(module.screens) <= 10, module.id
        assert module.screens[-1].id == KEY_POINTS
        teaching = module.screens[:-1]
        illustrated = [s for s in teaching if s.image is not None]
        assert len(illustrated) * 4 >= len(teaching) * 3, f"{module.id}: most screens illustrated"
        for s in module.screens:
            if s.id != "checklist":  # the printable checklist is a list to take home
                assert len(s.markdown.split()) <= 130, f"{module.id}/{s.id} is long"
            if s.image is not None:
                assert s.image.path.is_file() and s.image.path.suffix == ".svg"
                assert len(s.image.alt.split()) >= 6, f"{module.id}/{s.id} alt text"


def test_every_screen_has_clinician_notes_with_a_teach_back(modules):
    for module in modules:
        for s in module.screens:
            assert "Teach-back: Ask the patient" in s.clinician_notes, f"{module.id}/{s.id}"


def test_quizzes_follow_the_rules(modules):
    for module in modules:
        questions = module.questions
        asked = [q for q in questions if not q.reserve]
        assert 5 <= len(asked) <= 8, module.id
        assert {q.objective for q in asked} == {o.id for o in module.objectives}
        for objective in module.objectives:  # a missed idea is asked again with a new stem
            mine = [q for q in questions if q.objective == objective.id]
            assert any(q.reserve for q in mine), f"{module.id}/{objective.id} has no re-ask"
            assert len({q.text for q in mine}) == len(mine) >= 2, f"{module.id}/{objective.id}"
        true_false = [q for q in questions if q.kind == QuestionKind.TRUE_FALSE]
        assert 3 * len(true_false) <= len(questions), module.id
        assert any(q.kind == QuestionKind.MULTIPLE for q in questions), module.id
        for q in questions:
            module.screen(q.reviews)  # the screen that teaches it exists
            assert all(c.explanation and c.text for c in q.choices)
            texts = " ".join(c.text.lower() for c in q.choices)
            assert "all of the above" not in texts and "none of the above" not in texts


def test_modules_3_and_4_check_every_safety_point(modules):
    covered = {n for m in modules[2:] for q in m.questions for n in q.safety}
    assert covered == SAFETY_POINTS, f"missing: {sorted(SAFETY_POINTS - covered)}"
