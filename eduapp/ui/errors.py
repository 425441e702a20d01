"""The exception hook: an unexpected error is logged; a patient sees a calm message, not code."""

from __future__ import annotations

import logging
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger("eduapp.errors")


def install(*, interactive: bool = True) -> None:
    """Install the hook before the first window exists."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.critical("unexpected error", exc_info=(kind, error, tb))
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if interactive and QApplication.instance() is not None:
            sorry_box().exec()

    sys.excepthook = hook


def sorry_box() -> QMessageBox:
    """The calm message a patient sees after an unexpected error."""
    from PySide6.QtWidgets import QMessageBox  # not at start-up: rarely needed

    return QMessageBox(QMessageBox.Icon.Information, QApplication.translate(
        "errors", "Sorry, something went wrong"), QApplication.translate(
        "errors", "Something on this screen did not work. Your answers so far are "
        "kept. Please ask a member of staff for help."))
