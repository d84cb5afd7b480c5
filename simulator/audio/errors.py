"""Typed audio errors whose message is one clear sentence for the user.

The UI shows ``str(error)`` as is, so every message says what happened and, where possible,
what the user can do about it; none of them carries a traceback or a PortAudio error code alone.
"""

from __future__ import annotations


class AudioError(Exception):
    """An audio problem the user can understand and act on."""


class NoMicrophoneError(AudioError):
    """No usable input device (none at all, not the one asked for, or it cannot be opened)."""


class DeviceLostError(AudioError):
    """The input device vanished or failed while recording."""


class NoSpeakerError(AudioError):
    """No usable output device, or it failed while playing."""
