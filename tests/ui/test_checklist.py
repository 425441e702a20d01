"""The printable checklist: one page, the clinic's own values, offered where it is taught."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from eduapp.commands.driver import PatientDriver
from eduapp.core.clinic import load_settings
from eduapp.core.content.loader import load_library
from eduapp.ui.print import checklist
from eduapp.ui.print.checklist import SESSION_MODULE

ROOT = Path(__file__).resolve().parents[2]
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils is not installed")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(next(line.split()[-1] for line in info.stdout.splitlines()
                    if line.startswith("Pages:")))


def clinic_library(tmp_path: Path):
    (tmp_path / "clinic.toml").write_text(
        '[clinic]\nclinic_name = "Hillside Pain Care"\nclinic_phone = "(555) 123-4567"\n'
        'after_hours_phone = "555-987-6543"\nno_food_hours = "6"\narrival_minutes = "45"\n',
        encoding="utf-8")
    settings = load_settings(ROOT / "resources", tmp_path)
    assert settings.problems == []
    library = load_library(ROOT / "resources", settings.placeholders(),
                           translated=settings.translated_placeholders())
    module = next(m for m in library.for_language("en") if m.id == SESSION_MODULE)
    return settings, module, library


@needs_poppler
def test_checklist_pdf_is_one_page_with_the_clinics_values(qapp, tmp_path):
    settings, module, _ = clinic_library(tmp_path)
    out = tmp_path / "checklist.pdf"
    assert checklist.write_pdf(module, settings.name, out, "a4") == 1
    assert pdf_pages(out) == 1
    text = " ".join(pdf_text(out).split())
    for expected in ("Hillside Pain Care", "(555) 123-4567", "555-987-6543", "6 hours",
                     "45 minutes", "My session: date",
                     "Before you come", "What to bring", "After your session",
                     module.screen("checklist").title):
        assert expected in text
    assert "{{" not in text and "Teach-back" not in text


@needs_poppler
def test_a_long_checklist_shrinks_to_stay_on_one_page(qapp, tmp_path):
    settings, module, _ = clinic_library(tmp_path)
    screen = module.screen("checklist")
    longer = dataclasses.replace(screen, markdown=screen.markdown + "\n\n**More**\n\n" + "\n".join(
        f"- Extra step number {n} for this clinic." for n in range(3)))
    screens = tuple(longer if s.id == "checklist" else s for s in module.screens)
    out = tmp_path / "long.pdf"
    checklist.write_pdf(dataclasses.replace(module, screens=screens), settings.name, out)
    assert pdf_pages(out) == 1
    assert "Extra step number 2" in pdf_text(out)


def test_print_is_offered_on_the_checklist_and_key_points_only(qtbot, make_window, store,
                                                                library, monkeypatch):
    printed = []
    monkeypatch.setattr(checklist, "print_checklist",
                        lambda module, clinic, paper, parent: printed.append(module.id))
    window = make_window(store)
    driver = PatientDriver(window)
    driver.start()
    reader = window.flow.screen_page
    first = library.for_language("en")[0]
    driver.open_module(first)
    assert not reader.print_button.isVisible()

    window.flow.show_modules()
    session = next(m for m in library.for_language("en") if m.id == "your-infusion-session")
    driver.open_module(session)
    offered = []
    for screen in session.screens:
        offered.append((screen.id, reader.print_button.isVisible()))
        if screen.id == "checklist":
            qtbot.mouseClick(reader.print_button, Qt.MouseButton.LeftButton)
        if screen is not session.screens[-1]:
            qtbot.mouseClick(reader.next_button, Qt.MouseButton.LeftButton)
    assert [s for s, shown in offered if shown] == ["checklist", "key-points"]
    assert printed == [session.id]


@needs_poppler
def test_the_other_modules_sheets_have_no_session_date(qapp, tmp_path):
    settings, session, library = clinic_library(tmp_path)
    others = [m for m in library.for_language("en") if m.checklist and m is not session]
    assert [m.id for m in others] == ["why-pain-lasts", "mind-and-body", "ketamine"]
    for module in others:
        out = tmp_path / f"{module.id}.pdf"
        assert checklist.write_pdf(module, settings.name, out) == 1
        text = " ".join(pdf_text(out).split())
        assert module.screen(module.checklist).title in text and "Hillside Pain Care" in text
        assert "My session" not in text and "{{" not in text


@needs_poppler
def test_checklist_command_writes_the_pdf(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = tmp_path / "mine.pdf"
    done = subprocess.run([sys.executable, "-m", "eduapp", "checklist", "--out", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    text = " ".join(pdf_text(out).split())
    assert pdf_pages(out) == 1 and "Pain Clinic" in text
    assert "My session: date" in text  # the session's checklist, not module 1's sheet
    assert "the phone number your clinic gave you" in text  # as shipped: no number, no blank
    bad = subprocess.run([sys.executable, "-m", "eduapp", "checklist", "--out",
                          str(tmp_path / "missing" / "x.pdf")], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    assert bad.returncode == 1 and "cannot write" in bad.stdout
    assert "Traceback" not in bad.stdout + bad.stderr
