"""Wires the list of past sessions to the past sessions façade and to the review page, which
shows one again (a ``SavedSession``, as ``core.records`` types it).

Listing sessions and reading one run through the window's background helper (``ui.tasks``):
the store is never touched on the GUI thread. ``PastSessions`` is what this flow needs of the
services (``services.records.PastSessions`` for real, a fake in the tests).
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from simulator.core.records import SavedSession
from simulator.library import Library
from simulator.ui.navigator import Navigator
from simulator.ui.pages.history import HistoryPage
from simulator.ui.pages.review import ReviewPage
from simulator.ui.pages.review_player import ReplayAudio
from simulator.ui.tasks import TaskRunner


class PastSessions(Protocol):
    """Saved sessions; every call is slow (the store), so it runs off the GUI thread."""

    def list_sessions(self) -> list[dict[str, Any]]:
        """One row a session, newest first, with its answer count and recorded length."""
        ...

    def get_session(self, session_id: int) -> SavedSession | None:
        """A saved session with its answers and their analyses (None if it is gone)."""
        ...

    def delete_session(self, session_id: int) -> bool:
        """Delete a session and its recordings (False if it was gone); raises StoreError."""
        ...


class HistoryFlow(QObject):
    home_requested = Signal()

    def __init__(
        self,
        sessions: PastSessions,
        audio: ReplayAudio | None,
        tasks: TaskRunner,
        navigator: Navigator,
        library: Library,
    ) -> None:
        super().__init__()
        self.sessions = sessions
        self.tasks = tasks
        self.navigator = navigator
        self.library = library
        self.page = HistoryPage()
        self.review = ReviewPage(audio, tasks)
        navigator.add(self.page)
        navigator.add(self.review)
        self.page.back_requested.connect(self.home_requested.emit)
        self.page.open_requested.connect(self.open_session)
        self.page.delete_requested.connect(self.delete_session)
        self.review.back_requested.connect(self.show_history)

    def show_history(self) -> None:
        """Show the list, and read it again (a session may have been saved since)."""
        self.review.stop_playback()
        self.navigator.show(self.page)
        self.page.show_loading()
        self.tasks.run_task(self.sessions.list_sessions, self._listed, self._failed)

    def _listed(self, sessions: list[dict[str, Any]]) -> None:
        titles = {pack.id: pack.title for pack in self.library.packs}
        self.page.show_sessions(sessions, titles)

    def open_session(self, session_id: int) -> None:
        self.page.show_loading()
        self.tasks.run_task(
            lambda: self.sessions.get_session(session_id), self._opened, self._failed
        )

    def _opened(self, session: SavedSession | None) -> None:
        if session is None:
            self.page.show_problem("That session is no longer saved.")
            return
        self.page.show_problem("")
        self.review.show_session(session)
        self.navigator.show(self.review, self.review.back_button)

    def delete_session(self, session_id: int) -> None:
        self.page.show_loading()
        self.tasks.run_task(
            lambda: self.sessions.delete_session(session_id),
            lambda _deleted: self.show_history(),
            lambda error: self.page.show_problem(str(error)),
        )

    def _failed(self, error: BaseException) -> None:
        self.page.show_problem(f"The saved sessions could not be read: {error}")


__all__ = ["HistoryFlow", "PastSessions"]
