"""The virtual microphone shared by tests/audio and the end-to-end tests is reset per test."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from support.virtual_mic import VirtualMic

from tests.support.pulse_state import PulseState, reset_pulse


def test_what_a_test_leaves_in_the_daemon_is_gone_for_the_next(
    virtual_mic: VirtualMic, session_mic: VirtualMic, startup_state: PulseState, espeak_speech: Path
) -> None:
    assert virtual_mic is session_mic  # one daemon for the run, not one per folder
    env = virtual_mic.env
    assert PulseState.read(env) == startup_state  # this test starts clean
    assert startup_state.modules and not startup_state.audible_client_playbacks
    # Left behind as a failing test would: a loopback, and a voice still playing.
    subprocess.run(
        ["pactl", "load-module", "module-loopback", "source=speaker.monitor", "sink=mic_feed"],
        env={**os.environ, **env},
        capture_output=True,
        check=True,
        timeout=10,
    )
    playing = virtual_mic.speak(espeak_speech, block=False)
    assert playing is not None
    try:
        deadline = time.monotonic() + 10
        left = PulseState.read(env)
        while not left.audible_client_playbacks:
            assert time.monotonic() < deadline, "paplay never connected"
            left = PulseState.read(env)  # paplay connects in its own time
        assert len(left.modules) == len(startup_state.modules) + 1
        assert playing.poll() is None  # still playing: the reset has something to do
        reset_pulse(env, startup_state)
        assert PulseState.read(env) == startup_state
    finally:
        playing.kill()
        playing.wait(timeout=10)
