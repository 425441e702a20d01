"""`eduapp check`: validate all content and settings; print a summary or every problem."""

from __future__ import annotations

import os
from pathlib import Path

from eduapp.core.clinic import (
    SETTINGS_FILE,
    ClinicSettings,
    Must,
    load_settings,
    timing_problems,
)
from eduapp.core.content.loader import load_library
from eduapp.core.content.model import Module
from eduapp.core.content.readability import (
    MAX_AVERAGE_GRADE,
    MAX_SCREEN_GRADE,
    MIN_SPANISH_EASE,
    ModuleLevel,
    module_level,
)
from eduapp.core.paths import resources_dir
from eduapp.core.startup import Options
from eduapp.core.textfile import Problem, editor_lines, key_line


def run_check(options: Options, *, deployment: bool = False) -> int:
    """Exit code 0 when everything is valid, 1 when anything is not. Never a traceback.

    Phone numbers not set are a warning for content authors (exit 0), and a problem with
    `deployment` (exit 1): a kiosk does not start without them.
    """
    resources = options.resources or resources_dir()
    try:
        settings = load_settings(resources, options.data_dir)
        library = load_library(resources, settings.placeholders(), deep=True,
                               translated=settings.translated_placeholders())
        problems = (settings.problems + _timing_problems(settings, resources, options.data_dir)
                    + library.problems)
        phones = _phone_problems(settings, resources, options.data_dir)
        if deployment:
            problems += phones
        for problem in phones if not deployment else ():
            print(f"{_short(problem.path)}:{problem.line}: warning: {problem.message}")
    except Exception as err:  # a last guard; the loaders report problems themselves
        problems = [Problem(resources, 1, f"could not be checked ({type(err).__name__})")]
        library = None
    levels = {}
    if library is not None:
        for language in library.languages:
            for module in library.for_language(language):
                level = module_level(module)
                levels[(language, module.id)] = level
                problems += _level_problems(module, level)
    if problems or library is None:
        for problem in problems:
            print(f"{_short(problem.path)}:{problem.line}: {problem.message}")
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.")
        return 1
    print(f"Content in {_short(resources)} is valid.")
    for language in library.languages:
        modules = library.for_language(language)
        screens = sum(len(m.screens) for m in modules)
        questions = sum(len(m.questions) for m in modules)
        objectives = sum(len(m.objectives) for m in modules)
        print(f"  {language}: {len(modules)} modules, {screens} screens, "
              f"{objectives} objectives, {questions} questions")
        for m in modules:
            level = levels[(language, m.id)]
            worst = level.worst
            measure = "ease" if language == "es" else "grade"
            bound = "at least" if language == "es" else "at most"
            hardest = f"{worst.score:.1f} {bound} ({worst.screen.id})" if worst else "no screens"
            print(f"    {m.id}: {len(m.screens)} screens, {len(m.questions)} questions, reading "
                  f"{measure} {level.average:.1f} on average, {hardest}")
    return 0


def _phone_problems(settings: ClinicSettings, resources: Path,
                    data_dir: Path | None) -> list[Problem]:
    """Each phone key not set to a phone number, where it is written."""
    return [Problem(*_written_at(key, resources, data_dir), f"'{key}' is not set to a phone "
                    "number: patients cannot be told whom to call, and a kiosk does not start")
            for key in settings.missing_phones]


def _timing_problems(settings: ClinicSettings, resources: Path,
                     data_dir: Path | None) -> list[Problem]:
    """The fasting and arrival settings the day-of plan cannot work out times from."""
    out = []
    for key, why in timing_problems(settings.values).items():
        if why.must is Must.LIQUIDS_BEFORE_FOOD:
            must = "at most no_food_hours: clear liquids cannot end before solid food"
        else:
            unit = "minutes" if why.must is Must.WHOLE_MINUTES else "hours"
            must = f"a whole number of {unit} from {why.low} to {why.high}"
        out.append(Problem(*_written_at(key, resources, data_dir), f"'{key}' must be {must}: "
                           "the content and the day-of plan on the checklist use it"))
    return out


def _written_at(key: str, resources: Path, data_dir: Path | None) -> tuple[Path, int]:
    """The file and line that set clinic setting `key`.

    That is the data folder's copy when it has the key, else the shipped defaults.
    """
    files = [resources / SETTINGS_FILE]
    if data_dir is not None:
        files.insert(0, data_dir / SETTINGS_FILE)
    path, line = files[-1], 1
    for path in files:
        try:
            lines = editor_lines(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        line = key_line(lines, key)
        if line > 1 or path == files[-1]:
            break
    return path, line


def _level_problems(module: Module, level: ModuleLevel) -> list[Problem]:
    path = module.folder / f"{module.language}.md"
    if module.language == "es":
        return [Problem(path, s.screen.line, f"screen '{s.screen.id}' reads too hard: "
                        f"Fernandez-Huerta {s.score:.0f}, at least {MIN_SPANISH_EASE:.0f}")
                for s in level.too_hard()]
    out = [Problem(path, s.screen.line, f"screen '{s.screen.id}' reads too hard: grade "
                   f"{s.score:.1f}, at most {MAX_SCREEN_GRADE}") for s in level.too_hard()]
    if level.average > MAX_AVERAGE_GRADE:
        out.append(Problem(path, 1, f"the module reads too hard: grade {level.average:.1f} on "
                           f"average, at most {MAX_AVERAGE_GRADE}"))
    return out


def _short(path: Path) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return relative if not relative.startswith("..") else str(path)
