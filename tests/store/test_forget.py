"""Deleting a session removes its rows and recordings, but never one being recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator import paths
from simulator.cli import main
from simulator.forget import delete_session
from simulator.locks import session_lock
from simulator.store import Store, StoreError
from tests.support.saved_sessions import save_session


@pytest.fixture
def wav(tmp_path: Path) -> Path:
    path = tmp_path / "quiet.wav"
    path.write_bytes(b"RIFF" + b"\0" * 100)  # the file is only copied, never read
    return path


def test_rows_and_recordings_go_together(hotseat_home: Path, wav: Path) -> None:
    session = save_session("2026-11-22T18:05:00", "behavioral-core", wav)
    layout = paths.layout()
    assert layout.session_dir(session).is_dir()
    assert delete_session(layout, session) is True
    assert not layout.session_dir(session).exists()
    with Store(layout.db_path) as store:
        assert store.get_session(session) is None
    assert delete_session(layout, session) is False


def test_a_session_being_recorded_is_refused(hotseat_home: Path, wav: Path) -> None:
    session = save_session("2026-11-22T18:05:00", "behavioral-core", wav)
    layout = paths.layout()
    with session_lock(layout.sessions_dir, session) as lock:
        assert lock.acquire()
        with pytest.raises(StoreError, match="being recorded"):
            delete_session(layout, session)
    assert layout.session_dir(session).is_dir()


def test_hotseat_sessions_delete(
    hotseat_home: Path, wav: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = save_session("2026-11-22T18:05:00", "behavioral-core", wav)
    assert main(["sessions", "delete", str(session)]) == 0
    assert f"Deleted session {session}" in capsys.readouterr().out
    assert main(["sessions", "delete", str(session)]) == 1
    assert "no session with id" in capsys.readouterr().err
