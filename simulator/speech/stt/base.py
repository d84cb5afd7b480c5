"""Word clean-up shared by the engines (their interface: ``core.recognizer.Recognizer``)."""

from __future__ import annotations

import re

from simulator.core.recognizer import Recognizer

SPHINX_MODEL_NAME = "en-us (built-in)"

_ALTERNATE_PRONUNCIATION = re.compile(r"\(\d+\)$")


def clean_word(token: str) -> str | None:
    """A recogniser's token as a plain lower-case word, or None for silence and noise markers.

    Sphinx marks alternate pronunciations as ``word(2)`` and fillers as ``<sil>``, ``[NOISE]``
    or ``++NOISE++``; Kaldi models emit ``<unk>`` and bracketed noise classes such as ``[9]``.
    """
    word = _ALTERNATE_PRONUNCIATION.sub("", token.strip())
    if not word or word[0] in "<[" or word.startswith("++"):
        return None
    return word.lower()


def clean_text(text: str) -> str:
    """A partial hypothesis with the same clean-up as the final words."""
    words = (clean_word(token) for token in text.split())
    return " ".join(word for word in words if word)


def join_text(*parts: str) -> str:
    return " ".join(part for part in parts if part)


__all__ = ["SPHINX_MODEL_NAME", "Recognizer", "clean_text", "clean_word", "join_text"]
