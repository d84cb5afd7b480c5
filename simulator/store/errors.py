"""The one error the store raises for problems a user can act on, and how SQLite's are mapped.

SQLite reports a full disk, a damaged file or a read-only folder as ``sqlite3.OperationalError``
or ``sqlite3.DatabaseError`` with a terse message. :func:`translate` turns those into a
:class:`StoreError` with one plain sentence naming the file and what to do. ``kind`` lets the
interface react without parsing text (for example, offer to move a damaged file aside). The
type and its kinds are defined in ``core/errors.py``, so the front ends can name them without
importing ``store``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from simulator.core.errors import (
    BUSY,
    CANNOT_OPEN,
    CORRUPT,
    FULL,
    IO,
    NEWER,
    OTHER,
    READONLY,
    StoreError,
)

__all__ = [
    "BUSY",
    "CANNOT_OPEN",
    "CORRUPT",
    "FULL",
    "IO",
    "NEWER",
    "OTHER",
    "READONLY",
    "StoreError",
    "translate",
]


def translate(error: sqlite3.Error | OSError, path: Path) -> StoreError:
    """The StoreError for a low-level failure while using the database file at ``path``."""
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        return StoreError(
            f"Hotseat cannot use its data folder {path.parent} ({reason}); "
            "check that it exists and is writable.",
            kind=CANNOT_OPEN,
            path=path,
        )
    message = str(error).lower()
    if "file is not a database" in message or "malformed" in message:
        return StoreError(
            f"{path} is not a readable Hotseat database (it may be damaged); it was left "
            "untouched, so move it aside or restore a backup and Hotseat will start a new one.",
            kind=CORRUPT,
            path=path,
        )
    if "database or disk is full" in message:
        return StoreError(
            f"The disk is full, so Hotseat could not save to {path}; "
            "free some space and try again.",
            kind=FULL,
            path=path,
        )
    if "disk i/o error" in message:
        return StoreError(
            f"A disk error stopped Hotseat reading or writing {path}; "
            "check the drive and try again.",
            kind=IO,
            path=path,
        )
    if "readonly database" in message or "read-only" in message:
        return StoreError(
            f"Hotseat cannot write to {path} because it or its folder is read-only; "
            "make the folder writable or set HOTSEAT_HOME to a writable folder.",
            kind=READONLY,
            path=path,
        )
    if "unable to open database file" in message:
        return StoreError(
            f"Hotseat cannot open or create {path}; check that its folder exists and is writable.",
            kind=CANNOT_OPEN,
            path=path,
        )
    if "database is locked" in message or "database is busy" in message:
        return StoreError(
            f"{path} is kept busy by another program; close other Hotseat windows and try again.",
            kind=BUSY,
            path=path,
        )
    return StoreError(f"The database {path} failed: {error}.", kind=OTHER, path=path)


__all__ = ["StoreError", "translate"]
