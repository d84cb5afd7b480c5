"""One always-open output that mixes several sounds at once and says when each was heard.

Pressure mode plays the interviewer's voice over distraction sounds while the microphone keeps
recording. ``output.Playback`` opens one stream per file with a 0.2 s buffer, which is fine
for a question read out before the answer but too slow to cut in (the issue asks for sound
within 50 ms of the decision) and cannot overlap two sounds. ``Mixer`` keeps one low-latency
``OutputStream`` running for the whole answer (silence when idle, so starting a sound never
waits for a stream to open), and its callback adds every active source, each with its gain.

Timing: the callback is told when its buffer will reach the DAC (``outputBufferDacTime``, on
PortAudio's stream clock). Each ``Sound`` records the DAC time of its first and last sample.
The microphone's ``InputStream.first_sample_time`` is the ADC time of the first recorded
sample on the same clock, so their difference places the sound on the answer's recording
clock (seconds from the first sample of the answer's WAV), the timeline of the word timings.
That holds while the recording drops no block (``InputStream.overflows`` stays 0) and while the
card's sample clock keeps to the system clock (about 100 ppm on poor hardware: 12 ms in a
two-minute answer).

The callback runs on PortAudio's real-time thread: it takes new sources from a queue, adds
arrays and writes a few floats; resampling, gain and conversion happen in ``play``.
"""

from __future__ import annotations

import math
import queue
import time
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import soxr

from simulator.audio import devices
from simulator.audio.errors import NoSpeakerError
from simulator.audio.wav import read_audio_mono16
from simulator.core.closing import Closing

#: Frames per callback, in seconds: a new sound waits at most this long for the next callback.
BLOCK_S = 0.005
#: Output buffer asked of PortAudio. 30 ms keeps a cut-in well inside the 50 ms budget and did
#: not underrun here under load (benchmarks/cutin_latency.py); PortAudio may round it up.
LATENCY_S = 0.03
_WAIT_POLL_S = 0.01

Samples = npt.NDArray[np.float32]


def as_float(samples: npt.ArrayLike) -> Samples:
    """Mono float32 in [-1, 1] from int16 or float samples (stereo is averaged)."""
    array = np.asarray(samples)
    scale = 1 / 32768 if array.dtype == np.int16 else 1.0
    floats = array.astype(np.float32) * np.float32(scale)
    if floats.ndim == 2:
        floats = floats.mean(axis=1, dtype=np.float32)
    return floats.astype(np.float32)


def read_source(wav: Path) -> tuple[npt.NDArray[np.int16], int]:
    """A WAV file (a rendered prompt) as mono int16 samples and its rate, ready for ``play``."""
    pcm, rate = read_audio_mono16(wav)
    return np.frombuffer(pcm, dtype="<i2").astype(np.int16), rate


def db_to_gain(level_db: float) -> float:
    """A level in dB (0 = unchanged) as a linear amplitude factor."""
    return float(10.0 ** (level_db / 20.0))


class Sound:
    """One source handed to the mixer: stop it, wait for it, or read when it was heard.

    ``start_time``/``end_time`` are the PortAudio stream times at which its first sample
    reached, and its last sample will reach, the DAC (None until known). ``end_time`` is set
    when the last sample is mixed, or at the block where ``stop`` took effect.
    """

    def __init__(self, name: str, samples: Samples, rate: int, decided_at: float) -> None:
        self.name = name
        self.rate = rate
        self.duration_s = len(samples) / rate
        #: PortAudio stream time when ``play`` was called: the decision to make this sound.
        self.decided_at = decided_at
        self.start_time: float | None = None
        self.end_time: float | None = None
        self.stopped = False
        self._samples = samples
        self._offset = 0
        self._stop_requested = False

    # -- used by the mixer's callback only --------------------------------------------------
    def _mix_into(self, out: Samples, dac_time: float) -> bool:
        """Add the next samples to ``out``; False once this sound is over."""
        if self._stop_requested:
            self.stopped = True
            self.end_time = dac_time if self.start_time is not None else None
            return False
        if self.start_time is None:
            self.start_time = dac_time
        chunk = self._samples[self._offset : self._offset + len(out)]
        out[: len(chunk)] += chunk
        self._offset += len(chunk)
        if self._offset >= len(self._samples):
            self.end_time = dac_time + len(chunk) / self.rate
            return False
        return True

    # -- public -----------------------------------------------------------------------------
    def stop(self) -> None:
        """Stop at the next block (what is already buffered, at most the latency, still plays)."""
        self._stop_requested = True

    @property
    def done(self) -> bool:
        """True once the mixer dropped this sound (finished or stopped)."""
        return self.end_time is not None or (self.stopped and self.start_time is None)

    def span_s(self, first_sample_time: float) -> tuple[float, float | None] | None:
        """(start_s, end_s) on a recording clock whose first sample was captured at
        ``first_sample_time`` (``InputStream.first_sample_time``); None before it was heard."""
        if self.start_time is None:
            return None
        end = None if self.end_time is None else self.end_time - first_sample_time
        return self.start_time - first_sample_time, end

    def latency_s(self) -> float | None:
        """Seconds from the decision (``play``) to the first sample at the DAC."""
        return None if self.start_time is None else self.start_time - self.decided_at


