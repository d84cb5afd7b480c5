"""Getting a Vosk model from inside the app: download a published English one, or import a zip.

The install runs on a worker (``ui.tasks``) and reports progress from there; the worker only
writes numbers into ``_Progress``, which a GUI-thread timer reads, so no widget is touched off
the GUI thread. Cancel (or closing the dialog) asks the worker to stop; it removes what it
had written before it returns.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from simulator.ui import style
from simulator.ui.models.rows import RowsModel
from simulator.ui.tasks import TaskRunner
from simulator.ui.widgets.row_list import RowList


class ModelInstaller(Protocol):
    """What the dialog needs of the speech models façade (``services.models.Models``)."""

    def model_offers(self) -> list[tuple[str, int, str]]:
        """Published English Vosk models: (name, size in MB, what it is good for)."""
        ...

    def install_model(
        self,
        source: str,
        progress: Callable[[str, int, int | None], None],
        cancelled: Callable[[], bool],
    ) -> str | None:
        """Install a model from a .zip, a model's name or a URL (slow; progress is called on
        the worker thread); its folder, or None if cancelled; raises ModelError."""
        ...


Offer = tuple[str, int, str]  # name, size in MB, what it is


def describe_offer(offer: Offer) -> str:
    name, size_mb, about = offer
    size = f"{size_mb / 1000:.1f} GB" if size_mb >= 1000 else f"{size_mb} MB"
    return f"{name}  ·  {size}\n{about}"


class _Progress:
    """Written by the worker, read by the GUI timer; a lock keeps each reading whole."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.stage = "Starting"
        self.done = 0
        self.total: int | None = None
        self._cancel = threading.Event()

    def update(self, stage: str, done: int, total: int | None) -> None:
        with self._lock:
            self.stage, self.done, self.total = stage, done, total

    def read(self) -> tuple[str, int, int | None]:
        with self._lock:
            return self.stage, self.done, self.total

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class ModelInstallDialog(QDialog):
    """Choose a model to download or a zip to import; ``installed_path`` is set on success."""

    def __init__(
        self, services: ModelInstaller, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Get a speech model — Hotseat")
        self.setMinimumWidth(520)
        self.installed_path: str | None = None
        self._services = services
        self._tasks = tasks
        self._progress: _Progress | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._show_progress)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(10)
        intro = QLabel(
            "Vosk recognises speech more accurately than the built-in engine once it has a "
            "model. Download one (this is the only time Hotseat uses the internet), or import "
            "a model's .zip file you already have."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.offers: RowList[Offer] = RowList(RowsModel(describe_offer))
        self.offers.setAccessibleName("English models to download")
        self.offers.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.offers.set_values(self._services.model_offers())
        rows = self.offers.count()
        self.offers.setFixedHeight(sum(self.offers.sizeHintForRow(i) for i in range(rows)) + 16)
        self.offers.activated.connect(lambda _index: self.download())
        layout.addWidget(self.offers)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Install progress")
        self.progress_bar.setVisible(False)
        layout.addWidget(self.progress_bar)
        self.status_label = QLabel("")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName("Install status")
        layout.addWidget(self.status_label)
        self.import_button = QPushButton("&Import a .zip file…")
        self.import_button.clicked.connect(self.choose_zip)
        self.download_button = QPushButton("&Download")
        self.download_button.setProperty("role", "primary")
        self.download_button.setDefault(True)
        self.download_button.clicked.connect(self.download)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.download_button)
        layout.addLayout(buttons)

    # --- starting -------------------------------------------------------------------------

    def download(self) -> None:
        offer = self.offers.current_value()
        if offer is not None:
            self.install(offer[0])

    def choose_zip(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "Import a Vosk model", "", "Zip files (*.zip);;All files (*)"
        )
        if path:
            self.install(path)

    def install(self, source: str) -> None:
        """Install from a zip path, a model's name or a URL, in the background."""
        if self._progress is not None:
            return
        progress = _Progress()
        self._progress = progress
        self._set_running(True)
        self.status_label.setStyleSheet(f"color: {style.MUTED};")
        self.status_label.setText("Starting…")
        self._timer.start()
        self._tasks.run_task(
            lambda: self._services.install_model(source, progress.update, progress.cancelled),
            self._finished,
            self._failed,
        )

    # --- while it runs ------------------------------------------------------------------------

    def _show_progress(self) -> None:
        if self._progress is None:
            return
        stage, done, total = self._progress.read()
        if total:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(int(done * 1000 / total))
            self.status_label.setText(f"{stage}… {done / 1e6:.0f} of {total / 1e6:.0f} MB")
        else:
            self.progress_bar.setRange(0, 0)  # busy, size unknown
            self.status_label.setText(f"{stage}… {done / 1e6:.0f} MB")

    def _set_running(self, running: bool) -> None:
        self.progress_bar.setVisible(running)
        self.offers.setEnabled(not running)
        self.import_button.setEnabled(not running)
        self.download_button.setEnabled(not running)
        self.close_button.setText("Cancel" if running else "Close")

    def _stop(self) -> None:
        self._timer.stop()
        self._progress = None
        self._set_running(False)

    def _finished(self, path: object) -> None:
        self._stop()
        if path is None:
            self.status_label.setText("Cancelled; nothing was installed.")
            return
        self.installed_path = str(path)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._stop()
        self.status_label.setStyleSheet(f"color: {style.OVER};")
        self.status_label.setText(f"✗ {error}")

    def reject(self) -> None:
        """Cancel a running install (the worker cleans up and stops), else close."""
        if self._progress is not None:
            self._progress.cancel()
            self.status_label.setText("Cancelling…")
            return
        super().reject()


__all__ = ["ModelInstallDialog"]
