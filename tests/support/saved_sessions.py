"""Sessions written straight into the store, for tests and screenshots of past sessions."""

from __future__ import annotations

import shutil
from pathlib import Path

from simulator import paths
from simulator.core.analysis import ANALYSIS_VERSION, analyze
from simulator.core.transcript import Transcript, Word
from simulator.store import Store

ANSWER = "as a result we cut the costs by twenty percent"


def save_session(started_at: str, pack_id: str, wav: Path, status: str = "complete") -> int:
    """A session with one answer (real WAV, transcript and stored analysis); its id."""
    layout = paths.layout()
    layout.ensure()
    words = [Word(w, 1.0 + 0.4 * i, 1.3 + 0.4 * i, 0.9) for i, w in enumerate(ANSWER.split())]
    transcript = Transcript(tuple(words), "pocketsphinx", "en-us", 6.0)
    with Store(layout.db_path) as store:
        session = store.create_session(
            mode="practice", pack_id=pack_id, settings={}, started_at=started_at
        )
        target = layout.answer_wav(session, 1, "q1")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(wav, target)
        answer = store.start_answer(
            session_id=session,
            position=1,
            question_id="q1",
            question_text="What did you change?",
            audio_path=layout.relative(target),
            sample_rate=16000,
            started_at=started_at,
        )
        store.finish_answer(
            answer,
            transcript=ANSWER,
            words=[w.to_json() for w in words],
            engine="pocketsphinx",
            model="en-us",
            duration_s=6.0,
        )
        report = analyze(transcript, [(1.0, 4.9)], framework="STAR")
        store.set_analysis(answer, report, ANALYSIS_VERSION)
        store.finish_session(session, status=status, ended_at=started_at)
    return session
