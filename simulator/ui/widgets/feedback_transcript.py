"""The answer's transcript as rich text, with fillers, hedges and pauses marked where they were.

Pure functions (no Qt): recognised words and an analysis dict in, HTML for a ``QTextBrowser``
out. Every mark is a link ``mark:<seconds>`` to the moment it starts in the recording, so the
view can play from just before it. Each kind of mark has its own shape as well as its colour
(underlined, italic, a chip with words in it), and ``LEGEND`` says what each one means.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from simulator.core.analysis.tokens import normalise
from simulator.ui import style

MARK_SCHEME = "mark"
CHIP_BG = "#eceae4"
FILLER_STYLE = (
    f"background-color: {style.WARNING_BG}; color: {style.WARNING_FG}; "
    "text-decoration: underline; font-weight: 600;"
)
HEDGE_STYLE = f"background-color: {style.INFO_BG}; color: {style.INFO_FG}; font-style: italic;"
PAUSE_STYLE = f"background-color: {CHIP_BG}; color: {style.MUTED};"
LONG_PAUSE_STYLE = f"background-color: {style.ERROR_BG}; color: {style.ERROR_FG};"
_NBSP_VOICE = "(voice,&nbsp;no&nbsp;words)"
# Two words per mark kind: what it looks like, then what it means.
LEGEND = (
    (f'<span style="{FILLER_STYLE}">&nbsp;um&nbsp;</span>', "filler (underlined)"),
    (f'<span style="{HEDGE_STYLE}">&nbsp;I think&nbsp;</span>', "hedge (italic)"),
    (f'<span style="{PAUSE_STYLE}">&nbsp;‖&nbsp;1.4&nbsp;s&nbsp;</span>', "a silence"),
    (
        f'<span style="{LONG_PAUSE_STYLE}">&nbsp;‖&nbsp;3.1&nbsp;s&nbsp;long&nbsp;</span>',
        "a long silence",
    ),
    (
        f'<span style="{PAUSE_STYLE}">&nbsp;{_NBSP_VOICE}&nbsp;0.6&nbsp;s&nbsp;</span>',
        "a sound with no word, e.g. “uh”",
    ),
)
_MATCH_TOLERANCE_S = 0.1


@dataclass(frozen=True)
class WordMark:
    """A filler or hedge covering words ``first``..``last`` (indices into the sorted words)."""

    kind: str  # "filler" or "hedge"
    text: str
    start_s: float
    first: int
    last: int


def mark_href(seconds: float) -> str:
    return f"{MARK_SCHEME}:{seconds:.2f}"


def parse_mark(href: str) -> float | None:
    """The seconds of a ``mark:`` link, or None for any other link."""
    scheme, _, rest = href.partition(":")
    if scheme != MARK_SCHEME:
        return None
    try:
        return float(rest)
    except ValueError:
        return None


def _nbsp(text: str) -> str:
    return html.escape(text).replace(" ", "&nbsp;")


def _chip(seconds: float, text: str, css: str) -> str:
    return (
        f'<a href="{mark_href(seconds)}"><span style="{css}">&nbsp;{_nbsp(text)}&nbsp;</span></a>'
    )


def sorted_words(words: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return sorted((w for w in words if str(w.get("text", "")).strip()), key=_start)


def _start(word: Mapping[str, Any]) -> float:
    return float(word.get("start", 0.0))


def find_word_marks(
    words: Sequence[Mapping[str, Any]], analysis: Mapping[str, Any]
) -> list[WordMark]:
    """Where each filler and hedge of the analysis lies among the (sorted) words."""
    tokens = [
        (index, part, _start(word))
        for index, word in enumerate(words)
        for part in normalise(str(word.get("text", ""))).split()
    ]
    taken: set[int] = set()
    found: list[WordMark] = []
    # Fillers first: a phrase such as "kind of" can be both, and a filler is the stronger mark.
    for kind, key in (("filler", "fillers"), ("hedge", "hedges")):
        for mark in analysis.get(key) or []:
            phrase = [w for w in map(normalise, str(mark.get("text", "")).split()) if w]
            start_s = float(mark.get("start_s", 0.0))
            best: tuple[float, int] | None = None
            for i in range(len(tokens) - len(phrase) + 1):
                if [t[1] for t in tokens[i : i + len(phrase)]] != phrase:
                    continue
                distance = abs(tokens[i][2] - start_s)
                if distance <= _MATCH_TOLERANCE_S and (best is None or distance < best[0]):
                    best = (distance, i)
            if best is None or not phrase:
                continue
            first, last = tokens[best[1]][0], tokens[best[1] + len(phrase) - 1][0]
            if taken.intersection(range(first, last + 1)):
                continue
            taken.update(range(first, last + 1))
            found.append(WordMark(kind, str(mark.get("text", "")), start_s, first, last))
    return sorted(found, key=lambda m: m.first)


def _gap_chips(analysis: Mapping[str, Any]) -> list[tuple[float, str]]:
    """(time to place it at, html) for each pause and filled pause."""
    chips: list[tuple[float, str]] = []
    for pause in analysis.get("pauses") or []:
        start, length = float(pause["start_s"]), float(pause["duration_s"])
        long = bool(pause.get("long"))
        text = f"‖ {length:.1f} s" + (" long" if long else "")
        css = LONG_PAUSE_STYLE if long else PAUSE_STYLE
        chips.append((start + length / 2, _chip(start, text, css)))
    for filled in analysis.get("filled_pauses") or []:
        start, length = float(filled["start_s"]), float(filled["duration_s"])
        text = f"(voice, no words) {length:.1f} s"
        chips.append((start + length / 2, _chip(start, text, PAUSE_STYLE)))
    return sorted(chips, key=lambda chip: chip[0])


def transcript_html(words: Sequence[Mapping[str, Any]], analysis: Mapping[str, Any]) -> str:
    """The words in time order with every mark as a ``mark:`` link, as one HTML paragraph."""
    ordered = sorted_words(words)
    marks = {m.first: m for m in find_word_marks(ordered, analysis)}
    chips = _gap_chips(analysis)
    pieces: list[str] = []
    index = 0
    while index < len(ordered):
        start = _start(ordered[index])
        # A gap chip sits before the first word that starts after the middle of the gap;
        # recognisers stretch words over silences, so their edges cannot be trusted.
        while chips and chips[0][0] <= start:
            pieces.append(chips.pop(0)[1])
        mark = marks.get(index)
        if mark is None:
            pieces.append(html.escape(str(ordered[index]["text"])))
            index += 1
            continue
        said = " ".join(str(w["text"]) for w in ordered[mark.first : mark.last + 1])
        css = FILLER_STYLE if mark.kind == "filler" else HEDGE_STYLE
        pieces.append(
            f'<a href="{mark_href(mark.start_s)}"><span style="{css}">{_nbsp(said)}</span></a>'
        )
        index = mark.last + 1
    pieces.extend(chip for _, chip in chips)
    if not pieces:
        return "<p><i>No words were recognised in this answer.</i></p>"
    return '<p style="line-height: 165%;">' + " ".join(pieces) + "</p>"


__all__ = [
    "LEGEND",
    "WordMark",
    "find_word_marks",
    "mark_href",
    "parse_mark",
    "sorted_words",
    "transcript_html",
]
