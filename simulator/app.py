"""The window's composition root: builds the objects of one run of the app and shows it.

``main`` is what the bare ``hotseat`` command runs. It loads the settings and the pack library,
builds the services (``services.build_services``) and the main window, starts the startup
checks and crash recovery in the background, runs the event loop, and on exit stops every
thread and closes the services.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from simulator import __version__, paths
from simulator.settings import RANGES, Settings, SettingsFile

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QWidget

    from simulator.library import Library
    from simulator.services import Services
    from simulator.ui.error_report import ErrorLog
    from simulator.ui.window import MainWindow

APP_NAME = "Hotseat"
ORGANISATION = "Hotseat"
EXIT_USAGE = 2  # as in commands.common
#: A property set on the window once its start-up work has begun (after its first paint).
BACKGROUND_STARTED = "hotseat_background_started"
QUESTIONS_RANGE = (int(RANGES["questions"][0]), int(RANGES["questions"][1]))


def load_library(builtin_dir: Path, user_dir: Path | None) -> Library:
    """The question packs, those unchanged since the last start from the cache of parsed
    packs (imported here, so that the collector is off while they load)."""
    from simulator.library import load_library as load

    return load(builtin_dir, user_dir, paths.packs_cache_file())


def _start_background_work(window: MainWindow, services: Services) -> None:
    """The start-up checks (microphone, recogniser, voices) and crash recovery."""
    window.setProperty(BACKGROUND_STARTED, True)
    window.run_startup_checks()
    window.tasks.run_task(
        services.sessions.recover_unfinished,
        window.show_recovered,
        lambda error: window.banners.show_message(
            "recovery", f"Interrupted sessions could not be recovered: {error}", "warning"
        ),
    )


def after_first_paint(widget: QWidget, start: Callable[[], None]) -> None:
    """Call ``start`` once ``widget`` has been painted for the first time.

    The start-up work imports libraries and spawns helper processes: begun before the first
    paint, it competed with it for the two cores and for Python's global lock, and the
    window showed later.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                widget.removeEventFilter(self)
                self.deleteLater()
                QTimer.singleShot(0, start)  # after this paint is on screen
            return False

    widget.installEventFilter(FirstPaint(widget))


def _quit_on_interrupt(app: QCoreApplication) -> None:
    """Ctrl-C or SIGTERM closes the window the normal way (the session in progress is saved).

    Python runs signal handlers only between bytecodes, and Qt's event loop is native code, so
    a timer wakes the interpreter a few times a second to notice them.
    """
    from PySide6.QtCore import QTimer

    def quit_app(_signum: int, _frame: FrameType | None) -> None:
        app.quit()

    signal.signal(signal.SIGINT, quit_app)
    signal.signal(signal.SIGTERM, quit_app)
    waker = QTimer(app)
    waker.timeout.connect(lambda: None)
    waker.start(250)


def _no_display() -> bool:
    """On Linux without X or Wayland, Qt would abort with a core dump instead of a message."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(
    argv: list[str] | None = None, pack_id: str | None = None, questions: int | None = None
) -> int:
    """Run the window until it is closed; returns the exit code. ``pack_id`` and
    ``questions`` preset the home page (from ``hotseat practice --pack ID``).

    Like ``cli.main``: a known problem is one message and exit code 2 (or 1), an unexpected
    error one line plus its traceback in the log file, never a raw traceback.
    """
    multiprocessing.freeze_support()
    from simulator.store import StoreError

    try:
        paths.layout().ensure()  # a file or a read-only folder as HOTSEAT_HOME stops us here
    except StoreError as error:
        return _cannot_start(str(error), EXIT_USAGE)
    if _no_display():
        print(
            "hotseat: no display found (DISPLAY and WAYLAND_DISPLAY are unset); run it on a "
            "desktop, or use the terminal mode: hotseat practice --no-gui --pack ID",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from simulator.ui.error_report import ErrorLog, log_file_in

    error_log = ErrorLog(log_file_in(paths.data_home()))
    with error_log.installed():
        try:
            return _run_window(argv, pack_id, questions, error_log)
        except Exception as error:
            # The terminal's sorting of errors, so both front ends say the same.
            from simulator.cli import _exit_code_for

            code, message = _exit_code_for(error)
            if message.startswith("unexpected error"):  # a bug: its traceback to the log file
                message = error_log.unexpected("unexpected error", error)
                return _cannot_start(message, code, printed=True)
            return _cannot_start(message, code)


def _cannot_start(message: str, code: int, printed: bool = False) -> int:
    """Say why the window cannot run: one stderr line, and a message box on a display."""
    from simulator.ui import error_report

    if not printed:
        print(f"hotseat: {message}", file=sys.stderr)
    if _can_show_dialog():
        error_report.show_dialog(message)
    return code


def _can_show_dialog() -> bool:
    """A message box only where someone can see it: not offscreen, not without a display."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    return not _no_display() and platform.split(":")[0] not in ("offscreen", "minimal")


