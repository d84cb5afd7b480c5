"""Busy office, end to end: each distraction sound is in the recording where it was logged.

With the speaker looped into the microphone (loudspeakers), every sound the drill played is
found in the saved answer, rendered again from its name and seed, within 0.1 s of the
``distraction`` event's ``answer_s``; and the analysis is told those spans.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import soxr

from simulator.audio.distractions import render
from simulator.session.pressure import distraction_seed
from tests.e2e.pressure_session import LAUNCH, STORY, run_pressure, sentences
from tests.support.scripted_candidate import RATE, ScriptedCandidate, place_sound, read_16k
from tests.support.virtual_mic import VirtualMic

pytestmark = pytest.mark.e2e

SEED = 9


def test_each_distraction_lands_in_the_recording_where_it_was_logged(
    app_env: dict[str, str], session_mic: VirtualMic, hotseat_home: Path, tmp_path: Path
) -> None:
    env = {**os.environ, **session_mic.env}
    loopback = subprocess.run(
        ["pactl", "load-module", "module-loopback", "source=speaker.monitor", "sink=mic_feed",
         "latency_msec=1"],
        env=env, capture_output=True, text=True, check=True, timeout=10,
    ).stdout.strip()  # fmt: skip
    try:
        # One sentence, then quiet: a sound under the candidate's louder voice cannot be
        # placed by correlation (the room sounds sit 3 to 20 dB below the voice).
        candidate = ScriptedCandidate(session_mic, sentences(tmp_path, STORY[:1]), 0.5)
        options = ["--drill", "busy-office", "--intensity", "3", "--seed", str(SEED)]
        # The drill spreads its distractions over the answer's limit: seed 9 plays four
        # sounds, one apart from another, all after the sentence (at 7.0 s to 26.5 s of 30 s;
        # a 40 s limit played the same four, only later, and took ten seconds more).
        limits = ["--end-silence", "0", "--answer-seconds", "30"]
        run = run_pressure(app_env, hotseat_home, candidate, LAUNCH, *options, *limits)
    finally:
        subprocess.run(["pactl", "unload-module", loopback], env=env, check=True, timeout=10)
    assert run.returncode == 0, run.stderr
    sounds = [e for e in run.of("distraction") if e["kind"] == "sound"]
    assert len(sounds) >= 2, run.of("distraction")
    wav = read_16k(run.answer_wav())
    for event in sounds:
        # Rendered as the app renders it (at its own rate), then as the microphone hears it.
        made = render(event["name"], distraction_seed(SEED, 0, event["name"]))
        samples = soxr.resample(made.samples, made.rate, RATE)
        at, matched = place_sound(wav, samples, piece_s=0.25)
        assert matched >= 0.8, (event["name"], matched)
        assert at == pytest.approx(event["answer_s"], abs=0.1), event
        assert event["duration_s"] == pytest.approx(made.duration_s, abs=0.05)
