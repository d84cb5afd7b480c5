"""Filler words, told apart from the same words used for their meaning, and filled pauses.

Three kinds of filler are found in the words:

- sounds that are always fillers ("um", "uh", "er", "ah", "hmm");
- phrases that are fillers unless the words around them give them a meaning ("you know",
  "I mean", "kind of", "sort of": "what kind of bug" is not a filler, "it was kind of slow" is);
- discourse words that are fillers only in some positions ("like", "so", "basically",
  "actually", "literally", "right"). Recognisers write no punctuation, so a position is read
  from the neighbouring words and the pauses between them.

Filled pauses are stretches of voice with no recognised word under them: a recogniser often
drops an "uh" or "mm" altogether, and voice activity still shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from simulator.core.analysis.numbers import NUMBER_WORDS
from simulator.core.analysis.tokens import (
    CLAUSE_GAP_S,
    Token,
    gap_after,
    gap_before,
    phrase_at,
    text_at,
)

SOUNDS = frozenset({"um", "uh", "er", "ah", "hmm", "erm", "uhm", "umm", "hm", "mm", "uhh", "ahh"})
PHRASES = ("you know", "i mean", "kind of", "sort of")
DISCOURSE = frozenset({"like", "so", "basically", "actually", "literally", "right"})

# Words after which a clause is likely to begin, as after a comma.
_JOINERS = frozenset({"and", "but", "or", "because", "then", "cause", "well", "yeah", "okay", "so"})
# "like" after these is a filler: "it was like three weeks", "and like we".
_LIKE_FILLER_PREV = frozenset(
    {"was", "were", "is", "are", "it's", "that's", "there's", "had", "have", "got", "took",
     "been", "be", "said", "about", "just", "with", "me", "went", "we're", "they're", "i'm"}
)  # fmt: skip
# "like" after these has its meaning: "I would like", "it looks like", "tools like git".
_LIKE_LITERAL_PREV = frozenset(
    {"would", "i'd", "we'd", "you'd", "they'd", "i", "we", "you", "they", "don't", "didn't",
     "do", "does", "did", "really", "not", "to", "feel", "feels", "felt", "look", "looks",
     "looked", "looking", "sound", "sounds", "sounded", "seem", "seems", "seemed", "something",
     "anything", "nothing", "things", "more", "much", "exactly", "people", "who",
     "also", "genuinely", "truly", "always"}
)  # fmt: skip
_KIND_LITERAL_PREV = frozenset(
    {"what", "which", "that", "this", "the", "a", "any", "some", "every", "one", "same",
     "different", "no", "other", "certain", "my", "our", "your", "their", "its", "his", "her",
     "particular", "new", "right", "wrong", "best", "first", "only", "these", "those", "all",
     "many", "two", "three", "whatever", "another", "each", "last", "next"}
)  # fmt: skip
_YOU_KNOW_LITERAL_PREV = frozenset(
    {"do", "did", "don't", "didn't", "would", "will", "if", "as", "what", "how", "let", "to",
     "can", "could", "should", "might", "may", "you'd", "whether", "that", "when"}
)  # fmt: skip
_KNOW_LITERAL_NEXT = frozenset(
    {"what", "how", "why", "where", "when", "who", "whether", "if", "that", "about", "him",
     "her", "them", "me", "it", "this", "those", "these", "anything", "something",
     "everything", "nothing", "each", "everyone", "somebody", "anyone", "more"}
)  # fmt: skip
_MEAN_LITERAL_PREV = frozenset({"what", "if", "that", "do", "did", "don't", "didn't", "you"})
_MEAN_LITERAL_NEXT = frozenset({"it", "that", "to", "this", "what", "by", "when", "is", "was"})
_RIGHT_LITERAL_PREV = frozenset(
    {"the", "a", "that's", "is", "was", "be", "all", "turn", "turned", "on", "exactly", "that",
     "it's", "were", "are", "quite", "not", "got", "get", "him", "her", "them", "you're",
     "i'm", "we're", "they're", "just", "right", "very", "done", "it", "go", "went", "left",
     "up", "out", "down", "did", "do"}
)  # fmt: skip
_RIGHT_LITERAL_NEXT = frozenset(
    {"now", "away", "after", "before", "here", "there", "thing", "way", "person", "call",
     "decision", "to", "time", "answer", "tool", "choice", "people", "balance", "one",
     "approach", "side", "into", "at", "in", "back", "off", "up", "questions", "level"}
)  # fmt: skip
# "like a month", "like twice the rate": an approximation, said as a filler.
_ROUGHLY_NEXT = frozenset({"twice", "half", "double", "triple", "maybe", "almost", "nearly"})
_AMOUNT_NOUNS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "dozen", "hundred", "thousand",
     "million", "billion", "couple", "few", "third", "quarter", "fifth", "tenth", "bunch"}
)  # fmt: skip
# "like super angry": a filler before an intensifier.
_INTENSIFIERS = frozenset({"super", "really", "totally", "so", "very", "completely", "crazy"})
# "basically the same", "basically identical": "essentially", a word with a meaning.
_ESSENTIALLY_NEXT = frozenset(
    {"identical", "same", "all", "everything", "nothing", "every", "none", "zero", "impossible",
     "useless", "unchanged", "free", "equal", "equivalent", "worthless"}
)  # fmt: skip
# "a similar sort of thing", "that kind of person": naming a kind.
_KIND_NOUNS = frozenset({"thing", "things", "person", "people", "stuff", "place", "problem"})
# "translated it literally", "took them literally": the manner of doing, not emphasis.
_LITERALLY_LITERAL_PREV = frozenset({"it", "them", "this", "that", "everything", "me", "him"})
_PAUSE_S = 0.25


@dataclass(frozen=True)
class Mention:
    """A word or phrase found in the answer: its text and where it is."""

    text: str
    start_s: float
    end_s: float
    index: int  # of its first token

    def to_json(self) -> dict[str, object]:
        return {"text": self.text, "start_s": round(self.start_s, 2)}


def _clause_start(tokens: Sequence[Token], i: int) -> bool:
    prev = text_at(tokens, i - 1)
    return prev is None or gap_before(tokens, i) >= CLAUSE_GAP_S or prev in _JOINERS


def _near_filler(tokens: Sequence[Token], i: int, length: int = 1) -> bool:
    """A sound filler or a filler-only word right before or after the span."""
    neighbours = (text_at(tokens, i - 1), text_at(tokens, i + length))
    return any(n in SOUNDS or n in ("basically", "literally") for n in neighbours if n)


def _phrase_is_filler(tokens: Sequence[Token], i: int, phrase: str) -> bool:
    prev, nxt = text_at(tokens, i - 1), text_at(tokens, i + 2)
    pause_after = gap_after(tokens, i + 1) >= _PAUSE_S
    if phrase == "you know":
        if prev in _YOU_KNOW_LITERAL_PREV:
            return False
        return pause_after or nxt is None or nxt not in _KNOW_LITERAL_NEXT
    if phrase == "i mean":
        if prev in _MEAN_LITERAL_PREV:
            return False
        return pause_after or nxt is None or nxt not in _MEAN_LITERAL_NEXT
    # "kind of" / "sort of": a hedge unless it names a kind ("what kind of", "a sort of",
    # "a similar sort of thing").
    return prev not in _KIND_LITERAL_PREV and nxt not in _KIND_NOUNS


def names_a_kind(tokens: Sequence[Token], i: int) -> bool:
    """Whether "kind of"/"sort of" at token ``i`` names a kind ("what kind of bug"): a word
    with a meaning, neither a filler nor a hedge."""
    return not _phrase_is_filler(tokens, i, "kind of")


def _word_is_filler(tokens: Sequence[Token], i: int) -> bool:
    word = tokens[i].text
    prev, nxt = text_at(tokens, i - 1), text_at(tokens, i + 1)
    clause_start = _clause_start(tokens, i)
    end_of_clause = nxt is None or gap_after(tokens, i) >= _PAUSE_S
    if word == "literally":
        return prev not in _LITERALLY_LITERAL_PREV and nxt != "word"
    if word == "basically":
        after_next = text_at(tokens, i + 2)
        essentially = nxt in _ESSENTIALLY_NEXT or (nxt == "the" and after_next == "same")
        return not essentially or end_of_clause
    if word == "like":
        if prev in _LIKE_LITERAL_PREV or nxt == "to":
            return False
        after_next = text_at(tokens, i + 2)
        pause_after = gap_after(tokens, i) >= _PAUSE_S
        if gap_before(tokens, i) >= _PAUSE_S and nxt is not None and nxt.endswith("ing"):
            return False  # "a demo, like dropping a raisin in water": an example
        if not pause_after and (
            nxt in ("that", "this") or (nxt in ("a", "an") and after_next not in _AMOUNT_NOUNS)
        ):
            return False  # "been like that", "the team was like a small country": likeness
        return (
            clause_start
            or prev in _LIKE_FILLER_PREV
            or (nxt is not None and (nxt in NUMBER_WORDS or nxt in _ROUGHLY_NEXT))
            or nxt in _INTENSIFIERS
            or (nxt in ("a", "an") and after_next in _AMOUNT_NOUNS)
            or _near_filler(tokens, i)
            or (gap_before(tokens, i) >= _PAUSE_S and end_of_clause)
        )
    if word == "so":
        # "So" opening an answer, "so um", "so basically", "and so, ..." trailing off; the
        # connective "so we shipped it" has its meaning.
        return (
            i == 0
            or _near_filler(tokens, i)
            or nxt in DISCOURSE
            or nxt in ("yeah", "anyway", "yes", "okay", "well")
            or prev == "so"
            or (prev in ("and", "but") and end_of_clause)
            or (nxt is None and gap_before(tokens, i) >= _PAUSE_S)
        )
    if word == "actually":
        if prev == "but" and not end_of_clause:
            return False  # "but actually he just needed time": a contrast
        return clause_start or _near_filler(tokens, i) or nxt is None
    if word == "right":
        # A pause after it parts it from the next word: "confusing, right. after that".
        if prev in _RIGHT_LITERAL_PREV or (nxt in _RIGHT_LITERAL_NEXT and not end_of_clause):
            return False
        return end_of_clause or _near_filler(tokens, i) or nxt in DISCOURSE or i == 0
    return False


def find_fillers(tokens: Sequence[Token]) -> list[Mention]:
    """Every filler in the answer, in order."""
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        phrase = next((p for p in PHRASES if phrase_at(tokens, i, p.split())), None)
        if phrase and _phrase_is_filler(tokens, i, phrase):
            found.append(Mention(phrase, token.start, tokens[i + 1].end, i))
            i += 2
            continue
        if token.text in SOUNDS or (token.text in DISCOURSE and _word_is_filler(tokens, i)):
            found.append(Mention(token.text, token.start, token.end, i))
        i += 1
    return found


def filled_pauses(
    tokens: Sequence[Token],
    voiced: Sequence[tuple[float, float]],
    min_s: float = 0.2,
    margin_s: float = 0.08,
) -> list[tuple[float, float]]:
    """(start_s, duration_s) of voice with no word under it, at least ``min_s`` long.

    Word edges are widened by ``margin_s``: voice activity and word times disagree by a frame
    or two, and those slivers are not filled pauses.
    """
    covered = sorted((t.start - margin_s, t.end + margin_s) for t in tokens)
    found: list[tuple[float, float]] = []
    for start, end in voiced:
        cursor = start
        for a, b in covered:
            if b <= cursor or a >= end:
                continue
            if a - cursor >= min_s:
                found.append((cursor, a - cursor))
            cursor = max(cursor, b)
        if end - cursor >= min_s:
            found.append((cursor, end - cursor))
    return [(round(s, 2), round(d, 2)) for s, d in found]


__all__ = ["DISCOURSE", "PHRASES", "SOUNDS", "Mention", "filled_pauses", "find_fillers"]
