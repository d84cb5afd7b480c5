"""The end page: the answers of the session just recorded, each with its recording to replay.

The answers are shown by ``widgets.answer_list`` (cards, playback, feedback), as on the review
page of a past session. ``SessionAnswers`` gathers the saved answers from the runner's events
as ``core.records.SavedAnswer``; ``core.records.summary_of`` is the one builder of the summary
each card shows.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from simulator.core.records import (
    ANSWERED,
    SKIPPED,
    AnswerSummary,
    SavedAnswer,
    read_analysis,
    read_words,
    summary_of,
)
from simulator.ui import style
from simulator.ui.widgets.answer_list import (
    SKIPPED_TEXT,
    AnswerList,
    AnswerRow,
    PlayFunction,
    summary_line,
)


class SessionAnswers:
    """The answers of one session as the runner saves them, gathered from its events."""

    def __init__(self) -> None:
        self.saved: list[SavedAnswer] = []
        self._session_id = 0
        self._questions: dict[int, tuple[str, str]] = {}  # index -> (question id, text)

    @property
    def answers(self) -> list[AnswerSummary]:
        return [summary_of(answer) for answer in self.saved]

    def handle_event(self, event: dict[str, Any]) -> None:
        kind = event.get("type")
        if kind == "session_started":
            self._session_id = int(event.get("session_id") or 0)
        elif kind == "question_started":
            question = (str(event.get("question_id", "")), str(event.get("text", "")))
            self._questions[int(event["index"])] = question
        elif kind == "answer_saved":
            self.saved.append(self._saved_answer(event))
        elif kind == "answer_analyzed" and isinstance(event.get("analysis"), dict):
            position = int(event["index"]) + 1
            analysis = read_analysis(event["analysis"])
            self.saved = [
                replace(a, analysis=analysis) if a.position == position else a for a in self.saved
            ]

    def _saved_answer(self, event: dict[str, Any]) -> SavedAnswer:
        """The answer the runner has just saved, as the store now holds it."""
        index = int(event["index"])
        question_id, text = self._questions.get(index, ("", ""))
        duration = event.get("duration_s")
        return SavedAnswer(
            id=int(event.get("answer_id") or 0),
            session_id=self._session_id,
            position=index + 1,
            question_id=question_id,
            question_text=text,
            audio_path=str(event.get("audio_path", "")),
            sample_rate=0,  # neither is in the event, and the page needs neither
            started_at="",
            duration_s=float(duration) if duration is not None else None,
            transcript=str(event.get("transcript", "")),
            words=read_words(event.get("words")),
            engine=str(event.get("engine", "")),
            model=str(event.get("model", "")),
            status=SKIPPED if event.get("skipped") else ANSWERED,
        )


class EndPage(QWidget):
    """The session just recorded: its answers, then Home or Practice again (Esc: home)."""

    practice_again_requested = Signal()
    home_requested = Signal()
    problem = Signal(str)  # a message for the banner (a recording that cannot play)

    def __init__(self, play: PlayFunction | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session_id: int | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(style.MARGIN, style.MARGIN, style.MARGIN, style.MARGIN)
        outer.setSpacing(style.SPACING)
        self.title_label = QLabel("Interview complete")
        self.title_label.setProperty("role", "title")
        self.summary_label = QLabel("")
        self.summary_label.setProperty("role", "subtitle")
        self.summary_label.setAccessibleName("Session summary")
        # A drill session's recovery, against the earlier pressure sessions (session_flow).
        self.pressure_label = QLabel("")
        self.pressure_label.setWordWrap(True)
        self.pressure_label.setAccessibleName("Recovery under pressure")
        self.pressure_label.hide()
        self.answers = AnswerList(play, "No answers were recorded in this session.")
        self.answers.problem.connect(self.problem.emit)
        outer.addWidget(self.title_label)
        outer.addWidget(self.summary_label)
        outer.addWidget(self.pressure_label)
        outer.addWidget(self.answers, 1)

        buttons = QHBoxLayout()
        self.home_button = QPushButton("Home")
        self.home_button.setAccessibleName("Back to the home page")
        self.home_button.clicked.connect(self.home_requested.emit)
        self.again_button = QPushButton("Practice again")
        self.again_button.setProperty("role", "primary")
        self.again_button.setAccessibleName("Practice again with the same pack")
        self.again_button.clicked.connect(self.practice_again_requested.emit)
        buttons.addWidget(self.home_button)
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        outer.addLayout(buttons)
        # Esc goes home, as the other pages go back.
        self.back_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.back_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_shortcut.activated.connect(self.home_requested.emit)

    def show_results(
        self, session_id: int | None, status: str, answers: list[AnswerSummary]
    ) -> None:
        self.session_id = session_id
        self.title_label.setText(
            "Interview complete" if status == "complete" else "Interview ended early"
        )
        self.summary_label.setText(summary_line(session_id, answers))
        self.pressure_label.hide()
        self.pressure_label.setText("")
        self.answers.show_answers(answers)

    def show_pressure(self, lines: list[str]) -> None:
        """A drill session's recovery summary, above its answers."""
        self.pressure_label.setText("\n".join(lines))
        self.pressure_label.show()

    # The answer list's parts, as the window and the tests reach them.
    @property
    def answer_rows(self) -> list[AnswerRow]:
        return self.answers.rows

    @property
    def empty_label(self) -> QLabel:
        return self.answers.empty_label

    @property
    def playing_row(self) -> AnswerRow | None:
        return self.answers.playing_row

    @property
    def playback_timer(self) -> QTimer:
        return self.answers.playback_timer

    def stop_playback(self) -> None:
        self.answers.stop_playback()


__all__ = ["SKIPPED_TEXT", "AnswerRow", "AnswerSummary", "EndPage", "SessionAnswers"]
