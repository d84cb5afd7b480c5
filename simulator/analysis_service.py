"""Analysing a recorded answer: the WAV and its transcript in, the analysis dict out.

The glue between the pure ``core.analysis`` and the adapters: it streams the recording once,
finds its voiced spans from speech-band energy, lets the filler-aware PocketSphinx pass look
again at what the recogniser left unexplained, and then calls ``core.analysis.analyze``.
Memory stays flat for recordings of hours. Safe to call from a worker thread (each thread gets
its own decoder for the filler pass); a two-minute answer takes well under a second
(docs/ANALYSIS.md has the measured time).
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from simulator.audio.pcm_store import PcmOnDisk
from simulator.audio.resample import resample_pcm16
from simulator.audio.speech_energy import (
    HOP_S,
    WINDOW_S,
    BandEnergy,
    spans_of,
    voiced_frames,
    voiced_frames_of,
)
from simulator.audio.wav import MonoReader
from simulator.core.analysis import Targets, TargetsError, analyze
from simulator.core.analysis.left_out import LeftOut
from simulator.core.closing import Closing
from simulator.core.packs import Question
from simulator.core.played import PlayedSpan
from simulator.core.transcript import Transcript
from simulator.speech.stt.transcribe import transcribe_wav

if TYPE_CHECKING:
    from simulator.speech.stt.base import Recognizer
    from simulator.speech.stt.filler_pass import Pcm

RATE = 16000
# progress(stage, done_s, total_s): how far a pass over a recording has got
Progress = Callable[[str, float, float], None]
PAUSE_MERGE_S = 0.3  # silences shorter than this are part of speech, not pauses
SLOT_MERGE_S = 0.1  # finer spans for finding voice with no word under it


def recording_spans(
    pcm: bytes, rate: int, min_gap_s: float = PAUSE_MERGE_S
) -> list[tuple[float, float]]:
    """Voiced (start_s, end_s) spans of mono int16 audio, as the analysis uses them."""
    return spans_of(_voiced(pcm, rate), min_gap_s)


def _voiced(pcm: bytes, rate: int) -> Any:
    return voiced_frames_of(resample_pcm16(pcm, rate, RATE))


def without_played(voiced: Any, played: Sequence[PlayedSpan]) -> Any:
    """The voiced frames with every frame Hotseat's own sound may reach cleared: that voice
    is not the candidate's, so neither the pauses nor the filler pass read it."""
    holes = LeftOut.of(played).holes
    if not holes:
        return voiced
    voiced = voiced.copy()
    offset = WINDOW_S / 2 - HOP_S / 2  # a frame speaks for the 10 ms around its centre
    for start, end in holes:
        first = max(0, int(np.floor((start - offset) / HOP_S)))
        last = int(np.ceil((end - offset) / HOP_S))
        voiced[first:last] = False
    return voiced


def is_english(transcript: Transcript) -> bool:
    """Whether the transcript's model is English, so the English filler pass applies."""
    if transcript.engine == "pocketsphinx":
        return True
    model = transcript.model.lower()
    return any(mark in model for mark in ("-en-", "en-us", "en-in", "english", "-en"))


