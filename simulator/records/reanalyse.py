"""Analysing a saved answer again, from its recording and its stored transcript.

The question is looked up in the packs installed now; ``hotseat analyze --answer/--all`` and
crash recovery use it, and so can the window. ``ReanalysisError`` says, in one sentence, why
one answer cannot be analysed; it never stops the others.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from simulator.core.events import PRESSURE_EVENT_TYPES
from simulator.core.packs import Question
from simulator.core.played import spans_from_events
from simulator.core.records import SavedAnswer, SavedEvent
from simulator.core.transcript import Transcript
from simulator.store import DataLayout
from simulator.store.files import OutsideDataFolder

# progress(stage, done, total), as analysis_service reports it
Progress = Callable[[str, float, float], None]


class ReanalysisError(Exception):
    """A saved answer that cannot be analysed (no transcript, recording missing or outside)."""


def find_question(layout: DataLayout, pack_id: str, question_id: str) -> Question | None:
    """The question an answer was given to, from the packs installed now (None if gone).

    A session drawn from several packs records its pack as "mix", and a pack may have been
    removed since: then the question is looked up by its id in every pack, if only one has it.
    """
    from simulator import paths
    from simulator.library import load_library

    library = load_library(paths.builtin_packs_dir(), layout.packs_dir)
    matches = [
        (pack.id, question)
        for pack in library.packs
        for question in pack.questions
        if question.id == question_id
    ]
    in_its_pack = [question for owner, question in matches if owner == pack_id]
    if in_its_pack:
        return in_its_pack[0]
    return matches[0][1] if len(matches) == 1 else None


def saved_transcript(answer: SavedAnswer) -> Transcript:
    """The transcript stored with ``answer``, as the analysis reads it."""
    return Transcript(
        words=answer.words,
        engine=answer.engine,
        model=answer.model,
        duration_s=answer.duration_s or 0.0,
    )


def reanalyse(
    layout: DataLayout,
    answer: SavedAnswer,
    pack_id: str,
    targets: Any,
    progress: Progress | None = None,
    drill_events: Sequence[SavedEvent] | None = None,
) -> dict[str, Any]:
    """A fresh analysis of a saved answer (not saved: the caller stores it).

    ``drill_events``: the session's logged events when it ran a drill. The answer's pressure
    events and the spans Hotseat played (read back from them) go to the analysis as they did
    live, so the interviewer's voice stays out of the metrics and the recovery is measured.
    """
    from simulator.analysis_service import analyze_question_answer

    if answer.transcript is None:
        raise ReanalysisError(f"answer {answer.id} has no transcript yet")
    try:
        wav = layout.absolute(answer.audio_path)
    except ValueError as error:  # a row naming a file outside the data folder: refused alone
        raise ReanalysisError(f"answer {answer.id} cannot be analysed: {error}") from None
    if not wav.is_file():
        raise ReanalysisError(f"the recording of answer {answer.id} is missing: {wav}")
    question = find_question(layout, pack_id, answer.question_id)
    if drill_events is None:
        return analyze_question_answer(wav, saved_transcript(answer), question, targets, progress)
    kinds = {kind.type for kind in PRESSURE_EVENT_TYPES}
    events = [
        {"type": event.kind, **event.payload}
        for event in drill_events
        if event.answer_id == answer.id and event.kind in kinds
    ]
    return analyze_question_answer(
        wav,
        saved_transcript(answer),
        question,
        targets,
        progress,
        played=spans_from_events(events),
        pressure_events=events,
    )


def recording_of(layout: DataLayout, answer: SavedAnswer) -> Path | None:
    """The answer's WAV file, or None when its stored path leads out of the data folder."""
    try:
        return layout.absolute(answer.audio_path)
    except OutsideDataFolder:
        return None


__all__ = ["ReanalysisError", "find_question", "reanalyse", "recording_of", "saved_transcript"]
