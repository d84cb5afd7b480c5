"""Reviewing past answers: search, self-scores, attempts at a question and progress figures.

The entry points the window's pages reach through their services (the window imports no
store): each opens the database of ``layout`` for the call and closes it, so any thread may
call them (a ``Store`` belongs to the thread that opened it). The terminal commands use the
store modules behind these directly. All answers are typed records of ``core.history`` and
``core.progress``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING

from simulator.core.history import (
    PAGE_SIZE,
    AnswerScores,
    Attempt,
    SavedChoices,
    SearchFilters,
    SearchPage,
)
from simulator.core.progress import AnswerFigures
from simulator.core.rubric import Rubric
from simulator.store import DataLayout
from simulator.store import figures as stored_figures
from simulator.store import scores as stored_scores
from simulator.store.listing import read_settled
from simulator.store.search import saved_choices, search_answers

if TYPE_CHECKING:
    from simulator.store import Store


def search(
    layout: DataLayout,
    query: str,
    filters: SearchFilters | None = None,
    *,
    limit: int = PAGE_SIZE,
    offset: int = 0,
) -> SearchPage:
    """One page of past answers matching ``query`` and ``filters`` (empty before any session).
    Raises ValueError for a filter that is not valid (a day that is not YYYY-MM-DD)."""
    with _store(layout) as store:
        if store is None:
            return SearchPage(hits=(), total=0, offset=offset, limit=limit)
        return search_answers(store, query, filters, limit=limit, offset=offset)


def filter_choices(layout: DataLayout) -> SavedChoices:
    """The packs, categories and days the saved answers hold (none before any session)."""
    with _store(layout) as store:
        return saved_choices(store) if store else SavedChoices()


def rubric_of(layout: DataLayout, answer_id: int) -> Rubric | None:
    """The rubric answer ``answer_id`` is scored on (None: no such answer)."""
    with _store(layout) as store:
        return stored_scores.answer_rubric(store, answer_id) if store else None


def scores_of(layout: DataLayout, answer_id: int) -> AnswerScores | None:
    with _store(layout) as store:
        return stored_scores.read_scores(store, answer_id) if store else None


def save_scores(
    layout: DataLayout, answer_id: int, scores: Mapping[str, int], note: str | None = None
) -> AnswerScores:
    """Save (or change) self-scores and the note; ``RubricError`` names a refused score."""
    with _store(layout) as store:
        if store is None:
            raise ValueError(f"no answer with id {answer_id}")
        return stored_scores.save_scores(store, answer_id, scores, note)


def clear_scores(layout: DataLayout, answer_id: int) -> AnswerScores:
    """Remove the answer's self-scores (its note stays); ValueError for an unknown answer."""
    with _store(layout) as store:
        if store is None:
            raise ValueError(f"no answer with id {answer_id}")
        return stored_scores.clear_scores(store, answer_id)


def attempts(layout: DataLayout, answer_id: int) -> list[Attempt]:
    """Every answer to the same question as ``answer_id``, oldest first."""
    with _store(layout) as store:
        return stored_figures.attempts_at(store, answer_id) if store else []


def figures(layout: DataLayout) -> list[AnswerFigures]:
    """Every answered question's figures, oldest first: what ``core.progress`` reads.

    Read with the standard library's sqlite3 when the database is settled (the window reads
    them at start for its summary): ``Store`` imports sqlite-utils, which imports numpy, and
    both would then stay in the idle window (docs/PERFORMANCE.md, "Idle memory")."""
    if not layout.db_path.exists():
        return []
    quick = read_settled(layout.db_path, stored_figures.figures_in)
    if quick is not None:
        return quick
    with _store(layout) as store:
        return stored_figures.answer_figures(store) if store else []


@contextmanager
def _store(layout: DataLayout) -> Iterator[Store | None]:
    """The store of ``layout``, or None when nothing was ever saved (nothing is created)."""
    if not layout.db_path.exists():
        yield None
        return
    from simulator.store import Store

    store = Store(layout.db_path)
    try:
        yield store
    finally:
        store.close()


__all__ = [
    "attempts",
    "clear_scores",
    "figures",
    "filter_choices",
    "rubric_of",
    "save_scores",
    "scores_of",
    "search",
]
