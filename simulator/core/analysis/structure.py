"""Which parts of an answer framework (STAR, PEP, CAR) an answer seems to have, and where.

A heuristic from wording. Cue phrases suggest a part has begun ("my task was" the Task, "as a
result" the Result); so does grammar: "I" with a verb in the past tense is Action, and in an
opinion answer (PEP) a measured figure is Evidence and "I'd" with a verb a Proposal. The answer
is cut into the framework's parts in their usual order where the cues agree best; a part with
no cue inside it is reported as not found, except the opening: a story's first words set the
scene even when they carry no cue. It reads wording, not meaning, so everything it reports is
what the answer *seems* to do.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from typing import Any

from simulator.core.analysis.numbers import find_figures
from simulator.core.analysis.structure_cues import CUES
from simulator.core.analysis.tokens import Token, find_phrases, text_at

FRAMEWORK_PARTS: dict[str, tuple[str, ...]] = {
    "STAR": ("situation", "task", "action", "result"),
    "PEP": ("problem", "evidence", "proposal"),
    "CAR": ("context", "action", "result"),
}


# "I" and a verb in the past tense is the grammar of Action ("i profiled it", "i pulled two
# people off"), whatever the verb. Verbs that set the scene or the task instead are left out.
_IRREGULAR_PAST = frozenset(
    {
        "built", "wrote", "made", "took", "went", "ran", "sat", "spoke", "got", "put", "set",
        "brought", "told", "sent", "kept", "led", "began", "chose", "drew", "gave", "held",
        "left", "met", "paid", "sought", "sold", "spent", "stood", "taught", "threw", "won",
        "cut", "broke", "rewrote", "rang", "caught", "fought", "dug", "hid", "split", "shut",
        "stuck", "swapped", "drove", "flew",
    }
)  # fmt: skip
_NOT_ACTION = frozenset(
    {
        "needed", "wanted", "joined", "worked", "used", "liked", "loved", "hated", "realised",
        "realized", "noticed", "learned", "learnt", "managed", "owned", "supposed", "expected",
        "asked", "tasked", "assigned", "started", "was", "had", "said", "thought", "knew",
        "felt", "heard", "saw", "inherited",
    }
)  # fmt: skip
# The opening of an answer is its setting unless a later part's cue comes almost at once.
MIN_OPENING_WORDS = 6
# Words that begin an answer without saying anything yet ("sure so", "yeah good question").
_PREAMBLE = frozenset(
    {
        "sure", "yeah", "yes", "okay", "ok", "so", "well", "right", "um", "uh", "honestly",
        "good", "question",
    }
)  # fmt: skip


def _past_action(tokens: Sequence[Token], i: int) -> bool:
    if tokens[i].text != "i" or i + 1 >= len(tokens):
        return False
    verb = tokens[i + 1].text
    after = tokens[i + 2].text if i + 2 < len(tokens) else ""
    if verb in _NOT_ACTION or (verb == "took" and after == "over"):  # "i took over a team"
        return False
    return verb in _IRREGULAR_PAST or (len(verb) > 4 and verb.endswith("ed"))


# In an opinion answer, "i'd" or "i would" with a verb is usually the proposal ("i'd put the
# next sprint into onboarding"), except for verbs that hedge or object.
_NOT_PROPOSAL = frozenset(
    {
        "be", "push", "argue", "think", "say", "guess", "imagine", "worry", "question",
    }
)  # fmt: skip


def _pep_cues(tokens: Sequence[Token]) -> list[tuple[int, str, str]]:
    """Cues from the grammar of an opinion answer: measured figures are evidence, and
    "i'd" or "i would" with a verb is a proposal."""
    cues = [
        (figure.index, "evidence", figure.written)
        for figure in find_figures(tokens)
        if figure.unit in ("percent", "money", "duration", "count")
    ]
    for i, token in enumerate(tokens):
        if token.text == "i'd":
            verb_at = i + 1
        elif token.text == "i" and text_at(tokens, i + 1) == "would":
            verb_at = i + 2
        else:
            continue
        verb = text_at(tokens, verb_at)
        if verb is not None and verb not in _NOT_PROPOSAL:
            cues.append((i, "proposal", f"{token.text} {verb}"))
    return cues


def find_cues(tokens: Sequence[Token], framework: str) -> list[tuple[int, str, str]]:
    """(token index, part, cue phrase) for every cue of the framework's parts."""
    cues: list[tuple[int, str, str]] = []
    for part in FRAMEWORK_PARTS[framework]:
        for start, _end, phrase in find_phrases(tokens, CUES[part]):
            cues.append((start, part, phrase))
    if framework == "PEP":
        cues += _pep_cues(tokens)
    if "action" in FRAMEWORK_PARTS[framework]:
        cued = {index for index, part, _ in cues if part == "action"}
        for i in range(len(tokens)):
            if i not in cued and _past_action(tokens, i):
                cues.append((i, "action", f"i {tokens[i + 1].text}"))
    return sorted(cues)


