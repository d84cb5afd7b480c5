"""A long mono int16 recording kept in a temporary file, read back by slices.

The filler pass reads short stretches of an answer at times it picks. For a recording of
hours, holding the 16 kHz audio in memory costs 115 MB an hour; written once to a temporary
file as it streams past, it costs nothing, and each slice is one read at an offset.
"""

from __future__ import annotations

import os
import tempfile

from simulator.core.closing import Closing


class PcmOnDisk(Closing):
    """Bytes appended once, then sliced like ``bytes`` (``len``, ``[a:b]``); closes its file."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="hotseat-pcm-")  # noqa: SIM115 (closed by close())
        self._size = 0

    def append(self, pcm: bytes) -> None:
        self._file.write(pcm)
        self._size += len(pcm)

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, span: slice) -> bytes:
        start, stop, step = span.indices(self._size)
        if step != 1:
            raise ValueError("PcmOnDisk slices have no step")
        if stop <= start:
            return b""
        # seek and read rather than os.pread, which Windows lacks; appends go to the end.
        self._file.seek(start)
        data = self._file.read(stop - start)
        self._file.seek(0, os.SEEK_END)
        return data

    def close(self) -> None:
        self._file.close()


__all__ = ["PcmOnDisk"]
