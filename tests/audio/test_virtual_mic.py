"""Recording and playback through the virtual microphone (an isolated PulseAudio daemon)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from support.virtual_mic import VirtualMic

from simulator.audio import devices
from simulator.audio.errors import DeviceLostError, NoMicrophoneError
from simulator.audio.input import InputStream, Microphone
from simulator.audio.output import Speaker
from simulator.audio.vad import VoiceDetector, voiced_spans
from simulator.audio.wav import read_audio_mono16, wav_duration


def record_while(stream: InputStream, speaking: subprocess.Popen[bytes], after_s: float) -> bytes:
    """Everything recorded until ``speaking`` ended, plus ``after_s`` seconds of audio."""
    blocks: list[bytes] = []
    extra_bytes: int | None = None
    while extra_bytes is None or extra_bytes < after_s * stream.sample_rate * 2:
        block = stream.read(timeout=3.0)
        assert block is not None, "the virtual microphone stopped delivering"
        blocks.append(block)
        if extra_bytes is None and speaking.poll() is not None:
            extra_bytes = 0
        elif extra_bytes is not None:
            extra_bytes += len(block)
    return b"".join(blocks)


def test_devices_are_listed_and_resolved(virtual_mic: VirtualMic) -> None:
    inputs = devices.list_input_devices(rescan=True)
    assert {"pulse", "default"} <= {device.name for device in inputs}
    default = devices.resolve_input(None)
    assert default.is_default and default.name == "default"
    assert devices.resolve_input("pulse").name == "pulse"
    assert devices.resolve_input("PUL").name == "pulse"
    assert devices.resolve_input(default.index) == default
    assert devices.resolve_output(None).name == "default"
    with pytest.raises(NoMicrophoneError, match="'USB Headset' was not found; available: 'pulse'"):
        devices.resolve_input("USB Headset")


@pytest.mark.slow
def test_recording_captures_what_is_spoken_into_the_mic(
    virtual_mic: VirtualMic, flite_speech: Path
) -> None:
    with Microphone().open() as stream:
        assert (stream.sample_rate, stream.device_name) == (16000, "default")
        speaking = virtual_mic.speak(flite_speech, block=False)
        assert speaking is not None
        recorded = record_while(stream, speaking, after_s=0.5)
        assert stream.overflows == 0

    played, _ = read_audio_mono16(flite_speech, 16000)
    detector = VoiceDetector(16000)
    assert any(detector.feed(recorded[i : i + 3200]) for i in range(0, len(recorded), 3200))
    recorded_s = len(recorded) / 32000
    # Recording starts just before paplay and runs 0.5 s after it: about the file + 0.5 s.
    assert recorded_s == pytest.approx(wav_duration(flite_speech) + 0.5, abs=0.4)
    spoken = voiced_spans(recorded, 16000)
    original = voiced_spans(played, 16000)
    assert len(spoken) == len(original) == 1
    assert spoken[0][1] - spoken[0][0] == pytest.approx(original[0][1] - original[0][0], abs=0.1)


@pytest.mark.slow
def test_speaker_plays_a_file_to_the_end(virtual_mic: VirtualMic, espeak_speech: Path) -> None:
    duration = wav_duration(espeak_speech)
    started = time.monotonic()
    played = Speaker().play(espeak_speech)
    elapsed = time.monotonic() - started
    assert played == pytest.approx(duration, abs=0.01)
    # Really drained: play() does not return before the sound could have been heard.
    assert duration - 0.1 <= elapsed <= duration + 1.0


def test_should_stop_cuts_playback_short(virtual_mic: VirtualMic, espeak_speech: Path) -> None:
    started = time.monotonic()
    played = Speaker().play(espeak_speech, should_stop=lambda: time.monotonic() - started > 0.3)
    elapsed = time.monotonic() - started
    assert elapsed < 0.6
    assert 0.1 < played < 0.5


def test_playback_from_an_offset_reports_its_position(
    virtual_mic: VirtualMic, espeak_speech: Path
) -> None:
    finished: list[bool] = []
    playback = Speaker().start(
        espeak_speech, start_s=1.5, on_finished=lambda: finished.append(True)
    )
    assert playback.is_playing
    assert playback.duration_s == pytest.approx(wav_duration(espeak_speech), abs=0.01)
    assert playback.position_s >= 1.5
    playback.stop()
    assert playback.wait(timeout=2.0)
    assert not playback.is_playing and not playback.failed
    assert finished == [True]
    assert 1.5 <= playback.position_s < 2.0
    playback.stop()  # idempotent


@pytest.mark.slow
def test_killing_the_sound_server_mid_recording_raises_device_lost() -> None:
    with VirtualMic() as mic:
        mic.apply_to_os_environ()
        devices.list_input_devices(rescan=True)
        with Microphone().open() as stream:
            assert stream.read(timeout=3.0) is not None
            mic.kill()
            killed = time.monotonic()
            with pytest.raises(DeviceLostError, match="stopped working"):
                while time.monotonic() - killed < 10:
                    stream.read(timeout=0.5)
            assert time.monotonic() - killed < 3.0
            started = time.monotonic()
        assert time.monotonic() - started < 0.5  # close is prompt on a dead device
    devices.list_input_devices(rescan=True)


@pytest.mark.slow
def test_a_frozen_sound_server_is_caught_by_the_read_watchdog() -> None:
    with VirtualMic() as mic:
        mic.apply_to_os_environ()
        devices.list_input_devices(rescan=True)
        stream = Microphone().open()
        assert stream.read(timeout=3.0) is not None
        assert mic.pid is not None
        os.kill(mic.pid, signal.SIGSTOP)
        try:
            frozen = time.monotonic()
            with pytest.raises(DeviceLostError):
                while time.monotonic() - frozen < 10:
                    stream.read(timeout=0.5)
            assert time.monotonic() - frozen < 3.0
            started = time.monotonic()
            stream.close()  # PortAudio's close blocks here; it must not block the caller
            assert time.monotonic() - started < 1.5
        finally:
            os.kill(mic.pid, signal.SIGCONT)
    devices.list_input_devices(rescan=True)
