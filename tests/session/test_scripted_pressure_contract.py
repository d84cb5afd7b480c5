"""The fake runner's pressure events keep the real shapes and the real runner's rules.

The window's pressure tests script a drill's cut-ins, distractions and squeezes into
``ScriptedRunner``; these checks keep that script honest against what the real runner logs
(docs/DRILLS.md, core/drills/logged.py): the events ``core.drills.events_for`` makes, inside
the answer they belong to, every cut-in ended before the answer ends, on one recording clock.
"""

from __future__ import annotations

import dataclasses

from simulator.core import events as ev
from simulator.core.drills import AnswerClarification, Distract, Interrupt, SqueezeTime
from simulator.core.packs import Question
from simulator.core.plan import AnswerRules
from simulator.session.ports import SessionOptions
from tests.support.scripted_runner import PressureStep, ScriptedRunner

STEPS = [
    PressureStep(6.0, Interrupt("follow_up", "How would you test the fix?"), says_s=1.5),
    PressureStep(12.0, Distract("sound", "knock", -8.0, 0.8)),
    PressureStep(14.0, Distract("screen", "toast", None, 5.0)),
    PressureStep(20.0, AnswerClarification("which page is slow", "Mostly the search page.")),
    PressureStep(30.0, SqueezeTime(55.0, "Can you wrap up in 30 seconds?")),
]


def _events() -> list[ev.SessionEvent]:
    questions = [
        Question(id=f"q{n}", text=f"Question {n}?", category="communication") for n in (1, 2)
    ]
    options = SessionOptions(
        pack_id="p", questions=questions, rules=AnswerRules(), drill="full-pressure"
    )
    events: list[ev.SessionEvent] = []
    ScriptedRunner(options, events.append, wait_s=0.0, pressure={1: STEPS}).run()
    return events


def test_pressure_events_have_the_fields_of_their_type_in_order() -> None:
    pressure = [e for e in _events() if isinstance(e, ev.PRESSURE_EVENT_TYPES)]
    assert [e.type for e in pressure] == [
        "interruption_started",
        "interruption_ended",
        "distraction",
        "distraction",
        "interruption_started",
        "clarification",
        "interruption_ended",
        "interruption_started",
        "time_squeezed",
        "interruption_ended",
    ]
    for event in pressure:
        fields = [f.name for f in dataclasses.fields(event) if f.name != "t"]
        assert list(ev.to_json(event)) == ["type", "t", *fields]
        flat = ev.to_json(event)
        assert (flat["index"], flat["answer_id"]) == (1, 2)


def test_pressure_events_fall_inside_their_answer_on_its_clock() -> None:
    events = [ev.to_json(event) for event in _events()]
    kinds = [e["type"] for e in events]
    second_start = kinds.index("recording_started", kinds.index("recording_started") + 1)
    second_end = kinds.index("answer_ended", second_start)
    pressure_types = {kind.type for kind in ev.PRESSURE_EVENT_TYPES}
    inside = [i for i, kind in enumerate(kinds) if kind in pressure_types]
    assert inside and second_start < min(inside) and max(inside) < second_end
    clock = [events[i]["answer_s"] for i in inside]
    assert clock == sorted(clock)
    assert events[second_end]["answer_s"] > clock[-1]
    talking = 0
    for i in inside:
        talking += {"interruption_started": 1, "interruption_ended": -1}.get(kinds[i], 0)
        assert talking in (0, 1)  # the interviewer never talks over itself
    assert talking == 0
