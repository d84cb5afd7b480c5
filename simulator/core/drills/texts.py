"""What the interviewer says in a drill, and which cut-in fits what the candidate is saying.

Written to be spoken by a speech synthesiser: whole sentences, no symbols.
"""

from __future__ import annotations

import random
import re

# Probes chosen from what the candidate is saying (see ``probe_for``).
OWNERSHIP_PROBE = "Sorry, let me stop you. What was your own part in that, specifically?"
CONCRETE_PROBE = "Can you make that concrete? Give me a number or an example."
HEADLINE_PROBE = "Let me cut in. What's the headline, in one sentence?"

GENERIC_PROBES = (
    "Hold on, why that approach and not another one?",
    "Quick question. How did you know it was working?",
    "Wait, who else was involved at that point?",
    "Sorry, what was the hardest part of that?",
)
DEBUG_PROBES = (
    "Hold on. Which line are you looking at right now?",
    "What would this print for a small example?",
    "What input would show the problem?",
    "How would you test your idea before changing anything?",
    "Sorry, walk me through that last part again.",
)
PUSHBACKS = (
    "I'm not convinced. Why not go the other way?",
    "Hmm, that sounds risky to me. What would make you change your mind?",
    "I think I'd have done the opposite. Convince me I'm wrong.",
    "Is that really the best option? What would a sceptic say about it?",
)
ANYTHING_ELSE = "Anything else you'd like to add?"
MAKE_AN_ASSUMPTION = "Good question. Make an assumption, and tell me what you assumed."
NO_MORE_ANSWERS = "I'll leave that one to you. Make an assumption and carry on."


def squeeze_text(seconds: int) -> str:
    return (
        "Sorry to interrupt, we're running short on time. "
        f"Could you wrap up in the next {seconds} seconds?"
    )


_WE = {"we", "our", "us", "team", "everyone", "they"}
_I = {"i", "my", "me", "i'm", "i'd", "i've", "myself"}
_NUMBER = re.compile(
    r"\d|^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundred|thousand|million|percent|half|double|twice)$"
)


def probe_for(words: tuple[str, ...], speech_s: float, used: set[str]) -> str | None:
    """A probe that answers what the candidate is doing, or None when nothing stands out.

    "We" far more than "I" in the recent words asks for their own part; a long stretch with
    no number or figure asks for something concrete; a long answer asks for the headline.
    """
    recent = [word.lower() for word in words[-60:]]
    we = sum(word in _WE for word in recent)
    me = sum(word in _I for word in recent)
    if we >= 4 and we >= 2 * me and OWNERSHIP_PROBE not in used:
        return OWNERSHIP_PROBE
    has_number = any(_NUMBER.search(word.lower()) for word in words)
    if speech_s >= 15 and not has_number and CONCRETE_PROBE not in used:
        return CONCRETE_PROBE
    if speech_s >= 40 and HEADLINE_PROBE not in used:
        return HEADLINE_PROBE
    return None


def pick_unused(options: tuple[str, ...], used: set[str], rng: random.Random) -> str | None:
    """One of ``options`` not said yet in this answer, drawn with ``rng``; None if all were."""
    fresh = [option for option in options if option not in used]
    return rng.choice(fresh) if fresh else None
