"""``hotseat sessions list``: read straight from SQLite when nothing needs recovery or a
migration, with the same rows as ``Store.list_sessions``, printed in one write."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from simulator import paths
from simulator.cli import main
from simulator.store import Store, listing, migrations

V1_DB = Path(__file__).resolve().parent.parent / "fixtures" / "db" / "v1.db"


def saved_sessions(count: int) -> Path:
    """``count`` finished sessions (one has a quote, a newline and non-ASCII text) in the
    profile's database; its path."""
    layout = paths.layout()
    layout.ensure()
    with Store(layout.db_path) as store:
        for number in range(count):
            started = f"2025-03-{1 + number % 28:02d}T10:{number % 60:02d}:00+00:00"
            pack = 'naïve "pack"\n' if number == 1 else f"pack-{number % 3}"
            session = store.create_session(
                mode="practice", pack_id=pack, settings={}, started_at=started
            )
            for position in range(1, 1 + number % 3):
                answer = store.start_answer(
                    session_id=session,
                    position=position,
                    question_id=f"q{position}",
                    question_text="Why?",
                    audio_path=f"sessions/{session}/{position}-q.wav",
                    sample_rate=16000,
                    started_at=started,
                )
                store.finish_answer(
                    answer,
                    transcript="words",
                    words=[],
                    engine="pocketsphinx",
                    model="en-us",
                    duration_s=0.1 * position + 7.3,
                )
            store.finish_session(session, status="complete", ended_at=started)
    return layout.db_path


def store_rows(db_path: Path) -> list[dict[str, object]]:
    with Store(db_path) as store:
        return store.list_sessions()


def test_the_quick_list_is_the_stores_list() -> None:
    db_path = saved_sessions(12)
    assert listing.SCHEMA_VERSION == migrations.SCHEMA_VERSION
    quick = listing.quick_session_list(db_path)
    assert quick is not None and len(quick) == 12
    assert quick == store_rows(db_path)


def test_the_quick_json_is_the_stores_list() -> None:
    db_path = saved_sessions(12)
    rows = store_rows(db_path)
    # Totals SQLite's own JSON (15 digits) would print as another float: the test can fail.
    assert any(f"{row['total_duration_s']:.15g}" != repr(row["total_duration_s"]) for row in rows)
    text = listing.quick_session_list_json(db_path)
    assert text is not None and text.endswith("\n]\n")
    assert json.loads(text) == rows
    assert len(text.splitlines()) == len(rows) + 2  # one session a line


def test_the_quick_json_goes_the_long_way_as_the_list_does(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    shutil.copy(V1_DB, old)
    assert listing.quick_session_list_json(old) is None
    assert listing.quick_session_list_json(tmp_path / "missing.db") is None
    db_path = saved_sessions(1)
    with Store(db_path) as store:
        store.create_session(mode="practice", pack_id="p", settings={}, started_at="2025-04-01")
    assert listing.quick_session_list_json(db_path) is None


def test_a_session_left_recording_goes_the_long_way() -> None:
    db_path = saved_sessions(2)
    with Store(db_path) as store:
        store.create_session(mode="practice", pack_id="p", settings={}, started_at="2025-04-01")
    assert listing.quick_session_list(db_path) is None


def test_an_older_schema_goes_the_long_way(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    shutil.copy(V1_DB, old)
    assert listing.quick_session_list(old) is None
    assert listing.quick_session_list(tmp_path / "missing.db") is None
    assert not (tmp_path / "missing.db").exists()  # nothing created


def test_list_json_prints_the_stores_rows_in_one_write(monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = saved_sessions(30)
    writes: list[str] = []

    class Recorder(io.StringIO):
        def write(self, text: str) -> int:
            writes.append(text)
            return len(text)

    monkeypatch.setattr(sys, "stdout", Recorder())
    assert main(["sessions", "list", "--json"]) == 0
    assert len(writes) == 1
    assert json.loads(writes[0]) == store_rows(db_path)


def test_list_json_of_no_sessions_is_an_empty_array(capsys: pytest.CaptureFixture[str]) -> None:
    saved_sessions(0)
    assert main(["sessions", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_list_reads_without_sqlite_utils_when_nothing_needs_recovery() -> None:
    db_path = saved_sessions(3)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "simulator", "sessions", "list", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout) == store_rows(db_path)
    assert "sqlite_utils" not in {
        line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()
    }
