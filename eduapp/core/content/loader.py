"""Load and validate the modules under resources/modules.

`load_library` never raises: every problem is reported as `path:line: message`, a module
with problems is left out (and listed in `Library.broken`), and the others load.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from eduapp.core.content.model import (
    KEY_POINTS,
    Choice,
    Image,
    Library,
    Module,
    Objective,
    Question,
    QuestionKind,
    Screen,
)
from eduapp.core.content.parse import (
    ID,
    PLACEHOLDER,
    ParsedLanguage,
    ParsedQuestion,
    parse_language,
    split_notes,
)
from eduapp.core.paths import installed_languages
from eduapp.core.textfile import Problem, decode, editor_lines, key_line, toml_problem

MODULE_FOLDER = re.compile(r"^\d{2}-([a-z0-9][a-z0-9-]*)$")
TOP_KEYS = {"minutes", "cover", "objectives", "screens", "questions", "checklist"}
QUESTION_KEYS = {"id", "kind", "objective", "reviews", "choices", "correct"}
OPTIONAL_QUESTION_KEYS = {"safety", "reserve"}
Report = Callable[[int, str], None]


class _TomlLines:
    """Finds the line of a key in module.toml, for messages: the whole file or one question."""

    def __init__(self, text: str) -> None:
        self.lines = editor_lines(text)
        self.questions = [i for i, line in enumerate(self.lines)
                          if re.match(r"\s*\[\[\s*questions\s*\]\]", line)]

    def of(self, key: str, question: int | None = None) -> int:
        start, end = 0, len(self.lines)
        if question is not None and question < len(self.questions):
            start = self.questions[question]
            if question + 1 < len(self.questions):
                end = self.questions[question + 1]
        elif self.questions:
            end = self.questions[0]
        return key_line(self.lines, key, start, end)


def load_library(resources: Path, placeholders: Mapping[str, str], *, deep: bool = False,
                 translated: Mapping[str, Mapping[str, str]] | None = None) -> Library:
    """Load every module in every language found; `deep` also parses each SVG.

    `translated` holds placeholder values worded for one language (ClinicSettings.translated).
    """
    root = resources / "modules"
    problems: list[Problem] = []
    try:
        folders = sorted(p for p in root.iterdir() if p.is_dir())
    except OSError:
        return Library((), problems=[Problem(root, 1, "the modules folder is missing")])
    languages = list(installed_languages(resources))
    library = Library(tuple(languages))
    first_folder: dict[str, Path] = {}  # module id -> the folder that has it
    for folder in folders:
        match = MODULE_FOLDER.match(folder.name)
        if not match:
            problems.append(Problem(folder, 1, "a module folder is named like '05-short-name'"))
            continue
        if match.group(1) in first_folder:
            # results are stored under the module id: a second module with it would merge
            # into the first one's results, and patients would see it twice
            problems.append(Problem(folder / "module.toml", 1, f"module id '{match.group(1)}' "
                                    f"is already used by {first_folder[match.group(1)].name}; "
                                    "give this folder another name after its number"))
            library.broken[folder.name] = str(problems[-1])
            continue
        first_folder[match.group(1)] = folder
        before = len(problems)
        try:
            loaded = _load_module(folder, match.group(1), languages, placeholders,
                                  translated or {}, deep, problems)
        except Exception as err:  # a last guard: content can never crash the app
            problems.append(Problem(folder, 1, f"could not be read ({type(err).__name__})"))
            loaded = {}
        if len(problems) > before:
            library.broken[match.group(1)] = str(problems[before])
        # a problem in one language's file hides the module in that language only
        for language, module in loaded.items():
            library.modules.setdefault(language, []).append(module)
    if not folders:
        problems.append(Problem(root, 1, "there are no modules"))
    library.problems = problems
    return library


def _load_module(folder: Path, module_id: str, languages: list[str],
                 common: Mapping[str, str], translated: Mapping[str, Mapping[str, str]],
                 deep: bool, problems: list[Problem]) -> dict[str, Module]:
    toml_path = folder / "module.toml"
    structure = _read_structure(toml_path, problems)
    if structure is None:
        return {}
    data, where = structure
    before = len(problems)
    _check_structure(toml_path, data, where, problems)
    cover = _image(folder, toml_path, where.of("cover"), "", data.get("cover"), deep, problems,
                   need_alt=False)
    if len(problems) > before:
        return {}  # the structure is shared: broken for every language
    out: dict[str, Module] = {}
    for language in languages:
        path = folder / f"{language}.md"
        language_before = len(problems)
        placeholders = {**common, **translated.get(language, {})}
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            problems.append(Problem(path, 1, f"the {language} text of this module is missing"))
            continue
        except OSError as err:
            problems.append(Problem(path, 1, f"cannot read this file: {err.strerror}"))
            continue
        text, decode_problems = decode(path, raw)
        problems.extend(decode_problems)
        parsed = parse_language(path, text)
        problems.extend(parsed.problems)
        for line, name in parsed.placeholders:
            if name not in placeholders:
                problems.append(Problem(path, line, f"unknown placeholder {{{{{name}}}}}; known: "
                                        + ", ".join(sorted(placeholders))))
        module = _build(folder, module_id, language, data, where, parsed, cover,
                        placeholders, deep, problems)
        if module is not None and len(problems) == language_before:
            out[language] = module
    return out


def _read_structure(path: Path, problems: list[Problem]
                    ) -> tuple[dict[str, Any], _TomlLines] | None:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(path, 1, "module.toml is missing"))
        return None
    except OSError as err:
        problems.append(Problem(path, 1, f"cannot read this file: {err.strerror}"))
        return None
    text, decode_problems = decode(path, raw)
    if decode_problems:
        problems.extend(decode_problems)
        return None
    try:
        return tomllib.loads(text), _TomlLines(text)
    except tomllib.TOMLDecodeError as err:
        problems.append(toml_problem(path, err))
        return None


def _check_structure(path: Path, data: dict[str, Any], where: _TomlLines,
                     problems: list[Problem]) -> None:
    def problem(line: int, message: str) -> None:
        problems.append(Problem(path, line, message))

    for key in sorted(set(data) - TOP_KEYS):
        problem(where.of(key), f"unknown setting '{key}'")
    minutes = data.get("minutes")
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= 120:
        problem(where.of("minutes"), "minutes must be a whole number from 1 to 120")
    if not isinstance(data.get("cover"), str):
        problem(where.of("cover"), "cover must name an illustration, e.g. \"images/cover.svg\"")
    screens = _id_list(data, "screens", where, problem)
    objectives = _id_list(data, "objectives", where, problem)
    if screens and screens[-1] != KEY_POINTS:
        problem(where.of("screens"), f"the last screen must be '{KEY_POINTS}'")
    if "checklist" in data and data["checklist"] not in screens:
        problem(where.of("checklist"), "checklist must name one of the screens, e.g. "
                "checklist = \"checklist\"")
    questions = data.get("questions", [])
    if not isinstance(questions, list) or not questions:
        problem(where.of("questions"), "add quiz questions as [[questions]] tables")
        return
    seen: set[str] = set()
    checked: dict[str, int] = {}  # objective -> how many questions check it
    first: set[str] = set()  # objectives a first-pass (not reserve) question checks
    reserved: set[str] = set()  # objectives a reserve question checks
    for index, q in enumerate(questions):
        if not isinstance(q, dict):
            problem(where.of("questions"), "questions must be [[questions]] tables")
            continue
        _check_question(q, index, seen, screens, objectives, where, problem)
        if isinstance(q.get("objective"), str):
            checked[q["objective"]] = checked.get(q["objective"], 0) + 1
            (reserved if q.get("reserve") is True else first).add(q["objective"])
    for objective in objectives:
        if objective not in checked:
            problem(where.of("objectives"), f"no question checks objective '{objective}'")
        elif objective not in first:
            problem(where.of("objectives"), f"objective '{objective}' has only reserve "
                    "questions: one must be asked the first time through")
        elif objective not in reserved:
            problem(where.of("objectives"), f"objective '{objective}' has no reserve question "
                    "(reserve = true): add one with another stem, to ask after a miss")


def _id_list(data: dict[str, Any], key: str, where: _TomlLines,
             problem: Report) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        problem(where.of(key), f"{key} must be a list of ids, e.g. [\"first\", \"second\"]")
        return []
    for ident in value:
        if not ID.match(ident):
            problem(where.of(key), f"id '{ident}' may use only a-z, 0-9 and '-'")
    if len(set(value)) != len(value):
        problem(where.of(key), f"{key} lists an id twice")
    return list(value)


def _check_question(q: dict[str, Any], index: int, seen: set[str], screens: list[str],
                    objectives: list[str], where: _TomlLines, problem: Report) -> None:
    def at(key: str) -> int:
        return where.of(key, index)

    safety = q.get("safety", [])
    if not isinstance(safety, list) or not all(
            isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in safety):
        problem(at("safety"), "safety lists the numbers of the safety points it checks, "
                "e.g. [3, 4]")
    if not isinstance(q.get("reserve", False), bool):
        problem(at("reserve"), "reserve is true or false")
    for key in sorted(set(q) - QUESTION_KEYS - OPTIONAL_QUESTION_KEYS):
        problem(at(key), f"unknown question setting '{key}'")
    for key in sorted(QUESTION_KEYS - set(q)):
        problem(at("id"), f"question {index + 1} has no '{key}'")
    ident = q.get("id")
    if "id" in q and not isinstance(ident, str):
        problem(at("id"), "a question id is text, e.g. id = \"pain-job\"")
    if isinstance(ident, str):
        if ident in seen:
            problem(at("id"), f"question id '{ident}' is used twice")
        seen.add(ident)
        if not ID.match(ident):
            problem(at("id"), f"id '{ident}' may use only a-z, 0-9 and '-'")
    kinds = [k.value for k in QuestionKind]
    kind = q.get("kind")
    if "kind" in q and kind not in kinds:
        problem(at("kind"), f"kind must be one of {', '.join(kinds)}")
    if "objective" in q and q["objective"] not in objectives:
        problem(at("objective"), f"objective '{q['objective']}' is not in objectives")
    if "reviews" in q and q["reviews"] not in screens:
        problem(at("reviews"), f"reviews a screen that does not exist: '{q['reviews']}'")
    choices = q.get("choices")
    correct = q.get("correct")
    if "choices" in q and (not isinstance(choices, list) or len(choices) < 2
                           or not all(isinstance(c, str) for c in choices)
                           or len(set(choices)) != len(choices)):
        problem(at("choices"), "choices must list two or more different ids")
        return
    if "correct" in q and (not isinstance(correct, list) or not correct
                           or not all(isinstance(c, str) for c in correct)):
        problem(at("correct"), "correct must list the id of each right choice")
        return
    if not isinstance(choices, list) or not isinstance(correct, list):
        return
    for c in correct:
        if c not in choices:
            problem(at("correct"), f"correct names '{c}', which is not a choice")
    if kind in ("single", "true-false") and len(correct) != 1:
        problem(at("correct"), f"a {kind} question has exactly one right choice")
    if kind == "multiple" and len(correct) == len(choices):
        problem(at("correct"), "at least one choice of a 'multiple' question must be wrong")
    if kind == "true-false" and sorted(choices) != ["false", "true"]:
        problem(at("choices"), "a true-false question has choices = [\"true\", \"false\"]")


def _image(folder: Path, path: Path, line: int, alt: str, target: Any, deep: bool,
           problems: list[Problem], *, need_alt: bool = True, caption: str = "") -> Image | None:
    if not isinstance(target, str) or not target:
        return None
    file = (folder / target).resolve()
    if need_alt and not alt:
        problems.append(Problem(path, line, f"illustration '{target}' has no alt text"))
    if folder.resolve() not in file.parents:
        problems.append(Problem(path, line, f"illustration '{target}' is outside the module"))
        return None
    if file.suffix.lower() != ".svg":
        problems.append(Problem(path, line, f"illustration '{target}' must be an .svg file"))
        return None
    if not file.is_file():
        problems.append(Problem(path, line, f"illustration '{target}' does not exist"))
        return None
    if deep:
        import xml.etree.ElementTree as ET  # only `eduapp check` parses every SVG

        try:
            root = ET.parse(file).getroot()
            if not root.tag.endswith("svg"):
                raise ET.ParseError("not an <svg> document")
        except (ET.ParseError, OSError, ValueError) as err:
            problems.append(Problem(path, line, f"illustration '{target}' is not valid SVG: {err}"))
            return None
    return Image(file, alt, caption)


def _strings(value: Any) -> list[str]:
    """The text items of a TOML list; anything else (already reported) gives nothing."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _written_once(kind: str, written: list[tuple[str, int]], path: Path,
                  problems: list[Problem]) -> None:
    """Report each id written a second time (answers are stored under these ids)."""
    seen: set[str] = set()
    for ident, line in written:
        if ident in seen:
            problems.append(Problem(path, line, f"{kind} '{ident}' is written twice"))
        seen.add(ident)


