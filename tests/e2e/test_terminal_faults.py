"""Faults during a terminal session: SIGTERM, a microphone that goes away, a full disk.

Each ends the run with one clear line on stderr and an exit code a script can act on, and
keeps what was recorded.
"""

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

from simulator.store import DataLayout, Store
from tests.e2e.conftest import E2E_PACK
from tests.support.full_disk import fill, tiny_filesystem
from tests.support.speech_samples import flite_wav
from tests.support.virtual_mic import VirtualMic

pytestmark = pytest.mark.e2e

PRACTICE = [
    sys.executable, "-m", "simulator", "practice", "--no-gui", "--pack", "e2e",
    "--engine", "pocketsphinx", "--events", "jsonl", "--questions", "1", "--end-silence", "8",
]  # fmt: skip
LONG_ANSWER = (
    "i will keep talking for a while about the project we shipped last spring "
    "and the people who made it work and the lessons we learned along the way"
)


def start(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        PRACTICE,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )


def run_until_speaking(
    process: subprocess.Popen[str], mic: VirtualMic, answer: Path, seconds: float = 2.0
) -> list[dict[str, Any]]:
    """Events up to ``seconds`` into the recorded answer (the mic hears ``answer``)."""
    assert process.stdout is not None
    seen: list[dict[str, Any]] = []
    recording_at = None
    for line in process.stdout:
        event = json.loads(line)
        seen.append(event)
        if event["type"] == "recording_started":
            recording_at = time.monotonic()
            mic.speak(answer, block=False)
        if recording_at is not None and time.monotonic() - recording_at > seconds:
            return seen
    raise AssertionError(f"the session ended before the answer was under way: {seen}")


def rest_of(process: subprocess.Popen[str]) -> tuple[list[dict[str, Any]], list[str]]:
    out, err = process.communicate(timeout=90)
    return [json.loads(line) for line in out.splitlines()], err.strip().splitlines()


def rest_and_exit_lag(
    process: subprocess.Popen[str],
) -> tuple[list[dict[str, Any]], list[str], float]:
    """``rest_of``, and the seconds from the last event printed to the process's exit: closing
    the helpers and the interpreter (2.2 s after SIGTERM, 7.1 s after a full disk, when the
    helpers stopped one after another and the stderr filter waited out its time-out)."""
    assert process.stdout is not None and process.stderr is not None
    lines, last_event_at = [], time.monotonic()
    for line in process.stdout:  # stderr is one line: it cannot fill its pipe meanwhile
        lines.append(json.loads(line))
        last_event_at = time.monotonic()
    process.wait(timeout=90)
    lag = time.monotonic() - last_event_at
    return lines, process.stderr.read().strip().splitlines(), lag


@pytest.fixture
def long_answer(tmp_path: Path) -> Path:
    return flite_wav(LONG_ANSWER, tmp_path / "long.wav")


def test_sigterm_ends_the_session_with_one_line_and_keeps_the_answer(
    app_env: dict[str, str], session_mic: VirtualMic, hotseat_home: Path, long_answer: Path
) -> None:
    process = start(app_env)
    seen = run_until_speaking(process, session_mic, long_answer)
    process.send_signal(signal.SIGTERM)
    events, stderr, exit_lag = rest_and_exit_lag(process)
    assert process.returncode == 143
    assert exit_lag < 1.5, exit_lag  # measured 0.17 s (2.2 s before)
    assert stderr[-1:] == ["hotseat: stopped by SIGTERM; the session so far was saved"], stderr
    saved = [e for e in seen + events if e["type"] == "session_saved"]
    assert saved and saved[0]["status"] == "aborted" and saved[0]["answers"] == 1
    with Store(DataLayout(hotseat_home).db_path) as store:
        session = store.get_session(saved[0]["session_id"])
    assert session is not None and session["status"] == "aborted"
    assert session["answers"][0]["duration_s"] > 1.5


def test_a_microphone_lost_mid_answer_exits_1_with_one_line(
    hotseat_home: Path, long_answer: Path
) -> None:
    packs = hotseat_home / "packs"
    packs.mkdir(parents=True, exist_ok=True)
    (packs / "e2e.toml").write_text(E2E_PACK, encoding="utf-8")
    with VirtualMic() as mic:
        env = {**os.environ, **mic.env, "HOTSEAT_HOME": str(hotseat_home)}
        process = start(env)
        run_until_speaking(process, mic, long_answer)
        mic.kill()  # as an unplugged USB microphone vanishes
        events, stderr = rest_of(process)
    assert process.returncode == 1
    # One line: the reason, and no "Expression ... failed" lines from PortAudio's C code.
    assert len(stderr) == 1, stderr
    assert stderr[0].startswith("hotseat: The microphone stopped")
    assert "The answer so far is saved." in stderr[0]
    kinds = [e["type"] for e in events]
    assert "error" in kinds and "session_saved" in kinds


def test_a_full_disk_is_an_error_event_and_one_line(
    app_env: dict[str, str], session_mic: VirtualMic, long_answer: Path, tmp_path: Path
) -> None:
    with tiny_filesystem(tmp_path / "small", size="4m") as disk:
        home = disk / "home"
        (home / "packs").mkdir(parents=True)
        (home / "packs" / "e2e.toml").write_text(E2E_PACK, encoding="utf-8")
        process = start({**app_env, "HOTSEAT_HOME": str(home)})
        run_until_speaking(process, session_mic, long_answer, seconds=1.0)
        fill(disk)
        events, stderr, exit_lag = rest_and_exit_lag(process)
    assert exit_lag < 2.5, exit_lag  # measured 0.5-1.0 s (7.1 s before)
    errors = [e["message"] for e in events if e["type"] == "error"]
    assert errors, [e["type"] for e in events]
    # The recording or the database hits the full disk first, depending on timing.
    assert any("full" in message or "could not be written" in message for message in errors)
    assert process.returncode in (1, 2), (events, stderr)
    assert len(stderr) == 1 and stderr[0].startswith("hotseat: "), stderr
    assert stderr[0].removeprefix("hotseat: ") in errors
    assert "Traceback" not in "\n".join(stderr)
