"""Shared fixtures. Qt runs offscreen, set here once before any Qt import (never in app code)."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from eduapp.core.clinic import load_settings
from eduapp.core.content.loader import load_library
from eduapp.core.content.model import Library, Module
from eduapp.core.storage.sqlite import Store
from eduapp.core.visit import Visit

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _delete_closed_widgets() -> Iterator[None]:
    """After each test, delete the widgets it closed (pytest-qt only posts their deletion),
    so later style sheets are not applied to piles of dead widgets."""
    yield
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent

        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
RESOURCES = ROOT / "resources"


@pytest.fixture(scope="session")
def library() -> Library:
    """The real content, loaded once."""
    settings = load_settings(RESOURCES, None)
    return load_library(RESOURCES, settings.values, translated=settings.translated)


@pytest.fixture
def module(library: Library) -> Module:
    """The first module, 'Why pain can last', in English."""
    return library.for_language("en")[0]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh database file per test."""
    s = Store.open(tmp_path / "eduapp.db")
    yield s
    s.close()


@pytest.fixture
def themed(qapp):  # type: ignore[no-untyped-def]
    """The application with the real font and style sheet, as patients see it."""
    from eduapp.ui.theme import PALETTE, load_fonts, style_app

    style_app(qapp, 0, PALETTE, load_fonts())
    yield qapp
    style_app(qapp, 0, PALETTE)  # the next test starts in the normal palette
    qapp.setStyleSheet("")


@pytest.fixture
def make_window(qtbot, themed, library: Library) -> Iterator[Callable[..., object]]:  # type: ignore[no-untyped-def]
    """Build a real main window on a given store, as the app does."""
    from eduapp.ui.i18n import Translations
    from eduapp.ui.main_window import MainWindow, WindowSettings

    made: list[Translations] = []

    def make(store: Store | None, languages: tuple[str, ...] = ("en",),
             **settings: object) -> MainWindow:
        translations = Translations(RESOURCES)
        made.append(translations)
        window = MainWindow({code: library.for_language(code) for code in languages},
                            WindowSettings("Test Clinic", **settings),  # type: ignore[arg-type]
                            lambda language: Visit(store, language),
                            translations=translations)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for translations in made:  # the next test starts in English
        translations.use("en")
