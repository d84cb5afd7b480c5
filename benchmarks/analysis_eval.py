"""How well answer analytics measures what was put into the labelled evaluation set.

Generates the set (tests/analysis/evalset.py: flite answers at three speeds with silences and
fillers in known places), transcribes each answer, analyses it and prints, per engine: pace
error (on the 20 s clips, and on whole answers of 68-92 s made by joining them), pause onset
and length error, filler precision and recall from audio (with and without the filler-aware
pass); then, on the hand-labelled transcripts, filler precision and recall and structure
precision, recall and F1 per part; and the time to analyse a two-minute answer.

Vosk: the only model installable here is Korean, which cannot recognise English fillers or
count English words, so it is not measured; with an English Vosk model, pass
``--vosk-model PATH``.

Run from the repository root: ``python -m benchmarks.analysis_eval [--speeds 1.0]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from simulator.analysis_service import analyze_recording
from simulator.core.analysis import analyze
from simulator.core.analysis.fillers import find_fillers
from simulator.core.analysis.structure import FRAMEWORK_PARTS, segment
from simulator.core.analysis.tokens import tokenize
from simulator.core.transcript import Transcript
from simulator.speech.stt import RecognizerFactory, transcribe_wav
from tests.analysis.evalset import (
    FILLER_SETS,
    SPEEDS,
    STRUCTURE_SETS,
    SpokenAnswer,
    build_all,
    build_long,
    even_transcript,
    filler_labels,
    overlap_ratio,
    precision_recall,
    structure_labels,
    timed,
)

FILLER_SLACK_S = 0.3  # a found filler counts if it starts within the labelled one +- this
PAUSE_MATCH_S = 0.5


def found_fillers(report: dict[str, Any]) -> list[float]:
    """Start times of everything reported as a filler or a likely filled pause."""
    starts = [f["start_s"] for f in report["fillers"]]
    return sorted(starts + [p["start_s"] for p in report["filled_pauses"]])


def filler_hits(answer: SpokenAnswer, starts: Sequence[float]) -> int:
    unused = list(starts)
    hits = 0
    for _text, a, b in answer.fillers:
        near = [s for s in unused if a - FILLER_SLACK_S <= s <= b + FILLER_SLACK_S]
        if near:
            unused.remove(near[0])
            hits += 1
    return hits


def pause_errors(
    answer: SpokenAnswer, report: dict[str, Any]
) -> tuple[list[float], list[float], int, int]:
    """Onset errors and length errors of the labelled pauses; missed and extra pauses."""
    found = [(p["start_s"], p["duration_s"]) for p in report["pauses"]]
    onsets, lengths, missed = [], [], 0
    for start, length in answer.pauses:
        near = [f for f in found if abs(f[0] - start) <= PAUSE_MATCH_S]
        if not near:
            missed += 1
            continue
        best = min(near, key=lambda f: abs(f[0] - start))
        found.remove(best)
        onsets.append(abs(best[0] - start))
        lengths.append(abs(best[1] - length))
    return onsets, lengths, missed, len(found)


def evaluate_engine(
    name: str, transcribe: Callable[[Path], Transcript], answers: Sequence[SpokenAnswer]
) -> dict[str, Any]:
    pace, artic, onsets, lengths = [], [], [], []
    missed = extra = 0
    counts = {"plain": [0, 0, 0], "pass": [0, 0, 0]}  # found, relevant, hits
    times = []
    for answer in answers:
        transcript = transcribe(answer.path)
        for mode, use_pass in (("plain", False), ("pass", True)):
            began = time.perf_counter()
            report = analyze_recording(
                answer.path, transcript, "STAR", (60, 120), filler_pass=use_pass
            )
            if use_pass:
                times.append(time.perf_counter() - began)
            starts = found_fillers(report)
            counts[mode][0] += len(starts)
            counts[mode][1] += len(answer.fillers)
            counts[mode][2] += filler_hits(answer, starts)
        pace.append(abs(report["wpm"] - answer.wpm) / answer.wpm)
        speaking_truth = answer.duration_s - sum(p for _, p in answer.pauses) - 2.0
        artic.append(report["articulation_wpm"] / (answer.words * 60 / speaking_truth) - 1)
        o, ln, m, e = pause_errors(answer, report)
        onsets += o
        lengths += ln
        missed += m
        extra += e
    print(f"\n== {name}: {len(answers)} answers (speeds {sorted({a.stretch for a in answers})})")
    print(f"pace error: mean {statistics.mean(pace):.1%}, max {max(pace):.1%}")
    print(
        f"articulation vs script/(duration - inserted silence): mean {statistics.mean(artic):+.1%}"
    )
    print(
        f"pause onset error: mean {statistics.mean(onsets):.3f} s, max {max(onsets):.3f} s; "
        f"length error: mean {statistics.mean(lengths):.3f} s, max {max(lengths):.3f} s; "
        f"missed {missed}, extra {extra}"
    )
    for mode, label in (("plain", "words + filled pauses"), ("pass", "with filler pass")):
        found, relevant, hits = counts[mode]
        p, r = precision_recall(found, relevant, hits)
        print(
            f"fillers from audio ({label}): precision {p:.2f}, recall {r:.2f} ({hits}/{relevant})"
        )
    print(f"analysis time per answer (with pass): mean {statistics.mean(times) * 1000:.0f} ms")
    return {"pace": pace, "onsets": onsets, "lengths": lengths, "fillers": counts}


def evaluate_transcripts() -> None:
    for name in FILLER_SETS:
        found = relevant = hits = 0
        for text in filler_labels(name):
            transcript, labels = timed(text)
            tokens = tokenize(transcript.words)
            got = {(m.text, m.index) for m in find_fillers(tokens)}
            want = set(labels)
            found += len(got)
            relevant += len(want)
            hits += len(got & want)
        p, r = precision_recall(found, relevant, hits)
        print(f"\n== {name}: fillers precision {p:.2f}, recall {r:.2f} ({hits}/{relevant})")
    for name in STRUCTURE_SETS:
        per_part: dict[str, list[int]] = {}
        answers = structure_labels(name)
        for item in answers:
            framework = str(item["framework"])
            tokens = tokenize(even_transcript(str(item["text"])).words)
            parts = segment(tokens, framework)
            marked: dict[str, Any] = item["parts"]
            for part in FRAMEWORK_PARTS[framework]:
                row = per_part.setdefault(f"{framework}.{part}", [0, 0, 0])
                truth, guess = marked.get(part), parts.get(part)
                row[0] += guess is not None
                row[1] += truth is not None
                row[2] += bool(truth and guess and overlap_ratio(truth, guess) >= 0.5)
        print(f"\n== {name}: structure of {len(answers)} answers")
        total = [sum(col) for col in zip(*per_part.values(), strict=True)]
        for part, (f, rel, h) in [*per_part.items(), ("all", total)]:
            p, r = precision_recall(f, rel, h)
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(f"structure {part:<18} precision {p:.2f} recall {r:.2f} F1 {f1:.2f}")


def evaluate_whole_answers(
    name: str, transcribe: Callable[[Path], Transcript], answers: Sequence[SpokenAnswer]
) -> None:
    """Pace on realistic-length answers: each speed's answers joined into one recording."""
    print(f"\n== {name}: whole answers (all written answers back to back, one speed)")
    for answer in answers:
        report = analyze_recording(answer.path, transcribe(answer.path), "STAR", (60, 120))
        error = (report["wpm"] - answer.wpm) / answer.wpm
        print(
            f"speed {answer.stretch}: {answer.duration_s:.0f} s, {answer.words} words said, "
            f"{report['words']} counted: pace {report['wpm']:.0f} vs {answer.wpm:.0f} wpm, "
            f"error {error:+.1%}"
        )


