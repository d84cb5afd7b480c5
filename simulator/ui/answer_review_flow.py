"""Scoring one saved answer and comparing attempts at its question, from the review page.

Every read and write goes through the past sessions façade on the window's background helper
(``ui.tasks``), never on the GUI thread. Back returns to the page these were opened from.
"Retry this question" starts a session of that one question through the session flow's
``start`` (the pack it was last asked from, else any pack of the library that has it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from simulator.core.history import AnswerScores, Attempt
from simulator.core.records import SavedAnswer
from simulator.core.rubric import Rubric
from simulator.library import Library
from simulator.ui.navigator import Navigator
from simulator.ui.pages.attempts import AttemptPanel, AttemptsPage
from simulator.ui.pages.scoring import ScoringPage
from simulator.ui.tasks import TaskRunner
from simulator.ui.widgets.playback_slot import PlaybackSlot, PlayFunction

if TYPE_CHECKING:
    from simulator.ui.history_flow import PastSessions

#: Starts a session: the session flow's ``start(pack_id, questions)``.
StartSession = Callable[..., object]
Sheet = tuple[SavedAnswer | None, Rubric | None, AnswerScores | None]


class AnswerReviewFlow(QObject):
    problem = Signal(str)  # for the banner: a question no longer in the library, a playback

    def __init__(
        self,
        sessions: PastSessions,
        play: PlayFunction | None,
        tasks: TaskRunner,
        navigator: Navigator,
        library: Callable[[], Library],
        start: StartSession | None,
    ) -> None:
        super().__init__()
        self.sessions = sessions
        self.play = play
        self.tasks = tasks
        self.navigator = navigator
        self.library = library
        self.start = start
        self.scoring = ScoringPage()
        self.attempts = AttemptsPage()
        self._came_from: QWidget | None = None
        self._question: SavedAnswer | None = None  # the answer the attempts were opened on
        self.slot = PlaybackSlot("attempt_playback_timer", self)
        self.slot.problem.connect(self.problem.emit)
        self.playback_timer = self.slot.timer
        self.scoring.back_requested.connect(self.back)
        self.scoring.save_requested.connect(self.save_scores)
        self.attempts.back_requested.connect(self.back)
        self.attempts.compare_requested.connect(self.compare)
        self.attempts.retry_requested.connect(self.retry)
        for panel in self.attempts.panels:
            panel.play_clicked.connect(self._toggle_play)

    # --- scoring ------------------------------------------------------------------------------

    def show_scoring(self, answer_id: int) -> None:
        """Read the answer, its rubric and its saved scores, then show the form."""
        self._remember_origin()
        sessions = self.sessions

        def read() -> Sheet:
            return (
                sessions.get_answer(answer_id),
                sessions.rubric_of(answer_id),
                sessions.scores_of(answer_id),
            )

        self.tasks.run_task(read, self._show_sheet, self._failed)

    def _show_sheet(self, sheet: Sheet) -> None:
        answer, rubric, saved = sheet
        if answer is None or rubric is None or saved is None:
            self.problem.emit("That answer is no longer saved.")
            return
        self.scoring.show_answer(answer, rubric, saved)
        self.navigator.show(self.scoring, self.scoring.save_button)

    def save_scores(self, answer_id: int, scores: Mapping[str, int], note: str) -> None:
        self.tasks.run_task(
            lambda: self.sessions.save_scores(answer_id, dict(scores), note),
            self.scoring.show_saved,
            lambda error: self.scoring.show_problem(f"Not saved: {error}"),
        )

    # --- attempts -----------------------------------------------------------------------------

    def show_attempts(self, answer_id: int) -> None:
        """Every attempt at the question of ``answer_id``, the oldest and newest compared."""
        self._remember_origin()
        sessions = self.sessions
        self.tasks.run_task(
            lambda: (sessions.get_answer(answer_id), sessions.attempts(answer_id)),
            self._show_attempts,
            self._failed,
        )

    def _show_attempts(self, found: tuple[SavedAnswer | None, list[Attempt]]) -> None:
        answer, attempts = found
        if answer is None:
            self.problem.emit("That answer is no longer saved.")
            return
        self._question = answer
        self.stop_playback()
        self.attempts.show_attempts(answer.question_text, attempts)
        self.navigator.show(self.attempts, self.attempts.attempts_list)

    def compare(self, first_id: int, second_id: int) -> None:
        chosen = {a.answer_id: a for a in self.attempts.attempts}
        pair = [chosen[first_id], chosen[second_id]]
        sessions = self.sessions
        self.stop_playback()
        self.tasks.run_task(
            lambda: [(a, sessions.get_answer(a.answer_id)) for a in pair],
            self.attempts.show_pair,
            self._failed,
        )

    def retry(self) -> None:
        """A session of the one question the attempts are of."""
        answer = self._question
        if answer is None or self.start is None:
            return
        packs = self.library().packs
        asked_from = [a.pack_id for a in reversed(self.attempts.attempts)]
        having = [p.id for p in packs if any(q.id == answer.question_id for q in p.questions)]
        pack_id = next((pack for pack in asked_from if pack in having), None)
        pack_id = pack_id or (having[0] if having else None)
        if pack_id is None:
            self.problem.emit("This question is no longer in your library, so it cannot be asked.")
            return
        self.stop_playback()
        self.start(pack_id, [answer.question_id])

    # --- playing an attempt -------------------------------------------------------------------

    def _toggle_play(self, panel: AttemptPanel) -> None:
        play, answer = self.play, panel.answer
        if play is None or answer is None:
            self.slot.toggle(panel, None)
        else:
            self.slot.toggle(panel, lambda: play(answer.audio_path))

    def stop_playback(self) -> None:
        self.slot.stop()

    # --- moving -------------------------------------------------------------------------------

    def _remember_origin(self) -> None:
        current = self.navigator.stack.currentWidget()
        if current not in (self.scoring, self.attempts):
            self._came_from = current

    def back(self) -> None:
        self.stop_playback()
        if self._came_from is not None:
            self.navigator.show(self._came_from)

    def _failed(self, error: BaseException) -> None:
        self.problem.emit(f"The saved answers could not be read: {error}")


__all__ = ["AnswerReviewFlow", "StartSession"]
