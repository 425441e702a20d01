"""The real app on a connected device: it starts without the network and sends what waits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from eduapp.core.content.model import Library
from eduapp.core.storage import outbox
from eduapp.core.storage.pg_schema import init
from eduapp.core.storage.postgres import Connection
from eduapp.core.visit import Visit
from tests.clinic.devices import Device, answer_all, wait_until
from tests.clinic.test_sender import server_answers
from tests.pg_cluster import free_port

ROOT = Path(__file__).resolve().parents[2]


def app(folder: Path, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, "-m", "eduapp", "--data-dir", str(folder), *args],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


@pytest.mark.slow
def test_the_app_sends_what_waited_in_the_outbox(
        tmp_path: Path, admin_url: str, library: Library) -> None:
    report = init(admin_url)
    assert report.device_url and report.clinician_url
    kiosk = Device(tmp_path, report.device_url, "Kiosk 1")  # answers given, never sent
    given = answer_all(Visit(kiosk.store, "en"), library.for_language("en")[0])
    assert outbox.waiting(kiosk.store._db) > len(given)
    kiosk.store.close()

    running = app(tmp_path)
    try:
        wait_until(lambda: len(server_answers(report.clinician_url)) == len(given), 90)
    finally:
        running.kill()
        running.communicate()
    assert [q for _, q, _ in server_answers(report.clinician_url)] == given
    password = report.device_url.split(":")[2].split("@")[0]
    log = (tmp_path / "logs" / "eduapp.log").read_text(encoding="utf-8")
    assert "clinic mode" in log and password not in log


@pytest.mark.slow
def test_a_device_whose_server_is_away_starts_and_teaches(tmp_path: Path) -> None:
    Connection(f"postgresql://d:Secret-pw@127.0.0.1:{free_port()}/clinic", "Kiosk 1").save(
        tmp_path)

    done = app(tmp_path, "--quit-when-ready")
    out, err = done.communicate(timeout=120)

    assert done.returncode == 0, err
    assert "loaded at" in out and "Traceback" not in err
    log = (tmp_path / "logs" / "eduapp.log").read_text(encoding="utf-8")
    assert "Secret-pw" not in log + out + err
