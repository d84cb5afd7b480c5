"""Microphone input: opening the configured device and reading mono int16 blocks from it.

The PortAudio callback runs on a real-time thread, so it only copies each block onto a queue
and counts overflows; everything else (down-mixing, watching for a dead device) happens in
``InputStream.read`` on the caller's thread.

A device that disappears mid-recording shows up in one of three ways, all turned into
``DeviceLostError`` by ``read``: PortAudio ends the stream (checked: with the ALSA ``pulse``
device, killing PulseAudio ends the stream within a block), the stream reports an error, or
blocks stop arriving although the stream claims to be active (the watchdog).
"""

from __future__ import annotations

import queue
import threading
import time
from typing import Any

from simulator.audio import devices
from simulator.audio.devices import Device
from simulator.audio.errors import DeviceLostError, NoMicrophoneError
from simulator.core.closing import Closing

#: No block for this long while the stream claims to be running means the device is gone.
WATCHDOG_S = 2.0
#: The first block may take longer: a PulseAudio null-sink monitor (the virtual microphone)
#: delivers its first block up to 2 s after the stream starts (measured here), then every 0.1 s.
FIRST_BLOCK_S = 5.0
_POLL_S = 0.05


def _capture_time(time_info: Any, frames: int, rate: int) -> float:
    """When a callback's first frame was captured; hosts that leave the ADC time at 0 get the
    estimate "now minus the block's length"."""
    adc = float(time_info.inputBufferAdcTime)
    return adc if adc > 0 else float(time_info.currentTime) - frames / rate


class InputStream(Closing):
    """A started recording stream delivering mono int16 PCM blocks."""

    def __init__(self, device: Device, sample_rate: int, channels: int, block_s: float) -> None:
        sd = devices.sounddevice()
        self.sample_rate = sample_rate
        self.device_name = device.name
        self.channels = channels
        self.overflows = 0
        #: PortAudio stream time at which the first sample ``read`` returns was captured (the
        #: ADC time of the first callback's block): the origin of the recording clock, so that
        #: played sounds (``mixer.Sound.span_s``) can be placed on it. None until it arrives.
        self.first_sample_time: float | None = None
        self._queue: queue.Queue[bytes] = queue.Queue()
        self._finished = threading.Event()
        self._closed = False
        self._close_lock = threading.Lock()
        self._stream: Any = sd.RawInputStream(
            samplerate=sample_rate,
            blocksize=max(1, int(sample_rate * block_s)),
            device=device.index,
            channels=channels,
            dtype="int16",
            callback=self._callback,
            finished_callback=self._finished.set,
        )
        devices.stream_opened()
        try:
            self._stream.start()
        except sd.PortAudioError:
            self._closed = True
            devices.close_stream(self._stream, f"microphone {device.name}")
            raise
        self._last_block = time.monotonic()
        self._got_block = False

    def _callback(self, indata: Any, frames: int, time_info: Any, status: Any) -> None:
        if status.input_overflow:
            self.overflows += 1
        if self.first_sample_time is None:
            self.first_sample_time = _capture_time(time_info, frames, self.sample_rate)
        self._queue.put(bytes(indata))

    def _mono(self, block: bytes) -> bytes:
        if self.channels == 1:
            return block
        # Imported here: the window checks the microphone at start, and numpy (16 MiB with
        # the rest of the audio stack) would then stay in its idle process.
        import numpy as np

        samples = np.frombuffer(block, dtype="<i2").reshape(-1, self.channels)
        return samples.mean(axis=1).round().astype("<i2").tobytes()

    def _lost(self) -> DeviceLostError:
        return DeviceLostError(
            f"The microphone '{self.device_name}' stopped working (was it unplugged or disabled?)."
        )

    def _check_alive(self) -> None:
        # Under the close lock: asking a stream that another thread just closed is unsafe.
        with self._close_lock:
            if self._closed:
                return
            if self._finished.is_set() or not self._stream.active:
                raise self._lost()
            allowed = WATCHDOG_S if self._got_block else FIRST_BLOCK_S
            if time.monotonic() - self._last_block > allowed:
                raise self._lost()

    def read(self, timeout: float) -> bytes | None:
        """The next block of mono int16 PCM; None if none came within ``timeout`` seconds.

        Blocks recorded before a failure are still returned first; then ``DeviceLostError``.
        After ``close`` it returns what was still queued, then None.
        """
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            try:
                block = self._queue.get(timeout=max(0.0, min(_POLL_S, remaining)))
            except queue.Empty:
                self._check_alive()
                if remaining <= 0:
                    return None
                continue
            self._last_block = time.monotonic()
            self._got_block = True
            return self._mono(block)

    def close(self) -> None:
        """Stop recording and release the device; safe to call twice and from any thread.

        Returns within about a second even when the sound server hangs (see
        ``devices.close_stream``).
        """
        with self._close_lock:
            if self._closed:
                return
            self._closed = True
        devices.close_stream(self._stream, f"microphone {self.device_name}")


class Microphone:
    """The configured input device (``None`` = system default, or a name or index)."""

    def __init__(
        self, device: str | int | None = None, preferred_rate: int = 16000, block_s: float = 0.1
    ) -> None:
        self.device = device
        self.preferred_rate = preferred_rate
        self.block_s = block_s

    def check(self) -> Device:
        """Rescan the devices and return the one to use; ``NoMicrophoneError`` if none."""
        devices.list_input_devices(rescan=True)
        return devices.resolve_input(self.device)

    def _settings(self, device: Device) -> tuple[int, int]:
        """(rate, channels): 16 kHz mono where the device allows, else its own rate or stereo."""
        sd = devices.sounddevice()
        rates = [self.preferred_rate]
        if int(device.default_rate) not in rates and device.default_rate > 0:
            rates.append(int(device.default_rate))
        for channels in (1, 2):
            for rate in rates:
                try:
                    sd.check_input_settings(
                        device=device.index, samplerate=rate, channels=channels, dtype="int16"
                    )
                except (sd.PortAudioError, ValueError):
                    continue
                return rate, channels
        raise NoMicrophoneError(
            f"The microphone '{device.name}' does not accept 16-bit recording at "
            f"{' or '.join(f'{r} Hz' for r in rates)}; choose another one in the settings."
        )

    def open(self) -> InputStream:
        """Open and start a recording stream; ``NoMicrophoneError`` if that is impossible."""
        device = self.check()
        rate, channels = self._settings(device)
        sd = devices.sounddevice()
        try:
            return InputStream(device, rate, channels, self.block_s)
        except sd.PortAudioError as error:
            raise NoMicrophoneError(
                f"The microphone '{device.name}' could not be opened ({error})."
            ) from None
