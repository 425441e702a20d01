"""Wheel build hook: translations compiled, and resources/ shipped as eduapp/resources."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    """Compiles every `.ts` to its `.qm` (lrelease from PySide6, a build dependency).

    A wheel then carries the whole resources/ folder inside the package, so an installed
    eduapp finds its modules, illustrations, clinic defaults and translations without the
    source tree. An editable install reads resources/ where it is; it gets the `.qm` files
    compiled beside their sources, so its interface is translated too.
    """

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        sys.path.insert(0, str(root))
        try:
            from eduapp.ui.i18n import compile_translations
        finally:
            sys.path.remove(str(root))
        compile_translations(root / "resources")
        if version != "editable":
            build_data["force_include"][str(root / "resources")] = "eduapp/resources"
