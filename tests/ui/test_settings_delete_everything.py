"""Settings → "Delete everything…": only after the word is typed, every saved session goes
(database and recordings, nothing else), through the past sessions façade the dialog is given,
and the window holds no file of them open."""

from __future__ import annotations

import ast
import inspect
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from simulator import paths
from simulator.library import Library
from simulator.records.locks import session_lock
from simulator.services import build_services
from simulator.settings import Settings, SettingsFile
from simulator.ui import settings_dialog
from simulator.ui.delete_everything_dialog import CONFIRM_WORD
from simulator.ui.settings_dialog import SettingsDialog
from simulator.ui.tasks import TaskRunner
from tests.backup.backup_data import recordings, saved_data


@pytest.fixture
def dialog(
    qtbot: Any, services: Any, settings_file: SettingsFile, hotseat_home: Path
) -> Iterator[SettingsDialog]:
    real = build_services(Settings(), paths.layout())
    services.history = real.history  # the real past sessions façade on the tmp data folder
    tasks = TaskRunner()
    dialog = SettingsDialog(Settings(), services, settings_file, tasks)
    qtbot.addWidget(dialog)
    yield dialog
    tasks.shutdown()
    real.close()


def confirm(qtbot: Any, dialog: SettingsDialog, word: str) -> None:
    qtbot.mouseClick(dialog.delete_everything_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.delete_dialog is not None and dialog.delete_dialog.isVisible())
    asking = dialog.delete_dialog
    assert asking is not None
    qtbot.keyClicks(asking.confirm_edit, word)


def test_nothing_is_deleted_until_the_word_is_typed(
    qtbot: Any, dialog: SettingsDialog, tmp_path: Path, hotseat_home: Path
) -> None:
    saved_data(tmp_path, sessions=2)
    before = recordings(hotseat_home)
    confirm(qtbot, dialog, CONFIRM_WORD[:-1])
    asking = dialog.delete_dialog
    assert asking is not None and not asking.delete_button.isEnabled()
    # Enter (by habit) answers Cancel, the default button: nothing is deleted.
    with qtbot.waitSignal(asking.finished) as closed:
        qtbot.keyClick(asking.confirm_edit, Qt.Key.Key_Return)
    assert closed.args == [0]
    assert (hotseat_home / "hotseat.db").exists() and recordings(hotseat_home) == before
    assert dialog.delete_everything_button.isEnabled()


def test_typing_the_word_deletes_every_session_and_keeps_the_rest(
    qtbot: Any, dialog: SettingsDialog, tmp_path: Path, hotseat_home: Path
) -> None:
    saved_data(tmp_path, sessions=2)
    pack = hotseat_home / "packs" / "mine.toml"
    pack.write_text("[pack]\n", encoding="utf-8")
    (hotseat_home / "settings.json").write_text("{}", encoding="utf-8")
    confirm(qtbot, dialog, CONFIRM_WORD)
    asking = dialog.delete_dialog
    assert asking is not None and asking.delete_button.isEnabled()
    qtbot.mouseClick(asking.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.data_note.text().startswith("Deleted"))
    assert dialog.data_note.text() == "Deleted 2 session(s) and 2 recording(s)."
    assert not list(hotseat_home.glob("hotseat.db*"))
    assert list((hotseat_home / "sessions").iterdir()) == []
    assert pack.exists() and (hotseat_home / "settings.json").exists()


def test_a_session_being_recorded_is_never_deleted(
    qtbot: Any, dialog: SettingsDialog, tmp_path: Path, hotseat_home: Path
) -> None:
    saved_data(tmp_path, sessions=2)
    before = recordings(hotseat_home)
    lock = session_lock(paths.layout().sessions_dir, 1)
    assert lock.acquire()
    try:
        confirm(qtbot, dialog, CONFIRM_WORD)
        assert dialog.delete_dialog is not None
        qtbot.mouseClick(dialog.delete_dialog.delete_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "being recorded" in dialog.data_note.text())
    finally:
        lock.release()
    assert (hotseat_home / "hotseat.db").exists() and recordings(hotseat_home) == before


def open_files_under(folder: Path) -> list[str]:
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(folder.resolve())):
            found.append(target)
    return found


def test_the_window_holds_no_saved_file_open_when_everything_is_deleted(
    qtbot: Any,
    library: Library,
    settings_file: SettingsFile,
    tmp_path: Path,
    hotseat_home: Path,
) -> None:
    from simulator.ui.window import MainWindow

    ids = saved_data(tmp_path, sessions=2)
    services = build_services(Settings(), paths.layout())  # the real store behind the window
    window = MainWindow(services, library, settings_file)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    try:
        window.history.show_history()
        qtbot.waitUntil(lambda: window.history.page.sessions_list.count() == 2)
        window.history.open_session(ids[0])
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.history.review)
        window.show_home()
        window.open_settings()
        settings = window.settings_dialog
        assert settings is not None
        confirm(qtbot, settings, CONFIRM_WORD)
        assert settings.delete_dialog is not None
        qtbot.mouseClick(settings.delete_dialog.delete_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: settings.data_note.text().startswith("Deleted"))
        assert open_files_under(hotseat_home / "sessions") == []
        assert [f for f in open_files_under(hotseat_home) if "hotseat.db" in f] == []
        assert not (hotseat_home / "hotseat.db").exists()
        window.history.show_history()
        qtbot.waitUntil(lambda: not window.history.page.empty_label.isHidden())
    finally:
        window.shutdown()
        services.close()


class RecordedForget:
    """A past sessions façade that only records being asked to forget everything."""

    def __init__(self) -> None:
        self.asked_on: list[str] = []  # the names of the threads it was asked on

    def forget_everything(self) -> str:
        self.asked_on.append(threading.current_thread().name)
        return "Deleted 7 session(s) and 9 recording(s)."


def test_the_dialog_deletes_through_the_facade_it_is_given(
    qtbot: Any, services: Any, settings_file: SettingsFile, tmp_path: Path, hotseat_home: Path
) -> None:
    saved_data(tmp_path, sessions=2)
    before = recordings(hotseat_home)
    services.history = RecordedForget()
    tasks = TaskRunner()
    dialog = SettingsDialog(Settings(), services, settings_file, tasks)
    qtbot.addWidget(dialog)
    try:
        confirm(qtbot, dialog, CONFIRM_WORD)
        assert dialog.delete_dialog is not None
        qtbot.mouseClick(dialog.delete_dialog.delete_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.data_note.text().startswith("Deleted"))
    finally:
        tasks.shutdown()
    assert dialog.data_note.text() == "Deleted 7 session(s) and 9 recording(s)."
    asked_on = services.history.asked_on
    assert len(asked_on) == 1 and asked_on[0] != threading.main_thread().name
    # The dialog itself deleted nothing: that is the façade's work.
    assert (hotseat_home / "hotseat.db").exists() and recordings(hotseat_home) == before


def test_the_dialog_reaches_saved_data_only_through_the_services() -> None:
    tree = ast.parse(inspect.getsource(settings_dialog))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            imported.add(node.module)
            imported.update(f"{node.module}.{alias.name}" for alias in node.names)
    assert not {"simulator.records.forget", "simulator.paths"} & imported
