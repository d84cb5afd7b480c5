"""Parsed packs kept between runs, so the window does not parse every TOML file at each start.

Parsing the 14 built-in packs was a tenth of the window's start-up. An entry is used only for
the very file it was parsed from, as the file is now: the key is its path, device, inode,
size, modification time and change time (the change time cannot be set back by hand, and an
editor's save-by-rename gives a new inode), and the whole cache is dropped when the code that
parses packs changes (its modules' sizes and times, as Python's own bytecode cache checks).
A frozen build has no source files to check: there the executable stands for the code (its
path, size and time; PyInstaller appends the archive of our modules to it), so a rebuilt or
replaced app drops the cache and an unchanged one keeps it.

A file written within ``SETTLE_NS`` of being read is not kept: timestamps are coarse (a few
milliseconds on Linux, two seconds on FAT), so a second write of the same size in the same
tick would look unchanged. Once a file's times are older than that, any later write gives it
newer ones. This assumes the file times and this computer's clock agree.

Any problem with the cache file (missing, damaged, unreadable, written by another version)
means parsing as before; failing to write it is not an error.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import time
from pathlib import Path
from types import ModuleType

from simulator import __version__
from simulator.core.packs import Pack

CACHE_FORMAT = 1
SETTLE_NS = 3_000_000_000
clock_ns = time.time_ns  # the clock file times are compared with (tests move it on)

#: Besides ``simulator.core.packs``, the modules whose code shapes a cached pack.
OWN_MODULES = (__name__, "simulator.library.loading")

FileKey = tuple[str, str, int, int, int, int, int]


def file_key(path: Path, source: str) -> FileKey:
    """What identifies this content of the file at ``path``; taken before reading it."""
    stat = path.stat()
    return (
        str(path),
        source,
        stat.st_dev,
        stat.st_ino,
        stat.st_size,
        stat.st_mtime_ns,
        stat.st_ctime_ns,
    )


def settled(key: FileKey, now_ns: int | None = None) -> bool:
    """Whether the file's times are old enough that a later write must change them."""
    now = clock_ns() if now_ns is None else now_ns
    return now - max(key[5], key[6]) >= SETTLE_NS


def code_stamp() -> tuple[object, ...] | None:
    """The version of the code that turns a file into a ``Pack``; None when it cannot be told
    (a module without its source file, an executable that cannot be read): then nothing is
    cached."""
    stamps: list[object] = [CACHE_FORMAT, __version__, sys.version_info[:2]]
    if getattr(sys, "frozen", False):
        return frozen_stamp(stamps)
    prefix = "simulator.core.packs"
    modules: list[ModuleType] = [
        module
        for name, module in sorted(sys.modules.items())
        if name == prefix or name.startswith(prefix + ".") or name in OWN_MODULES
    ]
    for module in modules:
        file = getattr(module, "__file__", None)
        if not file:
            return None
        try:
            stat = os.stat(file)
        except OSError:
            return None
        stamps.append((module.__name__, stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)


def frozen_stamp(stamps: list[object]) -> tuple[object, ...] | None:
    """A frozen build's code is its executable: the modules come from an archive inside it,
    and their ``__file__`` names files that do not exist."""
    try:
        stat = os.stat(sys.executable)
    except OSError:
        return None
    return (*stamps, ("frozen", sys.executable, stat.st_size, stat.st_mtime_ns))


class PackCache:
    """The cache file's entries: read once, then written back if they changed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stamp = code_stamp()
        self.entries: dict[FileKey, Pack] = self._read() if self.stamp is not None else {}
        self.used: dict[FileKey, Pack] = {}

    def _read(self) -> dict[FileKey, Pack]:
        try:
            with self.path.open("rb") as file:
                stamp, entries = pickle.load(file)
        except Exception:  # missing, damaged or from other code: parse as before
            return {}
        if stamp != self.stamp or not isinstance(entries, dict):
            return {}
        return {key: pack for key, pack in entries.items() if isinstance(pack, Pack)}

    def get(self, key: FileKey) -> Pack | None:
        pack = self.entries.get(key)
        if pack is not None:
            self.used[key] = pack
        return pack

    def put(self, key: FileKey, pack: Pack) -> None:
        if settled(key):
            self.used[key] = pack

    def save(self) -> None:
        """Keep the entries of the files read this time (others are gone or changed)."""
        if self.stamp is None or self.used.keys() == self.entries.keys():
            return
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        with contextlib.suppress(OSError, pickle.PicklingError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with temporary.open("wb") as file:
                pickle.dump((self.stamp, self.used), file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)  # whole or not at all, for a reader at once
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
