"""Pressure mode during one recording: a drill's director, carried out through the mixer.

``SessionRunner`` (runner.py) records; for a session with a drill it gives each answer an
``AnswerPressure`` and calls ``tick`` on every block it reads. The pressure tells the drill's
``AnswerDirector`` what the recording shows (speech so far, speaking now, time left, the
partial words), and carries out what it decides while the microphone keeps recording: the
interviewer's lines rendered by the TTS voice and played through one open mixer, distraction
sounds, the squeeze of the time limit (``tick`` returns the new limit), a clarification.

Everything is logged where it landed on the answer's recording clock (``answer_s``): a sound's
events wait until its first sample reached the speaker (``Sound.span_s`` against the
microphone's ``first_sample_time``), and ``interruption_ended`` until its last one did. What
Hotseat played is kept as ``PlayedSpan``s so the transcript and the metrics can leave it out.

After the answer, pushback and "Anything else?" are answered in a follow-up recording of its
own: its own answer row (same question id, the interviewer's line as its question text, a
position after the session's questions), where the line is said through the mixer at ``at_s``
(0 for pushback, after the silence for "Anything else?") with kind ``pushback`` or
``silence_prompt``: ``scheduled`` holds it.
"""

from __future__ import annotations

import dataclasses
import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from simulator.core import events as ev
from simulator.core.drills import (
    AnswerDirector,
    AnswerState,
    Distract,
    InAnswerAction,
    Pushback,
    SilenceThenPrompt,
    SqueezeTime,
    events_for,
    get_drill,
)
from simulator.core.packs import Question
from simulator.core.plan import AnswerRules, SessionFlow
from simulator.core.played import PlayedSpan
from simulator.session.ports import InputStream, SessionOptions, SessionServices, SoundMixer

if TYPE_CHECKING:
    from simulator.session.runner import SessionRunner

Emit = Callable[[ev.SessionEvent], Any]


@dataclass(frozen=True)
class ScheduledLine:
    """A line the interviewer says at ``at_s`` of a follow-up recording."""

    at_s: float
    text: str
    kind: str  # "pushback" or "silence_prompt"


@dataclass
class _Playing:
    """A sound handed to the mixer, waiting to be placed on the recording clock."""

    sound: Any
    logged: list[ev.SessionEvent]  # logged once it is heard, at its start
    what: str  # "interviewer" or "distraction"
    decided_s: float
    start_s: float | None = None


