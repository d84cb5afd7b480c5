"""The pressure-mode events keep the JSONL field names issue 11 promises to scripts."""

from __future__ import annotations

from simulator.core import events as ev
from tests.support.events import make

EXPECTED = {
    "interruption_started": ["index", "answer_id", "kind", "text", "answer_s"],
    "interruption_ended": ["index", "answer_id", "answer_s"],
    "distraction": ["index", "answer_id", "kind", "name", "answer_s", "duration_s", "level_db"],
    "clarification": ["index", "answer_id", "asked", "answer", "answer_s"],
    "time_squeezed": ["index", "answer_id", "new_limit_s", "answer_s"],
}


def test_each_pressure_event_has_exactly_the_promised_json_fields() -> None:
    found = {}
    for kind in ev.PRESSURE_EVENT_TYPES:
        flat = ev.to_json(make(kind))
        assert list(flat)[:2] == ["type", "t"]
        found[flat["type"]] = list(flat)[2:]
    assert found == EXPECTED


def test_pressure_events_are_session_events() -> None:
    assert set(ev.PRESSURE_EVENT_TYPES) <= set(ev.EVENT_TYPES)


def test_a_screen_distraction_keeps_its_null_level_in_the_json() -> None:
    toast = ev.Distraction(
        index=0,
        answer_id=3,
        kind="screen",
        name="toast",
        answer_s=4.5,
        duration_s=4.0,
        level_db=None,
        t=12.0,
    )
    assert ev.to_json(toast) == {
        "type": "distraction",
        "t": 12.0,
        "index": 0,
        "answer_id": 3,
        "kind": "screen",
        "name": "toast",
        "answer_s": 4.5,
        "duration_s": 4.0,
        "level_db": None,
    }
