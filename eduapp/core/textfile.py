r"""Text files as an editor shows them: UTF-8 with or without a BOM, lines counted as editors do.

Line numbers in messages must match what a content author sees, so lines break only at
"\n", "\r\n" and "\r" (not at the Unicode separators `str.splitlines` also breaks at).
"""

from __future__ import annotations

import codecs
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """A content problem, reported as `path:line: message`."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


_NEWLINE = re.compile(r"\r\n|\r|\n")


def decode(path: Path, data: bytes) -> tuple[str, list[Problem]]:
    """Decode UTF-8 text; on bad bytes report the editor line and keep what decodes."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        text = data.decode("utf-8", errors="replace")
        return text, [Problem(path, line, "this file is not valid UTF-8 text; save it as UTF-8")]


def editor_lines(text: str) -> list[str]:
    """The lines of a text, numbered from 1 by their index + 1, as an editor numbers them."""
    lines = _NEWLINE.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def key_line(lines: Sequence[str], key: str, start: int = 0, end: int | None = None) -> int:
    """The line number (from 1) of `key = ...` in lines[start:end] of a TOML file.

    Where the key is not written there, the first line of that part: a message still points
    at the right table.
    """
    for index in range(start, len(lines) if end is None else end):
        if re.match(rf"\s*{re.escape(key)}\s*=", lines[index]):
            return index + 1
    return start + 1


def toml_problem(path: Path, err: tomllib.TOMLDecodeError) -> Problem:
    """Turn tomllib's message ('... (at line 3, column 5)') into a `path:line` problem."""
    message = str(err)
    match = re.search(r"\(at line (\d+), column \d+\)", message)
    line = int(match.group(1)) if match else 1
    message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
    return Problem(path, line, f"not valid TOML: {message}")