class AnswerPressure:
    """Carries out a drill during one recording; ``played`` and ``events`` are what it did."""

    def __init__(
        self,
        services: SessionServices,
        emit: Emit,
        *,
        index: int,
        answer_id: int,
        first_sample_time: Callable[[], float | None],
        director: AnswerDirector | None = None,
        scheduled: tuple[ScheduledLine, ...] = (),
        seed: int = 0,
    ) -> None:
        self._services = services
        self._emit = emit
        self._index = index
        self._answer_id = answer_id
        self._first_sample_time = first_sample_time
        self._director = director
        self._scheduled = list(scheduled)
        self._seed = seed
        self._mixer: SoundMixer | None = None
        self._playing: list[_Playing] = []
        self._voice: _Playing | None = None
        self.played: list[PlayedSpan] = []
        self.events: list[dict[str, Any]] = []  # this answer's pressure events, as JSON

        self._speech_s = self._answer_s = 0.0
        self._words: tuple[str, ...] = ()

    @classmethod
    def start(
        cls,
        runner: SessionRunner,
        stream: InputStream,
        index: int,
        answer_id: int,
        line: ScheduledLine | None,
    ) -> AnswerPressure:
        """The pressure of one of ``runner``'s recordings, its mixer open: the answer's own
        (its drill's director decides) or, given ``line``, a follow-up where it is said."""
        pressure = cls(
            runner.services,
            runner._emit,
            index=index,
            answer_id=answer_id,
            # A fake stream has no sound clock: sounds are then placed from its origin, 0.
            first_sample_time=lambda: getattr(stream, "first_sample_time", None),
            director=runner._director if line is None else None,
            scheduled=(line,) if line is not None else (),
            seed=runner.options.seed or 0,
        )
        pressure.open()
        return pressure

    # --- lifecycle ------------------------------------------------------------------------

    def open(self) -> None:
        """Open the mixer for this recording; without one the drill goes on silently."""
        if self._services.open_mixer is None:
            return
        try:
            self._mixer = self._services.open_mixer()
        except Exception as error:
            self._log(ev.WarningEvent(message=f"The interviewer cannot be heard: {error}"))

    def finish(self, answer_s: float) -> list[PlayedSpan]:
        """The recording ended at ``answer_s``: stop every sound, close what is still open
        at the end of the recording, and close the mixer. Returns the played spans."""
        self._settle(answer_s)
        for playing in self._playing:
            if playing.start_s is not None:  # heard, cut off by the end of the recording
                self._close(playing, answer_s)
        self._playing.clear()
        mixer, self._mixer = self._mixer, None
        if mixer is not None:
            mixer.stop_all()
            mixer.close()
        return self.played

    # --- each block ---------------------------------------------------------------------------

    def heard(self, partial: str) -> None:
        """The recogniser's text of the whole answer so far."""
        self._words = tuple(partial.split())

    def on_block(self, flow: SessionFlow, now: float, answer_s: float, voiced: bool) -> bool:
        """The recording reached ``answer_s``: tick, and squeeze ``flow`` if told to.

        Returns whether the answer is still going for the flow's silence rule: the candidate
        spoke, or the interviewer holds the floor (a candidate who stops to listen to a cut-in
        or a clarification has not finished the answer; the silence counts from its end)."""
        self._speech_s += answer_s - self._answer_s if voiced else 0.0
        self._answer_s = answer_s
        squeezed = self.tick(
            answer_s,
            speech_s=self._speech_s,
            speaking=voiced,
            time_left_s=flow.time_left(now),
            words=self._words,
        )
        if squeezed is not None:  # on the recording clock; the flow's runs from its phase
            flow.squeeze(squeezed + flow.elapsed(now) - answer_s)
        return voiced or self.interviewer_speaking

    @property
    def interviewer_speaking(self) -> bool:
        return self._voice is not None

    def tick(
        self,
        answer_s: float,
        *,
        speech_s: float,
        speaking: bool,
        time_left_s: float,
        words: tuple[str, ...],
    ) -> float | None:
        """One tick of the recording; returns the answer's new limit if it was squeezed."""
        self._settle(answer_s)
        new_limit: float | None = None
        while self._scheduled and self._scheduled[0].at_s <= answer_s:
            line = self._scheduled.pop(0)
            started = ev.InterruptionStarted(
                index=self._index,
                answer_id=self._answer_id,
                kind=line.kind,
                text=line.text,
                answer_s=0.0,
            )
            self._say(line.text, [started], answer_s)
        if self._director is None:
            return None
        state = AnswerState(
            answer_s=answer_s,
            speech_s=speech_s,
            speaking=speaking,
            time_left_s=time_left_s,
            words=words,
            interviewer_speaking=self.interviewer_speaking,
        )
        for action in self._director.step(state):
            new_limit = self._carry_out(action, answer_s) or new_limit
        return new_limit

    def _carry_out(self, action: InAnswerAction, answer_s: float) -> float | None:
        if isinstance(action, Distract):
            self._distract(action, answer_s)
            return None
        logged = events_for(action, index=self._index, answer_id=self._answer_id, answer_s=0.0)
        self._say(action.says, logged, answer_s)
        return action.new_limit_s if isinstance(action, SqueezeTime) else None

    def _say(self, text: str, logged: list[ev.SessionEvent], answer_s: float) -> None:
        sound = None
        if self._mixer is not None:
            try:
                sound = self._mixer.play_file(self._services.voice.render(text), name="interviewer")
            except Exception as error:  # a silent interviewer must not end the answer
                self._log(ev.WarningEvent(message=f"The interviewer could not speak: {error}"))
        playing = _Playing(sound, logged, "interviewer", answer_s)
        self._voice = playing
        self._playing.append(playing)
        if sound is None:  # nothing to wait for: log it where it was decided
            self._land(playing, answer_s)
            self._close(playing, answer_s)

    def _distract(self, action: Distract, answer_s: float) -> None:
        sound = None
        render = self._services.distraction
        if action.kind == "sound" and self._mixer is not None and render is not None:
            seed = distraction_seed(self._seed, self._index, action.name)
            try:
                rendered = render(action.name, seed, action.level_db)
                sound = self._mixer.play(rendered.samples, rendered.rate, name=action.name)
                action = dataclasses.replace(action, level_db=rendered.level_db)
            except Exception as error:
                self._log(ev.WarningEvent(message=f"A distraction could not play: {error}"))
        logged = events_for(action, index=self._index, answer_id=self._answer_id, answer_s=0.0)
        playing = _Playing(sound, logged, "distraction", answer_s)
        if sound is None:  # on screen (or silent): it happens when decided
            self._land(playing, answer_s)
            return
        self._playing.append(playing)

    # --- placing sounds on the recording clock ---------------------------------------------

    def _settle(self, answer_s: float) -> None:
        origin = self._first_sample_time() or 0.0
        now = self._mixer.now() if self._mixer is not None else None
        for playing in list(self._playing):
            span = playing.sound.span_s(origin) if playing.sound is not None else None
            if span is None:
                continue
            start, end = span
            if playing.start_s is None:
                self._land(playing, start)
            end_time = playing.sound.end_time
            if end is not None and now is not None and end_time is not None and now >= end_time:
                self._close(playing, end)

    def _land(self, playing: _Playing, start_s: float) -> None:
        playing.start_s = round(start_s, 3)
        for event in playing.logged:
            landed: ev.SessionEvent = dataclasses.replace(
                cast(Any, event), answer_s=playing.start_s
            )
            self._log(landed)

    def _close(self, playing: _Playing, end_s: float) -> None:
        start = playing.start_s if playing.start_s is not None else end_s
        end = round(max(end_s, start), 3)
        self.played.append(PlayedSpan(start, end, playing.what))
        if playing in self._playing:
            self._playing.remove(playing)
        if playing is self._voice:
            self._voice = None
            self._log(
                ev.InterruptionEnded(index=self._index, answer_id=self._answer_id, answer_s=end)
            )

    def _log(self, event: ev.SessionEvent) -> None:
        stamped = self._emit(event)
        if not isinstance(event, ev.WarningEvent):
            self.events.append(ev.to_json(stamped if stamped is not None else event))


