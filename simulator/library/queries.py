"""Finding and choosing questions across the library: filters, search, mixes by category.

Pure Python (no Qt), so the browser, the home page and the window share one definition of
"which questions match" and of how a session's questions are drawn, and tests check it
without widgets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from simulator.core.packs import Pack, Question
from simulator.core.plan import MIX_LABEL

DIFFICULTIES = {1: "warm-up", 2: "standard", 3: "hard"}


@dataclass(frozen=True)
class Entry:
    """One question of the library with the pack it belongs to."""

    pack: Pack
    question: Question

    @property
    def key(self) -> tuple[str, str]:
        """Unique across the library: question ids are only unique within a pack."""
        return (self.pack.id, self.question.id)

    @property
    def tags(self) -> tuple[str, ...]:
        """The question's tags and its pack's: a pack tagged ``senior`` tags its questions."""
        return tuple(dict.fromkeys((*self.question.tags, *self.pack.tags)))


@dataclass(frozen=True)
class Filters:
    """What the browser narrows the list by; ``None`` (or empty text) means any."""

    text: str = ""
    category: str | None = None
    tag: str | None = None
    difficulty: int | None = None
    pack_id: str | None = None

    def matches(self, entry: Entry) -> bool:
        question = entry.question
        if self.category is not None and question.category != self.category:
            return False
        if self.difficulty is not None and question.difficulty != self.difficulty:
            return False
        if self.pack_id is not None and entry.pack.id != self.pack_id:
            return False
        if self.tag is not None and self.tag not in entry.tags:
            return False
        return self.text.strip().casefold() in question.text.casefold()


def entries(packs: Iterable[Pack]) -> list[Entry]:
    """Every question of every pack, in pack order then question order."""
    return [Entry(pack, question) for pack in packs for question in pack.questions]


def all_tags(items: Iterable[Entry]) -> list[str]:
    return sorted({tag for entry in items for tag in entry.tags})


def category_counts(packs: Iterable[Pack]) -> dict[str, int]:
    """How many questions each category has across the packs."""
    counts: dict[str, int] = {}
    for entry in entries(packs):
        counts[entry.question.category] = counts.get(entry.question.category, 0) + 1
    return counts


def session_label(chosen: Sequence[Entry]) -> str:
    """The pack id a session of these questions records: their pack's, or ``mix``."""
    pack_ids = {entry.pack.id for entry in chosen}
    return pack_ids.pop() if len(pack_ids) == 1 else MIX_LABEL
