"""A live session's saved answers: each transcript stored as it ends, each analysis when ready.

``SessionRunner`` (runner.py) records; this keeps what it recorded. Saving an answer writes its
row and emits ``answer_saved``; its analysis goes to ``BackgroundAnalyses`` so the next question
does not wait, and ``collect`` stores and reports the finished ones on the runner's thread,
where the store connection lives. A failed analysis costs only that answer's metrics.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from simulator.core import events as ev
from simulator.core.packs import Question
from simulator.core.played import PlayedSpan
from simulator.core.transcript import Transcript
from simulator.session.background_analysis import BackgroundAnalyses
from simulator.session.ports import AnswerStore, SessionServices

E = TypeVar("E", bound=ev.SessionEvent)


class Emitter(Protocol):
    """The runner's ``_emit``: stamps, logs and passes on one event, and returns it stamped."""

    def __call__(self, event: E) -> E: ...


class SessionAnswers:
    """The answers of one running session, and their analyses in the background."""

    def __init__(
        self,
        services: SessionServices,
        questions: list[Question],
        emit: Emitter,
    ) -> None:
        self._services = services
        self._questions = questions
        self._emit = emit
        self._analyses = BackgroundAnalyses()
        self.store: AnswerStore | None = None
        self.saved: list[ev.AnswerSaved] = []

    @property
    def pending(self) -> bool:
        return bool(self._analyses.pending)

    def close(self) -> None:
        self._analyses.close()

    def save(
        self,
        index: int,
        answer_id: int,
        transcript: Transcript,
        duration: float,
        stored: str,
        *,
        skipped: bool = False,
    ) -> None:
        assert self.store is not None
        words = [word.to_json() for word in transcript.words]
        self.store.finish_answer(
            answer_id,
            transcript=transcript.text,
            words=words,
            engine=transcript.engine,
            model=transcript.model,
            duration_s=round(duration, 3),
            skipped=skipped,
        )
        saved = ev.AnswerSaved(
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
        self.saved.append(self._emit(saved))

    def analyze(
        self,
        index: int,
        answer_id: int,
        wav: Path,
        transcript: Transcript,
        played: Sequence[PlayedSpan] = (),
        pressure_events: Sequence[dict[str, Any]] = (),
    ) -> None:
        """Start the saved answer's coaching metrics; the next question does not wait for it.

        Under a drill, ``played`` (when Hotseat made sound) and ``pressure_events`` (this
        answer's drill events, as JSON) go along, so the metrics leave the interviewer out and
        measure the recovery; an ordinary answer is analysed exactly as before."""
        analyze = self._services.analyze
        if analyze is None or self.store is None:
            return
        question = self._questions[index]
        if played or pressure_events:
            spans, events = list(played), list(pressure_events)
            self._analyses.submit(
                index,
                answer_id,
                lambda: analyze(wav, transcript, question, played=spans, pressure_events=events),
            )
            return
        self._analyses.submit(index, answer_id, lambda: analyze(wav, transcript, question))

    def collect(self, wait: bool = False) -> None:
        """Store and report the analyses that are ready (all of them with ``wait``); on the
        runner's thread, the store connection's. A failure costs only that answer's metrics."""
        assert self.store is not None
        for done in self._analyses.ready(wait):
            try:
                if done.error is not None:
                    raise done.error
                assert done.analysis is not None
                version = int(done.analysis.get("version", 0))
                self.store.set_analysis(done.answer_id, done.analysis, version)
            except Exception as error:
                message = f"This answer could not be analysed ({user_message(error)})."
                self._emit(ev.WarningEvent(message=message))
                continue
            self._emit(
                ev.AnswerAnalyzed(
                    index=done.index, answer_id=done.answer_id, analysis=done.analysis
                )
            )


def is_skipped(heard_voice: bool, transcript: Transcript) -> bool:
    """An answer is skipped when nothing was said: no voice detected and no word recognised.

    Either alone is not enough: a quiet speaker may fool the voice detector, and a recogniser
    may hear a word in a cough; both empty is what Space or Esc on a silent answer leaves.
    """
    return not heard_voice and not transcript.text.strip()


def user_message(error: BaseException) -> str:
    """An exception as one line for the user: its text, else its type's name."""
    text = str(error).strip()
    return text if text else type(error).__name__
