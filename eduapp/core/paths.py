"""Where things are: the shipped resources (source tree or frozen build) and the data folder."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

APP_NAME = "eduapp"
LANGUAGE_FILE = re.compile(r"^([a-z]{2})\.md$")  # a module's text in one language: en.md


def resources_dir() -> Path:
    """The one place that knows where resources are.

    A wheel and the frozen app carry them inside the package (`eduapp/resources`); a source
    checkout and an editable install read the `resources/` folder beside the package.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / APP_NAME / "resources"
    package = Path(__file__).resolve().parents[1]
    shipped = package / "resources"
    return shipped if shipped.is_dir() else package.parent / "resources"


def default_data_dir() -> Path:
    """The platform's per-user data folder (what QStandardPaths.AppDataLocation gives)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def installed_languages(resources: Path) -> tuple[str, ...]:
    """The languages the content is written in (a module folder's `xx.md` files).

    Only file names are read, so start-up can offer the languages before any content is parsed.
    """
    try:
        files = [p.name for folder in (resources / "modules").iterdir() if folder.is_dir()
                 for p in folder.iterdir()]
    except OSError:
        return ()
    return tuple(sorted({m.group(1) for name in files if (m := LANGUAGE_FILE.match(name))}))
