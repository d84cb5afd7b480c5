"""A scripted candidate for pressure-mode end-to-end tests, and how to find a sound in a WAV.

``ScriptedCandidate`` speaks sentences (WAV files) into the virtual microphone one after the
other. It reads the ``hotseat practice --events jsonl`` lines: when ``interruption_started``
arrives it stops talking at once (its player is killed), and it resumes with the next
sentence ``resume_after_s`` after ``interruption_ended``. ``find_sound`` places a known
sound (the interviewer's rendered line) in a longer recording by normalised
cross-correlation, which also says how well it matches there.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import soundfile
import soxr

from tests.support.virtual_mic import VirtualMic

RATE = 16000


class ScriptedCandidate:
    """Speaks ``sentences`` in order on its own thread, yielding to the interviewer."""

    def __init__(self, mic: VirtualMic, sentences: list[Path], resume_after_s: float) -> None:
        self.mic = mic
        self.sentences = list(sentences)
        self.resume_after_s = resume_after_s
        self.resumed_at: list[float] = []  # monotonic time each resumption began
        self._paused = threading.Event()
        self._resume_at = 0.0
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._speak_all, daemon=True)
        self._stopped = threading.Event()
        self.done = threading.Event()

    def start(self) -> None:
        if not self._thread.is_alive() and not self.done.is_set():
            self._thread.start()

    def on_event(self, event: dict[str, object]) -> None:
        if event["type"] == "interruption_started":
            self._paused.set()
        elif event["type"] == "interruption_ended":
            with self._lock:
                self._resume_at = time.monotonic() + self.resume_after_s
                self.resumed_at.append(self._resume_at)
            self._paused.clear()

    def stop(self) -> None:
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join(timeout=30)

    def _speak_all(self) -> None:
        try:
            for sentence in self.sentences:
                while not self._stopped.is_set():
                    with self._lock:
                        wait = self._resume_at - time.monotonic()
                    if not self._paused.is_set() and wait <= 0:
                        break
                    time.sleep(0.005)
                if self._stopped.is_set():
                    return
                player = self.mic.speak(sentence, block=False)
                assert player is not None
                while player.poll() is None:
                    if self._paused.is_set() or self._stopped.is_set():
                        player.kill()  # the candidate stops mid-sentence
                        break
                    time.sleep(0.005)
                player.wait(timeout=10)
        finally:
            self.done.set()


def read_16k(path: Path) -> np.ndarray:
    """Any WAV as mono float32 at 16 kHz."""
    samples, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    mono = samples.mean(axis=1)
    return soxr.resample(mono, rate, RATE) if rate != RATE else mono


def find_sound(recording: np.ndarray, sound: np.ndarray) -> tuple[float, float]:
    """Where ``sound`` best matches in ``recording`` (seconds from its start) and the
    normalised correlation there (1 = the same waveform, scaled)."""
    if len(recording) < len(sound):
        recording = np.concatenate([recording, np.zeros(len(sound) - len(recording))])
    size = 1 << int(np.ceil(np.log2(len(recording) + len(sound))))
    corr = np.fft.irfft(np.fft.rfft(recording, size) * np.conj(np.fft.rfft(sound, size)), size)
    corr = corr[: len(recording) - len(sound) + 1]
    energy = np.concatenate([[0.0], np.cumsum(recording.astype(np.float64) ** 2)])
    window = np.sqrt(np.maximum(energy[len(sound) :] - energy[: -len(sound)], 1e-12))
    score = corr / (window * np.linalg.norm(sound) + 1e-12)
    best = int(np.argmax(score))
    return best / RATE, float(score[best])


def place_sound(
    recording: np.ndarray, sound: np.ndarray, piece_s: float = 0.5
) -> tuple[float, float]:
    """Where ``sound`` starts in ``recording``, from its pieces of ``piece_s`` placed one by
    one (the median), and the share of pieces that match there (score above 0.6, within
    20 ms). Pieces hold up where the whole does not: over a loopback the candidate's voice
    overlaps the line's first moments, and the sound server's resampling drifts a little."""
    piece = int(piece_s * RATE)
    starts = []
    for first in range(0, len(sound) - piece + 1, piece):
        at, score = find_sound(recording, sound[first : first + piece])
        starts.append((at - first / RATE, score))
    where = float(np.median([at for at, _ in starts]))
    good = sum(1 for at, score in starts if score > 0.6 and abs(at - where) <= 0.02)
    return where, good / len(starts)
