"""Schema and connection setup: WAL, pragmas, recorded idempotent migrations, version checks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database
from store_helpers import new_answer, new_session

from simulator.store import Store, StoreError
from simulator.store.migrations import (
    MIGRATION_SET,
    SCHEMA_VERSION,
    migrate,
    restore_answer_search,
)


def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(path))


def test_wal_foreign_keys_and_busy_timeout(store: Store, db_path: Path) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    # WAL is a property of the file, so a plain connection sees it too.
    with _raw(db_path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_new_database_gets_every_table_and_version(store: Store) -> None:
    names = set(store.db.table_names())
    assert {"sessions", "answers", "events", "scores", "answers_fts"} <= names
    assert {t.name for t in store.db.table("answers").triggers} >= {
        "answers_ai",
        "answers_ad",
        "answers_au",
    }
    assert store.schema_version == SCHEMA_VERSION
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_opening_again_applies_nothing_twice(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = new_session(store)
        first = store.db.execute("SELECT name, applied_at FROM _sqlite_migrations").fetchall()
    for _ in range(2):
        with Store(db_path) as store:
            again = store.db.execute("SELECT name, applied_at FROM _sqlite_migrations").fetchall()
            assert again == first
            assert store.get_session(sid) is not None
    assert len(first) == SCHEMA_VERSION
    assert all(name.startswith(f"{v:04d}_") for v, (name, _) in enumerate(first, start=1))


def test_migrations_are_recorded_under_the_hotseat_set(store: Store) -> None:
    sets = {row[0] for row in store.db.execute("SELECT migration_set FROM _sqlite_migrations")}
    assert sets == {MIGRATION_SET}


def test_a_newer_schema_is_refused_and_left_alone(db_path: Path) -> None:
    Store(db_path).close()
    with _raw(db_path) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer version of Hotseat") as caught:
        Store(db_path)
    assert caught.value.kind == "newer"
    assert str(db_path) in str(caught.value)
    with _raw(db_path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1


def test_migrate_to_an_unknown_version_is_a_bug(tmp_path: Path) -> None:
    db = Database(_raw(tmp_path / "x.db"), execute_plugins=False)
    with pytest.raises(ValueError):
        migrate(db, target=SCHEMA_VERSION + 1)
    db.close()


def test_stepwise_migration_reaches_the_same_schema(tmp_path: Path) -> None:
    """Migrating to each version in turn ends where migrating in one go does."""
    stepwise = Database(_raw(tmp_path / "steps.db"), execute_plugins=False)
    for version in range(1, SCHEMA_VERSION + 1):
        assert migrate(stepwise, target=version) == version
    direct = Database(_raw(tmp_path / "direct.db"), execute_plugins=False)
    migrate(direct)
    schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    assert stepwise.execute(schema).fetchall() == direct.execute(schema).fetchall()
    stepwise.close()
    direct.close()


def test_search_survives_a_transform_once_restored(store: Store) -> None:
    """The trap in STACK-NOTES: transform() drops the FTS triggers; the helper restores them."""
    sid = new_session(store)
    answer = new_answer(store, sid)
    store.finish_answer(
        answer, transcript="first words", words=[], engine="e", model="m", duration_s=1
    )
    store.db.table("answers").transform(types={"sample_rate": int})
    assert {t.name for t in store.db.table("answers").triggers} == set()
    restore_answer_search(store.db)
    store.finish_answer(
        answer, transcript="second words", words=[], engine="e", model="m", duration_s=1
    )
    assert [h["id"] for h in store.search("second")] == [answer]
    assert store.search("first") == []
