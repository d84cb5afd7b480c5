"""The part of ``AppServices`` the window uses, as a Protocol.

Pages depend on this instead of on ``simulator.services`` so they stay free of the audio,
speech and storage imports, and so tests can hand them a small fake with the same methods.
Every method here may be slow; the window calls them through ``ui.tasks`` except
``runner`` and ``play_recording``, which return at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from simulator.core.packs import Pack
from simulator.core.records import SavedSession
from simulator.library import Library
from simulator.session import EventHandler
from simulator.session.ports import SessionOptions
from simulator.settings import Settings
from simulator.ui.bridge import Steerable


class Voice(Protocol):
    """A voice of the speech synthesiser (speech.tts.VoiceInfo)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def languages(self) -> tuple[str, ...]: ...


def sorted_voices(voices: Sequence[Voice]) -> list[Voice]:
    """English voices first (the packs are in English), then by name."""

    def order(voice: Voice) -> tuple[bool, str]:
        english = any(lang.lower().startswith("en") for lang in voice.languages)
        return (not english, voice.name.lower())

    return sorted(voices, key=order)


class Playback(Protocol):
    """A recording being played (audio.output.Playback)."""

    @property
    def is_playing(self) -> bool: ...
    def stop(self) -> None: ...


class WindowServices(Protocol):
    settings: Settings

    def list_voices(self) -> Sequence[Voice]:
        """The synthesiser's voices (starts the TTS worker: slow)."""
        ...

    def list_input_devices(self) -> list[str]:
        """Names of the input devices, for the settings."""
        ...

    def check_microphone(self) -> str:
        """The name of the microphone that will be used; raises NoMicrophoneError."""
        ...

    def check_model(self, path: str) -> str:
        """A verdict on a Vosk model folder; raises ModelError saying what is wrong."""
        ...

    def model_offers(self) -> list[tuple[str, int, str]]:
        """Published English Vosk models: (name, size in MB, what it is good for)."""
        ...

    def install_model(
        self,
        source: str,
        progress: Callable[[str, int, int | None], None],
        cancelled: Callable[[], bool],
    ) -> str | None:
        """Install a model from a .zip, a model's name or a URL (slow; progress is called on
        the worker thread); its folder, or None if cancelled; raises ModelError."""
        ...

    def find_model(self) -> str | None:
        """The Vosk model folder used when none is chosen, or None: none is installed."""
        ...

    def prepare_recognizer(self) -> str:
        """Load the recogniser chosen by the settings; returns "engine · model"."""
        ...

    def play_recording(self, stored_path: str, start_s: float = 0.0) -> Playback:
        """Start playing a saved answer; returns at once."""
        ...

    def list_sessions(self) -> list[dict[str, Any]]:
        """One row a session, newest first, with its answer count and recorded length."""
        ...

    def get_session(self, session_id: int) -> SavedSession | None:
        """A saved session with its answers and their analyses (None if it is gone)."""
        ...

    def delete_session(self, session_id: int) -> bool:
        """Delete a session and its recordings (False if it was gone); raises StoreError."""
        ...

    def update_settings(self, settings: Settings) -> None:
        """Use new settings from now on (the voice and recogniser are rebuilt when needed)."""
        ...

    def speak_text(self, text: str) -> Playback:
        """Say ``text`` in the interviewer's voice (renders first: slow)."""
        ...

    def load_library(self) -> Library:
        """Every pack, built-in and the user's, read again from disk."""
        ...

    def save_pack(self, pack: Pack, replaces: str | None = None) -> Path:
        """Write a user pack (``replaces``: the id it was opened as); raises PackError."""
        ...

    def delete_pack(self, pack_id: str) -> None:
        """Remove a user pack's file; raises PackError for a built-in or unknown pack."""
        ...

    def runner(self, options: SessionOptions, on_event: EventHandler) -> Steerable: ...
    def close(self) -> None: ...
