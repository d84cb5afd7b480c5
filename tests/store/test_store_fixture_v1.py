"""The committed version-1 database (tests/fixtures/db/v1.db) opens and migrates correctly.

Every future migration is exercised against data written by the first schema, and the file
also pins migration 1 itself: if someone edits a released step, the schema built today no
longer matches the committed file and this test fails.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from store_fixture_v1 import FIXTURE, WORDS, build_v1

from simulator.store import Store
from simulator.store.migrations import SCHEMA_VERSION


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "hotseat.db"
    shutil.copyfile(FIXTURE, target)
    return target


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def test_the_v1_file_opens_and_reaches_the_current_version(tmp_path: Path) -> None:
    with Store(_copy(tmp_path)) as store:
        assert store.schema_version == SCHEMA_VERSION
        listed = store.list_sessions()
        assert [s["id"] for s in listed] == [2, 1]
        assert listed[1]["answer_count"] == 2
        assert listed[1]["total_duration_s"] == 97.5

        session = store.get_session(1)
        assert session is not None
        assert session["settings"] == {"rate": 170, "voice": "default"}
        assert session["answers"][0]["words"] == WORDS
        assert session["answers"][0]["analysis"] == {"fillers": 2, "wpm": 141}
        assert session["answers"][0]["analysis_version"] == 1
        assert [e["kind"] for e in session["events"]] == ["question_spoken", "session_end"]

        (unfinished,) = store.unfinished_sessions()
        assert unfinished["id"] == 2
        assert unfinished["drill"] == "interruptions"
        assert unfinished["answers"][0]["transcript"] is None
        assert unfinished["events"][0]["payload"] == {"text": "Can you be more specific?"}

        assert [hit["id"] for hit in store.search("release")] == [1]
        assert [hit["id"] for hit in store.search("deadline")] == [2]

        answer = store.start_answer(
            session_id=2,
            position=2,
            question_id="strengths",
            question_text="What are your strengths?",
            audio_path="sessions/2/2-strengths.wav",
            sample_rate=16000,
            started_at="2024-05-02T18:32:00+00:00",
        )
        store.finish_answer(
            answer, transcript="I listen well", words=[], engine="vosk", model="m", duration_s=9
        )
        store.finish_session(2, status="recovered", ended_at="2024-05-02T19:00:00+00:00")
        assert [hit["id"] for hit in store.search("listen")] == [answer]
        assert store.unfinished_sessions() == []
        scores = store.db.execute("SELECT * FROM scores").fetchall()
        assert scores == [(1, "structure", 4, "clear STAR shape")]


def test_migration_1_still_builds_the_committed_schema(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    build_v1(fresh)
    query = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    with _read_only(FIXTURE) as committed, _read_only(fresh) as rebuilt:
        assert committed.execute(query).fetchall() == rebuilt.execute(query).fetchall()
        assert committed.execute("PRAGMA user_version").fetchone()[0] == 1
        names = "SELECT migration_set, name FROM _sqlite_migrations ORDER BY id"
        assert committed.execute(names).fetchall() == [("hotseat", "0001_initial_schema")]


def test_the_committed_file_is_self_contained() -> None:
    """Rollback journal mode and no -wal beside it, so a plain copy carries all the data."""
    assert not FIXTURE.with_name(FIXTURE.name + "-wal").exists()
    with _read_only(FIXTURE) as committed:
        assert committed.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert committed.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
