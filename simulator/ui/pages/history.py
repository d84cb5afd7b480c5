"""Past sessions: every saved session, newest first, to open again with its answers and feedback.

A query or a filter (``history_search.SearchBar``) turns the list into the answers found, a
page at a time, each with its snippet; opening one goes to that answer. Progress opens the
charts of every answer's figures over time.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from simulator.core.history import SearchHit, SearchPage
from simulator.ui import style
from simulator.ui.models.rows import RowsModel
from simulator.ui.pages.history_search import HtmlDelegate, SearchBar, describe_hit, pack_label
from simulator.ui.widgets.feedback_text import clock
from simulator.ui.widgets.row_list import RowList

Session = Mapping[str, Any]
STATUS_WORDS = {"aborted": "ended early", "recovered": "recovered after a crash"}


def when(started_at: str | None) -> str:
    """'Mon 23 Nov 2026, 14:05' from a stored ISO time; the raw text if it is not one."""
    try:
        moment = datetime.fromisoformat(str(started_at))
    except ValueError:
        return str(started_at or "unknown time")
    return f"{moment:%a} {moment.day} {moment:%b %Y, %H:%M}"


def describe(session: Mapping[str, Any], pack_titles: Mapping[str, str]) -> str:
    """Two lines for a session: when and what, then how much and how it ended."""
    pack_id = str(session.get("pack_id") or "")
    pack = pack_label(pack_id, pack_titles)
    count = int(session.get("answer_count") or 0)
    details = [f"{count} answer{'s' if count != 1 else ''}"]
    details.append(f"{clock(float(session.get('total_duration_s') or 0.0))} recorded")
    status = STATUS_WORDS.get(str(session.get("status")))
    if status:
        details.append(status)
    return f"{when(session.get('started_at'))}  ·  {pack}\n{'  ·  '.join(details)}"


class HistoryPage(QWidget):
    open_requested = Signal(int)  # a session id
    delete_requested = Signal(int)  # a session id, after the user confirmed
    back_requested = Signal()
    answer_requested = Signal(int, int)  # a found answer: its session id, its answer id
    page_requested = Signal(int)  # the offset of another page of answers found
    progress_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(style.MARGIN, style.MARGIN, style.MARGIN, style.MARGIN)
        outer.setSpacing(style.SPACING)
        title = QLabel("Past sessions")
        title.setProperty("role", "title")
        subtitle = QLabel(
            "Open a session to hear your answers again and read their feedback, or search "
            "everything you have said."
        )
        subtitle.setProperty("role", "subtitle")
        outer.addWidget(title)
        outer.addWidget(subtitle)
        self.search_bar = SearchBar()
        outer.addWidget(self.search_bar)
        self._pack_titles: Mapping[str, str] = {}
        model: RowsModel[Session] = RowsModel(lambda s: describe(s, self._pack_titles))
        # Sessions are all two lines: uniform rows keep 10,000 of them quick to list.
        self.sessions_list = RowList(model, uniform=True)
        self.sessions_list.setAccessibleName("Saved sessions, newest first")
        self.sessions_list.activated.connect(lambda _index: self._open())
        self.sessions_list.on_current_row(lambda _row: self._update_buttons())
        outer.addWidget(self.sessions_list, 1)
        self._build_hits(outer)
        self.empty_label = QLabel("No sessions yet. Practise once and it will be listed here.")
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setVisible(False)
        outer.addWidget(self.empty_label)
        self.status_label = QLabel("")
        self.status_label.setProperty("role", "muted")
        outer.addWidget(self.status_label)
        self.back_button = QPushButton("Home")
        self.back_button.setAccessibleName("Back to the home page")
        self.back_button.clicked.connect(self.back_requested.emit)
        self.progress_button = QPushButton("P&rogress…")
        self.progress_button.setAccessibleName("Charts of your figures over time")
        self.progress_button.clicked.connect(self.progress_requested.emit)
        self.open_button = QPushButton("&Open")
        self.open_button.setProperty("role", "primary")
        self.open_button.setAccessibleName("Open the chosen session")
        self.open_button.clicked.connect(self._open)
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.setAccessibleName("Delete the chosen session and its recordings")
        self.delete_button.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.progress_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.open_button)
        outer.addLayout(buttons)
        self._update_buttons()

    def _build_hits(self, outer: QVBoxLayout) -> None:
        hits: RowsModel[SearchHit] = RowsModel(lambda hit: describe_hit(hit, self._pack_titles))
        self.hits_list = RowList(hits)
        self.hits_list.setItemDelegate(HtmlDelegate(self.hits_list))
        self.hits_list.setAccessibleName("Answers found")
        self.hits_list.activated.connect(lambda _index: self._open())
        self.hits_list.on_current_row(lambda _row: self._update_buttons())
        self.hits_list.setVisible(False)
        outer.addWidget(self.hits_list, 1)
        self.found_label = QLabel("")
        self.found_label.setProperty("role", "muted")
        self.previous_button = QPushButton("‹ Previous")
        self.previous_button.setAccessibleName("The previous page of answers found")
        self.next_button = QPushButton("Next ›")
        self.next_button.setAccessibleName("The next page of answers found")
        self.previous_button.clicked.connect(lambda: self._turn(-1))
        self.next_button.clicked.connect(lambda: self._turn(1))
        self.pager = QWidget()
        pager = QHBoxLayout(self.pager)
        pager.setContentsMargins(0, 0, 0, 0)
        pager.addWidget(self.found_label, 1)
        pager.addWidget(self.previous_button)
        pager.addWidget(self.next_button)
        self.pager.setVisible(False)
        outer.addWidget(self.pager)
        self.found: SearchPage | None = None

    @property
    def searching(self) -> bool:
        """Answers found are listed (a query or a filter is set), not sessions."""
        return self.found is not None

    def show_found(self, found: SearchPage, pack_titles: Mapping[str, str]) -> None:
        """List one page of answers found instead of the sessions."""
        self.found = found
        self._pack_titles = dict(pack_titles)
        self.hits_list.set_values(found.hits)
        self.sessions_list.setVisible(False)
        self.empty_label.setVisible(False)
        self.hits_list.setVisible(True)
        self.pager.setVisible(True)
        if found.total == 0:
            self.found_label.setText("No answer matches.")
        else:
            first, last = found.offset + 1, found.offset + len(found.hits)
            noun = "answer" if found.total == 1 else "answers"
            self.found_label.setText(f"{first}–{last} of {found.total} {noun}")
        self.previous_button.setEnabled(found.offset > 0)
        self.next_button.setEnabled(found.has_more)
        self.status_label.setText("")
        self._update_buttons()

    def show_all_sessions(self) -> None:
        """Back to the list of sessions (the query and filters were cleared)."""
        self.found = None
        self.hits_list.setVisible(False)
        self.pager.setVisible(False)
        self.sessions_list.setVisible(self.sessions_list.count() > 0)
        self.empty_label.setVisible(self.sessions_list.count() == 0)
        self._update_buttons()

    def _turn(self, step: int) -> None:
        if self.found is not None:
            self.page_requested.emit(max(0, self.found.offset + step * self.found.limit))

    def selected_hit(self) -> SearchHit | None:
        return self.hits_list.current_value() if self.searching else None

    def show_loading(self) -> None:
        self.status_label.setText("Loading…")

    def show_sessions(self, sessions: list[dict[str, Any]], pack_titles: Mapping[str, str]) -> None:
        """List ``sessions`` (as the store lists them, newest first)."""
        kept = self.selected_session_id()
        self._pack_titles = dict(pack_titles)
        self.sessions_list.set_values(sessions, keep=lambda s: int(s["id"]) == kept)
        self.status_label.setText("")
        if self.searching:  # the answers found stay listed; the sessions wait behind them
            return
        self.empty_label.setVisible(not sessions)
        self.sessions_list.setVisible(bool(sessions))
        self._update_buttons()
        self.sessions_list.setFocus()

    def show_problem(self, message: str) -> None:
        self.status_label.setText(message)

    def selected_session_id(self) -> int | None:
        session = self.sessions_list.current_value()
        return int(session["id"]) if session is not None else None

    def _update_buttons(self) -> None:
        if self.searching:
            self.open_button.setEnabled(self.selected_hit() is not None)
            self.delete_button.setEnabled(False)  # deleting is of whole sessions
            return
        chosen = self.selected_session_id() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def confirm_delete(self, description: str) -> bool:
        """Ask before deleting; a separate method so tests can answer for the user."""
        answer = QMessageBox.question(
            self,
            "Delete this session?",
            f"{description}\n\nIts recordings, transcripts and feedback are removed from this "
            "computer. This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _delete(self) -> None:
        row = self.sessions_list.current_row()
        if row >= 0 and self.confirm_delete(self.sessions_list.row_text(row)):
            self.delete_requested.emit(int(self.sessions_list.rows.value(row)["id"]))

    def _open(self) -> None:
        if self.searching:
            hit = self.selected_hit()
            if hit is not None:
                self.answer_requested.emit(hit.session_id, hit.answer_id)
            return
        session_id = self.selected_session_id()
        if session_id is not None:
            self.open_requested.emit(session_id)


__all__ = ["HistoryPage", "describe", "when"]
