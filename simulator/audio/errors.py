"""Typed audio errors whose message is one clear sentence for the user.

The UI shows ``str(error)`` as is, so every message says what happened and, where possible,
what the user can do about it; none of them carries a traceback or a PortAudio error code alone.
The types are defined in ``core/errors.py``, so the window can name them without importing
``audio``; this module is where the audio code takes them from.
"""

from simulator.core.errors import AudioError, DeviceLostError, NoMicrophoneError, NoSpeakerError

__all__ = ["AudioError", "DeviceLostError", "NoMicrophoneError", "NoSpeakerError"]
