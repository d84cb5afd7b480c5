"""Crash recovery through the real commands: recovered answers are analysed at once, and a
row naming a file outside the data folder is refused for that row alone.

Each test leaves a real database and real WAV files as a kill would, then runs a real
``python -m simulator`` command, which recovers before it does its own work.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from simulator import paths
from simulator.audio.wav import WavWriter
from simulator.core.transcript import Transcript, Word
from simulator.records.recovery import recover_all, recover_unfinished
from simulator.settings import Settings
from simulator.store import Store
from tests.support.speech_samples import flite_wav

SPOKEN = "I led the team through the release and we cut the costs by twenty percent"


def hotseat(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        env={**os.environ, "HOTSEAT_HOME": str(paths.data_home())},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=180,
    )


def cut_off_session(answers: list[tuple[str, Path | str | None]], finished: int = 0) -> int:
    """A session left "recording" as after a kill -9. Each answer is (question id, audio):
    a WAV to record from (its header is left unfinished), or a stored path to write as is.
    The first ``finished`` answers were transcribed and saved before the kill."""
    layout = paths.layout()
    layout.ensure()
    with Store(layout.db_path) as store:
        session = store.create_session(
            mode="practice", pack_id="behavioral-core", settings={}, started_at="2026-11-30T10:00"
        )
        for position, (question_id, audio) in enumerate(answers, start=1):
            stored = audio if isinstance(audio, str) else None
            seconds = 0.0
            if stored is None:
                target = layout.answer_wav(session, position, question_id)
                writer = WavWriter(target, 16000)
                with wave.open(str(audio), "rb") as source:
                    writer.write(source.readframes(source.getnframes()))
                seconds = writer.duration_s
                stored = layout.relative(target)  # never closed: the header says 0 bytes
            answer = store.start_answer(
                session_id=session,
                position=position,
                question_id=question_id,
                question_text="Tell me about a time you led a team.",
                audio_path=stored,
                sample_rate=16000,
                started_at="2026-11-30T10:00:05",
            )
            if position <= finished:
                store.finish_answer(
                    answer,
                    transcript=SPOKEN,
                    words=[],
                    engine="pocketsphinx",
                    model="en-us",
                    duration_s=seconds,
                )
    return session


@pytest.fixture
def speech(tmp_path: Path) -> Path:
    return flite_wav(SPOKEN, tmp_path / "spoken.wav")


@pytest.mark.slow
def test_recovered_answers_are_analysed_at_once(speech: Path) -> None:
    """One answer saved before the kill (killed during its analysis), one cut off mid-answer:
    both get an analysis from the recovery that ``sessions list`` runs."""
    session = cut_off_session([("q1", speech), ("q2", speech)], finished=1)
    result = hotseat("sessions", "list")
    assert result.returncode == 0, result.stderr
    assert f"Session {session} was cut off" in result.stderr and "Problems" not in result.stderr
    with Store(paths.layout().db_path) as store:
        saved = store.get_session(session)
    assert saved is not None and saved["status"] == "recovered"
    for answer in saved["answers"]:
        assert answer["analysis"] is not None, answer["position"]
        assert answer["analysis"]["duration_s"] > 2.0
    assert "led" in saved["answers"][1]["transcript"]  # transcribed first, then analysed
    assert saved["answers"][1]["analysis"]["words"] >= 10


def test_recovery_with_an_analyser_given_uses_it(speech: Path) -> None:
    cut_off_session([("q1", speech)])
    seen = []

    def analyse(wav: Path, transcript: object, question: object) -> dict[str, object]:
        seen.append((wav.name, getattr(question, "id", None)))
        return {"version": 7}

    messages = recover_all(paths.layout(), None, analyse)
    assert len(messages) == 1 and seen == [("1-q1.wav", None)]
    with Store(paths.layout().db_path) as store:
        assert store.get_answer(1)["analysis_version"] == 7  # type: ignore[index]


class HeardRecognizer:
    """A recogniser that hears the same two words in any audio, and counts what it is fed."""

    engine, model = "fake", "fake-model"

    def __init__(self, sample_rate: int) -> None:
        self.sample_rate = sample_rate
        self.fed = 0

    def accept(self, pcm: bytes) -> str | None:
        self.fed += len(pcm)
        return None

    def finish(self) -> Transcript:
        assert self.fed > 0
        words = (Word("we", 0.1, 0.3), Word("led", 0.3, 0.6))
        return Transcript(words=words, engine=self.engine, model=self.model, duration_s=1.0)


def test_recovery_transcribes_with_the_callers_recogniser(speech: Path) -> None:
    """The window and the terminal hand in the recogniser they already run."""
    session = cut_off_session([("q1", speech)])
    rates: list[int] = []

    def recognizers(rate: int) -> HeardRecognizer:
        rates.append(rate)
        return HeardRecognizer(rate)

    analysed: list[str] = []

    def analyse(wav: Path, transcript: Transcript, question: object) -> dict[str, object]:
        analysed.append(transcript.text)
        return {"version": 5}

    messages = recover_unfinished(paths.layout(), Settings(), recognizers, analyse)
    assert len(messages) == 1 and messages[0].startswith(f"Session {session} was cut off")
    assert rates == [16000] and analysed == ["we led"]
    with Store(paths.layout().db_path) as store:
        saved = store.get_session(session)
    assert saved is not None and saved["status"] == "recovered"
    assert saved["answers"][0]["transcript"] == "we led"
    assert saved["answers"][0]["engine"] == "fake"


def test_with_nothing_cut_off_no_recogniser_is_built(speech: Path) -> None:
    """A missing model must not fail a start-up that has nothing to recover."""
    session = cut_off_session([("q1", speech)], finished=1)
    with Store(paths.layout().db_path) as store:
        store.finish_session(session, status="complete", ended_at="2026-11-30T10:05")

    def recognizers(rate: int) -> HeardRecognizer:
        raise AssertionError("built a recogniser with nothing to transcribe")

    assert recover_unfinished(paths.layout(), Settings(), recognizers) == []
    # Nor from the settings, where a Vosk model is asked for and none is installed.
    assert recover_unfinished(paths.layout(), Settings(engine="vosk")) == []


@pytest.mark.slow
def test_a_row_pointing_outside_the_data_folder_blocks_only_itself(
    speech: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "not-hotseats.wav"
    outside.write_bytes(b"RIFF" + b"\x01" * 500)  # would be "repaired" if it were followed
    escaping = os.path.relpath(outside, paths.data_home())
    session = cut_off_session([("q1", escaping), ("q2", speech), ("q3", str(outside))])

    listed = hotseat("sessions", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert "answer 1 names a recording outside the data folder" in listed.stderr
    assert "answer 3 names a recording outside the data folder" in listed.stderr
    assert [row["id"] for row in json.loads(listed.stdout)] == [session]
    assert outside.read_bytes() == b"RIFF" + b"\x01" * 500

    shown = hotseat("sessions", "show", str(session))
    assert shown.returncode == 0, shown.stderr
    with Store(paths.layout().db_path) as store:
        answers = store.get_session(session)["answers"]  # type: ignore[index]
    assert answers[1]["analysis"] is not None and answers[1]["duration_s"] > 2.0

    everything = hotseat("analyze", "--all", "--force", "--json")
    assert everything.returncode == 0, everything.stderr
    report = json.loads(everything.stdout)
    assert report["analysed"] == [answers[1]["id"]]
    assert [item["answer_id"] for item in report["skipped"]] == [1, 3]
    assert "outside the data folder" in report["skipped"][0]["reason"]

    one = hotseat("analyze", "--answer", "1")
    assert one.returncode == 1 and "answer 1 cannot be analysed" in one.stderr
    assert "unexpected error" not in one.stderr

    assert hotseat("sessions", "delete", str(session)).returncode == 0
    assert outside.read_bytes() == b"RIFF" + b"\x01" * 500
