"""The idle window does not load numpy: only recording, transcribing and analysing need it
(16 MiB with soundfile and soxr, docs/PERFORMANCE.md, "Idle memory")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from simulator.core.progress import AnswerFigures
from simulator.store import DataLayout, Store
from simulator.store.figures import answer_figures

# Runs in a fresh interpreter: the test process has imported numpy long before.
# It builds the window as app.py does, then does what the start-up work after the first
# paint does in the window's process, short of opening a device or spawning a helper: makes
# the microphone (whose check opens it), sets up the recogniser (its process would load the
# model), imports the voice's module, runs crash recovery and reads the figures of the
# summary of recent practice from the saved sessions.
WINDOW_AT_IDLE = """
import json, sys
from PySide6.QtWidgets import QApplication

app = QApplication([])
from simulator import app as hotseat, paths
from simulator.services import build_services
from simulator.settings import SettingsFile
from simulator.ui.window import MainWindow

settings_file = SettingsFile(paths.settings_file(), report=None)
layout = paths.layout()
services = build_services(settings_file.load(), layout)
library = hotseat.load_library(paths.builtin_packs_dir(), layout.packs_dir)
window = MainWindow(services, library, settings_file)
window.show()
app.processEvents()
services.adapters.microphone()
services.adapters.recognizers
import simulator.audio.devices, simulator.speech.tts
assert services.sessions.recover_unfinished() == []
figures = services.history.answer_figures()
for module in sys.argv[1:]:
    __import__(module)
print(len(figures))
print(json.dumps(sorted(sys.modules)))
window.shutdown()
services.close()
"""


def saved_answers(home: Path, count: int) -> None:
    """``count`` answered questions, one session each, in the store of ``home``."""
    layout = DataLayout(home)
    layout.ensure()
    with Store(layout.db_path) as store:
        for number in range(count):
            started = f"2026-11-{1 + number:02d}T10:00:00+00:00"
            session = store.create_session(
                mode="practice", pack_id="p", settings={}, started_at=started
            )
            answer = store.start_answer(
                session_id=session,
                position=1,
                question_id="q1",
                question_text="Why?",
                audio_path=f"sessions/{session}/1-q1.wav",
                sample_rate=16000,
                started_at=started,
            )
            store.finish_answer(
                answer, transcript="words", words=[], engine="e", model="m", duration_s=7.5
            )
            store.finish_session(session, status="complete", ended_at=started)


def figures_read(home: Path) -> list[AnswerFigures]:
    with Store(DataLayout(home).db_path) as store:
        return answer_figures(store)


def modules_at_idle(home: Path, *extra: str) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOTSEAT_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-c", WINDOW_AT_IDLE, *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    *_, figure_count, modules = done.stdout.splitlines()
    assert int(figure_count) == len(figures_read(home))  # the summary read the same figures
    return set(json.loads(modules))


def test_the_idle_window_has_not_imported_numpy(tmp_path: Path) -> None:
    saved_answers(tmp_path, 3)
    assert len(figures_read(tmp_path)) == 3
    modules = modules_at_idle(tmp_path)
    assert {"simulator.ui.window", "simulator.audio.input", "simulator.speech.stt"} <= modules
    assert sorted(m for m in modules if m.split(".")[0] == "numpy") == []


def test_the_check_sees_numpy_when_a_module_imports_it(tmp_path: Path) -> None:
    saved_answers(tmp_path, 1)
    # So the test above can fail: reading a recording does need numpy.
    assert "numpy" in modules_at_idle(tmp_path, "simulator.audio.wav")
