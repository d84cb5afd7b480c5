"""A recording is never written over, even when session ids start again at 1.

Moving a damaged database aside (as its error message advises) or finding a 0-byte
``hotseat.db`` makes the next session id 1 again while ``sessions/1/`` still holds the older
session's recordings. The real services (store, folder choice, WAV writer, session lock)
must put the new recording elsewhere and leave the old one byte for byte.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from simulator import paths
from simulator.audio.wav import WavWriter, wav_duration
from simulator.core.plan import AnswerRules
from simulator.services import Services, build_services
from simulator.session import SessionRunner
from simulator.session.ports import SessionOptions
from simulator.settings import Settings
from simulator.store import DataLayout, Store
from tests.session.test_runner import FakeClock, FakeRecognizer, FakeStream, question

OLD_BYTES = b"RIFF" + bytes(range(256)) * 64  # an older session's recording, to the byte


def run_real_session(services: Services, question_ids: list[str]) -> int:
    """A session through the real store, folder choice and WAV writer; fake devices only."""
    clock = FakeClock()

    class Mic:
        def open(self) -> FakeStream:
            return FakeStream(clock, voiced_blocks=5, lose_after=None)

    class Silent:
        def render(self, text: str) -> Path:
            return Path("unused.wav")

        def play(self, wav: Path, **_: Any) -> float:
            return 0.0

    real = services.sessions.session_services()
    real.microphone = Mic()
    real.recognizer = lambda rate: FakeRecognizer()
    real.voice = real.speaker = Silent()  # type: ignore[assignment]
    real.voice_activity = lambda rate: type("Vad", (), {"feed": lambda self, pcm: True})()
    real.analyze = None
    options = SessionOptions(
        pack_id="test",
        questions=[question(qid) for qid in question_ids],
        rules=AnswerRules(end_silence_s=None, time_limit_s=0.5),
        speak_questions=False,
    )
    return SessionRunner(options, real, lambda event: None, clock=clock).run()


@pytest.mark.parametrize("database", ["moved aside", "empty file"])
def test_a_new_session_one_never_overwrites_the_old_session_ones_recording(
    hotseat_home: Path, database: str
) -> None:
    layout = paths.layout()
    old = layout.answer_wav(1, 1, "a")
    old.parent.mkdir(parents=True)
    old.write_bytes(OLD_BYTES)
    (old.parent / ".lock").touch()  # the old session's lock file stays behind too
    if database == "empty file":
        layout.db_path.write_bytes(b"")

    services = build_services(Settings(engine="pocketsphinx"), layout)
    try:
        first = run_real_session(services, ["a", "b"])
        second = run_real_session(services, ["a"])
    finally:
        services.close()

    assert first == 1  # the id really did start again
    assert old.read_bytes() == OLD_BYTES
    with Store(layout.db_path) as store:
        answers = [a for sid in (first, second) for a in store.get_session(sid)["answers"]]
    stored = [answer["audio_path"] for answer in answers]
    assert len(set(stored)) == 3 and layout.relative(old) not in stored
    # Both answers of a session share its one fresh folder; each recording is whole.
    assert stored[0].rsplit("/", 1)[0] == stored[1].rsplit("/", 1)[0] == "sessions/1-2"
    for answer in answers:
        assert wav_duration(layout.absolute(answer["audio_path"])) == answer["duration_s"] > 0


def test_a_folder_holding_only_a_lock_is_used_and_a_taken_one_is_skipped(tmp_path: Path) -> None:
    layout = DataLayout(tmp_path)
    (layout.session_dir(4)).mkdir(parents=True)
    (layout.session_dir(4) / ".lock").touch()
    assert layout.recordings_dir(4) == layout.session_dir(4)
    (layout.session_dir(4) / "1-q.wav").write_bytes(b"x")
    (layout.sessions_dir / "4-2").mkdir()
    (layout.sessions_dir / "4-2" / "notes.txt").write_text("someone's")
    (layout.sessions_dir / "4-3").write_text("a file, not a folder")
    assert layout.recordings_dir(4) == layout.sessions_dir / "4-4"
    assert (layout.sessions_dir / "4-4").is_dir()


def test_the_writer_refuses_to_truncate_an_existing_file(tmp_path: Path) -> None:
    existing = tmp_path / "1-a.wav"
    existing.write_bytes(OLD_BYTES)
    with pytest.raises(FileExistsError):
        WavWriter(existing, 16000)
    assert existing.read_bytes() == OLD_BYTES
