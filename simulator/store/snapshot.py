"""The database as a whole file: a consistent copy for a backup, and checks of a copy to restore.

A backup must not copy ``hotseat.db`` byte by byte: with WAL the newest rows may still sit in
``hotseat.db-wal``, and a write landing half way through the copy would tear it. SQLite's online
backup API copies every page under one read transaction, so the copy is a snapshot of one
moment whatever else reads meanwhile, and it folds the write-ahead log in.

Before a restored file replaces the database it is checked here: SQLite can read it, its
structure is intact (``quick_check``), it has Hotseat's tables, and no newer Hotseat wrote it.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from simulator.store.errors import CORRUPT, NEWER, StoreError, translate
from simulator.store.listing import BUSY_TIMEOUT_S, SCHEMA_VERSION

_HOTSEAT_TABLES = {"sessions", "answers", "events", "scores"}


def copy_database(source: Path, target: Path) -> int:
    """Write a consistent copy of the database ``source`` to ``target`` (a new file, in
    rollback-journal mode so it is one file); its schema version."""
    try:
        reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise translate(error, source) from error
    try:
        reader.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        writer = sqlite3.connect(str(target))
        try:
            reader.backup(writer)  # all pages in one step: one read transaction, one moment
            writer.execute("PRAGMA journal_mode = DELETE")
            return int(writer.execute("PRAGMA user_version").fetchone()[0])
        finally:
            writer.close()
    except sqlite3.Error as error:
        raise translate(error, source) from error
    finally:
        reader.close()


def check_restorable(path: Path, label: str) -> tuple[int, int]:
    """(schema version, number of sessions) of a database about to be restored; StoreError
    (worded with ``label``, the archive) when it is damaged, foreign or from a newer Hotseat."""
    damaged = StoreError(
        f"{label} holds a database that is damaged or not Hotseat's; nothing was restored.",
        kind=CORRUPT,
        path=path,
    )
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise translate(error, path) from error
    try:
        if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            raise damaged
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if not tables >= _HOTSEAT_TABLES:
            raise damaged
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{label} was made by a newer Hotseat (database version {version}, this one "
                f"reads up to {SCHEMA_VERSION}); update Hotseat to restore it.",
                kind=NEWER,
                path=path,
            )
        sessions = int(conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])
        return version, sessions
    except sqlite3.DatabaseError:
        raise damaged from None
    finally:
        conn.close()


def count_sessions(path: Path) -> int | None:
    """How many sessions the database at ``path`` holds; None when it cannot be read."""
    if not path.exists():
        return 0
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])
        finally:
            conn.close()
    return None


__all__ = ["check_restorable", "copy_database", "count_sessions"]
