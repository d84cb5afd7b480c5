"""The phrases that suggest a part of an answer framework has begun, for ``structure``.

Plain data, lower case as recognisers write it. A phrase belongs to the part it usually opens
("my task was" the Task, "as a result" the Result); CAR's Context takes the Situation and Task
phrases. Lists cannot hold every way of telling a story, so ``structure`` also reads grammar.
"""

from __future__ import annotations

_SITUATION = (
    "at my last job", "at my previous job", "in my last role", "in my previous role",
    "in my last job", "in my previous job", "at my old company", "at my last company",
    "at my previous company", "when i was", "when i worked", "a few years ago", "last year",
    "back in", "at the time", "there was a time", "one time", "a couple of years ago",
    "the situation was", "the situation", "we were working", "i was working", "i was leading",
    "our team was", "my team was", "i was part of", "i joined", "during my", "while i was",
    "a few months ago", "in my first", "early in my", "last summer", "last quarter",
    "we had a", "i was on", "i worked on", "i was a",
    # How people open a story when nobody coached them:
    "one that comes to mind", "a good example", "a time when", "there was this", "we had this",
    "what happened was", "so basically what happened", "back when", "at my current job",
    "in my current role", "in my second year", "in my first year", "i was a", "we were a",
)  # fmt: skip
_TASK = (
    "my task", "my job was", "my role was", "my responsibility", "i was responsible",
    "i was asked to", "i was tasked", "i had to", "i needed to", "we needed to", "we had to",
    "the goal was", "our goal was", "my goal was", "the task was", "the challenge was",
    "i was supposed to", "it was my job", "i had been asked", "the aim was", "i owned",
    "i was in charge", "the deadline was", "i was given",
    "asked me to", "i wanted to", "it was on me", "it fell to me", "it was mine",
    "i took on", "i was brought in", "the brief was", "i was expected to", "my part was",
    "i was the one", "the job was", "i had to make sure", "i needed to make sure",
    "the challenge for me", "what i had to", "what i needed to",
    "gave me", "up to me", "the one who had to", "on my shoulders", "i was head",
)  # fmt: skip
_ACTION = (
    "so i", "i decided", "what i did", "i started", "i set up", "i created", "i built",
    "i wrote", "first i", "i organized", "i organised", "i proposed", "i talked to",
    "i reached out", "i spoke with", "i spoke to", "i scheduled", "i suggested",
    "my approach", "i sat down", "i went", "i began", "i called", "i asked", "i met with",
    "i put together", "i broke", "i split", "i introduced", "i ran", "i drafted",
    "i worked with", "i paired", "i rewrote", "i added", "i changed", "i arranged",
    "i brought", "i gathered", "i prioritized", "i prioritised", "i moved", "i offered",
    "i made", "i designed", "i tested", "i checked", "to fix", "i spent", "then i",
    "next i", "after that i", "i focused", "i listened", "we decided", "i automated",
    "i documented", "i mapped", "i invited", "i pushed", "i escalated",
    "what i tried", "what i ended up doing", "the first thing i did", "my first step",
    "i looked at", "i dug into", "i sat with", "i kicked off", "we started", "we set up",
    "i tried", "i did", "instead i", "i got everyone", "i got the",
    "what we did", "what we ended up doing",
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
    "went live", "came down", "the upshot", "long story short",
    "fast forward", "nothing broke", "ever since", "these days", "to this day", "now we",
    "we now", "paid off", "the feedback was", "renewed", "got promoted", "the result was",
    "it worked out", "we managed to", "we made it", "we beat", "went from",
    "within a", "within about", "weeks later", "months later", "a month later",
    "a week later", "by month", "by week", "by the time", "they signed", "they approved",
    "he came back", "she came back", "they came back",
    # Time moving on, and things changing: how results are told without the word "result".
    "by the spring", "by the summer", "by the autumn", "by the winter", "by then",
    "by that point", "within two", "within three", "within weeks", "within days",
    "from then on", "eventually", "fell to", "rose to", "dropped to", "picked up",
    "back under", "back to normal", "back on track", "got back", "went home",
)  # fmt: skip
_PROBLEM = (
    "the problem", "the issue", "our problem", "the challenge", "was failing", "were failing",
    "kept failing", "were losing", "was losing", "we were losing", "struggling", "was broken",
    "were broken", "pain point", "wasn't working", "was not working", "didn't work",
    "was too slow", "were too slow", "complained", "the risk", "the concern", "went wrong",
    "the trouble", "was slow", "kept breaking", "was costing", "were complaining",
    "i don't think", "i'd be careful", "the real problem", "the bottleneck", "the worry",
    "the downside", "is hurting", "we're losing", "we keep", "tend to", "isn't working",
    "is a real", "my concern", "i'm worried", "i worry",
)  # fmt: skip
_EVIDENCE = (
    "data showed", "the data", "we found", "i found", "the numbers", "evidence", "we measured",
    "i measured", "analysis showed", "tests showed", "the logs", "for example",
    "according to", "survey", "we saw that", "i saw that", "it turned out", "turned out",
    "metrics", "dashboards", "benchmark", "a b test", "a/b test", "when we looked",
    "when i looked", "showed that", "shows that", "research", "we traced", "i traced",
    "we noticed", "i noticed", "the study", "feedback showed", "interviews showed",
    "if you look at", "when we tried", "when we went through", "we went through",
    "the reports", "in my experience", "we've seen", "i've seen", "studies", "the pilot",
    "we tracked", "we looked at", "we ran", "last quarter", "last year", "on average",
)  # fmt: skip
_PROPOSAL = (
    "i propose", "i'd propose", "i would propose", "i'd suggest", "i would suggest",
    "i suggest", "i recommend", "i'd recommend", "i would recommend", "my proposal",
    "my recommendation", "we should", "the fix is", "the fix was", "my suggestion",
    "so we added", "what i'd do", "what i would do", "the solution", "my plan", "the plan is",
    "i'd like to", "going forward", "the next step", "instead we", "we could",
    "i would go with", "i'd go with", "i would start", "i'd start", "my advice",
    "let's", "we need to", "my take", "i'd rather", "i would rather", "rather than",
    "i'd keep", "i would keep", "i'd make", "i would make", "i'd want", "i would want",
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

__all__ = ["CUES"]
