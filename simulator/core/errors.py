"""The errors the front ends tell apart, as plain types that every layer may name.

The adapters raise them (``audio`` the audio ones, ``speech`` the speech ones, ``store`` the
store's) and re-export them from their own ``errors`` module. They are defined here, in the
pure core, so that the window and the bridge can recognise one (a missing microphone, a setup
problem already worded for the user) without importing an adapter: imports point down, and the
ui imports no adapter (tests/core/test_layers.py checks it).

Every message is one clear sentence for the user: what happened and, where possible, what to do
about it; none carries a traceback or a library's error code alone. The UI shows ``str(error)``.
"""

from __future__ import annotations

from pathlib import Path


class AudioError(Exception):
    """An audio problem the user can understand and act on."""


class NoMicrophoneError(AudioError):
    """No usable input device (none at all, not the one asked for, or it cannot be opened)."""


class DeviceLostError(AudioError):
    """The input device vanished or failed while recording."""


class NoSpeakerError(AudioError):
    """No usable output device, or it failed while playing."""


class SpeechError(Exception):
    """Speech synthesis or recognition cannot work; the message is meant for the user."""


class ModelError(SpeechError):
    """A speech recognition model is missing, incomplete or cannot be loaded."""


class TtsError(SpeechError):
    """The interviewer's voice could not be rendered."""


# StoreError.kind values: what went wrong, so the interface can react without parsing text.
CORRUPT = "corrupt"
FULL = "full"
IO = "io"
READONLY = "readonly"
CANNOT_OPEN = "cannot-open"
BUSY = "busy"
NEWER = "newer"
OTHER = "other"


class StoreError(Exception):
    """A storage problem explained in one sentence for the user (never a traceback)."""

    def __init__(self, message: str, *, kind: str = OTHER, path: Path | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path
