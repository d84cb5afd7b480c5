"""What the history filters offer, read from the saved answers on a real SQLite file: the
packs and categories their questions were asked from, and the days they span."""

from __future__ import annotations

import pytest
from store_helpers import new_session
from test_search_paging import answered, ids

from simulator.core.history import SavedChoices, SearchFilters
from simulator.store import Store
from simulator.store.search import saved_choices, search_answers


def test_nothing_saved_offers_nothing(store: Store) -> None:
    assert saved_choices(store) == SavedChoices()


def test_the_packs_categories_and_days_of_saved_answers_are_offered(store: Store) -> None:
    gone = new_session(store, "2024-05-03T08:00:00+00:00", pack_id="old-pack")
    answered(store, gone, 1, "the release slipped", category="Delivery")
    answered(store, gone, 2, "we shipped anyway", category="conflict")
    kept = new_session(store, "2024-06-20T18:30:00+00:00", pack_id="behavioral-core")
    answered(store, kept, 1, "I told my manager", category="conflict")
    mixed = new_session(store, "2024-06-10T09:00:00+00:00", pack_id="mix")
    answered(store, mixed, 1, "a mixed answer", category="leadership")
    # A session with no answer, and a question asked but never answered, hold nothing.
    new_session(store, "2025-01-01T09:00:00+00:00", pack_id="never-answered")
    store.add_event(
        session_id=kept,
        answer_id=None,
        t_s=99.0,
        kind="question_started",
        payload={"index": 5, "category": "asked-only"},
    )
    assert saved_choices(store) == SavedChoices(
        pack_ids=("behavioral-core", "mix", "old-pack"),
        categories=("conflict", "Delivery", "leadership"),
        first_day="2024-05-03",
        last_day="2024-06-20",
    )
    # Each choice offered finds the answers it stands for.
    assert len(ids(store, "", pack_id="old-pack")) == 2
    assert len(ids(store, "", category="Delivery")) == 1


def test_a_range_whose_start_is_after_its_end_is_refused(store: Store) -> None:
    session = new_session(store)
    answered(store, session, 1, "one answer")
    assert len(ids(store, "", since="2024-06-01", until="2024-06-01")) == 1
    with pytest.raises(ValueError, match="--since 2024-06-02 is after --until 2024-06-01"):
        search_answers(store, "", SearchFilters(since="2024-06-02", until="2024-06-01"))
    with pytest.raises(ValueError, match="--until must be a day"):
        search_answers(store, "", SearchFilters(since="2024-06-02", until="1"))