def with_drill(options: SessionOptions) -> dict[str, Any]:
    """The session's settings to save, with its drill, intensity and seed (one is drawn now
    when none was given, so the session's choices can be replayed)."""
    if options.drill is None:
        return options.settings
    if options.seed is None:
        options.seed = random.randrange(2**31)
    drill = {"drill": options.drill, "intensity": options.intensity, "drill_seed": options.seed}
    return {**options.settings, **drill}


def distraction_seed(drill_seed: int, index: int, name: str) -> int:
    """The seed a distraction sound is rendered with: the same session, the same sound."""
    return zlib.crc32(f"{drill_seed}|{index}|{name}".encode())


def director_for(
    options: SessionOptions, question: Question, index: int, flow: SessionFlow
) -> AnswerDirector | None:
    """The director of answer ``index``, or None for a session without a drill."""
    if options.drill is None:
        return None
    return AnswerDirector(
        get_drill(options.drill),
        question,
        seed=options.seed or 0,
        intensity=options.intensity,
        answer_index=index,
        time_limit_s=flow.time_limit(),
    )


def follow_up(
    runner: SessionRunner, line: ScheduledLine, limit_s: float
) -> tuple[SessionFlow, int, str]:
    """A follow-up recording's flow (answering at once, ending after the session's silence
    or at ``limit_s``), its position (after the session's questions) and its question text."""
    question, now = runner._flow.question, runner._clock()
    rules = AnswerRules(runner.options.rules.end_silence_s, limit_s)
    flow = SessionFlow([dataclasses.replace(question, prep_seconds=0)], rules)
    flow.start(now)
    flow.spoken(now)
    return flow, len(runner.options.questions) + runner._follow_ups, line.text


def follow_up_lines(director: AnswerDirector | None) -> list[tuple[ScheduledLine, float]]:
    """What follows the answer, as lines said in follow-up recordings and each one's limit.

    A revealed bug needs no recording: the window shows the question's ``bug`` itself."""
    if director is None:
        return []
    lines: list[tuple[ScheduledLine, float]] = []
    for action in director.after_answer():
        if isinstance(action, Pushback):
            lines.append((ScheduledLine(0.0, action.text, "pushback"), action.limit_s))
        elif isinstance(action, SilenceThenPrompt):
            line = ScheduledLine(action.wait_s, action.text, "silence_prompt")
            lines.append((line, action.wait_s + action.listen_s))
    return lines
