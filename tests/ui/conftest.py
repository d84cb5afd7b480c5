"""Fixtures for the window's tests: offscreen Qt, a tmp data folder, real packs, small fakes.

The fakes stand in for the services' façades (``simulator/services/``, one a feature) and the
``SessionRunner`` with the same methods, so the pages are tested for what they show and send,
without audio or speech models. The runner fake (``tests/support/scripted_runner.py``) plays a
scripted session's typed events on the bridge's real worker thread. Pack files are real: the
fake's ``packs`` is the real ``PackFiles`` façade on the tmp folder.
Analyses are real too: ``made_up_answer`` runs ``core.analysis.analyze`` on a scripted answer.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QStackedWidget, QTextBrowser

from simulator import paths
from simulator.core.history import SavedChoices
from simulator.core.records import SavedSession
from simulator.library import Library, load_library
from simulator.services import PackFiles, build_services
from simulator.settings import Settings, SettingsFile
from simulator.ui.history_flow import HistoryFlow
from simulator.ui.navigator import Navigator
from simulator.ui.tasks import TaskRunner
from tests.support import sample_answer
from tests.support.replay_fakes import ReplayFakes
from tests.support.scripted_runner import ScriptedSessions

PACK = """
[pack]
id = "ui-test"
title = "UI test pack"
description = "Three short questions for the window tests."

[[questions]]
id = "first"
text = "Tell me about yourself."
category = "communication"
answer_seconds = [30, 60]

[[questions]]
id = "second"
text = "Describe a conflict you resolved."
category = "conflict"
answer_seconds = [60, 120]
prep_seconds = 5

[[questions]]
id = "third"
text = "Why this role?"
category = "motivation"
"""


@pytest.fixture(autouse=True)
def hotseat_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("HOTSEAT_HOME", str(home))
    return home


@pytest.fixture
def library(tmp_path: Path) -> Library:
    builtin = tmp_path / "builtin"
    builtin.mkdir()
    (builtin / "ui-test.toml").write_text(PACK, encoding="utf-8")
    return load_library(builtin, None)


class FakePlayback:
    def __init__(self, path: str, start_s: float = 0.0) -> None:
        self.path = path
        self.start_s = start_s
        self.playing = True
        self.stopped = False

    @property
    def is_playing(self) -> bool:
        return self.playing

    def stop(self) -> None:
        self.stopped = True
        self.playing = False


class FakeMicrophones:
    def __init__(self) -> None:
        self.microphone_ok = True
        self.mic_checks = 0

    def list_input_devices(self) -> list[str]:
        return ["Desk microphone", "Headset"]

    def check_microphone(self) -> str:
        from simulator.audio.errors import NoMicrophoneError

        self.mic_checks += 1
        if not self.microphone_ok:
            raise NoMicrophoneError("No microphone was found; connect one.")
        return "Desk microphone"


class FakeModels:
    def __init__(self) -> None:
        self.models_dir = Path("models-not-set")  # the ``services`` fixture gives a tmp one

    def model_offers(self) -> list[tuple[str, int, str]]:
        return [("vosk-model-test-0.1", 1, "a test model")]

    def find_model(self) -> str | None:
        # The real discovery, over the test's own models folder.
        from simulator.speech.stt.models import find_vosk_model

        found = find_vosk_model(None, self.models_dir)
        return str(found) if found is not None else None

    def install_model(
        self,
        source: str,
        progress: Callable[[str, int, int | None], None],
        cancelled: Callable[[], bool],
    ) -> str | None:
        # The real installer, into a folder of the test's: only the model list is made up.
        from simulator.speech.stt.model_install import InstallCancelled, install_model

        try:
            return str(install_model(source, self.models_dir, progress, cancelled))
        except InstallCancelled:
            return None

    def check_model(self, path: str) -> str:
        from simulator.speech.stt.models import check_vosk_model

        check_vosk_model(Path(path))
        return "a complete Vosk model"

    def prepare_recognizer(self) -> str:
        return "fake · fake"


class FakeVoices(ReplayFakes):
    def __init__(self) -> None:
        super().__init__()
        self.playbacks: list[FakePlayback] = []
        self.spoken: list[tuple[str, str]] = []  # (text, name of the thread it was asked on)

    def list_voices(self) -> list[Any]:
        from simulator.speech.tts import VoiceInfo

        return [VoiceInfo("v1", "Alice", ("en",)), VoiceInfo("v2", "Bob", ("en",))]

    def play_recording(self, stored_path: str, start_s: float = 0.0) -> FakePlayback:
        playback = FakePlayback(stored_path, start_s)
        self.playbacks.append(playback)
        return playback

    def speak_text(self, text: str) -> FakePlayback:
        self.spoken.append((text, threading.current_thread().name))
        playback = FakePlayback(text)
        self.playbacks.append(playback)
        return playback


class FakePastSessions:
    def __init__(self) -> None:
        self.earlier: list[dict[str, Any]] = []  # earlier pressure sessions' summaries
        self.earlier_asked: list[tuple[int, str]] = []  # (session id, thread name)

    def earlier_pressure(self, session_id: int) -> list[dict[str, Any]]:
        self.earlier_asked.append((session_id, threading.current_thread().name))
        return self.earlier

    def list_sessions(self) -> list[dict[str, Any]]:
        return []

    def filter_choices(self) -> SavedChoices:
        return SavedChoices()  # nothing saved to filter by

    def get_session(self, session_id: int) -> SavedSession | None:
        return None

    def delete_session(self, session_id: int) -> bool:
        return False

    def answer_figures(self) -> list[Any]:
        return []  # nothing practised yet


class FakeServices:
    """The façades the window is given, each a small fake recording what it was asked;
    the pack files are the real façade on the tmp data folder."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.microphones = FakeMicrophones()
        self.models = FakeModels()
        self.voices = FakeVoices()
        self.history = FakePastSessions()
        self.sessions = ScriptedSessions(self._check_ready)
        self.closed = False

    @property
    def packs(self) -> PackFiles:
        return PackFiles(paths.layout())

    def _check_ready(self) -> None:
        """As the real sessions façade: a microphone, then the recogniser."""
        self.microphones.check_microphone()
        self.models.prepare_recognizer()

    def update_settings(self, settings: Settings) -> None:
        self.settings = settings

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def services(tmp_path: Path) -> FakeServices:
    fake = FakeServices()
    fake.models.models_dir = tmp_path / "models"
    return fake


