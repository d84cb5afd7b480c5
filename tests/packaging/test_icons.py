"""The committed icon files are renderings of today's assets/hotseat.svg, readable as icons."""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QImageReader

from scripts.make_icons import ICNS_ENTRIES, ICO_SIZES, PNG_SIZES, icns_bytes, ico_bytes

ASSETS = Path(__file__).resolve().parents[2] / "assets"


def test_icons_were_made_from_the_current_svg() -> None:
    """Fails when the SVG changed and `python scripts/make_icons.py` was not run again."""
    digest = hashlib.sha256((ASSETS / "hotseat.svg").read_bytes()).hexdigest()
    assert (ASSETS / "icons" / "SOURCE").read_text().split()[0] == digest


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icons_have_their_size(size: int) -> None:
    image = QImage(str(ASSETS / "icons" / f"hotseat-{size}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()


def test_windows_icon_holds_every_size() -> None:
    reader = QImageReader(str(ASSETS / "icons" / "hotseat.ico"))
    sizes = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        sizes.append(reader.read().width())
    assert sorted(sizes) == sorted(ICO_SIZES)


def test_macos_icon_is_well_formed() -> None:
    data = (ASSETS / "icons" / "hotseat.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, offset = [], 8
    while offset < len(data):
        kind, length = data[offset : offset + 4], struct.unpack(">I", data[offset + 4 : offset + 8])
        assert data[offset + 8 : offset + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        offset += length[0]
    assert offset == len(data)
    assert kinds == [kind for kind, _size in ICNS_ENTRIES]
    assert not QImage.fromData(data[16:]).isNull()


def test_container_layouts() -> None:
    """ICO: a 6-byte header and 16 bytes per entry, 256 written as 0; icns: 8 + entries."""
    pngs = {16: b"a" * 10, 256: b"b" * 20}
    ico = ico_bytes(pngs)
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, 2)
    assert ico[6:8] == bytes([16, 16]) and ico[22:24] == bytes([0, 0])
    assert struct.unpack("<II", ico[30:38]) == (20, 6 + 32 + 10)
    assert ico.endswith(b"a" * 10 + b"b" * 20)
    every_size = {size: bytes([size % 251]) * 3 for _kind, size in ICNS_ENTRIES}
    assert len(icns_bytes(every_size)) == 8 + 11 * len(ICNS_ENTRIES)
