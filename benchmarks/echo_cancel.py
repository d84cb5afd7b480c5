"""Does an echo canceller help the candidate's transcript when the interviewer is heard?

A candidate (flite ``slt``, three sentences, 40 words) answers; the interviewer (flite
``rms``, 14 words) cuts in either over the second sentence (double talk) or after the answer
(alone). The interviewer reaches the microphone as from a small loudspeaker in a room: band
limited (200 Hz-5 kHz), driven into mild clipping, through a decaying room response (RT60
0.3 s) after an acoustic delay, at 6 dB under or as loud as the candidate's voice. PocketSphinx
transcribes: the candidate alone; the microphone as is; the microphone with the words inside
the played span left out (what the analysis does, ``core/analysis/left_out.py``); the output
of WebRTC's AEC3 (``pywebrtc-audio``, given the exact signal played, 10 ms blocks); and AEC3
with the span left out. Word error rate against the candidate's own words.

Run from the repository root: ``python -m benchmarks.echo_cancel`` (needs
``pip install pywebrtc-audio``, which Hotseat does not depend on: see docs/ANALYSIS.md).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.analysis.loopback import RATE, spoken
from tests.support.speech_samples import wer

CANDIDATE = (
    "I started by measuring where the time went on the checkout page",
    "most of it was spent waiting for the price service to answer",
    "so we cached the prices for a minute and the page loaded in half the time",
)
INTERVIEWER = "Hold on, why that approach and not another one? What was your part, specifically?"
GAP_S = 0.3


def _room(signal: np.ndarray, delay_s: float, rng: np.random.Generator) -> np.ndarray:
    """``signal`` as a microphone hears it from a small loudspeaker across a room."""
    length = round(0.4 * RATE)
    t = np.arange(length) / RATE
    response = rng.normal(size=length) * np.exp(-6.9 * t / 0.3) * 0.3
    response[0] = 1.0
    response = np.concatenate((np.zeros(round(delay_s * RATE)), response))
    size = len(signal) + len(response)
    freqs = np.fft.rfftfreq(size, 1 / RATE)
    spectrum = np.fft.rfft(signal, size) * np.fft.rfft(response, size)
    spectrum /= (1 + (200 / np.maximum(freqs, 1)) ** 2) * (1 + (freqs / 5000) ** 4)
    return np.tanh(2 * np.fft.irfft(spectrum, size)) / 2


def _rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(x[np.abs(x) > 1e-6] ** 2)))


def scene(
    clips: list[np.ndarray], asked: np.ndarray, echo_db: float, delay_s: float, overlap: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple[float, float]]:
    """(candidate alone, what was played, what the microphone heard, the played span)."""
    rng = np.random.default_rng(1)
    starts, t = [], 1.0
    for clip in clips:
        starts.append(t)
        t += len(clip) / RATE + GAP_S
    total = round((t + 6) * RATE)
    near = np.zeros(total)
    for start, clip in zip(starts, clips, strict=True):
        near[round(start * RATE) : round(start * RATE) + len(clip)] += clip
    at = starts[1] + 0.5 if overlap else t + 0.5
    far = np.zeros(total)
    far[round(at * RATE) : round(at * RATE) + len(asked)] = asked
    echo = _room(far, delay_s, rng)[:total]
    echo *= 10 ** (echo_db / 20) * _rms(np.concatenate(clips)) / _rms(echo)
    mic = near + echo + rng.normal(scale=1e-3, size=total)
    return near, far, mic, (at, at + len(asked) / RATE)


def _pcm(x: np.ndarray) -> np.ndarray:
    return (np.clip(x, -1, 1) * 32767).astype(np.int16)


def cancel(mic: np.ndarray, far: np.ndarray) -> np.ndarray:
    from pywebrtc_audio import EchoCanceller

    canceller = EchoCanceller(sample_rate=RATE)
    near, played = _pcm(mic), _pcm(far)
    block = RATE // 100
    out = [
        canceller.process(near[i : i + block], played[i : i + block])
        for i in range(0, len(near) - block + 1, block)
    ]
    return np.concatenate(out).astype(np.float64) / 32768


class Sphinx:
    def __init__(self) -> None:
        from pocketsphinx import Decoder

        self.decoder = Decoder(loglevel="FATAL")

    def words(self, audio: np.ndarray) -> list[tuple[str, float]]:
        self.decoder.start_utt()
        self.decoder.process_raw(_pcm(audio).tobytes(), full_utt=True)
        self.decoder.end_utt()
        return [
            (s.word.split("(")[0], (s.start_frame + s.end_frame) / 200)
            for s in self.decoder.seg()
            if not s.word.startswith(("<", "[")) and s.word != "<sil>"
        ]


def _text(words: list[tuple[str, float]], leave_out: tuple[float, float] | None = None) -> str:
    if leave_out is None:
        return " ".join(w for w, _ in words)
    a, b = leave_out
    return " ".join(w for w, mid in words if not a - 0.05 <= mid <= b + 0.1)


def main() -> int:
    try:
        import pywebrtc_audio  # noqa: F401
    except ImportError:
        print("echo_cancel: pip install pywebrtc-audio first", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="echo-cancel-"))
    clips = [spoken(text, folder / f"c{k}.wav") for k, text in enumerate(CANDIDATE)]
    asked = spoken(INTERVIEWER, folder / "asked.wav", voice="rms")
    reference = " ".join(CANDIDATE)
    sphinx = Sphinx()
    print("interviewer  echo  delay | clean  mic  mic-left-out  aec  aec-left-out | ERLE  aec time")
    for overlap in (True, False):
        for echo_db in (-6.0, 0.0):
            for delay_s in (0.02, 0.15):
                near, far, mic, span = scene(clips, asked, echo_db, delay_s, overlap)
                began = time.perf_counter()
                cleaned = cancel(mic, far)
                took = time.perf_counter() - began
                heard, after = sphinx.words(mic), sphinx.words(cleaned)
                rates = [
                    wer(reference, _text(sphinx.words(near))),
                    wer(reference, _text(heard)),
                    wer(reference, _text(heard, span)),
                    wer(reference, _text(after)),
                    wer(reference, _text(after, span)),
                ]
                part = slice(round(span[0] * RATE), round(span[1] * RATE))
                n = min(len(cleaned), len(near))
                residual = np.mean((cleaned[:n] - near[:n])[part] ** 2)
                erle = 10 * np.log10(np.mean((mic - near)[part] ** 2) / max(residual, 1e-12))
                print(
                    f"{'over talk' if overlap else 'alone':11}  {echo_db:+.0f} dB  {delay_s:.2f} s"
                    f" | {'  '.join(f'{r:.3f}' for r in rates)} | {erle:5.1f} dB  {took:.2f} s"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
