"""The app's own commands, run as a clinic's IT person or CI would run them."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def eduapp(*args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "eduapp", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout, check=False)


@pytest.mark.slow
def test_app_opens_and_quits_when_ready(tmp_path):
    """It quits only once the content and database, loaded after the first frame, are in."""
    done = eduapp("--data-dir", str(tmp_path), "--quit-when-ready")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "first frame at" in done.stdout and "loaded at" in done.stdout
    assert (tmp_path / "eduapp.db").exists()
    log = (tmp_path / "logs" / "eduapp.log").read_text(encoding="utf-8")
    assert "first frame after" in log and "everything loaded after" in log


@pytest.mark.slow
def test_self_test_drives_every_module_and_keeps_its_sessions(tmp_path):
    done = eduapp("self-test", "--data-dir", str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed: 4 modules" in done.stdout
    db = sqlite3.connect(str(tmp_path / "eduapp.db"))
    wrong_first = db.execute("SELECT COUNT(*) FROM answers WHERE try_number = 1 AND right = 0")
    right_then = db.execute("SELECT COUNT(*) FROM answers WHERE try_number = 2 AND right = 1")
    questions = wrong_first.fetchone()[0]
    assert questions >= 20 and right_then.fetchone()[0] == questions
    db.close()


@pytest.mark.slow
def test_self_test_fails_when_the_content_is_broken(tmp_path):
    resources = tmp_path / "resources"
    subprocess.run(["cp", "-r", str(ROOT / "resources"), str(resources)], check=True)
    toml = resources / "modules" / "01-why-pain-lasts" / "module.toml"
    toml.write_text(toml.read_text().replace('reviews = "what-is-pain"', 'reviews = "gone"', 1))
    done = eduapp("self-test", "--resources", str(resources), "--temp-data")
    assert done.returncode == 1
    assert "module.toml" in done.stdout and "gone" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


@pytest.mark.slow
def test_gallery_writes_every_screen_in_the_order_met(tmp_path):
    out = tmp_path / "gallery"
    done = eduapp("gallery", "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    names = sorted(p.name for p in out.glob("*.png"))
    # the staff side first: the kiosk waits for the clinic's phone numbers (shipped settings)
    assert names[0].endswith("phones-gate.png") and names[1].endswith("pin-choose.png")
    shown = [n.split("-", 2)[2].removesuffix(".png") for n in names]
    for screen in ("clinician-today", "visit-code-dialog", "print-summary-dialog",
                   "clinician-questions", "clinician-presenter", "clinician-settings",
                   "delete-old-sessions-question", "change-pin-wrong", "welcome", "modules",
                   "print-checklist", "idle-notice", "pin-enter-wrong", "unexpected-error"):
        assert screen in shown
    assert shown.index("clinician-settings") < shown.index("welcome") < shown.index("modules")
    assert any("screen-01" in n for n in names)
    assert any("a-question" in n for n in names) and any("b-feedback" in n for n in names)
    assert any("review" in n for n in names)
    assert sum(n.endswith("results.png") for n in names) == 4
    assert all((out / n).stat().st_size > 10_000 for n in names)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
@pytest.mark.parametrize(("lang", "session", "title"), [
    ("en", "My session: date", "What should you do before"),
    ("es", "Mi sesión: fecha", "Qué hacer antes y después de la sesión")])
def test_checklist_command_prints_the_session_checklist_with_the_clinics_phones(
        tmp_path, lang, session, title):
    (tmp_path / "clinic.toml").write_text(
        '[clinic]\nclinic_phone = "(555) 123-4567"\nafter_hours_phone = "555-987-6543"\n',
        encoding="utf-8")
    out = tmp_path / "checklist.pdf"
    done = eduapp("checklist", "--data-dir", str(tmp_path), "--lang", lang, "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    for expected in (session, title, "(555) 123-4567", "555-987-6543"):
        assert expected in text
    (tmp_path / "clinic.toml").unlink()  # as shipped: no number, but never a blank
    done = eduapp("checklist", "--data-dir", str(tmp_path), "--lang", lang, "--out", str(out))
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert ("phone number your clinic gave you" if lang == "en"
            else "número de teléfono que le dio su clínica") in text
