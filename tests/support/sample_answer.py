"""A scripted answer with consistent words and analysis, for window tests and screenshots.

A script is text with ``| pause 1.4 |`` (silence) and ``| voice 0.6 |`` (voice with no words)
between stretches of words; each word takes 0.3 s with 0.06 s gaps. The analysis is the real
``core.analysis.analyze`` of those words and voice spans, so what a view shows is what the
analysis would say.
"""

from __future__ import annotations

from typing import Any

from simulator.core.analysis import analyze
from simulator.core.transcript import Transcript, Word


def made_up_answer(
    script: str,
    framework: str = "STAR",
    band: tuple[float, float] = (60, 120),
    start_s: float = 0.5,
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Words (as the answer_saved event has them) and their analysis."""
    words: list[Word] = []
    spans: list[tuple[float, float]] = []
    t = start_s
    for chunk in (part.strip() for part in script.split("|")):
        kind, _, rest = chunk.partition(" ")
        if kind in ("pause", "voice"):
            if kind == "voice":
                spans.append((t, t + float(rest)))
            t += float(rest) + 0.05
            continue
        for text in chunk.split():
            words.append(Word(text, round(t, 3), round(t + 0.3, 3), 0.9))
            spans.append((t, t + 0.3))
            t += 0.36
    merged: list[tuple[float, float]] = []
    for begin, end in spans:
        if merged and begin - merged[-1][1] < 0.3:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((begin, end))
    transcript = Transcript(tuple(words), "pocketsphinx", "en-us (built-in)", t + 0.5)
    analysis = analyze(transcript, merged, framework=framework, band=band)
    return [word.to_json() for word in words], analysis
