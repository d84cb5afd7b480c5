"""The database schema and its migrations: ordered, recorded, applied once each.

Schema version 1::

    sessions(id INTEGER PK, started_at TEXT NOT NULL, ended_at TEXT, mode TEXT NOT NULL,
             pack_id TEXT NOT NULL, drill TEXT,
             status TEXT NOT NULL CHECK IN (recording, complete, recovered, aborted),
             settings_json TEXT NOT NULL)
    answers(id INTEGER PK, session_id -> sessions ON DELETE CASCADE, position INTEGER,
            question_id TEXT, question_text TEXT, audio_path TEXT (relative, POSIX),
            sample_rate INTEGER, duration_s REAL, started_at TEXT,
            transcript TEXT, words_json TEXT, engine TEXT, model TEXT   -- NULL until finished
            analysis_json TEXT, analysis_version INTEGER,               -- NULL until analysed
            UNIQUE(session_id, position))
    events(id INTEGER PK, session_id -> sessions ON DELETE CASCADE,
           answer_id -> answers ON DELETE SET NULL (NULL for session-wide events),
           t_s REAL, kind TEXT, payload_json TEXT)
    scores(answer_id -> answers ON DELETE CASCADE, criterion TEXT, value INTEGER, note TEXT,
           PRIMARY KEY(answer_id, criterion))
    answers_fts: FTS5 (porter stemming) over answers(transcript, question_text), kept in sync
           by the triggers answers_ai / answers_ad / answers_au

Schema version 2 adds ``answers.status TEXT NOT NULL DEFAULT 'answered' CHECK IN (answered,
skipped)``: an answer with no voice in it is kept (its recording too) but marked skipped, so
it is not shown or counted as a blank answer. Rows of version 1 become 'answered'.

Migrations use ``sqlite_utils.Migrations`` (set ``"hotseat"``, recorded in the table
``_sqlite_migrations``). The whole run happens in one ``BEGIN IMMEDIATE`` transaction, so two
processes opening a new database at once cannot both migrate it, and a failed step leaves the
file as it was. The version reached is also written to ``PRAGMA user_version``; a file with a
higher version than :data:`SCHEMA_VERSION` was written by a newer Hotseat and is refused.

Rules for adding a migration: append a new ``@_step(n + 1)`` function; never edit a released
step (``tests/fixtures/db/v1.db`` and its test hold step 1 fixed). ``table.transform()`` drops
triggers, the FTS sync triggers included: a step that transforms ``answers`` must call
:func:`restore_answer_search` afterwards.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from simulator.store.errors import NEWER, StoreError

MIGRATION_SET = "hotseat"
MIGRATIONS = Migrations(MIGRATION_SET)
_STEPS: list[tuple[int, str]] = []  # (version, migration name) in order

STATUSES = ("recording", "complete", "recovered", "aborted")
ANSWER_STATUSES = ("answered", "skipped")
FTS_COLUMNS = ["transcript", "question_text"]
FTS_TOKENIZE = "porter"

StepFunction = Callable[[Database], None]


def _step(version: int) -> Callable[[StepFunction], StepFunction]:
    """Register a migration that brings the schema to ``version``."""

    def register(fn: StepFunction) -> StepFunction:
        expected = len(_STEPS) + 1
        if version != expected:
            raise ValueError(f"migration {fn.__name__} is version {version}, expected {expected}")
        name = f"{version:04d}_{fn.__name__}"
        MIGRATIONS(name=name)(fn)
        _STEPS.append((version, name))
        return fn

    return register


@_step(1)
def initial_schema(db: Database) -> None:
    statuses = ", ".join(f"'{status}'" for status in STATUSES)
    db.execute(
        f"""
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            mode TEXT NOT NULL,
            pack_id TEXT NOT NULL,
            drill TEXT,
            status TEXT NOT NULL DEFAULT 'recording' CHECK (status IN ({statuses})),
            settings_json TEXT NOT NULL DEFAULT '{{}}'
        )
        """
    )
    db.execute("CREATE INDEX sessions_started_at ON sessions (started_at)")
    db.execute("CREATE INDEX sessions_status ON sessions (status)")
    db.execute(
        """
        CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question_id TEXT NOT NULL,
            question_text TEXT NOT NULL,
            audio_path TEXT NOT NULL,
            sample_rate INTEGER NOT NULL,
            duration_s REAL,
            started_at TEXT NOT NULL,
            transcript TEXT,
            words_json TEXT,
            engine TEXT,
            model TEXT,
            analysis_json TEXT,
            analysis_version INTEGER,
            UNIQUE (session_id, position)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            answer_id INTEGER REFERENCES answers (id) ON DELETE SET NULL,
            t_s REAL NOT NULL,
            kind TEXT NOT NULL,
            payload_json TEXT NOT NULL DEFAULT '{}'
        )
        """
    )
    # Foreign key columns are indexed so cascades do not scan whole tables.
    db.execute("CREATE INDEX events_session ON events (session_id, t_s)")
    db.execute("CREATE INDEX events_answer ON events (answer_id)")
    db.execute(
        """
        CREATE TABLE scores (
            answer_id INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
            criterion TEXT NOT NULL,
            value INTEGER NOT NULL,
            note TEXT,
            PRIMARY KEY (answer_id, criterion)
        )
        """
    )
    db.table("answers").enable_fts(FTS_COLUMNS, tokenize=FTS_TOKENIZE, create_triggers=True)


@_step(2)
def answer_status(db: Database) -> None:
    # ADD COLUMN keeps the table, so the FTS triggers stay (no transform, nothing to restore).
    statuses = ", ".join(f"'{status}'" for status in ANSWER_STATUSES)
    db.execute(
        "ALTER TABLE answers ADD COLUMN status TEXT NOT NULL DEFAULT 'answered'"
        f" CHECK (status IN ({statuses}))"
    )


SCHEMA_VERSION = _STEPS[-1][0]


def restore_answer_search(db: Database) -> None:
    """Re-create the FTS sync triggers (``transform()`` drops them) and re-index every answer."""
    table = db.table("answers")
    table.enable_fts(FTS_COLUMNS, tokenize=FTS_TOKENIZE, create_triggers=True, replace=True)
    table.rebuild_fts()


def user_version(db: Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Database, *, target: int | None = None, label: str = "The database") -> int:
    """Bring ``db`` to schema ``target`` (default: the newest); returns the version reached.

    Must be called outside a transaction. Raises StoreError (kind "newer", worded with
    ``label``) for a database written by a newer Hotseat; sqlite3 errors are left to the caller.
    """
    goal = SCHEMA_VERSION if target is None else target
    if not 0 <= goal <= SCHEMA_VERSION:
        raise ValueError(f"schema version {goal} is unknown (known: 0..{SCHEMA_VERSION})")
    found = user_version(db)
    _refuse_newer(found, label)
    if found == goal:
        return found  # the common case: no write lock taken on every open
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another connection may have migrated while this one waited for the lock.
        found = user_version(db)
        _refuse_newer(found, label)
        if found < goal:
            later = [name for version, name in _STEPS if version > goal]
            MIGRATIONS.apply(db, stop_before=later or None)
            db.execute(f"PRAGMA user_version = {int(goal)}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return max(found, goal)


def _refuse_newer(found: int, label: str) -> None:
    if found > SCHEMA_VERSION:
        raise StoreError(
            f"{label} was written by a newer version of Hotseat (database version {found}, "
            f"this version knows up to {SCHEMA_VERSION}); update Hotseat to open it.",
            kind=NEWER,
        )


__all__ = [
    "ANSWER_STATUSES",
    "MIGRATIONS",
    "MIGRATION_SET",
    "SCHEMA_VERSION",
    "STATUSES",
    "migrate",
    "restore_answer_search",
    "user_version",
]
