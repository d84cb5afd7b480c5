"""The events a live session reports, one frozen dataclass per kind, defined here only.

The runner (``session.SessionRunner``) builds them, the window's bridge carries them to the GUI
thread, the interview page and the terminal printer read them, and ``to_json`` turns one into
the flat object of ``hotseat practice --events jsonl`` and of the events table: ``type``, ``t``
(seconds since the session began), then the event's own fields in the order declared here.

Every event during an answer (``recording_started`` .. ``answer_ended``) also carries
``answer_s``: seconds on that answer's recording clock (samples written to its WAV so far /
sample rate), so it lines up with the saved recording, whatever the sound system's latency.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar


@dataclass(frozen=True)
class _Event:
    type: ClassVar[str]
    # Filled in by the runner when it emits the event; keyword-only so it can come last here
    # and first in the JSON.
    t: float = field(default=0.0, kw_only=True)


@dataclass(frozen=True)
class SessionStarted(_Event):
    type: ClassVar[str] = "session_started"
    session_id: int
    pack_id: str
    questions: int
    engine: str
    model: str


@dataclass(frozen=True)
class QuestionStarted(_Event):
    type: ClassVar[str] = "question_started"
    index: int
    count: int
    question_id: str
    text: str
    category: str
    framework: str | None
    answer_seconds: list[float]
    prep_seconds: int
    time_limit_s: float
    tips: list[str]


@dataclass(frozen=True)
class QuestionSpoken(_Event):
    type: ClassVar[str] = "question_spoken"
    index: int
    duration_s: float


@dataclass(frozen=True)
class PrepStarted(_Event):
    type: ClassVar[str] = "prep_started"
    index: int
    seconds: int


@dataclass(frozen=True)
class RecordingStarted(_Event):
    type: ClassVar[str] = "recording_started"
    index: int
    answer_id: int
    sample_rate: int
    device: str
    audio_path: str
    answer_s: float = 0.0


@dataclass(frozen=True)
class Level(_Event):
    """The microphone's level (0..1) and whether the block held voice; ``elapsed_s`` is the
    answer's length so far, as the timer shows it."""

    type: ClassVar[str] = "level"
    index: int
    level: float
    elapsed_s: float
    voiced: bool
    answer_s: float


@dataclass(frozen=True)
class Partial(_Event):
    """The whole answer's text so far, as the recogniser guesses it now."""

    type: ClassVar[str] = "partial"
    index: int
    text: str
    answer_s: float


@dataclass(frozen=True)
class AnswerEnded(_Event):
    """``answer_s`` is the length of the answer's WAV."""

    type: ClassVar[str] = "answer_ended"
    index: int
    reason: str
    answer_s: float


@dataclass(frozen=True)
class AnswerSaved(_Event):
    """``skipped``: the answer had no voice and no words; it is stored so, and not analysed."""

    type: ClassVar[str] = "answer_saved"
    index: int
    answer_id: int
    transcript: str
    words: list[dict[str, Any]]
    duration_s: float
    engine: str
    model: str
    audio_path: str
    skipped: bool = False


@dataclass(frozen=True)
class AnswerAnalyzed(_Event):
    """``analysis``: the dict of core.analysis, also stored with the answer."""

    type: ClassVar[str] = "answer_analyzed"
    index: int
    answer_id: int
    analysis: dict[str, Any]


@dataclass(frozen=True)
class WarningEvent(_Event):
    type: ClassVar[str] = "warning"
    message: str


@dataclass(frozen=True)
class ErrorEvent(_Event):
    """``cause``: the exception's class name, when the session could not start."""

    type: ClassVar[str] = "error"
    message: str
    cause: str | None = None


@dataclass(frozen=True)
class SessionSaved(_Event):
    type: ClassVar[str] = "session_saved"
    session_id: int
    status: str
    answers: int


# --- pressure mode: what a drill did during an answer (see docs/DRILLS.md) ---------------------


@dataclass(frozen=True)
class InterruptionStarted(_Event):
    """The interviewer began to cut in; ``kind`` says what with (``follow_up``, ``probe``,
    ``time_squeeze``, ``clarification``), ``text`` what was said."""

    type: ClassVar[str] = "interruption_started"
    index: int
    answer_id: int
    kind: str
    text: str
    answer_s: float


@dataclass(frozen=True)
class InterruptionEnded(_Event):
    """The interviewer's cut-in stopped sounding (its last sample on the recording clock)."""

    type: ClassVar[str] = "interruption_ended"
    index: int
    answer_id: int
    answer_s: float


@dataclass(frozen=True)
class Distraction(_Event):
    """A distraction began: ``kind`` ``sound`` or ``screen``; ``name`` which one (``knock``,
    ``toast``...); ``level_db`` a sound's loudness relative to the interviewer's voice (None
    for one on screen)."""

    type: ClassVar[str] = "distraction"
    index: int
    answer_id: int
    kind: str
    name: str
    answer_s: float
    duration_s: float
    level_db: float | None


@dataclass(frozen=True)
class Clarification(_Event):
    """The candidate asked ``asked`` aloud and the interviewer answered ``answer``."""

    type: ClassVar[str] = "clarification"
    index: int
    answer_id: int
    asked: str
    answer: str
    answer_s: float


@dataclass(frozen=True)
class TimeSqueezed(_Event):
    """The answer's time limit shrank to ``new_limit_s`` on the recording clock."""

    type: ClassVar[str] = "time_squeezed"
    index: int
    answer_id: int
    new_limit_s: float
    answer_s: float


SessionEvent = (
    SessionStarted
    | QuestionStarted
    | QuestionSpoken
    | PrepStarted
    | RecordingStarted
    | Level
    | Partial
    | AnswerEnded
    | AnswerSaved
    | AnswerAnalyzed
    | WarningEvent
    | ErrorEvent
    | SessionSaved
    | InterruptionStarted
    | InterruptionEnded
    | Distraction
    | Clarification
    | TimeSqueezed
)

# Sent only when a drill runs (pressure mode).
PRESSURE_EVENT_TYPES: tuple[type[_Event], ...] = (
    InterruptionStarted,
    InterruptionEnded,
    Distraction,
    Clarification,
    TimeSqueezed,
)

EVENT_TYPES: tuple[type[_Event], ...] = (
    SessionStarted,
    QuestionStarted,
    QuestionSpoken,
    PrepStarted,
    RecordingStarted,
    Level,
    Partial,
    AnswerEnded,
    AnswerSaved,
    AnswerAnalyzed,
    WarningEvent,
    ErrorEvent,
    SessionSaved,
    *PRESSURE_EVENT_TYPES,
)

# Fields left out of the JSON when they are None (the runner's errors have no cause).
_OPTIONAL = {"cause"}


def to_json(event: SessionEvent) -> dict[str, Any]:
    """The flat JSON object: ``type``, ``t``, then the event's fields in declared order."""
    data: dict[str, Any] = {"type": event.type, "t": event.t}
    for item in dataclasses.fields(event):
        if item.name == "t":
            continue
        value = getattr(event, item.name)
        if value is None and item.name in _OPTIONAL:
            continue
        data[item.name] = value
    return data


def payload(event: SessionEvent) -> dict[str, Any]:
    """What the events table keeps of an event: its fields, without the bulky word list."""
    data = to_json(event)
    for key in ("type", "t", "words"):
        data.pop(key, None)
    return data
