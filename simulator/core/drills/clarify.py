"""Clarify first: the vague asking of a question, hearing a question in the candidate's words,
and picking the clarification that answers it.

The recogniser gives words without punctuation, so a question is recognised by its shape:
a question word (what, which, how...) not followed by a pronoun ("what I would do", "what it
does is" are not questions) nor by a verb and "was" ("what happened was"); where, when, why
and how must go on with an auxiliary ("where does it") or, for how, a degree ("how long"),
as "where it scans" and "when users complained" are parts of statements. Or a clause that
opens with a verb and a subject ("is it", "do you", "can I"). What the candidate asked runs
from that word to the end of what they said (tests/core/drills/test_clarify_sentences.py
holds the sentences this is judged on).
"""

from __future__ import annotations

import re

from simulator.core.packs import Question

_WH = {"what", "which", "who", "whom", "whose", "where", "when", "why", "how"}
_WH_SHORT = {"what's", "who's", "where's", "when's", "how's", "why's", "whats", "hows"}
_AUX = {
    "is", "are", "was", "were", "do", "does", "did", "can", "could", "should", "would",
    "will", "shall", "may", "might", "has", "have", "had", "am", "isn't", "aren't", "don't",
    "doesn't", "didn't", "can't", "won't", "shouldn't", "wouldn't",
}  # fmt: skip
_SUBJECTS = {
    "i", "we", "you", "they", "it", "there", "this", "that", "these", "those", "the", "our",
    "your", "he", "she",
}  # fmt: skip
# Subjects of a yes/no question that are also words worth matching: "do users see it".
_NOUN_SUBJECTS = {"users", "people", "customers", "we've", "you've"}
# After these, a question word starts a statement: "I know how", "that's what", "is why".
_NOT_ASKING_AFTER = {
    "know", "knew", "see", "saw", "understand", "explain", "tell", "show", "decide", "is",
    "that's", "thats", "exactly", "about", "of", "on", "matter", "matters", "depends",
    "regardless", "no", "figure", "find", "out", "learn", "check",
}  # fmt: skip
# A pronoun right after a question word makes it a clause, not a question: "what it does is".
_STATEMENT_SUBJECTS = {
    "i", "we", "they", "i'd", "we'd", "i'll", "we'll", "i'm", "we're", "it", "it's", "he",
    "she", "he's", "she's", "you", "you're", "you'd", "you'll", "they're", "they'd",
    "they'll", "this", "that", "these", "those", "there", "there's", "that's",
}  # fmt: skip
# Where, when, why and how ask only with an auxiliary next ("how does it") or one of these.
_ADVERB_WH = {"where", "when", "why", "how"}
_ASKING_AFTER_ADVERB = {"not", "exactly", "else", "come", "about", "so"}
_HOW_DEGREE = {
    "long", "many", "much", "fast", "often", "big", "large", "small", "soon", "far", "old",
    "slow", "quick", "quickly", "important", "bad", "good", "well", "hard", "likely",
    "urgent", "early", "late", "accurate", "reliable", "strict", "flexible",
}  # fmt: skip
# Words that may open a clause before a yes/no question: "so is it", "okay do you".
_OPENERS = {"so", "and", "but", "okay", "ok", "right", "then", "also", "um", "uh", "well",
            "sorry", "first", "question", "just", "oh", "alright"}  # fmt: skip
_MAX_ASKED_WORDS = 20

_STOP = _WH | _AUX | _SUBJECTS | _OPENERS | {
    "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "at", "by", "from", "it's",
    "be", "been", "being", "me", "my", "us", "them", "their", "its", "if", "about", "any",
    "some", "more", "most", "very", "much", "many", "kind", "sort", "mean", "exactly", "just",
    "like", "get", "got", "say", "said", "ask", "question", "quick", "mostly", "not", "no",
    "yes", "would", "want", "need", "know", "think", "one", "go", "going", "make", "we'd",
    "you'd", "i'd", "there's", "that's",
}  # fmt: skip
# A question about time, people, money or a target may match such an answer without sharing
# its words: "how long do I have" and "two engineers for about a month".
_TOPICS = (
    ({"long", "deadline", "time"}, {"day", "week", "month", "quarter", "year", "deadline"}),
    ({"when", "since"}, {"last", "since", "ago", "after", "spring", "summer", "year"}),
    ({"who", "many", "team", "users", "people", "customers"},
     {"user", "people", "customer", "team", "engineer", "person", "employee"}),
    ({"much", "budget", "cost", "money", "spend"}, {"budget", "cost", "money", "spend"}),
    ({"goal", "target", "success", "fast", "enough", "good"},
     {"goal", "target", "under", "improve", "improvement", "second", "better"}),
)  # fmt: skip
TOPIC_WEIGHT = 0.5


