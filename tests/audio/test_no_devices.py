"""With no sound server and no sound card (this machine's normal state) the user gets a clear
NoMicrophoneError / NoSpeakerError, never a PortAudio traceback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support.virtual_mic import PULSE_VARIABLES, isolated_client_env

from simulator.audio import devices
from simulator.audio.errors import AudioError, NoMicrophoneError, NoSpeakerError
from simulator.audio.input import Microphone
from simulator.audio.output import Speaker


@pytest.fixture
def no_sound_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """PulseAudio clients find no server (an empty XDG_RUNTIME_DIR, no autospawn)."""
    assert devices.open_stream_count() == 0, "a rescan is impossible while streams are open"
    for name in PULSE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in isolated_client_env(tmp_path).items():
        monkeypatch.setenv(name, value)
    devices.list_input_devices(rescan=True)
    yield
    monkeypatch.undo()
    devices.list_input_devices(rescan=True)


@pytest.mark.usefixtures("no_sound_server")
def test_no_microphone_is_reported_clearly(tmp_path: Path) -> None:
    assert devices.list_input_devices() == []
    assert devices.list_output_devices() == []
    with pytest.raises(NoMicrophoneError, match=r"^No microphone was found; connect one"):
        devices.resolve_input(None)
    with pytest.raises(NoMicrophoneError, match="No microphone was found"):
        Microphone().check()
    with pytest.raises(NoMicrophoneError, match="No microphone was found"):
        Microphone("USB").open()
    with pytest.raises(NoSpeakerError, match="No speaker was found"):
        devices.resolve_output(None)
    with pytest.raises(NoSpeakerError, match="No speaker was found"):
        Speaker().play(tmp_path / "never-read.wav")


def test_errors_are_audio_errors() -> None:
    for error in (NoMicrophoneError, NoSpeakerError):
        assert issubclass(error, AudioError)
