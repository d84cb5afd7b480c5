"""Past sessions: every saved session, newest first, to open again with its answers and feedback."""

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

from simulator.library.queries import MIX_LABEL
from simulator.ui import style
from simulator.ui.models.rows import RowsModel
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
    pack = "Mixed categories" if pack_id == MIX_LABEL else pack_titles.get(pack_id, pack_id)
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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(style.MARGIN, style.MARGIN, style.MARGIN, style.MARGIN)
        outer.setSpacing(style.SPACING)
        title = QLabel("Past sessions")
        title.setProperty("role", "title")
        subtitle = QLabel("Open a session to hear your answers again and read their feedback.")
        subtitle.setProperty("role", "subtitle")
        outer.addWidget(title)
        outer.addWidget(subtitle)
        self._pack_titles: Mapping[str, str] = {}
        model: RowsModel[Session] = RowsModel(lambda s: describe(s, self._pack_titles))
        # Sessions are all two lines: uniform rows keep 10,000 of them quick to list.
        self.sessions_list = RowList(model, uniform=True)
        self.sessions_list.setAccessibleName("Saved sessions, newest first")
        self.sessions_list.activated.connect(lambda _index: self._open())
        self.sessions_list.on_current_row(lambda _row: self._update_buttons())
        outer.addWidget(self.sessions_list, 1)
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
        self.open_button = QPushButton("&Open")
        self.open_button.setProperty("role", "primary")
        self.open_button.setAccessibleName("Open the chosen session")
        self.open_button.clicked.connect(self._open)
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.setAccessibleName("Delete the chosen session and its recordings")
        self.delete_button.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.open_button)
        outer.addLayout(buttons)
        self._update_buttons()

    def show_loading(self) -> None:
        self.status_label.setText("Loading…")

    def show_sessions(self, sessions: list[dict[str, Any]], pack_titles: Mapping[str, str]) -> None:
        """List ``sessions`` (as the store lists them, newest first)."""
        kept = self.selected_session_id()
        self._pack_titles = dict(pack_titles)
        self.sessions_list.set_values(sessions, keep=lambda s: int(s["id"]) == kept)
        self.empty_label.setVisible(not sessions)
        self.sessions_list.setVisible(bool(sessions))
        self.status_label.setText("")
        self._update_buttons()
        self.sessions_list.setFocus()

    def show_problem(self, message: str) -> None:
        self.status_label.setText(message)

    def selected_session_id(self) -> int | None:
        session = self.sessions_list.current_value()
        return int(session["id"]) if session is not None else None

    def _update_buttons(self) -> None:
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
        session_id = self.selected_session_id()
        if session_id is not None:
            self.open_requested.emit(session_id)


__all__ = ["HistoryPage", "describe", "when"]
