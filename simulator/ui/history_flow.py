"""Wires the list of past sessions to the past sessions façade and to the review page, which
shows one again (a ``SavedSession``, as ``core.records`` types it).

Listing sessions, searching answers and reading one run through the window's background
helper (``ui.tasks``): the store is never touched on the GUI thread. A search waits for a
pause in the typing (a named timer) and a late answer to an older query is dropped. Scoring an
answer and comparing attempts (``answer_review_flow``) and progress (``progress_flow``) hang
off here. ``PastSessions`` is what these flows need of the services
(``services.records.PastSessions`` for real, a fake in the tests).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from simulator.core.drills import drill_names
from simulator.core.history import AnswerScores, Attempt, SavedChoices, SearchFilters, SearchPage
from simulator.core.progress import AnswerFigures
from simulator.core.records import SavedAnswer, SavedSession
from simulator.core.rubric import Rubric
from simulator.library import Library
from simulator.ui.answer_review_flow import AnswerReviewFlow, StartSession
from simulator.ui.export_flow import ExportFlow, SessionExporter
from simulator.ui.navigator import Navigator
from simulator.ui.pages.history import HistoryPage
from simulator.ui.pages.history_search import pack_label
from simulator.ui.pages.review import ReviewPage
from simulator.ui.pages.review_player import ReplayAudio
from simulator.ui.progress_flow import ProgressFlow
from simulator.ui.tasks import TaskRunner


class PastSessions(SessionExporter, Protocol):
    """Saved sessions (and their export, ``export_flow.SessionExporter``); every call is slow
    (the store), so it runs off the GUI thread."""

    def list_sessions(self) -> list[dict[str, Any]]:
        """One row a session, newest first, with its answer count and recorded length."""
        ...

    def get_session(self, session_id: int) -> SavedSession | None:
        """A saved session with its answers and their analyses (None if it is gone)."""
        ...

    def delete_session(self, session_id: int) -> bool:
        """Delete a session and its recordings (False if it was gone); raises StoreError."""
        ...

    def get_answer(self, answer_id: int) -> SavedAnswer | None:
        """One saved answer with its words and analysis (None if it is gone)."""
        ...

    def earlier_pressure(self, session_id: int) -> list[dict[str, Any]]:
        """The recovery summaries of the pressure sessions before ``session_id``, oldest
        first (session_flow.PressureHistory)."""
        ...

    def search(
        self, query: str, filters: SearchFilters | None = None, offset: int = 0
    ) -> SearchPage:
        """One page of answers found; ValueError for a filter that is not valid."""
        ...

    def filter_choices(self) -> SavedChoices:
        """The packs, categories and days the saved answers hold, to filter them by."""
        ...

    def rubric_of(self, answer_id: int) -> Rubric | None: ...
    def scores_of(self, answer_id: int) -> AnswerScores | None: ...
    def save_scores(
        self, answer_id: int, scores: Mapping[str, int], note: str | None = None
    ) -> AnswerScores:
        """Save or change self-scores and the note; RubricError names a refused score."""
        ...

    def clear_scores(self, answer_id: int) -> AnswerScores:
        """Remove the answer's self-scores (its note stays); ValueError if it is gone."""
        ...

    def attempts(self, answer_id: int) -> list[Attempt]:
        """Every answer to the same question as ``answer_id``, oldest first."""
        ...

    def answer_figures(self) -> list[AnswerFigures]:
        """Every answered question's figures, oldest first."""
        ...


#: How long the typing must pause before a search runs.
SEARCH_DELAY_MS = 250


