"""The window, end to end: a real offscreen window, real audio through the virtual microphone,
real PocketSphinx, a real SQLite file. A synthetic candidate answers two questions aloud."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from simulator import paths
from simulator.audio.devices import list_input_devices
from simulator.audio.wav import wav_duration
from simulator.core.events import SessionEvent, to_json
from simulator.library import load_library
from simulator.services import build_services
from simulator.settings import Settings, SettingsFile
from simulator.store import Store
from simulator.ui.window import MainWindow
from tests.e2e.conftest import ANSWERS, E2E_PACK
from tests.support.speech_samples import wer
from tests.support.virtual_mic import VirtualMic, isolated_client_env

pytestmark = pytest.mark.e2e


def test_a_two_question_session_in_the_window(
    qtbot: QtBot, mic_in_process: VirtualMic, spoken_answers: list[Path], hotseat_home: Path
) -> None:
    layout = paths.layout()
    layout.ensure()
    (layout.packs_dir / "e2e.toml").write_text(E2E_PACK, encoding="utf-8")
    settings_file = SettingsFile(paths.settings_file())
    settings_file.save(Settings(engine="pocketsphinx", end_silence_s=1.5, shuffle=False))
    services = build_services(settings_file.load(), layout)
    library = load_library(paths.builtin_packs_dir(), layout.packs_dir)
    window = MainWindow(services, library, settings_file)
    qtbot.addWidget(window)
    window.show()
    try:
        bridge = window.session.start("e2e", 2, shuffle=False)
        assert bridge is not None
        events: list[dict[str, Any]] = []

        def on_event(typed: SessionEvent) -> None:
            event = to_json(typed)
            events.append(event)
            if event["type"] == "recording_started":
                mic_in_process.speak(spoken_answers[event["index"]], block=False)

        bridge.event.connect(on_event)
        with qtbot.waitSignal(bridge.finished, timeout=120_000) as finished:
            pass
        session_id = finished.args[0]
        assert session_id is not None
        # What the person sees: the end page with both answers and their transcripts.
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.end, timeout=10_000)
        rows = window.end.answer_rows
        assert len(rows) == 2
        for row, reference in zip(rows, ANSWERS, strict=True):
            assert wer(reference, row.transcript_label.text()) <= 0.15, row.transcript_label.text()
        assert any(e["type"] == "partial" for e in events)
        # Each answer was analysed in the helper process; its feedback opens on the end page.
        assert [e["index"] for e in events if e["type"] == "answer_analyzed"] == [0, 1]
        assert all(row.answer.analysis is not None for row in rows)
        rows[0].feedback_button.click()
        assert rows[0].feedback_button.isChecked()
    finally:
        closing = time.monotonic()
        window.shutdown()  # what closing the window does, then app.main closes the services
        services.close()
        closed_in = time.monotonic() - closing
    # Closing after a session: the three helpers are idle and stop together at once.
    assert closed_in < 2.0, closed_in

    store = Store(layout.db_path)
    session = store.get_session(session_id)
    store.close()
    assert session is not None and session["status"] == "complete"
    for answer, spoken in zip(session["answers"], spoken_answers, strict=True):
        wav = layout.absolute(answer["audio_path"])
        assert wav_duration(wav) == pytest.approx(answer["duration_s"], abs=0.01)
        assert wav_duration(spoken) + 1.0 < answer["duration_s"] < wav_duration(spoken) + 4.0
        assert answer["engine"] == "pocketsphinx" and answer["transcript"]


def test_no_microphone_shows_a_banner_with_retry(
    qtbot: QtBot, hotseat_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real services on a machine with no input device at all (no sound server)."""
    for name, value in isolated_client_env(tmp_path / "no-pulse").items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    assert list_input_devices(rescan=True) == []
    layout = paths.layout()
    settings_file = SettingsFile(paths.settings_file())
    services = build_services(Settings(engine="pocketsphinx"), layout)
    window = MainWindow(
        services, load_library(paths.builtin_packs_dir(), layout.packs_dir), settings_file
    )
    qtbot.addWidget(window)
    window.show()
    try:
        window.run_startup_checks()
        qtbot.waitUntil(lambda: "microphone" in window.banners.banners, timeout=20_000)
        banner = window.banners.banners["microphone"]
        assert "No microphone found" in banner.message
        assert banner.isVisible()
    finally:
        window.shutdown()
        services.close()
        monkeypatch.undo()
        list_input_devices(rescan=True)
