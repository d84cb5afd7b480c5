"""The sessions façade: a live session's runner with the real adapters behind its ports.

Both front ends start sessions here; the window also asks ``check_ready`` on the session's
own thread before anything is saved, and runs crash recovery at start-up through here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.core.packs import Question
from simulator.core.transcript import Transcript
from simulator.records.locks import session_lock
from simulator.services.adapters import SharedAdapters
from simulator.session.ports import SessionOptions, SessionServices

if TYPE_CHECKING:
    from simulator.session import EventHandler, SessionRunner
    from simulator.speech.stt.process import RecognizerProcess


class Sessions:
    """Runners for new sessions, their recordings' folders and locks, and recovery."""

    def __init__(self, adapters: SharedAdapters) -> None:
        self.adapters = adapters
        self._recording_dirs: dict[int, Path] = {}  # session id -> its recordings' folder

    @property
    def recognizers(self) -> RecognizerProcess:
        """The recogniser sessions use; raises ModelError for a missing model."""
        return self.adapters.recognizers

    def runner(self, options: SessionOptions, on_event: EventHandler) -> SessionRunner:
        from simulator.session import SessionRunner

        return SessionRunner(options, self.session_services(), on_event)

    def check_ready(self) -> None:
        """A microphone, then the recogniser loaded (slow: off the GUI thread); raises
        NoMicrophoneError or ModelError saying what is missing."""
        self.adapters.microphone().check()
        self.adapters.recognizers.preload()

    def session_services(self) -> SessionServices:
        from simulator.audio.levels import level
        from simulator.audio.vad import VoiceDetector
        from simulator.audio.wav import WavWriter

        adapters = self.adapters
        recognizers = adapters.recognizers
        return SessionServices(
            voice=adapters.voice,
            speaker=adapters.speaker(),
            microphone=adapters.microphone(),
            recognizer=recognizers,
            open_store=adapters.open_store,
            answer_path=self.answer_path,
            open_recording=WavWriter,
            voice_activity=VoiceDetector,
            level=level,
            engine=recognizers.engine,
            model=recognizers.model,
            hold_session=self.hold_session,
            analyze=self.analyze_answer,
            open_mixer=adapters.open_mixer,
            distraction=adapters.distraction,
        )

    def analyze_answer(
        self, wav: Path, transcript: Transcript, question: Question | None, **pressure: Any
    ) -> dict[str, Any]:
        """Coaching metrics for a recorded answer (in the analysis worker process); under a
        drill ``pressure`` holds ``played`` and ``pressure_events``."""
        return self.adapters.analyze_answer(wav, transcript, question, **pressure)

    def answer_path(self, session_id: int, position: int, question_id: str) -> tuple[Path, str]:
        layout = self.adapters.layout
        folder = self._recording_dirs.get(session_id)
        if folder is None:  # a session nobody holds: choose (and keep) its folder now
            folder = self._recording_dirs[session_id] = layout.recordings_dir(session_id)
        path = layout.answer_wav(session_id, position, question_id, folder)
        return path, layout.relative(path)

    def hold_session(self, session_id: int) -> Callable[[], None]:
        """Lock a new session and choose the folder its recordings go to (a folder already
        holding recordings, say from before a damaged database was moved aside, is skipped)."""
        layout = self.adapters.layout
        lock = session_lock(layout.sessions_dir, session_id)
        lock.acquire()
        try:
            self._recording_dirs[session_id] = layout.recordings_dir(session_id)
        except BaseException:
            lock.release()
            raise

        def release() -> None:
            self._recording_dirs.pop(session_id, None)
            lock.release()

        return release

    def recover_unfinished(self) -> list[str]:
        """Repair sessions cut off by a crash (``records.recovery``, the one entry point the
        terminal calls too); one message per recovered session. Slow. The recogniser is only
        built if a cut-off answer needs transcribing; the analyses run in the worker."""
        from simulator.store.listing import nothing_to_recover

        adapters = self.adapters
        if nothing_to_recover(adapters.layout.db_path):
            # The common case: recovery's modules (sqlite-utils, numpy) would stay in the idle
            # window's memory for nothing (docs/PERFORMANCE.md).
            return []
        from simulator.records.recovery import recover_unfinished

        return recover_unfinished(
            adapters.layout,
            adapters.settings,
            lambda rate: adapters.recognizers(rate),
            self.analyze_answer,
        )
