"""Replay in sync, measured end to end (issue 12): the replay page plays a recording through
the virtual speaker while ``parec`` records the speaker's monitor, and each word's highlight
is compared with the moment that word is heard; a click on a word must start the sound within
50 ms of that word's time.

The "recording" is made of tone bursts (the words, at known times) over a quiet hum, so both
edges are unmistakable in what the monitor heard: a burst's onset is a word being heard, the
hum's onset is the moment playback started, and the hum shows which part of the recording
plays first after a seek. Run under the audio lock: ``flock /tmp/hotseat-audio.lock ...``.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from simulator.core.records import SavedAnswer, SavedSession
from simulator.core.transcript import Word
from simulator.services.adapters import SharedAdapters
from simulator.services.voices import Voices
from simulator.settings import Settings
from simulator.store import DataLayout
from simulator.ui.pages.review import ReviewPage
from simulator.ui.tasks import TaskRunner
from tests.support.virtual_mic import VirtualMic
from tests.ui.conftest import Marks

pytestmark = pytest.mark.e2e

RATE = 16000
MONITOR_RATE = 44100
TOLERANCE_S = 0.050
#: (start, frequency) of each "word"; each lasts WORD_S. Irregular gaps, as speech has.
BURSTS = [(0.6, 500), (1.4, 700), (2.1, 600), (3.3, 900), (4.0, 550), (4.9, 800), (5.6, 650)]
WORD_S = 0.35
LENGTH_S = 6.6


def recording(path: Path) -> tuple[Path, tuple[Word, ...]]:
    t = np.arange(int(LENGTH_S * RATE)) / RATE
    samples = 0.03 * np.sin(2 * np.pi * 150 * t)  # the hum: audible from the first sample
    words = []
    for index, (start, freq) in enumerate(BURSTS):
        inside = (t >= start) & (t < start + WORD_S)
        samples[inside] += 0.5 * np.sin(2 * np.pi * freq * t[inside])
        words.append(Word(f"word{index}", start, start + WORD_S))
    soundfile.write(path, samples, RATE, subtype="PCM_16")
    return path, tuple(words)


class TimedMonitor:
    """``parec`` of ``speaker.monitor``, read in 10 ms pieces; each piece's arrival time gives
    the monotonic time of its samples (the earliest arrival bounds the pipe's delay best)."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            ["parec", "--device=speaker.monitor", "--format=s16le", "--channels=1",
             f"--rate={MONITOR_RATE}", "--latency-msec=10"],
            env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.chunks: list[bytes] = []
        self.origin = float("inf")  # monotonic time of the first sample, estimated
        self._thread = threading.Thread(target=self._read, name="monitor", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        received = 0
        while piece := os.read(self.process.stdout.fileno(), 882):
            arrived = time.monotonic()
            self.chunks.append(piece)
            received += len(piece)
            self.origin = min(self.origin, arrived - received / 2 / MONITOR_RATE)

    def heard_until(self) -> float:
        """The monotonic time of the last sample received."""
        return self.origin + sum(map(len, self.chunks)) / 2 / MONITOR_RATE

    def samples(self) -> np.ndarray:
        return np.frombuffer(b"".join(self.chunks), dtype="<i2").astype(np.float64) / 32768

    def stop(self) -> np.ndarray:
        self.process.terminate()  # our own child, by its handle
        self.process.wait(timeout=10)
        self._thread.join(timeout=5)
        return self.samples()


def spans(samples: np.ndarray, threshold: float, frame_s: float = 0.002) -> list[list[float]]:
    """[start, end] seconds of each stretch whose 2 ms RMS is over ``threshold``; stretches
    less than 30 ms apart are one."""
    size = int(MONITOR_RATE * frame_s)
    frames = samples[: len(samples) // size * size].reshape(-1, size)
    loud = np.sqrt((frames**2).mean(axis=1)) > threshold
    found: list[list[float]] = []
    for index in np.nonzero(loud)[0]:
        start = index * frame_s
        if found and start - found[-1][1] <= 0.03:
            found[-1][1] = start + frame_s
        else:
            found.append([start, start + frame_s])
    return found


def onsets(samples: np.ndarray, threshold: float) -> list[float]:
    return [start for start, _end in spans(samples, threshold)]


@pytest.fixture
def replay(
    qtbot: Any, hotseat_home: Path, session_mic: VirtualMic
) -> Iterator[tuple[ReviewPage, tuple[Word, ...], VirtualMic]]:
    session_mic.apply_to_os_environ()
    layout = DataLayout(hotseat_home)
    _wav, words = recording(layout.home / "answer.wav")
    adapters = SharedAdapters(Settings(), layout)
    adapters.speaker().check()  # rescan: the device list was frozen before the mic existed
    answer = SavedAnswer(1, 1, 1, "q1", "Tell me about a deadline.", "answer.wav", RATE,
                         "2026-11-30T10:00:00", LENGTH_S, "", words)  # fmt: skip
    session = SavedSession(1, "2026-11-30T10:00:00", None, "practice", "e2e", None, "complete",
                           answers=(answer,))  # fmt: skip
    tasks = TaskRunner()
    page = ReviewPage(Voices(adapters), tasks)
    host = QMainWindow()
    host.setCentralWidget(page)
    host.resize(1100, 700)
    qtbot.addWidget(host)
    host.show()
    page.show_session(session)
    qtbot.waitUntil(lambda: page.player._sounds.get(1.0) is not None, timeout=10_000)
    yield page, words, session_mic
    page.stop_playback()
    tasks.shutdown()
    adapters.close()
    session_mic.restore_os_environ()


def highlight_times(page: ReviewPage) -> dict[int, float]:
    """When each word was first highlighted (monotonic), filled as playback goes."""
    seen: dict[int, float] = {}

    def note(_seconds: float) -> None:
        current = page.transcript.current
        if current is not None and current not in seen:
            seen[current] = time.monotonic()

    page.player.position_changed.connect(note)  # after the page's own slot: already shown
    return seen


@pytest.mark.parametrize("speed", [1.0, 1.5])
def test_the_highlighted_word_is_heard_within_50_ms(qtbot: Any, replay: Any, speed: float) -> None:
    page, words, mic = replay
    page.speed_box.setCurrentIndex(page.speed_box.findData(speed))  # 1.5x: pitch kept
    qtbot.waitUntil(lambda: page.player._sounds.get(speed) is not None, timeout=10_000)
    seen = highlight_times(page)
    monitor = TimedMonitor(mic.env)
    qtbot.waitUntil(lambda: len(monitor.chunks) > 20, timeout=10_000)
    page.play_button.click()
    qtbot.waitUntil(lambda: len(seen) == len(words), timeout=20_000)
    qtbot.waitUntil(lambda: not page.player.is_playing, timeout=10_000)
    heard = monitor.stop()
    bursts = [monitor.origin + s for s in onsets(heard, 0.1)]
    assert len(bursts) == len(words), bursts
    errors = [seen[i] - bursts[i] for i in range(len(words))]
    print(f"at {speed}x, highlight minus heard (ms):", [round(1000 * float(e), 1) for e in errors])
    assert max(abs(e) for e in errors) <= TOLERANCE_S, errors


def test_a_click_on_a_word_starts_the_sound_at_that_word(qtbot: Any, replay: Any) -> None:
    page, words, mic = replay
    monitor = TimedMonitor(mic.env)
    qtbot.waitUntil(lambda: len(monitor.chunks) > 20, timeout=10_000)
    for index in (3, 5):
        clicked_at = time.monotonic()
        point = Marks.point(page.transcript, words[index].text)
        qtbot.mouseClick(page.transcript.viewport(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.waitUntil(lambda i=index: page.transcript.current == i, timeout=5_000)
        qtbot.waitUntil(lambda t=clicked_at: monitor.heard_until() > t + 0.7, timeout=5_000)
        page.player.pause()
        paused_at = time.monotonic()  # a silence after, so the next hum onset is its own
        qtbot.waitUntil(lambda t=paused_at: monitor.heard_until() > t + 0.4, timeout=5_000)
        heard = monitor.samples()
        after = heard[int((clicked_at - monitor.origin) * MONITOR_RATE) :]
        hum = onsets(after, 0.008)[0]  # playback began: the hum is heard
        burst_start, burst_end = spans(after, 0.1)[0]  # the word's own sound
        print(f"word {index}: hum to burst {1000 * (burst_start - hum):.1f} ms, "
              f"burst {1000 * (burst_end - burst_start):.1f} ms")  # fmt: skip
        # Playback from before the word would play hum first; from after its start, a
        # shortened burst. Either, beyond 50 ms, is a seek off the word's time.
        assert burst_start - hum <= TOLERANCE_S
        assert burst_end - burst_start >= WORD_S - TOLERANCE_S
    monitor.stop()
