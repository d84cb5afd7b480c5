"""A damaged database is never written to, by any command.

The "damaged" message says the file "was left untouched", so it must be. The files here are
real SQLite databases made by the real store, with one page overwritten: an index page that
only some queries read (so other reads still work, which is what let writes through), and a
table page that nothing reads at all. Every command runs as a real ``python -m simulator``
and the file must be byte-identical afterwards.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from simulator import paths
from simulator.core.events import SessionEvent
from simulator.core.plan import AnswerRules
from simulator.services import build_services
from simulator.session.ports import SessionOptions
from simulator.settings import Settings
from simulator.store import Store, StoreError
from tests.session.test_runner import question
from tests.support.saved_sessions import save_session

DAMAGED = "not a readable Hotseat database"
COMMANDS = [
    ["sessions", "list"],
    ["sessions", "show", "1"],
    ["analyze", "--answer", "1"],
    ["analyze", "--all"],
    ["analyze", "--all", "--force"],
    ["practice", "--no-gui", "--pack", "behavioral-core"],
]


def damage_page(db: Path, name: str) -> None:
    """Overwrite the root page of the table or index ``name`` with garbage."""
    with sqlite3.connect(db) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [name]).fetchone()
    conn.close()
    data = bytearray(db.read_bytes())
    start = (root[0] - 1) * page_size
    data[start : start + page_size] = b"\xa5" * page_size
    db.write_bytes(bytes(data))


@pytest.fixture
def saved_home(hotseat_home: Path, tmp_path: Path) -> Path:
    """Three saved sessions with real recordings, transcripts and analyses."""
    wav = tmp_path / "answer.wav"
    with wave.open(str(wav), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(b"\x10\x00" * 16000 * 3)
    for day in (20, 21, 22):
        save_session(f"2026-11-{day}T18:05:00", "behavioral-core", wav)
    return hotseat_home


def hotseat(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOTSEAT_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
@pytest.mark.parametrize("broken", ["sessions_status", "scores"])
def test_no_command_writes_to_a_damaged_database(saved_home: Path, broken: str) -> None:
    db = paths.layout().db_path
    damage_page(db, broken)
    before = db.read_bytes()
    for command in COMMANDS:
        result = hotseat(saved_home, *command)
        assert db.read_bytes() == before, f"{' '.join(command)} changed the damaged file"
        assert "Traceback" not in result.stderr
        if result.returncode != 0:
            # practice with no microphone here stops at the microphone check; the session
            # path itself is tested below.
            said = DAMAGED in result.stderr or "No microphone" in result.stderr
            assert result.returncode == 2 and said, (command, result.stderr)
    # The commands that must write refuse with the message, whatever the damage.
    for command in (["analyze", "--answer", "1"], ["analyze", "--all", "--force"]):
        result = hotseat(saved_home, *command)
        assert result.returncode == 2 and DAMAGED in result.stderr, result.stderr


def test_a_session_cannot_start_on_a_damaged_database(saved_home: Path) -> None:
    """The real session path (services, runner, store) with the damage nothing reads."""
    layout = paths.layout()
    damage_page(layout.db_path, "scores")
    before = layout.db_path.read_bytes()
    services = build_services(Settings(engine="pocketsphinx"), layout)
    events: list[SessionEvent] = []
    options = SessionOptions(
        pack_id="test", questions=[question("a")], rules=AnswerRules(), speak_questions=False
    )
    try:
        with pytest.raises(StoreError, match=DAMAGED):
            services.sessions.runner(options, events.append).run()
    finally:
        services.close()
    assert layout.db_path.read_bytes() == before
    assert [event.type for event in events] == ["error"]


def test_a_write_after_a_read_found_damage_is_refused(saved_home: Path) -> None:
    db = paths.layout().db_path
    damage_page(db, "sessions_status")
    before = db.read_bytes()
    with Store(db) as store:
        with pytest.raises(StoreError, match=DAMAGED):
            store.unfinished_sessions()
        with pytest.raises(StoreError, match=DAMAGED):
            store.set_analysis(1, {"version": 1}, 1)
    assert db.read_bytes() == before


def test_an_intact_database_is_still_written(saved_home: Path) -> None:
    db = paths.layout().db_path
    with Store(db) as store:
        store.set_analysis(1, {"version": 99}, 99)
    with Store(db) as store:
        answer = store.get_answer(1)
    assert answer is not None and answer["analysis_version"] == 99