def two_minute_timing(
    answers: Sequence[SpokenAnswer], transcribe: Callable[[Path], Transcript], folder: Path
) -> None:
    import subprocess

    parts, total = [], 0.0
    for answer in answers:
        parts.append(str(answer.path))
        total += answer.duration_s
        if total >= 120:
            break
    path = folder / "two-minutes.wav"
    subprocess.run(["sox", *parts, str(path)], check=True)
    transcript = transcribe(path)
    began = time.perf_counter()
    report = analyze_recording(path, transcript, "STAR", (60, 120))
    elapsed = time.perf_counter() - began
    began = time.perf_counter()
    analyze(transcript, [(0.0, transcript.duration_s)], framework="STAR")
    pure = time.perf_counter() - began
    print(
        f"\n== a {report['duration_s']:.0f} s answer: analyze_recording {elapsed * 1000:.0f} ms "
        f"(pure analyze {pure * 1000:.0f} ms; filler pass changes "
        f"{len(report['filler_pass']['changes'])})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--speeds", type=float, nargs="+", default=list(SPEEDS))
    parser.add_argument("--vosk-model", help="an English Vosk model folder")
    args = parser.parse_args()
    evaluate_transcripts()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        answers = build_all(folder, args.speeds)
        whole = build_long(answers, folder)
        sphinx = RecognizerFactory("pocketsphinx")
        evaluate_engine("pocketsphinx", lambda p: transcribe_wav(p, sphinx), answers)
        evaluate_whole_answers("pocketsphinx", lambda p: transcribe_wav(p, sphinx), whole)
        if args.vosk_model:
            vosk = RecognizerFactory("vosk", args.vosk_model)
            name = f"vosk {Path(args.vosk_model).name}"
            evaluate_engine(name, lambda p: transcribe_wav(p, vosk), answers)
            evaluate_whole_answers(name, lambda p: transcribe_wav(p, vosk), whole)
        else:
            print(
                "\n== vosk: not measured (only the Korean model is installable here; it cannot "
                "recognise English words or fillers). Pass --vosk-model for an English model."
            )
        two_minute_timing(answers, lambda p: transcribe_wav(p, sphinx), folder)


if __name__ == "__main__":
    main()
