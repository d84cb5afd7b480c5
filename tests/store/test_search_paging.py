"""Searching saved answers on a real SQLite file: pages, totals, snippets and every filter."""

from __future__ import annotations

from typing import Any

import pytest
from store_helpers import new_session

from simulator.core.history import SearchFilters
from simulator.store import Store
from simulator.store.search import search_answers


def answered(
    store: Store,
    session: int,
    position: int,
    transcript: str,
    *,
    category: str = "conflict",
    question: str = "Tell me about a time.",
) -> int:
    """An answer with its transcript and the question_started event a session logs."""
    store.add_event(
        session_id=session,
        answer_id=None,
        t_s=10.0 * position,
        kind="question_started",
        payload={"index": position - 1, "category": category, "framework": "STAR"},
    )
    answer = store.start_answer(
        session_id=session,
        position=position,
        question_id=f"q{position}",
        question_text=question,
        audio_path=f"sessions/{session}/{position}-q.wav",
        sample_rate=16000,
        started_at="2024-06-01T10:00:05+00:00",
    )
    store.finish_answer(
        answer, transcript=transcript, words=[], engine="e", model="m", duration_s=30.0
    )
    return answer


def score(store: Store, answer: int, **values: int) -> None:
    with store.writing() as db:
        for criterion, value in values.items():
            db.execute(
                "INSERT INTO scores (answer_id, criterion, value) VALUES (?, ?, ?)",
                [answer, criterion, value],
            )


def ids(store: Store, query: str, **filters: Any) -> list[int]:
    page = search_answers(store, query, SearchFilters(**filters), limit=100)
    return [hit.answer_id for hit in page.hits]


def test_pages_cover_every_hit_once_with_the_total(store: Store) -> None:
    found = []
    for number in range(25):
        session = new_session(store, started_at=f"2024-06-{1 + number:02d}T10:00:00+00:00")
        found.append(answered(store, session, 1, f"we missed the deadline {number} times"))
    other = new_session(store)
    answered(store, other, 1, "nothing to see here")
    pages = [search_answers(store, "deadline", limit=10, offset=start) for start in (0, 10, 20)]
    assert [page.total for page in pages] == [25, 25, 25]
    assert [len(page.hits) for page in pages] == [10, 10, 5]
    assert [page.has_more for page in pages] == [True, True, False]
    seen = [hit.answer_id for page in pages for hit in page.hits]
    assert sorted(seen) == sorted(found)
    assert all("[deadline]" in hit.snippet for page in pages for hit in page.hits)
    assert search_answers(store, "deadline", limit=10, offset=40).hits == ()


def test_hits_are_best_first_and_typed(store: Store) -> None:
    session = new_session(store, pack_id="pack-a")
    weak = answered(store, session, 1, "one deadline among many other words said " * 3)
    strong = answered(store, session, 2, "deadline deadline deadline")
    page = search_answers(store, "deadline")
    assert [hit.answer_id for hit in page.hits] == [strong, weak]
    hit = page.hits[0]
    assert (hit.session_id, hit.position, hit.pack_id) == (session, 2, "pack-a")
    assert hit.category == "conflict"
    assert hit.duration_s == 30.0
    assert hit.session_started_at == "2024-06-01T10:00:00+00:00"
    assert hit.self_score is None


def test_only_the_shown_answers_are_read_whole(store: Store) -> None:
    """Word timings and analyses are never decoded by a search: rows whose JSON is
    damaged (a hand-edited database) cannot break it, and nothing is built for them."""
    session = new_session(store)
    answers = [answered(store, session, n, "the deadline moved") for n in range(1, 6)]
    with store.writing() as db:
        db.execute("UPDATE answers SET words_json = '{broken', analysis_json = 'not json'")
    page = search_answers(store, "deadline", limit=2)
    assert page.total == 5
    assert {hit.answer_id for hit in page.hits} <= set(answers)
    assert len(store.search("deadline", limit=3)) == 3


