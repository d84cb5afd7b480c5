"""End to end: Esc, then Esc again, on an answer nobody spoke into. The session ends, and the
silent answer is kept as skipped (its recording too), not shown as a blank answer.

A real offscreen window, the virtual microphone (silence), real PocketSphinx, a real SQLite file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from simulator import paths
from simulator.core.events import to_json
from simulator.library import load_library
from simulator.services import build_services
from simulator.settings import Settings, SettingsFile
from simulator.store import Store
from simulator.ui.pages.end import SKIPPED_TEXT
from simulator.ui.window import MainWindow
from tests.e2e.conftest import E2E_PACK

pytestmark = pytest.mark.e2e


@pytest.mark.usefixtures("mic_in_process")
def test_escape_twice_on_a_silent_answer_ends_and_keeps_it_as_skipped(
    qtbot: QtBot, hotseat_home: Path
) -> None:
    layout = paths.layout()
    layout.ensure()
    (layout.packs_dir / "e2e.toml").write_text(E2E_PACK, encoding="utf-8")
    settings_file = SettingsFile(paths.settings_file())
    settings_file.save(Settings(engine="pocketsphinx", end_silence_s=1.5, shuffle=False))
    services = build_services(settings_file.load(), layout)
    window = MainWindow(
        services, load_library(paths.builtin_packs_dir(), layout.packs_dir), settings_file
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    try:
        bridge = window.session.start("e2e", 2, shuffle=False)
        assert bridge is not None
        recording: list[dict[str, Any]] = []
        bridge.event.connect(
            lambda event: (
                recording.append(to_json(event)) if event.type == "recording_started" else None
            )
        )
        qtbot.waitUntil(lambda: bool(recording), timeout=60_000)
        page = window.interview
        qtbot.keyClick(page, Qt.Key.Key_Escape)
        assert page.confirming and bridge.is_running  # asked, still recording
        with qtbot.waitSignal(bridge.finished, timeout=60_000) as finished:
            qtbot.keyClick(page.end_confirm, Qt.Key.Key_Escape)
        session_id = finished.args[0]
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.end, timeout=10_000)
        (row,) = window.end.answer_rows
        assert row.transcript_label.text() == SKIPPED_TEXT
        assert "1 skipped" in window.end.summary_label.text()
        with Store(layout.db_path) as store:
            session = store.get_session(session_id)
        assert session is not None and session["status"] == "aborted"
        (answer,) = session["answers"]
        assert answer["status"] == "skipped" and answer["transcript"] == ""
        assert layout.absolute(answer["audio_path"]).exists()
    finally:
        window.shutdown()
        services.close()
