"""Small, valid content written into tmp_path, and helpers to damage it one way at a time.

The tiny module has three screens, two objectives and five questions: one of each kind asked
the first time through, and a reserve question for each objective (asked only after a miss).
Tests change one thing with `replace_once` and count line numbers in the text they wrote
with `line_of`, so every expected `path:line` comes from the content, not from the loader.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from eduapp.core.content.model import Choice, Module, Objective, Question, QuestionKind, Screen

REPO = Path(__file__).resolve().parents[1]
RESOURCES = REPO / "resources"

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300">'
    '<circle cx="200" cy="150" r="100" fill="#E8F1F2" stroke="#27323A" stroke-width="4"/>'
    "</svg>\n"
)

PLACEHOLDERS = {"clinic_name": "Test Clinic", "clinic_phone": "555-0100"}

MODULE_TOML = """\
minutes = 5
cover = "images/cover.svg"
objectives = ["alarm", "change"]
screens = ["what-is-pain", "can-change", "key-points"]

[[questions]]
id = "pain-job"
kind = "single"
objective = "alarm"
reviews = "what-is-pain"
choices = ["protect", "measure"]
correct = ["protect"]

[[questions]]
id = "can-it-change"
kind = "true-false"
objective = "change"
reviews = "can-change"
choices = ["true", "false"]
correct = ["true"]

[[questions]]
id = "helpful-steps"
kind = "multiple"
objective = "change"
reviews = "can-change"
choices = ["learn", "keep-quiet", "tell-team"]
correct = ["learn", "tell-team"]

[[questions]]
id = "pain-meaning"
kind = "single"
objective = "alarm"
reviews = "key-points"
choices = ["damage", "warning"]
correct = ["warning"]
reserve = true

[[questions]]
id = "brain-learns"
kind = "single"
objective = "change"
reviews = "can-change"
choices = ["learns", "fixed"]
correct = ["learns"]
reserve = true
"""

EN_MD = """\
# Why pain can last

A short module about the pain alarm.

## What is pain? {#what-is-pain}

![A bell rings at {{clinic_name}}, showing that pain is an alarm.](images/alarm.svg)

Pain is an alarm. Call {{clinic_phone}} with questions.

::: clinician
Teach-back: ask what job pain does.
:::

## Pain can change {#can-change}

Your nervous system can change.

## Key points {#key-points}

- Pain is an alarm.
- It can change.

# Learning objectives {#objectives}

- {#alarm} Pain is an alarm that protects you.
- {#change} The nervous system can change.

# Quiz {#quiz}

## What is the main job of pain? {#pain-job}

- {#protect} To protect you.
  Yes. Pain is an alarm.
- {#measure} To measure damage.
  No. Pain is not a damage meter.

## True or false: the nervous system can change. {#can-it-change}

- {#true} True
  Right. It can change.
- {#false} False
  Not so. It can change.

## Which steps help? Select all that apply. {#helpful-steps}

- {#learn} Learn how pain works.
  Yes. Learning helps.
- {#keep-quiet} Keep quiet about pain.
  No. Your team wants to know.
- {#tell-team} Tell your team how pain affects you.
  Yes. It helps them plan care.

## What does pain mean most of the time? {#pain-meaning}

- {#damage} That something is badly hurt.
  No. Pain can come without damage.
- {#warning} That your body sends a warning.
  Yes. Pain is a warning.

## Can the brain learn new habits? {#brain-learns}

- {#learns} Yes, it keeps learning.
  Right. It can learn.
- {#fixed} No, it stays the same.
  Not so. It keeps changing.
"""


def line_of(text: str, fragment: str) -> int:
    """The 1-based number of the one line of `text` that contains `fragment`."""
    numbers = [n for n, line in enumerate(text.splitlines(), 1) if fragment in line]
    assert len(numbers) == 1, f"{fragment!r} is on lines {numbers}, expected exactly one"
    return numbers[0]


def replace_once(text: str, old: str, new: str) -> str:
    """`text` with the one occurrence of `old` replaced; fails loudly if it is not unique."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def write_module(resources: Path, folder: str = "01-why-pain-lasts", *,
                 toml: str | bytes = MODULE_TOML, en: str | bytes | None = EN_MD,
                 images: tuple[str, ...] = ("cover.svg", "alarm.svg")) -> Path:
    """Write one module folder under resources/modules and return the folder."""
    root = resources / "modules" / folder
    (root / "images").mkdir(parents=True)
    for name in images:
        (root / "images" / name).write_text(SVG, encoding="utf-8")
    _write(root / "module.toml", toml)
    if en is not None:
        _write(root / "en.md", en)
    return root


def copy_resources(target: Path) -> Path:
    """A private copy of the real resources folder, safe to damage."""
    return Path(shutil.copytree(RESOURCES, target))


def _write(path: Path, content: str | bytes) -> None:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def _choice(ident: str, correct: bool = False) -> Choice:
    return Choice(ident, f"text of {ident}", f"why {ident} is right or not", correct)


def tiny_module() -> Module:
    """The same quiz as model objects, for quiz and visit tests that need no files.

    pain-job: single, choices protect (right), measure, punish; checks "alarm"; reviews
    "what-is-pain". can-it-change: true-false, "true" is right; checks "change"; reviews
    "can-change". helpful-steps: multiple, {"learn", "tell-team"} is right, "keep-quiet"
    is not; checks "change"; reviews "can-change".
    """
    screens = tuple(Screen(s, s.title(), f"Text of {s}.")
                    for s in ("what-is-pain", "can-change", "key-points"))
    questions = (
        Question("pain-job", QuestionKind.SINGLE, "What is the main job of pain?", "alarm",
                 "what-is-pain", (_choice("protect", True), _choice("measure"),
                                  _choice("punish"))),
        Question("can-it-change", QuestionKind.TRUE_FALSE, "The nervous system can change.",
                 "change", "can-change", (_choice("true", True), _choice("false"))),
        Question("helpful-steps", QuestionKind.MULTIPLE, "Which steps help?", "change",
                 "can-change", (_choice("learn", True), _choice("keep-quiet"),
                                _choice("tell-team", True))),
    )
    objectives = (Objective("alarm", "Pain is an alarm."),
                  Objective("change", "The nervous system can change."))
    return Module("why-pain-lasts", Path("modules/01-why-pain-lasts"), "en", "Why pain can last",
                  "A short module.", 5, None, screens, objectives, questions)


def reserve_module() -> Module:
    """The tiny module with a reserve question held back for each objective.

    pain-meaning: single, "warning" is right; checks "alarm"; reviews "key-points".
    brain-learns: true-false, "true" is right; checks "change"; reviews "can-change".
    Neither is asked the first time through.
    """
    module = tiny_module()
    reserve = (
        Question("pain-meaning", QuestionKind.SINGLE, "What does pain mean most of the time?",
                 "alarm", "key-points", (_choice("damage"), _choice("warning", True),
                                         _choice("nothing")), reserve=True),
        Question("brain-learns", QuestionKind.TRUE_FALSE, "The brain can learn new habits.",
                 "change", "can-change", (_choice("true", True), _choice("false")),
                 reserve=True),
    )
    return replace(module, questions=module.questions[:1] + reserve[:1] + module.questions[1:]
                   + reserve[1:])
