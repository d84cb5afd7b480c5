"""The review page: a past session replayed one answer at a time, with all its answers below.

It is given a typed ``core.records.SavedSession`` (the history flow reads it off the GUI
thread). The replay panel shows one answer: its waveform (computed and cached off the GUI
thread) with a playhead and the analysis's marks, its transcript with the word being spoken
highlighted, the interviewer's question to play first, and speeds from 0.75x to 1.5x (pitch
kept). Click a word, a mark or the waveform to play from there. Keys: Space play/pause,
Left/Right 5 s, Up/Down the previous/next answer, Esc back to the list of past sessions.
Below, every answer's card with its feedback, as the end page shows them.

The row of replay buttons keeps a place (``extra_tools``) for buttons of other review pages
(scoring, attempts), so they can be added without rearranging the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from simulator.core.records import SavedAnswer, SavedSession, summary_of
from simulator.ui import style
from simulator.ui.pages.history import when
from simulator.ui.pages.review_player import SKIP_S, SPEEDS, ReplayAudio, ReplayPlayer
from simulator.ui.tasks import TaskRunner, default_runner
from simulator.ui.widgets.answer_list import AnswerList, AnswerRow, summary_line
from simulator.ui.widgets.feedback_text import clock
from simulator.ui.widgets.replay_marks import Marker, markers_of
from simulator.ui.widgets.synced_transcript import SyncedTranscript
from simulator.ui.widgets.waveform import WaveformView

if TYPE_CHECKING:
    from simulator.records.waveforms import Envelope


class ReviewPage(QWidget):
    back_requested = Signal()  # to the list of past sessions
    problem = Signal(str)  # a message for the banner (a recording that cannot play)
    answer_shown = Signal(object)  # the SavedAnswer now in the replay panel
    score_requested = Signal(int)  # an answer id: score it yourself (pages/scoring.py)
    attempts_requested = Signal(int)  # an answer id: every attempt at its question

    def __init__(
        self,
        audio: ReplayAudio | None = None,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session: SavedSession | None = None
        self.audio = audio
        self.tasks = tasks or default_runner()
        self.current: int | None = None  # index into session.answers
        self.markers: list[Marker] = []
        self.player = ReplayPlayer(audio, self.tasks)
        self.player.problem.connect(self.problem.emit)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(style.MARGIN, style.MARGIN, style.MARGIN, style.MARGIN)
        outer.setSpacing(style.SPACING)
        self.title_label = QLabel("")
        self.title_label.setProperty("role", "title")
        self.summary_label = QLabel("")
        self.summary_label.setProperty("role", "subtitle")
        self.summary_label.setAccessibleName("Session summary")
        play = audio.play_recording if audio is not None else None
        self.answers = AnswerList(play, "No answers were recorded in this session.")
        self.answers.problem.connect(self.problem.emit)
        outer.addWidget(self.title_label)
        outer.addWidget(self.summary_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_replay())
        splitter.addWidget(self.answers)
        splitter.setStretchFactor(0, 0)  # the replay at its own height, the cards get the rest
        splitter.setStretchFactor(1, 1)
        outer.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        self.bottom_row = buttons  # Export… and its status line join it (ui/export_flow.py)
        self.back_button = QPushButton("Back to past sessions")
        self.back_button.setAccessibleName("Back to the list of past sessions")
        self.back_button.clicked.connect(self.back_requested.emit)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self._add_keys()
        self.player.position_changed.connect(self._follow)
        self.player.playing_changed.connect(self._show_playing)
        self.player.question_changed.connect(self._show_question_playing)

    def _build_replay(self) -> QFrame:
        panel = QFrame()
        panel.setProperty("role", "card")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(8)
        self.answer_label = QLabel("")
        self.answer_label.setWordWrap(True)
        self.answer_label.setFont(style.font(12.5, bold=True))
        self.toolbar = QHBoxLayout()
        self.toolbar.setSpacing(8)
        self.previous_button = QPushButton("▲ Previous")
        self.previous_button.setAccessibleName("Previous answer (Up)")
        self.previous_button.clicked.connect(lambda: self.step_answer(-1))
        self.play_button = QPushButton("▶  Play")
        self.play_button.setAccessibleName("Play the answer (Space)")
        self.play_button.clicked.connect(self.player.toggle)
        self.question_button = QPushButton("▶  Question, then answer")
        self.question_button.setAccessibleName("Play the interviewer's question, then the answer")
        self.question_button.clicked.connect(self.player.play_question)
        self.speed_box = QComboBox()
        self.speed_box.setAccessibleName("Playback speed")
        for speed in SPEEDS:
            self.speed_box.addItem(f"{speed:g}×", speed)
        self.speed_box.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_box.currentIndexChanged.connect(
            lambda index: self.player.set_speed(SPEEDS[index])
        )
        self.time_label = QLabel("0:00 / 0:00")
        self.time_label.setFont(style.font(11, mono_digits=True))
        self.next_button = QPushButton("Next ▼")
        self.next_button.setAccessibleName("Next answer (Down)")
        self.next_button.clicked.connect(lambda: self.step_answer(1))
        for widget in (self.previous_button, self.play_button, self.question_button):
            self.toolbar.addWidget(widget)
        self.toolbar.addWidget(QLabel("Speed"))
        self.toolbar.addWidget(self.speed_box)
        self.toolbar.addWidget(self.time_label)
        self.toolbar.addStretch(1)
        # The other review pages (scoring, attempts) open from here, on the answer shown.
        self.extra_tools = QHBoxLayout()
        self.attempts_button = QPushButton("&Attempts at this question…")
        self.attempts_button.clicked.connect(self._ask_attempts)
        self.score_button = QPushButton("&Score this answer…")
        self.score_button.clicked.connect(self._ask_score)
        self.extra_tools.addWidget(self.attempts_button)
        self.extra_tools.addWidget(self.score_button)
        self.toolbar.addLayout(self.extra_tools)
        self.toolbar.addWidget(self.next_button)
        self.waveform = WaveformView()
        self.waveform.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.waveform.seek_requested.connect(self.player.seek)
        self.transcript = SyncedTranscript()
        self.transcript.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrows stay replay keys
        self.transcript.setMinimumHeight(90)
        self.transcript.setMaximumHeight(170)  # it scrolls to the word being spoken
        self.transcript.seek_requested.connect(self.player.play_from)
        layout.addWidget(self.answer_label)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.waveform)
        layout.addWidget(self.transcript)
        return panel

    def _add_keys(self) -> None:
        keys = {
            Qt.Key.Key_Escape: self.back_requested.emit,
            Qt.Key.Key_Space: self.player.toggle,
            Qt.Key.Key_Left: lambda: self.player.skip(-SKIP_S),
            Qt.Key.Key_Right: lambda: self.player.skip(SKIP_S),
            Qt.Key.Key_Up: lambda: self.step_answer(-1),
            Qt.Key.Key_Down: lambda: self.step_answer(1),
        }
        self.shortcuts: dict[Qt.Key, QShortcut] = {}
        for key, action in keys.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
            self.shortcuts[key] = shortcut
        self.back_shortcut = self.shortcuts[Qt.Key.Key_Escape]

    # -- the session ---------------------------------------------------------------------
    def show_session(self, session: SavedSession, answer_id: int | None = None) -> None:
        """Show ``session``, replaying the answer ``answer_id`` (else its first answer)."""
        self.session = session
        answers = [summary_of(answer) for answer in session.answers]
        self.title_label.setText(f"Session of {when(session.started_at)}")
        self.summary_label.setText(summary_line(session.id, answers))
        self.answers.show_answers(answers)
        for index, row in enumerate(self.answers.rows):
            row.play_clicked.connect(lambda _row: self.player.stop())  # one sound at a time
            # The card being read becomes the answer replayed, scored and compared.
            row.feedback_button.toggled.connect(
                lambda shown, index=index: self._look_at(index) if shown else None
            )
        ids = [answer.id for answer in session.answers]
        self.show_answer(ids.index(answer_id) if answer_id in ids else 0)

    def show_answer(self, index: int) -> None:
        """Put answer ``index`` of the session in the replay panel."""
        self.answers.stop_playback()
        answers = self.session.answers if self.session is not None else ()
        if not answers:
            self.current = None
            self.player.load("", "", 0.0)
            self.answer_label.setText("No answers were recorded in this session.")
            self.waveform.show_envelope(None, 0.0, "")
            self.transcript.show_words([], [], "")
            self._enable(None)
            self._enable_review(None)
            return
        self.current = index = max(0, min(index, len(answers) - 1))
        answer = answers[index]
        self.markers = markers_of(answer, self.session.events if self.session else ())
        self.answer_label.setText(f"Answer {index + 1} of {len(answers)}: {answer.question_text}")
        duration = answer.duration_s or 0.0
        self.player.load(answer.audio_path, answer.question_text, duration)
        self.waveform.set_markers(self.markers)
        empty = "Skipped: nothing was said." if answer.skipped else "(No words were recognised.)"
        self.transcript.show_words(answer.words, self.markers, empty)
        self._load_waveform(answer)
        self._enable(answer)
        self._enable_review(index)
        self.answer_shown.emit(answer)

    def _look_at(self, index: int) -> None:
        if index != self.current:
            self.show_answer(index)
        if index < len(self.answers.rows):
            self.answers.ensureWidgetVisible(self.answers.rows[index])

    def _enable_review(self, index: int | None) -> None:
        for button in (self.score_button, self.attempts_button):
            button.setEnabled(index is not None)
        if index is not None:
            self.score_button.setText(f"&Score answer {index + 1}…")

    @property
    def current_answer_id(self) -> int | None:
        """The answer Score and Attempts act on: the one in the replay panel."""
        answer = self.current_answer
        return answer.id if answer is not None else None

    def _ask_score(self) -> None:
        if self.current_answer_id is not None:
            self.score_requested.emit(self.current_answer_id)

    def _ask_attempts(self) -> None:
        if self.current_answer_id is not None:
            self.attempts_requested.emit(self.current_answer_id)

    def _enable(self, answer: SavedAnswer | None) -> None:
        playable = answer is not None and bool(answer.audio_path) and self.audio is not None
        self.play_button.setEnabled(playable)
        self.question_button.setEnabled(playable and bool(answer and answer.question_text))
        count = len(self.session.answers) if self.session is not None else 0
        self.previous_button.setEnabled(self.current is not None and self.current > 0)
        self.next_button.setEnabled(self.current is not None and self.current < count - 1)

    def _load_waveform(self, answer: SavedAnswer) -> None:
        duration = answer.duration_s or 0.0
        if self.audio is None or not answer.audio_path:
            self.waveform.show_envelope(None, duration, "No recording")
            return
        self.waveform.show_envelope(None, duration, "Reading the recording…")
        audio, path, shown = self.audio, answer.audio_path, answer

        def done(envelope: Envelope) -> None:
            if self.current_answer is shown:
                self.waveform.show_envelope(envelope, duration)

        def failed(error: BaseException) -> None:
            if self.current_answer is shown:
                self.waveform.show_envelope(None, duration, f"No waveform: {error}")

        self.tasks.run_task(lambda: audio.waveform(path), done, failed)

    def step_answer(self, step: int) -> None:
        if self.current is not None:
            target = self.current + step
            if self.session is not None and 0 <= target < len(self.session.answers):
                self.show_answer(target)

    # -- following playback --------------------------------------------------------------
    def _follow(self, seconds: float) -> None:
        self.waveform.set_position(seconds)
        self.transcript.follow(seconds)
        self.time_label.setText(f"{clock(seconds)} / {clock(self.player.duration_s)}")

    def _show_playing(self, playing: bool) -> None:
        self.play_button.setText("❚❚  Pause" if playing else "▶  Play")
        self.play_button.setAccessibleName(
            "Pause the answer (Space)" if playing else "Play the answer (Space)"
        )

    def _show_question_playing(self, playing: bool) -> None:
        self.question_button.setText(
            "■  Question playing…" if playing else "▶  Question, then answer"
        )

    @property
    def current_answer(self) -> SavedAnswer | None:
        if self.session is None or self.current is None:
            return None
        return self.session.answers[self.current]

    @property
    def session_id(self) -> int | None:
        return self.session.id if self.session is not None else None

    @property
    def answer_rows(self) -> list[AnswerRow]:
        return self.answers.rows

    def stop_playback(self) -> None:
        self.answers.stop_playback()
        self.player.stop()


__all__ = ["ReviewPage"]
