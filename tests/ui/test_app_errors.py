"""The window's start and failures: one message and an exit code, never a traceback.

Real subprocesses of ``python -m simulator`` for the data folder problems (one stderr line,
exit 2), and ``app.main`` in this process for settings out of range, slot exceptions and
unexpected errors (one line, the traceback in ``hotseat.log`` in the data folder).
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from simulator import app
from simulator.core.events import to_json
from simulator.settings import SettingsFile
from simulator.store.errors import StoreError
from simulator.ui.bridge import SessionBridge

ROOT = Path(__file__).resolve().parents[2]


def run_hotseat(home: Path, *command: str) -> subprocess.CompletedProcess[str]:
    """``python -m simulator`` with no display at all, as on a server or a bare terminal."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["HOTSEAT_HOME"] = str(home)
    return subprocess.run(
        [*command, sys.executable, "-m", "simulator"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def assert_one_line(stderr: str, *words: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("hotseat: ")
    for word in words:
        assert word in lines[0]


def test_a_file_as_the_data_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    home = tmp_path / "not-a-folder"
    home.write_text("I am a file")
    result = run_hotseat(home)
    assert result.returncode == 2
    assert_one_line(result.stderr, str(home), "HOTSEAT_HOME")
    assert home.read_text() == "I am a file"


def test_a_read_only_empty_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """A folder mounted read-only (root ignores file modes, a read-only mount it does not)."""
    home = tmp_path / "read-only"
    home.mkdir()
    mount = f'mount --bind {home} {home} && mount -o remount,bind,ro {home} && exec "$@"'
    result = run_hotseat(home, "unshare", "--mount", "sh", "-c", mount, "sh")
    assert result.returncode == 2, result.stderr
    assert_one_line(result.stderr, "Read-only file system", "HOTSEAT_HOME")
    assert list(home.iterdir()) == []


def run_main_until(qapp: QApplication, look: Callable[[Any], bool]) -> int:
    """Run ``app.main`` and call ``look(window)`` every 50 ms until it returns True."""
    from simulator.ui.window import MainWindow

    def poll() -> None:
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and look(windows[0]):
            timer.stop()
            windows[0].close()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(poll)
    timer.start()
    try:
        return app.main([])
    finally:
        timer.stop()


def test_settings_out_of_range_start_the_window_with_a_banner(
    qapp: QApplication, hotseat_home: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    hotseat_home.mkdir(parents=True, exist_ok=True)
    (hotseat_home / "settings.json").write_text(
        json.dumps({"questions": 3_000_000_000, "rate": 3_000_000_000})
    )
    seen: dict[str, Any] = {}

    def look(window: Any) -> bool:
        if window.settings_dialog is None:
            window.open_settings()
            return False
        seen["banner"] = window.banners.message("settings")
        seen["questions"] = window.home.question_count.value()
        seen["rate"] = window.settings_dialog.rate_spin.value()
        window.settings_dialog.reject()
        return True

    assert run_main_until(qapp, look) == 0
    assert "questions 3000000000 is outside 1-50" in seen["banner"]
    assert seen["questions"] == 3 and seen["rate"] == 170
    assert "Traceback" not in capfd.readouterr().err
    again = SettingsFile(hotseat_home / "settings.json", report=None)
    assert again.load().questions == 3 and again.problem is None  # said once, not every start


def test_an_exception_in_a_slot_is_a_banner_one_line_and_a_log_entry(
    qapp: QApplication, hotseat_home: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    seen: dict[str, Any] = {}

    def look(window: Any) -> bool:
        if "raised" not in seen:
            seen["raised"] = True
            QTimer.singleShot(0, broken_slot)
            return False
        seen["banner"] = window.banners.message("unexpected")
        return seen["banner"] is not None

    def broken_slot() -> None:
        raise ZeroDivisionError("a bug in a slot")

    assert run_main_until(qapp, look) == 0
    log_file = hotseat_home / "hotseat.log"
    assert seen["banner"].startswith("Something went wrong: a bug in a slot")
    assert str(log_file) in seen["banner"]
    logged = log_file.read_text()
    assert "Traceback" in logged and "ZeroDivisionError" in logged
    assert_one_line(capfd.readouterr().err, "a bug in a slot", str(log_file))


def test_an_unexpected_error_at_start_is_one_line_exit_1_and_logged(
    qapp: QApplication,
    hotseat_home: Path,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialogs: list[str] = []
    monkeypatch.setattr("simulator.ui.error_report.show_dialog", dialogs.append)
    monkeypatch.setattr(app, "_can_show_dialog", lambda: True)

    def broken_library(*_args: Any) -> None:
        raise KeyError("a bug while loading")

    monkeypatch.setattr(app, "load_library", broken_library)
    assert app.main([]) == 1
    log_file = hotseat_home / "hotseat.log"
    assert_one_line(capfd.readouterr().err, "unexpected error", str(log_file))
    assert "Traceback" in log_file.read_text()
    assert len(dialogs) == 1 and "unexpected error" in dialogs[0]


def test_a_damaged_database_during_a_session_logs_no_traceback(
    qtbot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    class DamagedStoreRunner:
        def run(self) -> int:
            raise StoreError("The database hotseat.db is damaged; it was left untouched.")

        def stop_answer(self) -> None: ...
        def abort(self) -> None: ...

    bridge = SessionBridge()
    events: list[Any] = []
    bridge.event.connect(events.append)
    caplog.set_level(logging.DEBUG)
    with qtbot.waitSignal(bridge.finished, timeout=5000):
        bridge.start(DamagedStoreRunner())
    qtbot.waitUntil(lambda: bool(events))
    assert to_json(events[0])["message"].startswith("The database hotseat.db is damaged")
    assert not [record for record in caplog.records if record.exc_info]
    assert isinstance(bridge.error, StoreError)


def test_on_a_display_the_data_folder_problem_is_also_a_message_box(
    hotseat_home: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    hotseat_home.parent.mkdir(parents=True, exist_ok=True)
    hotseat_home.write_text("a file, not a folder")
    dialogs: list[str] = []
    monkeypatch.setattr("simulator.ui.error_report.show_dialog", dialogs.append)
    monkeypatch.setattr(app, "_can_show_dialog", lambda: True)
    assert app.main([]) == 2
    assert len(dialogs) == 1 and "HOTSEAT_HOME" in dialogs[0]
    assert_one_line(capfd.readouterr().err, "HOTSEAT_HOME")


def test_the_terminal_says_when_a_damaged_settings_file_was_set_aside(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.json").write_text("{damaged")
    env = {**os.environ, "HOTSEAT_HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-m", "simulator", "sessions", "list"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    settings_lines = [line for line in result.stderr.splitlines() if "settings" in line]
    assert len(settings_lines) == 1, result.stderr
    assert settings_lines[0].startswith("hotseat: settings: could not read settings")
    assert "settings.damaged.json" in settings_lines[0]
    assert (home / "settings.damaged.json").read_text() == "{damaged"
