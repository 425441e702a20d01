"""The app icon in every size and format the builds need, drawn from one SVG.

    python scripts/make_icons.py OUT_DIR

writes OUT_DIR/eduapp-<size>.png (16 to 512 pixels), eduapp.ico (Windows) and eduapp.icns
(macOS) from resources/images/app-icon.svg. Each size is drawn from the SVG itself, not
scaled from a bigger picture; the ICO and ICNS files hold those PNGs (both formats allow it).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

SVG = Path(__file__).resolve().parents[1] / "resources" / "images" / "app-icon.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (1024 is the 512 point retina size)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08",
              512: b"ic09", 1024: b"ic10"}


def render(svg: Path, size: int) -> bytes:
    """The SVG drawn at `size` x `size` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding each PNG (a width or height of 256 is written as 0)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png),
                               offset + len(images))
        images += png
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding each PNG under its element type."""
    body = b"".join(ICNS_TYPES[size] + struct.pack(">I", len(png) + 8) + png
                    for size, png in sorted(pngs.items()))
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def make_icons(out: Path, svg: Path = SVG) -> list[Path]:
    """Write every PNG size, the .ico and the .icns into `out`; returns the files written."""
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([])
    pngs = {size: render(svg, size) for size in sorted({*PNG_SIZES, *ICNS_TYPES})}
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for size in PNG_SIZES:
        written.append(out / f"eduapp-{size}.png")
        written[-1].write_bytes(pngs[size])
    written.append(out / "eduapp.ico")
    written[-1].write_bytes(ico({size: pngs[size] for size in ICO_SIZES}))
    written.append(out / "eduapp.icns")
    written[-1].write_bytes(icns({size: pngs[size] for size in ICNS_TYPES}))
    return written


if __name__ == "__main__":
    for path in make_icons(Path(sys.argv[1])):
        print(f"wrote {path}")
