"""Helpers shared by the store tests: add a session or an answer with sensible defaults."""

from __future__ import annotations

from typing import Any

from simulator.store import Store


def new_session(store: Store, started_at: str = "2024-06-01T10:00:00+00:00", **extra: Any) -> int:
    fields: dict[str, Any] = {"mode": "practice", "pack_id": "behavioral-core", "settings": {}}
    fields.update(extra)
    return store.create_session(started_at=started_at, **fields)


def new_answer(store: Store, session_id: int, position: int = 1, question_id: str = "q1") -> int:
    return store.start_answer(
        session_id=session_id,
        position=position,
        question_id=question_id,
        question_text=f"Question {position}?",
        audio_path=f"sessions/{session_id}/{position}-{question_id}.wav",
        sample_rate=16000,
        started_at="2024-06-01T10:00:05+00:00",
    )
