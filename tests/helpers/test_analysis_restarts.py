"""One failed analysis costs one answer: the analysis process is started again for the next.

With a ProcessPoolExecutor, one dead worker left the pool "not usable anymore" and every
later answer of the run went without analysis. These tests kill or crash the real worker
process and then analyse again.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from simulator import paths
from simulator.analysis_service import analyze_question_answer
from simulator.analysis_worker import AnalysisError, AnalysisWorker
from simulator.core.transcript import Transcript, Word
from simulator.services import build_services
from simulator.settings import Settings
from tests.support.processes import children, wait_until_gone
from tests.support.speech_samples import flite_wav

WORDS = tuple(
    Word(w, 0.3 + 0.35 * i, 0.6 + 0.35 * i, 0.9) for i, w in enumerate(["we", "cut", "costs"])
)
TRANSCRIPT = Transcript(WORDS, "pocketsphinx", "en-us", 0.0)


@pytest.fixture
def wav(tmp_path: Path) -> Path:
    return flite_wav("we cut the costs by twenty percent", tmp_path / "answer.wav")


@pytest.mark.slow
def test_the_next_answer_is_analysed_after_the_worker_was_killed(wav: Path) -> None:
    services = build_services(Settings(engine="pocketsphinx"), paths.layout())
    try:
        first = services.sessions.analyze_answer(wav, TRANSCRIPT, None)
        workers = [pid for pid, cmd in children(os.getpid()).items() if "spawn_main" in cmd]
        assert len(workers) == 1
        os.kill(workers[0], signal.SIGKILL)  # as the out-of-memory killer would
        assert wait_until_gone(workers, timeout_s=5.0) == []
        again = services.sessions.analyze_answer(wav, TRANSCRIPT, None)
        assert again["words"] == first["words"] == 3
        assert services.sessions.analyze_answer(wav, TRANSCRIPT, None)["duration_s"] > 1.0
    finally:
        services.close()


def test_a_crash_during_one_answer_fails_that_answer_only(wav: Path) -> None:
    worker = AnalysisWorker()
    try:
        with pytest.raises(AnalysisError, match="stopped unexpectedly"):
            worker.run(os._exit, 3)  # dies in the middle of its job, like a native crash
        report = worker.run(analyze_question_answer, wav, TRANSCRIPT, None)
        assert report["words"] == 3
    finally:
        worker.close()


def test_a_hung_analysis_is_stopped_and_the_next_one_runs() -> None:
    worker = AnalysisWorker(timeout_s=1.0)
    try:
        assert worker.run(int, "1") == 1  # started: no start-up grace from here on
        hung = worker.pid
        began = time.monotonic()
        with pytest.raises(AnalysisError, match="longer than 1 s"):
            worker.run(time.sleep, 60)
        assert time.monotonic() - began < 10
        assert hung is not None and wait_until_gone([hung], timeout_s=5.0) == []
        assert worker.run(int, "2") == 2
    finally:
        worker.close()


def test_an_error_in_the_analysis_is_reported_for_that_answer(tmp_path: Path) -> None:
    worker = AnalysisWorker()
    try:
        with pytest.raises(AnalysisError, match=r"missing\.wav"):
            worker.run(analyze_question_answer, tmp_path / "missing.wav", TRANSCRIPT, None)
        assert worker.run(int, "3") == 3
    finally:
        worker.close()
