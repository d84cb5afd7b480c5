"""The composition root for live sessions: builds the real adapters from the settings.

Both front ends (window and terminal) ask this module for a ``SessionServices`` and a fresh
``SessionRunner``; neither constructs audio, speech or storage objects itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator import paths
from simulator.analysis_worker import AnalysisWorker
from simulator.core.packs import Pack, Question
from simulator.core.records import SavedSession
from simulator.core.transcript import Transcript
from simulator.library import Library, load_library
from simulator.records.locks import session_lock
from simulator.session.ports import SessionOptions, SessionServices
from simulator.settings import Settings
from simulator.speech.errors import SpeechError
from simulator.store import DataLayout

# The adapters are imported where first used: numpy, sqlite-utils, PortAudio and the speech
# modules cost about 0.2 s, which the window would otherwise spend before it first shows.
if TYPE_CHECKING:
    from simulator.audio.input import Microphone
    from simulator.audio.output import Playback
    from simulator.session import EventHandler, SessionRunner
    from simulator.speech.stt.process import RecognizerProcess
    from simulator.speech.tts import InterviewerVoice, VoiceInfo
    from simulator.store import Store


class AppServices:
    """Long-lived adapters shared by the sessions of one run of the app."""

    def __init__(self, settings: Settings, layout: DataLayout) -> None:
        self.settings = settings
        self.layout = layout
        layout.ensure()
        self._voice: InterviewerVoice | None = None
        self._recognizers: RecognizerProcess | None = None
        self.analysis = AnalysisWorker()  # its process starts with the first answer
        self._recording_dirs: dict[int, Path] = {}  # session id -> its recordings' folder
        self._closing = False  # set by interrupt_start_up: no helper starts after it

    @property
    def voice(self) -> InterviewerVoice:
        self._refuse_when_closing()
        if self._voice is None:
            from simulator.speech.tts import InterviewerVoice

            self._voice = InterviewerVoice(
                self.layout.tts_cache_dir, voice_id=self.settings.voice, rate=self.settings.rate
            )
        return self._voice

    @property
    def recognizers(self) -> RecognizerProcess:
        """The recogniser (in its own process); raises speech.errors.ModelError for a missing
        model. Building it is cheap; ``preload`` starts the process and loads the model."""
        self._refuse_when_closing()
        if self._recognizers is None:
            from simulator.speech.stt.process import RecognizerProcess

            self._recognizers = RecognizerProcess(
                self.settings.engine, self.settings.model_path, self.layout.models_dir
            )
        return self._recognizers

    def microphone(self) -> Microphone:
        from simulator.audio.input import Microphone

        return Microphone(self.settings.input_device)

    def open_store(self) -> Store:
        from simulator.store import Store

        return Store(self.layout.db_path)

    def answer_path(self, session_id: int, position: int, question_id: str) -> tuple[Path, str]:
        folder = self._recording_dirs.get(session_id)
        if folder is None:  # a session nobody holds: choose (and keep) its folder now
            folder = self._recording_dirs[session_id] = self.layout.recordings_dir(session_id)
        path = self.layout.answer_wav(session_id, position, question_id, folder)
        return path, self.layout.relative(path)

    def hold_session(self, session_id: int) -> Callable[[], None]:
        """Lock a new session and choose the folder its recordings go to (a folder already
        holding recordings, say from before a damaged database was moved aside, is skipped)."""
        lock = session_lock(self.layout.sessions_dir, session_id)
        lock.acquire()
        try:
            self._recording_dirs[session_id] = self.layout.recordings_dir(session_id)
        except BaseException:
            lock.release()
            raise

        def release() -> None:
            self._recording_dirs.pop(session_id, None)
            lock.release()

        return release

    def session_services(self) -> SessionServices:
        from simulator.audio.levels import level
        from simulator.audio.output import Speaker
        from simulator.audio.vad import VoiceDetector
        from simulator.audio.wav import WavWriter

        recognizers = self.recognizers
        return SessionServices(
            voice=self.voice,
            speaker=Speaker(self.settings.output_device),
            microphone=self.microphone(),
            recognizer=recognizers,
            open_store=self.open_store,
            answer_path=self.answer_path,
            open_recording=WavWriter,
            voice_activity=VoiceDetector,
            level=level,
            engine=recognizers.engine,
            model=recognizers.model,
            hold_session=self.hold_session,
            analyze=self.analyze_answer,
        )

    def analyze_answer(
        self, wav: Path, transcript: Transcript, question: Question | None
    ) -> dict[str, Any]:
        """Coaching metrics for a recorded answer, computed in the analysis process (see
        analysis_worker); AnalysisError says why one answer could not be analysed, and the
        next answer gets a working process again."""
        from simulator.analysis_service import analyze_question_answer, load_targets

        targets = load_targets(paths.targets_file())  # read each time: edits apply at once
        return self.analysis.run(analyze_question_answer, wav, transcript, question, targets)

    def runner(self, options: SessionOptions, on_event: EventHandler) -> SessionRunner:
        from simulator.session import SessionRunner

        return SessionRunner(options, self.session_services(), on_event)

    def interrupt_start_up(self) -> None:
        """Stop the helper processes start-up work may be waiting on (the recogniser loading
        its model, the voice listing its voices), so closing the window does not wait for
        them. No helper starts after this (a task that had not reached one yet fails at once
        instead of starting it); call ``close`` after."""
        self._closing = True
        if self._recognizers is not None:
            self._recognizers.abort()
        if self._voice is not None:
            self._voice.close()  # kills a worker in the middle of a request
            self._voice = None

    def _refuse_when_closing(self) -> None:
        if self._closing:
            raise SpeechError("Hotseat is closing.")

    def close(self) -> None:
        if self._voice is not None:
            self._voice.close()
            self._voice = None
        if self._recognizers is not None:
            self._recognizers.close()
            self._recognizers = None
        self.analysis.close()

    # --- for the window ---

    def list_voices(self) -> list[VoiceInfo]:
        """The synthesiser's voices; starts the speech worker, so call it off the GUI thread."""
        return self.voice.list_voices()

    def list_input_devices(self) -> list[str]:
        """Names of the input devices, as the settings store them (rescans the system)."""
        from simulator.audio.devices import list_input_devices

        return [device.name for device in list_input_devices(rescan=True)]

    def check_microphone(self) -> str:
        """The name of the microphone a session will use; raises NoMicrophoneError."""
        return self.microphone().check().name

    def check_model(self, path: str) -> str:
        """A verdict on a Vosk model folder; raises speech.errors.ModelError with the reason."""
        from simulator.speech.stt.models import check_vosk_model

        folder = Path(path).expanduser()
        check_vosk_model(folder)
        return f"{folder.name} is a complete Vosk model."

    def find_model(self) -> str | None:
        """The Vosk model folder used when none is chosen (models folder, VOSK_MODEL_PATH,
        ~/.cache/vosk...), or None when no model is installed."""
        from simulator.speech.stt.models import find_vosk_model

        found = find_vosk_model(None, self.layout.models_dir)
        return str(found) if found is not None else None

    def model_offers(self) -> list[tuple[str, int, str]]:
        """Published English Vosk models: (name, size in MB, what it is good for)."""
        from simulator.speech.stt.model_install import ENGLISH_MODELS

        return [(offer.name, offer.size_mb, offer.about) for offer in ENGLISH_MODELS]

    def install_model(
        self,
        source: str,
        progress: Callable[[str, int, int | None], None],
        cancelled: Callable[[], bool],
    ) -> str | None:
        """Install a Vosk model from a .zip, a published model's name or a URL (slow: off the
        GUI thread; ``progress`` is called on that thread). Its folder, or None if cancelled;
        ModelError says what went wrong."""
        from simulator.speech.stt.model_install import InstallCancelled, install_model

        try:
            return str(install_model(source, self.layout.models_dir, progress, cancelled))
        except InstallCancelled:
            return None

    def prepare_recognizer(self) -> str:
        """Build and load the recogniser the settings ask for (slow); returns what it is."""
        recognizers = self.recognizers
        recognizers.preload()
        return f"{recognizers.engine} · {recognizers.model}"

    def play_recording(self, stored_path: str, start_s: float = 0.0) -> Playback:
        """Start playing a saved answer (non-blocking); ``stored_path`` as the store keeps it."""
        from simulator.audio.output import Speaker

        speaker = Speaker(self.settings.output_device)
        return speaker.start(self.layout.absolute(stored_path), start_s)

    def list_sessions(self) -> list[dict[str, Any]]:
        if not self.layout.db_path.exists():
            return []
        store = self.open_store()
        try:
            return list(store.list_sessions())
        finally:
            store.close()

    def get_session(self, session_id: int) -> SavedSession | None:
        from simulator.store.records import read_session

        if not self.layout.db_path.exists():
            return None
        store = self.open_store()
        try:
            return read_session(store, session_id)
        finally:
            store.close()

    def delete_session(self, session_id: int) -> bool:
        """Delete a session and its recordings; StoreError says why it could not be."""
        from simulator.records.forget import delete_session

        return delete_session(self.layout, session_id)

    def update_settings(self, settings: Settings) -> None:
        """Use new settings; the voice and recogniser are rebuilt if theirs changed."""
        old, self.settings = self.settings, settings
        if (old.voice, old.rate) != (settings.voice, settings.rate) and self._voice is not None:
            self._voice.close()
            self._voice = None
        if (
            old.engine,
            old.model_path,
        ) != (settings.engine, settings.model_path) and self._recognizers is not None:
            self._recognizers.close()
            self._recognizers = None

    def speak_text(self, text: str) -> Playback:
        """Say ``text`` in the interviewer's voice; renders first (slow), then returns at once."""
        from simulator.audio.output import Speaker

        wav = self.voice.render(text)
        return Speaker(self.settings.output_device).start(wav)

    def load_library(self) -> Library:
        """The built-in packs and the user's, read again from disk."""
        return load_library(paths.builtin_packs_dir(), self.layout.packs_dir)

    def save_pack(self, pack: Pack, replaces: str | None = None) -> Path:
        """Write ``pack`` into the user's packs folder (``library.editing.save_pack``)."""
        from simulator.library.editing import save_pack

        return save_pack(pack, self.load_library(), self.layout.packs_dir, replaces)

    def delete_pack(self, pack_id: str) -> None:
        """Remove the user's pack ``pack_id``; built-in packs cannot be deleted."""
        from simulator.library.editing import delete_pack

        delete_pack(pack_id, self.load_library(), self.layout.packs_dir)
