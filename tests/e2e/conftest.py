"""Fixtures for end-to-end runs: a virtual microphone, a small test pack, spoken answers.

``session_mic``, the one PulseAudio daemon, is in tests/conftest.py: tests/audio uses it too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from simulator.audio.devices import list_input_devices
from tests.support.speech_samples import flite_wav
from tests.support.virtual_mic import VirtualMic

# Short questions keep the interviewer's part brief; the answers are what is measured.
E2E_PACK = """[pack]
id = "e2e"
title = "End-to-end test pack"
language = "en"

[[questions]]
id = "teammate"
text = "Tell me about a teammate."
category = "collaboration"
framework = "STAR"
answer_seconds = [10, 20]

[[questions]]
id = "deadline"
text = "Tell me about a deadline."
category = "pressure"
framework = "STAR"
answer_seconds = [10, 20]
"""

# PocketSphinx recognises these word for word from the flite file itself, so a worse result
# end to end points at the audio path (the microphone, the WAV, the feeding), not the engine.
ANSWERS = [
    "i asked my teammate to explain her plan and then we tested both ideas together",
    "the team agreed to meet every morning and the project finished on time",
]


@pytest.fixture
def mic_in_process(session_mic: VirtualMic) -> Iterator[VirtualMic]:
    """Point this process's PortAudio at the virtual microphone (the window's tests record in
    the test process itself), and back at the real devices afterwards."""
    session_mic.apply_to_os_environ()
    list_input_devices(rescan=True)
    yield session_mic
    session_mic.restore_os_environ()
    list_input_devices(rescan=True)


@pytest.fixture
def app_env(session_mic: VirtualMic, hotseat_home: Path) -> dict[str, str]:
    """Environment for a child `hotseat` process: the virtual mic and the test data folder."""
    packs = hotseat_home / "packs"
    packs.mkdir(parents=True, exist_ok=True)
    (packs / "e2e.toml").write_text(E2E_PACK, encoding="utf-8")
    return {**os.environ, **session_mic.env, "HOTSEAT_HOME": str(hotseat_home)}


@pytest.fixture(scope="session")
def spoken_answers(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("answers")
    return [flite_wav(text, folder / f"answer{i}.wav") for i, text in enumerate(ANSWERS)]
