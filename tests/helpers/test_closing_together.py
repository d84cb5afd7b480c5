"""Closing the app stops its helper processes together, not one after another.

Each helper may wait for its own work in progress when it is closed (the analysis worker up to
``CLOSE_WAIT_S``, a final transcript being made up to ``FINISH_WAIT_S``); stopped in turn, the
app's exit waited for the sum of those waits (7.1 s after a full disk, measured). These tests
close fakes that only return when all of them are closing at the same moment, so a sequential
close fails them whatever the machine's speed.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from pathlib import Path

import pytest

from simulator.analysis_worker import CLOSE_WAIT_S, AnalysisError
from simulator.services import adapters as shared
from simulator.services.adapters import SharedAdapters
from simulator.settings import Settings
from simulator.store import DataLayout
from tests.support.processes import running


class SlowToClose:
    """A helper whose close only returns once every helper of ``barrier`` is closing."""

    def __init__(self, barrier: threading.Barrier) -> None:
        self.barrier = barrier
        self.closed = False

    def close(self) -> None:
        self.barrier.wait()  # BrokenBarrierError after its time-out if the others never come
        self.closed = True


class FailsToClose:
    def close(self) -> None:
        raise OSError("the pipe broke")


def adapters_with(
    tmp_path: Path, voice: object, recognizers: object, analysis: object
) -> SharedAdapters:
    adapters = SharedAdapters(Settings(), DataLayout(tmp_path / "home"))
    adapters._voice = voice  # type: ignore[assignment]
    adapters._recognizers = recognizers  # type: ignore[assignment]
    adapters.analysis = analysis  # type: ignore[assignment]
    return adapters


def test_closing_stops_the_three_helpers_at_the_same_time(tmp_path: Path) -> None:
    barrier = threading.Barrier(3, timeout=5)
    helpers = [SlowToClose(barrier) for _ in range(3)]
    adapters = adapters_with(tmp_path, *helpers)
    adapters.close()
    assert all(helper.closed for helper in helpers)
    assert adapters._voice is None and adapters._recognizers is None


def test_stopping_n_slow_helpers_takes_one_wait_not_n(tmp_path: Path) -> None:
    wait_s, count = 0.4, 5
    ended = threading.Event()

    def slow_stop() -> None:
        ended.wait(wait_s)  # a helper child taking its time to quit

    started = time.monotonic()
    shared.stop_together([slow_stop] * count)
    took = time.monotonic() - started
    assert took < 2 * wait_s < count * wait_s, took


def test_one_failing_close_stops_the_others_and_is_raised(tmp_path: Path) -> None:
    barrier = threading.Barrier(2, timeout=5)
    voice, analysis = SlowToClose(barrier), SlowToClose(barrier)
    adapters = adapters_with(tmp_path, voice, FailsToClose(), analysis)
    with pytest.raises(OSError, match="the pipe broke"):
        adapters.close()
    assert voice.closed and analysis.closed


def test_with_no_voice_or_recogniser_only_the_analysis_worker_is_closed(tmp_path: Path) -> None:
    analysis = SlowToClose(threading.Barrier(1))
    adapters = adapters_with(tmp_path, None, None, analysis)
    adapters.close()
    assert analysis.closed


def hold_the_worker(seconds: float) -> float:
    """Analysed in the worker: an analysis still running when the app closes."""
    time.sleep(seconds)
    return seconds


@pytest.mark.slow
def test_real_helpers_each_waiting_at_close_stop_in_about_one_wait(tmp_path: Path) -> None:
    # Each real helper is in a state its close waits on: the analysis worker busy (it waits
    # up to CLOSE_WAIT_S for the call, then kills), the recogniser holding an answer nobody
    # finished (it waited 5 s for it), the voice idle. One after another that was 7 s.
    adapters = SharedAdapters(Settings(engine="pocketsphinx"), DataLayout(tmp_path / "home"))
    adapters.voice.render("Tell me about a deadline.")
    recognizers = adapters.recognizers
    recognizers.preload()
    recognizers(16000).accept(b"\x10\x00" * 16000)  # never finished
    cut_short: list[AnalysisError] = []

    def analyse() -> None:
        try:
            adapters.analysis.run(hold_the_worker, 30)
        except AnalysisError as error:
            cut_short.append(error)

    busy = threading.Thread(target=analyse)
    busy.start()
    deadline = time.monotonic() + 30
    while adapters.analysis.pid is None and time.monotonic() < deadline:
        time.sleep(0.01)
    pids = [adapters.voice.worker_pid, adapters.analysis.pid]
    started = time.monotonic()
    adapters.close()
    took = time.monotonic() - started
    busy.join(10)
    assert not busy.is_alive() and len(cut_short) == 1  # that answer's error, not a hang
    assert took < CLOSE_WAIT_S + 1.0, took
    assert all(pid is not None and not running(pid) for pid in pids)
    assert multiprocessing.active_children() == []


def test_new_voice_and_model_settings_stop_the_old_helpers_together(tmp_path: Path) -> None:
    # Both helpers must be closing at the same moment for either close to return.
    barrier = threading.Barrier(2, timeout=5)
    voice, recognizers = SlowToClose(barrier), SlowToClose(barrier)
    analysis = SlowToClose(threading.Barrier(1))
    adapters = adapters_with(tmp_path, voice, recognizers, analysis)
    adapters.update_settings(Settings(voice="another", engine="vosk", model_path="/m"))
    assert voice.closed and recognizers.closed and not analysis.closed
    assert adapters._voice is None and adapters._recognizers is None


def test_new_settings_leave_the_helpers_they_do_not_change(tmp_path: Path) -> None:
    barrier = threading.Barrier(1, timeout=5)
    voice, recognizers = SlowToClose(barrier), SlowToClose(barrier)
    adapters = adapters_with(tmp_path, voice, recognizers, SlowToClose(barrier))
    adapters.update_settings(Settings(rate=200))
    assert voice.closed and not recognizers.closed
    assert adapters._voice is None and adapters._recognizers is recognizers