class HistoryFlow(QObject):
    home_requested = Signal()
    problem = Signal(str)  # for the banner (scoring, attempts, progress)
    summary_ready = Signal(str)  # one line of recent practice, for the home page

    def __init__(
        self,
        sessions: PastSessions,
        audio: ReplayAudio | None,
        tasks: TaskRunner,
        navigator: Navigator,
        library: Library,
        start: StartSession | None = None,
    ) -> None:
        super().__init__()
        self.sessions = sessions
        self.tasks = tasks
        self.navigator = navigator
        self._library = library
        self.page = HistoryPage()
        self.review = ReviewPage(audio, tasks)
        navigator.add(self.page)
        navigator.add(self.review)
        self.page.back_requested.connect(self.home_requested.emit)
        self.page.open_requested.connect(self.open_session)
        self.page.delete_requested.connect(self.delete_session)
        self.page.answer_requested.connect(self.open_answer)
        self.page.page_requested.connect(self.search)
        self.review.back_requested.connect(self.show_history)
        self.export = ExportFlow(sessions, tasks, self.review)
        self.search_timer = QTimer(self)
        self.search_timer.setObjectName("search_timer")
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(lambda: self.search(0))
        self.page.search_bar.changed.connect(self.search_timer.start)
        self._searches = 0  # the number of the latest search: older answers are dropped
        self._choices = SavedChoices()  # what the saved answers hold, read with the list
        self._fill_filters()
        self.answer_review = AnswerReviewFlow(
            sessions,
            audio.play_recording if audio is not None else None,
            tasks,
            navigator,
            lambda: self.library,
            start,
        )
        self.answer_review.problem.connect(self.problem.emit)
        self.answer_review.scoring.clear_requested.connect(self.clear_scores)
        self.review.score_requested.connect(self.answer_review.show_scoring)
        self.review.attempts_requested.connect(self.answer_review.show_attempts)
        self.progress = ProgressFlow(sessions, tasks, navigator, lambda: self.library, start)
        self.progress.problem.connect(self.problem.emit)
        self.progress.summary_ready.connect(self.summary_ready.emit)
        self.progress.back_requested.connect(self.show_history)
        self.page.progress_requested.connect(self.progress.show_progress)

    def refresh_summary(self) -> None:
        """Emit ``summary_ready`` with the line of recent practice (read off the GUI thread)."""
        self.progress.refresh_summary()

    def show_history(self) -> None:
        """Show the list, and read it again (a session may have been saved since)."""
        self.review.stop_playback()
        self.answer_review.stop_playback()
        self.navigator.show(self.page)
        self.page.show_loading()
        self.tasks.run_task(self.sessions.list_sessions, self._listed, self._failed)
        # Read beside the list (the helper has two workers), so the list is not kept waiting;
        # should it fail, the list's own read says why and the last choices stay offered.
        self.tasks.run_task(self.sessions.filter_choices, self._choices_read, lambda _error: None)

    def _choices_read(self, choices: SavedChoices) -> None:
        self._choices = choices
        self._fill_filters()

    def _listed(self, sessions: list[dict[str, Any]]) -> None:
        self.page.show_sessions(sessions, self._pack_titles())
        if self.page.searching:
            self.search(self.page.found.offset if self.page.found else 0)

    def _pack_titles(self) -> dict[str, str]:
        return {pack.id: pack.title for pack in self.library.packs}

    def _fill_filters(self) -> None:
        """Offer what the saved answers hold, each pack by its title if the library still
        has it (a deleted or renamed pack by the id its sessions recorded)."""
        titles = self._pack_titles()
        packs = [(pack_id, pack_label(pack_id, titles)) for pack_id in self._choices.pack_ids]
        packs.sort(key=lambda pack: pack[1].casefold())
        bar = self.page.search_bar
        bar.set_choices(packs, self._choices.categories, drill_names())
        bar.set_span(self._choices.first_day, self._choices.last_day)

    @property
    def library(self) -> Library:
        return self._library

    @library.setter
    def library(self, library: Library) -> None:
        """A reloaded library: the packs offered as filters are named by its titles."""
        self._library = library
        self._fill_filters()

    def search(self, offset: int = 0) -> None:
        """Search (or list by the filters) off the GUI thread; no query and no filter: the
        sessions again."""
        self.search_timer.stop()
        self._searches += 1
        number = self._searches
        bar = self.page.search_bar
        if not bar.is_active():
            self.page.show_all_sessions()
            return
        query, filters = bar.query(), bar.filters()
        self.page.show_loading()
        self.tasks.run_task(
            lambda: self.sessions.search(query, filters, offset),
            lambda found: self._found(number, found),
            lambda error: self._search_failed(number, error),
        )

    def _found(self, number: int, found: SearchPage) -> None:
        if number == self._searches:
            self.page.show_found(found, self._pack_titles())

    def _search_failed(self, number: int, error: BaseException) -> None:
        if number == self._searches:
            self.page.show_problem(f"The search failed: {error}")

    def open_answer(self, session_id: int, answer_id: int) -> None:
        """Open a found answer: its session on the review page, at that answer."""
        self.page.show_loading()
        self.tasks.run_task(
            lambda: self.sessions.get_session(session_id),
            lambda session: self._opened(session, answer_id),
            self._failed,
        )

    def open_session(self, session_id: int) -> None:
        self.page.show_loading()
        self.tasks.run_task(
            lambda: self.sessions.get_session(session_id), self._opened, self._failed
        )

    def _opened(self, session: SavedSession | None, answer_id: int | None = None) -> None:
        if session is None:
            self.page.show_problem("That session is no longer saved.")
            return
        self.page.show_problem("")
        self.export.clear()
        self.review.show_session(session, answer_id)
        self.navigator.show(self.review, self.review.back_button)

    def delete_session(self, session_id: int) -> None:
        self.page.show_loading()
        self.tasks.run_task(
            lambda: self.sessions.delete_session(session_id),
            lambda _deleted: self.show_history(),
            lambda error: self.page.show_problem(str(error)),
        )

    def clear_scores(self, answer_id: int) -> None:
        """Remove an answer's self-scores off the GUI thread; the form then shows none."""
        scoring = self.answer_review.scoring
        self.tasks.run_task(
            lambda: self.sessions.clear_scores(answer_id),
            scoring.show_cleared,
            lambda error: scoring.show_problem(f"Not cleared: {error}"),
        )

    def _failed(self, error: BaseException) -> None:
        self.page.show_problem(f"The saved sessions could not be read: {error}")


__all__ = ["HistoryFlow", "PastSessions"]
