"""Renders assets/hotseat.svg into the icon files desktops and installers want.

    python scripts/make_icons.py            # rewrites assets/icons/ from assets/hotseat.svg

The SVG is the one source; the files written here are committed so that a wheel, the Linux
desktop entry script and PyInstaller on every platform find them without a renderer of their
own. ``assets/icons/SOURCE`` records the SVG's SHA-256, and a test fails when the SVG changes
and this script was not run again.

- ``hotseat-<size>.png`` for the freedesktop hicolor theme (Linux desktop entry),
- ``hotseat.ico`` for the Windows executable (PNG-compressed entries, Windows Vista and later),
- ``hotseat.icns`` for the macOS app bundle (PNG entries, macOS 10.7 and later).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "assets" / "hotseat.svg"
OUT = ROOT / "assets" / "icons"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# (type, pixels) of the PNG-carrying icns entries; the @2x types repeat a size for Retina.
ICNS_ENTRIES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def svg_digest(svg: Path = SVG) -> str:
    return hashlib.sha256(svg.read_bytes()).hexdigest()


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes; Qt wants str
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (a width or height of 0 means 256)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + directory + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_ENTRIES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(out: Path = OUT, svg: Path = SVG) -> list[Path]:
    """Writes every icon file into ``out``; returns the paths written."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not an SVG Qt can render")
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _kind, size in ICNS_ENTRIES)})
    pngs = {size: render_png(renderer, size) for size in sizes}
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for size in PNG_SIZES:
        written.append(out / f"hotseat-{size}.png")
        written[-1].write_bytes(pngs[size])
    written.append(out / "hotseat.ico")
    written[-1].write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    written.append(out / "hotseat.icns")
    written[-1].write_bytes(icns_bytes(pngs))
    written.append(out / "SOURCE")
    written[-1].write_text(f"{svg_digest(svg)}  hotseat.svg\n")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write (assets/icons)")
    args = parser.parse_args()
    for path in make_icons(args.out):
        print(path)


if __name__ == "__main__":
    main()
