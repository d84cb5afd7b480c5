"""The pressure-mode screenshots, for scripts/screenshots.py: the drill picker, a cut-in with a
chat badge, a time squeeze with a toast, the debug-aloud code panel before and after the
answer, and the recovery findings in an answer's feedback.

The interview page is driven with the runner's typed events, as the other screenshots are.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from simulator.core import events as ev
from simulator.core.packs import Question
from simulator.core.records import AnswerSummary, read_analysis, read_words
from simulator.ui.bridge import SessionBridge
from simulator.ui.window import MainWindow
from tests.support.events import typed

Settle = Callable[[QApplication, Callable[[], bool], float], None]
Save = Callable[[QWidget, Path, str], None]
CUT_IN = "Hold on. What was your own part in that, specifically?"
ANSWER = (
    "so we had the billing service timing out and the team first thought it was the database "
    "but when I looked at the traces the time went into"
)


def _question(window: MainWindow, pack_id: str, question_id: str | None = None) -> Question:
    pack = window.library.get(pack_id)
    return pack.question(question_id) if question_id else pack.questions[0]


def _answering(
    window: MainWindow, question: Question, elapsed: float, text: str, index: int = 0
) -> None:
    """The interview page, ``elapsed`` seconds into an answer to question ``index``."""
    page = window.interview
    page.attach(SessionBridge(window), hide_question=False, questions=[question])
    window.navigator.show(page)
    low, high = question.answer_seconds
    page.handle_event(
        typed(
            {
                "type": "question_started",
                "index": index,
                "count": 3,
                "question_id": question.id,
                "text": question.text,
                "category": question.category,
                "answer_seconds": [low, high],
                "time_limit_s": high + 30,
            }
        )
    )
    page.handle_event(typed({"type": "recording_started", "index": 0, "answer_id": 1}))
    page.handle_event(typed({"type": "level", "level": 0.55, "elapsed_s": elapsed, "voiced": True}))
    page.handle_event(typed({"type": "partial", "index": 0, "text": text}))


def _cut_in(kind: str, text: str, answer_s: float) -> ev.InterruptionStarted:
    return ev.InterruptionStarted(index=0, answer_id=1, kind=kind, text=text, answer_s=answer_s)


def _on_screen(name: str, answer_s: float) -> ev.Distraction:
    return ev.Distraction(
        index=0,
        answer_id=1,
        kind="screen",
        name=name,
        answer_s=answer_s,
        duration_s=30.0,
        level_db=None,
    )


def pressure_analysis(analysis: dict[str, Any]) -> dict[str, Any]:
    """``analysis`` with the recovery findings of two cut-ins and two distractions in it."""
    length = float(analysis["duration_s"])
    first, second = round(length * 0.3, 1), round(length * 0.7, 1)
    pressure = {
        "interruptions": [
            {
                "start_s": first,
                "end_s": first + 2.4,
                "resumed_s": first + 4.3,
                "recovery_s": 1.9,
                "kind": "follow_up",
                "abandoned": False,
                "after_wpm": 128,
                "after_fillers_per_min": 4,
            },
            {
                "start_s": second,
                "end_s": second + 2.0,
                "resumed_s": second + 6.6,
                "recovery_s": 4.6,
                "kind": "probe",
                "abandoned": False,
            },
        ],
        "distractions": [
            {"name": "phone_buzz", "kind": "sound", "start_s": round(length * 0.5, 1)},
            {"name": "toast", "kind": "screen", "start_s": round(length * 0.85, 1)},
        ],
        # As core.analysis.pressure gives it: the answer's own calm parts, to compare with.
        "summary": {"baseline": {"wpm": 142, "fillers_per_min": 2, "of": "calm"}},
    }
    return {**analysis, "pressure": pressure}


def save_pressure_shots(
    app: QApplication,
    window: MainWindow,
    folder: Path,
    settle: Settle,
    save: Save,
    made_up_answer: Callable[[], tuple[list[dict[str, Any]], dict[str, Any]]],
) -> None:
    window.resize(1100, 720)
    window.navigator.show(window.home)
    picker = window.home.drill_picker
    picker.drill_combo.setCurrentIndex(picker.drill_combo.findData("interruptions"))
    settle(app, lambda: True, 0.2)
    save(window, folder, "20-drill-picker.png")
    picker.set_choice(None, 2)

    words, analysis = made_up_answer()
    analysis = pressure_analysis(analysis)
    behavioural = _question(window, "behavioral-core")
    _answering(window, behavioural, 17, ANSWER, index=1)
    # The previous answer's card sums up its recovery too.
    window.interview.handle_event(ev.AnswerAnalyzed(index=0, answer_id=1, analysis=analysis))
    window.interview.handle_event(_cut_in("probe", CUT_IN, 17))
    window.interview.handle_event(_on_screen("chat_badge", 17))
    settle(app, lambda: True, 0.2)
    save(window, folder, "21-interview-cut-in.png")

    squeeze = "We're running short on time. Could you wrap up in the next 30 seconds?"
    _answering(window, behavioural, 48, ANSWER)
    page = window.interview
    page.handle_event(_cut_in("time_squeeze", squeeze, 48))
    page.handle_event(typed({"type": "time_squeezed", "new_limit_s": 78, "answer_s": 48}))
    page.handle_event(typed({"type": "interruption_ended", "answer_s": 52}))
    page.handle_event(typed({"type": "level", "level": 0.5, "elapsed_s": 53, "voiced": True}))
    page.handle_event(_on_screen("toast", 53))
    settle(app, lambda: True, 0.2)
    save(window, folder, "22-interview-squeeze-toast.png")

    debug = _question(window, "debug-aloud", "debug-binary-search")
    _answering(window, debug, 31, "so low starts at zero and high is the length and then")
    settle(app, lambda: True, 0.2)
    save(window, folder, "23-code-panel.png")
    page.handle_event(typed({"type": "answer_ended", "index": 0, "answer_s": 64}))
    settle(app, lambda: True, 0.2)
    save(window, folder, "24-code-panel-bug.png")

    answer = AnswerSummary(
        1,
        behavioural.text,
        float(analysis["duration_s"]),
        " ".join(str(w["text"]) for w in words),
        "x/0.wav",
        "pocketsphinx",
        read_words(words),
        read_analysis(analysis),
    )
    window.end.show_results(14, "complete", [answer])
    window.navigator.show(window.end)
    window.end.answer_rows[0].show_feedback(True)
    window.resize(1100, 1100)
    settle(app, lambda: True, 0.3)
    save(window, folder, "25-recovery-feedback.png")
    window.resize(1100, 720)
