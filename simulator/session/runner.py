"""SessionRunner: drives one live practice session through voice, microphone, recogniser and store.

The runner is shared by the window and the terminal mode. It runs on one worker thread (its
``run`` blocks), reports everything through a single ``on_event`` callback of typed events
(defined once, in ``core/events.py``; their ``to_json`` gives ``--events jsonl`` and the events
table), and is steered from any thread with ``stop_answer`` (Space / Enter) and ``abort``
(Esc / Ctrl-C). The decisions about phases and endings live in the pure
``core.plan.SessionFlow``; this module only does the input and output around it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

from simulator.core import events as ev
from simulator.core.candidate_words import without_played
from simulator.core.drills import AnswerDirector
from simulator.core.plan import EndReason, Phase, SessionFlow, Step
from simulator.core.transcript import Transcript
from simulator.session import pressure as pressure_mode
from simulator.session.answers import SessionAnswers, is_skipped, user_message
from simulator.session.live_recognizers import LiveRecognizers
from simulator.session.ports import (
    AnswerStore,
    InputStream,
    Recognizer,
    Recording,
    SessionOptions,
    SessionServices,
)
from simulator.session.pressure import AnswerPressure, ScheduledLine

EventHandler = Callable[[ev.SessionEvent], None]
E = TypeVar("E", bound=ev.SessionEvent)

TICK_S = 0.1


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class SessionRunner:
    """Runs one session from the first question to the saved record."""

    def __init__(
        self,
        options: SessionOptions,
        services: SessionServices,
        on_event: EventHandler,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.options = options
        self.services = services
        self._on_event = on_event
        self._clock = clock
        self._flow = SessionFlow(options.questions, options.rules)
        self._stop_requested = threading.Event()
        self._abort_requested = threading.Event()
        self._start = 0.0
        self._store: AnswerStore | None = None
        self.session_id: int | None = None
        self.status = "recording"
        self._answers = SessionAnswers(services, options.questions, self._emit)
        self._recognizers = LiveRecognizers(services)  # finished even if the session fails
        self._director: AnswerDirector | None = None  # the drill's, for the current question
        self._follow_ups, self._answer_s = 0, 0.0  # follow-ups so far; the recording clock

    @property
    def answers(self) -> list[ev.AnswerSaved]:
        """The answers saved so far, as their ``answer_saved`` events."""
        return self._answers.saved

    # --- steering, from any thread ---------------------------------------------------------

    def stop_answer(self) -> None:
        """End the answer (or skip the countdown, or cut the question short) and move on."""
        self._stop_requested.set()

    def abort(self) -> None:
        """End the session now; what was recorded so far is kept."""
        self._abort_requested.set()

    def run(self) -> int:
        """Run the whole session; return the saved session's id. Blocks."""
        self._start = self._clock()
        store = self.services.open_store()
        self._store = store
        self._answers.store = store
        release = _nothing
        try:
            self.session_id = store.create_session(
                mode=self.options.mode,
                pack_id=self.options.pack_id,
                drill=self.options.drill,
                settings=pressure_mode.with_drill(self.options),
                started_at=_now_iso(),
            )
            release = self.services.hold_session(self.session_id)
            self._emit(
                ev.SessionStarted(
                    session_id=self.session_id,
                    pack_id=self.options.pack_id,
                    questions=len(self.options.questions),
                    engine=self.services.engine,
                    model=self.services.model,
                )
            )
            self._drive()
            self._answers.collect(wait=True)  # every answer's feedback before the end
        except Exception as error:
            self.status = "aborted"
            self._emit(ev.ErrorEvent(message=user_message(error)))
            raise
        finally:
            try:
                if self.session_id is not None:
                    if self._answers.pending:  # the session failed: still store what we can
                        with contextlib.suppress(Exception):
                            self._answers.collect(wait=True)
                    self._finish(store)
            finally:
                self._recognizers.finish_abandoned()
                self._answers.close()
                release()
                store.close()
        return self.session_id

    def _finish(self, store: AnswerStore) -> None:
        assert self.session_id is not None
        try:
            store.finish_session(self.session_id, status=self.status, ended_at=_now_iso())
        except Exception as error:
            # A full disk: say so (the answers saved before are kept, and the session is
            # recovered at the next start), then let the failure end the run.
            message = f"The session could not be saved: {user_message(error)}"
            self._emit(ev.ErrorEvent(message=message))
            raise
        self._emit(
            ev.SessionSaved(
                session_id=self.session_id, status=self.status, answers=len(self.answers)
            )
        )

    def _drive(self) -> None:
        step = self._flow.start(self._clock())
        while step.phase is not Phase.DONE:
            self._answers.collect()
            if self._abort_requested.is_set():
                self._flow.abort(self._clock())
                self.status = "aborted"
                return
            if step.phase is Phase.SPEAKING:
                step = self._ask(step.index)
            elif step.phase is Phase.PREP:
                step = self._prepare(step.index)
            elif step.phase is Phase.ANSWERING:
                step = self._record(step.index)
        if self.status != "aborted":
            self.status = "aborted" if self._abort_requested.is_set() else "complete"

    def _ask(self, index: int) -> Step:
        question = self._flow.question
        self._stop_requested.clear()
        self._director = pressure_mode.director_for(self.options, question, index, self._flow)
        asked = self._director.asked_text if self._director is not None else question.text
        self._emit(
            ev.QuestionStarted(
                index=index,
                count=len(self.options.questions),
                question_id=question.id,
                text=asked,
                category=question.category,
                framework=question.framework,
                answer_seconds=list(question.answer_seconds),
                prep_seconds=question.prep_seconds,
                time_limit_s=self._flow.time_limit(),
                tips=list(question.tips),
            )
        )
        played = 0.0
        if self.options.speak_questions:
            played = self._speak(asked)
        self._emit(ev.QuestionSpoken(index=index, duration_s=round(played, 3)))
        self._stop_requested.clear()
        return self._flow.spoken(self._clock())

    def _speak(self, text: str) -> float:
        try:
            wav = self.services.voice.render(text)
            return self.services.speaker.play(wav, should_stop=self._interrupted)
        except Exception as error:
            # The question is on screen too: a silent interviewer must not end the session.
            message = f"The question could not be spoken: {user_message(error)}"
            self._emit(ev.WarningEvent(message=message))
            return 0.0

    def _prepare(self, index: int) -> Step:
        self._emit(ev.PrepStarted(index=index, seconds=self._flow.question.prep_seconds))
        step = Step(Phase.PREP, index)
        while step.phase is Phase.PREP:
            self._answers.collect()
            if self._abort_requested.is_set():
                return self._flow.abort(self._clock())
            if self._stop_requested.is_set():
                self._stop_requested.clear()
                return self._flow.stop(self._clock())
            self._abort_requested.wait(TICK_S)
            step = self._flow.tick(self._clock())
        return step

    def _record(self, index: int, line: ScheduledLine | None = None, limit_s: float = 0) -> Step:
        """Record the answer to question ``index``, or a follow-up to it where ``line`` is said."""
        assert self._store is not None and self.session_id is not None
        question = self._flow.question
        flow, position, asked = self._flow, index + 1, question.text
        if line is not None:  # its own answer row, after the session's questions
            self._follow_ups += 1
            flow, position, asked = pressure_mode.follow_up(self, line, limit_s)
        services = self.services
        stream = services.microphone.open()
        pressure: AnswerPressure | None = None
        try:
            recognizer = self._recognizers(stream.sample_rate)
            path, stored_path = services.answer_path(self.session_id, position, question.id)
            recording = services.open_recording(path, stream.sample_rate)
            answer_id = self._store.start_answer(
                session_id=self.session_id,
                position=position,
                question_id=question.id,
                question_text=asked,
                audio_path=stored_path,
                sample_rate=stream.sample_rate,
                started_at=_now_iso(),
            )
            self._emit(
                ev.RecordingStarted(
                    index=index,
                    answer_id=answer_id,
                    sample_rate=stream.sample_rate,
                    device=stream.device_name,
                    audio_path=str(path),
                    answer_s=0.0,
                )
            )
            if self._director is not None:
                pressure = AnswerPressure.start(self, stream, index, answer_id, line)
            step, lost, heard, answer_s = self._listen(
                index, stream, recognizer, recording, flow, pressure
            )
        finally:
            played = pressure.finish(self._answer_s) if pressure is not None else []
            stream.close()
        # Every block was flushed as written; a failing close (full disk) loses nothing more.
        with contextlib.suppress(OSError):
            recording.close()
        reason = step.ended.value if step.ended else EndReason.STOPPED.value
        self._emit(ev.AnswerEnded(index=index, reason=reason, answer_s=round(answer_s, 3)))
        try:
            transcript = recognizer.finish()
        except Exception as error:
            # The recording is the source of truth: keep it, and say the text is missing.
            transcript = Transcript(engine=recognizer.engine, model=recognizer.model)
            message = f"This answer could not be transcribed ({user_message(error)}); "
            self._emit(ev.WarningEvent(message=message + "its recording is saved."))
        transcript = without_played(transcript, played)  # the interviewer's words are not yours
        skipped = is_skipped(heard, transcript)
        self._answers.save(
            index, answer_id, transcript, recording.duration_s, stored_path, skipped=skipped
        )
        if not skipped:  # silence has no pace, pauses or fillers worth a report
            events = pressure.events if pressure is not None else []
            self._answers.analyze(index, answer_id, path, transcript, played, events)
        if lost is not None:
            self._emit(ev.ErrorEvent(message=lost))
            self.status = "aborted"
            return self._flow.abort(self._clock())
        if line is None and step.ended is not EndReason.ABORTED:
            for follow_up, limit in pressure_mode.follow_up_lines(self._director):
                if self._abort_requested.is_set():
                    break
                self._record(index, follow_up, limit)
                if self.status == "aborted":  # it lost the microphone
                    return self._flow.abort(self._clock())
        return step

    def _listen(
        self,
        index: int,
        stream: InputStream,
        recognizer: Recognizer,
        recording: Recording,
        flow: SessionFlow,
        pressure: AnswerPressure | None,
    ) -> tuple[Step, str | None, bool, float]:
        """Record until the flow says the answer is over; returns the step, a lost-device
        message if the microphone went away, whether any voice was heard, and the seconds
        recorded (the answer's own clock: samples written / sample rate)."""
        vad = self.services.voice_activity(stream.sample_rate)
        # The flow runs on the recording's own clock (samples written), not the wall clock:
        # audio reaches us with the sound system's latency, and silence and time limits must
        # match what is in the WAV.
        started = self._clock()
        bytes_per_second = stream.sample_rate * 2
        written = 0
        last_level = -1.0
        heard = False
        self._answer_s = 0.0
        while True:
            try:
                block = stream.read(timeout=TICK_S)
            except Exception as error:  # the device vanished: keep what we have
                message = (
                    f"The microphone stopped: {user_message(error)} The answer so far is saved."
                )
                return flow.abort(self._clock()), message, heard, written / bytes_per_second
            voiced = False
            if block:
                written += len(block)
            answer_s = self._answer_s = written / bytes_per_second
            now = started + answer_s
            if block:
                # The recogniser gets exactly what goes into the WAV so word times match it.
                try:
                    recording.write(block)
                except OSError as error:  # a full disk, a removed drive: keep what is written
                    reason = error.strerror or str(error)
                    message = f"The recording could not be written ({reason}). What was "
                    message += "recorded before that is saved."
                    answer_s = (written - len(block)) / bytes_per_second
                    return flow.abort(now), message, heard, answer_s
                partial = recognizer.accept(block)
                voiced = vad.feed(block)
                heard = heard or voiced
                if partial is not None:
                    if pressure is not None:
                        pressure.heard(partial)
                    self._emit(ev.Partial(index=index, text=partial, answer_s=round(answer_s, 3)))
                if now - last_level >= 0.05:
                    last_level = now
                    self._emit(
                        ev.Level(
                            index=index,
                            level=round(self.services.level(block), 3),
                            elapsed_s=round(answer_s, 2),
                            voiced=voiced,
                            answer_s=round(answer_s, 3),
                        )
                    )
            self._answers.collect()
            if pressure is not None:
                voiced = pressure.on_block(flow, now, answer_s, voiced)
            if self._abort_requested.is_set():
                return flow.abort(now), None, heard, answer_s
            if self._stop_requested.is_set():
                self._stop_requested.clear()
                return flow.stop(now), None, heard, answer_s
            step = flow.tick(now, voiced)
            if step.ended is not None:
                return step, None, heard, answer_s

    def _interrupted(self) -> bool:
        return self._stop_requested.is_set() or self._abort_requested.is_set()

    def _emit(self, event: E) -> E:
        """Stamp ``event`` with the session's time, log it, and pass it on."""
        event = dataclasses.replace(event, t=round(self._clock() - self._start, 3))
        if self._store is not None and self.session_id is not None and event.type not in _UNLOGGED:
            try:
                self._store.add_event(
                    session_id=self.session_id,
                    answer_id=getattr(event, "answer_id", None),
                    t_s=event.t,
                    kind=event.type,
                    payload=ev.payload(event),
                )
            except Exception:
                # The log is a record, not the message: a full disk must not silence the
                # event (the error event itself, most of all). The caller still hears it.
                self._on_event(event)
                if isinstance(event, ev.ErrorEvent):
                    return event
                raise
        self._on_event(event)
        return event


# High-rate or bulky events are not worth a row each.
_UNLOGGED = {"level", "partial", "session_saved", "answer_analyzed"}


def _nothing() -> None:
    return None
