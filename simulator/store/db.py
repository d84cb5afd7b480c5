"""Store: the practice history in one SQLite file (sessions, answers, events, search).

The schema is described in :mod:`simulator.store.migrations`. Recordings themselves stay WAV
files on disk (see :mod:`simulator.store.files`); rows hold their relative paths, transcripts,
word timings and analysis, all of which can be recomputed from the audio.

Threads: a ``Store`` wraps one sqlite3 connection, which belongs to the thread that opened it.
Open one ``Store`` per thread (the session worker opens its own). WAL mode lets one writer and
many readers share the file; a busy timeout of 5 s makes a second writer wait instead of fail.

Every write runs in its own ``BEGIN IMMEDIATE`` transaction: taking the write lock up front
means a busy database is waited for (a deferred transaction that read first could fail at
once with "database is locked"), and a failed write leaves nothing half done. Reads of more
than one table share one read transaction, so they see a single consistent snapshot.

A damaged file is never written to: before its first write a Store runs SQLite's quick
check, and once a read or the check found damage every write raises the "damaged"
StoreError, whose message promises the file was left untouched.

Timestamps are ISO-8601 strings from the caller; the store never reads the clock (only
sqlite-utils' own record of when a migration ran does). Problems a user can act on (damaged
file, full disk, read-only folder, a newer schema) raise :class:`StoreError`; misuse by the
calling code (an unknown id, a bad status, a duplicate answer position) raises ``ValueError``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from simulator.core.history import PAGE_SIZE, SearchFilters
from simulator.store.errors import CORRUPT, StoreError, translate
from simulator.store.listing import LIST_SESSIONS
from simulator.store.migrations import SCHEMA_VERSION, STATUSES, migrate, user_version

BUSY_TIMEOUT_S = 5.0


class Store:
    """The practice history database at ``db_path`` (created and migrated on open)."""

    def __init__(self, db_path: Path) -> None:
        self.path = Path(db_path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S)
        except (OSError, sqlite3.Error) as error:
            raise translate(error, self.path) from error
        try:
            # Set before any transaction: the foreign_keys pragma is a no-op inside one.
            conn.execute("PRAGMA foreign_keys = ON")
            self.db = Database(conn, execute_plugins=False)
            self._checked = False
            self._damage: StoreError | None = None
            # Switching to WAL and migrating write to the file: only to an intact one.
            if self.db.journal_mode != "wal":
                self._check_intact()
                self.db.enable_wal()
            if user_version(self.db) < SCHEMA_VERSION:
                self._check_intact()
            migrate(self.db, label=str(self.path))
        except StoreError:
            conn.close()
            raise
        except sqlite3.Error as error:
            conn.close()
            raise translate(error, self.path) from error

    @classmethod
    def read_only(cls, db_path: Path) -> Store:
        """The database opened only to read it, when it cannot be opened to write (a full disk).

        Nothing is migrated or created. If SQLite cannot even create its shared-memory file
        (a full disk), the file is read as it is, without changes still in the write-ahead log.
        """
        store = cls.__new__(cls)
        store.path = Path(db_path)
        uri = store.path.resolve().as_uri()
        failure: sqlite3.Error = sqlite3.OperationalError("cannot open")
        for options in ("mode=ro", "immutable=1"):
            try:
                conn = sqlite3.connect(f"{uri}?{options}", uri=True, timeout=BUSY_TIMEOUT_S)
            except sqlite3.Error as error:
                failure = error
                continue
            try:
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            except sqlite3.Error as error:
                conn.close()
                failure = error
                continue
            store.db = Database(conn, execute_plugins=False)
            return store
        raise translate(failure, store.path) from failure

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self._read():
            return user_version(self.db)

    # -- writes -------------------------------------------------------------------------------

    def create_session(
        self,
        *,
        mode: str,
        pack_id: str,
        drill: str | None = None,
        settings: dict[str, Any],
        started_at: str,
    ) -> int:
        row = {
            "started_at": started_at,
            "mode": mode,
            "pack_id": pack_id,
            "drill": drill,
            "status": "recording",
            "settings_json": _dumps(settings),
        }
        with self._write():
            return self._insert("sessions", row, f"session for pack {pack_id!r}")

    def start_answer(
        self,
        *,
        session_id: int,
        position: int,
        question_id: str,
        question_text: str,
        audio_path: str,
        sample_rate: int,
        started_at: str,
    ) -> int:
        row = {
            "session_id": session_id,
            "position": position,
            "question_id": question_id,
            "question_text": question_text,
            "audio_path": audio_path,
            "sample_rate": sample_rate,
            "started_at": started_at,
        }
        with self._write():
            return self._insert("answers", row, f"answer {position} of session {session_id}")

    def finish_answer(
        self,
        answer_id: int,
        *,
        transcript: str,
        words: list[dict[str, Any]],
        engine: str,
        model: str,
        duration_s: float,
        skipped: bool = False,
    ) -> None:
        """The answer's transcript and length; ``skipped``: it had no voice in it."""
        status = "skipped" if skipped else "answered"
        with self._write():
            cursor = self.db.execute(
                "UPDATE answers SET transcript = ?, words_json = ?, engine = ?, model = ?,"
                " duration_s = ?, status = ? WHERE id = ?",
                [transcript, _dumps(words), engine, model, duration_s, status, answer_id],
            )
            _require_row(cursor, f"no answer with id {answer_id}")

    def add_event(
        self,
        *,
        session_id: int,
        answer_id: int | None,
        t_s: float,
        kind: str,
        payload: dict[str, Any],
    ) -> int:
        row = {
            "session_id": session_id,
            "answer_id": answer_id,
            "t_s": t_s,
            "kind": kind,
            "payload_json": _dumps(payload),
        }
        with self._write():
            return self._insert("events", row, f"event {kind!r} of session {session_id}")

    def finish_session(self, session_id: int, *, status: str, ended_at: str) -> None:
        if status not in STATUSES:
            raise ValueError(f"unknown session status {status!r} (one of {', '.join(STATUSES)})")
        with self._write():
            cursor = self.db.execute(
                "UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?",
                [status, ended_at, session_id],
            )
            _require_row(cursor, f"no session with id {session_id}")

    def set_analysis(self, answer_id: int, analysis: dict[str, Any], version: int) -> None:
        with self._write():
            cursor = self.db.execute(
                "UPDATE answers SET analysis_json = ?, analysis_version = ? WHERE id = ?",
                [_dumps(analysis), version, answer_id],
            )
            _require_row(cursor, f"no answer with id {answer_id}")

    def delete_session(self, session_id: int) -> bool:
        """Delete a session with its answers, events and scores (not its WAV files)."""
        with self._write():
            cursor = self.db.execute("DELETE FROM sessions WHERE id = ?", [session_id])
            return cursor.rowcount > 0

    # -- reads --------------------------------------------------------------------------------

    def list_sessions(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Sessions newest first (by ``started_at``, then id), with answer count and length."""
        with self._read():
            return list(self.db.query(LIST_SESSIONS + " LIMIT ?", [-1 if limit is None else limit]))

    def get_session(self, session_id: int) -> dict[str, Any] | None:
        """The session with decoded ``settings``, its ``answers`` (by position) and ``events``."""
        with self._read():
            return self._session(session_id)

    def get_answer(self, answer_id: int) -> dict[str, Any] | None:
        """One answer; ``transcript`` is None until finish_answer, ``words`` is then a list."""
        with self._read():
            rows = list(self.db.query("SELECT * FROM answers WHERE id = ?", [answer_id]))
        return _answer(rows[0]) if rows else None

    def unfinished_sessions(self) -> list[dict[str, Any]]:
        """Sessions still "recording" (a crash or kill), oldest first, shaped like get_session."""
        with self._read():
            ids = [
                row["id"]
                for row in self.db.query(
                    "SELECT id FROM sessions WHERE status = 'recording' ORDER BY started_at, id"
                )
            ]
            return [session for sid in ids if (session := self._session(sid)) is not None]

    def search(
        self,
        query: str,
        filters: SearchFilters | None = None,
        *,
        limit: int = PAGE_SIZE,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """One page of answers matching ``query`` (plain words, best first), as plain data.

        Each is a :class:`~simulator.core.history.SearchHit` as a dict, with ``id`` the
        answer's id and ``snippet`` the matching text with hits in [brackets].
        :func:`simulator.store.search.search_answers` gives the typed page with its total.
        """
        from simulator.store.search import search_answers

        page = search_answers(self, query, filters, limit=limit, offset=offset)
        return [{"id": hit.answer_id, **dataclasses.asdict(hit)} for hit in page.hits]

    @contextlib.contextmanager
    def reading(self) -> Iterator[Database]:
        """One read transaction (a consistent snapshot) for the store's query modules."""
        with self._read():
            yield self.db

    @contextlib.contextmanager
    def writing(self) -> Iterator[Database]:
        """One write transaction (all or nothing) for the store's other modules."""
        with self._write():
            yield self.db

    # -- internals ----------------------------------------------------------------------------

    def _session(self, session_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM sessions WHERE id = ?", [session_id]))
        if not rows:
            return None
        session = rows[0]
        session["settings"] = json.loads(session.pop("settings_json") or "{}")
        session["answers"] = [
            _answer(row)
            for row in self.db.query(
                "SELECT * FROM answers WHERE session_id = ? ORDER BY position", [session_id]
            )
        ]
        events = list(
            self.db.query(
                "SELECT * FROM events WHERE session_id = ? ORDER BY t_s, id", [session_id]
            )
        )
        for event in events:
            event["payload"] = json.loads(event.pop("payload_json") or "{}")
        session["events"] = events
        return session

    def _insert(self, table: str, row: dict[str, Any], what: str) -> int:
        try:
            cursor = self.db.execute(
                f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
        except sqlite3.IntegrityError as error:
            raise ValueError(f"cannot add {what}: {error}") from error
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _check_intact(self) -> None:
        """Raise the "damaged" StoreError unless the file passes SQLite's structural check.

        Called before the first write of this Store: a damaged file may still answer some
        reads (a broken index only fails the queries that use it), and a write to it would
        break the promise that a damaged database is left untouched. Costs one read of the
        file (about 0.1 s for 200 MB), paid once per Store that writes.
        """
        if self._damage is not None:
            raise self._damage
        if self._checked:
            return
        try:
            verdict = self.db.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as error:
            verdict = [(str(error),)]
        if verdict != [("ok",)]:
            self._damage = translate(sqlite3.DatabaseError("malformed"), self.path)
            raise self._damage
        self._checked = True

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        self._check_intact()
        with self._transaction("BEGIN IMMEDIATE"):
            yield

    @contextlib.contextmanager
    def _read(self) -> Iterator[None]:
        with self._transaction("BEGIN"):
            yield

    @contextlib.contextmanager
    def _transaction(self, begin: str) -> Iterator[None]:
        conn = self.db.conn
        try:
            conn.execute(begin)
            try:
                yield
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    # A failing rollback must not replace the error that caused it.
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise
        except sqlite3.IntegrityError as error:
            raise ValueError(str(error)) from error
        except sqlite3.ProgrammingError:
            raise  # misuse (a closed store, the wrong thread) is a bug, not the user's problem
        except sqlite3.DatabaseError as error:
            problem = translate(error, self.path)
            if problem.kind == CORRUPT:
                self._damage = problem  # found damaged: no write may follow
            raise problem from error


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _answer(row: dict[str, Any]) -> dict[str, Any]:
    words = row.pop("words_json")
    analysis = row.pop("analysis_json")
    row["words"] = json.loads(words) if words else []
    row["analysis"] = json.loads(analysis) if analysis else None
    return row


def _require_row(cursor: sqlite3.Cursor, message: str) -> None:
    if cursor.rowcount == 0:
        raise ValueError(message)


__all__ = ["BUSY_TIMEOUT_S", "Store"]
