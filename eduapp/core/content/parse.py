"""Parse one language file of a module (en.md, es.md) into texts with line numbers.

The grammar is described in docs/CONTENT.md. Parsing never raises: every problem becomes a
`Problem` with the file and line, and whatever could be read is returned.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from eduapp.core.textfile import Problem, editor_lines

HEADING = re.compile(r"^(#{1,2})\s+(.*?)\s*(?:\{#([^}]*)\})?\s*$")
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
LIST_ID = re.compile(r"^-\s+\{#([^}]*)\}\s*(.*)$")
# ![alt text](images/file.svg "Caption shown under the picture"); the caption is optional
IMAGE = re.compile(r'!\[([^\]]*)\]\(([^)\s]*)(?:\s+"([^"]*)")?\s*\)')
PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
CLINICIAN_OPEN = re.compile(r"^:::\s*clinician\s*$")
FENCE_CLOSE = re.compile(r"^:::\s*$")


@dataclass
class ParsedScreen:
    """A screen as written: its texts and where they start."""

    id: str
    line: int
    title: str
    body_lines: list[tuple[int, str]] = field(default_factory=list)
    notes_lines: list[str] = field(default_factory=list)
    image: tuple[int, str, str, str] | None = None  # line, alt, path, caption


@dataclass
class ParsedChoice:
    """A choice as written."""

    id: str
    line: int
    text: str
    explanation_lines: list[str] = field(default_factory=list)


@dataclass
class ParsedQuestion:
    """A question as written."""

    id: str
    line: int
    text: str
    detail_lines: list[str] = field(default_factory=list)
    choices: list[ParsedChoice] = field(default_factory=list)


@dataclass
class ParsedLanguage:
    """Everything one language file says."""

    path: Path
    title: str = ""
    title_line: int = 1
    summary_lines: list[str] = field(default_factory=list)
    screens: list[ParsedScreen] = field(default_factory=list)
    objectives: dict[str, tuple[int, str]] = field(default_factory=dict)
    objectives_line: int = 0
    questions: list[ParsedQuestion] = field(default_factory=list)
    quiz_line: int = 0
    placeholders: list[tuple[int, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def parse_language(path: Path, text: str) -> ParsedLanguage:
    """Parse the text of a language file."""
    out = ParsedLanguage(path)
    section = "preamble"
    screen: ParsedScreen | None = None
    question: ParsedQuestion | None = None
    choice: ParsedChoice | None = None
    in_notes = 0  # line where the open clinician block started

    def problem(line: int, message: str) -> None:
        out.problems.append(Problem(path, line, message))

    def check_id(line: int, ident: str | None, what: str) -> str:
        if not ident:
            problem(line, f"{what} has no id: end the line with {{#some-id}}")
            return ""
        if not ID.match(ident):
            problem(line, f"{what} id '{ident}' may use only a-z, 0-9 and '-'")
        return ident

    for number, raw in enumerate(editor_lines(text), start=1):
        line = raw.rstrip()
        for match in PLACEHOLDER.finditer(line):
            out.placeholders.append((number, match.group(1)))
        if "{{" in PLACEHOLDER.sub("", line) or "}}" in PLACEHOLDER.sub("", line):
            problem(number, "a placeholder is not closed: write {{name}}")

        if in_notes:
            if FENCE_CLOSE.match(line):
                in_notes = 0
            elif screen is not None:
                screen.notes_lines.append(line)
            continue
        if CLINICIAN_OPEN.match(line):
            if section != "screens" or screen is None:
                problem(number, "clinician notes belong inside a screen")
            in_notes = number
            continue
        if FENCE_CLOSE.match(line):
            problem(number, "':::' closes nothing: open notes with '::: clinician'")
            continue

        heading = HEADING.match(line)
        if heading and len(heading.group(1)) == 1:
            title, ident = heading.group(2), heading.group(3)
            screen = question = choice = None
            if ident == "objectives":
                section, out.objectives_line = "objectives", number
            elif ident == "quiz":
                section, out.quiz_line = "quiz", number
            elif section == "preamble" and not out.title:
                out.title, out.title_line = title, number
                section = "summary"
            else:
                problem(number, f"unexpected top heading '{title}': only the module title, "
                        "'{#objectives}' and '{#quiz}' start with a single '#'")
            continue

        if heading and len(heading.group(1)) == 2:
            title, ident = heading.group(2), heading.group(3)
            if section in ("summary", "screens"):
                section = "screens"
                screen = ParsedScreen(check_id(number, ident, "screen"), number, title)
                out.screens.append(screen)
            elif section == "quiz":
                choice = None
                question = ParsedQuestion(check_id(number, ident, "question"), number, title)
                out.questions.append(question)
            else:
                problem(number, f"'## {title}' is out of place here")
            continue

        if section == "preamble":
            if line.strip():
                problem(number, "the file must start with '# Module title'")
        elif section == "summary":
            if line.strip():
                out.summary_lines.append(line.strip())
        elif section == "screens" and screen is not None:
            _screen_line(screen, number, line, problem)
        elif section == "objectives":
            if not line.strip():
                continue
            item = LIST_ID.match(line)
            if not item:
                problem(number, "write each objective as '- {#id} text'")
                continue
            ident = check_id(number, item.group(1), "objective")
            if ident in out.objectives:
                problem(number, f"objective '{ident}' is written twice")
            if not item.group(2).strip():
                problem(number, f"objective '{ident}' has no text")
            out.objectives[ident] = (number, item.group(2).strip())
        elif section == "quiz" and question is not None:
            item = LIST_ID.match(line)
            if item:
                ident = check_id(number, item.group(1), "choice")
                choice = ParsedChoice(ident, number, item.group(2).strip())
                question.choices.append(choice)
            elif not line.strip():
                continue
            elif choice is not None and line[:1].isspace():
                choice.explanation_lines.append(line.strip())
            elif choice is None:
                question.detail_lines.append(line.strip())
            else:
                problem(number, "indent a choice's explanation under it, or start a new "
                        "choice with '- {#id}'")
        elif line.strip():
            problem(number, "text outside any screen or question")

    if in_notes:
        problem(in_notes, "'::: clinician' is never closed with ':::'")
    if not out.title:
        problem(1, "the file must start with '# Module title'")
    return out


def _screen_line(
    screen: ParsedScreen, number: int, line: str, problem: Callable[[int, str], None]
) -> None:
    images = IMAGE.findall(line)
    if images:
        if screen.image is not None or len(images) > 1:
            problem(number, f"screen '{screen.id}' has more than one illustration")
        alt, target, caption = images[0]
        screen.image = (number, alt.strip(), target, caption.strip())
        line = IMAGE.sub("", line)
        if not line.strip():
            return
    screen.body_lines.append((number, line))


# How a teach-back prompt starts in the clinician notes, in each content language.
TEACH_BACK_LABELS = ("teach-back:", "repetir para confirmar:")


def split_notes(notes: str) -> tuple[str, tuple[str, ...]]:
    """Clinician notes apart: the talking points, and the prompts of teach-back lines."""
    talking: list[str] = []
    prompts: list[str] = []
    for line in notes.splitlines():
        text = line.strip().lstrip("-* ").strip()
        label = next((lb for lb in TEACH_BACK_LABELS if text.lower().startswith(lb)), None)
        if label is None:
            talking.append(line)
        elif text[len(label):].strip():
            prompts.append(text[len(label):].strip())
    return "\n".join(talking).strip(), tuple(prompts)
