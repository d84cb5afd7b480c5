"""The list of saved sessions read with the standard library alone, for ``sessions list``
(and, through :func:`read_settled`, the progress figures the window reads at start).

``Store`` brings in sqlite-utils (a tenth of a second to import) and migrates on open; listing
needs neither when the database is already at the current schema and no session is waiting to
be recovered. :func:`quick_session_list` reads the list then, and answers None otherwise (an
older or newer schema, a session left "recording", a file SQLite cannot read): the caller
goes the long way through ``Store``, which migrates, recovers and words the errors.

At run time it imports only ``os`` and ``sqlite3``: ``sessions list --json`` is measured
against the sqlite3 CLI, and pathlib, json and typing together cost it more than a tenth of
its time (docs/PERFORMANCE.md).
"""

from __future__ import annotations

import os
import sqlite3

#: typing.TYPE_CHECKING without importing typing; mypy and ruff know the name.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar

    T = TypeVar("T")
    PathText = str | os.PathLike[str]

#: migrations.SCHEMA_VERSION, which cannot be imported without sqlite-utils (a test compares).
SCHEMA_VERSION = 2
BUSY_TIMEOUT_S = 5.0  # as db.BUSY_TIMEOUT_S

#: Each column of the list but the last: its name and its expression.
_COLUMNS = (
    ("id", "s.id"),
    ("started_at", "s.started_at"),
    ("ended_at", "s.ended_at"),
    ("mode", "s.mode"),
    ("pack_id", "s.pack_id"),
    ("drill", "s.drill"),
    ("status", "s.status"),
    ("answer_count", "COUNT(a.id)"),
)
_TOTAL = "COALESCE(SUM(a.duration_s), 0.0)"  # total_duration_s, the last column
_FROM = (
    " FROM sessions s LEFT JOIN answers a ON a.session_id = s.id"
    " GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC"
)

#: The list of sessions, newest first: also ``Store.list_sessions``'s query, so both agree.
LIST_SESSIONS = (
    "SELECT "
    + ", ".join(f"{expression} AS {name}" for name, expression in _COLUMNS)
    + f", {_TOTAL} AS total_duration_s"
    + _FROM
)

#: The same rows with SQLite writing each one's JSON object, but for the total: SQLite prints
#: a real with 15 digits, which may not read back as the same float (Python's repr does).
_LIST_SESSIONS_JSON = (
    "SELECT json_object("
    + ", ".join(f"'{name}', {expression}" for name, expression in _COLUMNS)
    + f"), {_TOTAL}"
    + _FROM
)
#: How json.dumps spells the totals that are not finite numbers.
_NOT_FINITE = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


def quick_session_list(db_path: PathText) -> list[dict[str, Any]] | None:
    """Sessions newest first, as ``Store.list_sessions`` gives them, or None when only
    ``Store`` may open this database (see the module's docstring)."""

    def rows(conn: sqlite3.Connection) -> list[dict[str, Any]]:
        cursor = conn.execute(LIST_SESSIONS)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    return read_settled(db_path, rows)


def quick_session_list_json(db_path: PathText) -> str | None:
    """The JSON of :func:`quick_session_list` (an array, one session a line, ending in a
    newline), or None as there.

    What ``json.dumps`` of the rows gives, built in a fraction of the time: 10,000 sessions
    made into dictionaries and encoded in Python took longer than the query.
    """

    def text(conn: sqlite3.Connection) -> str:
        as_text = float.__repr__  # json's own spelling of a finite float
        lines = [
            f'{obj[:-1]},"total_duration_s":'
            f"{_NOT_FINITE.get(total) or (as_text(total) if total == total else 'NaN')}}}"
            for obj, total in conn.execute(_LIST_SESSIONS_JSON)
        ]
        return "[\n  " + ",\n  ".join(lines) + "\n]\n" if lines else "[]\n"

    return read_settled(db_path, text)


def nothing_to_recover(db_path: PathText) -> bool:
    """Whether crash recovery would find nothing to do: no database yet, or one at the
    current schema with no session left "recording". Answers without sqlite-utils, which
    recovery imports (with numpy) even when it finds nothing."""
    return not os.path.exists(db_path) or bool(read_settled(db_path, lambda _conn: True))


def read_settled(db_path: PathText, read: Callable[[sqlite3.Connection], T]) -> T | None:
    """What ``read`` reads in one snapshot of the database if it is settled (see
    :func:`_settled`); None if not, or if SQLite fails (``Store`` then words the error)."""
    try:
        # mode=rw: never create a missing file; nothing below writes.
        uri = f"{file_uri(db_path)}?mode=rw"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        conn.execute("BEGIN")  # one snapshot for the check and the list
        return read(conn) if _settled(conn) else None
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def file_uri(path: PathText) -> str:
    """An SQLite URI for ``path`` (``Path.as_uri`` without pathlib): absolute, forward slashes,
    and the three characters SQLite's URI parser gives a meaning to escaped."""
    text = os.path.abspath(os.fspath(path)).replace(os.sep, "/")
    for char, escaped in (("%", "%25"), ("?", "%3f"), ("#", "%23")):
        text = text.replace(char, escaped)
    # POSIX paths start with "/"; "C:/..." on Windows needs one before the drive.
    return "file://" + text if text.startswith("/") else "file:///" + text


def _settled(conn: sqlite3.Connection) -> bool:
    """At the current schema, in WAL mode, and with no session for recovery to look at."""
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    (journal,) = conn.execute("PRAGMA journal_mode").fetchone()
    if version != SCHEMA_VERSION or str(journal).lower() != "wal":
        return False
    recording = conn.execute("SELECT 1 FROM sessions WHERE status = 'recording' LIMIT 1")
    return recording.fetchone() is None
