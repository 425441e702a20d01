"""The interface in the patient's language, through Qt's translation system.

The sources are `resources/translations/eduapp_<code>.ts` (made with `pyside6-lupdate`,
translated with Qt Linguist or a text editor); `scripts/setup` and the build compile them
to `.qm` files beside them (`compile_translations`), which are never edited by hand.
English is the source language and needs no file.

Code outside a QObject method translates with the module-level `tr` below: `pyside6-lupdate`
files those calls under the empty context, so that is where `tr` looks them up.
"""

from __future__ import annotations

import logging
import sys
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTime, QTranslator

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
# Each language's name in its own words, for the language choice on the welcome screen.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
    """Translate `text` with the installed translator (for code outside a QObject).

    With `n`, `%n` in the text is that number and the plural form is the language's own
    (English plurals come from eduapp_en.ts, which holds only them).
    """
    return QCoreApplication.translate("", text, disambiguation or None, n)


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def long_date(day: date) -> str:
    """`day` written out in the interface language, e.g. "domingo, 22 de noviembre de 2026"."""
    return QLocale().toString(QDate(day.year, day.month, day.day),
                              QLocale.FormatType.LongFormat)


def clock_time(at: time) -> str:
    """A time of day as the interface language writes it ("2:05 PM" in English)."""
    return QLocale().toString(QTime(at.hour, at.minute), QLocale.FormatType.ShortFormat)


def short_time(moment: datetime) -> str:
    """The local time of day of `moment` as the interface language writes it ("2:05 PM")."""
    return clock_time(moment.astimezone().time())


def time_range(start: datetime, end: datetime) -> str:
    """From `start` to `end`, as local times of day: "2:05 PM–2:40 PM"."""
    return f"{short_time(start)}\u2013{short_time(end)}"


def long_date_format() -> str:
    """The same as a QDateTimeEdit display format."""
    return QLocale().dateFormat(QLocale.FormatType.LongFormat)


def translations_dir(resources: Path) -> Path:
    return resources / "translations"


def _qm_file(resources: Path, language: str) -> Path:
    return translations_dir(resources) / f"eduapp_{language}.qm"


def load_translator(resources: Path, language: str) -> QTranslator | None:
    """The interface translator for `language`; None when it cannot load.

    English, the source language, has one only for its plural forms ("1 try", "2 tries").
    """
    translator = QTranslator()
    path = _qm_file(resources, language)
    if not translator.load(str(path)):
        if language != SOURCE_LANGUAGE:
            log.warning("no interface translation for %r at %s; the interface stays in "
                        "English", language, path)
        return None
    return translator


def _qt_translator(language: str) -> QTranslator | None:
    """Qt's own texts (standard buttons such as Cancel) in `language`, when shipped."""
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator if translator.load(f"qtbase_{language}", folder) else None


class Translations:
    """Keeps the interface translators installed for the language on show."""

    def __init__(self, resources: Path) -> None:
        self.resources = resources
        self.language = SOURCE_LANGUAGE
        self._installed: list[QTranslator] = []
        self._cache: dict[str, list[QTranslator]] = {}

    def use(self, language: str) -> bool:
        """Switch the interface to `language`; widgets made after this speak it.

        Returns False when the language has no translation (the interface is then English).
        """
        app = QCoreApplication.instance()
        if language not in self._cache:
            ours = load_translator(self.resources, language)
            qt = (_qt_translator(language) if ours is not None and language != SOURCE_LANGUAGE
                  else None)
            self._cache[language] = [t for t in (qt, ours) if t is not None]
        if app is not None:
            for translator in self._installed:
                app.removeTranslator(translator)
            for translator in self._cache[language]:  # the last installed is asked first
                app.installTranslator(translator)
        self._installed = self._cache[language]
        self.language = language
        QLocale.setDefault(QLocale(language))  # dates and numbers in widgets made after this
        return bool(self._installed) or language == SOURCE_LANGUAGE


def compile_translations(resources: Path, *, force: bool = False) -> list[Path]:
    """Compile each `.ts` to its `.qm` with lrelease when the `.qm` is missing or older.

    Used by `scripts/setup` (`python -m eduapp.ui.i18n`), the wheel build (hatch_build.py)
    and the frozen build (build.spec). Returns the `.qm` files written; raises RuntimeError when
    lrelease fails or cannot be found.
    """
    import subprocess  # a build step: not imported when the app starts

    written = []
    for source in sorted(translations_dir(resources).glob("eduapp_*.ts")):
        target = source.with_suffix(".qm")
        if not force and target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        done = subprocess.run([str(_lrelease()), "-silent", str(source), "-qm", str(target)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0 or not target.exists():
            raise RuntimeError(f"{source}: lrelease failed: {done.stderr.strip()}")
        written.append(target)
    return written


def _lrelease() -> Path:
    """Qt's lrelease as PySide6 ships it, beside the package (no PATH needed in a build)."""
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    exe = Path(PySide6.__file__).parent / name
    if not exe.exists():
        raise RuntimeError(f"lrelease was not found at {exe}; install PySide6-Essentials")
    return exe


if __name__ == "__main__":  # python -m eduapp.ui.i18n [--force]
    from eduapp.core.paths import resources_dir

    for path in compile_translations(resources_dir(), force="--force" in sys.argv):
        print(f"compiled {path}")
