"""A full disk for tests: a small tmpfs (root only, as in CI) and a way to fill it.

Writes then fail with ENOSPC through the real code paths (SQLite, the WAV writer), as on a
full drive.
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def tiny_filesystem(where: Path, size: str = "2m") -> Iterator[Path]:
    """A small tmpfs at ``where`` (root only, as in CI); unmounted afterwards."""
    where.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], check=True)
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)


def fill(folder: Path) -> None:
    """Write until the filesystem refuses with ENOSPC."""
    with (folder / "filler").open("wb") as out:
        block = b"\x00" * 65536
        with contextlib.suppress(OSError):
            while True:
                out.write(block)
                out.flush()
