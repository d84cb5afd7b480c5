"""The terminal mode, end to end: spoken answers in, transcripts, WAVs and rows out."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from simulator.audio.wav import wav_duration
from simulator.store import DataLayout, Store
from tests.e2e.conftest import ANSWERS
from tests.support.speech_samples import flite_wav, wer
from tests.support.virtual_mic import VirtualMic, isolated_client_env

pytestmark = pytest.mark.e2e

PRACTICE = [sys.executable, "-m", "simulator", "practice", "--no-gui", "--pack", "e2e"]


def start_practice(env: dict[str, str], *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*PRACTICE, "--engine", "pocketsphinx", "--events", "jsonl", *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )


def events_of(process: subprocess.Popen[str]) -> Any:
    assert process.stdout is not None
    for line in process.stdout:
        yield json.loads(line)


def test_a_two_question_session_is_heard_transcribed_and_saved(
    app_env: dict[str, str], session_mic: VirtualMic, spoken_answers: list[Path], hotseat_home: Path
) -> None:
    process = start_practice(
        app_env, "--questions", "2", "--end-silence", "1.5", "--answer-seconds", "25"
    )
    seen: list[dict[str, Any]] = []
    for event in events_of(process):
        seen.append(event)
        last_event_at = time.monotonic()
        if event["type"] == "recording_started":
            session_mic.speak(spoken_answers[event["index"]], block=False)
    assert process.wait(timeout=60) == 0, process.stderr.read() if process.stderr else ""
    # Exiting after the last event only stops idle helpers: measured 0.17 s (2.2 s when the
    # stderr filter waited out its time-out on the resource tracker's copy of its pipe).
    exit_lag = time.monotonic() - last_event_at
    assert exit_lag < 1.5, exit_lag
    kinds = [e["type"] for e in seen]
    for required in (
        "question_started",
        "question_spoken",
        "recording_started",
        "partial",
        "answer_saved",
        "session_saved",
    ):
        assert required in kinds, f"no {required} event in {kinds}"

    saved = [e for e in seen if e["type"] == "answer_saved"]
    assert len(saved) == 2
    for event, reference in zip(saved, ANSWERS, strict=True):
        assert wer(reference, event["transcript"]) <= 0.15, event["transcript"]
    assert len([e for e in seen if e["type"] == "answer_analyzed"]) == 2
    ended = [e["reason"] for e in seen if e["type"] == "answer_ended"]
    assert ended == ["silence", "silence"]

    session_id = seen[-1]["session_id"]
    layout = DataLayout(hotseat_home)
    store = Store(layout.db_path)
    session = store.get_session(session_id)
    store.close()
    assert session is not None and session["status"] == "complete"
    assert [a["question_id"] for a in session["answers"]] == ["teammate", "deadline"]
    during = [e for e in seen if e["type"] in ("recording_started", "partial", "answer_ended")]
    assert all(isinstance(e["answer_s"], float) for e in during), during
    ended_events = [e for e in seen if e["type"] == "answer_ended"]
    for answer, event, spoken, end in zip(
        session["answers"], saved, spoken_answers, ended_events, strict=True
    ):
        assert answer["transcript"] == event["transcript"]
        # The events run on the recording's clock: the answer ends where its WAV ends.
        assert end["answer_s"] == pytest.approx(
            wav_duration(layout.absolute(answer["audio_path"])), abs=0.05
        )
        assert answer["engine"] == "pocketsphinx"
        wav = layout.absolute(answer["audio_path"])
        assert wav.is_file()
        # The file is valid and as long as what was recorded: the spoken answer plus the
        # silence that ended it, give or take the start-up of the player.
        assert wav_duration(wav) == pytest.approx(answer["duration_s"], abs=0.01)
        assert wav_duration(spoken) + 1.0 < answer["duration_s"] < wav_duration(spoken) + 4.0
        # Every saved answer is analysed as it is saved, and the result kept with it.
        analysis = answer["analysis"]
        assert analysis is not None and answer["analysis_version"] == analysis["version"]
        assert analysis["words"] == len(answer["transcript"].split())
        assert analysis["findings"]
        words = answer["words"]
        assert words and all(0 <= w["start"] <= w["end"] <= answer["duration_s"] for w in words)


def test_a_killed_session_is_recovered_at_the_next_start(
    app_env: dict[str, str], session_mic: VirtualMic, hotseat_home: Path, tmp_path: Path
) -> None:
    long_answer = flite_wav(
        "i will keep talking for a while about the project we shipped last spring "
        "and the people who made it work and the lessons we learned along the way",
        tmp_path / "long.wav",
    )
    process = start_practice(app_env, "--questions", "1", "--end-silence", "5")
    recording_at = None
    for event in events_of(process):
        if event["type"] == "recording_started":
            recording_at = time.monotonic()
            session_mic.speak(long_answer, block=False)
        if event["type"] == "partial" and recording_at and time.monotonic() - recording_at > 4:
            break
    assert recording_at is not None
    killed_after = time.monotonic() - recording_at
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)

    listing = subprocess.run(
        [sys.executable, "-m", "simulator", "sessions", "list", "--json"],
        env=app_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listing.returncode == 0, listing.stderr
    assert "recovered" in listing.stderr
    sessions = json.loads(listing.stdout)
    assert sessions[0]["status"] == "recovered"
    store = Store(DataLayout(hotseat_home).db_path)
    session = store.get_session(sessions[0]["id"])
    store.close()
    assert session is not None
    answer = session["answers"][0]
    # Everything up to about a second before the kill is kept.
    assert killed_after - 1.2 <= answer["duration_s"] <= killed_after + 0.5
    assert "project" in answer["transcript"] or "talking" in answer["transcript"]


def test_no_microphone_exits_2_with_one_line(hotseat_home: Path, tmp_path: Path) -> None:
    (hotseat_home / "packs").mkdir(parents=True, exist_ok=True)
    from tests.e2e.conftest import E2E_PACK

    (hotseat_home / "packs" / "e2e.toml").write_text(E2E_PACK)
    env = {
        **os.environ,
        **isolated_client_env(tmp_path / "nopulse"),
        "HOTSEAT_HOME": str(hotseat_home),
    }
    env.pop("PULSE_SERVER", None)
    result = subprocess.run(
        [*PRACTICE, "--engine", "pocketsphinx"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "microphone" in lines[0].lower()
    assert "Traceback" not in result.stderr
