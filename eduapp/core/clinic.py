"""Clinic settings: shipped defaults in resources/clinic.toml, overridden by the data folder.

`load_settings` reads them (never raises); `save_settings` writes the clinic's own copy from
clinician mode: every key, checked first, written to a temporary file and then moved over
the old one, so a failed write never leaves a half-written or missing file.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from eduapp.core.textfile import Problem, decode, editor_lines, key_line, toml_problem

SETTINGS_FILE = "clinic.toml"

# The placeholders every clinic fills in, in the order of the settings form and the file.
CLINIC_KEYS = ("clinic_name", "clinic_phone", "after_hours_phone", "emergency_number",
               "no_food_hours", "clear_liquids_hours", "arrival_minutes", "session_hours",
               "driver_rule")
APP_KEYS = ("default_language", "languages", "idle_seconds", "kiosk", "text_size",
            "high_contrast", "paper", "keep_days")
DEVICE_KEYS = ("kiosk",)  # each computer's own; in clinic mode the rest is the clinic's
PHONE_KEYS = ("clinic_phone", "after_hours_phone")  # a clinic must set these before patients
VALUE_MAX = 200  # characters in one clinic value
# placeholders that must be whole numbers: the lowest and highest sensible value
WHOLE_NUMBERS = {"no_food_hours": (0, 24), "clear_liquids_hours": (0, 24),
                 "arrival_minutes": (0, 240)}

COMMENTS = {
    "clinic_name": "The clinic's name, on the welcome screen and on printouts.",
    "clinic_phone": "The clinic's phone number, for questions during opening hours.",
    "after_hours_phone": "The number to call out of hours.",
    "emergency_number": "The emergency services number (911 in the US).",
    "no_food_hours": "Hours of no solid food before a session (a whole number).",
    "clear_liquids_hours": "Clear liquids are allowed until this many hours before (a whole "
                           "number).",
    "arrival_minutes": "Arrive this many minutes before the session (a whole number).",
    "session_hours": "The usual length of a session, in hours, e.g. \"1 to 4\".",
    "driver_rule": "The clinic's rule about getting home after a session.",
    "default_language": "Language shown first to each patient: \"en\" (English) or another "
                        "installed language.",
    "languages": "Languages patients may choose, e.g. [\"en\", \"es\"].",
    "idle_seconds": "Seconds without a touch, click or key before the app offers to start "
                    "over (30 to 3600).",
    "kiosk": "Waiting-room kiosk: full screen, and closing needs the clinician.",
    "text_size": "Text size each patient starts with: 0 (normal), 1 (larger) or 2 (largest).",
    "high_contrast": "Whether each patient starts with high contrast.",
    "paper": "Paper for printouts: \"letter\" or \"a4\".",
    "keep_days": "Sessions older than this many days are deleted at start (30 to 3650).",
}


@dataclass
class ClinicSettings:
    """What the clinic has set; `values` fill the content placeholders."""

    values: dict[str, str] = field(default_factory=dict)
    # values worded for one language, e.g. {"es": {"driver_rule": "..."}} from [clinic.es]
    translated: dict[str, dict[str, str]] = field(default_factory=dict)
    default_language: str = "en"
    languages: tuple[str, ...] = ("en",)
    idle_seconds: int = 180
    paper: str = "letter"
    kiosk: bool = False
    text_size: int = 0
    high_contrast: bool = False
    keep_days: int = 365
    problems: list[Problem] = field(default_factory=list)
    # what patients read in place of a phone number not set, by language ("" for the default),
    # from [unset] and e.g. [unset.es]; a kiosk does not start until the numbers are set
    unset: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def missing_phones(self) -> tuple[str, ...]:
        """The phone keys that are not set, or not set to a phone number."""
        return tuple(key for key in PHONE_KEYS if not is_phone(self.values.get(key, "")))

    def placeholders(self) -> dict[str, str]:
        """The values content is filled with; a phone not set reads as the [unset] wording."""
        return {**self.values, **{key: self.unset.get("", {}).get(key, "")
                                  for key in self.missing_phones}}

    def translated_placeholders(self) -> dict[str, dict[str, str]]:
        """`translated`, with the [unset] wording of each language for phones not set."""
        out = {code: dict(table) for code, table in self.translated.items()}
        for code, table in self.unset.items():
            if code:
                out.setdefault(code, {}).update(
                    {key: table[key] for key in self.missing_phones if key in table})
        return out

    @property
    def name(self) -> str:
        return self.values.get("clinic_name", "")

    def values_for(self, language: str) -> dict[str, str]:
        """The placeholder values for content in `language`."""
        return {**self.values, **self.translated.get(language, {})}


class Must(StrEnum):
    """What a setting must be, when it is not; the interface words it."""

    NOT_EMPTY = "not-empty"
    ONE_LINE = "one-line"  # of at most `high` characters
    NO_BRACES = "no-braces"  # no {{ or }}
    WHOLE_HOURS = "whole-hours"  # from `low` to `high`
    WHOLE_MINUTES = "whole-minutes"  # from `low` to `high`
    WHOLE_NUMBER = "whole-number"  # from `low` to `high`
    LIQUIDS_BEFORE_FOOD = "liquids-before-food"  # not more hours than no solid food
    LANGUAGE_CODE = "language-code"
    LANGUAGE_CODES = "language-codes"
    TRUE_FALSE = "true-false"
    TEXT_SIZE = "text-size"
    PAPER = "paper"
    OFFERED = "offered"  # one of the languages offered
    PHONE_NUMBER = "phone-number"  # digits, spaces, + - ( ) . and at least 3 digits


@dataclass(frozen=True)
class SettingProblem:
    """A setting that cannot be saved: what it must be, with its bounds when it has any."""

    must: Must
    low: int = 0
    high: int = 0


class SettingsError(Exception):
    """Settings cannot be saved: bad values, or a file that cannot be written.

    `problems` maps each bad key to what it must be; it is empty when the file cannot be
    written: then `folder` is where, `reason` the system's words, and `kept` says whether
    an old file there is unchanged. The message is for logs.
    """

    def __init__(self, message: str, problems: Mapping[str, SettingProblem] | None = None,
                 *, folder: Path | None = None, reason: str = "", kept: bool = False) -> None:
        super().__init__(message)
        self.problems = dict(problems or {})
        self.folder = folder
        self.reason = reason
        self.kept = kept


def is_phone(text: str) -> bool:
    """Whether `text` looks like a phone number: digits, spaces, + - ( ) . and 3+ digits."""
    return (re.fullmatch(r"[0-9 +\-().]+", text) is not None
            and sum(c.isdigit() for c in text) >= 3)


# rules for the [app] keys: a check of the value as read from TOML, and what it must be ---

def _is_code(value: object) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[a-z]{2}", value) is not None


def _is_codes(value: object) -> bool:
    return (isinstance(value, list | tuple) and bool(value) and all(map(_is_code, value))
            and len(set(value)) == len(value))


def _is_bool(value: object) -> bool:
    return isinstance(value, bool)


def _whole(low: int, high: int) -> Callable[[object], bool]:
    def check(value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
    return check


# the check, what it must be in a file problem (for `eduapp check`), and for the form
APP_RULES: dict[str, tuple[Callable[[object], bool], str, SettingProblem]] = {
    "default_language": (_is_code, "a two-letter code such as \"en\"",
                         SettingProblem(Must.LANGUAGE_CODE)),
    "languages": (_is_codes, "a list of different two-letter codes such as [\"en\", \"es\"]",
                  SettingProblem(Must.LANGUAGE_CODES)),
    "idle_seconds": (_whole(30, 3600), "a whole number from 30 to 3600",
                     SettingProblem(Must.WHOLE_NUMBER, 30, 3600)),
    "kiosk": (_is_bool, "true or false", SettingProblem(Must.TRUE_FALSE)),
    "text_size": (_whole(0, 2), "0, 1 or 2", SettingProblem(Must.TEXT_SIZE)),
    "high_contrast": (_is_bool, "true or false", SettingProblem(Must.TRUE_FALSE)),
    "paper": (lambda value: value in ("letter", "a4"), "\"letter\" or \"a4\"",
              SettingProblem(Must.PAPER)),
    "keep_days": (_whole(30, 3650), "a whole number from 30 to 3650",
                  SettingProblem(Must.WHOLE_NUMBER, 30, 3650)),
}


def load_settings(resources: Path, data_dir: Path | None) -> ClinicSettings:
    """Read the shipped defaults, then the clinic's own copy; never raises.

    A broken file is reported (path and line) and its values are not used.
    """
    settings = ClinicSettings()
    _apply(settings, resources / SETTINGS_FILE, required=True)
    if data_dir is not None:
        _apply(settings, data_dir / SETTINGS_FILE, required=False)
    return settings


def settings_from_text(text: str, name: Path) -> ClinicSettings:
    """Settings as one TOML text says them over the built-in defaults (`name` for problems)."""
    settings = ClinicSettings()
    try:
        _apply_data(settings, name, tomllib.loads(text), text)
    except tomllib.TOMLDecodeError as err:
        settings.problems.append(toml_problem(name, err))
    return settings


def _apply(settings: ClinicSettings, path: Path, *, required: bool) -> None:
    read = _read(settings, path, required=required)
    if read is not None:
        _apply_data(settings, path, *read)


def _apply_data(settings: ClinicSettings, path: Path, data: dict[str, Any], text: str) -> None:
    clinic = data.get("clinic", {})
    app = data.get("app", {})
    unset = data.get("unset", {})
    if isinstance(unset, dict):
        for key, value in unset.items():
            if isinstance(value, dict) and _is_code(key):
                settings.unset.setdefault(key, {}).update(
                    {k: v for k, v in value.items() if isinstance(v, str)})
            elif isinstance(value, str):
                settings.unset.setdefault("", {})[key] = value
    if not isinstance(clinic, dict) or not isinstance(app, dict):
        settings.problems.append(Problem(path, 1, "[clinic] and [app] must be tables"))
        return
    worded = {key: value for key, value in clinic.items()
              if isinstance(value, dict) and _is_code(key)}
    for values in settings.translated.values():  # this file's own value wins over an older
        for key in clinic:                          # file's wording of the value it replaces
            if key not in worded:
                values.pop(key, None)
    for language, table in worded.items():
        for key, value in table.items():
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                settings.problems.append(Problem(path, _line_of(text, key),
                                                 f"'{key}' must be text or a number"))
            else:
                settings.translated.setdefault(language, {})[key] = str(value)
    for key, value in clinic.items():
        if key in worded:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            settings.problems.append(
                Problem(path, _line_of(text, key), f"'{key}' must be text or a number")
            )
            continue
        settings.values[key] = str(value)
        if key in PHONE_KEYS and str(value).strip() and not is_phone(str(value)):
            settings.problems.append(Problem(
                path, _line_of(text, key), f"'{key}' must be a phone number: digits, spaces, "
                "+ - ( ) . and at least 3 digits"))
    for key, (valid, must, _) in APP_RULES.items():
        if key not in app:
            continue
        value = app[key]
        if valid(value):
            setattr(settings, key, tuple(value) if key == "languages" else value)
        else:
            settings.problems.append(Problem(path, _line_of(text, key), f"{key} must be {must}"))


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


def _line_of(text: str, key: str) -> int:
    return key_line(editor_lines(text), key)


# editing and saving (clinician mode) ----------------------------------------------------

def with_changes(base: ClinicSettings, changes: Mapping[str, object]) -> ClinicSettings:
    """A copy of `base` with what the clinician entered; not checked (see settings_problems).

    Whole numbers may come as text, as typed ("180"); what is not a number stays text, so
    the check says what it must be. Clinic values become one line with single spaces.
    "translated" ({"es": {"session_hours": "1 y 4"}}) sets values as worded for one
    language (empty: that language uses the value itself); a value changed without its
    wording in a language loses that wording.
    """
    values = dict(base.values)
    translated = {code: dict(table) for code, table in base.translated.items()}
    app: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "translated":
            continue
        if key in APP_RULES:
            if isinstance(value, str) and key not in ("default_language", "paper"):
                text = value.strip()
                app[key] = int(text) if re.fullmatch(r"[+-]?\d{1,9}", text) else text
            else:
                app[key] = tuple(value) if key == "languages" and isinstance(
                    value, list | tuple) else value
        else:
            values[key] = " ".join(str(value).split())  # one line, single spaces
            if values[key] != base.values.get(key):  # its wording elsewhere no longer fits
                for table in translated.values():
                    table.pop(key, None)
    worded = changes.get("translated")
    for code, table in (worded.items() if isinstance(worded, Mapping) else ()):
        for key, text in (table.items() if isinstance(table, Mapping) else ()):
            line = " ".join(str(text).split())
            if line:
                translated.setdefault(code, {})[key] = line
            else:
                translated.get(code, {}).pop(key, None)
    return replace(base, values=values, translated=translated, problems=[], **app)


def timing_problems(values: Mapping[str, str]) -> dict[str, SettingProblem]:
    """What is wrong with the fasting and arrival settings (WHOLE_NUMBERS), key by key.

    Each must be a whole number in its range, and clear liquids may not end earlier than
    solid food. A missing value is a problem too: the day-of plan needs all three.
    """
    problems: dict[str, SettingProblem] = {}
    for key, (low, high) in WHOLE_NUMBERS.items():
        text = values.get(key, "").strip()
        if not (text.isascii() and text.isdigit() and low <= int(text) <= high):
            must = Must.WHOLE_MINUTES if key.endswith("minutes") else Must.WHOLE_HOURS
            problems[key] = SettingProblem(must, low, high)
    if not problems.keys() & {"no_food_hours", "clear_liquids_hours"} and int(
            values["clear_liquids_hours"]) > int(values["no_food_hours"]):
        problems["clear_liquids_hours"] = SettingProblem(Must.LIQUIDS_BEFORE_FOOD)
    return problems


def settings_problems(settings: ClinicSettings) -> dict[str, SettingProblem]:
    """What is wrong with settings about to be saved, key by key."""
    problems: dict[str, SettingProblem] = {}
    for key in CLINIC_KEYS:
        text = settings.values.get(key, "")
        if not text.strip():
            problems[key] = SettingProblem(Must.NOT_EMPTY)
        elif any(ord(c) < 32 or ord(c) == 127 for c in text) or len(text) > VALUE_MAX:
            problems[key] = SettingProblem(Must.ONE_LINE, high=VALUE_MAX)
        elif "{{" in text or "}}" in text:
            problems[key] = SettingProblem(Must.NO_BRACES)
        elif key in PHONE_KEYS and not is_phone(text):
            problems[key] = SettingProblem(Must.PHONE_NUMBER)
    problems.update({key: problem for key, problem in timing_problems(settings.values).items()
                     if key not in problems})
    for key, (valid, _, problem) in APP_RULES.items():
        value = getattr(settings, key)
        if not valid(list(value) if key == "languages" else value):
            problems[key] = problem
    if ("default_language" not in problems and "languages" not in problems
            and settings.default_language not in settings.languages):
        problems["default_language"] = SettingProblem(Must.OFFERED)
    return problems


def settings_toml(settings: ClinicSettings, *, clinic_only: bool = False) -> str:
    """The clinic's copy as TOML text: every key, each with a comment saying what it is.

    `clinic_only` leaves out what each computer keeps for itself (DEVICE_KEYS).
    """
    lines = ["# Clinic settings for eduapp, saved from clinician mode.",
             "# eduapp reads this file at start; its values win over the shipped defaults.",
             "# Every value under [clinic] can appear in the content as a placeholder, "
             "e.g. {{clinic_phone}}.", "", "[clinic]"]
    extra = sorted(k for k in settings.values if k not in CLINIC_KEYS)
    for key in (*CLINIC_KEYS, *extra):
        if key in settings.values:
            lines.append(f"# {COMMENTS.get(key, 'A placeholder of this clinic.')}")
            lines.append(f"{_toml_key(key)} = {_toml_string(settings.values[key])}")
    for code, table in sorted(settings.translated.items()):
        if table:
            lines += ["", f"# The values above as worded for patients reading in \"{code}\"; "
                      "a value not here is used as it is above.", f"[clinic.{code}]"]
            lines += [f"{_toml_key(key)} = {_toml_string(value)}"
                      for key, value in sorted(table.items())]
    lines += ["", "[app]"]
    for key in APP_KEYS:
        if clinic_only and key in DEVICE_KEYS:
            continue
        value = getattr(settings, key)
        if key == "languages":
            text = "[" + ", ".join(_toml_string(code) for code in value) + "]"
        elif isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, int):
            text = str(value)
        else:
            text = _toml_string(value)
        lines += [f"# {COMMENTS[key]}", f"{key} = {text}"]
    return "\n".join(lines) + "\n"


def save_settings(settings: ClinicSettings, path: Path) -> None:
    """Check the settings, then write them to `path` (the data folder's clinic.toml).

    Raises SettingsError with the problems key by key, or with why the file cannot be
    written. The file is replaced in one step: it is either the old one or the new one.
    """
    problems = settings_problems(settings)
    if problems:
        raise SettingsError("the settings have problems: " + "; ".join(
            f"{key}: {why.must}" for key, why in problems.items()), problems)
    write_settings_file(settings_toml(settings), path)


def write_settings_file(text: str, path: Path) -> None:
    """Replace the file at `path` with `text` in one step; raises SettingsError."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        import tempfile  # here, not at start-up: only saving needs it

        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise SettingsError(f"The folder {folder} cannot be written to "
                            f"({err.strerror or err}).", folder=folder,
                            reason=str(err.strerror or err)) from err
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        with suppress(OSError):  # keep the permissions the clinic gave the file
            os.chmod(temp, path.stat().st_mode & 0o777)
        os.replace(temp, path)
    except OSError as err:
        with suppress(OSError):
            os.unlink(temp)
        raise SettingsError(f"The settings could not be saved in {folder} "
                            f"({err.strerror or err}); the file there was not changed.",
                            folder=folder, reason=str(err.strerror or err), kept=True) from err


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_string(key)


def _toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for char in text:
        if char in "\"\\":
            out.append("\\" + char)
        elif ord(char) < 32 or ord(char) == 127:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return "\"" + "".join(out) + "\""
