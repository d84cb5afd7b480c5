"""SessionRunner's logic with fake devices: a real store and real WAV files, no sound card.

The real path (virtual microphone, real recognisers) is covered in tests/e2e; these tests pin
down the runner's own decisions: what is saved, in which order, and what happens when the
microphone vanishes or the session is ended early.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from simulator.audio.wav import WavWriter, wav_duration
from simulator.core.events import SessionEvent, to_json
from simulator.core.packs import Question
from simulator.core.plan import AnswerRules
from simulator.core.transcript import Transcript, Word
from simulator.session import SessionRunner
from simulator.session.ports import SessionOptions, SessionServices
from simulator.store import DataLayout, Store

RATE = 16000
BLOCK = b"\x10\x00" * (RATE // 10)  # 0.1 s of a quiet non-zero signal


class FakeClock:
    """Advances by one block each time the microphone is read, so no test waits."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class FakeStream:
    def __init__(self, clock: FakeClock, voiced_blocks: int, lose_after: int | None) -> None:
        self.sample_rate = RATE
        self.device_name = "fake"
        self.clock = clock
        self.reads = 0
        self.voiced_blocks = voiced_blocks
        self.lose_after = lose_after
        self.closed = False

    def read(self, timeout: float) -> bytes | None:
        if self.lose_after is not None and self.reads >= self.lose_after:
            raise OSError("device unplugged")
        self.reads += 1
        self.clock.now += 0.1
        return BLOCK

    def close(self) -> None:
        self.closed = True


class FakeRecognizer:
    engine = "fake"
    model = "fake-model"

    def __init__(self, hears_words: bool = True) -> None:
        self.fed = 0
        self.hears_words = hears_words

    def accept(self, pcm: bytes) -> str | None:
        self.fed += len(pcm)
        return f"{self.fed // len(BLOCK)} blocks" if self.fed % (len(BLOCK) * 5) == 0 else None

    def finish(self) -> Transcript:
        seconds = self.fed / 2 / RATE
        words = (Word("hello", 0.1, 0.4, 0.9),) if self.hears_words else ()
        return Transcript(words, "fake", "fake-model", seconds)


def question(qid: str) -> Question:
    return Question(id=qid, text=f"Question {qid}?", category="conflict", answer_seconds=(1, 2))


def make_runner(
    tmp_path: Path,
    events: list[dict[str, Any]],
    *,
    voiced_blocks: int = 10,
    lose_after: int | None = None,
    rules: AnswerRules | None = None,
    on_event: Callable[[SessionRunner, dict[str, Any]], None] | None = None,
    hears_words: bool = True,
) -> tuple[SessionRunner, DataLayout, list[FakeStream]]:
    layout = DataLayout(tmp_path / "home")
    layout.ensure()
    clock = FakeClock()
    streams: list[FakeStream] = []

    class Mic:
        def open(self) -> FakeStream:
            streams.append(FakeStream(clock, voiced_blocks, lose_after))
            return streams[-1]

    class Voice:
        def render(self, text: str) -> Path:
            return tmp_path / "question.wav"

    class Speaker:
        def play(
            self, wav: Path, should_stop: Callable[[], bool] = lambda: False, start_s: float = 0.0
        ) -> float:
            clock.now += 1.0
            return 1.0

    class Vad:
        def __init__(self, rate: int) -> None:
            self.blocks = 0

        def feed(self, pcm: bytes) -> bool:
            self.blocks += 1
            return self.blocks <= voiced_blocks

    def answer_path(session_id: int, position: int, qid: str) -> tuple[Path, str]:
        path = layout.answer_wav(session_id, position, qid)
        return path, layout.relative(path)

    services = SessionServices(
        voice=Voice(),
        speaker=Speaker(),
        microphone=Mic(),
        recognizer=lambda rate: FakeRecognizer(hears_words),
        open_store=lambda: Store(layout.db_path),
        answer_path=answer_path,
        open_recording=WavWriter,
        voice_activity=Vad,
        level=lambda pcm: 0.5,
    )
    options = SessionOptions(
        pack_id="test",
        questions=[question("a"), question("b")],
        rules=rules or AnswerRules(end_silence_s=1.0, time_limit_s=30.0),
    )
    holder: list[SessionRunner] = []

    def record(event: SessionEvent) -> None:
        # The tests read events as the JSON lines and the events table have them.
        flat = to_json(event)
        events.append(flat)
        if on_event is not None:
            on_event(holder[0], flat)

    runner = SessionRunner(options, services, record, clock=clock)
    holder.append(runner)
    return runner, layout, streams