def with_fillers(
    pcm: Pcm,
    rate: int,
    transcript: Transcript,
    slot_spans: list[tuple[float, float]] | None = None,
    progress: Callable[[float], None] | None = None,
    decoder: Any = None,
) -> tuple[Transcript, list[dict[str, Any]]]:
    """The transcript with fillers found by the second pass put in (and what it changed).

    ``pcm``: bytes, or a PcmOnDisk for a long recording. ``slot_spans``: the voiced spans
    merged over SLOT_MERGE_S, if the caller has them (else ``pcm`` must be bytes).
    ``decoder``: a PocketSphinx decoder the pass may use and keep, else it has its own.
    """
    from simulator.speech.stt.filler_pass import apply_hits, find_fillers

    if slot_spans is None:
        assert isinstance(pcm, bytes)
        slot_spans = recording_spans(pcm, rate, SLOT_MERGE_S)
    hits = find_fillers(pcm, transcript.words, slot_spans, progress, decoder)
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
    progress: Progress | None = None,
    played: Sequence[PlayedSpan] = (),
    pressure_events: Sequence[Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """The analysis of one recorded answer; WavError propagates for an unreadable file.

    ``filler_pass`` None runs the filler-aware pass when the transcript's model is English.
    ``played`` and ``pressure_events``: see ``core.analysis.analyze``; the recording stays
    what the microphone heard, the played spans are left out on the way to the measures.
    The result has ``filler_pass`` (what the pass changed) and ``analysis_ms`` added.
    ``progress(stage, done_s, total_s)`` hears how far each pass over the audio has got.

    The recording is read once, as a stream: only per-frame energies stay in memory, and the
    16 kHz audio the filler pass needs goes to a temporary file, so memory does not grow
    with the length of the recording.
    """
    began = time.perf_counter()
    with MonoReader(wav, RATE) as audio, _Heard() as heard:
        for block in audio.blocks():
            heard.feed(block)
            if progress is not None:
                progress("finding pauses", len(heard.pcm) / 2 / RATE, audio.duration_s)
        return heard.analyze(
            transcript, framework, band, targets, answer_window_start_s, filler_pass, progress,
            began, played=played, pressure_events=pressure_events,
        )  # fmt: skip


def transcribe_and_analyze(
    wav: Path,
    factory: Callable[[int], Recognizer],
    framework: str,
    band: tuple[int, int],
    targets: Targets | None = None,
    progress: Progress | None = None,
) -> tuple[Transcript, dict[str, Any]]:
    """A recording transcribed and analysed from one read of the file (``hotseat analyze``).

    The analysis hears the audio as the recogniser reads it; with PocketSphinx the filler
    pass then borrows the recogniser's decoder rather than loading the model again.
    """
    with _Heard() as heard:
        told = None if progress is None else _pair(progress, "transcribing")
        transcript = transcribe_wav(wav, factory, told, heard.feed)
        began = time.perf_counter()
        lend = getattr(factory, "lend_sphinx_decoder", None)
        decoder = lend() if lend is not None and transcript.engine == "pocketsphinx" else None
        report = heard.analyze(
            transcript, framework, band, targets, 0.0, None, progress, began, decoder
        )
    return transcript, report


class _Heard(Closing):
    """What the analysis keeps of a recording streamed past it: the speech-band energy of
    each frame, and the 16 kHz audio in a temporary file for the filler pass."""

    def __init__(self) -> None:
        self.energy = BandEnergy()
        self.pcm = PcmOnDisk()

    def feed(self, block: bytes) -> None:
        self.energy.feed(np.frombuffer(block, dtype="<i2"))
        self.pcm.append(block)

    def analyze(
        self,
        transcript: Transcript,
        framework: str,
        band: tuple[int, int],
        targets: Targets | None,
        answer_window_start_s: float,
        filler_pass: bool | None,
        progress: Progress | None,
        began: float,
        decoder: Any = None,
        played: Sequence[PlayedSpan] = (),
        pressure_events: Sequence[Mapping[str, Any]] | None = None,
    ) -> dict[str, Any]:
        voiced = voiced_frames(self.energy.energies_db())  # once: pauses and filler slots
        voiced = without_played(voiced, played)
        spans = spans_of(voiced, PAUSE_MERGE_S)
        length_s = len(self.pcm) / 2 / RATE
        if transcript.duration_s <= 0:
            transcript = dataclasses.replace(transcript, duration_s=length_s)
        run_pass = is_english(transcript) if filler_pass is None else filler_pass
        changes: list[dict[str, Any]] = []
        if run_pass and transcript.words:
            slots = spans_of(voiced, SLOT_MERGE_S)
            heard = None if progress is None else _stage(progress, "checking fillers", length_s)
            transcript, changes = with_fillers(
                self.pcm, RATE, transcript, slots, heard, decoder=decoder
            )
        result = analyze(
            transcript,
            spans,
            answer_window_start_s=answer_window_start_s,
            framework=framework,
            band=band,
            targets=targets,
            played=played,
            pressure_events=pressure_events,
        )
        result["filler_pass"] = {"ran": run_pass and bool(transcript.words), "changes": changes}
        result["analysis_ms"] = round((time.perf_counter() - began) * 1000)
        return result

    def close(self) -> None:
        self.pcm.close()


def _pair(progress: Progress, stage: str) -> Callable[[float, float], None]:
    return lambda done_s, total_s: progress(stage, done_s, total_s)


def _stage(progress: Progress, stage: str, total_s: float) -> Callable[[float], None]:
    return lambda done_s: progress(stage, done_s, total_s)


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
    wav: Path,
    transcript: Transcript,
    question: Question | None,
    targets: Targets | None = None,
    progress: Progress | None = None,
    played: Sequence[PlayedSpan] = (),
    pressure_events: Sequence[Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """``analyze_recording`` with the framework and length band of ``question`` (if known).

    ``played``: when Hotseat made sound during the answer (the runner's PlayedSpans, on the
    recording's clock); ``pressure_events``: for an answer under a drill, its pressure events
    as JSON dicts (``core.events.to_json``), even none, to get the ``pressure`` key.
    """
    framework = question.framework if question else "free"
    band = question.answer_seconds if question else (60, 120)
    return analyze_recording(
        wav, transcript, framework, band, targets, progress=progress, played=played,
        pressure_events=pressure_events,
    )  # fmt: skip


__all__ = [
    "analyze_question_answer",
    "analyze_recording",
    "is_english",
    "load_targets",
    "recording_spans",
    "transcribe_and_analyze",
    "with_fillers",
    "without_played",
]
