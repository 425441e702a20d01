r"""Text files as an editor shows them: UTF-8 with or without a BOM, lines counted as editors do.

Line numbers in messages must match what a content author sees, so lines break only at
"\n", "\r\n" and "\r" (not at the Unicode separators `str.splitlines` also breaks at).
"""

from __future__ import annotations

import codecs
import re
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