def test_a_session_saves_every_answer_with_its_audio(tmp_path: Path) -> None:
    events: list[dict[str, Any]] = []
    runner, layout, streams = make_runner(tmp_path, events)
    session_id = runner.run()
    kinds = [e["type"] for e in events]
    assert kinds[0] == "session_started" and kinds[-1] == "session_saved"
    assert kinds.count("answer_saved") == 2
    assert [e["reason"] for e in events if e["type"] == "answer_ended"] == ["silence", "silence"]
    assert all(stream.closed for stream in streams)

    with Store(layout.db_path) as store:
        session = store.get_session(session_id)
    assert session is not None and session["status"] == "complete"
    for answer in session["answers"]:
        # 1 s of voice then 1 s of silence ends it: 2 s written, exactly what was fed.
        assert answer["duration_s"] == pytest.approx(2.0, abs=0.11)
        assert wav_duration(layout.absolute(answer["audio_path"])) == answer["duration_s"]
        assert answer["transcript"] == "hello" and answer["engine"] == "fake"
    logged = [e["kind"] for e in session["events"]]
    assert "question_started" in logged and "answer_saved" in logged and "level" not in logged
    # Events during an answer run on its recording's clock: answer_ended is where the WAV ends.
    ended = [e["answer_s"] for e in events if e["type"] == "answer_ended"]
    lengths = [wav_duration(layout.absolute(answer["audio_path"])) for answer in session["answers"]]
    assert ended == pytest.approx(lengths, abs=0.001)
    for index in (0, 1):
        clock = [e["answer_s"] for e in events if e.get("index") == index and "answer_s" in e]
        assert clock[0] == 0.0 and clock == sorted(clock) and clock[-1] == ended[index]


def test_stop_ends_the_answer_and_abort_ends_the_session(tmp_path: Path) -> None:
    def steer(runner: SessionRunner, event: dict[str, Any]) -> None:
        if event["type"] == "recording_started" and event["index"] == 0:
            runner.stop_answer()
        if event["type"] == "recording_started" and event["index"] == 1:
            runner.abort()

    events: list[dict[str, Any]] = []
    runner, layout, _ = make_runner(tmp_path, events, voiced_blocks=1000, on_event=steer)
    session_id = runner.run()
    assert [e["reason"] for e in events if e["type"] == "answer_ended"] == ["stopped", "aborted"]
    with Store(layout.db_path) as store:
        session = store.get_session(session_id)
    assert session is not None and session["status"] == "aborted"
    assert len(session["answers"]) == 2  # the cut-off answer is kept too


def test_a_microphone_lost_mid_answer_keeps_what_was_said(tmp_path: Path) -> None:
    events: list[dict[str, Any]] = []
    runner, layout, _ = make_runner(tmp_path, events, voiced_blocks=1000, lose_after=7)
    session_id = runner.run()
    errors = [e["message"] for e in events if e["type"] == "error"]
    assert len(errors) == 1 and "microphone" in errors[0].lower()
    with Store(layout.db_path) as store:
        session = store.get_session(session_id)
    assert session is not None and session["status"] == "aborted"
    assert session["answers"][0]["duration_s"] == pytest.approx(0.7, abs=0.01)


