"""A pressure session run end to end: ``hotseat practice --drill`` in a child process, a
scripted candidate at the virtual microphone, and the speaker's monitor recorded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.store import DataLayout, Store
from tests.support.scripted_candidate import ScriptedCandidate
from tests.support.speech_samples import flite_wav

PACK_HEAD = """[pack]
id = "pressure-e2e"
title = "Pressure end-to-end pack"
language = "en"

[[questions]]
"""
LAUNCH = (
    PACK_HEAD
    + """id = "launch"
text = "Tell me about a launch."
category = "pressure"
framework = "STAR"
answer_seconds = [30, 50]
"""
)
SLOW = (
    PACK_HEAD
    + """id = "slow"
text = "Our web app is slow. The search page takes seconds."
category = "problem-solving"
framework = "free"
answer_seconds = [30, 50]
clarifications = [
    "The team is four engineers and one designer.",
    "Mostly the search page. People say it takes several seconds to show results.",
]
"""
)

# What the candidate says, sentence by sentence (flite's voice, recognised near word for word).
STORY = [
    "i led the launch of a new billing page for our small shop last spring",
    "the old page lost orders whenever the payment service was slow to answer",
    "i wrote the retry logic and the tests and i planned the rollout in three steps",
    "after the launch the lost orders dropped from forty a week to two",
    "i learned to measure before and after every change i make",
]


@dataclass
class PressureRun:
    events: list[dict[str, Any]] = field(default_factory=list)
    stderr: str = ""
    returncode: int = 0
    session: dict[str, Any] | None = None
    layout: DataLayout | None = None

    def of(self, kind: str) -> list[dict[str, Any]]:
        return [e for e in self.events if e["type"] == kind]

    def answer_wav(self, index: int = 0) -> Path:
        assert self.session is not None and self.layout is not None
        return self.layout.absolute(self.session["answers"][index]["audio_path"])


def sentences(folder: Path, lines: list[str]) -> list[Path]:
    return [flite_wav(text, folder / f"line{i}.wav") for i, text in enumerate(lines)]


def run_pressure(
    env: dict[str, str], home: Path, candidate: ScriptedCandidate, pack: str, *extra: str
) -> PressureRun:
    """Run the one question of ``pack`` under ``extra`` (the drill's options); the candidate
    starts talking when the recording starts and hears every event."""
    packs = home / "packs"
    packs.mkdir(parents=True, exist_ok=True)
    (packs / "pressure-e2e.toml").write_text(pack, encoding="utf-8")
    command = [
        sys.executable, "-m", "simulator", "practice", "--no-gui", "--pack", "pressure-e2e",
        "--questions", "1", "--engine", "pocketsphinx", "--events", "jsonl", *extra,
    ]  # fmt: skip
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    run = PressureRun()
    for line in process.stdout:
        event = json.loads(line)
        run.events.append(event)
        candidate.on_event(event)
        if event["type"] == "recording_started":
            candidate.start()
        if event["type"] == "answer_ended":
            candidate.stop()
    run.returncode = process.wait(timeout=120)
    run.stderr = process.stderr.read() if process.stderr else ""
    candidate.stop()
    assert run.of("session_saved"), (run.returncode, run.stderr, run.events[-5:])
    layout = DataLayout(home)
    run.layout = layout
    with Store(layout.db_path) as store:
        run.session = store.get_session(run.of("session_saved")[-1]["session_id"])
    return run


def record_speaker(env: dict[str, str], path: Path) -> subprocess.Popen[bytes]:
    """What Hotseat plays, as the speaker sink's monitor hears it (16 kHz mono)."""
    return subprocess.Popen(
        [
            "parecord", "--device=speaker.monitor", "--rate=16000", "--channels=1",
            "--format=s16le", "--file-format=wav", "--latency-msec=20", str(path),
        ],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
