"""What proper resampling buys: Hotseat's libsoxr path against plain linear interpolation.

A microphone at 48 kHz is brought down to the 16 kHz the recognisers and the voice detector
use. Without a filter first, sound above 8 kHz (hiss, a fan, the top of every "s") folds back
into the speech band. Printed:

1. a 12 kHz tone recorded at 48 kHz, which should vanish at 16 kHz: what is left of it;
2. PocketSphinx's word error rate on speech recorded at 48 kHz with hiss above 8 kHz, each way
   (and on the same speech at 16 kHz with no hiss, for reference).

Run from the repository root: ``python -m benchmarks.resampling``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import jiwer
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from simulator.audio.resample import resample_pcm16
from simulator.audio.wav import read_audio_mono16
from simulator.speech.stt import RecognizerFactory

HIGH, LOW = 48000, 16000
SENTENCES = (
    "I split the work into small pieces and we met every morning to check progress.",
    "As a result we shipped two days early and cut support tickets by twenty percent.",
    "She suggested we test both designs first, so we built a small benchmark.",
)


def linear(pcm: bytes, rate: int, target: int) -> bytes:
    """The reference: interpolation with no anti-alias filter (what Hotseat did before)."""
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
    count = round(len(samples) * target / rate)
    out = np.interp(np.arange(count) * (rate / target), np.arange(len(samples)), samples)
    return np.clip(np.round(out), -32768, 32767).astype("<i2").tobytes()


def rms_db(pcm: bytes) -> float:
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64) / 32768.0
    return 20 * np.log10(np.sqrt(np.mean(samples**2)) + 1e-12)


def tone_test() -> None:
    t = np.arange(HIGH * 2) / HIGH
    tone = (0.5 * np.sin(2 * np.pi * 12000 * t) * 32767).astype("<i2").tobytes()
    print(f"12 kHz tone at 48 kHz: {rms_db(tone):.1f} dBFS")
    for name, method in (("linear", linear), ("libsoxr", resample_pcm16)):
        print(f"  left after {name:8} -> 16 kHz: {rms_db(method(tone, HIGH, LOW)):7.1f} dBFS")


def speech(folder: Path, text: str, index: int) -> tuple[bytes, bytes]:
    """flite speech at its own 16 kHz, and resampled to 48 kHz by sox with hiss above 8 kHz."""
    voice = folder / f"voice-{index}.wav"
    subprocess.run(
        ["flite", "-voice", "slt", "-t", text, "-o", str(voice)], check=True, capture_output=True
    )
    high = folder / f"high-{index}.wav"
    subprocess.run(
        ["sox", str(voice), "-r", str(HIGH), "-b", "16", str(high)], check=True, capture_output=True
    )
    clean, _ = read_audio_mono16(voice)
    samples = np.frombuffer(read_audio_mono16(high)[0], dtype="<i2").astype(np.float64)
    rng = np.random.default_rng(index)
    spectrum = np.fft.rfft(rng.normal(0, 1, len(samples)))
    spectrum[: int(len(spectrum) * 8000 / (HIGH / 2))] = 0  # hiss above 8 kHz only
    hiss = np.fft.irfft(spectrum, len(samples))
    hiss *= 0.5 * np.sqrt(np.mean(samples**2)) / np.sqrt(np.mean(hiss**2))  # 6 dB below speech
    return clean, np.clip(samples + hiss, -32768, 32767).astype("<i2").tobytes()


def recognise(factory: RecognizerFactory, pcm: bytes) -> str:
    recognizer = factory(LOW)
    block = LOW // 10 * 2
    for offset in range(0, len(pcm), block):
        recognizer.accept(pcm[offset : offset + block])
    return recognizer.finish().text


def speech_test() -> None:
    factory = RecognizerFactory("pocketsphinx")
    with tempfile.TemporaryDirectory() as tmp:
        clips = [speech(Path(tmp), text, i) for i, text in enumerate(SENTENCES)]
    results: dict[str, list[str]] = {
        "(16 kHz, no hiss)": [recognise(factory, clean) for clean, _ in clips],
        "linear": [recognise(factory, linear(high, HIGH, LOW)) for _, high in clips],
        "libsoxr": [recognise(factory, resample_pcm16(high, HIGH, LOW)) for _, high in clips],
    }
    truth = [" ".join(s.lower().replace(",", "").replace(".", "").split()) for s in SENTENCES]
    print("\nflite speech at 48 kHz with hiss above 8 kHz (6 dB below the speech):")
    for name, hyps in results.items():
        print(f"  PocketSphinx word error rate after {name:17}: {jiwer.wer(truth, hyps):.0%}")


if __name__ == "__main__":
    tone_test()
    speech_test()
