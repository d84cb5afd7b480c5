"""The spans Hotseat played, read back from an answer's logged pressure events."""

from __future__ import annotations

from simulator.core.played import PlayedSpan, spans_from_events


def test_each_spoken_line_and_room_sound_is_a_span_as_logged() -> None:
    events = [
        {"type": "interruption_started", "kind": "follow_up", "answer_s": 12.0},
        {"type": "interruption_ended", "answer_s": 14.5},
        {"type": "distraction", "kind": "sound", "name": "knock", "answer_s": 20.0,
         "duration_s": 0.8},
        {"type": "distraction", "kind": "screen", "name": "toast", "answer_s": 22.0,
         "duration_s": 4.0},
        {"type": "interruption_started", "kind": "squeeze", "answer_s": 30.0},
        {"type": "time_squeezed", "new_limit_s": 60.0, "answer_s": 30.0},
        {"type": "interruption_ended", "answer_s": 33.25},
    ]  # fmt: skip
    assert spans_from_events(events) == [
        PlayedSpan(12.0, 14.5, "interviewer"),
        PlayedSpan(20.0, 20.8, "distraction"),
        PlayedSpan(30.0, 33.25, "interviewer"),
    ]


def test_a_line_never_closed_is_left_out_and_nothing_logged_is_nothing_played() -> None:
    assert spans_from_events([{"type": "clarification", "answer_s": 5.0}]) == []
    assert spans_from_events([]) == []
