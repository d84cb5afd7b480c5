"""Speech recognition: one Recognizer interface over Vosk and PocketSphinx.

``RecognizerFactory`` decides the engine and model once (from the settings and the folders
where models are found) and then makes a fresh recogniser for each answer. The engines are
imported only when a recogniser is first needed, so a missing native library shows up as a
clear error at that point rather than when the app starts.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.speech.errors import ModelError, SpeechError
from simulator.speech.stt.base import SPHINX_MODEL_NAME, Recognizer
from simulator.speech.stt.models import (
    VOSK_MODEL_ENV,
    check_vosk_model,
    find_vosk_model,
    vosk_env_problem,
    vosk_model_search_paths,
)
from simulator.speech.stt.transcribe import transcribe_wav

#: The model the "no model" message suggests: the small English one (40 MB), the first of
#: ``model_install.ENGLISH_MODELS`` (not imported here: it pulls in the download code).
SUGGESTED_MODEL = "vosk-model-small-en-us-0.15"

if TYPE_CHECKING:
    from simulator.speech.stt.sphinx_engine import DecoderPool

ENGINES = ("auto", "vosk", "pocketsphinx")


class RecognizerFactory:
    """Makes one recogniser per answer, sharing the loaded model between them."""

    def __init__(
        self,
        engine: str = "auto",
        model_path: str | None = None,
        models_dir: Path | None = None,
    ) -> None:
        if engine not in ENGINES:
            raise SpeechError(
                f"Unknown speech engine {engine!r}; choose one of {', '.join(ENGINES)}."
            )
        self.model_path: Path | None = None
        if engine == "pocketsphinx":
            self.engine = "pocketsphinx"
        else:
            found = find_vosk_model(model_path, models_dir)
            if found is not None:
                self.engine = "vosk"
                self.model_path = found
            elif engine == "vosk":
                raise ModelError(_no_model_message(models_dir))
            else:
                self.engine = "pocketsphinx"
        self.model = self.model_path.name if self.model_path else SPHINX_MODEL_NAME
        self._lock = threading.Lock()
        self._vosk_model: Any = None
        self._sphinx_pool: DecoderPool | None = None

    def preload(self) -> None:
        """Load the model now; slow (seconds for a large Vosk model), so call it off the GUI."""
        if self.engine == "vosk":
            self._get_vosk_model()
        else:
            self._get_sphinx_pool().preload()

    def __call__(self, sample_rate: int) -> Recognizer:
        return self._make(sample_rate, whole_file=False)

    def for_file(self, sample_rate: int) -> Recognizer:
        """A recogniser for a recording fed as fast as it is read, whose partial results
        nobody waits for: PocketSphinx then decodes it once rather than live and again."""
        return self._make(sample_rate, whole_file=True)

    def _make(self, sample_rate: int, whole_file: bool) -> Recognizer:
        if self.engine == "vosk":
            from simulator.speech.stt.vosk_engine import VoskRecognizer

            return VoskRecognizer(self._get_vosk_model(), self.model, sample_rate)
        from simulator.speech.stt.sphinx_engine import SphinxRecognizer

        return SphinxRecognizer(self._get_sphinx_pool(), sample_rate, whole_file)

    def lend_sphinx_decoder(self) -> Any:
        """A PocketSphinx decoder from this factory's pool for the caller to keep and change
        (the filler pass): one already loaded saves loading the model again."""
        return self._get_sphinx_pool().take()[0]

    def _get_vosk_model(self) -> Any:
        assert self.model_path is not None
        with self._lock:
            if self._vosk_model is None:
                from simulator.speech.stt.vosk_engine import load_vosk_model

                self._vosk_model = load_vosk_model(self.model_path)
            return self._vosk_model

    def _get_sphinx_pool(self) -> DecoderPool:
        with self._lock:
            if self._sphinx_pool is None:
                from simulator.speech.stt.sphinx_engine import DecoderPool

                self._sphinx_pool = DecoderPool()
            return self._sphinx_pool


def _no_model_message(models_dir: Path | None) -> str:
    """Where to get a model: our own installer, never a web page to dig through."""
    where = f"a subfolder of {models_dir}" if models_dir else "~/.cache/vosk"
    reason = vosk_env_problem()
    reason_text = f" ({reason.rstrip('.')})" if reason else ""
    return (
        f"No Vosk model was found{reason_text}: install one with 'hotseat models install "
        f"{SUGGESTED_MODEL}' (or in the window: Settings → Get a model…); a model folder "
        f"can also go into {where}, or be set in the settings or in {VOSK_MODEL_ENV}."
    )


__all__ = [
    "ENGINES",
    "VOSK_MODEL_ENV",
    "Recognizer",
    "RecognizerFactory",
    "check_vosk_model",
    "find_vosk_model",
    "transcribe_wav",
    "vosk_model_search_paths",
]
