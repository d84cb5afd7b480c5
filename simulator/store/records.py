"""Typed records from the store's rows: ``SavedSession`` and ``SavedAnswer`` (core.records).

``Store.get_session`` keeps returning the rows as plain data (what ``--json`` prints, and
what an export would write); these readers turn them into the typed records the features
read, with the analysis of any stored version read through ``core.records.read_analysis``.
"""

from __future__ import annotations

from typing import Any

from simulator.core.records import (
    ANSWERED,
    SavedAnswer,
    SavedEvent,
    SavedSession,
    read_analysis,
    read_words,
)
from simulator.store.db import Store


def read_session(store: Store, session_id: int) -> SavedSession | None:
    """Session ``session_id`` with its answers and events, or None if there is none."""
    row = store.get_session(session_id)
    return session_from_row(row) if row is not None else None


def read_answer(store: Store, answer_id: int) -> SavedAnswer | None:
    row = store.get_answer(answer_id)
    return answer_from_row(row) if row is not None else None


def read_unfinished(store: Store) -> list[SavedSession]:
    """Sessions still "recording" (cut off by a crash or a kill), oldest first."""
    return [session_from_row(row) for row in store.unfinished_sessions()]


def session_from_row(row: dict[str, Any]) -> SavedSession:
    """A session as ``Store.get_session`` returns it, typed."""
    settings = row.get("settings")
    return SavedSession(
        id=int(row["id"]),
        started_at=str(row.get("started_at") or ""),
        ended_at=row.get("ended_at"),
        mode=str(row.get("mode") or ""),
        pack_id=str(row.get("pack_id") or ""),
        drill=row.get("drill"),
        status=str(row.get("status") or ""),
        settings=settings if isinstance(settings, dict) else {},
        answers=tuple(answer_from_row(answer) for answer in row.get("answers") or ()),
        events=tuple(_event(event) for event in row.get("events") or ()),
    )


def answer_from_row(row: dict[str, Any]) -> SavedAnswer:
    """An answer as ``Store.get_answer`` returns it (``words`` and ``analysis`` decoded)."""
    duration = row.get("duration_s")
    transcript = row.get("transcript")
    return SavedAnswer(
        id=int(row["id"]),
        session_id=int(row["session_id"]),
        position=int(row["position"]),
        question_id=str(row.get("question_id") or ""),
        question_text=str(row.get("question_text") or ""),
        audio_path=str(row.get("audio_path") or ""),
        sample_rate=int(row.get("sample_rate") or 0),
        started_at=str(row.get("started_at") or ""),
        duration_s=float(duration) if duration is not None else None,
        transcript=str(transcript) if transcript is not None else None,
        words=read_words(row.get("words")),
        engine=str(row.get("engine") or ""),
        model=str(row.get("model") or ""),
        status=str(row.get("status") or ANSWERED),
        analysis=read_analysis(row.get("analysis"), row.get("analysis_version")),
    )


def _event(row: dict[str, Any]) -> SavedEvent:
    payload = row.get("payload")
    answer_id = row.get("answer_id")
    return SavedEvent(
        id=int(row["id"]),
        answer_id=int(answer_id) if answer_id is not None else None,
        t_s=float(row.get("t_s") or 0.0),
        kind=str(row.get("kind") or ""),
        payload=payload if isinstance(payload, dict) else {},
    )


__all__ = ["answer_from_row", "read_answer", "read_session", "read_unfinished", "session_from_row"]