def test_filters_pack_drill_and_days(store: Store) -> None:
    plain = new_session(store, pack_id="core", started_at="2024-05-31T23:59:00+00:00")
    drilled = new_session(store, pack_id="core", drill="interruptions")
    in_settings = new_session(
        store,
        pack_id="other",
        settings={"drill": "interruptions"},
        started_at="2024-06-02T08:00:00+00:00",
    )
    a = answered(store, plain, 1, "the release slipped")
    b = answered(store, drilled, 1, "the release slipped")
    c = answered(store, in_settings, 1, "the release slipped")
    assert ids(store, "release", pack_id="core") == [b, a]  # newest first
    assert sorted(ids(store, "release", drill="interruptions")) == [b, c]
    assert ids(store, "release", since="2024-06-01") == [c, b]
    assert ids(store, "release", until="2024-06-01") == [b, a]
    assert ids(store, "release", since="2024-06-01", until="2024-06-01") == [b]
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        search_answers(store, "release", SearchFilters(since="last week"))


def test_filter_by_category_as_the_question_was_asked(store: Store) -> None:
    session = new_session(store)
    conflict = answered(store, session, 1, "we argued", category="conflict")
    leading = answered(store, session, 2, "we argued", category="leadership")
    assert ids(store, "argued", category="conflict") == [conflict]
    assert ids(store, "argued", category="leadership") == [leading]
    assert ids(store, "argued", category="growth") == []
    page = search_answers(store, "", SearchFilters(category="leadership"))
    assert [(hit.answer_id, hit.category) for hit in page.hits] == [(leading, "leadership")]


def test_filter_by_self_score(store: Store) -> None:
    session = new_session(store)
    high = answered(store, session, 1, "the launch went well")
    low = answered(store, session, 2, "the launch went badly")
    unscored = answered(store, session, 3, "the launch happened")
    score(store, high, situation=5, task=4)  # 4.5
    score(store, low, situation=2, task=1, next_time=0)  # 1.5: the note is not a score
    assert ids(store, "launch", min_score=4) == [high]
    assert ids(store, "launch", max_score=2) == [low]
    assert sorted(ids(store, "launch", min_score=1, max_score=5)) == [high, low]
    assert unscored in ids(store, "launch")
    hits = {hit.answer_id: hit.self_score for hit in search_answers(store, "launch").hits}
    assert hits == {high: 4.5, low: 1.5, unscored: None}


def test_filters_alone_list_answers_newest_first(store: Store) -> None:
    old = new_session(store, started_at="2024-01-01T10:00:00+00:00")
    new = new_session(store, started_at="2024-02-01T10:00:00+00:00")
    first = answered(store, old, 1, "a long answer " * 20)
    second = answered(store, new, 1, "short answer")
    third = answered(store, new, 2, "another one")
    page = search_answers(store, "  ")
    assert [hit.answer_id for hit in page.hits] == [second, third, first]
    assert page.total == 3
    opening = page.hits[2].snippet
    assert opening.startswith("a long answer") and opening.endswith("…")
    assert len(opening) < 100


@pytest.mark.parametrize("filters", [{}, {"pack_id": "behavioral-core"}], ids=["all", "filtered"])
def test_equally_good_hits_come_newest_first(store: Store, filters: dict[str, Any]) -> None:
    # Saved out of date order (an import, a clock changed): the day decides, not the row id.
    days = ["2024-11-12", "2024-11-10", "2024-11-14", "2024-11-11"]
    by_day = {}
    for day in days:
        session = new_session(store, started_at=f"{day}T10:00:00+00:00")
        by_day[day] = answered(store, session, 1, "the deadline moved")
    later = new_session(store, started_at="2024-11-14T18:00:00+00:00")
    asked_first = answered(store, later, 1, "the deadline moved")
    asked_second = answered(store, later, 2, "the deadline moved")
    newest_first = [asked_first, asked_second] + [by_day[day] for day in sorted(days)[::-1]]
    assert ids(store, "deadline", **filters) == newest_first
    pages = [
        search_answers(store, "deadline", SearchFilters(**filters), limit=2, offset=n)
        for n in (0, 2, 4)
    ]
    assert [hit.answer_id for page in pages for hit in page.hits] == newest_first
    assert {page.total for page in pages} == {6}
    assert ids(store, "", **filters) == newest_first  # as a list without a query
