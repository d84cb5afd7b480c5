"""Fixtures for the audio tests: spoken WAV files and the virtual microphone.

``virtual_mic`` is the end-to-end tests' ``session_mic`` (one PulseAudio daemon for the run,
started once instead of twice), reset to its start-up state before each test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support.speech_samples import espeak_wav, flite_wav
from support.virtual_mic import VirtualMic

from simulator.audio import devices
from tests.support.pulse_state import PulseState, reset_pulse

SENTENCE_1 = "Tell me about a time you solved a hard problem at work."
SENTENCE_2 = "I rewrote the billing system and cut the errors in half."


@pytest.fixture(scope="session")
def speech_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("speech")


@pytest.fixture(scope="session")
def flite_speech(speech_dir: Path) -> Path:
    """A clear English sentence, 16 kHz mono (about 3.2 s)."""
    return flite_wav(SENTENCE_1, speech_dir / "sentence1.wav")


@pytest.fixture(scope="session")
def flite_speech_2(speech_dir: Path) -> Path:
    return flite_wav(SENTENCE_2, speech_dir / "sentence2.wav")


@pytest.fixture(scope="session")
def espeak_speech(speech_dir: Path) -> Path:
    """An English sentence at 22050 Hz, the rate of pyttsx3's files."""
    return espeak_wav("I have five years of experience with Python.", speech_dir / "espeak.wav")


@pytest.fixture(scope="session")
def startup_state(pulse_daemon: tuple[VirtualMic, PulseState]) -> PulseState:
    """What the shared daemon held when it started, before any test touched it."""
    return pulse_daemon[1]


@pytest.fixture
def virtual_mic(session_mic: VirtualMic, startup_state: PulseState) -> Iterator[VirtualMic]:
    """The run's one virtual microphone (tests/conftest.py), as it was when it started.

    Whatever an earlier test left in the daemon (a loopback module, a stream still playing
    into ``mic_feed`` or recording) is removed first, so this test's sinks are clean; then this
    process's PortAudio is pointed at it, and back at the real devices afterwards.
    """
    reset_pulse(session_mic.env, startup_state)
    session_mic.apply_to_os_environ()
    devices.list_input_devices(rescan=True)
    try:
        yield session_mic
    finally:
        session_mic.restore_os_environ()
        devices.list_input_devices(rescan=True)