class Mixer(Closing):
    """The speaker as one running stream that mixes any number of ``Sound`` sources.

    Use ``with Mixer() as mixer:`` (or ``open``/``close``) around an answer; ``play`` returns
    at once. Output is mono duplicated to every channel the device needs.
    """

    def __init__(
        self,
        device: str | int | None = None,
        block_s: float = BLOCK_S,
        latency_s: float = LATENCY_S,
    ) -> None:
        self.device = device
        self.block_s = block_s
        self.requested_latency_s = latency_s
        self.sample_rate = 0
        self.channels = 0
        self.underflows = 0
        self._stream: Any = None
        self._incoming: queue.SimpleQueue[Sound] = queue.SimpleQueue()
        self._played: list[Sound] = []  # caller side only: what ``stop_all`` stops
        self._active: list[Sound] = []
        self._device_name = ""

    # -- lifecycle ---------------------------------------------------------------------------
    def open(self) -> Mixer:
        """Open and start the output at the device's own rate; ``NoSpeakerError`` if impossible."""
        sd = devices.sounddevice()
        device = devices.resolve_output(self.device)
        rate = int(device.default_rate) or 48000
        for channels in (1, 2):
            try:
                sd.check_output_settings(
                    device=device.index, samplerate=rate, channels=channels, dtype="float32"
                )
            except (sd.PortAudioError, ValueError):
                continue
            break
        else:
            raise NoSpeakerError(f"The speaker '{device.name}' does not accept sound at {rate} Hz.")
        try:
            self._stream = sd.OutputStream(
                samplerate=rate,
                blocksize=max(1, int(rate * self.block_s)),
                device=device.index,
                channels=channels,
                dtype="float32",
                latency=self.requested_latency_s,
                callback=self._callback,
            )
        except sd.PortAudioError as error:
            raise NoSpeakerError(
                f"The speaker '{device.name}' could not be opened ({error})."
            ) from None
        devices.stream_opened()
        self.sample_rate, self.channels, self._device_name = rate, channels, device.name
        try:
            self._stream.start()
        except sd.PortAudioError as error:
            self.close()
            raise NoSpeakerError(
                f"The speaker '{device.name}' could not start ({error})."
            ) from None
        return self

    def close(self) -> None:
        """Stop the output at once (sounds still playing end there); safe to call twice."""
        stream, self._stream = self._stream, None
        if stream is not None:
            devices.close_stream(stream, f"mixer {self._device_name}")

    def __enter__(self) -> Mixer:
        return self.open()

    # -- the real-time callback --------------------------------------------------------------
    def _callback(self, outdata: Any, frames: int, time_info: Any, status: Any) -> None:
        if status.output_underflow:
            self.underflows += 1
        while True:
            try:
                self._active.append(self._incoming.get_nowait())
            except queue.Empty:
                break
        mix = np.zeros(frames, dtype=np.float32)
        dac_time = float(time_info.outputBufferDacTime)
        self._active = [sound for sound in self._active if sound._mix_into(mix, dac_time)]
        np.clip(mix, -1.0, 1.0, out=mix)
        outdata[:] = mix[:, np.newaxis]

    # -- public ------------------------------------------------------------------------------
    @property
    def latency_s(self) -> float:
        """The output latency PortAudio reports for the open stream (seconds)."""
        return float(self._stream.latency) if self._stream is not None else math.nan

    def now(self) -> float:
        """The current PortAudio stream time, the clock of every ``Sound`` time."""
        if self._stream is None:
            raise NoSpeakerError("The mixer is not open.")
        return float(self._stream.time)

    def prepare(self, samples: npt.ArrayLike, rate: int, gain_db: float = 0.0) -> Samples:
        """``samples`` as the callback wants them: mono float32 at the mixer's rate, gain
        applied. Do it ahead of a cut-in (resampling a long clip takes milliseconds)."""
        mono = as_float(samples) * np.float32(db_to_gain(gain_db))
        if rate != self.sample_rate:
            mono = soxr.resample(mono, rate, self.sample_rate, quality="HQ")
        return np.ascontiguousarray(mono, dtype=np.float32)

    def play(
        self, samples: npt.ArrayLike, rate: int, gain_db: float = 0.0, name: str = ""
    ) -> Sound:
        """Start ``samples`` (at ``rate`` Hz) at the next block and return its ``Sound``.

        ``rate`` = ``sample_rate`` with float32 input from ``prepare`` skips all conversion.
        """
        decided_at = self.now()
        prepared = self.prepare(samples, rate, gain_db)
        sound = Sound(name, prepared, self.sample_rate, decided_at)
        self._incoming.put(sound)
        self._played = [played for played in self._played if not played.done] + [sound]
        return sound

    def play_file(self, wav: Path, gain_db: float = 0.0, name: str = "") -> Sound:
        """``play`` a WAV file (a rendered prompt); ``WavError`` if it cannot be read."""
        samples, rate = read_source(wav)
        return self.play(samples, rate, gain_db, name or wav.stem)

    def stop_all(self) -> None:
        """Stop every sound still playing (the answer ended, the user stopped the session)."""
        for sound in self._played:
            sound.stop()

    def wait(self, sound: Sound, timeout: float | None = None) -> bool:
        """Wait until ``sound``'s last sample has been heard; True if within ``timeout``."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while not (sound.done and (sound.end_time is None or self.now() >= sound.end_time)):
            if deadline is not None and time.monotonic() >= deadline:
                return False
            if self._stream is None or not self._stream.active:
                raise NoSpeakerError(f"The speaker '{self._device_name}' stopped working.")
            time.sleep(_WAIT_POLL_S)
        return True


__all__ = ["Mixer", "Sound", "as_float", "db_to_gain", "read_source"]
