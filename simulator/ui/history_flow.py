"""Wires the list of past sessions to the services and the end page, which shows one again
(a ``SavedSession``, as ``core.records`` types it).

Listing sessions and reading one run through the window's background helper (``ui.tasks``):
the store is never touched on the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget

from simulator.core.records import SavedSession
from simulator.library import Library
from simulator.ui.pages.end import EndPage
from simulator.ui.pages.history import HistoryPage, when
from simulator.ui.services_api import WindowServices
from simulator.ui.tasks import TaskRunner


class HistoryFlow(QObject):
    home_requested = Signal()

    def __init__(
        self,
        services: WindowServices,
        tasks: TaskRunner,
        stack: QStackedWidget,
        end_page: EndPage,
        library: Library,
    ) -> None:
        super().__init__()
        self.services = services
        self.tasks = tasks
        self.stack = stack
        self.end_page = end_page
        self.library = library
        self.page = HistoryPage()
        stack.addWidget(self.page)
        self.page.back_requested.connect(self.home_requested.emit)
        self.page.open_requested.connect(self.open_session)
        self.page.delete_requested.connect(self.delete_session)
        end_page.history_requested.connect(self.show_history)

    def show_history(self) -> None:
        """Show the list, and read it again (a session may have been saved since)."""
        self.end_page.stop_playback()
        self.stack.setCurrentWidget(self.page)
        self.page.show_loading()
        self.tasks.run_task(self.services.list_sessions, self._listed, self._failed)

    def _listed(self, sessions: list[dict[str, Any]]) -> None:
        titles = {pack.id: pack.title for pack in self.library.packs}
        self.page.show_sessions(sessions, titles)

    def open_session(self, session_id: int) -> None:
        self.page.show_loading()
        self.tasks.run_task(
            lambda: self.services.get_session(session_id), self._opened, self._failed
        )

    def _opened(self, session: SavedSession | None) -> None:
        if session is None:
            self.page.show_problem("That session is no longer saved.")
            return
        self.page.show_problem("")
        self.end_page.show_review(session, f"Session of {when(session.started_at)}")
        self.stack.setCurrentWidget(self.end_page)
        self.end_page.home_button.setFocus()

    def delete_session(self, session_id: int) -> None:
        self.page.show_loading()
        self.tasks.run_task(
            lambda: self.services.delete_session(session_id),
            lambda _deleted: self.show_history(),
            lambda error: self.page.show_problem(str(error)),
        )

    def _failed(self, error: BaseException) -> None:
        self.page.show_problem(f"The saved sessions could not be read: {error}")


__all__ = ["HistoryFlow"]
