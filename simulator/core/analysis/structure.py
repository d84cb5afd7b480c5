"""Which parts of an answer framework (STAR, PEP, CAR) an answer seems to have, and where.

A heuristic from cue phrases: "my task was" suggests the Task has begun, "as a result" the
Result. The answer is cut into the framework's parts in their usual order at the places that
agree best with the cues; a part with no cue of its own inside it is reported as not found.
It reads wording, not meaning, so everything it reports is what the answer *seems* to do.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from simulator.core.analysis.tokens import Token, find_phrases

FRAMEWORK_PARTS: dict[str, tuple[str, ...]] = {
    "STAR": ("situation", "task", "action", "result"),
    "PEP": ("problem", "evidence", "proposal"),
    "CAR": ("context", "action", "result"),
}

_SITUATION = (
    "at my last job", "at my previous job", "in my last role", "in my previous role",
    "in my last job", "in my previous job", "at my old company", "at my last company",
    "at my previous company", "when i was", "when i worked", "a few years ago", "last year",
    "back in", "at the time", "there was a time", "one time", "a couple of years ago",
    "the situation was", "the situation", "we were working", "i was working", "i was leading",
    "our team was", "my team was", "i was part of", "i joined", "during my", "while i was",
    "a few months ago", "in my first", "early in my", "last summer", "last quarter",
    "we had a", "i was on", "i worked on", "i was a",
)  # fmt: skip
_TASK = (
    "my task", "my job was", "my role was", "my responsibility", "i was responsible",
    "i was asked to", "i was tasked", "i had to", "i needed to", "we needed to", "we had to",
    "the goal was", "our goal was", "my goal was", "the task was", "the challenge was",
    "i was supposed to", "it was my job", "i had been asked", "the aim was", "i owned",
    "i was in charge", "the deadline was", "i was given",
)  # fmt: skip
_ACTION = (
    "so i", "i decided", "what i did", "i started", "i set up", "i created", "i built",
    "i wrote", "first i", "i organized", "i organised", "i proposed", "i talked to",
    "i reached out", "i spoke with", "i spoke to", "i scheduled", "i suggested",
    "my approach", "i sat down", "i went", "i began", "i called", "i asked", "i met with",
    "i put together", "i broke", "i split", "i introduced", "i ran", "i drafted", "i took",
    "i worked with", "i paired", "i rewrote", "i added", "i changed", "i arranged",
    "i brought", "i gathered", "i prioritized", "i prioritised", "i moved", "i offered",
    "i made", "i designed", "i tested", "i checked", "to fix", "i spent", "then i",
    "next i", "after that i", "i focused", "i listened", "we decided", "i automated",
    "i documented", "i mapped", "i invited", "i pushed", "i escalated",
)  # fmt: skip
_RESULT = (
    "as a result", "in the end", "the result", "ended up", "we saw", "this led to",
    "that led to", "which led to", "the outcome", "we shipped", "we delivered", "we launched",
    "we reduced", "we cut", "we increased", "we improved", "we saved", "it reduced", "it cut",
    "it saved", "which cut", "which saved", "which reduced", "which meant", "that meant",
    "i learned", "i learnt", "the lesson", "since then", "by the end", "in the end",
    "we finished", "we hit", "we met the", "we got", "went down", "went up", "dropped",
    "were down", "was down", "were up", "was up", "the impact", "finally", "afterwards",
    "the team now", "now the", "we closed", "the client", "it worked", "the fix worked",
    "we won", "successfully", "on time", "was promoted",
)  # fmt: skip
_PROBLEM = (
    "the problem", "the issue", "our problem", "the challenge", "was failing", "were failing",
    "kept failing", "were losing", "was losing", "we were losing", "struggling", "was broken",
    "were broken", "pain point", "wasn't working", "was not working", "didn't work",
    "was too slow", "were too slow", "complained", "the risk", "the concern", "went wrong",
    "the trouble", "was slow", "kept breaking", "was costing", "were complaining",
)  # fmt: skip
_EVIDENCE = (
    "data showed", "the data", "we found", "i found", "the numbers", "evidence", "we measured",
    "i measured", "analysis showed", "tests showed", "the logs", "for example",
    "according to", "survey", "we saw that", "i saw that", "it turned out", "turned out",
    "metrics", "dashboards", "benchmark", "a b test", "a/b test", "when we looked",
    "when i looked", "showed that", "shows that", "research", "we traced", "i traced",
    "we noticed", "i noticed", "the study", "feedback showed", "interviews showed",
)  # fmt: skip
_PROPOSAL = (
    "i propose", "i'd propose", "i would propose", "i'd suggest", "i would suggest",
    "i suggest", "i recommend", "i'd recommend", "i would recommend", "my proposal",
    "my recommendation", "we should", "the fix is", "the fix was", "my suggestion",
    "so we added", "what i'd do", "what i would do", "the solution", "my plan", "the plan is",
    "i'd like to", "going forward", "the next step", "instead we", "we could",
)  # fmt: skip

CUES: dict[str, tuple[str, ...]] = {
    "situation": _SITUATION,
    "context": _SITUATION + _TASK,
    "task": _TASK,
    "action": _ACTION,
    "result": _RESULT,
    "problem": _PROBLEM,
    "evidence": _EVIDENCE,
    "proposal": _PROPOSAL,
}


def find_cues(tokens: Sequence[Token], framework: str) -> list[tuple[int, str, str]]:
    """(token index, part, cue phrase) for every cue of the framework's parts."""
    cues: list[tuple[int, str, str]] = []
    for part in FRAMEWORK_PARTS[framework]:
        for start, _end, phrase in find_phrases(tokens, CUES[part]):
            cues.append((start, part, phrase))
    return sorted(cues)


def segment(tokens: Sequence[Token], framework: str) -> dict[str, tuple[int, int] | None]:
    """Each part's (first token, end token exclusive), or None where no cue supports it.

    Boundaries are chosen among the cue positions so that the most cues fall inside their own
    part, the parts kept in the framework's order; ties go to the earliest boundaries.
    """
    parts = FRAMEWORK_PARTS[framework]
    n = len(tokens)
    cues = find_cues(tokens, framework)
    if not cues:
        return dict.fromkeys(parts)
    candidates = sorted({0, n, *(index for index, _, _ in cues)})
    best: tuple[int, tuple[int, ...]] | None = None
    for cut in itertools.combinations_with_replacement(candidates, len(parts) - 1):
        bounds = (0, *cut, n)
        score = 0
        for index, part, _ in cues:
            k = next(k for k in range(len(parts)) if bounds[k] <= index < bounds[k + 1])
            score += 1 if parts[k] == part else 0
        # A part's cue counts only in that part, so the order of the parts decides.
        if best is None or score > best[0]:
            best = (score, bounds)
    assert best is not None
    bounds = best[1]
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
    result: dict[str, tuple[int, int] | None] = {}
    for k, part in enumerate(parts):
        start = starts[k]
        if start is None:
            result[part] = None
            continue
        later = [s for s in starts[k + 1 :] if s is not None]
        result[part] = (start, later[0] if later else n)
    return result


__all__ = ["CUES", "FRAMEWORK_PARTS", "find_cues", "segment"]
