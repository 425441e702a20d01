"""A connected kiosk killed in the middle of a quiz, with the server away, then restarted.

Real kiosk processes on one data folder joined to a real PostgreSQL: the first patient
answers part of a quiz while the server is stopped, and the app is killed (a power cut).
A second process starts, still with the server away, and the next patient answers into a
session of their own. When the server comes back, every answer of both patients arrives
once, in the order given; the first session arrives ended (the restart ended it), and the
kiosk keeps no copy of a session the server holds ended.
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

import psycopg
import pytest

from eduapp.core.storage.membership import join
from eduapp.core.storage.pg_schema import init
from eduapp.core.storage.sqlite import DB_NAME
from tests.clinic.devices import wait_until
from tests.pg_cluster import Cluster

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "EDUAPP_SPEECH_ENGINE": "mock"}

# a kiosk patient: Start, the first topic read, then `answers` questions (the first wrong)
PATIENT = textwrap.dedent("""
    import json
    import sys
    from pathlib import Path
    from eduapp.app import build_window, finish_loading, make_application
    from eduapp.commands.driver import PatientDriver, wrong_choice
    from eduapp.core.startup import Options, prepare

    data, answers = Path(sys.argv[1]), int(sys.argv[2])
    context = prepare(Options(data_dir=data))
    app = make_application()
    window = build_window(context, kiosk=True)
    window.enter_kiosk()
    finish_loading(window, context)
    flow = window.flow
    first_page = "welcome" if flow.stack.currentWidget() is flow.welcome else "other"
    driver = PatientDriver(window)
    driver.start()
    badges = [card.badge.text() for card in flow.module_list.cards if card.badge.isVisible()]
    module = context.modules[0]
    driver.open_module(module)
    driver.read_all(module)
    flow.start_quiz()
    given = []
    for number in range(answers):
        question = flow.quiz.question
        chosen = wrong_choice(question) if number == 0 else question.correct_ids
        driver.answer(chosen, "answer")
        given.append(question.id)
        driver.next_after_feedback()
    print(json.dumps({"first page": first_page, "badges": badges, "given": given}), flush=True)
    app.exec()  # waits to be killed
""")


def patient(data: Path, answers: int) -> tuple[subprocess.Popen[str], dict[str, object]]:
    child = subprocess.Popen([sys.executable, "-c", PATIENT, str(data), str(answers)],
                             cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    assert child.stdout is not None
    line = child.stdout.readline()
    if not line:
        child.kill()
        _, err = child.communicate(timeout=30)
        raise AssertionError(err or "no output")
    return child, json.loads(line)


def kill(child: subprocess.Popen[str]) -> None:
    os.kill(child.pid, signal.SIGKILL)  # no goodbye: nothing is flushed or ended on the way out
    assert child.wait(timeout=60) == -signal.SIGKILL
    child.communicate()


def server_sessions(clinician_url: str) -> list[tuple[bool, list[tuple[str, int]]]]:
    """Each session on the server in the order started: ended?, its answers in order."""
    with psycopg.connect(clinician_url) as db:
        sessions = db.execute("SELECT id, ended_at IS NOT NULL FROM eduapp.sessions "
                              "ORDER BY started_at, n").fetchall()
        return [(ended, [(q, t) for q, t in db.execute(
            "SELECT a.question_id, a.try_number FROM eduapp.answers a "
            "JOIN eduapp.quiz_attempts q ON q.id = a.attempt_id WHERE q.session_id = %s "
            "ORDER BY a.n", (session,)).fetchall()]) for session, ended in sessions]


def local_sessions(data: Path) -> int:
    with sqlite3.connect(data / DB_NAME) as db:
        count = int(db.execute("SELECT count(*) FROM sessions").fetchone()[0])
    db.close()
    return count


@pytest.mark.slow
def test_a_kiosk_killed_mid_quiz_with_the_server_away_loses_and_repeats_nothing(
        tmp_path: Path, cluster: Cluster, admin_url: str) -> None:
    report = init(admin_url)
    assert report.device_url and report.clinician_url
    data = tmp_path / "kiosk"
    join(data, report.device_url, "Waiting room")
    cluster.stop()
    try:
        first, before = patient(data, 3)
        kill(first)
        second, after = patient(data, 2)
    finally:
        cluster.start()
    try:
        assert after["first page"] == "welcome" and after["badges"] == []
        wait_until(lambda: sum(len(a) for _, a in server_sessions(report.clinician_url)) == 5,
                   90)
        sessions = server_sessions(report.clinician_url)
        assert [answers for _, answers in sessions] == [
            [(q, 1) for q in before["given"]], [(q, 1) for q in after["given"]]]
        assert sessions[0][0], "the restart ended the first patient's session"
        assert not sessions[1][0]  # the next patient is still at the kiosk
        # the kiosk forgets the first session once the server holds it ended; it keeps the
        # session in progress
        wait_until(lambda: local_sessions(data) == 1, 30)
    finally:
        kill(second)
    log = (data / "logs" / "eduapp.log").read_text(encoding="utf-8")
    password = report.device_url.split(":")[2].split("@")[0]
    assert password not in log
    assert not any(q in log for q in before["given"] + after["given"])
