"""Peak memory of ``hotseat transcribe`` and ``hotseat analyze`` on a short and a long recording.

A 3-hour recording once took 2.07 GB: it was read whole. Both commands now stream the file,
so the peak should be about the same at any length: this prints each command's peak resident
memory (maxrss of its process) and time for both lengths, and the ratio long/short, which
should stay near 1.0.

The recordings are flite speech repeated with pauses, as 44.1 kHz stereo (a common recorder
format, and the costliest to read whole). PocketSphinx decodes them, so the run takes about
as long as the audio on a busy machine.

Run from the repository root: ``python benchmarks/long_recording.py [SHORT_MIN LONG_MIN]``
(default 2 and 20 minutes).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
import soundfile
import soxr

from tests.support.peak_memory import run_hotseat
from tests.support.speech_samples import flite_wav

RATE = 44100
SPEECH = (
    "In my last role I led a small team through a difficult migration. We planned it in "
    "stages, and I made sure everyone knew what was at stake."
)


def write_speech(path: Path, minutes: float, clip: Path) -> Path:
    """``minutes`` of the clip then a second of quiet, over and over, written in blocks."""
    voice, rate = soundfile.read(str(clip), dtype="float32")
    voice = soxr.resample(voice, rate, RATE)
    rng = np.random.default_rng(5)
    unit = np.concatenate((voice, np.zeros(RATE, dtype=np.float32)))
    total = int(minutes * 60 * RATE)
    with soundfile.SoundFile(str(path), "w", RATE, 2, "PCM_16") as file:
        for first in range(0, total, len(unit)):
            block = unit[: min(len(unit), total - first)]
            block = block + rng.standard_normal(len(block)).astype(np.float32) * 1e-3
            file.write(np.column_stack((block, block)))
    return path


def measure(command: str, wav: Path) -> tuple[float, float]:
    began = time.perf_counter()
    run = run_hotseat(command, "--engine", "pocketsphinx", "--json", str(wav), timeout=6 * 3600)
    if run.code != 0:
        raise SystemExit(f"{command} failed: {run.err.strip()}")
    return run.peak_mb, time.perf_counter() - began


def main() -> None:
    short_min, long_min = (float(a) for a in sys.argv[1:3]) if len(sys.argv) > 2 else (2, 20)
    with tempfile.TemporaryDirectory() as folder:
        clip = flite_wav(SPEECH, Path(folder) / "clip.wav")
        files = {
            minutes: write_speech(Path(folder) / f"{minutes:g}min.wav", minutes, clip)
            for minutes in (short_min, long_min)
        }
        print(f"{'command':<12}{'audio':>8}{'peak MB':>10}{'time s':>9}")
        for command in ("transcribe", "analyze"):
            peaks = []
            for minutes, wav in files.items():
                peak, took = measure(command, wav)
                peaks.append(peak)
                print(f"{command:<12}{minutes:>6g} m{peak:>10.0f}{took:>9.0f}")
            print(f"{command:<12}{'ratio':>8}{peaks[1] / peaks[0]:>10.2f}")


if __name__ == "__main__":
    main()
