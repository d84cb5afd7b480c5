"""Progress: the charts page, "Practise my weak spots", and the home page's line of recent
practice.

The figures are read through the past sessions façade on the window's background helper and
turned into what the page shows by ``core.progress`` (pure) on the same worker. The weak spots
are the categories whose recent figures are furthest from target; the session is a mix of
those categories' questions (``session.setup.mix_by_category``, as the home page's mix),
started through the session flow's ``start``. The progress page is built when first shown,
so pyqtgraph costs the window's start nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from simulator.core.progress import (
    AnswerFigures,
    category_standings,
    progress_series,
    recent_summary,
    weakest_categories,
)
from simulator.library import Library
from simulator.session.setup import MIX_LABEL, mix_by_category
from simulator.ui.navigator import Navigator
from simulator.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from simulator.ui.answer_review_flow import StartSession
    from simulator.ui.pages.progress import ProgressPage, ProgressView

log = logging.getLogger(__name__)

#: How many weak categories a weak-spots session mixes, and how many questions it asks.
WEAK_CATEGORIES = 3
WEAK_SPOT_QUESTIONS = 5


class AnswerFiguresSource(Protocol):
    def answer_figures(self) -> list[AnswerFigures]:
        """Every answered question's figures, oldest first (slow: the store)."""
        ...


def progress_view(figures: list[AnswerFigures], today: dt.date) -> ProgressView:
    """What the progress page shows, from every answer's figures (pure; run off the GUI)."""
    from simulator.ui.pages.progress import ProgressView

    return ProgressView(
        summary=recent_summary(figures, today),
        series=progress_series(figures),
        standings=tuple(category_standings(figures)),
        weakest=tuple(weakest_categories(figures, WEAK_CATEGORIES)),
    )


class ProgressFlow(QObject):
    summary_ready = Signal(str)  # one line of recent practice, for the home page
    problem = Signal(str)  # for the banner
    back_requested = Signal()

    def __init__(
        self,
        sessions: AnswerFiguresSource,
        tasks: TaskRunner,
        navigator: Navigator,
        library: Callable[[], Library],
        start: StartSession | None,
    ) -> None:
        super().__init__()
        self.sessions = sessions
        self.tasks = tasks
        self.navigator = navigator
        self.library = library
        self.start = start
        self.today: Callable[[], dt.date] = dt.date.today
        self.figures: list[AnswerFigures] = []
        self._page: ProgressPage | None = None

    @property
    def page(self) -> ProgressPage:
        if self._page is None:
            from simulator.ui.pages.progress import ProgressPage

            self._page = ProgressPage()
            self._page.back_requested.connect(self.back_requested.emit)
            self._page.category_chosen.connect(self.choose_category)
            self._page.weak_spots_requested.connect(self.practise_weak_spots)
        return self._page

    def show_progress(self) -> None:
        """Show the page and read every answer's figures again."""
        page = self.page
        self.navigator.show(page, page.back_button)
        sessions, today = self.sessions, self.today()

        def read() -> tuple[list[AnswerFigures], ProgressView]:
            figures = sessions.answer_figures()
            return figures, progress_view(figures, today)

        self.tasks.run_task(read, self._read, self._failed)

    def _read(self, found: tuple[list[AnswerFigures], ProgressView]) -> None:
        self.figures, view = found
        self.page.show_progress(view)
        self.summary_ready.emit(view.summary)
        chosen = self.page.category_combo.currentData()
        if chosen:
            self.choose_category(chosen)

    def choose_category(self, category: str) -> None:
        """The charts of one category ("" for all); the figures are already read."""
        self.page.show_series(progress_series(self.figures, category=category or None))

    def refresh_summary(self) -> None:
        """Read the figures off the GUI thread and emit the line of recent practice."""
        sessions, today = self.sessions, self.today()
        self.tasks.run_task(
            lambda: recent_summary(sessions.answer_figures(), today),
            self.summary_ready.emit,
            lambda error: log.info("recent practice not summarised: %s", error),
        )

    def practise_weak_spots(self) -> None:
        """A session mixing questions of the weakest categories the library still has."""
        if self.start is None:
            return
        packs = self.library().packs
        known = {q.category for pack in packs for q in pack.questions}
        weakest = [c for c in weakest_categories(self.figures, len(known) or 1) if c in known]
        chosen = weakest[:WEAK_CATEGORIES]
        if not chosen:
            self.problem.emit("None of your weak categories has questions in your library.")
            return
        questions = mix_by_category(packs, chosen, WEAK_SPOT_QUESTIONS, shuffle=True, seed=None)
        self.start(MIX_LABEL, questions)

    def _failed(self, error: BaseException) -> None:
        self.page.show_problem(f"Your progress could not be read: {error}")


__all__ = ["ProgressFlow", "progress_view"]
