"""The interviewer's voices as the home page and the settings list them: English first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


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


__all__ = ["Voice", "sorted_voices"]
