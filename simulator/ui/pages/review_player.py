"""The replay page's player: one answer's recording played, paused, sought and sped up, its
position (the output's own clock) reported to the waveform and the transcript.

What it needs of the services is ``ReplayAudio`` (``services.voices.Voices`` for real, a fake
in the tests). Reading a recording and time-stretching it (``prepare_recording``) is slow, so
it runs through the window's background helper; each prepared speed is kept for the answer
shown, so a seek starts at once. The position is read from the playback on a named timer
(``replay_clock``, 15 ms): the playback's ``position_s`` is already in the recording's seconds
at any speed, so the word highlight needs no speed arithmetic of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from simulator.ui.tasks import TaskRunner
from simulator.ui.widgets.answer_list import Playback

if TYPE_CHECKING:
    from simulator.records.waveforms import Envelope

SPEEDS = (0.75, 1.0, 1.25, 1.5)
SKIP_S = 5.0
CLOCK_MS = 15


class ClockedPlayback(Protocol):
    """A playback that knows where it is (``audio.output.Playback``)."""

    @property
    def is_playing(self) -> bool: ...
    @property
    def position_s(self) -> float: ...
    def stop(self) -> None: ...


class Sound(Protocol):
    """A recording ready to play from any moment (``audio.output.PreparedSound``)."""

    @property
    def duration_s(self) -> float: ...
    def start(self, start_s: float = 0.0) -> ClockedPlayback: ...


class ReplayAudio(Protocol):
    """What the review page needs of the voices façade; every call but ``play_recording`` is
    slow and runs off the GUI thread."""

    def play_recording(self, stored_path: str, start_s: float = 0.0) -> Playback: ...
    def prepare_recording(self, stored_path: str, speed: float = 1.0) -> Sound: ...
    def waveform(self, stored_path: str) -> Envelope: ...
    def prepare_question(self, text: str) -> Sound | None: ...


class ReplayPlayer(QObject):
    position_changed = Signal(float)  # seconds into the recording
    playing_changed = Signal(bool)
    question_changed = Signal(bool)  # the interviewer's question is playing
    problem = Signal(str)

    def __init__(self, audio: ReplayAudio | None, tasks: TaskRunner) -> None:
        super().__init__()
        self.audio = audio
        self.tasks = tasks
        self.path = ""
        self.question = ""
        self.duration_s = 0.0
        self.speed = 1.0
        self.position_s = 0.0
        self._sounds: dict[float, Sound] = {}
        self._waiting: dict[float, list[Callable[[Sound], None]]] = {}  # being prepared
        self._playback: ClockedPlayback | None = None
        self._question_playback: ClockedPlayback | None = None
        self._want_playing = False
        self._generation = 0  # a prepared sound for an answer no longer shown is dropped
        self.clock = QTimer(self)
        self.clock.setObjectName("replay_clock")
        self.clock.setInterval(CLOCK_MS)
        self.clock.timeout.connect(self._tick)

    # -- what is shown ---------------------------------------------------------------------
    def load(self, path: str, question: str, duration_s: float) -> None:
        """Show another answer: stop, forget the old sounds, prepare this one at 1x."""
        self.stop()
        self._generation += 1
        self._sounds, self._waiting = {}, {}
        self.path, self.question, self.duration_s = path, question, max(0.0, duration_s)
        self.position_s = 0.0
        self.position_changed.emit(0.0)
        if path:
            self._with_sound(self.speed, lambda _sound: None)

    @property
    def is_playing(self) -> bool:
        return self._want_playing

    # -- commands --------------------------------------------------------------------------
    def play(self) -> None:
        if not self.path or self.audio is None:
            return
        start = 0.0 if self.position_s >= self.duration_s - 0.05 else self.position_s
        self._start_at(start)

    def pause(self) -> None:
        if self._playback is not None:
            self.position_s = self._playback.position_s
        self._stop_sounds()
        self._set_playing(False)
        self.position_changed.emit(self.position_s)

    def toggle(self) -> None:
        self.pause() if self._want_playing else self.play()

    def seek(self, seconds: float) -> None:
        """Move the playhead to ``seconds``; playing goes on from there."""
        self.position_s = max(0.0, min(seconds, self.duration_s))
        self.position_changed.emit(self.position_s)
        if self._want_playing:
            self._start_at(self.position_s)

    def play_from(self, seconds: float) -> None:
        """Seek to ``seconds`` and play (a word or a mark was clicked)."""
        self.position_s = max(0.0, min(seconds, self.duration_s))
        self.position_changed.emit(self.position_s)
        self._start_at(self.position_s)

    def skip(self, delta_s: float) -> None:
        self.seek(self.current_position() + delta_s)

    def set_speed(self, speed: float) -> None:
        """Play at ``speed`` from now on (rendered off the GUI thread; playing goes on)."""
        if speed == self.speed:
            return
        self.speed = speed
        if self._want_playing and self._question_playback is None:
            # The old speed plays on while the new one renders, then takes over from there.
            self._start_at(self.current_position(), carry_on=True)
        elif self.path:
            self._with_sound(speed, lambda _sound: None)

    def play_question(self) -> None:
        """The interviewer's question as it was asked, then the answer from its start."""
        if self.audio is None or not self.question:
            return
        self.stop()
        audio, text, generation = self.audio, self.question, self._generation

        def ready(sound: Sound | None) -> None:
            if generation != self._generation:
                return
            if sound is None:
                self.problem.emit("The question's recording is no longer in the voice cache.")
                return
            self._question_playback = sound.start(0.0)
            self._set_playing(True)
            self.question_changed.emit(True)
            self.clock.start()

        self.tasks.run_task(lambda: audio.prepare_question(text), ready, self._failed)

    def stop(self) -> None:
        self._stop_sounds()
        self._set_playing(False)

    def current_position(self) -> float:
        if self._playback is not None and self._question_playback is None:
            return self._playback.position_s
        return self.position_s

    # -- inside ----------------------------------------------------------------------------
    def _start_at(self, start_s: float, carry_on: bool = False) -> None:
        """Play from ``start_s`` once the sound at the current speed is ready; ``carry_on``:
        from wherever the playback still running has got to by then."""
        self._set_playing(True)
        generation, speed = self._generation, self.speed

        def start(sound: Sound) -> None:
            if generation != self._generation or not self._want_playing or speed != self.speed:
                return
            begin = self._playback.position_s if carry_on and self._playback else start_s
            self._stop_sounds()
            try:
                self._playback = sound.start(begin)
            except Exception as error:  # a speaker gone: said on the banner, page usable
                self._failed(error)
                return
            self.clock.start()

        self._with_sound(speed, start)

    def _with_sound(self, speed: float, then: Callable[[Sound], None]) -> None:
        found = self._sounds.get(speed)
        if found is not None:
            then(found)
            return
        if self.audio is None:
            return
        if speed in self._waiting:  # already being prepared: wait for that one
            self._waiting[speed].append(then)
            return
        self._waiting[speed] = [then]
        audio, path, generation = self.audio, self.path, self._generation

        def prepared(sound: Sound) -> None:
            if generation == self._generation:
                self._sounds[speed] = sound
                self.duration_s = sound.duration_s or self.duration_s
                for waiting in self._waiting.pop(speed, []):
                    waiting(sound)

        self.tasks.run_task(
            lambda: audio.prepare_recording(path, speed), prepared, self._preparing_failed
        )

    def _tick(self) -> None:
        if self._question_playback is not None:
            if not self._question_playback.is_playing:
                self._question_playback = None
                self.question_changed.emit(False)
                self.play_from(0.0)
            return
        playback = self._playback
        if playback is None:
            return
        self.position_s = playback.position_s
        self.position_changed.emit(self.position_s)
        if not playback.is_playing:
            self._playback = None
            self.clock.stop()
            self._set_playing(False)

    def _stop_sounds(self) -> None:
        self.clock.stop()
        for playback in (self._playback, self._question_playback):
            if playback is not None:
                playback.stop()
        if self._question_playback is not None:
            self.question_changed.emit(False)
        self._playback = self._question_playback = None

    def _set_playing(self, playing: bool) -> None:
        if playing != self._want_playing:
            self._want_playing = playing
            self.playing_changed.emit(playing)

    def _preparing_failed(self, error: BaseException) -> None:
        """Said only when someone is waiting to hear it: an answer shown on a machine with no
        speaker is no problem until Play is pressed (then it is tried, and said, again)."""
        self._waiting = {}
        if self._want_playing:
            self._failed(error)

    def _failed(self, error: BaseException) -> None:
        self._waiting = {}
        self.stop()
        self.problem.emit(f"The recording could not be played: {error}")


__all__ = ["SKIP_S", "SPEEDS", "ClockedPlayback", "ReplayAudio", "ReplayPlayer", "Sound"]
