"""The contract between the real SessionRunner and the tests' fake runner: the same events.

The window's tests drive every page with ``tests/support/scripted_runner.ScriptedRunner``; if
its events drifted from the real runner's (a field missing, an event the real one never sends,
another order), those tests would pass against a session that cannot happen. Here both run the
same script (two questions, each answered and analysed) and their events must have the same
shapes: the same types, with the same field names in the same order, in the same sequence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from simulator.core.events import EVENT_TYPES, PRESSURE_EVENT_TYPES, to_json
from simulator.core.packs import Question
from simulator.core.transcript import Transcript
from tests.session.test_runner import make_runner
from tests.support.scripted_runner import ScriptedRunner

ANALYSIS = {"version": 3, "words": 1, "findings": []}
# Sent many times while an answer is recorded, interleaved: their order says nothing.
HIGH_RATE = {"level", "partial"}

Flat = dict[str, Any]


def real_events(tmp_path: Path) -> tuple[list[Flat], Any]:
    events: list[Flat] = []
    runner, _layout, _streams = make_runner(tmp_path, events)

    def analyze(wav: Path, transcript: Transcript, question: Question) -> dict[str, Any]:
        return dict(ANALYSIS)

    runner.services.analyze = analyze
    runner.run()
    return events, runner.options


def fake_events(options: Any) -> list[Flat]:
    events: list[Flat] = []
    answers = {index: ([], dict(ANALYSIS)) for index in range(len(options.questions))}
    # wait_s=0: the scripted speaker stops at once, as the real runner's silence rule does.
    ScriptedRunner(options, lambda event: events.append(to_json(event)), answers, 0.0).run()
    return events


def shapes(events: list[Flat]) -> dict[str, list[str]]:
    """Each event type's field names, in order; every event of a type must agree."""
    found: dict[str, list[str]] = {}
    for event in events:
        assert found.setdefault(event["type"], list(event)) == list(event), event
    return found


def sequence(events: list[Flat]) -> list[str]:
    """The event types in order, the high-rate ones left out and repeats collapsed."""
    kinds: list[str] = []
    for event in events:
        if event["type"] not in HIGH_RATE and (not kinds or kinds[-1] != event["type"]):
            kinds.append(event["type"])
    return kinds


def test_the_fake_runner_sends_the_real_runners_events(tmp_path: Path) -> None:
    real, options = real_events(tmp_path)
    fake = fake_events(options)
    assert shapes(fake) == shapes(real)
    assert sequence(fake) == sequence(real)
    # The script covers what a normal session sends (not its warnings, errors or preparation,
    # nor what only a drill sends).
    expected = {kind.type for kind in EVENT_TYPES} - {"warning", "error", "prep_started"}
    expected -= {kind.type for kind in PRESSURE_EVENT_TYPES}
    assert set(shapes(real)) == expected


def test_the_shapes_compared_are_those_of_the_json_lines(tmp_path: Path) -> None:
    real, _options = real_events(tmp_path)
    started = next(event for event in real if event["type"] == "question_started")
    assert list(started)[:4] == ["type", "t", "index", "count"]
    assert {"framework", "tips"} <= set(started)
    ended = next(event for event in real if event["type"] == "answer_ended")
    assert list(ended) == ["type", "t", "index", "reason", "answer_s"]
