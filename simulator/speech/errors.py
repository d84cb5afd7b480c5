"""Typed errors of the speech adapters; each message is one clear sentence for the user."""

from __future__ import annotations


class SpeechError(Exception):
    """Speech synthesis or recognition cannot work; the message is meant for the user."""


class ModelError(SpeechError):
    """A speech recognition model is missing, incomplete or cannot be loaded."""


class TtsError(SpeechError):
    """The interviewer's voice could not be rendered."""


__all__ = ["ModelError", "SpeechError", "TtsError"]
