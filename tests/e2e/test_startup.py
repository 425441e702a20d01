"""Start-up: the welcome page first, then content and database; the log file stays small."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from eduapp.app import build_window, finish_loading
from eduapp.commands.driver import PatientDriver
from eduapp.core.quiz import first_pass
from eduapp.core.startup import Options, RotatingLog, prepare
from eduapp.core.storage.sqlite import DB_NAME
from eduapp.ui.widgets import Illustration, label

ROOT = Path(__file__).resolve().parents[2]


def test_the_welcome_page_shows_before_content_and_database_load(qtbot, themed, tmp_path):
    context = prepare(Options(data_dir=tmp_path), load=False)
    window = build_window(context)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_frame):
        window.show()
    welcome = window.flow.welcome
    assert window.flow.stack.currentWidget() is welcome
    assert welcome.clinic.text() and welcome.start_button.isVisible()
    assert set(welcome.language_buttons) == {"en", "es"}  # known from file names alone
    assert not (tmp_path / DB_NAME).exists()  # nothing heavy before the first frame

    finish_loading(window, context)
    assert (tmp_path / DB_NAME).exists()
    assert [m.id for m in window.flow.modules.values()] == [m.id for m in context.modules]
    assert len(context.modules) == 4


FIRST_FRAME_PROBE = textwrap.dedent("""
    import sys
    import PySide6.QtCore as core
    import eduapp.__main__ as entry

    said = entry._print_moment
    def moment(name):
        if name == "first frame":  # Qt's enums, built on first use: see eduapp.ui.widgets
            print("Qt namespace before the first frame:", "Qt" in vars(core), flush=True)
        said(name)
    entry._print_moment = moment
    sys.exit(entry.main(["--data-dir", sys.argv[1], "--quit-when-ready"]))
""")


def test_qts_enums_are_built_after_the_first_frame(tmp_path):
    """PySide6 builds all ~90 enums of `Qt` when it is first used: 20 to 40 ms of start-up.

    A layout that answered Qt with one of them before the first frame made start-up 1.67x the
    bare window (budget 1.5x); nothing on the welcome page may use `Qt` before it shows.
    """
    done = subprocess.run([sys.executable, "-c", FIRST_FRAME_PROBE, str(tmp_path)], cwd=ROOT,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                          capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr
    assert "Qt namespace before the first frame: False" in done.stdout, done.stdout


def test_a_patient_who_taps_start_before_loading_finishes_loses_nothing(qtbot, themed,
                                                                           tmp_path):
    context = prepare(Options(data_dir=tmp_path), load=False)
    window = build_window(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    driver = PatientDriver(window)
    driver.start()  # content and database load on this first tap
    module = context.modules[0]
    driver.open_module(module)
    driver.read_all(module)
    driver.take_quiz(module)
    assert context.store is not None
    sessions = context.store.sessions_by_id()
    assert len(sessions) == 1
    answers = context.store.attempts(sessions[0].id)[0].answers
    understood = {a.asked_for or a.question_id for a in answers if a.right}
    assert understood == {q.id for q in first_pass(module)}
    context.close()


def test_the_log_file_moves_aside_when_full_and_keeps_three(tmp_path):
    path = tmp_path / "eduapp.log"
    write_lines(RotatingLog(path, max_bytes=2000, backups=3), 400)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["eduapp.log", "eduapp.log.1", "eduapp.log.2", "eduapp.log.3"]
    assert all((tmp_path / name).stat().st_size <= 2000 + 100 for name in files)
    texts = {name: (tmp_path / name).read_text(encoding="utf-8") for name in files}
    assert "line 0399" in texts["eduapp.log"] + texts["eduapp.log.1"]  # the newest is kept
    assert not any("line 0000" in text for text in texts.values())  # the oldest is gone


def test_a_full_log_from_an_earlier_run_is_moved_aside_at_start(tmp_path):
    path = tmp_path / "eduapp.log"
    path.write_text("old\n" * 1000, encoding="utf-8")
    handler = RotatingLog(path, max_bytes=1000)
    handler.close()
    assert path.stat().st_size == 0
    assert (tmp_path / "eduapp.log.1").read_text(encoding="utf-8").startswith("old")


def test_labels_never_read_text_as_markup(qapp):
    shown = label("<b>Dr. Lee</b> & <i>partners</i>")
    assert shown.textFormat() == Qt.TextFormat.PlainText
    assert shown.text() == "<b>Dr. Lee</b> & <i>partners</i>"


@pytest.mark.parametrize("size", [(900, 300), (300, 900)])
def test_pictures_keep_their_shape_in_any_space(qtbot, qapp, size):
    picture = Illustration()
    qtbot.addWidget(picture)
    picture.show_file(ROOT / "resources" / "images" / "welcome.svg", "people on a sofa")
    picture.setFixedSize(*size)
    picture.show()
    qtbot.waitExposed(picture)
    image = picture.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    background = QColor(image.pixel(0, 0))
    view = picture.renderer().viewBoxF()
    width, height = size
    scale = min(width / view.width(), height / view.height())
    drawn_w, drawn_h = round(view.width() * scale), round(view.height() * scale)

    def blank(x0: int, y0: int, x1: int, y1: int) -> bool:
        return all(QColor(image.pixel(x, y)) == background
                   for x in range(x0, x1, 3) for y in range(y0, y1, 3))

    left, top = (width - drawn_w) // 2, (height - drawn_h) // 2
    # outside the centred, undistorted picture nothing is drawn; inside, something is
    assert blank(0, 0, max(left - 1, 0), height) and blank(0, 0, width, max(top - 1, 0))
    assert blank(width - left + 1, 0, width, height)
    assert blank(0, height - top + 1, width, height)
    assert not blank(left, top, left + drawn_w, top + drawn_h)


def test_a_log_that_cannot_move_aside_keeps_logging(tmp_path):
    """Rotation failing (here .1 is a folder) loses no line and raises nothing."""
    path = tmp_path / "eduapp.log"
    (tmp_path / "eduapp.log.1").mkdir()
    write_lines(RotatingLog(path, max_bytes=200, backups=1), 20)
    text = path.read_text(encoding="utf-8")
    assert all(f"line {n:04d}" in text for n in range(20))


def write_lines(handler: logging.Handler, count: int) -> None:
    """Log `count` numbered lines of about 60 bytes through `handler` alone, then close it."""
    logger = logging.getLogger("eduapp.test-log-file")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for number in range(count):
            logger.warning("line %04d %s", number, "x" * 40)
    finally:
        logger.removeHandler(handler)
        handler.close()
