"""Clinic settings: shipped defaults in resources/clinic.toml, overridden by the data folder."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eduapp.core.model import Problem
from eduapp.core.textfile import decode, editor_lines

SETTINGS_FILE = "clinic.toml"


@dataclass
class ClinicSettings:
    """What the clinic has set; `values` fill the content placeholders."""

    values: dict[str, str] = field(default_factory=dict)
    default_language: str = "en"
    idle_seconds: int = 180
    paper: str = "letter"
    kiosk: bool = False
    text_size: int = 0
    high_contrast: bool = False
    problems: list[Problem] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.values.get("clinic_name", "")


def load_settings(resources: Path, data_dir: Path | None) -> ClinicSettings:
    """Read the shipped defaults, then the clinic's own copy; never raises.

    A broken file is reported (path and line) and its values are not used.
    """
    settings = ClinicSettings()
    _apply(settings, resources / SETTINGS_FILE, required=True)
    if data_dir is not None:
        _apply(settings, data_dir / SETTINGS_FILE, required=False)
    return settings


def _apply(settings: ClinicSettings, path: Path, *, required: bool) -> None:
    read = _read(settings, path, required=required)
    if read is None:
        return
    data, text = read
    clinic = data.get("clinic", {})
    app = data.get("app", {})
    if not isinstance(clinic, dict) or not isinstance(app, dict):
        settings.problems.append(Problem(path, 1, "[clinic] and [app] must be tables"))
        return
    for key, value in clinic.items():
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            settings.problems.append(
                Problem(path, _line_of(text, key), f"'{key}' must be text or a number")
            )
            continue
        settings.values[key] = str(value)
    language = app.get("default_language", settings.default_language)
    if isinstance(language, str) and re.fullmatch(r"[a-z]{2}", language):
        settings.default_language = language
    else:
        settings.problems.append(Problem(
            path, _line_of(text, "default_language"),
            "default_language must be a two-letter code such as \"en\"",
        ))
    for key in ("kiosk", "high_contrast"):
        value = app.get(key, getattr(settings, key))
        if isinstance(value, bool):
            setattr(settings, key, value)
        else:
            settings.problems.append(Problem(path, _line_of(text, key),
                                             f"{key} must be true or false"))
    size = app.get("text_size", settings.text_size)
    if size in (0, 1, 2) and not isinstance(size, bool):
        settings.text_size = size
    else:
        settings.problems.append(Problem(path, _line_of(text, "text_size"),
                                         "text_size must be 0, 1 or 2"))
    paper = app.get("paper", settings.paper)
    if paper in ("letter", "a4"):
        settings.paper = paper
    else:
        settings.problems.append(Problem(path, _line_of(text, "paper"),
                                         "paper must be \"letter\" or \"a4\""))
    idle = app.get("idle_seconds", settings.idle_seconds)
    if isinstance(idle, int) and not isinstance(idle, bool) and 30 <= idle <= 3600:
        settings.idle_seconds = idle
    else:
        settings.problems.append(Problem(
            path, _line_of(text, "idle_seconds"),
            "idle_seconds must be a whole number from 30 to 3600",
        ))


def _read(settings: ClinicSettings, path: Path, *, required: bool
          ) -> tuple[dict[str, Any], str] | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if required:
            settings.problems.append(Problem(path, 1, "the clinic settings file is missing"))
        return None
    except OSError as err:
        settings.problems.append(Problem(path, 1, f"cannot read this file: {err.strerror}"))
        return None
    text, problems = decode(path, data)
    if problems:
        settings.problems.extend(problems)
        return None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as err:
        settings.problems.append(toml_problem(path, err))
    return None


def toml_problem(path: Path, err: tomllib.TOMLDecodeError) -> Problem:
    """Turn tomllib's message ('... (at line 3, column 5)') into a `path:line` problem."""
    message = str(err)
    match = re.search(r"\(at line (\d+), column \d+\)", message)
    line = int(match.group(1)) if match else 1
    message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
    return Problem(path, line, f"not valid TOML: {message}")


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(editor_lines(text), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return 1
