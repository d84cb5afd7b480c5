"""The replay's marks (widgets/replay_marks.py) from every shape of saved data: old analyses
with keys missing, a pressure summary in the analysis when the events table has none."""

from __future__ import annotations

from dataclasses import replace

from simulator.core.records import read_analysis
from simulator.ui.widgets.replay_marks import FILLER, HEDGE, PRESSURE, markers_of
from tests.ui.replay_session import SESSION

ANSWER = SESSION.answers[0]


def test_an_answer_with_no_analysis_has_no_marks() -> None:
    assert markers_of(replace(ANSWER, analysis=None)) == []


def test_an_old_analysis_gives_what_it_has_and_skips_what_is_broken() -> None:
    old = read_analysis(
        {
            "fillers": [{"text": "kind of", "start_s": 4.0}, {"text": "broken"}, "x"],
            "hedges": [{"text": "maybe", "start_s": "soon"}],
            "pauses": [{"start_s": 1.0}],  # no length: read as an instant
            "structure": {"framework": "STAR", "parts": "not parts"},
        }
    )
    found = markers_of(replace(ANSWER, analysis=old))
    assert [(m.kind, m.label) for m in found] == [
        ("pause", "Pause 0.0 s"),
        (FILLER, "Filler: kind of"),
    ]
    # "kind of" starts at word 7 ("to", 4.0 s): it ends with the word after it.
    assert found[1].end_s == ANSWER.words[8].end
    assert not [m for m in found if m.kind == HEDGE]


def test_pressure_comes_from_the_analysis_when_no_event_was_saved() -> None:
    data = {**ANSWER.analysis.data, "pressure": {"events": [  # type: ignore[union-attr]
        {"kind": "interruption", "start_s": 5.0, "end_s": 6.5},
        {"type": "distraction", "answer_s": 2.0},
    ]}}  # fmt: skip
    answer = replace(ANSWER, analysis=read_analysis(data))
    pressure = [(m.label, m.start_s, m.end_s) for m in markers_of(answer) if m.kind == PRESSURE]
    assert pressure == [("Distraction", 2.0, 2.0), ("Interruption", 5.0, 6.5)]
    # With the drill's events saved, those are the ones shown (they are exact).
    from_events = [m.label for m in markers_of(answer, SESSION.events) if m.kind == PRESSURE]
    assert from_events == ["Distraction: knock", "Interruption: follow up"]