def best_bounds(cues: Sequence[tuple[int, int]], part_count: int, n: int) -> tuple[int, ...]:
    """Part boundaries ``(0, b1, ..., n)`` for cues given as (token index, part number).

    The parts cover the answer in order; the boundaries are chosen among the cue positions so
    that the most cues fall inside their own part. On a tie the reading that finds more parts
    wins ("we launched a new page" opening a story is its setting, not its result, when an
    action and a result follow), then the earliest boundaries. Dynamic programming over the
    candidate positions: parts x positions squared, where trying every combination of
    boundaries took over a second on a long, rambling answer.
    """
    candidates = sorted({0, n, *(index for index, _ in cues)})
    last = len(candidates) - 1
    # before[k][j]: how many cues of part k lie before candidates[j].
    before = []
    for k in range(part_count):
        own = sorted(index for index, part in cues if part == k)
        before.append([bisect.bisect_left(own, c) for c in candidates])
    # For each position where the parts so far end: (cues inside their own part, parts with
    # a cue, the boundaries negated so that max() prefers the earliest).
    Key = tuple[int, int, tuple[int, ...]]
    best: dict[int, Key] = {0: (0, 0, ())}
    for k in range(part_count):
        final = k == part_count - 1
        reached: dict[int, Key] = {}
        for a, (score, found, path) in best.items():
            for b in [last] if final else range(a, last + 1):
                inside = before[k][b] - before[k][a]
                key = (
                    score + inside,
                    found + (inside > 0),
                    path if final else (*path, -candidates[b]),
                )
                if b not in reached or key > reached[b]:
                    reached[b] = key
        best = reached
    return (0, *(-x for x in best[last][2]), n)


def segment(tokens: Sequence[Token], framework: str) -> dict[str, tuple[int, int] | None]:
    """Each part's (first token, end token exclusive), or None where no cue supports it.

    The boundaries are ``best_bounds``; a part with no cue of its own is not found, except
    that the words before the first part found set the scene when there are enough of them.
    """
    parts = FRAMEWORK_PARTS[framework]
    n = len(tokens)
    cues = find_cues(tokens, framework)
    if not cues:
        return dict.fromkeys(parts)
    bounds = best_bounds([(index, parts.index(part)) for index, part, _ in cues], len(parts), n)
    own_cues: list[list[int]] = [
        [index for index, p, _ in cues if bounds[k] <= index < bounds[k + 1] and p == part]
        for k, part in enumerate(parts)
    ]
    starts: list[int | None] = []
    for k in range(len(parts)):
        if not own_cues[k]:
            starts.append(None)
        elif k == 0 or starts[k - 1] is not None:
            starts.append(bounds[k])
        else:
            # The part before was not found: the words before this part's first cue belong to
            # no part rather than to this one.
            starts.append(own_cues[k][0])
    if starts[0] is None:
        # Nobody opens with the action: words before the first part found set the scene.
        opening = next((s for s in starts if s is not None), n)
        first = 0
        while first < opening and tokens[first].text in _PREAMBLE:
            first += 1
        if opening - first >= MIN_OPENING_WORDS:
            starts[0] = first
    result: dict[str, tuple[int, int] | None] = {}
    for k, part in enumerate(parts):
        start = starts[k]
        if start is None:
            result[part] = None
            continue
        later = [s for s in starts[k + 1 :] if s is not None]
        result[part] = (start, later[0] if later else n)
    return result


def ordered_parts(structure: Mapping[str, Any] | None) -> list[tuple[str, Any]]:
    """The ``parts`` of a report's ``structure`` in the framework's order (Situation, Task,
    Action, Result), whatever order they were stored in: the store writes JSON with sorted
    keys, which would list them alphabetically. Parts of no known framework keep their order.
    """
    if not structure:
        return []
    parts = structure.get("parts")
    if not isinstance(parts, Mapping):
        return []
    known = FRAMEWORK_PARTS.get(str(structure.get("framework", "")), ())
    order = [p for p in known if p in parts] + [p for p in parts if p not in known]
    return [(part, parts[part]) for part in order]


__all__ = ["FRAMEWORK_PARTS", "best_bounds", "find_cues", "ordered_parts", "segment"]