def _stems_differ(questions: list[dict[str, Any]], written: Mapping[str, ParsedQuestion],
                  path: Path, problems: list[Problem]) -> None:
    """No objective is asked twice with the same stem (question words), in this language.

    With module.toml's rule that each objective has a first-pass and a reserve question,
    every objective has two stems or more: a missed idea is asked again with a question
    the patient has not seen, not the same words seconds later.
    """
    stems: dict[str, dict[str, str]] = {}  # objective -> stem -> the first question with it
    for q in questions:
        pq, objective = written.get(q["id"]), q.get("objective")
        if pq is None or not isinstance(objective, str):
            continue
        stem = " ".join(pq.text.split()).casefold()
        mine = stems.setdefault(objective, {})
        if stem in mine:
            problems.append(Problem(path, pq.line, f"question '{pq.id}' has the same words as "
                                    f"'{mine[stem]}' (objective '{objective}'): ask it another "
                                    "way"))
        else:
            mine[stem] = pq.id


def _fill(text: str, placeholders: Mapping[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: placeholders.get(m.group(1), m.group(0)), text)


def _build(folder: Path, module_id: str, language: str, data: dict[str, Any],
           where: _TomlLines, parsed: ParsedLanguage, cover: Image | None,
           placeholders: Mapping[str, str], deep: bool, problems: list[Problem]
           ) -> Module | None:
    path = parsed.path
    before = len(problems)

    def fill(text: str) -> str:
        return _fill(text, placeholders)

    def same_ids(kind: str, wanted: list[str], written: dict[str, int], line: int) -> None:
        for ident in wanted:
            if ident not in written:
                problems.append(Problem(path, line, f"{kind} '{ident}' of module.toml is "
                                        "not written here"))
        for ident, at in written.items():
            if ident and ident not in wanted:
                problems.append(Problem(path, at, f"{kind} '{ident}' is not in module.toml"))

    screen_ids = _strings(data.get("screens"))
    written_screens: dict[str, int] = {}
    for s in parsed.screens:
        if s.id in written_screens:
            problems.append(Problem(path, s.line, f"screen '{s.id}' is written twice"))
        written_screens[s.id] = s.line
    same_ids("screen", screen_ids, written_screens, parsed.title_line)
    objective_ids = _strings(data.get("objectives"))
    same_ids("objective", objective_ids, {k: v[0] for k, v in parsed.objectives.items()},
             parsed.objectives_line or parsed.title_line)
    listed = data.get("questions")
    questions_data = [q for q in listed if isinstance(q, dict) and isinstance(q.get("id"), str)
                      ] if isinstance(listed, list) else []
    written_questions = {q.id: q for q in parsed.questions}
    _written_once("question", [(q.id, q.line) for q in parsed.questions], path, problems)
    for written in parsed.questions:
        _written_once(f"question '{written.id}': choice",
                      [(c.id, c.line) for c in written.choices], path, problems)
    same_ids("question", [q.get("id", "") for q in questions_data],
             {q.id: q.line for q in parsed.questions}, parsed.quiz_line or parsed.title_line)
    _stems_differ(questions_data, written_questions, path, problems)
    if not parsed.summary_lines:
        problems.append(Problem(path, parsed.title_line,
                                "write a one-line summary under the title"))

    screens: list[Screen] = []
    by_id = {s.id: s for s in parsed.screens}
    for ident in screen_ids:
        ps = by_id.get(ident)
        if ps is None:
            continue
        body = "\n".join(line for _, line in ps.body_lines).strip()
        if not body:
            problems.append(Problem(path, ps.line, f"screen '{ident}' has no text"))
        image = None
        if ps.image is not None:
            line, alt, target, caption = ps.image
            image = _image(folder, path, line, fill(alt), target, deep, problems,
                           caption=fill(caption))
        notes = fill("\n".join(ps.notes_lines).strip())
        talking, prompts = split_notes(notes)
        screens.append(Screen(ident, fill(ps.title), fill(body), image, notes, ps.line,
                              teach_back=prompts, talking_points=talking))

    questions: list[Question] = []
    for qd in questions_data:
        pq = written_questions.get(qd["id"])
        if pq is None:
            continue
        correct = set(_strings(qd.get("correct")))
        written_choices = {c.id: c for c in pq.choices}
        wanted = _strings(qd.get("choices"))
        same_ids(f"choice of question '{pq.id}'", wanted,
                 {c.id: c.line for c in pq.choices}, pq.line)
        choices = []
        for cid in wanted:
            pc = written_choices.get(cid)
            if pc is None:
                continue
            explanation = " ".join(pc.explanation_lines).strip()
            if not pc.text:
                problems.append(Problem(path, pc.line, f"choice '{cid}' has no text"))
            if not explanation:
                problems.append(Problem(path, pc.line, f"choice '{cid}' has no explanation: "
                                        "indent one or two sentences under it"))
            choices.append(Choice(cid, fill(pc.text), fill(explanation), cid in correct))
        if not pq.text:
            problems.append(Problem(path, pq.line, f"question '{pq.id}' has no text"))
        try:
            kind = QuestionKind(str(qd.get("kind")))
        except ValueError:
            continue
        safety = qd.get("safety")
        questions.append(Question(pq.id, kind, fill(pq.text), str(qd.get("objective", "")),
                                  str(qd.get("reviews", "")), tuple(choices),
                                  fill(" ".join(pq.detail_lines)),
                                  tuple(n for n in safety if isinstance(n, int))
                                  if isinstance(safety, list) else (),
                                  qd.get("reserve") is True))

    if len(problems) > before:
        return None
    objectives = tuple(Objective(o, fill(parsed.objectives[o][1])) for o in objective_ids
                       if o in parsed.objectives)
    minutes = data.get("minutes")
    checklist = data.get("checklist")
    return Module(module_id, folder, language, fill(parsed.title),
                  fill(" ".join(parsed.summary_lines)),
                  minutes if isinstance(minutes, int) else 0,
                  cover, tuple(screens), objectives, tuple(questions),
                  checklist if isinstance(checklist, str) else None)
