"""SessionRunner: drives one live practice session through voice, microphone, recogniser and store.

The runner is shared by the window and the terminal mode. It runs on one worker thread (its
``run`` blocks), reports everything through a single ``on_event`` callback of plain dicts, and
is steered from any thread with ``stop_answer`` (Space / Enter) and ``abort`` (Esc / Ctrl-C).
The decisions about phases and endings live in the pure ``core.plan.SessionFlow``; this module
only does the input and output around it.

Events (``type`` plus fields; ``t`` is seconds since the session began):
``session_started`` session_id, pack_id, questions, engine, model;
``question_started`` index, count, question_id, text, category, answer_seconds, prep_seconds,
time_limit_s; ``question_spoken`` index, duration_s; ``prep_started`` index, seconds;
``recording_started`` index, answer_id, sample_rate, device, audio_path;
``level`` index, level (0..1), elapsed_s; ``partial`` index, text;
``answer_ended`` index, reason; ``answer_saved`` index, answer_id, transcript, words,
duration_s, engine, model, audio_path, skipped (True when the answer had no voice and no
words in it: it is stored as skipped, and not analysed); ``answer_analyzed`` index,
answer_id, analysis (the dict of core.analysis, also stored with the answer); ``warning``
message; ``error`` message; ``session_saved`` session_id, status, answers.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from simulator.core.plan import EndReason, Phase, SessionFlow, Step
from simulator.core.transcript import Transcript
from simulator.ports import (
    AnswerStore,
    InputStream,
    Recognizer,
    Recording,
    SessionOptions,
    SessionServices,
)

Event = dict[str, Any]
EventHandler = Callable[[Event], None]

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
        self.answers: list[Event] = []

    # --- steering, from any thread ---------------------------------------------------------

    def stop_answer(self) -> None:
        """End the answer (or skip the countdown, or cut the question short) and move on."""
        self._stop_requested.set()

    def abort(self) -> None:
        """End the session now; what was recorded so far is kept."""
        self._abort_requested.set()

    # --- the run ---------------------------------------------------------------------------

    def run(self) -> int:
        """Run the whole session; return the saved session's id. Blocks."""
        self._start = self._clock()
        store = self.services.open_store()
        self._store = store
        release = _nothing
        try:
            self.session_id = store.create_session(
                mode=self.options.mode,
                pack_id=self.options.pack_id,
                drill=None,
                settings=self.options.settings,
                started_at=_now_iso(),
            )
            release = self.services.hold_session(self.session_id)
            self._emit(
                "session_started",
                session_id=self.session_id,
                pack_id=self.options.pack_id,
                questions=len(self.options.questions),
                engine=self.services.engine,
                model=self.services.model,
            )
            self._drive()
        except Exception as error:
            self.status = "aborted"
            self._emit("error", message=_user_message(error))
            raise
        finally:
            try:
                if self.session_id is not None:
                    self._finish(store)
            finally:
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
            self._emit("error", message=f"The session could not be saved: {_user_message(error)}")
            raise
        self._emit(
            "session_saved",
            session_id=self.session_id,
            status=self.status,
            answers=len(self.answers),
        )

    def _drive(self) -> None:
        step = self._flow.start(self._clock())
        while step.phase is not Phase.DONE:
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
        self._emit(
            "question_started",
            index=index,
            count=len(self.options.questions),
            question_id=question.id,
            text=question.text,
            category=question.category,
            framework=question.framework,
            answer_seconds=list(question.answer_seconds),
            prep_seconds=question.prep_seconds,
            time_limit_s=self._flow.time_limit(),
            tips=list(question.tips),
        )
        played = 0.0
        if self.options.speak_questions:
            played = self._speak(question.text)
        self._emit("question_spoken", index=index, duration_s=round(played, 3))
        self._stop_requested.clear()
        return self._flow.spoken(self._clock())

    def _speak(self, text: str) -> float:
        try:
            wav = self.services.voice.render(text)
            return self.services.speaker.play(wav, should_stop=self._interrupted)
        except Exception as error:
            # The question is on screen too: a silent interviewer must not end the session.
            self._emit(
                "warning", message=f"The question could not be spoken: {_user_message(error)}"
            )
            return 0.0

    def _prepare(self, index: int) -> Step:
        self._emit("prep_started", index=index, seconds=self._flow.question.prep_seconds)
        step = Step(Phase.PREP, index)
        while step.phase is Phase.PREP:
            if self._abort_requested.is_set():
                return self._flow.abort(self._clock())
            if self._stop_requested.is_set():
                self._stop_requested.clear()
                return self._flow.stop(self._clock())
            self._abort_requested.wait(TICK_S)
            step = self._flow.tick(self._clock())
        return step

    def _record(self, index: int) -> Step:
        assert self._store is not None and self.session_id is not None
        question = self._flow.question
        services = self.services
        stream = services.microphone.open()
        try:
            recognizer = services.recognizer(stream.sample_rate)
            path, stored_path = services.answer_path(self.session_id, index + 1, question.id)
            recording = services.open_recording(path, stream.sample_rate)
            answer_id = self._store.start_answer(
                session_id=self.session_id,
                position=index + 1,
                question_id=question.id,
                question_text=question.text,
                audio_path=stored_path,
                sample_rate=stream.sample_rate,
                started_at=_now_iso(),
            )
            self._emit(
                "recording_started",
                index=index,
                answer_id=answer_id,
                sample_rate=stream.sample_rate,
                device=stream.device_name,
                audio_path=str(path),
            )
            step, lost, heard = self._listen(index, stream, recognizer, recording)
        finally:
            stream.close()
        # Every block was flushed as written; a failing close (full disk) loses nothing more.
        with contextlib.suppress(OSError):
            recording.close()
        reason = step.ended.value if step.ended else EndReason.STOPPED.value
        self._emit("answer_ended", index=index, reason=reason)
        try:
            transcript = recognizer.finish()
        except Exception as error:
            # The recording is the source of truth: keep it, and say the text is missing.
            transcript = Transcript(engine=recognizer.engine, model=recognizer.model)
            self._emit(
                "warning",
                message=f"This answer could not be transcribed ({_user_message(error)}); "
                "its recording is saved.",
            )
        skipped = is_skipped(heard, transcript)
        self._save_answer(
            index, answer_id, transcript, recording.duration_s, stored_path, skipped=skipped
        )
        if not skipped:  # silence has no pace, pauses or fillers worth a report
            self._analyze(index, answer_id, path, transcript)
        if lost is not None:
            self._emit("error", message=lost)
            self.status = "aborted"
            return self._flow.abort(self._clock())
        return step

    def _listen(
        self, index: int, stream: InputStream, recognizer: Recognizer, recording: Recording
    ) -> tuple[Step, str | None, bool]:
        """Record until the flow says the answer is over; returns the step, a lost-device
        message if the microphone went away, and whether any voice was heard."""
        vad = self.services.voice_activity(stream.sample_rate)
        # The flow runs on the recording's own clock (samples written), not the wall clock:
        # audio reaches us with the sound system's latency, and silence and time limits must
        # match what is in the WAV.
        started = self._clock()
        bytes_per_second = stream.sample_rate * 2
        written = 0
        last_level = -1.0
        heard = False
        while True:
            try:
                block = stream.read(timeout=TICK_S)
            except Exception as error:  # the device vanished: keep what we have
                message = (
                    f"The microphone stopped: {_user_message(error)} The answer so far is saved."
                )
                return self._flow.abort(self._clock()), message, heard
            voiced = False
            if block:
                written += len(block)
            now = started + written / bytes_per_second
            if block:
                # The recogniser gets exactly what goes into the WAV so word times match it.
                try:
                    recording.write(block)
                except OSError as error:  # a full disk, a removed drive: keep what is written
                    reason = error.strerror or str(error)
                    message = f"The recording could not be written ({reason}). What was "
                    message += "recorded before that is saved."
                    return self._flow.abort(now), message, heard
                partial = recognizer.accept(block)
                voiced = vad.feed(block)
                heard = heard or voiced
                if partial is not None:
                    self._emit("partial", index=index, text=partial)
                if now - last_level >= 0.05:
                    last_level = now
                    self._emit(
                        "level",
                        index=index,
                        level=round(self.services.level(block), 3),
                        elapsed_s=round(now - started, 2),
                        voiced=voiced,
                    )
            if self._abort_requested.is_set():
                return self._flow.abort(now), None, heard
            if self._stop_requested.is_set():
                self._stop_requested.clear()
                return self._flow.stop(now), None, heard
            step = self._flow.tick(now, voiced)
            if step.ended is not None:
                return step, None, heard

    def _save_answer(
        self,
        index: int,
        answer_id: int,
        transcript: Transcript,
        duration: float,
        stored: str,
        *,
        skipped: bool = False,
    ) -> None:
        assert self._store is not None
        words = [word.to_json() for word in transcript.words]
        self._store.finish_answer(
            answer_id,
            transcript=transcript.text,
            words=words,
            engine=transcript.engine,
            model=transcript.model,
            duration_s=round(duration, 3),
            skipped=skipped,
        )
        saved = self._emit(
            "answer_saved",
            index=index,
            answer_id=answer_id,
            transcript=transcript.text,
            words=words,
            duration_s=round(duration, 3),
            engine=transcript.engine,
            model=transcript.model,
            audio_path=stored,
            skipped=skipped,
        )
        self.answers.append(saved)

    def _analyze(self, index: int, answer_id: int, wav: Path, transcript: Transcript) -> None:
        """Coaching metrics for the saved answer; a failure costs only the metrics."""
        analyze = self.services.analyze
        if analyze is None or self._store is None:
            return
        try:
            analysis = analyze(wav, transcript, self._flow.questions[index])
            self._store.set_analysis(answer_id, analysis, int(analysis.get("version", 0)))
        except Exception as error:
            message = f"This answer could not be analysed ({_user_message(error)})."
            self._emit("warning", message=message)
            return
        self._emit("answer_analyzed", index=index, answer_id=answer_id, analysis=analysis)

    def _interrupted(self) -> bool:
        return self._stop_requested.is_set() or self._abort_requested.is_set()

    def _emit(self, kind: str, **fields: Any) -> Event:
        event: Event = {"type": kind, "t": round(self._clock() - self._start, 3), **fields}
        if self._store is not None and self.session_id is not None and kind not in _UNLOGGED:
            try:
                self._store.add_event(
                    session_id=self.session_id,
                    answer_id=fields.get("answer_id"),
                    t_s=event["t"],
                    kind=kind,
                    payload={k: v for k, v in fields.items() if k not in ("words",)},
                )
            except Exception:
                # The log is a record, not the message: a full disk must not silence the
                # event (the error event itself, most of all). The caller still hears it.
                self._on_event(event)
                if kind == "error":
                    return event
                raise
        self._on_event(event)
        return event


# High-rate or bulky events are not worth a row each.
_UNLOGGED = {"level", "partial", "session_saved", "answer_analyzed"}


def is_skipped(heard_voice: bool, transcript: Transcript) -> bool:
    """An answer is skipped when nothing was said: no voice detected and no word recognised.

    Either alone is not enough: a quiet speaker may fool the voice detector, and a recogniser
    may hear a word in a cough; both empty is what Space or Esc on a silent answer leaves.
    """
    return not heard_voice and not transcript.text.strip()


def _nothing() -> None:
    return None


def _user_message(error: BaseException) -> str:
    text = str(error).strip()
    return text if text else type(error).__name__
