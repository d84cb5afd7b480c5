"""The review page's Export…: a past session written as a report (HTML or PDF), its metrics
(CSV) or its recordings (ZIP), the window's side of ``hotseat sessions export``.

A save dialog asks for the file (the filter chosen decides the extension; by default
``hotseat-session-<id>.pdf`` in the user's documents folder); the façade's ``export_session``
(``records.export``, the terminal's code path too) writes it on the background helper, and the
status line beside the button says where it went, or in one line why it could not be written.

Off the GUI thread a PDF is laid out with ``QTextDocument`` on a ``QPdfWriter``: both paint
with ``QPainter`` on a paint device that is no widget or pixmap, which Qt supports in worker
threads (text included: Qt 6 renders fonts in threads on every platform); the report holds no
images, and the window's one ``QGuiApplication`` is used, never a second.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from simulator.ui.pages.review import ReviewPage
from simulator.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from simulator.records.export import Exported

#: The save dialog's filters, each with the extension it gives the file; PDF is the default.
FILTERS = {
    "PDF report (*.pdf)": ".pdf",
    "HTML report (*.html)": ".html",
    "Metrics as CSV (*.csv)": ".csv",
    "Recordings as ZIP (*.zip)": ".zip",
}


class SessionExporter(Protocol):
    def export_session(self, session_id: int, target: Path) -> Exported:
        """Write a saved session to ``target`` (its extension says how); ExportError says in
        one line why not. Slow: called off the GUI thread."""
        ...


def with_extension(path: Path, extension: str) -> Path:
    """``path`` ending in ``extension``: an export extension typed is replaced, anything else
    kept and the extension added (``my.notes`` → ``my.notes.pdf``)."""
    if path.suffix.lower() == extension:
        return path
    if path.suffix.lower() in FILTERS.values():
        return path.with_suffix(extension)
    return path.with_name(path.name + extension)


def documents_folder() -> Path:
    """Where the dialog opens: the user's documents folder, else the home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


class ExportFlow(QObject):
    """Adds Export… and a status line to the review page's bottom row and runs the exports."""

    exported = Signal(object)  # the Exported record, once the file is whole
    failed = Signal(str)  # the one-line reason

    def __init__(self, sessions: SessionExporter, tasks: TaskRunner, review: ReviewPage) -> None:
        super().__init__()
        self.sessions = sessions
        self.tasks = tasks
        self.review = review
        self.button = QPushButton("&Export…")
        self.button.setAccessibleName("Export this session as a report, metrics or recordings")
        self.button.clicked.connect(self.ask)
        self.status = QLabel("")
        self.status.setProperty("role", "muted")
        self.status.setAccessibleName("Export status")
        self.status.setWordWrap(True)
        # Beside the button it speaks of, not adrift in the middle of the row.
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        review.bottom_row.addWidget(self.status, 1)
        review.bottom_row.addWidget(self.button)

    def clear(self) -> None:
        """Forget the last export's line (another session is shown)."""
        self.status.setText("")

    def ask(self) -> None:
        """Ask for a file, then export the session shown to it."""
        session = self.review.session
        if session is None:
            return
        default = documents_folder() / f"hotseat-session-{session.id}.pdf"
        parent: QWidget = self.review
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            parent, "Export the session", str(default), ";;".join(FILTERS), next(iter(FILTERS))
        )
        if not chosen:
            return  # cancelled
        target = with_extension(Path(chosen), FILTERS.get(chosen_filter, ".pdf"))
        self.export(session.id, target)

    def export(self, session_id: int, target: Path) -> None:
        """Write session ``session_id`` to ``target`` off the GUI thread."""
        self.button.setEnabled(False)
        self.status.setText(f"Exporting to {target.name}…")
        self.tasks.run_task(
            lambda: self.sessions.export_session(session_id, target), self._done, self._failed
        )

    def _done(self, done: Exported) -> None:
        self.button.setEnabled(True)
        self.status.setText(f"Wrote {done.written} to {done.target}")
        if done.missing:
            positions = ", ".join(str(position) for position in done.missing)
            self.status.setText(
                f"{self.status.text()} (the recording of answer {positions} is missing)"
            )
        self.exported.emit(done)

    def _failed(self, error: BaseException) -> None:
        self.button.setEnabled(True)
        message = f"Not exported: {error}"
        self.status.setText(message)
        self.failed.emit(message)


__all__ = ["FILTERS", "ExportFlow", "SessionExporter", "documents_folder", "with_extension"]
