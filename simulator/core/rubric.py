"""Self-scoring rubrics: what a person rates their own answer on, from 1 to 5.

Each framework (STAR, PEP, CAR) has one criterion per part of its structure, the parts the
analysis looks for (``core.analysis.structure.FRAMEWORK_PARTS``), and every rubric ends with
the same delivery criteria. A question with no framework ("free") is rated on delivery
alone. Each score has an anchored description, so a 3 means the same thing next month.
Beside the scores, one free-text "next time" note says what to change.

Pure: the store saves what is given here, the terminal and the window show it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

LOWEST = 1
HIGHEST = 5
#: The stored name of the "next time" note (saved beside the criteria, never a criterion).
NOTE_KEY = "next_time"


class RubricError(ValueError):
    """Scores that do not fit the rubric; the message is one line for the user."""


@dataclass(frozen=True)
class Criterion:
    """One thing to rate: ``anchors[n - 1]`` describes a score of ``n``."""

    key: str
    title: str
    anchors: tuple[str, str, str, str, str]

    def anchor(self, score: int) -> str:
        return self.anchors[score - 1]


@dataclass(frozen=True)
class Rubric:
    """The criteria of one framework: its parts first, in its order, then delivery."""

    framework: str
    criteria: tuple[Criterion, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(criterion.key for criterion in self.criteria)

    def criterion(self, key: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.key == key:
                return criterion
        raise KeyError(key)

    def check(self, scores: Mapping[str, int]) -> dict[str, int]:
        """``scores`` as a plain dict in rubric order; RubricError names the first problem."""
        for key, value in scores.items():
            if key not in self.keys:
                raise RubricError(
                    f"'{key}' is not a criterion of a {self.described} answer "
                    f"(criteria: {', '.join(self.keys)})"
                )
            if isinstance(value, bool) or not isinstance(value, int):
                raise RubricError(f"the score of '{key}' must be a whole number")
            if not LOWEST <= value <= HIGHEST:
                raise RubricError(
                    f"the score of '{key}' must be from {LOWEST} to {HIGHEST}, not {value}"
                )
        return {key: scores[key] for key in self.keys if key in scores}

    @property
    def described(self) -> str:
        return "free-form" if self.framework == "free" else self.framework


def _c(key: str, title: str, *anchors: str) -> Criterion:
    if len(anchors) != HIGHEST:
        raise ValueError(f"criterion {key!r} needs {HIGHEST} anchors")
    return Criterion(key, title, (anchors[0], anchors[1], anchors[2], anchors[3], anchors[4]))


_SITUATION = _c(
    "situation",
    "Situation: clear and brief",
    "No setting given, or so much of it that the story never starts.",
    "The setting is there but muddled or long; a listener has to guess why it matters.",
    "Where and when are clear, with a sentence or two more than needed.",
    "Clear in a few sentences; only the details the story needs.",
    "One or two crisp sentences that make the stakes obvious.",
)
_TASK = _c(
    "task",
    "Task: your own part",
    "It is unclear what you were there to do.",
    "The team's goal is stated, but not your own responsibility.",
    "Your role is stated in general terms.",
    "Your own responsibility and what was expected of you are clear.",
    "Your part, its stakes and its constraints are clear and set up the actions.",
)
_ACTION = _c(
    "action",
    "Actions: specific, and yours",
    "No actions, or only what 'we' did.",
    "Vague actions ('I helped', 'I worked on it') with little of your own choice.",
    "Some concrete steps, mixed with general ones.",
    "Concrete steps you took, in order, with some reasons.",
    "Specific decisions and steps of your own, with why you chose them.",
)
_RESULT = _c(
    "result",
    "Result: measured",
    "No outcome given.",
    "An outcome, but vague ('it went well').",
    "A clear outcome without a figure or a lesson.",
    "An outcome with a figure, or with what you learned.",
    "A measured outcome (a number, a date, a before and after) and what you took from it.",
)
_PROBLEM = _c(
    "problem",
    "Problem: stated plainly",
    "It is unclear what the problem is.",
    "A problem is hinted at, but wrapped in background.",
    "The problem is stated, though not why it matters.",
    "The problem and why it matters are stated early.",
    "One sharp sentence names the problem and its cost.",
)
_EVIDENCE = _c(
    "evidence",
    "Evidence: facts behind the claim",
    "No support for the point; opinion only.",
    "General claims ('everyone knows') without a fact or an example.",
    "One example or fact, loosely tied to the point.",
    "Relevant facts or an example that back the point.",
    "Specific, measured evidence that clearly carries the point.",
)
_PROPOSAL = _c(
    "proposal",
    "Proposal: a clear way forward",
    "No recommendation.",
    "A recommendation that is vague or hedged into nothing.",
    "A clear recommendation without next steps.",
    "A clear recommendation with its first steps.",
    "A decisive recommendation with steps, owner and how success is judged.",
)
_CONTEXT = _c(
    "context",
    "Context: the situation and your role",
    "No context, or so much that the challenge is lost.",
    "Some context, but your role or the challenge is unclear.",
    "The challenge and your role are there, at some length.",
    "The challenge and your role are clear and brief.",
    "In a few sentences: the challenge, what was at stake and your part.",
)
_DELIVERY = (
    _c(
        "clarity",
        "Clarity",
        "Hard to follow; the listener loses the thread.",
        "Followable with effort; jumps back and forth.",
        "Mostly clear, with a few tangled stretches.",
        "Clear and in order throughout.",
        "Clear, in order, with signposts a listener can hold on to.",
    ),
    _c(
        "conciseness",
        "Conciseness",
        "Far too long or too short for the question.",
        "Noticeably padded or clipped.",
        "About right, with some repetition or detours.",
        "To the point, with little to cut.",
        "Nothing to cut and nothing missing; ends when the point is made.",
    ),
    _c(
        "composure",
        "Composure",
        "Flustered: stopped, restarted or lost the answer.",
        "Visibly rattled; many fillers or restarts.",
        "Steady, with moments of hesitation.",
        "Calm and steady; pauses used on purpose.",
        "Composed throughout, even when unsure or interrupted.",
    ),
    _c(
        "listening",
        "Listening to the question",
        "Answered a different question.",
        "Touched the question, then drifted from it.",
        "Answered the question, missing part of what it asked.",
        "Answered what was asked.",
        "Answered exactly what was asked, and tied the ending back to it.",
    ),
)
_PARTS: dict[str, tuple[Criterion, ...]] = {
    "STAR": (_SITUATION, _TASK, _ACTION, _RESULT),
    "PEP": (_PROBLEM, _EVIDENCE, _PROPOSAL),
    "CAR": (_CONTEXT, _ACTION, _RESULT),
    "free": (),
}
FRAMEWORKS = tuple(_PARTS)
DELIVERY_KEYS = tuple(criterion.key for criterion in _DELIVERY)


def rubric_for(framework: str | None) -> Rubric:
    """The rubric of ``framework``; an unknown or missing one is rated on delivery only."""
    name = framework if framework in _PARTS else "free"
    assert name is not None
    return Rubric(framework=name, criteria=_PARTS[name] + _DELIVERY)


def self_score(scores: Mapping[str, int]) -> float | None:
    """The mean of the criteria scored, to one decimal (None when nothing was scored)."""
    values = [value for key, value in scores.items() if key != NOTE_KEY]
    return round(sum(values) / len(values), 1) if values else None


def parse_assignment(text: str) -> tuple[str, int]:
    """``criterion=N`` as typed in a terminal; RubricError if it is not that shape."""
    key, sep, value = text.partition("=")
    key = key.strip().lower()
    if not sep or not key:
        raise RubricError(f"expected criterion=score, got '{text}'")
    try:
        number = int(value.strip())
    except ValueError:
        raise RubricError(f"the score of '{key}' must be a whole number, not '{value}'") from None
    return key, number


__all__ = [
    "DELIVERY_KEYS",
    "FRAMEWORKS",
    "HIGHEST",
    "LOWEST",
    "NOTE_KEY",
    "Criterion",
    "Rubric",
    "RubricError",
    "parse_assignment",
    "rubric_for",
    "self_score",
]
