"""Crash recovery: sessions cut off by a crash or a kill are repaired at the next start.

A session still marked ``recording`` whose lock nobody holds was cut off. Its recordings are
kept up to the cut (the writer flushed every block), their WAV headers are repaired, the
unfinished answers are transcribed from the audio, every answer still without an analysis is
analysed (a kill often lands during analysis), and the session is marked ``recovered``.

One bad answer never blocks the rest: a stored path leading out of the data folder (a
hand-edited or foreign database) is refused for that answer alone and its file left alone,
and a failed transcription or analysis is reported in the session's message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.audio.wav import WavError, repair_wav
from simulator.core.packs import Question
from simulator.core.records import SavedAnswer, SavedSession
from simulator.core.transcript import Transcript
from simulator.records.locks import session_lock
from simulator.records.reanalyse import find_question, recording_of, saved_transcript
from simulator.speech.stt import RecognizerFactory, transcribe_wav
from simulator.store import DataLayout, Store
from simulator.store.records import read_unfinished

if TYPE_CHECKING:
    from simulator.settings import Settings
    from simulator.speech.stt.base import Recognizer

Transcribe = Callable[[Path], Transcript]
Analyze = Callable[[Path, Transcript, Question | None], dict[str, Any]]
# Makes a recogniser for a sample rate: a RecognizerFactory or a RecognizerProcess.
Recognizers = Callable[[int], "Recognizer"]


def recover_unfinished(
    layout: DataLayout,
    settings: Settings,
    recognizers: Recognizers | None = None,
    analyse: Analyze | None = None,
) -> list[str]:
    """The one entry point of crash recovery: one plain sentence per recovered session.

    Missing transcripts come from ``recognizers`` (the caller's, say a recogniser process
    already running), else from a recogniser the settings choose, built only if something
    needs transcribing. ``analyse`` defaults to analysing in this process.
    """
    if recognizers is None:
        transcribe = transcriber_for(settings.engine, settings.model_path, layout.models_dir)
    else:
        chosen = recognizers

        def transcribe(path: Path) -> Transcript:
            return transcribe_wav(path, chosen)

    return recover_all(layout, transcribe, analyse)


def recover_all(
    layout: DataLayout, transcribe: Transcribe | None = None, analyze: Analyze | None = None
) -> list[str]:
    """Recover every cut-off session; return one plain sentence per recovered session.

    ``transcribe(path) -> Transcript`` computes the missing transcripts; without it the audio
    and header are still repaired and the transcript is left empty. ``analyze(wav,
    transcript, question)`` computes an answer's analysis; by default it runs in this process
    (the window passes its analysis helper process).
    """
    if not layout.db_path.exists():
        return []
    store = Store(layout.db_path)
    messages = []
    try:
        for session in read_unfinished(store):
            lock = session_lock(layout.sessions_dir, session.id)
            if not lock.acquire():
                continue  # still being recorded by a running Hotseat
            try:
                messages.append(_recover(store, layout, session, transcribe, analyze))
            finally:
                lock.release()
    finally:
        store.close()
    return messages


def _recover(
    store: Store,
    layout: DataLayout,
    session: SavedSession,
    transcribe: Transcribe | None,
    analyze: Analyze | None,
) -> str:
    kept = 0.0
    problems = []
    for answer in session.answers:
        path = recording_of(layout, answer)
        if path is None:
            problems.append(_outside(answer))
        if answer.duration_s is not None:
            kept += answer.duration_s or 0.0
        else:
            duration, transcript, problem = _finish_recording(path, transcribe)
            if problem:
                problems.append(problem)
            kept += duration
            _save_transcript(store, answer.id, transcript, duration)
            answer = replace(
                answer,
                duration_s=duration,
                transcript=transcript.text,
                words=transcript.words,
                engine=transcript.engine,
                model=transcript.model,
            )
        unanalysed = answer.analysis is None and answer.duration_s
        if unanalysed and path is not None and path.is_file():
            problem = _analyse(store, layout, session.pack_id, answer, path, analyze)
            if problem:
                problems.append(problem)
    store.finish_session(session.id, status="recovered", ended_at=datetime.now(UTC).isoformat())
    message = (
        f"Session {session.id} was cut off; it has been recovered with "
        f"{len(session.answers)} answer(s) and {kept:.1f} s of audio."
    )
    if problems:
        message += " Problems: " + "; ".join(problems)
    return message


def _outside(answer: SavedAnswer) -> str:
    return (
        f"answer {answer.id} names a recording outside the data folder "
        f"({answer.audio_path!r}); it was left alone"
    )


def _finish_recording(
    path: Path | None, transcribe: Transcribe | None
) -> tuple[float, Transcript, str | None]:
    """The repaired recording's duration and transcript, and what went wrong (if anything)."""
    duration = 0.0
    if path is None:
        return duration, Transcript(), None
    try:
        duration = repair_wav(path)
        if transcribe is not None and duration > 0:
            return round(duration, 3), transcribe(path), None
    except (WavError, FileNotFoundError) as error:
        return duration, Transcript(), str(error)
    except Exception as error:  # a recogniser failure must not block recovery
        return round(duration, 3), Transcript(), f"could not transcribe {path.name}: {error}"
    return round(duration, 3), Transcript(), None


def _save_transcript(store: Store, answer_id: int, transcript: Transcript, duration: float) -> None:
    store.finish_answer(
        answer_id,
        transcript=transcript.text,
        words=[word.to_json() for word in transcript.words],
        engine=transcript.engine,
        model=transcript.model,
        duration_s=duration,
    )


def _analyse(
    store: Store,
    layout: DataLayout,
    pack_id: str,
    answer: SavedAnswer,
    wav: Path,
    analyze: Analyze | None,
) -> str | None:
    """Analyse and save one recovered answer; what went wrong, if anything."""
    try:
        question = find_question(layout, pack_id, answer.question_id)
        report = (analyze or _analyse_here)(wav, saved_transcript(answer), question)
    except Exception as error:  # the recording and transcript are kept; analyze --all redoes it
        return f"could not analyse answer {answer.id}: {error}"
    store.set_analysis(answer.id, report, int(report.get("version", 0)))
    return None


def _analyse_here(wav: Path, transcript: Transcript, question: Question | None) -> dict[str, Any]:
    from simulator import paths
    from simulator.analysis_service import analyze_question_answer, load_targets

    return analyze_question_answer(wav, transcript, question, load_targets(paths.targets_file()))


def transcriber_for(engine: str, model_path: str | None, models_dir: Path) -> Transcribe:
    """A transcriber that builds its recogniser only if something needs transcribing."""
    factory: list[RecognizerFactory] = []

    def transcribe(path: Path) -> Transcript:
        if not factory:
            factory.append(RecognizerFactory(engine, model_path, models_dir))
        return transcribe_wav(path, factory[0])

    return transcribe
