"""The long-lived adapters the façades share, built when first needed from the settings.

One interviewer's voice (a speech worker process), one recogniser (its own process) and one
analysis worker serve every session of a run of the app; the façades in this package reach
them here, so a change of settings (``update_settings``) rebuilds each of them once for all.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator import paths
from simulator.analysis_worker import AnalysisWorker
from simulator.core.packs import Question
from simulator.core.transcript import Transcript
from simulator.settings import Settings
from simulator.speech.errors import SpeechError
from simulator.store import DataLayout

# The adapters are imported where first used: numpy, sqlite-utils, PortAudio and the speech
# modules cost about 0.2 s, which the window would otherwise spend before it first shows.
if TYPE_CHECKING:
    from simulator.audio.distractions import Distraction
    from simulator.audio.input import Microphone
    from simulator.audio.mixer import Mixer
    from simulator.audio.output import Speaker
    from simulator.speech.stt.process import RecognizerProcess
    from simulator.speech.tts import InterviewerVoice
    from simulator.store import Store


class SharedAdapters:
    """The settings in use and the adapters built from them, shared by the façades."""

    def __init__(self, settings: Settings, layout: DataLayout) -> None:
        self.settings = settings
        self.layout = layout
        layout.ensure()
        self._voice: InterviewerVoice | None = None
        self._recognizers: RecognizerProcess | None = None
        self.analysis = AnalysisWorker()  # its process starts with the first answer
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

    def speaker(self) -> Speaker:
        from simulator.audio.output import Speaker

        return Speaker(self.settings.output_device)

    def open_mixer(self) -> Mixer:
        """The speaker opened as a mixer, for the sounds of one pressure answer."""
        from simulator.audio.mixer import Mixer

        return Mixer(self.settings.output_device).open()

    def distraction(self, name: str, seed: int, level_db: float | None) -> Distraction:
        """A distraction sound rendered at ``level_db`` relative to the interviewer's voice."""
        from simulator.audio.distractions import render

        return render(name, seed, level_db=level_db)

    def open_store(self) -> Store:
        from simulator.store import Store

        return Store(self.layout.db_path)

    def analyze_answer(
        self, wav: Path, transcript: Transcript, question: Question | None, **pressure: Any
    ) -> dict[str, Any]:
        """Coaching metrics for a recorded answer, computed in the analysis process (see
        analysis_worker); AnalysisError says why one answer could not be analysed, and the
        next answer gets a working process again."""
        from simulator.analysis_service import analyze_question_answer, load_targets

        targets = load_targets(paths.targets_file())  # read each time: edits apply at once
        # Under a drill: played= and pressure_events= (a partial pickles with its keywords).
        analyze: Callable[..., dict[str, Any]] = analyze_question_answer
        if pressure:
            analyze = partial(analyze_question_answer, **pressure)
        return self.analysis.run(analyze, wav, transcript, question, targets)

    def update_settings(self, settings: Settings) -> None:
        """Use new settings; the voice and recogniser are rebuilt if theirs changed. When both
        changed, the two old helpers are stopped together (as in ``close``), not in turn."""
        old, self.settings = self.settings, settings
        stops: list[Callable[[], None]] = []
        if (old.voice, old.rate) != (settings.voice, settings.rate) and self._voice is not None:
            stops.append(self._voice.close)
            self._voice = None
        changed_model = (old.engine, old.model_path) != (settings.engine, settings.model_path)
        if changed_model and self._recognizers is not None:
            stops.append(self._recognizers.close)
            self._recognizers = None
        stop_together(stops)

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
        """Stop every helper process, all at once: closing waits for the slowest helper,
        not for the sum of their close time-outs (each waits for its own work in progress)."""
        stops: list[Callable[[], None]] = []
        if self._voice is not None:
            stops.append(self._voice.close)
            self._voice = None
        if self._recognizers is not None:
            stops.append(self._recognizers.close)
            self._recognizers = None
        stops.append(self.analysis.close)
        stop_together(stops)


def stop_together(stops: Sequence[Callable[[], None]]) -> None:
    """Run each ``stop`` on a thread of its own and wait for all of them; the first error
    any of them raised is raised after every one has finished."""
    errors: list[BaseException] = []

    def run(stop: Callable[[], None]) -> None:
        try:
            stop()
        except BaseException as error:  # raised below, on the caller's thread
            errors.append(error)

    threads = [
        threading.Thread(target=run, args=(stop,), name="hotseat-stop", daemon=True)
        for stop in stops[1:]
    ]
    for thread in threads:
        thread.start()
    if stops:
        run(stops[0])  # the caller's thread takes one: a single helper needs no thread
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
