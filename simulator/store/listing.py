"""The list of saved sessions read with the standard library alone, for ``sessions list``.

``Store`` brings in sqlite-utils (a tenth of a second to import) and migrates on open; listing
needs neither when the database is already at the current schema and no session is waiting to
be recovered. :func:`quick_session_list` reads the list then, and answers None otherwise (an
older or newer schema, a session left "recording", a file SQLite cannot read): the caller
goes the long way through ``Store``, which migrates, recovers and words the errors.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

#: migrations.SCHEMA_VERSION, which cannot be imported without sqlite-utils (a test compares).
SCHEMA_VERSION = 2
BUSY_TIMEOUT_S = 5.0  # as db.BUSY_TIMEOUT_S

#: The list of sessions, newest first: also ``Store.list_sessions``'s query, so both agree.
LIST_SESSIONS = (
    "SELECT s.id, s.started_at, s.ended_at, s.mode, s.pack_id, s.drill, s.status,"
    " COUNT(a.id) AS answer_count,"
    " COALESCE(SUM(a.duration_s), 0.0) AS total_duration_s"
    " FROM sessions s LEFT JOIN answers a ON a.session_id = s.id"
    " GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC"
)


def quick_session_list(db_path: Path) -> list[dict[str, Any]] | None:
    """Sessions newest first, as ``Store.list_sessions`` gives them, or None when only
    ``Store`` may open this database (see the module's docstring)."""
    try:
        # mode=rw: never create a missing file; nothing below writes.
        uri = f"{Path(db_path).resolve().as_uri()}?mode=rw"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        conn.execute("BEGIN")  # one snapshot for the check and the list
        if not _settled(conn):
            return None
        cursor = conn.execute(LIST_SESSIONS)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _settled(conn: sqlite3.Connection) -> bool:
    """At the current schema, in WAL mode, and with no session for recovery to look at."""
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    (journal,) = conn.execute("PRAGMA journal_mode").fetchone()
    if version != SCHEMA_VERSION or str(journal).lower() != "wal":
        return False
    recording = conn.execute("SELECT 1 FROM sessions WHERE status = 'recording' LIMIT 1")
    return recording.fetchone() is None
