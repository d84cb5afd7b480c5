"""The past sessions façade: list, read and delete saved sessions (one, or every one at once);
search their answers, score them, compare attempts at a question and read the figures progress
is drawn from.

Every call opens the database for itself (``records.review`` and ``store.records``), so the
window calls them from its background helper, never on the GUI thread. The answers are typed
records of ``core.records``, ``core.history`` and ``core.progress``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.core.history import (
    PAGE_SIZE,
    AnswerScores,
    Attempt,
    SavedChoices,
    SearchFilters,
    SearchPage,
)
from simulator.core.progress import AnswerFigures
from simulator.core.records import SavedAnswer, SavedSession
from simulator.core.rubric import Rubric
from simulator.services.adapters import SharedAdapters

if TYPE_CHECKING:
    from simulator.records.export import Exported
    from simulator.records.forget import Forgotten

# ``records.review`` brings in the store (sqlite-utils): imported where first used, so the
# window does not pay for it before it first shows (as in ``adapters.py``).


class PastSessions:
    def __init__(self, adapters: SharedAdapters) -> None:
        self.adapters = adapters

    def list_sessions(self) -> list[dict[str, Any]]:
        """One row a session, newest first, with its answer count and recorded length."""
        if not self.adapters.layout.db_path.exists():
            return []
        store = self.adapters.open_store()
        try:
            return list(store.list_sessions())
        finally:
            store.close()

    def get_session(self, session_id: int) -> SavedSession | None:
        """A saved session with its answers and their analyses (None if it is gone)."""
        from simulator.store.records import read_session

        if not self.adapters.layout.db_path.exists():
            return None
        store = self.adapters.open_store()
        try:
            return read_session(store, session_id)
        finally:
            store.close()

    def earlier_pressure(self, session_id: int) -> list[dict[str, Any]]:
        """The recovery summaries of the pressure sessions before ``session_id``, oldest
        first (records.pressure_history)."""
        from simulator.records.pressure_history import earlier_summaries

        return earlier_summaries(self.adapters.layout, session_id)

    def get_answer(self, answer_id: int) -> SavedAnswer | None:
        """One saved answer with its words and analysis (None if it is gone)."""
        from simulator.store.records import read_answer

        if not self.adapters.layout.db_path.exists():
            return None
        store = self.adapters.open_store()
        try:
            return read_answer(store, answer_id)
        finally:
            store.close()

    def delete_session(self, session_id: int) -> bool:
        """Delete a session and its recordings; StoreError says why it could not be."""
        from simulator.records.forget import delete_session

        return delete_session(self.adapters.layout, session_id)

    def forget_everything(self) -> Forgotten:
        """Delete every saved session and its recordings (packs, models and settings stay);
        StoreError says why not, a session being recorded refused before anything goes."""
        from simulator.records.forget import forget_everything

        return forget_everything(self.adapters.layout)

    def export_session(self, session_id: int, target: Path) -> Exported:
        """Write a session as a report, metrics or recordings (by ``target``'s extension),
        as ``hotseat sessions export`` does; ExportError says in one line why not."""
        from simulator.records.export import export_session

        return export_session(self.adapters.layout, session_id, target)

    def search(
        self, query: str, filters: SearchFilters | None = None, offset: int = 0
    ) -> SearchPage:
        """One page of answers matching ``query`` (full text) and ``filters``; ValueError for
        a filter that is not valid."""
        from simulator.records import review

        return review.search(self.adapters.layout, query, filters, limit=PAGE_SIZE, offset=offset)

    def filter_choices(self) -> SavedChoices:
        """The packs, categories and days the saved answers can be filtered by."""
        from simulator.records import review

        return review.filter_choices(self.adapters.layout)

    def rubric_of(self, answer_id: int) -> Rubric | None:
        from simulator.records import review

        return review.rubric_of(self.adapters.layout, answer_id)

    def scores_of(self, answer_id: int) -> AnswerScores | None:
        from simulator.records import review

        return review.scores_of(self.adapters.layout, answer_id)

    def save_scores(
        self, answer_id: int, scores: Mapping[str, int], note: str | None = None
    ) -> AnswerScores:
        """Save or change self-scores and the note; RubricError names a refused score."""
        from simulator.records import review

        return review.save_scores(self.adapters.layout, answer_id, scores, note)

    def clear_scores(self, answer_id: int) -> AnswerScores:
        """Remove the answer's self-scores (its note stays); ValueError if it is gone."""
        from simulator.records import review

        return review.clear_scores(self.adapters.layout, answer_id)

    def attempts(self, answer_id: int) -> list[Attempt]:
        """Every answer to the same question as ``answer_id``, oldest first."""
        from simulator.records import review

        return review.attempts(self.adapters.layout, answer_id)

    def answer_figures(self) -> list[AnswerFigures]:
        """Every answered question's figures, oldest first (what progress is drawn from)."""
        from simulator.records import review

        return review.figures(self.adapters.layout)
