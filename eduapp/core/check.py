"""`eduapp check`: validate all content and settings; print a summary or every problem."""

from __future__ import annotations

import os
from pathlib import Path

from eduapp.core.clinic import load_settings
from eduapp.core.loader import load_library
from eduapp.core.model import Problem
from eduapp.core.paths import resources_dir
from eduapp.core.setup import Options


def run_check(options: Options) -> int:
    """Exit code 0 when everything is valid, 1 when anything is not. Never a traceback."""
    resources = options.resources or resources_dir()
    try:
        settings = load_settings(resources, options.data_dir)
        library = load_library(resources, settings.values, deep=True)
        problems = settings.problems + library.problems
    except Exception as err:  # a last guard; the loaders report problems themselves
        problems = [Problem(resources, 1, f"could not be checked ({type(err).__name__})")]
        library = None
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
            print(f"    {m.id}: {len(m.screens)} screens, {len(m.questions)} questions")
    return 0


def _short(path: Path) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return relative if not relative.startswith("..") else str(path)
