"""How the window reports failures: one line on stderr, details in a log file, never a traceback.

The terminal has ``cli.main``'s guard; the window has this. ``ErrorLog`` routes the app's log
records: a full record (with its traceback) to ``hotseat.log`` in the data folder, one line
to stderr. ``catch_slot_errors`` installs a ``sys.excepthook`` for exceptions raised in Qt
slots (PySide calls the hook and carries on), so a bug in a slot becomes a banner and a log
entry instead of a traceback on the console. ``show_dialog`` is the message box for failures
that stop the app before its window exists.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

LOG_NAME = "hotseat.log"
LOG_MAX_BYTES = 1_000_000

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def log_file_in(home: Path) -> Path:
    """The log file: in the data folder when it is a folder, else in the temporary folder."""
    return home / LOG_NAME if home.is_dir() else Path(tempfile.gettempdir()) / LOG_NAME


class _OneLine(logging.Formatter):
    """``hotseat: message``, and where the details are when there is a traceback."""

    def __init__(self, log_file: Path) -> None:
        super().__init__()
        self.log_file = log_file

    def format(self, record: logging.LogRecord) -> str:
        line = " ".join(record.getMessage().split())
        if record.exc_info:
            line += f" (details in {self.log_file})"
        return f"hotseat: {line}"


class ErrorLog:
    """Warnings and errors of the app's loggers: whole to a file, one line to stderr."""

    def __init__(self, log_file: Path) -> None:
        self.path = log_file
        self.file_handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=LOG_MAX_BYTES, backupCount=1, encoding="utf-8", delay=True
        )
        self.file_handler.setLevel(logging.WARNING)
        self.file_handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )
        self.stderr_handler = logging.StreamHandler(sys.stderr)
        self.stderr_handler.setLevel(logging.WARNING)
        self.stderr_handler.setFormatter(_OneLine(log_file))

    @contextmanager
    def installed(self) -> Iterator[ErrorLog]:
        root = logging.getLogger()
        handlers = (self.file_handler, self.stderr_handler)
        for handler in handlers:
            root.addHandler(handler)
        try:
            yield self
        finally:
            for handler in handlers:
                root.removeHandler(handler)
                handler.close()

    def unexpected(self, what: str, error: BaseException) -> str:
        """An unexpected error: its traceback to the file, one line to stderr; that line."""
        record = logging.LogRecord(
            "hotseat",
            logging.ERROR,
            __file__,
            0,
            "%s: %s",
            (what, error),
            (type(error), error, error.__traceback__),
        )
        self.file_handler.handle(record)
        self.stderr_handler.handle(record)
        return _OneLine(self.path).format(record).removeprefix("hotseat: ")


@contextmanager
def catch_slot_errors(report: Callable[[BaseException], None]) -> Iterator[None]:
    """While inside, exceptions escaping a Qt slot go to ``report`` (on the GUI thread)."""
    previous: Hook = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if not isinstance(error, Exception):  # KeyboardInterrupt and the like: as before
            previous(kind, error, tb)
            return
        report(error.with_traceback(tb))

    sys.excepthook = hook
    try:
        yield
    finally:
        sys.excepthook = previous


def show_dialog(message: str) -> None:
    """A modal message box for a failure that stops the app (needs a display)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    # Before the window exists there may be no application yet; the box needs one alive.
    _app = QApplication.instance() or QApplication([sys.argv[0]])
    QMessageBox(QMessageBox.Icon.Critical, "Hotseat cannot start", message).exec()
