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


def test_each_action_is_logged_with_the_events_it_promises() -> None:
    from simulator.core.drills import (
        AnswerClarification,
        Distract,
        Interrupt,
        SqueezeTime,
        events_for,
    )

    def logged(action: object) -> list[dict[str, object]]:
        found = events_for(action, index=1, answer_id=9, answer_s=12.5)  # type: ignore[arg-type]
        return [ev.to_json(event) for event in found]

    base = {"t": 0.0, "index": 1, "answer_id": 9}
    assert logged(Interrupt("follow_up", "Why?")) == [
        {"type": "interruption_started", **base, "kind": "follow_up", "text": "Why?",
         "answer_s": 12.5},
    ]  # fmt: skip
    assert logged(SqueezeTime(42.5, "Wrap up.")) == [
        {"type": "interruption_started", **base, "kind": "time_squeeze", "text": "Wrap up.",
         "answer_s": 12.5},
        {"type": "time_squeezed", **base, "new_limit_s": 42.5, "answer_s": 12.5},
    ]  # fmt: skip
    assert logged(AnswerClarification("Which page?", "The search page.")) == [
        {"type": "interruption_started", **base, "kind": "clarification",
         "text": "The search page.", "answer_s": 12.5},
        {"type": "clarification", **base, "asked": "Which page?", "answer": "The search page.",
         "answer_s": 12.5},
    ]  # fmt: skip
    assert logged(Distract("sound", "knock", -6.0, 1.0)) == [
        {"type": "distraction", **base, "kind": "sound", "name": "knock", "answer_s": 12.5,
         "duration_s": 1.0, "level_db": -6.0},
    ]  # fmt: skip
