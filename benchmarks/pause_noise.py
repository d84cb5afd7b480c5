"""Pauses found in noisy rooms: Hotseat's speech-band energy detector against WebRTC's VAD.

The generated evaluation answers (tests/analysis/evalset.py) with noise mixed in
(tests/analysis/noisy.py: white, pink, mains hum, typing clicks, at several signal-to-noise
ratios), pause labels moved to where the speech sinks below the noise. For each condition and
detector: the largest pause onset and length errors, and pauses missed or invented.

Run from the repository root: ``python -m benchmarks.pause_noise``.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.analysis_eval import pause_errors
from simulator.analysis_service import recording_spans
from simulator.audio.vad import voiced_spans
from simulator.audio.wav import read_audio_mono16
from simulator.core.analysis import analyze
from simulator.core.transcript import Transcript
from tests.analysis.evalset import SpokenAnswer, build_all
from tests.analysis.noisy import with_noise

CONDITIONS = [
    ("clean", 0.0), ("white", 30.0), ("white", 20.0), ("pink", 20.0), ("pink", 10.0),
    ("hum", 20.0), ("typing", 10.0),
]  # fmt: skip
Detector = Callable[[bytes, int], list[tuple[float, float]]]
DETECTORS: dict[str, Detector] = {
    "webrtc (mode 3)": lambda pcm, rate: voiced_spans(pcm, rate, 3, 10),
    "speech energy": recording_spans,
}


def score(answers: list[SpokenAnswer], detect: Detector) -> str:
    onsets, lengths, missed, extra = [], [], 0, 0
    for answer in answers:
        pcm, rate = read_audio_mono16(answer.path, 16000)
        report = analyze(Transcript(duration_s=answer.duration_s), detect(pcm, rate))
        o, ln, m, e = pause_errors(answer, report)
        onsets, lengths, missed, extra = onsets + o, lengths + ln, missed + m, extra + e
    worst = f"onset {max(onsets):.2f} s, length {max(lengths):.2f} s" if onsets else "-"
    return f"{worst:30} missed {missed:2}, invented {extra:2}"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        clean = build_all(folder / "clean")
        total = sum(len(a.pauses) for a in clean)
        print(f"{len(clean)} answers, {total} labelled pauses; worst errors over all of them\n")
        for kind, snr in CONDITIONS:
            answers = [a if kind == "clean" else with_noise(a, kind, snr, folder) for a in clean]
            label = "clean" if kind == "clean" else f"{kind} {snr:.0f} dB"
            for name, detect in DETECTORS.items():
                print(f"{label:14} {name:16} {score(answers, detect)}")


if __name__ == "__main__":
    main()
