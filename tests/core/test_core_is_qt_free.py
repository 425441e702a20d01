"""The core (content, quiz, storage, start-up helpers) must run without Qt.

`eduapp check` and the core tests run on machines without a display, and the widgets call
the core, never the other way round. Importing every core module in a fresh interpreter
must leave no PySide6 or shiboken6 module behind.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent("""
    import importlib, json, pkgutil, sys
    import eduapp.core
    imported = []
    for info in pkgutil.walk_packages(eduapp.core.__path__, "eduapp.core."):
        importlib.import_module(info.name)
        imported.append(info.name)
    qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
    print(json.dumps({"imported": imported, "qt": qt}))
""")


def _probe() -> dict[str, list[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_importing_every_core_module_loads_no_qt() -> None:
    result = _probe()
    core = REPO / "eduapp" / "core"
    on_disk = {".".join(("eduapp", *p.relative_to(REPO / "eduapp").with_suffix("").parts))
               .removesuffix(".__init__") for p in core.rglob("*.py")} - {"eduapp.core"}
    # The walk really reached every module file, so "no Qt" is not vacuously true.
    assert set(result["imported"]) == on_disk
    assert result["qt"] == []
