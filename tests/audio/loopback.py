"""Helpers to hear what the mixer played: the speaker routed into the virtual microphone.

``speaker_into_mic`` loads a PulseAudio loopback from ``speaker.monitor`` into ``mic_feed``,
as loudspeakers heard by the microphone would be. Its own buffer (``LOOPBACK_MS``) is a delay a
real room does not have (sound crosses a desk in about 2 ms), so alignment checks allow for it.
``MicRecorder`` records through the app's own ``Microphone`` on a thread, as the runner does;
``MonitorRecorder`` records the speaker directly with ``parec`` (what was played, unmixed by
the room). Used by tests/audio/test_mixer_e2e.py and benchmarks/cutin_latency.py.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from simulator.audio.input import InputStream, Microphone

#: The loopback's buffer: PulseAudio's module-loopback accepts this little on null sinks.
LOOPBACK_MS = 10
MONITOR_RATE = 44100


@contextmanager
def speaker_into_mic(env: dict[str, str]) -> Iterator[None]:
    """While inside, everything played to ``speaker`` also reaches the microphone."""
    run_env = {**os.environ, **env}
    loaded = subprocess.run(
        [
            "pactl",
            "load-module",
            "module-loopback",
            "source=speaker.monitor",
            "sink=mic_feed",
            f"latency_msec={LOOPBACK_MS}",
        ],
        env=run_env,
        capture_output=True,
        text=True,
        check=True,
        timeout=10,
    )
    try:
        yield
    finally:
        subprocess.run(
            ["pactl", "unload-module", loaded.stdout.strip()], env=run_env, check=True, timeout=10
        )


class MicRecorder:
    """Reads the microphone on a thread until ``stop``; ``pcm`` is what the WAV would hold."""

    def __init__(self, microphone: Microphone | None = None) -> None:
        self.stream: InputStream = (microphone or Microphone()).open()
        self._blocks: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="mic-recorder", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            block = self.stream.read(timeout=0.5)
            if block:
                self._blocks.append(block)

    def recorded_s(self) -> float:
        return sum(len(block) for block in self._blocks) / 2 / self.stream.sample_rate

    def wait_for_audio(self, seconds: float, timeout: float = 10.0) -> None:
        """Block until at least ``seconds`` have been recorded (the first block can be slow)."""
        deadline = time.monotonic() + timeout
        while self.recorded_s() < seconds and time.monotonic() < deadline:
            time.sleep(0.02)
        assert self.recorded_s() >= seconds, "the microphone delivered no sound"

    def stop(self) -> np.ndarray:
        self._stop.set()
        self._thread.join(timeout=5)
        self.stream.close()
        return np.frombuffer(b"".join(self._blocks), dtype="<i2").astype(np.float64) / 32768


class MonitorRecorder:
    """``parec`` of ``speaker.monitor`` (mono, 44.1 kHz) into a raw file until ``stop``."""

    def __init__(self, env: dict[str, str], path: Path) -> None:
        self.path = path
        self._file = path.open("wb")
        self._process = subprocess.Popen(
            [
                "parec",
                "--device=speaker.monitor",
                "--format=s16le",
                "--channels=1",
                f"--rate={MONITOR_RATE}",
                "--latency-msec=20",
            ],
            env={**os.environ, **env},
            stdout=self._file,
            stderr=subprocess.DEVNULL,
        )

    def stop(self) -> np.ndarray:
        self._process.terminate()  # our own child, by its handle
        self._process.wait(timeout=10)
        self._file.close()
        return np.fromfile(self.path, dtype="<i2").astype(np.float64) / 32768


def tone(freq: float, seconds: float, rate: int, amplitude: float = 0.5) -> np.ndarray:
    """A sine burst with 2 ms ramps (no click, so its edges are where the tone is)."""
    t = np.arange(int(seconds * rate)) / rate
    ramp = np.minimum(1.0, np.minimum(t, seconds - t) / 0.002)
    return (amplitude * np.sin(2 * np.pi * freq * t) * ramp).astype(np.float32)


def envelope(samples: np.ndarray, rate: int, frame_s: float = 0.005) -> np.ndarray:
    size = max(1, int(rate * frame_s))
    frames = samples[: len(samples) // size * size].reshape(-1, size)
    return np.sqrt((frames**2).mean(axis=1))


def loud_spans(
    samples: np.ndarray, rate: int, threshold: float, gap_s: float = 0.15, frame_s: float = 0.005
) -> list[tuple[float, float]]:
    """(start, end) seconds of each stretch whose 5 ms RMS is above ``threshold``; stretches
    closer than ``gap_s`` are one."""
    loud = np.nonzero(envelope(samples, rate, frame_s) > threshold)[0]
    spans: list[tuple[float, float]] = []
    for index in loud:
        start, end = index * frame_s, (index + 1) * frame_s
        if spans and start - spans[-1][1] <= gap_s:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def locate(recording: np.ndarray, reference: np.ndarray, rate: int) -> tuple[float, float]:
    """Where ``reference`` best matches in ``recording`` (seconds) and the normalised score."""
    size = 1 << int(np.ceil(np.log2(len(recording) + len(reference))))
    product = np.fft.rfft(recording, size) * np.conj(np.fft.rfft(reference, size))
    correlation = np.fft.irfft(product, size)[: len(recording) - len(reference) + 1]
    lag = int(np.argmax(correlation))
    window = recording[lag : lag + len(reference)]
    score = correlation[lag] / (np.linalg.norm(window) * np.linalg.norm(reference) + 1e-12)
    return lag / rate, float(score)


def band_level(samples: np.ndarray, rate: int, freq: float) -> float:
    """The amplitude of the ``freq`` Hz sine in ``samples`` (its projection on that frequency:
    exact at the frequency, unlike a windowed spectrum's nearest bin)."""
    t = np.arange(len(samples)) / rate
    return float(2 * np.abs(np.mean(samples * np.exp(-2j * np.pi * freq * t))))
