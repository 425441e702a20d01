"""An unexpected error is logged in full; a patient sees a calm message with no code in it."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QMessageBox

from eduapp.ui import errors


def raise_and_catch() -> tuple[type[BaseException], BaseException, object]:
    try:
        raise ValueError("internal detail 42")
    except ValueError:
        kind, error, tb = sys.exc_info()
        assert kind is not None and error is not None
        return kind, error, tb


def test_error_is_logged_with_its_traceback(qapp, caplog, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors.install(interactive=False)
    with caplog.at_level(logging.CRITICAL, logger="eduapp.errors"):
        sys.excepthook(*raise_and_catch())
    record = caplog.records[-1]
    assert record.levelno == logging.CRITICAL
    assert record.exc_info is not None and record.exc_info[0] is ValueError
    assert "internal detail 42" in caplog.text and "Traceback" in caplog.text


def test_patient_sees_a_calm_message_without_code(qapp, monkeypatch, caplog):
    shown: list[tuple[str, str]] = []

    def fake_exec(box):
        shown.append((box.windowTitle(), box.text()))
        return 0

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    errors.install(interactive=True)
    with caplog.at_level(logging.CRITICAL, logger="eduapp.errors"):
        sys.excepthook(*raise_and_catch())
    assert len(shown) == 1
    title, text = shown[0]
    assert "staff" in text and "answers so far are kept" in text
    for leak in ("Traceback", "ValueError", "internal detail", ".py"):
        assert leak not in title + text
