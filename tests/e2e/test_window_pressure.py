"""Pressure mode in the window, end to end: the real offscreen window with a drill chosen as a
user would (remembered on the home page), real audio through the virtual microphone, the
interviewer's cut-ins played through the mixer, PocketSphinx, a real SQLite file. A scripted
candidate stops when the interviewer cuts in and goes on a second after the line ends."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from simulator import paths
from simulator.core.events import SessionEvent, to_json
from simulator.library import load_library
from simulator.services import build_services
from simulator.settings import Settings, SettingsFile
from simulator.ui.window import MainWindow
from tests.e2e.pressure_session import LAUNCH, STORY, sentences
from tests.support.scripted_candidate import ScriptedCandidate
from tests.support.virtual_mic import VirtualMic

pytestmark = pytest.mark.e2e

RESUME_S = 1.0


def test_an_interruptions_session_in_the_window(
    qtbot: QtBot, mic_in_process: VirtualMic, hotseat_home: Path, tmp_path: Path
) -> None:
    layout = paths.layout()
    layout.ensure()
    (layout.packs_dir / "pressure-e2e.toml").write_text(LAUNCH, encoding="utf-8")
    settings_file = SettingsFile(paths.settings_file())
    settings_file.save(
        Settings(
            engine="pocketsphinx",
            end_silence_s=1.5,
            shuffle=False,
            drill="interruptions",
            intensity=3,
        )
    )
    services = build_services(settings_file.load(), layout)
    library = load_library(paths.builtin_packs_dir(), layout.packs_dir)
    window = MainWindow(services, library, settings_file)
    qtbot.addWidget(window)
    window.show()
    candidate = ScriptedCandidate(mic_in_process, sentences(tmp_path, STORY), RESUME_S)
    events: list[dict[str, Any]] = []
    marked: list[bool] = []  # the "interviewer is talking" mark, as each cut-in arrived
    try:
        assert window.home.drill_picker.drill() == "interruptions"
        bridge = window.session.start("pressure-e2e", 1, shuffle=False, seed=5)
        assert bridge is not None

        def on_event(typed: SessionEvent) -> None:
            event = to_json(typed)
            events.append(event)
            candidate.on_event(event)
            if event["type"] == "recording_started" and event["index"] == 0:
                candidate.start()
            elif event["type"] == "interruption_started":
                marked.append(not window.interview.interviewer_mark.isHidden())
            elif event["type"] == "answer_ended":
                candidate.stop()

        bridge.event.connect(on_event)
        with qtbot.waitSignal(bridge.finished, timeout=180_000) as finished:
            pass
        assert finished.args[0] is not None
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.end, timeout=10_000)
        started = [e for e in events if e["type"] == "interruption_started"]
        ended = [e for e in events if e["type"] == "interruption_ended"]
        assert started and len(ended) == len(started)
        assert marked == [True] * len(started)  # shown while the interviewer talked
        assert window.interview.interviewer_mark.isHidden()  # and cleared after
        # The recovery is measured from the recording, as the scripted candidate went on.
        [analysed] = [e for e in events if e["type"] == "answer_analyzed" and e["index"] == 0]
        measured = analysed["analysis"]["pressure"]["interruptions"]
        assert [m["start_s"] for m in measured] == pytest.approx(
            [e["answer_s"] for e in started], abs=0.01
        )
        for found in measured:
            assert found["recovery_s"] == pytest.approx(RESUME_S, abs=0.3), found
        # The end page shows the findings and the session's recovery summary.
        row = window.end.answer_rows[0]
        row.feedback_button.click()
        assert row.feedback.pressure is not None
        qtbot.waitUntil(lambda: "recovery" in window.end.pressure_label.text(), timeout=10_000)
    finally:
        candidate.stop()
        window.shutdown()
        services.close()
