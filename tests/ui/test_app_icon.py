"""The app icon: on the windows once the app has loaded, and in every size the builds need."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QIcon, QImage
from PySide6.QtWidgets import QApplication

from eduapp.app import build_window, finish_loading
from eduapp.core.startup import Options, prepare

ROOT = Path(__file__).resolve().parents[2]
TEAL = QColor("#2A7F8E")


def test_the_windows_get_the_app_icon_once_loaded(qtbot, themed, tmp_path):
    QApplication.setWindowIcon(QIcon())
    context = prepare(Options(data_dir=tmp_path))
    window = build_window(context)
    qtbot.addWidget(window)
    finish_loading(window, context)
    picture = QApplication.windowIcon().pixmap(64, 64).toImage()
    assert not picture.isNull()
    assert picture.pixelColor(32, 8) == TEAL  # the icon's background, drawn from the SVG


def test_the_build_draws_every_size_and_the_ico_and_icns_hold_them(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_icons.py"), str(tmp_path)],
                   check=True, capture_output=True)
    for size in (16, 32, 48, 256, 512):
        image = QImage(str(tmp_path / f"eduapp-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 8) == TEAL
    ico = (tmp_path / "eduapp.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    icns = (tmp_path / "eduapp.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    kinds, at = set(), 8
    while at < len(icns):
        kinds.add(icns[at:at + 4])
        at += struct.unpack(">I", icns[at + 4:at + 8])[0]
    assert at == len(icns) and {b"icp4", b"ic07", b"ic09", b"ic10"} <= kinds
