"""The speech models façade: find, check and install a Vosk model; load the recogniser."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from simulator.services.adapters import SharedAdapters


class Models:
    def __init__(self, adapters: SharedAdapters) -> None:
        self.adapters = adapters

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

        found = find_vosk_model(None, self.adapters.layout.models_dir)
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
            return str(install_model(source, self.adapters.layout.models_dir, progress, cancelled))
        except InstallCancelled:
            return None

    def prepare_recognizer(self) -> str:
        """Build and load the recogniser the settings ask for (slow); returns what it is."""
        recognizers = self.adapters.recognizers
        recognizers.preload()
        return f"{recognizers.engine} · {recognizers.model}"
