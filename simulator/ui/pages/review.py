"""The review page: a past session read back from the store, its answers and their feedback.

It is given a typed ``core.records.SavedSession`` (the history flow reads it off the GUI
thread) and shows what the end page shows of a session just recorded: each answer with its
transcript, its recording to play and its feedback. Back (or Esc) returns to the list of past
sessions. Replay of a whole session will grow here: the session is kept as ``session``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from simulator.core.records import SavedSession, summary_of
from simulator.ui import style
from simulator.ui.pages.history import when
from simulator.ui.widgets.answer_list import AnswerList, AnswerRow, PlayFunction, summary_line


class ReviewPage(QWidget):
    back_requested = Signal()  # to the list of past sessions
    problem = Signal(str)  # a message for the banner (a recording that cannot play)
    score_requested = Signal(int)  # an answer id: score it yourself (pages/scoring.py)
    attempts_requested = Signal(int)  # an answer id: every attempt at its question

    def __init__(self, play: PlayFunction | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: SavedSession | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(style.MARGIN, style.MARGIN, style.MARGIN, style.MARGIN)
        outer.setSpacing(style.SPACING)
        self.title_label = QLabel("")
        self.title_label.setProperty("role", "title")
        self.summary_label = QLabel("")
        self.summary_label.setProperty("role", "subtitle")
        self.summary_label.setAccessibleName("Session summary")
        self.answers = AnswerList(play, "No answers were recorded in this session.")
        self.answers.problem.connect(self.problem.emit)
        outer.addWidget(self.title_label)
        outer.addWidget(self.summary_label)
        outer.addWidget(self.answers, 1)
        buttons = QHBoxLayout()
        self.back_button = QPushButton("Back to past sessions")
        self.back_button.setAccessibleName("Back to the list of past sessions")
        self.back_button.clicked.connect(self.back_requested.emit)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        self.current_answer_id: int | None = None  # the answer Score and Attempts act on
        self.attempts_button = QPushButton("&Attempts at this question…")
        self.attempts_button.clicked.connect(self._ask_attempts)
        self.score_button = QPushButton("&Score this answer…")
        self.score_button.clicked.connect(self._ask_score)
        buttons.addWidget(self.attempts_button)
        buttons.addWidget(self.score_button)
        outer.addLayout(buttons)
        self.back_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.back_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_shortcut.activated.connect(self.back_requested.emit)

    def show_session(self, session: SavedSession) -> None:
        self.session = session
        answers = [summary_of(answer) for answer in session.answers]
        self.title_label.setText(f"Session of {when(session.started_at)}")
        self.summary_label.setText(summary_line(session.id, answers))
        self.answers.show_answers(answers)
        answered = [answer for answer in session.answers if not answer.skipped]
        self.show_answer(answered[0].id if answered else None)
        # The answer last played or opened is the one Score and Attempts act on.
        for row, saved in zip(self.answers.rows, session.answers, strict=False):
            row.play_clicked.connect(lambda _row, answer_id=saved.id: self._follow(answer_id))
            row.feedback_button.toggled.connect(
                lambda shown, answer_id=saved.id: self._follow(answer_id) if shown else None
            )

    def show_answer(self, answer_id: int | None) -> None:
        """Make ``answer_id`` the answer Score and Attempts act on, scrolled into view."""
        ids = [answer.id for answer in self.session.answers] if self.session else []
        self.current_answer_id = answer_id if answer_id in ids else None
        for button in (self.score_button, self.attempts_button):
            button.setEnabled(self.current_answer_id is not None)
        if self.current_answer_id is None:
            return
        index = ids.index(self.current_answer_id)
        self.score_button.setText(f"&Score answer {index + 1}…")
        if index < len(self.answers.rows):
            self.answers.ensureWidgetVisible(self.answers.rows[index])

    def _follow(self, answer_id: int) -> None:
        if answer_id != self.current_answer_id:
            self.show_answer(answer_id)

    def _ask_score(self) -> None:
        if self.current_answer_id is not None:
            self.score_requested.emit(self.current_answer_id)

    def _ask_attempts(self) -> None:
        if self.current_answer_id is not None:
            self.attempts_requested.emit(self.current_answer_id)

    @property
    def session_id(self) -> int | None:
        return self.session.id if self.session is not None else None

    @property
    def answer_rows(self) -> list[AnswerRow]:
        return self.answers.rows

    def stop_playback(self) -> None:
        self.answers.stop_playback()


__all__ = ["ReviewPage"]