def test_steering_from_another_thread_is_safe(tmp_path: Path) -> None:
    events: list[dict[str, Any]] = []
    runner, _, _ = make_runner(
        tmp_path,
        events,
        voiced_blocks=10**6,
        rules=AnswerRules(end_silence_s=None, time_limit_s=10**6),
    )
    thread = threading.Thread(target=runner.run)
    thread.start()
    runner.abort()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert events[-1]["type"] == "session_saved"


def test_a_failed_transcription_keeps_the_recording(tmp_path: Path) -> None:
    events: list[dict[str, Any]] = []
    runner, layout, _ = make_runner(tmp_path, events)

    class Broken(FakeRecognizer):
        def finish(self) -> Transcript:
            raise RuntimeError("the recogniser crashed")

    runner.services.recognizer = lambda rate: Broken()
    session_id = runner.run()
    warnings = [e["message"] for e in events if e["type"] == "warning"]
    assert len(warnings) == 2 and "recording is saved" in warnings[0]
    with Store(layout.db_path) as store:
        session = store.get_session(session_id)
    assert session is not None and session["status"] == "complete"
    for answer in session["answers"]:
        assert answer["transcript"] == "" and answer["duration_s"] > 1.0
        assert layout.absolute(answer["audio_path"]).is_file()


def test_each_saved_answer_is_analysed_and_the_result_stored(tmp_path: Path) -> None:
    events: list[dict[str, Any]] = []
    runner, layout, _ = make_runner(tmp_path, events)
    seen: list[tuple[Path, str, str]] = []

    def analyze(wav: Path, transcript: Transcript, question: Question) -> dict[str, Any]:
        seen.append((wav, transcript.text, question.id))
        if question.id == "b":
            raise ValueError("no voice found")
        return {"version": 3, "words": len(transcript.words), "findings": []}

    runner.services.analyze = analyze
    session_id = runner.run()
    assert [(wav.is_file(), text, qid) for wav, text, qid in seen] == [
        (True, "hello", "a"),
        (True, "hello", "b"),
    ]
    analysed = [e for e in events if e["type"] == "answer_analyzed"]
    assert [e["analysis"]["version"] for e in analysed] == [3]
    warnings = [e["message"] for e in events if e["type"] == "warning"]
    assert warnings == ["This answer could not be analysed (no voice found)."]
    with Store(layout.db_path) as store:
        session = store.get_session(session_id)
    assert session is not None
    first, second = session["answers"]
    assert first["analysis"] == {"version": 3, "words": 1, "findings": []}
    assert first["analysis_version"] == 3
    assert second["analysis"] is None and second["transcript"] == "hello"


def test_a_full_disk_mid_answer_keeps_what_was_written(tmp_path: Path) -> None:
    events: list[dict[str, Any]] = []
    runner, layout, _ = make_runner(tmp_path, events, voiced_blocks=1000)

    class FillingUp(WavWriter):
        def write(self, pcm: bytes) -> None:
            if self.data_bytes >= 5 * len(BLOCK):
                raise OSError(28, "No space left on device")
            super().write(pcm)

    runner.services.open_recording = FillingUp
    session_id = runner.run()
    errors = [e["message"] for e in events if e["type"] == "error"]
    assert errors == [
        "The recording could not be written (No space left on device). What was recorded "
        "before that is saved."
    ]
    with Store(layout.db_path) as store:
        session = store.get_session(session_id)
    assert session is not None and session["status"] == "aborted"
    answer = session["answers"][0]
    assert answer["duration_s"] == pytest.approx(0.5, abs=0.01)
    assert wav_duration(layout.absolute(answer["audio_path"])) == pytest.approx(0.5, abs=0.01)


