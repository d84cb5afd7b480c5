"""Analysing a recorded answer: the WAV and its transcript in, the analysis dict out.

The glue between the pure ``core.analysis`` and the adapters: it reads the recording, finds
its voiced spans with WebRTC's VAD, lets the filler-aware PocketSphinx pass look again at what
the recogniser left unexplained, and then calls ``core.analysis.analyze``. Safe to call from a
worker thread (each thread gets its own decoder for the filler pass); a two-minute answer
takes well under a second (docs/ANALYSIS.md has the measured time).
"""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path
from typing import Any

from simulator.audio.resample import resample_pcm16
from simulator.audio.speech_energy import spans_of, voiced_frames_of
from simulator.audio.wav import read_audio_mono16
from simulator.core.analysis import Targets, TargetsError, analyze
from simulator.core.packs import Question
from simulator.core.transcript import Transcript

RATE = 16000
PAUSE_MERGE_S = 0.3  # silences shorter than this are part of speech, not pauses
SLOT_MERGE_S = 0.1  # finer spans for finding voice with no word under it


def recording_spans(
    pcm: bytes, rate: int, min_gap_s: float = PAUSE_MERGE_S
) -> list[tuple[float, float]]:
    """Voiced (start_s, end_s) spans of mono int16 audio, as the analysis uses them."""
    return spans_of(_voiced(pcm, rate), min_gap_s)


def _voiced(pcm: bytes, rate: int) -> Any:
    return voiced_frames_of(resample_pcm16(pcm, rate, RATE))


def is_english(transcript: Transcript) -> bool:
    """Whether the transcript's model is English, so the English filler pass applies."""
    if transcript.engine == "pocketsphinx":
        return True
    model = transcript.model.lower()
    return any(mark in model for mark in ("-en-", "en-us", "en-in", "english", "-en"))


def with_fillers(
    pcm: bytes,
    rate: int,
    transcript: Transcript,
    slot_spans: list[tuple[float, float]] | None = None,
) -> tuple[Transcript, list[dict[str, Any]]]:
    """The transcript with fillers found by the second pass put in (and what it changed).

    ``slot_spans``: the voiced spans merged over SLOT_MERGE_S, if the caller has them.
    """
    from simulator.speech.stt.filler_pass import apply_hits, find_fillers

    spans = recording_spans(pcm, rate, SLOT_MERGE_S) if slot_spans is None else slot_spans
    hits = find_fillers(pcm, transcript.words, spans)
    if not hits:
        return transcript, []
    changes = [
        {
            "text": hit.text,
            "start_s": round(hit.start, 2),
            "replaced": [transcript.words[i].text for i in hit.replaces],
        }
        for hit in hits
    ]
    words = apply_hits(transcript.words, hits)
    return dataclasses.replace(transcript, words=words), changes


def analyze_recording(
    wav: Path,
    transcript: Transcript,
    framework: str,
    band: tuple[int, int],
    targets: Targets | None = None,
    *,
    answer_window_start_s: float = 0.0,
    filler_pass: bool | None = None,
) -> dict[str, Any]:
    """The analysis of one recorded answer; WavError propagates for an unreadable file.

    ``filler_pass`` None runs the filler-aware pass when the transcript's model is English.
    The result has ``filler_pass`` (what the pass changed) and ``analysis_ms`` added.
    """
    began = time.perf_counter()
    pcm, rate = read_audio_mono16(wav, RATE)
    voiced = _voiced(pcm, rate)  # once: both the pauses and the filler pass's slots need it
    spans = spans_of(voiced, PAUSE_MERGE_S)
    if transcript.duration_s <= 0:
        transcript = dataclasses.replace(transcript, duration_s=len(pcm) / 2 / rate)
    run_pass = is_english(transcript) if filler_pass is None else filler_pass
    changes: list[dict[str, Any]] = []
    if run_pass and transcript.words:
        transcript, changes = with_fillers(pcm, rate, transcript, spans_of(voiced, SLOT_MERGE_S))
    result = analyze(
        transcript,
        spans,
        answer_window_start_s=answer_window_start_s,
        framework=framework,
        band=band,
        targets=targets,
    )
    result["filler_pass"] = {"ran": run_pass and bool(transcript.words), "changes": changes}
    result["analysis_ms"] = round((time.perf_counter() - began) * 1000)
    return result


def load_targets(path: Path) -> Targets | None:
    """Coaching targets from a JSON file; None when there is no file. A bad file raises
    TargetsError naming the file and the problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as error:
        raise TargetsError(f"cannot read {path}: {error.strerror}") from None
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise TargetsError("expected a JSON object of target names and values")
        return Targets.from_json(data)
    except (json.JSONDecodeError, TargetsError) as error:
        raise TargetsError(f"{path}: {error}") from None


def analyze_question_answer(
    wav: Path, transcript: Transcript, question: Question | None, targets: Targets | None = None
) -> dict[str, Any]:
    """``analyze_recording`` with the framework and length band of ``question`` (if known)."""
    framework = question.framework if question else "free"
    band = question.answer_seconds if question else (60, 120)
    return analyze_recording(wav, transcript, framework, band, targets)


__all__ = [
    "analyze_question_answer",
    "analyze_recording",
    "is_english",
    "load_targets",
    "recording_spans",
    "with_fillers",
]