@pytest.fixture
def settings_file(hotseat_home: Path) -> SettingsFile:
    return SettingsFile(hotseat_home / "settings.json")


def _open_window(
    qtbot: Any, services: FakeServices, library: Library, settings_file: SettingsFile
) -> Iterator[Any]:
    from simulator.ui.window import MainWindow

    main = MainWindow(services, library, settings_file)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.shutdown()


@pytest.fixture
def window(
    qtbot: Any, services: FakeServices, library: Library, settings_file: SettingsFile
) -> Iterator[Any]:
    yield from _open_window(qtbot, services, library, settings_file)


@pytest.fixture
def shipped_library(hotseat_home: Path) -> Library:
    """The packs that ship in question_packs/, and the (tmp) user's packs folder."""
    return load_library(paths.builtin_packs_dir(), paths.layout().packs_dir)


@pytest.fixture
def library_window(
    qtbot: Any, services: FakeServices, shipped_library: Library, settings_file: SettingsFile
) -> Iterator[Any]:
    """The main window over the shipped packs, as the question library tests need."""
    yield from _open_window(qtbot, services, shipped_library, settings_file)


# A made-up STAR answer: "| pause N |" is N s of silence, "| voice N |" N s of voice with no word.
ANSWER_SCRIPT = (
    "um at my last job our billing service kept timing out | pause 1.5 | so my task was to find "
    "out why | pause 2.9 | I think the first thing I did was basically add tracing | voice 0.6 | "
    "and I set up a dashboard | pause 1.2 | as a result we cut the timeouts by forty percent"
)


def made_up_answer(
    script: str = ANSWER_SCRIPT, framework: str = "STAR", band: tuple[float, float] = (60, 120)
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Words (as the answer_saved event has them) and their real analysis, for a script."""
    return sample_answer.made_up_answer(script, framework, band)


@pytest.fixture
def answer() -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Words and analysis of the made-up answer."""
    return made_up_answer()


class Marks:
    """Finds the links of a feedback transcript, to read them or click them."""

    @staticmethod
    def links(browser: QTextBrowser) -> list[tuple[str, str, QTextCharFormat, int]]:
        """(href, text, format, document position) of every link, in document order."""
        found = []
        block = browser.document().begin()
        while block.isValid():
            for piece in block.textFormats():
                if piece.format.isAnchor():
                    text = block.text()[piece.start : piece.start + piece.length]
                    shown = text.replace("\xa0", " ").strip()
                    href, position = piece.format.anchorHref(), block.position() + piece.start
                    found.append((href, shown, QTextCharFormat(piece.format), position))
            block = block.next()
        return found

    @staticmethod
    def point(browser: QTextBrowser, text: str) -> QPoint:
        """The viewport point in the middle of the link showing ``text``."""
        for _href, shown, _format, position in Marks.links(browser):
            if shown == text:
                cursor = QTextCursor(browser.document())
                cursor.setPosition(position + max(1, len(shown) // 2))
                return browser.cursorRect(cursor).center()
        raise AssertionError(f"no link {text!r}")


@pytest.fixture
def marks() -> type[Marks]:
    return Marks


@pytest.fixture
def history_flow(qtbot: Any, hotseat_home: Path, library: Library) -> Iterator[HistoryFlow]:
    """The history flow on the real past sessions façade over the test profile's SQLite
    store, on a bare page stack (no window)."""
    services = build_services(Settings(), paths.layout())
    tasks = TaskRunner()
    stack = QStackedWidget()
    flow = HistoryFlow(services.history, None, tasks, Navigator(stack), library)
    qtbot.addWidget(stack)
    yield flow
    tasks.shutdown()
    services.close()
