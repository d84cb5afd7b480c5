"""The main window: composes the pages and moves between them as a session goes.

It owns the background helper (``tasks``), the banner area, and the bridge of the running
session. Checks at startup (microphone, recogniser, voices) run in the background and report
to the banner; the pages only show things and emit signals.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from simulator.core import events as ev
from simulator.core.errors import NoMicrophoneError
from simulator.core.packs import Question
from simulator.library import Library
from simulator.session.setup import (
    MIX_LABEL,
    SessionRequest,
    UnknownCategoryError,
    session_options,
)
from simulator.settings import Settings, SettingsFile
from simulator.ui import style
from simulator.ui.bridge import SessionBridge
from simulator.ui.history_flow import HistoryFlow
from simulator.ui.library_flow import LibraryFlow
from simulator.ui.pages.end import EndPage, SessionAnswers
from simulator.ui.pages.home import HomePage
from simulator.ui.pages.interview import InterviewPage
from simulator.ui.services_api import WindowServices
from simulator.ui.settings_dialog import SettingsDialog
from simulator.ui.tasks import TaskRunner
from simulator.ui.widgets.banner import BannerArea

log = logging.getLogger(__name__)

NO_MICROPHONE = "No microphone found. Connect one: Hotseat looks again every few seconds."
NO_MICROPHONE_HINT = "Connect a microphone to start."
JOIN_TIMEOUT_S = 5.0
#: While no microphone is found, look again this often (a rescan of the devices, off the GUI
#: thread), so Start comes back by itself once one is plugged in.
MICROPHONE_RECHECK_MS = 4000


class MainWindow(QMainWindow):
    def __init__(
        self, services: WindowServices, library: Library, settings_file: SettingsFile
    ) -> None:
        super().__init__()
        self.services = services
        self.library = library
        self.settings_file = settings_file
        self.tasks = TaskRunner()
        self.bridge: SessionBridge | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.answers = SessionAnswers()
        self._saved: tuple[int | None, str] = (None, "aborted")
        self._last_start: dict[str, Any] = {}
        # None until the first check: Start stays usable then, and the session checks again.
        self.microphone_ready: bool | None = None
        self._microphone_checking = False
        self.microphone_timer = QTimer(self)
        self.microphone_timer.setObjectName("microphone_timer")
        self.microphone_timer.setInterval(MICROPHONE_RECHECK_MS)
        self.microphone_timer.timeout.connect(self.check_microphone)
        self.setWindowTitle("Hotseat")
        self.setMinimumSize(QSize(900, 600))
        self.resize(1100, 720)

        self.banners = BannerArea()
        self.home = HomePage(library, services.settings)
        self.interview = InterviewPage()
        self.end = EndPage(play=services.play_recording)
        self.stack = QStackedWidget()
        for page in (self.home, self.interview, self.end):
            self.stack.addWidget(page)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banners.setContentsMargins(style.MARGIN, 14, style.MARGIN, 0)
        layout.addWidget(self.banners)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.library_flow = LibraryFlow(
            services, self.tasks, self.banners, self.stack, library, self.start_session
        )
        self.library_flow.home_requested.connect(self.show_home)
        self.library_flow.library_changed.connect(self.set_library)
        self.history = HistoryFlow(services, self.tasks, self.stack, self.end, library)
        self.history.home_requested.connect(self.show_home)
        self.home.history_requested.connect(self.history.show_history)

        self.home.start_requested.connect(lambda: self.start_session())
        self.home.settings_requested.connect(self.open_settings)
        self.home.browse_requested.connect(self.library_flow.show_browser)
        self.home.engine_changed.connect(self._engine_changed)
        self.end.home_requested.connect(self.show_home)
        self.end.practice_again_requested.connect(self.practice_again)
        self.end.problem.connect(lambda message: self.banners.show_message("play", message))
        self.home.packs_list.setFocus()
        if library.problems:
            log.info("pack problems: %s", "; ".join(str(p) for p in library.problems))

    # --- startup checks, all in the background -----------------------------------------

    def run_startup_checks(self) -> None:
        self.check_microphone()
        self.check_recognizer()
        self.tasks.run_task(
            self.services.list_voices,
            lambda voices: self.home.set_voices(voices, self.services.settings.voice),
            lambda error: self.banners.show_message(
                "voices", f"The interviewer's voices could not be listed: {error}", "warning"
            ),
        )

    def check_microphone(self) -> None:
        """Look for the microphone in the background; one check at a time."""
        if self._microphone_checking:
            return
        self._microphone_checking = True
        self.tasks.run_task(
            self.services.check_microphone, self._microphone_found, self._microphone_failed
        )

    def _microphone_found(self, _name: str) -> None:
        self._microphone_checking = False
        self.microphone_ready = True
        self.microphone_timer.stop()
        self.banners.clear("microphone")
        self.home.set_blocked(None)

    def _microphone_failed(self, error: BaseException) -> None:
        self._microphone_checking = False
        self.microphone_ready = False
        message = NO_MICROPHONE if isinstance(error, NoMicrophoneError) else str(error)
        if self.banners.message("microphone") != message:  # no flicker on each re-check
            self.banners.show_message(
                "microphone",
                message,
                "error",
                "Check again",
                self.check_microphone,
                dismissable=False,
            )
        self.home.set_blocked(NO_MICROPHONE_HINT)
        if not self.microphone_timer.isActive():
            self.microphone_timer.start()

    def check_recognizer(self) -> None:
        self.tasks.run_task(
            self.services.prepare_recognizer,
            lambda _description: self.banners.clear("model"),
            lambda error: self.banners.show_message(
                "model", str(error), "error", "Settings…", self.open_settings
            ),
        )

    def show_recovered(self, messages: list[str]) -> None:
        """Messages from crash recovery at startup, one dismissable banner each."""
        for number, message in enumerate(messages):
            self.banners.show_message(f"recovered-{number}", message, "info")

    # --- sessions -------------------------------------------------------------------------

    def start_session(
        self,
        pack_id: str | None = None,
        questions: int | Sequence[str] | Sequence[Question] | None = None,
        *,
        shuffle: bool | None = None,
        seed: int | None = None,
    ) -> SessionBridge | None:
        """Start a session: ``questions`` is a count, ids in ``pack_id``, or Question objects.

        With Question objects ``pack_id`` is only the label the session records (a pack's id,
        or "mix"). Unset arguments come from the home page, its mix by category included.
        Returns the bridge of the new session, or None when it could not start (the reason
        is in the banner).
        """
        if self.bridge is not None and self.bridge.is_running:
            return self.bridge
        if self.microphone_ready is False:  # the banner already says so; nothing is saved
            self.check_microphone()
            return None
        settings = self._remember_choices()
        mix = settings.shuffle if shuffle is None else shuffle
        seed = seed if seed is not None else self.home.seed()
        categories = None
        if pack_id is None and questions is None and self.home.mix_selected():
            categories = tuple(self.home.mix_categories())
        pack_id = MIX_LABEL if categories is not None else pack_id or self.home.selected_pack_id()
        if pack_id is None:
            self.banners.show_message("session", "Choose a question pack first.", "warning")
            return None
        self._last_start = {"pack_id": pack_id, "questions": questions, "shuffle": shuffle}
        request = SessionRequest(
            pack_id=pack_id,
            questions=settings.questions if questions is None else questions,
            categories=categories,
            shuffle=mix,
            seed=seed,
            end_silence_s=settings.end_silence_s,
            settings=asdict(settings),
        )
        try:
            options = session_options(self.library.packs, request)
        except (KeyError, UnknownCategoryError) as error:  # a pack deleted since, for "again"
            self.banners.show_message("session", f"Not in the library: {error}", "warning")
            return None
        if categories is not None:  # "practise again" asks a mix's drawn questions again
            self._last_start["questions"] = options.questions
        if not options.questions:
            self.banners.show_message("session", "Choose some questions first.", "warning")
            return None
        bridge = SessionBridge(self)
        try:
            runner = self.services.runner(options, bridge.post)
        except Exception as error:  # a missing model or device: said in the banner
            self.banners.show_message("session", f"The session could not start: {error}")
            bridge.deleteLater()
            return None
        self.banners.clear("session")
        self.banners.clear("session-warning")
        self.answers, self._saved = SessionAnswers(), (None, "aborted")
        self.bridge = bridge
        self.interview.attach(bridge, settings.hide_question_text)
        bridge.event.connect(self._on_event)
        bridge.finished.connect(self._on_finished)
        self.stack.setCurrentWidget(self.interview)
        bridge.start(runner, prepare=self._prepare_session)
        return bridge

    def _prepare_session(self) -> None:
        """On the session thread, before anything is saved: a microphone, then the model.

        Start may be pressed before the first microphone check has answered.
        """
        self.services.check_microphone()
        self.services.prepare_recognizer()

    def _on_event(self, event: ev.SessionEvent) -> None:
        self.answers.handle_event(ev.to_json(event))  # SessionAnswers reads the flat form
        if isinstance(event, ev.SessionSaved):
            self._saved = (event.session_id, event.status)
        elif isinstance(event, ev.ErrorEvent) and event.cause == NoMicrophoneError.__name__:
            self._microphone_failed(NoMicrophoneError(event.message))
        elif isinstance(event, ev.ErrorEvent):
            self.banners.show_message("session", event.message, "error")
        elif isinstance(event, ev.WarningEvent):
            self.banners.show_message("session-warning", event.message, "warning")

    def _on_finished(self, session_id: int | None) -> None:
        if self.bridge is not None:
            self.bridge.shutdown(JOIN_TIMEOUT_S)
        if session_id is None and self._saved[0] is None:
            self.show_home()
            return
        saved_id = session_id if session_id is not None else self._saved[0]
        self.end.show_results(saved_id, self._saved[1], self.answers.answers)
        self.stack.setCurrentWidget(self.end)
        self.end.again_button.setFocus()

    def practice_again(self) -> None:
        self.start_session(**self._last_start)

    def show_home(self) -> None:
        self.end.stop_playback()
        self.stack.setCurrentWidget(self.home)
        self.home.start_button.setFocus()

    def set_library(self, library: Library) -> None:
        """Use a reloaded library (a pack was saved or deleted) on every page."""
        self.library = library
        self.history.library = library
        self.home.set_library(library)

    # --- settings -------------------------------------------------------------------------

    def _remember_choices(self) -> Settings:
        """Take the home page's choices into the settings, saving them if they changed."""
        settings = self.home.apply_to(self.services.settings)
        if settings != self.services.settings:
            self._use_settings(settings)
            try:
                self.settings_file.save(settings)
            except OSError as error:
                self.banners.show_message(
                    "settings", f"Your choices could not be saved: {error}", "warning"
                )
        return settings

    def _use_settings(self, settings: Settings) -> None:
        old = self.services.settings
        self.services.update_settings(settings)
        if (old.engine, old.model_path) != (settings.engine, settings.model_path):
            self.check_recognizer()
        if old.input_device != settings.input_device:
            self.check_microphone()

    def _engine_changed(self, engine: str) -> None:
        if engine != self.services.settings.engine:
            self._use_settings(self.services.settings.with_changes(engine=engine))

    def open_settings(self) -> None:
        settings = self.home.apply_to(self.services.settings)
        dialog = SettingsDialog(settings, self.services, self.settings_file, self.tasks, self)
        self.settings_dialog = dialog
        dialog.finished.connect(lambda _result: self._settings_closed(dialog))
        dialog.open()

    def _settings_closed(self, dialog: SettingsDialog) -> None:
        self.settings_dialog = None
        if dialog.saved_settings is not None:
            self._use_settings(dialog.saved_settings)
            self.home.load_settings(dialog.saved_settings)
        dialog.deleteLater()

    # --- closing --------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop the session thread, playback and background work; safe to call twice."""
        if self.bridge is not None and not self.bridge.shutdown(JOIN_TIMEOUT_S):
            log.warning("the session thread did not stop within %s s", JOIN_TIMEOUT_S)
        self.microphone_timer.stop()
        self.end.stop_playback()
        self.library_flow.stop_playback()
        self.interview.prep_timer.stop()
        if not self.tasks.shutdown():
            log.warning("background tasks were still running at exit")

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.stack.currentWidget() is self.home:
            self._remember_choices()
        self.shutdown()
        super().closeEvent(event)
