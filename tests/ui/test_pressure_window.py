"""Pressure mode in the window: the drill picker, what a drill shows during an answer, and the
recovery findings after it, through a scripted session on the bridge's real thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QLabel

from simulator.core.drills import DRILLS, AnswerClarification, Distract, Interrupt, SqueezeTime
from simulator.settings import Settings
from simulator.ui import style
from simulator.ui.widgets.drill_picker import NO_DRILL
from simulator.ui.widgets.pressure import TALKING_PREFIX
from tests.support.scripted_runner import PressureStep

CUT_IN = "What was your own part in that, specifically?"
PRESSURE = {
    "interruptions": [
        {
            "start_s": 14.2,
            "end_s": 16.0,
            "resumed_s": 18.1,
            "recovery_s": 2.1,
            "kind": "follow_up",
            "abandoned": False,
        },
        {
            "start_s": 40.0,
            "end_s": 42.5,
            "resumed_s": None,
            "recovery_s": None,
            "kind": "probe",
            "abandoned": True,
        },
    ],
    "distractions": [{"name": "knock", "kind": "sound", "start_s": 25.0, "duration_s": 0.8}],
}


def _start(qtbot: Any, window: Any, *args: Any) -> Any:
    bridge = window.session.start(*args)
    assert bridge is not None
    qtbot.waitUntil(lambda: bool(window.services.sessions.runners))
    return window.services.sessions.runners[-1]


def _finish(qtbot: Any, window: Any) -> None:
    window.session.bridge.abort()
    qtbot.waitUntil(lambda: not window.session.bridge.is_running, timeout=5000)


# --- home ---------------------------------------------------------------------------------


def test_the_drill_picker_describes_each_drill_and_starts_the_chosen_one(
    qtbot: Any, window: Any
) -> None:
    picker = window.home.drill_picker
    combo = picker.drill_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        NO_DRILL,
        *(drill.title for drill in DRILLS),
    ]
    assert picker.drill() is None and not picker.intensity_combo.isEnabled()
    assert picker.headphones_label.isHidden() and picker.description_label.isHidden()
    combo.setCurrentIndex(combo.findData("debug-aloud"))
    debug = next(drill for drill in DRILLS if drill.name == "debug-aloud")
    assert picker.description_label.text() == debug.description
    assert not picker.description_label.isHidden()
    assert picker.intensity_combo.isEnabled() and not picker.headphones_label.isHidden()
    assert "headphones" in picker.headphones_label.text()
    picker.intensity_combo.setCurrentIndex(picker.intensity_combo.findData(3))
    window.home.shuffle_check.setChecked(True)
    window.home.seed_edit.setText("41")
    runner = _start(qtbot, window, "ui-test", 1)
    assert (runner.options.drill, runner.options.intensity, runner.options.seed) == (
        "debug-aloud",
        3,
        41,
    )
    saved = window.settings_file.load()
    assert (saved.drill, saved.intensity) == ("debug-aloud", 3)
    _finish(qtbot, window)


def test_a_saved_drill_comes_back_and_an_unknown_one_falls_back_to_none(
    qtbot: Any, library: Any
) -> None:
    from simulator.ui.pages.home import HomePage

    page = HomePage(library, Settings(drill="time-squeeze", intensity=1))
    qtbot.addWidget(page)
    assert (page.drill_picker.drill(), page.drill_picker.intensity()) == ("time-squeeze", 1)
    page.load_settings(Settings(drill="no-such-drill", intensity=3))
    assert page.drill_picker.drill() is None
    assert page.apply_to(Settings()).drill is None


def test_an_intensity_out_of_range_in_the_settings_file_keeps_the_default(
    settings_file: Any,
) -> None:
    settings_file.path.parent.mkdir(parents=True, exist_ok=True)
    settings_file.path.write_text('{"drill": "busy-office", "intensity": 7}', encoding="utf-8")
    loaded = settings_file.load()
    assert (loaded.drill, loaded.intensity) == ("busy-office", 2)
    assert settings_file.problem is not None and "intensity 7" in settings_file.problem


def test_the_drill_and_intensity_are_reached_with_tab_and_their_mnemonics(
    qtbot: Any, window: Any
) -> None:
    home = window.home
    home.drill_picker.drill_combo.setCurrentIndex(1)  # the intensity is enabled with a drill
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    home.hide_question_check.setFocus()
    qtbot.waitUntil(home.hide_question_check.hasFocus)
    for expected in (home.drill_picker.drill_combo, home.drill_picker.intensity_combo):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        assert window.focusWidget() is expected
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.focusWidget() is home.settings_button
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert window.focusWidget() is home.drill_picker.drill_combo


# --- during the answer ----------------------------------------------------------------------


def test_a_cut_in_is_marked_while_the_interviewer_talks_and_cleared_after(
    qtbot: Any, window: Any
) -> None:
    window.services.sessions.pressure = {
        0: [PressureStep(9.0, Interrupt("follow_up", CUT_IN), hold=True)]
    }
    runner = _start(qtbot, window, "ui-test", ["first"])
    mark = window.interview.interviewer_mark
    qtbot.waitUntil(lambda: mark.talking)
    assert mark.text().startswith(TALKING_PREFIX) and CUT_IN in mark.text()
    runner.resume()
    qtbot.waitUntil(lambda: not mark.talking)
    assert window.interview.phase == "answering"  # the answer goes on after the cut-in
    _finish(qtbot, window)


def test_a_clarification_is_marked_with_what_the_interviewer_answers(
    qtbot: Any, window: Any
) -> None:
    reply = "Mostly the search page. People say it takes several seconds."
    step = PressureStep(12.0, AnswerClarification("which page is slow", reply), hold=True)
    window.services.sessions.pressure = {0: [step]}
    runner = _start(qtbot, window, "ui-test", ["first"])
    mark = window.interview.interviewer_mark
    qtbot.waitUntil(lambda: mark.talking)
    assert reply in mark.text()
    runner.resume()
    qtbot.waitUntil(lambda: not mark.talking)
    _finish(qtbot, window)


def test_screen_distractions_show_for_their_time_and_sounds_show_nothing(
    qtbot: Any, window: Any
) -> None:
    window.services.sessions.pressure = {
        0: [
            PressureStep(5.0, Distract("sound", "knock", -8.0, 0.8)),
            PressureStep(6.0, Distract("screen", "chat_badge", None, 30.0)),
            PressureStep(7.0, Distract("screen", "toast", None, 0.4)),
        ]
    }
    _start(qtbot, window, "ui-test", ["first"])
    screen = window.interview.distractions
    qtbot.waitUntil(lambda: screen.toast.isVisible())
    assert screen.badge.isVisible() and screen.toast_text.text()
    # In the page's top-right corner, over it, and never in the way of a click.
    assert screen.geometry().right() <= window.interview.width()
    assert screen.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    qtbot.waitUntil(lambda: not screen.toast.isVisible(), timeout=3000)  # its 0.4 s are up
    assert screen.badge.isVisible()  # 30 s: still there
    window.session.bridge.stop_answer()  # the answer's end takes the rest away
    qtbot.waitUntil(lambda: not screen.badge.isVisible())
    _finish(qtbot, window)


def test_a_squeeze_turns_the_timer_red_and_shows_the_new_limit(qtbot: Any, window: Any) -> None:
    wrap_up = "We're short on time, can you wrap up in 30 seconds?"
    window.services.sessions.pressure = {0: [PressureStep(25.0, SqueezeTime(55.0, wrap_up))]}
    _start(qtbot, window, "ui-test", ["first"])
    timer = window.interview.timer
    qtbot.waitUntil(lambda: timer.squeezed_to == 55.0)
    assert "now stops at 0:55" in timer.band_label.text()
    assert style.OVER in timer.time_label.styleSheet()
    assert timer.state_text == "Wrap up: 0:30 left"
    qtbot.waitUntil(lambda: not window.interview.interviewer_mark.talking)
    _finish(qtbot, window)
    # The next question starts with the ordinary band again.
    timer.set_band(30, 60)
    assert timer.squeezed_to is None and style.OVER not in timer.time_label.styleSheet()


def test_a_debug_question_shows_its_code_and_the_bug_after_the_answer(
    qtbot: Any, library_window: Any
) -> None:
    window = library_window
    _start(qtbot, window, "debug-aloud", ["debug-average-of-scores"])
    panel = window.interview.code_panel
    qtbot.waitUntil(panel.isVisible)
    assert QFontInfo(panel.view.font()).fixedPitch()
    cells = panel.view.toPlainText().strip("\n").split("\n")  # number, line, number, ...
    numbered = list(zip(cells[::2], cells[1::2], strict=True))
    question = window.library.get("debug-aloud").question("debug-average-of-scores")
    assert numbered == [(str(n), line) for n, line in enumerate(question.code.split("\n"), 1)]
    assert panel.heading.text() == "CODE · PYTHON" and not panel.bug_revealed
    # Clicking the code leaves Space to end the answer, as everywhere on the page.
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.focusWidget() or window.interview, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.bug_revealed)
    assert window.services.sessions.runners[-1].stop_calls == 1
    assert panel.bug_label.text().startswith("The bug, line 3: The loop starts at index 1")
    _finish(qtbot, window)


def test_a_question_without_code_shows_no_code_panel(qtbot: Any, window: Any) -> None:
    _start(qtbot, window, "ui-test", ["first"])
    qtbot.waitUntil(lambda: window.interview.phase == "answering")
    assert window.interview.code_panel.isHidden()
    _finish(qtbot, window)


# --- after ----------------------------------------------------------------------------------


def test_the_recovery_findings_show_beside_the_measures_and_play_each_moment(
    qtbot: Any, window: Any, answer: Any
) -> None:
    words, analysis = answer
    window.services.sessions.answers = {0: (words, {**analysis, "pressure": PRESSURE})}
    _start(qtbot, window, "ui-test", ["first"])
    window.session.bridge.stop_answer()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.end, timeout=5000)
    row = window.end.answer_rows[0]
    qtbot.mouseClick(row.feedback_button, Qt.MouseButton.LeftButton)
    findings = row.feedback.pressure
    assert findings is not None and findings.isVisible()
    summary = findings.summary_label.text()
    assert summary.startswith("2 interruptions · median recovery 2.1 s · slowest 2.1 s")
    assert "1 left unfinished" in summary and summary.endswith("1 distraction")
    assert [button.text() for button in findings.moment_buttons] == ["▶ 0:14", "▶ 0:40", "▶ 0:25"]
    qtbot.waitUntil(lambda: findings.moment_buttons[0].height() > 0)  # laid out, clickable
    qtbot.mouseClick(findings.moment_buttons[0], Qt.MouseButton.LeftButton)
    playback = window.services.voices.playbacks[-1]
    assert (playback.path, playback.start_s) == (row.answer.audio_path, 14.2 - 1.0)
    # Keyboard: Tab goes from the feedback button through the moments; Space plays one.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    row.feedback_button.setFocus()
    qtbot.waitUntil(row.feedback_button.hasFocus)
    for button in findings.moment_buttons:
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        assert window.focusWidget() is button
    qtbot.keyClick(findings.moment_buttons[2], Qt.Key.Key_Space)
    assert window.services.voices.playbacks[-1].start_s == 24.0


def test_the_last_answer_card_sums_up_the_recovery_during_the_session(
    qtbot: Any, answer: Any
) -> None:
    from simulator.ui.widgets.feedback_summary import LastAnswerSummary

    _words, analysis = answer
    card = LastAnswerSummary()
    qtbot.addWidget(card)
    card.show_analysis(1, analysis)
    assert not any(line.startswith("Under pressure") for line in card.lines)
    card.show_analysis(1, {**analysis, "pressure": PRESSURE})
    assert card.lines[-1].startswith("Under pressure: 2 interruptions · median recovery 2.1 s")


def test_an_analysis_without_pressure_or_with_odd_pressure_shows_no_findings(
    qtbot: Any, answer: Any
) -> None:
    from simulator.ui.widgets.feedback import FeedbackView

    words, analysis = answer
    for pressure in (None, "nonsense", {"interruptions": "x"}, {"interruptions": [], "x": 1}):
        data = dict(analysis) if pressure is None else {**analysis, "pressure": pressure}
        view = FeedbackView(data, words)
        qtbot.addWidget(view)
        assert view.pressure is None
    # Fields missing: what there is is shown, never an error.
    view = FeedbackView({**analysis, "pressure": {"interruptions": [{"kind": "probe"}]}}, words)
    qtbot.addWidget(view)
    assert view.pressure is not None
    assert view.pressure.summary_label.text() == "1 interruption"
    assert not view.pressure.moment_buttons[0].isEnabled()


def test_the_findings_read_what_the_real_analysis_writes(qtbot: Any) -> None:
    """The figures after a cut-in, against the answer's own calm parts, as
    ``core.analysis`` stores them (not a hand-made dict)."""
    from simulator.core.analysis import analyze
    from simulator.core.played import PlayedSpan
    from simulator.core.transcript import Transcript, Word
    from simulator.ui.widgets.feedback_pressure import PressureFindings

    def spread(start: float, end: float, count: int) -> list[Word]:
        step = (end - start) / count
        return [Word("word", start + i * step, start + (i + 1) * step - 0.02) for i in range(count)]

    words = spread(1.0, 20.0, 48) + spread(24.0, 39.0, 22) + spread(39.0, 60.0, 52)
    events = [
        {"type": "interruption_started", "index": 0, "answer_id": 1, "kind": "follow_up",
         "text": "Can you be more concrete?", "answer_s": 20.0},
        {"type": "interruption_ended", "index": 0, "answer_id": 1, "answer_s": 22.0},
    ]  # fmt: skip
    report = analyze(
        Transcript(tuple(words), "test", "m", 61.0),
        [(1.0, 20.0), (24.0, 60.0)],
        played=[PlayedSpan(20.0, 22.0, "interviewer")],
        pressure_events=events,
    )
    findings = PressureFindings(report["pressure"])
    qtbot.addWidget(findings)
    shown = [
        findings.grid.itemAt(i).widget().text()
        for i in range(findings.grid.count())
        if isinstance(findings.grid.itemAt(i).widget(), QLabel)
    ]
    after = next(text for text in shown if text.startswith("after: "))
    assert after.startswith("after: 88 wpm (usually 15") and "fillers/min" in after
