"""Deleting a session removes its rows and recordings, but never one being recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator import paths
from simulator.cli import main
from simulator.records.forget import delete_session
from simulator.records.locks import session_lock
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


def test_only_the_sessions_own_recordings_are_deleted(hotseat_home: Path, wav: Path) -> None:
    """After a database was moved aside, sessions/1/ may hold an older session's recording:
    deleting the new session 1 (recorded into sessions/1-2/) must leave it alone."""
    layout = paths.layout()
    older = layout.answer_wav(1, 1, "q1")
    older.parent.mkdir(parents=True)
    older.write_bytes(b"an older session's answer")
    with Store(layout.db_path) as store:
        session = store.create_session(mode="practice", pack_id="p", settings={}, started_at="t")
        target = layout.answer_wav(session, 1, "q1", layout.recordings_dir(session))
        target.write_bytes(wav.read_bytes())
        store.start_answer(
            session_id=session,
            position=1,
            question_id="q1",
            question_text="?",
            audio_path=layout.relative(target),
            sample_rate=16000,
            started_at="t",
        )
    assert session == 1 and target.parent.name == "1-2"
    assert delete_session(layout, session) is True
    assert not target.exists() and not target.parent.exists()
    assert older.read_bytes() == b"an older session's answer"


def test_a_path_outside_the_data_folder_is_never_deleted(
    hotseat_home: Path, wav: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "precious.wav"
    outside.write_bytes(b"not Hotseat's")
    session = save_session("2026-11-22T18:05:00", "behavioral-core", wav)
    layout = paths.layout()
    with Store(layout.db_path) as store:
        answer = store.get_session(session)["answers"][0]
        store.db.execute(
            "UPDATE answers SET audio_path = ? WHERE id = ?", [str(outside), answer["id"]]
        )
        store.db.conn.commit()
    assert main(["sessions", "delete", str(session)]) == 0
    assert outside.read_bytes() == b"not Hotseat's"
    with Store(layout.db_path) as store:
        assert store.get_session(session) is None