def test_an_answer_with_no_voice_in_it_is_saved_as_skipped(tmp_path: Path) -> None:
    """Space (or Esc) on a silent answer: kept with its recording, marked skipped, no analysis."""

    def steer(runner: SessionRunner, event: dict[str, Any]) -> None:
        if event["type"] == "recording_started" and event["index"] == 0:
            runner.stop_answer()
        if event["type"] == "recording_started" and event["index"] == 1:
            runner.abort()

    events: list[dict[str, Any]] = []
    runner, layout, _ = make_runner(
        tmp_path, events, voiced_blocks=0, hears_words=False, on_event=steer
    )
    analysed: list[Path] = []
    runner.services.analyze = lambda wav, transcript, question: analysed.append(wav) or {}
    session_id = runner.run()
    saved = [e for e in events if e["type"] == "answer_saved"]
    assert [e["skipped"] for e in saved] == [True, True]
    assert analysed == []
    with Store(layout.db_path) as store:
        session = store.get_session(session_id)
    assert session is not None
    assert [a["status"] for a in session["answers"]] == ["skipped", "skipped"]
    assert all(layout.absolute(a["audio_path"]).exists() for a in session["answers"])


def test_an_answer_with_voice_or_words_is_answered(tmp_path: Path) -> None:
    events: list[dict[str, Any]] = []
    runner, layout, _ = make_runner(tmp_path, events, voiced_blocks=3, hears_words=False)
    session_id = runner.run()
    assert [e["skipped"] for e in events if e["type"] == "answer_saved"] == [False, False]
    with Store(layout.db_path) as store:
        session = store.get_session(session_id)
    assert session is not None
    assert [a["status"] for a in session["answers"]] == ["answered", "answered"]


def test_the_next_question_starts_while_the_last_answer_is_analysed(tmp_path: Path) -> None:
    events: list[dict[str, Any]] = []
    second_asked = threading.Event()

    def steer(runner: SessionRunner, event: dict[str, Any]) -> None:
        if event["type"] == "question_started" and event["index"] == 1:
            second_asked.set()

    runner, layout, _ = make_runner(tmp_path, events, on_event=steer)
    waited: list[bool] = []

    def analyze(wav: Path, transcript: Transcript, question: Question) -> dict[str, Any]:
        if question.id == "a":  # an analysis that lasts until the next question is asked
            waited.append(second_asked.wait(5))
        return {"version": 3, "question": question.id}

    runner.services.analyze = analyze
    session_id = runner.run()
    assert waited == [True]  # the runner did not wait for the first analysis
    kinds = [(e["type"], e.get("index")) for e in events]
    assert kinds.index(("answer_analyzed", 0)) > kinds.index(("question_started", 1))
    # Every analysis arrives, in order, and before the session is saved.
    analysed = [e["analysis"]["question"] for e in events if e["type"] == "answer_analyzed"]
    assert analysed == ["a", "b"] and kinds[-1][0] == "session_saved"
    with Store(layout.db_path) as store:
        session = store.get_session(session_id)
    assert session is not None
    assert [a["analysis"]["question"] for a in session["answers"]] == ["a", "b"]


def test_an_analysis_still_running_when_the_session_is_ended_is_kept(tmp_path: Path) -> None:
    events: list[dict[str, Any]] = []

    ended = threading.Event()

    def steer(runner: SessionRunner, event: dict[str, Any]) -> None:
        if event["type"] == "answer_saved":
            runner.abort()
            ended.set()

    runner, layout, _ = make_runner(tmp_path, events, on_event=steer)

    def analyze(wav: Path, transcript: Transcript, question: Question) -> dict[str, Any]:
        ended.wait(5)  # still running when the session is ended
        return {"version": 3, "question": question.id}

    runner.services.analyze = analyze
    session_id = runner.run()
    kinds = [e["type"] for e in events]
    assert kinds[-2:] == ["answer_analyzed", "session_saved"]
    with Store(layout.db_path) as store:
        session = store.get_session(session_id)
    assert session is not None and session["status"] == "aborted"
    assert [a["analysis"] for a in session["answers"]] == [{"version": 3, "question": "a"}]
