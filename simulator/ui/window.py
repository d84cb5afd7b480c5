"""The main window: composes the pages and the flows, and moves between pages in one place.

It owns the background helper (``tasks``), the banner area and the ``Navigator`` every page
switch goes through. The flows carry out what the pages ask for: ``SessionFlow`` a live
session, ``LibraryFlow`` the question library, ``HistoryFlow`` the past sessions and their
review. Checks at startup (microphone, recogniser, voices) run in the background and report to
the banner. ``WindowServices`` is what the window is given: the settings in use and one façade
per feature (``services.Services`` for real), each typed by the protocol of the flow or
dialog that uses it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QSize
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from simulator.library import Library
from simulator.settings import Settings, SettingsFile
from simulator.ui import style
from simulator.ui.history_flow import HistoryFlow, PastSessions
from simulator.ui.library_flow import LibraryFlow, PackFiles
from simulator.ui.microphone_watch import (
    NO_MICROPHONE,
    NO_MICROPHONE_HINT,
    Microphones,
    MicrophoneWatch,
)
from simulator.ui.navigator import Navigator
from simulator.ui.pages.end import EndPage
from simulator.ui.pages.home import HomePage
from simulator.ui.pages.interview import InterviewPage
from simulator.ui.pages.review_player import ReplayAudio
from simulator.ui.session_flow import SessionFlow, SessionStarter
from simulator.ui.settings_dialog import DeviceList, ModelChoice, SavedData, SettingsDialog
from simulator.ui.tasks import TaskRunner
from simulator.ui.voice_order import Voice
from simulator.ui.widgets.answer_list import Playback
from simulator.ui.widgets.banner import BannerArea

log = logging.getLogger(__name__)


class Voices(ReplayAudio, Protocol):
    def list_voices(self) -> Sequence[Voice]:
        """The synthesiser's voices (starts the TTS worker: slow)."""
        ...

    def speak_text(self, text: str) -> Playback:
        """Say ``text`` in the interviewer's voice (renders first: slow)."""
        ...

    def play_recording(self, stored_path: str, start_s: float = 0.0) -> Playback:
        """Start playing a saved answer; returns at once."""
        ...


class Devices(Microphones, DeviceList, Protocol):
    pass


class History(PastSessions, SavedData, Protocol):
    pass


class Models(ModelChoice, Protocol):
    def prepare_recognizer(self) -> str:
        """Load the recogniser chosen by the settings; returns "engine · model"."""
        ...


class WindowServices(Protocol):
    """The settings in use and the façades the window hands to its flows and dialogs."""

    @property
    def settings(self) -> Settings: ...
    @property
    def sessions(self) -> SessionStarter: ...
    @property
    def microphones(self) -> Devices: ...
    @property
    def models(self) -> Models: ...
    @property
    def voices(self) -> Voices: ...
    @property
    def history(self) -> History: ...
    @property
    def packs(self) -> PackFiles: ...
    def update_settings(self, settings: Settings) -> None:
        """Use new settings from now on (the voice and recogniser are rebuilt when needed)."""
        ...


class MainWindow(QMainWindow):
    def __init__(
        self, services: WindowServices, library: Library, settings_file: SettingsFile
    ) -> None:
        super().__init__()
        self.services = services
        self.library = library
        self.settings_file = settings_file
        self.tasks = TaskRunner()
        self.settings_dialog: SettingsDialog | None = None
        self.setWindowTitle("Hotseat")
        self.setMinimumSize(QSize(900, 600))
        self.resize(1100, 720)

        self.banners = BannerArea()
        self.home = HomePage(library, services.settings)
        self.interview = InterviewPage()
        self.end = EndPage(play=services.voices.play_recording)
        self.navigator = Navigator(QStackedWidget())
        for page in (self.home, self.interview, self.end):
            self.navigator.add(page)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banners.setContentsMargins(style.MARGIN, 14, style.MARGIN, 0)
        layout.addWidget(self.banners)
        layout.addWidget(self.navigator.stack, 1)
        self.setCentralWidget(central)

        self.microphone = MicrophoneWatch(services.microphones, self.tasks, self.banners, self.home)
        self.session = SessionFlow(
            services.sessions,
            self.navigator,
            self.banners,
            self.microphone,
            (self.home, self.interview, self.end),
            library,
            self._remember_choices,
            history=services.history,
            tasks=self.tasks,
        )
        self.session.home_requested.connect(self.show_home)
        self.library_flow = LibraryFlow(
            services.packs,
            services.voices,
            self.tasks,
            self.banners,
            self.navigator,
            library,
            self.session.start,
        )
        self.library_flow.home_requested.connect(self.show_home)
        self.library_flow.library_changed.connect(self.set_library)
        self.history = HistoryFlow(
            services.history,
            services.voices,
            self.tasks,
            self.navigator,
            library,
            self.session.start,
        )
        self.history.home_requested.connect(self.show_home)
        self.history.summary_ready.connect(self.home.set_practice_summary)
        for problem in (self.end.problem, self.history.review.problem, self.history.problem):
            problem.connect(lambda message: self.banners.show_message("play", message))

        self.home.start_requested.connect(lambda: self.session.start())
        self.home.settings_requested.connect(self.open_settings)
        self.home.browse_requested.connect(self.library_flow.show_browser)
        self.home.history_requested.connect(self.history.show_history)
        self.home.engine_changed.connect(self._engine_changed)
        self.home.packs_list.setFocus()
        if library.problems:
            log.info("pack problems: %s", "; ".join(str(p) for p in library.problems))

    @property
    def stack(self) -> QStackedWidget:
        """The pages, to see which is shown; pages are switched through ``navigator``."""
        return self.navigator.stack

    # --- startup checks, all in the background -----------------------------------------

    def run_startup_checks(self) -> None:
        self.microphone.check()
        self.history.refresh_summary()
        self.check_recognizer()
        voices = self.services.voices
        self.tasks.run_task(
            voices.list_voices,
            lambda found: self.home.set_voices(found, self.services.settings.voice),
            lambda error: self.banners.show_message(
                "voices", f"The interviewer's voices could not be listed: {error}", "warning"
            ),
        )

    def check_recognizer(self) -> None:
        self.tasks.run_task(
            self.services.models.prepare_recognizer,
            lambda _description: self.banners.clear("model"),
            lambda error: self.banners.show_message(
                "model", str(error), "error", "Settings…", self.open_settings
            ),
        )

    def show_recovered(self, messages: list[str]) -> None:
        """Messages from crash recovery at startup, one dismissable banner each."""
        for number, message in enumerate(messages):
            self.banners.show_message(f"recovered-{number}", message, "info")

    # --- moving between pages -------------------------------------------------------------

    def show_home(self) -> None:
        self.end.stop_playback()
        self.history.refresh_summary()  # a session may have been saved since
        self.navigator.show(self.home, self.home.start_button)

    def set_library(self, library: Library) -> None:
        """Use a reloaded library (a pack was saved or deleted) on every page."""
        self.library = library
        self.session.library = library
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
            self.microphone.check()

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
        if not self.session.shutdown():
            log.warning("the session thread did not stop in time")
        self.microphone.stop()
        self.end.stop_playback()
        self.history.review.stop_playback()
        self.history.answer_review.stop_playback()
        self.library_flow.stop_playback()
        self.interview.prep_timer.stop()
        if not self.tasks.shutdown():
            log.warning("background tasks were still running at exit")

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.navigator.is_showing(self.home):
            self._remember_choices()
        self.shutdown()
        super().closeEvent(event)


__all__ = ["NO_MICROPHONE", "NO_MICROPHONE_HINT", "MainWindow", "WindowServices"]
