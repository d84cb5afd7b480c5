"""records.pressure_history: earlier pressure sessions' summaries, read from a real store."""

from __future__ import annotations

from typing import Any

from simulator import paths
from simulator.core.analysis.pressure_session import session_summary
from simulator.records.pressure_history import earlier_summaries
from simulator.store import Store


def _session(store: Store, drill: str | None, answers: list[list[float | None] | None]) -> int:
    """A session of ``drill`` whose answer ``i`` has cut-ins with ``answers[i]`` recoveries
    (None: an answer analysed without a ``pressure`` key)."""
    session = store.create_session(
        mode="practice", pack_id="p", drill=drill, settings={}, started_at="2026-01-01T09:00"
    )
    for position, recoveries in enumerate(answers, 1):
        answer = store.start_answer(
            session_id=session,
            position=position,
            question_id=f"q{position}",
            question_text="Why?",
            audio_path=f"sessions/{session}/{position}.wav",
            sample_rate=16000,
            started_at="2026-01-01T09:00",
        )
        store.finish_answer(
            answer, transcript="words", words=[], engine="e", model="m", duration_s=60.0
        )
        analysis: dict[str, Any] = {"version": 5, "findings": []}
        if recoveries is not None:
            analysis["pressure"] = {
                "interruptions": [
                    {"start_s": 10.0 * i, "recovery_s": r, "abandoned": r is None}
                    for i, r in enumerate(recoveries, 1)
                ],
                "distractions": [],
            }
        store.set_analysis(answer, analysis, 5)
    store.finish_session(session, status="complete", ended_at="2026-01-01T09:30")
    return session


def test_earlier_drill_sessions_are_summarised_oldest_first_each_against_its_own_past() -> None:
    layout = paths.layout()
    assert earlier_summaries(layout, 5) == []  # nothing saved: nothing read, nothing made
    assert not layout.db_path.exists()
    layout.ensure()
    with Store(layout.db_path) as store:
        first = _session(store, "cut-ins", [[1.0, 3.0], None])  # median 2.0
        _session(store, None, [[9.0]])  # no drill: not a pressure session
        second = _session(store, "cut-ins", [[4.0], [None, 6.0]])  # median 5.0
        now = _session(store, "cut-ins", [[0.5]])
        later = _session(store, "cut-ins", [[7.0]])  # after this one: left out
    summaries = earlier_summaries(layout, now)
    assert [s["median_recovery_s"] for s in summaries] == [2.0, 5.0]
    assert summaries[0]["earlier"] is None
    assert summaries[1]["earlier"]["median_recovery_s"] == 2.0
    assert summaries[1]["abandoned"] == 1
    assert summaries[1]["slowest"] == {"answer": 1, "start_s": 20.0, "recovery_s": 6.0, "kind": ""}
    # What the session's own summary is then compared with.
    this = session_summary([{"interruptions": [{"start_s": 3.0, "recovery_s": 0.5}]}], summaries)
    assert this["earlier"]["median_recovery_s"] == 3.5 and this["earlier"]["sessions"] == 2
    assert earlier_summaries(layout, first) == []
    assert len(earlier_summaries(layout, second)) == 1
    assert len(earlier_summaries(layout, later)) == 3


def test_the_windows_facade_reads_the_same_summaries() -> None:
    from simulator.services import build_services
    from simulator.settings import Settings

    layout = paths.layout()
    layout.ensure()
    with Store(layout.db_path) as store:
        _session(store, "cut-ins", [[1.0, 3.0]])
        now = _session(store, "cut-ins", [[0.5]])
    services = build_services(Settings(), layout)
    try:
        assert services.history.earlier_pressure(now) == earlier_summaries(layout, now)
        assert [s["median_recovery_s"] for s in services.history.earlier_pressure(now)] == [2.0]
    finally:
        services.close()
