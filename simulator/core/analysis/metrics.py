"""Timing and wording measures of one answer: pace, pauses, hedges, repetition, I and we.

Pauses come from voice activity in the recording, not from gaps between recognised words:
recognisers stretch words over short silences and drop sounds they cannot place, so word
gaps both miss pauses and invent them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from simulator.core.analysis.fillers import Mention, names_a_kind
from simulator.core.analysis.left_out import overlap_s, subtract
from simulator.core.analysis.tokens import Token, find_phrases

HEDGES = (
    "i think", "maybe", "i guess", "probably", "just", "sort of", "kind of", "i believe",
    "perhaps", "i feel like", "possibly", "somewhat", "i suppose", "a little bit",
    "pretty much", "more or less", "might",
)  # fmt: skip
I_WORDS = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"})
WE_WORDS = frozenset({"we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll"})
_STOP_TEXT = """a about above after again against all am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers herself him himself his how i if in into is
it its itself just let me more most my myself no nor not now of off on once only or other our
ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves
i'm i've i'd i'll we're we've we'd we'll it's that's there's they're don't didn't wasn't
weren't isn't aren't can't couldn't won't also really got get like well um uh er ah hmm yeah
okay oh one two three lot lots thing things way going went said say know mean kind sort
actually basically right us make made time since still even much many every everyone
something"""
STOPWORDS = frozenset(_STOP_TEXT.split())


@dataclass(frozen=True)
class Timing:
    """Durations of one answer, in seconds, measured from the start of its window."""

    duration_s: float
    speaking_s: float
    time_to_first_word_s: float | None
    pauses: list[tuple[float, float]]  # (start_s, duration_s), at least the listed minimum
    longest_pause_s: float
    silence_share: float


def clip_spans(
    spans: Sequence[tuple[float, float]], start: float, end: float
) -> list[tuple[float, float]]:
    """The parts of ``spans`` inside [start, end]."""
    clipped = [(max(a, start), min(b, end)) for a, b in spans]
    return [(a, b) for a, b in clipped if b > a]


def timing(
    tokens: Sequence[Token],
    voiced: Sequence[tuple[float, float]],
    window_start: float,
    end: float,
    pause_min_s: float,
    unknown: Sequence[tuple[float, float]] = (),
) -> Timing:
    """Timing measures; pauses are silences between voice, not before or after all of it.

    ``unknown``: time that is neither voice nor silence (Hotseat was making sound, see
    ``left_out``); a pause is only the silence outside it, and the silence share leaves it out.
    """
    duration = max(0.0, end - window_start)
    spans = clip_spans(sorted(voiced), window_start, end)
    speaking = sum(b - a for a, b in spans)
    gaps = [(spans[k][1], spans[k + 1][0] - spans[k][1]) for k in range(len(spans) - 1)]
    known = duration
    if unknown:
        gaps = [(a, b - a) for s, d in gaps for a, b in subtract([(s, s + d)], unknown)]
        known = max(0.0, duration - overlap_s((window_start, end), unknown))
    pauses = [(round(s, 2), round(d, 2)) for s, d in gaps if d >= pause_min_s]
    first = tokens[0].start - window_start if tokens else None
    if first is None and spans:
        first = spans[0][0] - window_start
    return Timing(
        duration_s=round(duration, 2),
        speaking_s=round(speaking, 2),
        time_to_first_word_s=None if first is None else round(max(0.0, first), 2),
        pauses=pauses,
        longest_pause_s=round(max((d for _, d in gaps), default=0.0), 2),
        silence_share=round(1.0 - speaking / known, 3) if known > 0 else 0.0,
    )


def find_hedges(tokens: Sequence[Token], fillers: Sequence[Mention] = ()) -> list[Mention]:
    """Hedges and weak words; a longer hedge hides the shorter ones inside it.

    Words already counted as ``fillers`` ("kind of" as a filler) are not counted again as a
    hedge: one phrase, one mark. "What kind of bug" names a kind and is neither.
    """
    as_fillers = {m.index + k for m in fillers for k in range(len(m.text.split()))}
    hits = sorted(find_phrases(tokens, HEDGES), key=lambda h: (h[0], -(h[1] - h[0])))
    found: list[Mention] = []
    covered_until = -1
    for start, end, phrase in hits:
        if start < covered_until or as_fillers.intersection(range(start, end)):
            continue
        if phrase in ("kind of", "sort of") and names_a_kind(tokens, start):
            continue
        found.append(Mention(phrase, tokens[start].start, tokens[end - 1].end, start))
        covered_until = end
    return found


def find_repetitions(tokens: Sequence[Token], skip: frozenset[str]) -> list[Mention]:
    """A word or a phrase of up to three words said again at once ("we we", "I was I was")."""
    texts = [t.text for t in tokens]
    found: list[Mention] = []
    i = 0
    while i < len(texts):
        for size in (3, 2, 1):
            a, b = texts[i : i + size], texts[i + size : i + 2 * size]
            if len(b) == size and a == b and not all(w in skip for w in a):
                phrase = " ".join(a)
                again = tokens[i + size : i + 2 * size]
                found.append(Mention(phrase, again[0].start, again[-1].end, i))
                i += size
                break
        else:
            i += 1
    return found


def repeated_phrases(tokens: Sequence[Token], min_count: int = 3) -> list[dict[str, object]]:
    """Two- and three-word phrases with a content word, used at least ``min_count`` times."""
    texts = [t.text for t in tokens]
    counts: Counter[str] = Counter()
    for size in (2, 3):
        for i in range(len(texts) - size + 1):
            gram = texts[i : i + size]
            if any(w not in STOPWORDS for w in gram):
                counts[" ".join(gram)] += 1
    common = [(p, c) for p, c in counts.items() if c >= min_count]
    # A two-word phrase only as often as a three-word one containing it adds nothing.
    kept = [
        (p, c)
        for p, c in common
        if not any(q != p and f" {p} " in f" {q} " and cq >= c for q, cq in common)
    ]
    kept.sort(key=lambda item: (-item[1], item[0]))
    return [{"text": p, "count": c} for p, c in kept[:10]]


def top_words(tokens: Sequence[Token], limit: int = 10) -> list[dict[str, object]]:
    """The most used content words (used at least twice)."""
    counts = Counter(
        t.text for t in tokens if t.text not in STOPWORDS and len(t.text) > 2 and t.text.isalpha()
    )
    return [{"text": w, "count": c} for w, c in counts.most_common(limit) if c >= 2]


def i_we(tokens: Sequence[Token]) -> dict[str, float | int]:
    """How often the answer says I (me, my) against we (us, our), as shares and counts."""
    i_count = sum(t.text in I_WORDS for t in tokens)
    we_count = sum(t.text in WE_WORDS for t in tokens)
    total = i_count + we_count
    return {
        "i": round(i_count / total, 3) if total else 0.0,
        "we": round(we_count / total, 3) if total else 0.0,
        "i_count": i_count,
        "we_count": we_count,
    }


__all__ = [
    "HEDGES",
    "Timing",
    "clip_spans",
    "find_hedges",
    "find_repetitions",
    "i_we",
    "repeated_phrases",
    "timing",
    "top_words",
]
