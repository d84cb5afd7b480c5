"""The end page of a drill session: its recovery summed up above the answers, against the
earlier pressure sessions read off the GUI thread (a scripted session on the real bridge)."""

from __future__ import annotations

import threading
from typing import Any

from simulator.core.drills import DRILLS
from tests.ui.test_pressure_window import PRESSURE


def _answer_once(qtbot: Any, window: Any, answer: Any, drill: str | None) -> None:
    words, analysis = answer
    window.services.sessions.answers = {0: (words, {**analysis, "pressure": PRESSURE})}
    combo = window.home.drill_picker.drill_combo
    combo.setCurrentIndex(combo.findData(drill) if drill else 0)
    assert window.session.start("ui-test", ["first"]) is not None
    qtbot.waitUntil(lambda: bool(window.services.sessions.runners))
    window.session.bridge.stop_answer()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.end, timeout=5000)


def test_a_drill_session_ends_with_its_recovery_against_the_earlier_ones(
    qtbot: Any, window: Any, answer: Any
) -> None:
    history = window.services.history
    history.earlier = [{"median_recovery_s": 3.0}]
    _answer_once(qtbot, window, answer, DRILLS[0].name)
    label = window.end.pressure_label
    qtbot.waitUntil(label.isVisible, timeout=5000)
    assert label.text().split("\n") == [
        "Under pressure: 2 cut-ins, median recovery 2.1 s, slowest 2.1 s (answer 1 at 0:14.2),"
        " 1 not taken up again.",
        "Recovery: 0.9 s quicker than your earlier pressure session (3.0 s).",
    ]
    [(session_id, thread)] = history.earlier_asked
    assert session_id == window.end.session_id and thread != threading.main_thread().name
    layout = window.end.layout()
    assert layout.indexOf(label) < layout.indexOf(window.end.answers)  # above the answers


def test_a_session_without_a_drill_shows_no_recovery_summary(
    qtbot: Any, window: Any, answer: Any
) -> None:
    _answer_once(qtbot, window, answer, None)
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert window.end.pressure_label.isHidden() and window.services.history.earlier_asked == []
