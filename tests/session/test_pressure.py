"""Pressure mode through the SessionRunner, with a fake mixer, voice and microphone.

The real path (the mixer on PulseAudio, the virtual microphone, real recognisers) is covered
in tests/e2e/test_pressure_*.py; these pin down what the runner does with a drill: what it
plays and when, where each event lands on the recording clock, what it leaves out of the
transcript, how a squeeze ends the answer, and the follow-up recording after pushback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from simulator.audio.wav import WavWriter
from simulator.core.events import SessionEvent, to_json
from simulator.core.packs import Question
from simulator.core.plan import AnswerRules
from simulator.core.transcript import Transcript, Word
from simulator.session import SessionRunner
from simulator.session.ports import SessionOptions, SessionServices
from simulator.store import DataLayout, Store

RATE = 16000
BLOCK_S = 0.1
BLOCK = b"\x10\x00" * int(RATE * BLOCK_S)
LATENCY_S = 0.05  # the fake speaker's delay from play to the first sample heard
VOICE_S = 1.5  # every interviewer line lasts this long in the fake voice


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class FakeSound:
    def __init__(self, clock: Clock, duration_s: float) -> None:
        self.clock = clock
        self.start_time = clock.now + LATENCY_S
        self.end_time: float | None = self.start_time + duration_s

    def span_s(self, origin: float) -> tuple[float, float | None] | None:
        if self.clock.now < self.start_time:
            return None  # not heard yet
        end = None if self.end_time is None else self.end_time - origin
        return self.start_time - origin, end


class FakeMixer:
    def __init__(self, clock: Clock, log: list[tuple[str, float]]) -> None:
        self.clock = clock
        self.log = log
        self.closed = False

    def play(self, samples: Any, rate: int, gain_db: float = 0.0, name: str = "") -> FakeSound:
        self.log.append((name, self.clock.now))
        return FakeSound(self.clock, len(samples) / rate)

    def play_file(self, wav: Path, gain_db: float = 0.0, name: str = "") -> FakeSound:
        self.log.append((wav.read_text(), self.clock.now))
        return FakeSound(self.clock, VOICE_S)

    def now(self) -> float:
        return self.clock.now

    def stop_all(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True


class Rendered:
    def __init__(self, name: str) -> None:
        self.samples = np.zeros(8000, dtype=np.float32)  # 0.5 s at 16 kHz
        self.rate = 16000
        self.level_db = -11.25  # what the audio package says it rendered


class Stream:
    def __init__(self, clock: Clock) -> None:
        self.sample_rate = RATE
        self.device_name = "fake"
        self.clock = clock
        self.first_sample_time = clock.now  # the recording clock's origin on the sound clock

    def read(self, timeout: float) -> bytes:
        self.clock.now += BLOCK_S
        return BLOCK

    def close(self) -> None:
        pass


class Recognizer:
    """Hears a word every 0.5 s of the recording, whoever was speaking."""

    engine = "fake"
    model = "m"

    def __init__(self, partial: str) -> None:
        self.fed = 0
        self.partial = partial

    def accept(self, pcm: bytes) -> str | None:
        self.fed += len(pcm)
        return self.partial or None

    def finish(self) -> Transcript:
        seconds = self.fed / 2 / RATE
        words = tuple(Word(f"w{i}", i * 0.5, i * 0.5 + 0.3) for i in range(int(seconds / 0.5)))
        return Transcript(words, "fake", "m", seconds)


def run_session(
    tmp_path: Path,
    *,
    drill: str | None,
    intensity: int = 3,
    voiced: Any = None,
    question: Question | None = None,
    partial: str = "",
    rules: AnswerRules | None = None,
    seed: int | None = 7,
) -> dict[str, Any]:
    """One question answered under ``drill``; ``voiced(answer_s, interviewer_speaking)`` says
    whether the candidate speaks in each block (by default: always, except over the voice)."""
    layout = DataLayout(tmp_path / "home")
    layout.ensure()
    clock = Clock()
    played: list[tuple[str, float]] = []
    mixers: list[FakeMixer] = []
    analyses: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []

    class Voice:
        def render(self, text: str) -> Path:
            path = tmp_path / f"{abs(hash(text))}.txt"
            path.write_text(text, encoding="utf-8")
            return path

    class Speaker:
        def play(self, wav: Path, should_stop: Any = None, start_s: float = 0.0) -> float:
            clock.now += 1.0
            return 1.0

    def speaking_now() -> bool:
        # The scripted candidate stops while the interviewer's last line still sounds.
        return any(start <= clock.now < start + LATENCY_S + VOICE_S for _, start in played)

    class Vad:
        def __init__(self, rate: int) -> None:
            self.blocks = 0

        def feed(self, pcm: bytes) -> bool:
            self.blocks += 1
            answer_s = self.blocks * BLOCK_S
            if voiced is not None:
                return bool(voiced(answer_s, speaking_now()))
            return not speaking_now()

    def open_mixer() -> FakeMixer:
        mixers.append(FakeMixer(clock, played))
        return mixers[-1]

    def answer_path(session_id: int, position: int, qid: str) -> tuple[Path, str]:
        path = layout.answer_wav(session_id, position, qid)
        return path, layout.relative(path)

    def analyze(wav: Path, transcript: Transcript, q: Question, **pressure: Any) -> dict[str, Any]:
        analyses.append({"transcript": transcript.text, **pressure})
        return {"version": 1}

    services = SessionServices(
        voice=Voice(),
        speaker=Speaker(),
        microphone=type("Mic", (), {"open": lambda self: Stream(clock)})(),
        recognizer=lambda rate: Recognizer(partial),
        open_store=lambda: Store(layout.db_path),
        answer_path=answer_path,
        open_recording=WavWriter,
        voice_activity=Vad,
        level=lambda pcm: 0.5,
        analyze=analyze,
        open_mixer=open_mixer,
        distraction=lambda name, seed, level: Rendered(name),
    )
    chosen = question or Question(
        id="q1",
        text="Tell me about a launch. It was late.",
        category="technical",
        answer_seconds=(60, 90),
        follow_ups=("What did you ship first?",),
    )
    options = SessionOptions(
        pack_id="test",
        questions=[chosen],
        rules=rules or AnswerRules(end_silence_s=2.0, time_limit_s=40.0),
        drill=drill,
        intensity=intensity,
        seed=seed,
    )

    def record(event: SessionEvent) -> None:
        events.append(to_json(event))

    runner = SessionRunner(options, services, record, clock=clock)
    session_id = runner.run()
    with Store(layout.db_path) as store:
        session = store.get_session(session_id)
    return {
        "events": events,
        "played": played,
        "mixers": mixers,
        "analyses": analyses,
        "session": session,
    }


def of(events: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [e for e in events if e["type"] == kind]


def test_a_cut_in_is_played_logged_where_it_landed_and_left_out_of_the_transcript(
    tmp_path: Path,
) -> None:
    # The candidate talks for 25 s, stopping while the interviewer speaks; then 2 s of quiet.
    ran = run_session(tmp_path, drill="interruptions", voiced=lambda s, over: s < 25 and not over)
    events = ran["events"]
    started, ended = of(events, "interruption_started"), of(events, "interruption_ended")
    assert started and len(started) == len(ended)
    said = [text for text, _ in ran["played"]]
    assert [e["text"] for e in started] == said  # what was logged is what was played
    spans = ran["analyses"][0]["played"]
    for start, end, span in zip(started, ended, spans, strict=True):
        assert start["kind"] in {"probe", "follow_up"}
        assert start["answer_s"] >= 5.0  # never before 5 s of speech
        # The event is where the sound landed: decided on a block, heard LATENCY_S later.
        assert start["answer_s"] * 10 % 1 == pytest.approx(LATENCY_S * 10, abs=1e-6)
        assert end["answer_s"] == pytest.approx(start["answer_s"] + VOICE_S, abs=1e-6)
        assert (span.start_s, span.end_s, span.what) == (
            start["answer_s"],
            end["answer_s"],
            "interviewer",
        )
    # The recogniser heard a word every 0.5 s; those inside the voice are not the candidate's.
    saved = ran["session"]["answers"][0]
    kept = [w["start"] for w in saved["words"]]
    assert kept and all(
        not (s.start_s - 0.15 <= t + 0.15 <= s.end_s + 0.15) for s in spans for t in kept
    )
    assert len(kept) < int(saved["duration_s"] / 0.5)
    assert ran["analyses"][0]["transcript"] == saved["transcript"]
    # The analysis gets this answer's pressure events as they were logged.
    pressure = ran["analyses"][0]["pressure_events"]
    assert [e["type"] for e in pressure if e["type"].startswith("interruption")] == [
        e["type"] for e in events if e["type"].startswith("interruption")
    ]
    assert all(m.closed for m in ran["mixers"])
    assert ran["session"]["drill"] == "interruptions"
    saved = ran["session"]["settings"]
    assert (saved["drill"], saved["intensity"], saved["drill_seed"]) == ("interruptions", 3, 7)


def test_a_squeeze_ends_the_answer_at_the_new_limit(tmp_path: Path) -> None:
    rules = AnswerRules(end_silence_s=2.0, time_limit_s=80.0)
    ran = run_session(tmp_path, drill="time-squeeze", voiced=lambda s, over: True, rules=rules)
    squeezed = of(ran["events"], "time_squeezed")
    assert len(squeezed) == 1
    ended = of(ran["events"], "answer_ended")[0]
    assert ended["reason"] == "time_limit"
    assert ended["answer_s"] == pytest.approx(squeezed[0]["new_limit_s"], abs=BLOCK_S + 1e-6)
    assert ended["answer_s"] < 60.0  # well before the answer's own limit


def test_distraction_sounds_are_logged_at_the_level_rendered_where_they_landed(
    tmp_path: Path,
) -> None:
    ran = run_session(tmp_path, drill="busy-office", voiced=lambda s, over: s < 30)
    sounds = [e for e in of(ran["events"], "distraction") if e["kind"] == "sound"]
    assert sounds
    assert {e["level_db"] for e in sounds} == {-11.25}
    assert [name for name, _ in ran["played"]] == [e["name"] for e in sounds]
    assert all(round(e["answer_s"] * 100) % 10 == 5 for e in sounds)  # landed 50 ms after
    assert {s.what for s in ran["analyses"][0]["played"]} == {"distraction"}


def test_pushback_is_answered_in_a_follow_up_recording_of_its_own(tmp_path: Path) -> None:
    ran = run_session(tmp_path, drill="stubborn-interviewer", intensity=2, voiced=_talks_then_stops)
    answers = ran["session"]["answers"]
    assert len(answers) == 2
    main, reply = answers
    assert (main["position"], reply["position"]) == (1, 2)
    assert reply["question_id"] == main["question_id"]
    pushback = of(ran["events"], "interruption_started")
    assert [e["kind"] for e in pushback] == ["pushback"]
    assert reply["question_text"] == pushback[0]["text"]
    assert pushback[0]["answer_id"] == reply["id"]
    # Said on the reply's first block, heard LATENCY_S later.
    assert pushback[0]["answer_s"] == pytest.approx(BLOCK_S + LATENCY_S, abs=1e-6)
    assert of(ran["events"], "interruption_ended")[0]["answer_id"] == reply["id"]


def _talks_then_stops(answer_s: float, interviewer: bool) -> bool:
    return not interviewer and 2.0 <= answer_s < 6.0


def test_a_spoken_question_gets_the_matching_clarification(tmp_path: Path) -> None:
    vague = Question(
        id="slow",
        text="Our app is slow. Users complain about search.",
        category="technical",  # cut to its first sentence (a clarifying one is vague as is)
        answer_seconds=(60, 90),
        clarifications=(
            "The team is four engineers.",
            "Mostly the search page. People say it takes several seconds to show results.",
        ),
    )
    ran = run_session(
        tmp_path,
        drill="clarify-first",
        question=vague,
        partial="which page is slow",
        voiced=lambda s, over: 1.0 <= s < 3.0 or 8.0 <= s < 10.0,
    )
    assert of(ran["events"], "question_started")[0]["text"] == "Our app is slow."
    clarification = of(ran["events"], "clarification")
    assert len(clarification) == 1
    assert clarification[0]["answer"].startswith("Mostly the search page.")
    assert ran["played"][0][0] == clarification[0]["answer"]


def test_without_a_drill_nothing_is_played_and_the_analysis_is_as_before(tmp_path: Path) -> None:
    ran = run_session(tmp_path, drill=None, voiced=lambda s, over: s < 3)
    assert ran["mixers"] == [] and ran["played"] == []
    assert ran["analyses"] == [{"transcript": ran["session"]["answers"][0]["transcript"]}]
    assert ran["session"]["drill"] is None


def test_listening_to_the_interviewer_is_not_the_silence_that_ends_the_answer(
    tmp_path: Path,
) -> None:
    # The voice lasts 1.55 s, longer than the 1 s of silence that ends an answer.
    rules = AnswerRules(end_silence_s=1.0, time_limit_s=60.0)
    ran = run_session(
        tmp_path, drill="interruptions", voiced=lambda s, over: s < 25 and not over, rules=rules
    )
    assert of(ran["events"], "interruption_ended")
    ended = of(ran["events"], "answer_ended")[0]
    assert ended["reason"] == "silence"
    assert ended["answer_s"] == pytest.approx(26.0, abs=0.15)  # 1 s after the candidate's end


def test_a_drill_without_a_seed_draws_one_and_saves_it(tmp_path: Path) -> None:
    ran = run_session(tmp_path, drill="busy-office", voiced=lambda s, over: s < 3, seed=None)
    saved = ran["session"]["settings"]
    assert saved["drill"] == "busy-office" and isinstance(saved["drill_seed"], int)
