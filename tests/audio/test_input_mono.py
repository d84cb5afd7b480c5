"""A stereo microphone's blocks are mixed down to mono where they are read (numpy is imported
there, not when the module loads: the idle window checks the microphone without numpy)."""

from __future__ import annotations

import struct
from types import SimpleNamespace

from simulator.audio.input import InputStream


def test_a_stereo_block_is_averaged_to_mono() -> None:
    left, right = [100, -200, 32767, 3], [300, -201, 32767, -4]
    block = struct.pack("<8h", *(s for pair in zip(left, right, strict=True) for s in pair))
    stream = SimpleNamespace(channels=2)
    mono = InputStream._mono(stream, block)  # type: ignore[arg-type]
    assert struct.unpack("<4h", mono) == (200, -200, 32767, 0)


def test_a_mono_block_is_kept_as_it_is() -> None:
    block = struct.pack("<3h", 1, -2, 3)
    assert InputStream._mono(SimpleNamespace(channels=1), block) is block  # type: ignore[arg-type]
