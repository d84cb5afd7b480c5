"""Crash recovery: sessions cut off by a crash or a kill are repaired at the next start.

A session still marked ``recording`` whose lock nobody holds was cut off. Its recordings are
kept up to the cut (the writer flushed every block), their WAV headers are repaired, the
unfinished answers are transcribed from the audio, and the session is marked ``recovered``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from simulator.audio.wav import WavError, repair_wav
from simulator.core.transcript import Transcript
from simulator.locks import session_lock
from simulator.speech.stt import RecognizerFactory, transcribe_wav
from simulator.store import DataLayout, Store

Transcribe = Callable[[Path], Transcript]


def recover_all(layout: DataLayout, transcribe: Transcribe | None = None) -> list[str]:
    """Recover every cut-off session; return one plain sentence per recovered session.

    ``transcribe(path) -> Transcript`` computes the missing transcripts; without it the audio
    and header are still repaired and the transcript is left empty.
    """
    if not layout.db_path.exists():
        return []
    store = Store(layout.db_path)
    messages = []
    try:
        for session in store.unfinished_sessions():
            lock = session_lock(layout.sessions_dir, session["id"])
            if not lock.acquire():
                continue  # still being recorded by a running Hotseat
            try:
                messages.append(_recover(store, layout, session, transcribe))
            finally:
                lock.release()
    finally:
        store.close()
    return messages


def _recover(
    store: Store,
    layout: DataLayout,
    session: dict[str, Any],
    transcribe: Transcribe | None,
) -> str:
    kept = 0.0
    problems = []
    for answer in session["answers"]:
        if answer.get("duration_s") is not None:
            kept += answer["duration_s"] or 0.0
            continue
        path = layout.absolute(answer["audio_path"])
        duration = 0.0
        transcript = Transcript()
        try:
            duration = repair_wav(path)
            if transcribe is not None and duration > 0:
                transcript = transcribe(path)
        except (WavError, FileNotFoundError) as error:
            problems.append(str(error))
        except Exception as error:  # a recogniser failure must not block recovery
            problems.append(f"could not transcribe {path.name}: {error}")
        kept += duration
        store.finish_answer(
            answer["id"],
            transcript=transcript.text,
            words=[word.to_json() for word in transcript.words],
            engine=transcript.engine,
            model=transcript.model,
            duration_s=round(duration, 3),
        )
    store.finish_session(session["id"], status="recovered", ended_at=datetime.now(UTC).isoformat())
    message = (
        f"Session {session['id']} was cut off; it has been recovered with "
        f"{len(session['answers'])} answer(s) and {kept:.1f} s of audio."
    )
    if problems:
        message += " Problems: " + "; ".join(problems)
    return message


def transcriber_for(engine: str, model_path: str | None, models_dir: Path) -> Transcribe:
    """A transcriber that builds its recogniser only if something needs transcribing."""
    factory: list[RecognizerFactory] = []

    def transcribe(path: Path) -> Transcript:
        if not factory:
            factory.append(RecognizerFactory(engine, model_path, models_dir))
        return transcribe_wav(path, factory[0])

    return transcribe
