"""Playback of WAV files (questions, interruptions, replays) through an explicit output stream.

``sd.play`` is never used: it stops any other sounddevice stream, so it would cut a live
recording. Each ``Playback`` owns one ``RawOutputStream`` and one small watcher thread that
closes the stream when it ends and calls ``on_finished`` outside PortAudio's thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from simulator.audio import devices
from simulator.audio.devices import Device
from simulator.audio.errors import NoSpeakerError
from simulator.audio.mixer import Mixer
from simulator.audio.resample import resample_pcm16
from simulator.audio.wav import read_audio_mono16

#: The callback not running for this long while playing means the device is gone.
WATCHDOG_S = 2.0
#: Output buffer in seconds. PortAudio's own "high" latency for ALSA's pulse device is about
#: 35 ms, which underran here under load; 0.2 s is inaudible for prompts and abort() still
#: drops the buffer at once.
LATENCY_S = 0.2
_POLL_S = 0.05


class Playback:
    """One file being played; ``stop`` it, ``wait`` for it, or read its position."""

    def __init__(
        self,
        device: Device,
        pcm: bytes,
        rate: int,
        channels: int,
        start_s: float,
        on_finished: Callable[[], None] | None = None,
        speed: float = 1.0,
    ) -> None:
        sd = devices.sounddevice()
        self.device_name = device.name
        self.on_finished = on_finished
        # ``pcm`` was already played at ``speed`` (audio.stretch): one second of it is
        # ``speed`` seconds of the recording, which is the time positions are given in.
        self.speed = speed
        self.duration_s = len(pcm) / (2 * rate) * speed
        self.start_s = min(max(0.0, start_s), self.duration_s)
        self.failed = False
        self._played_s = 0.0
        self._sd = sd
        self._frame_bytes = 2 * channels
        first = int(self.start_s / speed * rate) * 2
        self._pcm = self._interleave(pcm[first:], channels)
        self._rate = rate
        self._offset = 0
        self._callbacks = 0
        self._complete = False
        self._stop_requested = threading.Event()
        self._first_callback_at = 0.0
        self._finished = threading.Event()
        self._done = threading.Event()
        self._stream: Any = sd.RawOutputStream(
            samplerate=rate,
            device=device.index,
            channels=channels,
            dtype="int16",
            latency=LATENCY_S,
            callback=self._callback,
            finished_callback=self._finished.set,
        )
        devices.stream_opened()
        self._started_at = time.monotonic()
        try:
            self._stream.start()
        except sd.PortAudioError:
            devices.close_stream(self._stream, f"speaker {device.name}")
            raise
        self._watcher = threading.Thread(target=self._watch, name="playback", daemon=True)
        self._watcher.start()

    @staticmethod
    def _interleave(pcm: bytes, channels: int) -> bytes:
        if channels == 1:
            return pcm
        return np.repeat(np.frombuffer(pcm, dtype="<i2"), channels).tobytes()

    def _callback(self, outdata: Any, frames: int, time_info: Any, status: Any) -> None:
        size = len(outdata)
        chunk = self._pcm[self._offset : self._offset + size]
        outdata[: len(chunk)] = chunk
        self._offset += len(chunk)
        if not self._callbacks:
            self._first_callback_at = time.monotonic()
        self._callbacks += 1
        if len(chunk) < size:
            outdata[len(chunk) :] = b"\0" * (size - len(chunk))
            self._complete = True
            raise self._sd.CallbackStop

    def _watch(self) -> None:
        seen, seen_at = -1, time.monotonic()
        while not self._finished.wait(_POLL_S * 5):
            if self._callbacks != seen:
                seen, seen_at = self._callbacks, time.monotonic()
            elif time.monotonic() - seen_at > WATCHDOG_S:
                break
        if self._complete:
            self._drain()
        self.failed = not (self._complete or self._stop_requested.is_set())
        self._played_s = self._consumed_s() if self._complete else self._heard_s()
        devices.close_stream(self._stream, f"speaker {self.device_name}")
        self._done.set()
        if self.on_finished is not None:
            self.on_finished()

    def _drain(self) -> None:
        """Wait until the last sample has been heard, not just handed over.

        PortAudio's ALSA host API ends the stream once PulseAudio took the last buffer, which
        was as early as the buffer latency before the end (measured), so the rest is waited out
        on the clock: the audio plays in real time from the first callback on.
        """
        latency = float(self._stream.latency)
        end = self._first_callback_at + self._consumed_s() + latency
        wait = min(end - time.monotonic(), latency + 0.1)
        if wait > 0:
            self._stop_requested.wait(wait)

    def _consumed_s(self) -> float:
        return self._offset / self._frame_bytes / self._rate

    def _heard_s(self) -> float:
        # What was handed to PortAudio runs ahead of the loudspeaker by the buffer latency;
        # the wall clock since the start does not, so the smaller of the two is the estimate.
        # The replay's word highlight follows it: within 26 ms of the sound through
        # PulseAudio (tests/e2e/test_replay_sync.py).
        return min(self._consumed_s(), time.monotonic() - self._started_at)

    @property
    def played_s(self) -> float:
        """Seconds of audio played so far (from ``start_s``)."""
        if self._done.is_set():
            return self._played_s
        return self._heard_s()

    @property
    def position_s(self) -> float:
        """Position in the file in seconds (``start_s`` + what was played, times the speed)."""
        return min(self.duration_s, self.start_s + self.played_s * self.speed)

    @property
    def is_playing(self) -> bool:
        return not self._done.is_set()

    def stop(self) -> None:
        """Stop at once (safe to call after the end, twice, and from any thread)."""
        self._stop_requested.set()
        # The watcher wakes up and closes the stream, which drops what is buffered at once.
        self._finished.set()
        if threading.current_thread() is not self._watcher:
            self._watcher.join(timeout=2.0)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the end of playback; True if it ended within ``timeout``."""
        return self._done.wait(timeout)


