"""The pack data model: a Pack of Questions, and the values a question may take.

The TOML format these come from is documented in docs/packs.md; reading it is in
``reading.py`` and ``validate.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

FORMAT_VERSION = 1

CATEGORIES = (
    "communication",
    "collaboration",
    "conflict",
    "failure",
    "leadership",
    "adaptability",
    "problem-solving",
    "ethics",
    "growth",
    "motivation",
    "strengths-weaknesses",
    "technical-communication",
    "customer",
    "pressure",
    "reverse",
    "clarifying",
    "warm-up",
)
FRAMEWORKS = ("STAR", "PEP", "CAR", "free")
# Languages a question's ``code`` may be written in (the debug-aloud drill shows it).
CODE_LANGUAGES = ("python", "javascript")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Bug:
    """The bug planted in a question's ``code``: its line (from 1) and what is wrong there."""

    line: int
    explanation: str


@dataclass(frozen=True)
class Question:
    """One interview question and the coaching data that travels with it."""

    id: str
    text: str
    category: str
    framework: str = "free"
    difficulty: int = 2
    answer_seconds: tuple[int, int] = (60, 120)
    prep_seconds: int = 0
    follow_ups: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()
    clarifications: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    # A short program shown while the candidate debugs aloud; "" when the question has none.
    code: str = ""
    code_language: str = ""
    bug: Bug | None = None


@dataclass(frozen=True)
class Pack:
    """A titled set of questions loaded from one file."""

    id: str
    title: str
    questions: tuple[Question, ...]
    description: str = ""
    language: str = "en"
    version: int = 1
    format: int = FORMAT_VERSION
    tags: tuple[str, ...] = ()
    path: Path | None = None
    source: str = "built-in"

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)
