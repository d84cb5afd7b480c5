"""A made-up saved session for the replay page's tests: two answers with word times, an
analysis with every kind of mark, and the pressure events of a drill on the first answer."""

from __future__ import annotations

from simulator.core.records import SavedAnswer, SavedEvent, SavedSession, read_analysis
from simulator.core.transcript import Word

TEXT = "so at my last job um I was asked to fix the build and as a result we cut it by half"
#: Word i starts at 0.5 + 0.5 i (1.2 s later from "as", after the pause) and lasts 0.35 s.
WORDS = tuple(
    Word(w, 0.5 + 0.5 * i + 1.2 * (i >= 13), 0.85 + 0.5 * i + 1.2 * (i >= 13))
    for i, w in enumerate(TEXT.split())
)
ANALYSIS = {
    "version": 6,
    "fillers": [{"text": "um", "start_s": 3.0}],
    "hedges": [],
    "pauses": [{"start_s": 6.9, "duration_s": 1.2, "long": False}],
    "filled_pauses": [],
    "structure": {
        "framework": "STAR",
        "parts": {
            "Action": {"start_s": 3.0, "end_s": 6.85, "first_word": 5, "end_word": 13},
            "Result": {"start_s": 8.2, "end_s": 12.05, "first_word": 13, "end_word": 21},
            "Situation": {"start_s": 0.5, "end_s": 2.85, "first_word": 0, "end_word": 5},
            "Task": None,
        },
    },
}


def answer(answer_id: int, position: int, question: str) -> SavedAnswer:
    return SavedAnswer(
        id=answer_id,
        session_id=9,
        position=position,
        question_id=f"q{position}",
        question_text=question,
        audio_path=f"sessions/9/{position}-q{position}.wav",
        sample_rate=16000,
        started_at="2026-11-30T10:00:00",
        duration_s=12.0,
        transcript=TEXT,
        words=WORDS,
        engine="pocketsphinx",
        analysis=read_analysis(ANALYSIS),
    )


EVENTS = (
    SavedEvent(
        1,
        31,
        40.0,
        "interruption_started",
        {"index": 0, "answer_id": 31, "kind": "follow_up", "answer_s": 8.0},
    ),
    SavedEvent(2, 31, 41.5, "interruption_ended", {"index": 0, "answer_id": 31, "answer_s": 9.5}),
    SavedEvent(
        3,
        31,
        36.0,
        "distraction",
        {
            "index": 1,
            "answer_id": 31,
            "kind": "sound",
            "name": "knock",
            "answer_s": 4.0,
            "duration_s": 0.6,
        },
    ),
    SavedEvent(
        4,
        32,
        70.0,
        "distraction",
        {
            "index": 2,
            "answer_id": 32,
            "kind": "sound",
            "name": "phone",
            "answer_s": 1.0,
            "duration_s": 0.5,
        },
    ),
)

SESSION = SavedSession(
    id=9,
    started_at="2026-11-30T10:00:00",
    ended_at="2026-11-30T10:05:00",
    mode="practice",
    pack_id="behavioral-core",
    drill="interrupt",
    status="complete",
    answers=(
        answer(31, 1, "Tell me about a time you fixed something."),
        answer(32, 2, "What would you do differently?"),
    ),
    events=EVENTS,
)
