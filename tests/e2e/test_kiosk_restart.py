"""A restart never shows the previous patient: real kiosk processes on one data folder.

The first patient answers a quiz; the app is then killed (a crash, a power cut) or closed
(staff) at once; a second process starts on the same folder and the next patient presses
Start. They must see the welcome page, no earlier result, and answer into a session of their
own, while the first patient's answers stay saved for the care team, their session ended.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from eduapp.core.storage.sqlite import DB_NAME

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "EDUAPP_SPEECH_ENGINE": "mock"}

PATIENT = textwrap.dedent("""
    import json
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from eduapp.app import build_window, finish_loading, make_application
    from eduapp.core.startup import Options, prepare
    from eduapp.commands.driver import PatientDriver

    data, role, leave = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    context = prepare(Options(data_dir=data))
    app = make_application()
    window = build_window(context, kiosk=True)
    window.enter_kiosk()
    finish_loading(window, context)
    flow = window.flow
    seen = {"first page": "welcome" if flow.stack.currentWidget() is flow.welcome else "other"}
    driver = PatientDriver(window)
    driver.start()
    seen["badges"] = [card.badge.text() for card in flow.module_list.cards
                      if card.badge.isVisible()]
    module = context.modules[0 if role == "first" else 1]
    driver.open_module(module)
    driver.read_all(module)
    driver.take_quiz(module, wrong_first={module.questions[0].id})
    driver.back_to_topics()
    seen["after"] = [card.badge.text() for card in flow.module_list.cards
                     if card.badge.isVisible()]
    seen["session"] = flow.visit.session_id
    print(json.dumps(seen), flush=True)
    if leave == "closed":  # staff close the app the ordinary way
        window.may_close = True
        QTimer.singleShot(0, window.close)
        sys.exit(app.exec())
    app.exec()  # waits to be killed
""")


def patient(data: Path, role: str, leave: str) -> tuple[subprocess.Popen[str], dict[str, object]]:
    child = subprocess.Popen([sys.executable, "-c", PATIENT, str(data), role, leave], cwd=ROOT,
                             env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    line = child.stdout.readline()
    if not line:
        child.wait(timeout=30)
        raise AssertionError(child.stderr.read() if child.stderr else "no output")
    return child, json.loads(line)


@pytest.mark.parametrize("leave", ["killed", "closed"])
def test_after_a_restart_the_next_patient_sees_nothing_of_the_last(
        tmp_path: Path, leave: str) -> None:
    data = tmp_path / "data"
    first, before = patient(data, "first", leave)
    try:
        if leave == "killed":
            os.kill(first.pid, signal.SIGKILL)  # no goodbye
        assert first.wait(timeout=60) == (-signal.SIGKILL if leave == "killed" else 0)
    finally:
        first.kill()
    assert before["after"], "the first patient saw their own result"
    second, after = patient(data, "next", "closed")
    assert second.wait(timeout=60) == 0
    assert after["first page"] == "welcome"
    assert after["badges"] == []  # no "Done: 7 of 7 understood" from the last patient
    assert len(after["after"]) == 1  # only the topic this patient took
    assert after["session"] != before["session"]
    with sqlite3.connect(data / DB_NAME) as db:
        per_session = dict(db.execute(
            "SELECT q.session_id, group_concat(DISTINCT q.module_id) FROM quiz_attempts q "
            "GROUP BY q.session_id").fetchall())
        ended = dict(db.execute("SELECT id, ended_at IS NOT NULL FROM sessions").fetchall())
    db.close()
    assert per_session == {before["session"]: "why-pain-lasts",
                           after["session"]: "mind-and-body"}
    assert ended[before["session"]] == 1  # kept for the care team, and ended
