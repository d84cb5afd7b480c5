"""A filler-aware second look at the parts of an answer the recogniser could not explain.

Language models turn filled pauses into words ("um" -> "on" or "am") or drop them, since
fillers are rare in the text they were trained on. This pass goes back to the audio only where
the first pass looks unsure: voice with no word under it, and short low-confidence words that
sound like fillers. Each such slot is decoded again by PocketSphinx with a tiny grammar: the
neighbouring recognised words, then either the first pass's words or fillers ("um", "uh",
"ah", "er", "hmm", all in its dictionary), then the next words. The acoustic match decides;
the neighbours anchor the timing and give the decoder enough audio to normalise against.

Each slot costs about 15 ms, so a two-minute answer with a dozen slots takes a fraction of a
second. Works for English audio only (the PocketSphinx model is US English).

Building a decoder loads the model (0.3-0.5 s, more than the slots cost): a caller that has
just transcribed with PocketSphinx lends its decoder, else each thread keeps one of its own
for every answer it analyses. Either way its feature computation (the cepstral mean among
it) is first reset as it was when built, so an answer's fillers are what a fresh decoder
finds, whatever the decoder heard before (``set_cmn(cmninit)`` alone did not do it).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from pocketsphinx import Decoder

from simulator.core.transcript import Word

RATE = 16000
FILLERS = ("um", "uh", "ah", "er", "hmm")
# Words a recogniser writes for a filler, and its own filler spellings.
CONFUSABLE = frozenset(
    {"on", "am", "a", "an", "and", "uh", "um", "ah", "er", "her", "their", "the", "oh", "or",
     "are", "huh", "h", "m", "mm", "hm", "hmm", "uhm", "umm", "in", "i'm", "of", "own", "one",
     "him", "them", "ha", "eh", "err", "were", "arm", "um's", "aah"}
)  # fmt: skip
SUSPECT_CONF = 0.6
MIN_UNEXPLAINED_S = 0.12  # voice with no word under it shorter than this is left alone
CONTEXT_WORDS = 2
MAX_CONTEXT_S = 1.2
EDGE_PAD_S = 0.3
_FRAME_S = 0.01
_JSGF_WORD = re.compile(r"^[a-z][a-z']*$")


@dataclass(frozen=True)
class FillerHit:
    """A filler found by the pass, and the indices of first-pass words it replaces."""

    text: str
    start: float
    end: float
    replaces: tuple[int, ...]


@dataclass
class _Slot:
    start: float
    end: float
    replaces: list[int]


_local = threading.local()


def _decoder() -> Decoder:
    """One decoder per thread (building one loads the model, about 0.5 s)."""
    decoder = getattr(_local, "decoder", None)
    if decoder is None:
        decoder = Decoder(loglevel="FATAL")
        _local.decoder = decoder
    return decoder


def _suspect(word: Word) -> bool:
    text = word.text.lower()
    if len(text) == 1 and text not in ("a", "i"):
        return True  # spelt-out sounds: "hmm" comes out as "h m m"
    return text in CONFUSABLE and word.conf < SUSPECT_CONF


def _slots(
    words: Sequence[Word], voiced: Sequence[tuple[float, float]], margin: float = 0.05
) -> list[_Slot]:
    slots = [_Slot(w.start, w.end, [i]) for i, w in enumerate(words) if _suspect(w)]
    for start, end in voiced:
        cursor = start
        for w in words:
            if w.end + margin <= cursor or w.start - margin >= end:
                continue
            if w.start - margin - cursor >= MIN_UNEXPLAINED_S:
                slots.append(_Slot(cursor, w.start - margin, []))
            cursor = max(cursor, w.end + margin)
        if end - cursor >= MIN_UNEXPLAINED_S:
            slots.append(_Slot(cursor, end, []))
    slots.sort(key=lambda s: s.start)
    merged: list[_Slot] = []
    for slot in slots:
        if merged and slot.start - merged[-1].end <= 0.12:
            merged[-1].end = max(merged[-1].end, slot.end)
            merged[-1].replaces = sorted(set(merged[-1].replaces + slot.replaces))
        else:
            merged.append(slot)
    return merged


def _known(decoder: Decoder, word: str) -> bool:
    return bool(_JSGF_WORD.match(word)) and decoder.lookup_word(word) is not None


def _grammar(before: list[str], original: list[str], after: list[str]) -> str:
    fillers = " | ".join(FILLERS)
    middle = f"( {' '.join(original)} | <f> [<f>] )" if original else "[<f> [<f>]]"
    body = " ".join([*before, middle, *after])
    return f"#JSGF V1.0;\ngrammar fillers;\n<f> = {fillers};\npublic <s> = {body};\n"


def _context(
    decoder: Decoder, words: Sequence[Word], indices: range, limit_s: float, toward: float
) -> list[int]:
    """Up to CONTEXT_WORDS known, adjacent words, stopping at an unknown one."""
    picked: list[int] = []
    for i in indices:
        if len(picked) == CONTEXT_WORDS or abs(toward - words[i].start) > limit_s:
            break
        if not _known(decoder, words[i].text):
            break
        picked.append(i)
    return picked


class Pcm(Protocol):
    """16 kHz mono int16 audio that slices like bytes: bytes itself, or PcmOnDisk."""

    def __len__(self) -> int: ...

    def __getitem__(self, span: slice, /) -> bytes: ...


def find_fillers(
    pcm: Pcm,
    words: Sequence[Word],
    voiced: Sequence[tuple[float, float]],
    progress: Callable[[float], None] | None = None,
    decoder: Decoder | None = None,
) -> list[FillerHit]:
    """Fillers in the unexplained or unsure parts of a 16 kHz mono int16 recording.

    ``progress`` hears the time in seconds reached so far. ``decoder``: a PocketSphinx
    decoder to use (and keep: its search and front end are reset), else this thread's own.
    """
    if decoder is None:
        decoder = _decoder()
    # A decoder's front end carries state from utterance to utterance: reset it, or this
    # answer's fillers would depend on what the decoder heard before (about 0.02 ms).
    decoder.reinit_feat()
    hits: list[FillerHit] = []
    total_s = len(pcm) / 2 / RATE
    replaced_anywhere: set[int] = set()
    for slot in _slots(words, voiced):
        if progress is not None:
            progress(slot.start)
        replaces = [i for i in slot.replaces if i not in replaced_anywhere]
        original = [words[i].text.lower() for i in replaces]
        if not all(_known(decoder, w) for w in original):
            continue
        first = replaces[0] if replaces else sum(w.end <= slot.start for w in words)
        last = replaces[-1] + 1 if replaces else first
        before = _context(decoder, words, range(first - 1, -1, -1), MAX_CONTEXT_S, slot.start)
        after = _context(decoder, words, range(last, len(words)), MAX_CONTEXT_S, slot.end)
        before.reverse()
        start = words[before[0]].start if before else max(0.0, slot.start - EDGE_PAD_S)
        end = words[after[-1]].end if after else min(total_s, slot.end + EDGE_PAD_S)
        grammar = _grammar(
            [words[i].text.lower() for i in before],
            original,
            [words[i].text.lower() for i in after],
        )
        found = _decode(decoder, pcm[int(start * RATE) * 2 : int(end * RATE) * 2], grammar)
        if found:
            # "um uh" back to back is one hesitation; the longer sound names it.
            text = max(found, key=lambda f: f[2] - f[1])[0]
            a, b = found[0][1], found[-1][2]
            hits.append(FillerHit(text, start + a, start + b, tuple(replaces)))
            replaced_anywhere.update(replaces)
    return hits


def _decode(decoder: Decoder, audio: bytes, grammar: str) -> list[tuple[str, float, float]]:
    """(filler, start, end) in seconds from the chunk's start, if the grammar chose fillers."""
    if len(audio) < 2 * int(0.1 * RATE):
        return []
    try:
        decoder.add_jsgf_string("fillers", grammar)
    except ValueError:
        return []  # a word the grammar parser refuses; leave the first pass's words alone
    decoder.activate_search("fillers")
    decoder.start_utt()
    decoder.process_raw(audio, False, True)
    decoder.end_utt()
    segments = decoder.seg() or ()
    found = []
    for seg in segments:
        word = re.sub(r"\(\d+\)$", "", seg.word)
        if word in FILLERS:
            found.append((word, seg.start_frame * _FRAME_S, (seg.end_frame + 1) * _FRAME_S))
    return found


def apply_hits(words: Sequence[Word], hits: Sequence[FillerHit]) -> tuple[Word, ...]:
    """The words with replaced ones removed and the fillers put in, in time order."""
    dropped = {i for hit in hits for i in hit.replaces}
    kept = [w for i, w in enumerate(words) if i not in dropped]
    added = [Word(h.text, round(h.start, 3), round(h.end, 3), 1.0) for h in hits]
    return tuple(sorted(kept + added, key=lambda w: (w.start, w.end)))


__all__ = ["FILLERS", "FillerHit", "Pcm", "apply_hits", "find_fillers"]
