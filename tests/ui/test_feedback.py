"""The feedback view: verdicts in words, the marked transcript, and playing from a mark."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from simulator.ui import style
from simulator.ui.widgets import feedback_text
from simulator.ui.widgets.feedback import LEAD_IN_S, FeedbackView, verdict_chip
from simulator.ui.widgets.feedback_transcript import parse_mark, transcript_html

TARGETS = {"pace_acceptable": [120.0, 175.0], "headline_window_s": 30.0}


def finding(metric: str, verdict: str, value: Any = 1.0) -> dict[str, Any]:
    return {"metric": metric, "verdict": verdict, "value": value, "target": [1, 2], "message": ""}


def test_verdicts_are_said_in_words_for_below_within_and_above() -> None:
    expected = {
        ("duration_s", "below"): "Too short",
        ("duration_s", "within"): "Within target",
        ("duration_s", "above"): "Too long",
        ("wpm", "below"): "Too slow",
        ("wpm", "above"): "Too fast",
        ("fillers_per_min", "above"): "Too many",
        ("structure", "below"): "Seems incomplete",
        ("headline_in_30s", "within"): "Seems present",
    }
    for (metric, verdict), words in expected.items():
        assert feedback_text.verdict_words(finding(metric, verdict, 200.0), TARGETS) == words
    # Inside the acceptable band the pace is only "a bit" off, as the finding's sentence says.
    assert feedback_text.verdict_words(finding("wpm", "above", 170.0), TARGETS) == "A bit fast"
    assert feedback_text.chip_text(finding("wpm", "above", 200.0), TARGETS) == "▲ Too fast"
    assert feedback_text.chip_text(finding("wpm", "below", 90.0), TARGETS) == "▼ Too slow"


def test_chips_carry_the_verdict_colour_as_well_as_the_words(qtbot: Any) -> None:
    colours = {"below": style.UNDER, "within": style.IN_BAND, "above": style.OVER}
    for verdict, colour in colours.items():
        chip = verdict_chip(finding("duration_s", verdict))
        qtbot.addWidget(chip)
        assert f"color: {colour}" in chip.styleSheet()
        assert chip.text() == feedback_text.chip_text(finding("duration_s", verdict))


def test_metric_rows_show_value_target_verdict_and_the_finding(qtbot: Any, answer: Any) -> None:
    words, analysis = answer
    view = FeedbackView(analysis, words)
    qtbot.addWidget(view)
    assert view.verdict_text("duration_s") == "▼ Too short"
    assert view.verdict_text("wpm") == "▼ A bit slow"
    assert view.verdict_text("fillers_per_min") == "▲ Too many"
    assert view.verdict_text("time_to_first_word_s") == "✓ Within target"
    assert view.verdict_text("longest_pause_s") == "▲ Long pauses"
    assert view.verdict_text("structure") == "✓ Seems complete"
    name, value, target, _chip, message = view.metric_rows["wpm"]
    assert (name.text(), value.text(), target.text()) == ("Pace", "120 wpm", "target 130–160 wpm")
    assert message.text().startswith("Pace 120 words a minute: a little slower than")
    assert view.metric_rows["duration_s"][2].text() == "target 60–120 s"
    assert "seems to have Situation, Task, Action and Result" in view.structure_label.text()
    assert " is " not in view.structure_label.text()
    assert "heuristics" in view.note_label.text() and "docs/ANALYSIS.md" in view.note_label.text()


def test_fillers_hedges_and_pauses_are_marked_where_they_were(
    qtbot: Any, answer: Any, marks: Any
) -> None:
    words, analysis = answer
    view = FeedbackView(analysis, words)
    qtbot.addWidget(view)
    text = " ".join(view.transcript.toPlainText().split())
    assert text.startswith("um at my last job")
    assert "timing out ‖ 1.6 s so my task" in text
    assert "find out why ‖ 3.0 s long I think the first" in text
    assert "add tracing (voice, no words) 0.6 s and I set up" in text
    assert "a dashboard ‖ 1.3 s as a result" in text
    found = [(href, shown) for href, shown, _f, _p in marks.links(view.transcript)]
    assert found == [
        ("mark:0.50", "um"),
        ("mark:4.40", "‖ 1.6 s"),
        ("mark:8.83", "‖ 3.0 s long"),
        ("mark:11.84", "I think"),
        ("mark:14.72", "basically"),
        ("mark:15.82", "(voice, no words) 0.6 s"),
        ("mark:18.55", "‖ 1.3 s"),
    ]
    formats = {shown: fmt for _h, shown, fmt, _p in marks.links(view.transcript)}
    # Not colour alone: fillers are underlined, hedges italic, pauses are chips with words.
    assert formats["um"].fontUnderline() and not formats["um"].fontItalic()
    assert formats["I think"].fontItalic() and not formats["I think"].fontUnderline()
    assert "filler (underlined)" in view.legend_label.text()
    assert "hedge (italic)" in view.legend_label.text()


def test_an_answer_without_words_says_so() -> None:
    assert "No words were recognised" in transcript_html([], {"pauses": []})
    assert parse_mark("mark:2.50") == 2.5
    assert parse_mark("https://example.org") is None


def test_clicking_a_mark_asks_to_play_from_a_second_before_it(
    qtbot: Any, answer: Any, marks: Any
) -> None:
    words, analysis = answer
    view = FeedbackView(analysis, words)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    viewport = view.transcript.viewport()
    for shown, start in (("‖ 3.0 s long", 8.83), ("basically", 14.72), ("um", 0.5)):
        with qtbot.waitSignal(view.play_requested) as played:
            qtbot.mouseClick(
                viewport, Qt.MouseButton.LeftButton, pos=marks.point(view.transcript, shown)
            )
        assert played.args[0] == pytest.approx(max(0.0, start - LEAD_IN_S))
    # A structure part plays from just before it begins too.
    with qtbot.waitSignal(view.play_requested) as played:
        view.parts_label.linkActivated.emit("mark:19.86")
    assert played.args[0] == pytest.approx(19.86 - LEAD_IN_S)


def test_structure_parts_read_back_from_the_store_keep_the_framework_order(
    qtbot: Any, answer: Any, tmp_path: Any
) -> None:
    from simulator.store import Store
    from simulator.store.records import read_answer

    words, analysis = answer
    with Store(tmp_path / "hotseat.db") as store:
        session = store.create_session(
            mode="practice", pack_id="p", settings={}, started_at="2026-01-01T00:00:00"
        )
        answer_id = store.start_answer(
            session_id=session, position=1, question_id="q", question_text="Q?",
            audio_path="a.wav", sample_rate=16000, started_at="2026-01-01T00:00:00",
        )  # fmt: skip
        store.set_analysis(answer_id, analysis, analysis["version"])
        saved = read_answer(store, answer_id)
    assert saved is not None and saved.analysis is not None
    stored = saved.analysis.data
    # The store writes JSON with sorted keys: read as stored, the parts are alphabetical.
    assert list(stored["structure"]["parts"]) == ["action", "result", "situation", "task"]
    view = FeedbackView(stored, words)
    qtbot.addWidget(view)
    assert "seems to have Situation, Task, Action and Result" in view.structure_label.text()
    html = view._parts_html()
    positions = [html.index(f"{part} from") for part in ("Situation", "Task", "Action", "Result")]
    assert positions == sorted(positions)
    missing = {**stored["structure"], "parts": {**stored["structure"]["parts"], "task": None}}
    assert feedback_text.structure_parts(missing)[1][1][0] == "Action"
    assert feedback_text.structure_sentence(missing).endswith(
        "seems to have Situation, Action and Result; no Task seems to be there."
    )
