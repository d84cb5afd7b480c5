"""Typed errors of the speech adapters; each message is one clear sentence for the user.

The types are defined in ``core/errors.py``, so the front ends can name them without importing
``speech``; this module is where the speech code takes them from.
"""

from simulator.core.errors import ModelError, SpeechError, TtsError

__all__ = ["ModelError", "SpeechError", "TtsError"]
