"""What a live session needs from the outside world, as small interfaces.

``SessionRunner`` (runner.py) only talks to these; ``services.sessions.Sessions`` builds the real
adapters behind them, and tests pass fakes. Each Protocol names the one module that
implements it for real. The recogniser's interface is shared with the speech package, so it
lives in ``core/recognizer.py`` (imported here for the runner).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from simulator.core.packs import Question
from simulator.core.plan import AnswerRules
from simulator.core.recognizer import Recognizer
from simulator.core.transcript import Transcript


class InputStream(Protocol):
    sample_rate: int
    device_name: str

    def read(self, timeout: float) -> bytes | None: ...
    def close(self) -> None: ...


class Microphone(Protocol):
    def open(self) -> InputStream: ...


class Synthesizer(Protocol):
    """The interviewer's voice: a question rendered to a WAV (speech.tts.InterviewerVoice)."""

    def render(self, text: str) -> Path: ...


class Speaker(Protocol):
    def play(
        self, wav: Path, should_stop: Callable[[], bool] = ..., start_s: float = ...
    ) -> float: ...


class PlayedSound(Protocol):
    """One sound the mixer plays (audio.mixer.Sound)."""

    @property
    def end_time(self) -> float | None: ...

    def span_s(self, first_sample_time: float) -> tuple[float, float | None] | None: ...


class SoundMixer(Protocol):
    """The speaker kept open during a pressure answer, mixing sounds (audio.mixer.Mixer)."""

    def play(self, samples: Any, rate: int, gain_db: float = ..., name: str = ...) -> Any: ...
    def play_file(self, wav: Path, gain_db: float = ..., name: str = ...) -> Any: ...
    def now(self) -> float: ...
    def stop_all(self) -> None: ...
    def close(self) -> None: ...


class RenderedSound(Protocol):
    """A distraction sound made for one answer (audio.distractions.Distraction)."""

    @property
    def samples(self) -> Any: ...
    @property
    def rate(self) -> int: ...
    @property
    def level_db(self) -> float: ...


class AnswerStore(Protocol):
    """The part of store.Store the runner writes to."""

    def create_session(
        self,
        *,
        mode: str,
        pack_id: str,
        drill: str | None,
        settings: dict[str, Any],
        started_at: str,
    ) -> int: ...
    def start_answer(
        self,
        *,
        session_id: int,
        position: int,
        question_id: str,
        question_text: str,
        audio_path: str,
        sample_rate: int,
        started_at: str,
    ) -> int: ...
    def finish_answer(
        self,
        answer_id: int,
        *,
        transcript: str,
        words: list[dict[str, Any]],
        engine: str,
        model: str,
        duration_s: float,
        skipped: bool = False,
    ) -> None: ...
    def add_event(
        self,
        *,
        session_id: int,
        answer_id: int | None,
        t_s: float,
        kind: str,
        payload: dict[str, Any],
    ) -> int: ...
    def finish_session(self, session_id: int, *, status: str, ended_at: str) -> None: ...
    def set_analysis(self, answer_id: int, analysis: dict[str, Any], version: int) -> None: ...
    def close(self) -> None: ...


class Recording(Protocol):
    """A WAV being written as the answer is recorded (audio.wav.WavWriter)."""

    @property
    def duration_s(self) -> float: ...

    def write(self, pcm: bytes) -> None: ...
    def close(self) -> None: ...


class VoiceActivity(Protocol):
    def feed(self, pcm: bytes) -> bool: ...


class Analyze(Protocol):
    """Coaching metrics for a saved answer. Under a drill it is also given ``played`` (the
    ``core.played.PlayedSpan``s when Hotseat made sound) and ``pressure_events`` (the
    answer's drill events as JSON); an ordinary answer is analysed with three arguments."""

    def __call__(
        self, wav: Path, transcript: Transcript, question: Question, **pressure: Any
    ) -> dict[str, Any]: ...


@dataclass
class SessionServices:
    """Everything outside the runner, built by the sessions façade (services/sessions.py)."""

    voice: Synthesizer
    speaker: Speaker
    microphone: Microphone
    recognizer: Callable[[int], Recognizer]  # sample rate -> a fresh recogniser
    open_store: Callable[[], AnswerStore]  # called on the worker thread: one connection each
    answer_path: Callable[[int, int, str], tuple[Path, str]]  # -> absolute and stored path
    open_recording: Callable[[Path, int], Recording]
    voice_activity: Callable[[int], VoiceActivity]
    level: Callable[[bytes], float]
    engine: str = ""
    model: str = ""
    # Coaching metrics for a saved answer (analysis_service); None skips the analysis.
    analyze: Analyze | None = None
    # Pressure mode: the speaker opened as a mixer for one answer, and a distraction sound
    # rendered as (name, seed, level_db relative to the voice). None: drills play no sound.
    open_mixer: Callable[[], SoundMixer] | None = None
    distraction: Callable[[str, int, float | None], RenderedSound] | None = None
    # Marks the session as live until released, so crash recovery leaves it alone.
    hold_session: Callable[[int], Callable[[], None]] = lambda _session_id: lambda: None


@dataclass
class SessionOptions:
    pack_id: str
    questions: list[Question]
    rules: AnswerRules
    mode: str = "practice"
    settings: dict[str, Any] = field(default_factory=dict)
    speak_questions: bool = True
    drill: str | None = None  # a pressure drill's name (core.drills), None for none
    intensity: int = 2  # 1 gentle, 2 realistic, 3 hard
    seed: int | None = None  # the drill's seed: the same seed and speech, the same timeline


__all__ = [
    "AnswerStore",
    "InputStream",
    "Microphone",
    "PlayedSound",
    "Recognizer",
    "Recording",
    "RenderedSound",
    "SessionOptions",
    "SessionServices",
    "SoundMixer",
    "Speaker",
    "Synthesizer",
    "VoiceActivity",
]