class PreparedSound:
    """A sound ready for the device, at a speed: ``start`` plays it from any moment at once
    (the replay page seeks by starting a new playback of the same prepared sound)."""

    def __init__(self, device: Device, pcm: bytes, rate: int, channels: int, speed: float) -> None:
        self.device = device
        self.pcm = pcm
        self.rate = rate
        self.channels = channels
        self.speed = speed
        self.duration_s = len(pcm) / (2 * rate) * speed  # in the recording's own seconds

    def start(
        self, start_s: float = 0.0, on_finished: Callable[[], None] | None = None
    ) -> Playback:
        """Play from ``start_s`` seconds into the recording; returns at once."""
        sd = devices.sounddevice()
        try:
            return Playback(
                self.device, self.pcm, self.rate, self.channels, start_s, on_finished, self.speed
            )
        except sd.PortAudioError as error:
            raise NoSpeakerError(
                f"The speaker '{self.device.name}' could not be opened ({error})."
            ) from None


class Speaker:
    """The configured output device (``None`` = system default, or a name or index)."""

    def __init__(self, device: str | int | None = None) -> None:
        self.device = device

    def check(self) -> Device:
        """Rescan the devices and return the one to use; ``NoSpeakerError`` if none."""
        devices.list_output_devices(rescan=True)
        return devices.resolve_output(self.device)

    def mixer(self) -> Mixer:
        """A ``Mixer`` on this device (not yet open): for sounds played while recording, which
        must start within 50 ms and overlap (pressure mode); ``play`` stays for prompts."""
        return Mixer(self.device)

    def _prepare(self, wav: Path, speed: float = 1.0) -> tuple[Device, bytes, int, int]:
        sd = devices.sounddevice()
        device = devices.resolve_output(self.device)
        pcm, rate = read_audio_mono16(wav)
        if speed != 1.0:
            # Stretched at the file's own rate (16 kHz for answers), before resampling to
            # the device's: a third of the work at 48 kHz (2 s instead of 6 s for 2 minutes).
            from simulator.audio.stretch import stretch_pcm16  # loads Rubber Band

            pcm = stretch_pcm16(pcm, rate, speed)
        device_rate = int(device.default_rate)
        for channels in (1, 2):
            for candidate in dict.fromkeys((rate, device_rate)):
                try:
                    sd.check_output_settings(
                        device=device.index,
                        samplerate=candidate,
                        channels=channels,
                        dtype="int16",
                    )
                except (sd.PortAudioError, ValueError):
                    continue
                return device, resample_pcm16(pcm, rate, candidate), candidate, channels
        raise NoSpeakerError(
            f"The speaker '{device.name}' does not accept 16-bit sound at {rate} or "
            f"{device_rate} Hz; choose another one in the settings."
        )

    def prepare(self, wav: Path, speed: float = 1.0) -> PreparedSound:
        """``wav`` read, converted for the device and, at a speed other than 1x, time-stretched
        with its pitch kept: slow for a long recording, so call it off the GUI thread."""
        device, pcm, rate, channels = self._prepare(wav, speed)
        return PreparedSound(device, pcm, rate, channels, speed)

    def start(
        self,
        wav: Path,
        start_s: float = 0.0,
        on_finished: Callable[[], None] | None = None,
    ) -> Playback:
        """Start playing ``wav`` from ``start_s`` and return at once."""
        return self.prepare(wav).start(start_s, on_finished)

    def play(
        self,
        wav: Path,
        should_stop: Callable[[], bool] = lambda: False,
        start_s: float = 0.0,
    ) -> float:
        """Play ``wav`` to the end or until ``should_stop()``; return the seconds played.

        ``should_stop`` is polled every 50 ms. ``NoSpeakerError`` if there is no usable output
        device or it fails during playback.
        """
        playback = self.start(wav, start_s)
        try:
            while not playback.wait(_POLL_S):
                if should_stop():
                    playback.stop()
                    break
        finally:
            if playback.is_playing:
                playback.stop()
        playback.wait()
        if playback.failed:
            raise NoSpeakerError(
                f"The speaker '{playback.device_name}' stopped working during playback."
            )
        return playback.played_s
