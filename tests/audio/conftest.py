"""Fixtures for the audio tests: spoken WAV files and the virtual microphone.

``virtual_mic`` is a thin wrapper around ``support.virtual_mic.VirtualMic`` so that it can move
to the root conftest unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support.speech_samples import espeak_wav, flite_wav
from support.virtual_mic import VirtualMic

from simulator.audio import devices

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
def virtual_mic() -> Iterator[VirtualMic]:
    """A running virtual microphone that this process records from and plays to."""
    mic = VirtualMic().start()
    try:
        mic.apply_to_os_environ()
        devices.list_input_devices(rescan=True)
        yield mic
    finally:
        mic.restore_os_environ()
        mic.stop()
        devices.list_input_devices(rescan=True)