def _save_repaired(settings_file: SettingsFile, settings: Settings) -> None:
    """Write back the settings as loaded (defaults in place of bad values), so the message is
    said once and not at every start; a damaged file was already kept aside."""
    # In a read-only folder the message simply comes again next time: nothing worse.
    with contextlib.suppress(OSError):
        settings_file.save(settings)


def _run_window(
    argv: list[str] | None, pack_id: str | None, questions: int | None, error_log: ErrorLog
) -> int:
    from PySide6.QtWidgets import QApplication

    from simulator.ui.gc_guard import GuiThreadGarbageCollector

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else None
    if app is None:
        app = QApplication([sys.argv[0], *(argv if argv is not None else sys.argv[1:])])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    # Before the window's modules are imported: the collector switches Python's own cycle
    # collection off, which otherwise runs again and again over the objects imports make.
    collector = GuiThreadGarbageCollector(app)

    from simulator.services import build_services
    from simulator.ui import style
    from simulator.ui.error_report import catch_slot_errors
    from simulator.ui.window import MainWindow

    style.apply(app)

    settings_file = SettingsFile(paths.settings_file(), report=None)  # said in a banner
    settings = settings_file.load()
    layout = paths.layout()
    services = build_services(settings, layout)
    window: MainWindow | None = None

    def slot_failed(error: BaseException) -> None:
        message = error_log.unexpected("Something went wrong", error)
        if window is not None:
            window.banners.show_message("unexpected", message, "error")

    try:
        with catch_slot_errors(slot_failed):
            library = load_library(paths.builtin_packs_dir(), layout.packs_dir)
            window = MainWindow(services, library, settings_file)
            if settings_file.problem:
                window.banners.show_message(
                    "settings", f"Settings: {settings_file.problem}.", "warning"
                )
                _save_repaired(settings_file, settings)
            if pack_id:
                window.home.select_pack(pack_id)
            if questions:
                low, high = QUESTIONS_RANGE  # a spin box overflows past 32 bits
                window.home.question_count.setValue(max(low, min(questions, high)))
            window.tasks.add_interrupter(services.interrupt_start_up)
            shown = window
            after_first_paint(window, lambda: _start_background_work(shown, services))
            window.show()
            _quit_on_interrupt(app)
            return int(app.exec())
    finally:
        if window is not None:
            window.shutdown()
        services.close()
        collector.stop()


def self_check() -> int:
    """``hotseat --self-check`` (not in ``--help``; tests/packaging runs it in the frozen build):
    the libraries loaded only by some pages work in this install. pedalboard stretches a tone
    (the replay's slower and faster speeds) and pyqtgraph draws a progress chart off screen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # nothing is shown
    try:
        print(f"slowed replay: ok ({_stretch_a_tone()})")
        from simulator.ui.self_check import draw_progress_chart

        print(f"progress chart: ok ({draw_progress_chart()} pixels of its line)")
    except Exception as error:  # an import that fails frozen is as much an answer as a bug
        print(f"hotseat: self-check failed: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    return 0


def _stretch_a_tone() -> str:
    """Half a second of 440 Hz at 0.75x and 1.5x: each result has the length the replay's
    clock expects and is not silence."""
    import array
    import math

    from simulator.audio.stretch import FASTEST, SLOWEST, stretch_pcm16

    rate = 16_000
    tone = array.array(
        "h", (round(8000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(rate // 2))
    )
    lengths = []
    for speed in (SLOWEST, FASTEST):
        stretched = array.array("h", stretch_pcm16(tone.tobytes(), rate, speed))
        if len(stretched) != round(len(tone) / speed) or max(map(abs, stretched)) < 1000:
            raise RuntimeError(f"the stretch to {speed}x gave {len(stretched)} samples")
        lengths.append(f"{len(stretched) / rate:.2f} s at {speed}x")
    return ", ".join(lengths)


if __name__ == "__main__":
    sys.exit(main())
