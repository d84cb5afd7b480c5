"""Fakes of what the replay page needs of the voices façade (``ui.pages.review_player
.ReplayAudio``): prepared sounds whose playbacks run on a clock the test sets, so a test says
"the output is now 3.2 s in" and checks what the page shows, with no audio device."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from simulator.records.waveforms import Envelope


@dataclass
class FakeClock:
    now: float = 0.0


class ClockedPlayback:
    """Plays ``speed`` recording-seconds per clock second from ``start_s``, until the end."""

    def __init__(self, sound: FakeSound, start_s: float, clock: FakeClock) -> None:
        self.sound, self.start_s, self.clock = sound, start_s, clock
        self.started_at = clock.now
        self.stopped = False

    @property
    def position_s(self) -> float:
        played = (self.clock.now - self.started_at) * self.sound.speed
        return min(self.sound.duration_s, self.start_s + played)

    @property
    def is_playing(self) -> bool:
        return not self.stopped and self.position_s < self.sound.duration_s

    def stop(self) -> None:
        self.stopped = True


@dataclass
class FakeSound:
    path: str
    speed: float
    duration_s: float
    clock: FakeClock
    started: list[ClockedPlayback] = field(default_factory=list)

    def start(self, start_s: float = 0.0) -> ClockedPlayback:
        playback = ClockedPlayback(self, start_s, self.clock)
        self.started.append(playback)
        return playback


class ReplayFakes:
    """Mixed into the tests' fake voices: every sound lasts ``replay_duration_s``."""

    replay_duration_s = 30.0

    def __init__(self) -> None:
        self.clock = FakeClock()
        self.prepared: list[tuple[str, float, str]] = []  # (path, speed, thread name)
        self.sounds: list[FakeSound] = []
        self.questions: dict[str, float] = {}  # question text -> its cached length
        self.waveform_threads: list[str] = []

    def prepare_recording(self, stored_path: str, speed: float = 1.0) -> FakeSound:
        self.prepared.append((stored_path, speed, threading.current_thread().name))
        sound = FakeSound(stored_path, speed, self.replay_duration_s, self.clock)
        self.sounds.append(sound)
        return sound

    def waveform(self, stored_path: str) -> Envelope:
        self.waveform_threads.append(threading.current_thread().name)
        lows = tuple(-0.5 if i % 7 else -0.1 for i in range(400))
        return Envelope(self.replay_duration_s, lows, tuple(-v for v in lows))

    def prepare_question(self, text: str) -> FakeSound | None:
        length = self.questions.get(text)
        if length is None:
            return None
        sound = FakeSound(f"question:{text}", 1.0, length, self.clock)
        self.sounds.append(sound)
        return sound

    def asked_question(self, text: str) -> Path | None:
        return Path("question.wav") if text in self.questions else None


__all__ = ["ClockedPlayback", "FakeClock", "FakeSound", "ReplayFakes"]
