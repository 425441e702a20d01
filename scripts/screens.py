"""Every patient screen in all 48 cases: cut, overlapping or off-window controls.

Each language, text size, contrast and window size. Prints each problem; exits 1 if any.

    .venv/bin/python scripts/screens.py [--modules N]     (about half a minute per case)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eduapp.app import make_application
from eduapp.core.clinic import load_settings
from eduapp.core.content.loader import load_library
from eduapp.core.visit import Visit
from eduapp.ui.i18n import Translations
from eduapp.ui.main_window import MainWindow, WindowSettings
from tests.screen_matrix import check, every_case

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=0, help="only the first N modules")
    args = parser.parse_args()
    app = make_application()
    settings = load_settings(RESOURCES, None)
    library = load_library(RESOURCES, settings.values, translated=settings.translated)
    failed = 0
    for case in every_case():
        window = MainWindow({code: library.for_language(code) for code in ("en", "es")},
                            WindowSettings("Pain Clinic", idle_seconds=600),
                            lambda language: Visit(None, language),
                            translations=Translations(RESOURCES))
        window.show()
        modules = library.for_language(case.language)
        problems = check(window, case, modules[:args.modules] if args.modules else modules)
        print(f"{case}: {'ok' if not problems else f'{len(problems)} problems'}", flush=True)
        for problem in problems:
            print(f"  {problem}")
        failed += bool(problems)
        window.close()
        window.deleteLater()
        app.processEvents()
    print(f"{failed} of 48 cases have problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
