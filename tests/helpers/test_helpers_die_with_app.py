"""Every helper process ends when the app is killed, and says nothing on the way out.

After a ``kill -9`` of the app during analysis the analysis worker (about 144 MB) and
multiprocessing's ``resource_tracker`` used to live on with parent 1. Here a real app
(tests/helpers/orphaned_app.py, the real services) starts the recogniser, synthesiser and
analysis processes, is killed with SIGKILL, and each of its children must be gone within a
few seconds, with no traceback from any of them.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from simulator.speech.stt.process import serve as serve_recognizer
from simulator.speech.tts_worker import serve as serve_voice
from tests.support.processes import children, wait_until_gone
from tests.support.speech_samples import flite_wav

APP = Path(__file__).with_name("orphaned_app.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_no_helper_outlives_a_killed_app(tmp_path: Path) -> None:
    wav = flite_wav("I led the team and we shipped the release on time " * 6, tmp_path / "a.wav")
    app = subprocess.Popen(
        [sys.executable, str(APP), str(tmp_path / "home"), str(wav)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    helpers: dict[int, str] = {}
    try:
        assert app.stdout is not None and app.stdout.readline().strip() == "ready"
        helpers = children(app.pid)
        names = " ".join(helpers.values())
        # The recogniser, the synthesiser, the analysis worker, and the resource tracker.
        assert len(helpers) >= 4 and "resource_tracker" in names, helpers
        app.send_signal(signal.SIGKILL)
        app.wait(10)
        left = wait_until_gone(list(helpers), timeout_s=5.0)
        assert left == [], {pid: helpers[pid] for pid in left}
    finally:
        for pid in wait_until_gone(list(helpers), timeout_s=0):
            os.kill(pid, signal.SIGKILL)  # only our own app's helpers, if the test failed
        if app.poll() is None:
            app.kill()
            app.wait()
    _, stderr = app.communicate(timeout=10)
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr


def test_the_recogniser_child_ends_quietly_when_the_app_is_gone() -> None:
    """The pipe breaks before the child can say it is ready (the app was killed)."""
    app_end, child_end = multiprocessing.Pipe()
    app_end.close()
    serve_recognizer(child_end, "pocketsphinx", None, None)  # returns, raises nothing


def test_the_voice_child_ends_quietly_when_the_app_is_gone() -> None:
    app_end, child_end = multiprocessing.Pipe()
    app_end.send(("voices", None))
    app_end.close()  # the app is gone before the reply
    done = threading.Event()
    failure: list[BaseException] = []

    def run() -> None:
        try:
            serve_voice(child_end)
        except BaseException as error:
            failure.append(error)
        done.set()

    threading.Thread(target=run, daemon=True).start()
    assert done.wait(30)
    assert failure == []


BUSY_APP = """
import time
from simulator.analysis_worker import AnalysisWorker

if __name__ == "__main__":
    worker = AnalysisWorker()
    worker.run(int, "1")
    print(worker.pid, flush=True)
    worker.run(time.sleep, 600)  # the worker is busy when the app is killed
"""


def test_a_busy_worker_ends_with_its_killed_app() -> None:
    app = subprocess.Popen(
        [sys.executable, "-c", BUSY_APP],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    worker = 0
    try:
        assert app.stdout is not None
        worker = int(app.stdout.readline())
        assert worker in children(app.pid)
        app.send_signal(signal.SIGKILL)
        app.wait(10)
        assert wait_until_gone([worker], timeout_s=5.0) == []
    finally:
        if worker and wait_until_gone([worker], timeout_s=0):
            os.kill(worker, signal.SIGKILL)
        if app.poll() is None:
            app.kill()
        app.wait()
        app.stdout.close()  # type: ignore[union-attr]
