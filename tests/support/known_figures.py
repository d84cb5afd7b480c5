"""A store built with known figures, for the progress and attempts tests (store and CLI)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simulator import paths
from simulator.store import Store


@dataclass(frozen=True)
class Given:
    """One answer to write: its session's day, question and stored figures."""

    day: str
    category: str
    wpm: float
    fillers: float
    length: float
    first_word: float
    question_id: str = "q-conflict"
    question_text: str = "Tell me about a disagreement."
    pack_id: str = "behavioral-core"
    band: tuple[float, float] = (60.0, 120.0)
    scores: dict[str, int] = field(default_factory=dict)
    recoveries: tuple[float | None, ...] | None = None  # a pressure answer's interruptions
    skipped: bool = False
    transcript: str = "words said"


def write_answers(store: Store, given: list[Given]) -> list[int]:
    """Each given answer in a session of its own (its question_started event, its analysis,
    its scores); the answer ids, in order."""
    ids = []
    for number, item in enumerate(given):
        session = store.create_session(
            mode="practice",
            pack_id=item.pack_id,
            settings={},
            started_at=f"{item.day}T09:{number % 60:02d}:00+00:00",
        )
        store.add_event(
            session_id=session,
            answer_id=None,
            t_s=0.5,
            kind="question_started",
            payload={"index": 0, "category": item.category, "framework": "STAR"},
        )
        answer = store.start_answer(
            session_id=session,
            position=1,
            question_id=item.question_id,
            question_text=item.question_text,
            audio_path=f"sessions/{session}/1-{item.question_id}.wav",
            sample_rate=16000,
            started_at=f"{item.day}T09:00:05+00:00",
        )
        store.finish_answer(
            answer,
            transcript="" if item.skipped else item.transcript,
            words=[],
            engine="e",
            model="m",
            duration_s=item.length + 0.7,  # the recording runs on past the analysed window
            skipped=item.skipped,
        )
        analysis: dict[str, Any] = {
            "version": 5,
            "duration_s": item.length,
            "wpm": item.wpm,
            "fillers_per_min": item.fillers,
            "time_to_first_word_s": item.first_word,
            "band": list(item.band),
            "structure": {"framework": "STAR", "parts": {}},
        }
        if item.recoveries is not None:
            analysis["pressure"] = {
                "interruptions": [
                    {"start_s": 5.0, "end_s": 7.0, "recovery_s": value, "abandoned": value is None}
                    for value in item.recoveries
                ],
                "distractions": [],
            }
        if not item.skipped:
            store.set_analysis(answer, analysis, 5)
        with store.writing() as db:
            for criterion, value in item.scores.items():
                db.execute(
                    "INSERT INTO scores (answer_id, criterion, value) VALUES (?, ?, ?)",
                    [answer, criterion, value],
                )
        store.finish_session(session, status="complete", ended_at=f"{item.day}T09:30:00+00:00")
        ids.append(answer)
    return ids


#: Conflict answers improving, leadership answers steady and on target, a pressure answer.
HISTORY = [
    Given("2025-03-01", "conflict", 182.0, 6.0, 150.0, 6.0, scores={"task": 2, "result": 1}),
    Given("2025-03-02", "leadership", 145.0, 1.0, 90.0, 1.0, "q-lead", "Lead a team?"),
    Given("2025-03-03", "conflict", 170.0, 4.0, 130.0, 4.0, scores={"task": 3}),
    Given("2025-03-04", "leadership", 150.0, 2.0, 100.0, 2.0, "q-lead", "Lead a team?"),
    Given(
        "2025-03-05", "conflict", 160.0, 3.5, 110.0, 3.0, "q-other-id",
        "Tell me about a disagreement.", "my-pack", recoveries=(1.2, None, 2.4, 3.0),
    ),
    Given("2025-03-05", "conflict", 0.0, 0.0, 0.0, 0.0, skipped=True),
]  # fmt: skip


def written(given: list[Given]) -> list[int]:
    """``given`` written to the test profile's own database (created if need be); the ids."""
    layout = paths.layout()
    layout.ensure()
    with Store(layout.db_path) as store:
        return write_answers(store, given)