def vague_text(question: Question) -> str:
    """How the interviewer asks ``question`` in the clarify-first drill.

    A ``clarifying`` question is vague as written ("Improve our onboarding."): it is asked
    as is. Any other question is cut to its first sentence, so the specifics that follow
    (the audience, the limits, what to cover) are left for the candidate to ask about.
    """
    if question.category == "clarifying":
        return question.text
    match = re.match(r"(.+?[.?!])(\s|$)", question.text.strip())
    return match.group(1) if match else question.text


def normalise(words: tuple[str, ...]) -> list[str]:
    cleaned = (re.sub(r"[^\w']", "", word.lower().replace("’", "'")) for word in words)
    return [word for word in cleaned if word]


def find_question(words: tuple[str, ...]) -> str | None:
    """The last question in ``words`` (one utterance), as a sentence, or None."""
    said = normalise(words)
    start = None
    for index, word in enumerate(said):
        before = said[index - 1] if index else ""
        after = said[index + 1] if index + 1 < len(said) else ""
        then = said[index + 2] if index + 2 < len(said) else ""
        if _opens_wh_question(word, before, after, then) or _opens_yes_no(
            word, before, after, index
        ):
            start = index
    if start is None:
        return None
    asked = said[start : start + _MAX_ASKED_WORDS]
    sentence = " ".join("I" if word == "i" else word for word in asked)
    return sentence[0].upper() + sentence[1:] + "?"


def _opens_wh_question(word: str, before: str, after: str, then: str) -> bool:
    if word in _WH_SHORT:
        return True
    # "what happened was", "what matters is": a verb, then was or is, opens a statement.
    if after.endswith(("ed", "s")) and after not in _AUX and then in {"was", "is"}:
        return False
    if word not in _WH or after in _STATEMENT_SUBJECTS or before in _NOT_ASKING_AFTER:
        return False
    if word in _ADVERB_WH:
        degree = _HOW_DEGREE if word == "how" else set()
        return not after or after in _AUX | _ASKING_AFTER_ADVERB | degree  # "okay but why"
    return True


def _opens_yes_no(word: str, before: str, after: str, index: int) -> bool:
    opens_clause = index == 0 or before in _OPENERS
    return word in _AUX and after in _SUBJECTS | _NOUN_SUBJECTS and opens_clause


def stem(word: str) -> str:
    """A crude stem so "pages" meets "page" and "users" meets "user" (both sides alike)."""
    word = word.lower().removesuffix("'s")
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_stems(text: str) -> set[str]:
    return {stem(word) for word in normalise(tuple(text.split())) if word not in _STOP}


def best_clarification(asked: str, clarifications: tuple[str, ...]) -> str | None:
    """The clarification that best answers ``asked``, or None when none shares anything.

    Each shared content word scores 1 divided by how many clarifications contain it, so a
    word only one of them has counts most; a question about time, people, money or a target
    also scores ``TOPIC_WEIGHT`` for each word of that topic in an answer (at most two).
    Ties go to the earlier one.
    """
    asked_stems = content_stems(asked)
    asked_words = set(normalise(tuple(asked.split())))
    stems = [content_stems(text) for text in clarifications]
    best, best_score = None, 0.0
    for text, own in zip(clarifications, stems, strict=True):
        # Summed in a fixed order: set order changes between runs, and float sums with it.
        score = sum(1 / sum(s in other for other in stems) for s in sorted(asked_stems & own))
        for cues, answers in _TOPICS:
            if asked_words & cues:
                score += TOPIC_WEIGHT * min(2, len(own & answers))
        if score > best_score:
            best, best_score = text, score
    return best
