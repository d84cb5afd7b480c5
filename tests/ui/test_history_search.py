"""Past answers searched and filtered on the history page, against a real SQLite store.

The store is built with known answers (``tests/support/known_figures.py``); the page's search
runs through the real past sessions façade on the window's background helper.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest

from simulator import paths
from simulator.core.history import SearchPage
from simulator.store import Store
from simulator.ui.history_flow import HistoryFlow
from simulator.ui.pages.history_search import snippet_html
from tests.support.known_figures import Given, written

BILLING = "the billing service kept timing out so I added tracing"


def conflict(day: str, transcript: str, **kwargs: Any) -> Given:
    return Given(day, "conflict", 150.0, 2.0, 90.0, 1.0, transcript=transcript, **kwargs)


@pytest.fixture
def flow(history_flow: HistoryFlow) -> HistoryFlow:
    return history_flow


def search_for(qtbot: Any, flow: HistoryFlow, text: str) -> SearchPage:
    with qtbot.waitSignal(flow.search_timer.timeout, timeout=3000):
        flow.page.search_bar.query_edit.setText(text)
    qtbot.waitUntil(lambda: flow.page.found is not None and flow.tasks.pending == 0)
    assert flow.page.found is not None
    return flow.page.found


def test_a_query_lists_matching_answers_a_page_at_a_time_off_the_gui_thread(
    qtbot: Any, flow: HistoryFlow
) -> None:
    ids = written(
        [conflict(f"2025-04-{1 + n % 28:02d}", f"{BILLING} number {n}") for n in range(23)]
        + [conflict("2025-05-01", "we argued about the roadmap")]
    )
    threads: list[str] = []
    search = flow.sessions.search

    def recording(*args: Any, **kwargs: Any) -> SearchPage:
        threads.append(threading.current_thread().name)
        return search(*args, **kwargs)

    flow.sessions.search = recording  # type: ignore[method-assign]
    flow.show_history()
    qtbot.waitUntil(lambda: flow.page.sessions_list.count() == 24)

    found = search_for(qtbot, flow, "billing")
    page = flow.page
    assert found.total == 23 and len(found.hits) == 20
    assert not page.hits_list.isHidden() and page.sessions_list.isHidden()
    assert page.found_label.text() == "1–20 of 23 answers"
    assert not page.previous_button.isEnabled() and page.next_button.isEnabled()
    assert ids[-1] not in {hit.answer_id for hit in found.hits}
    assert threads and threading.main_thread().name not in threads
    # The matched word is drawn highlighted in the row.
    row = page.hits_list.row_text(0)
    assert '<span style="background:#f6dd8a">billing</span>' in row
    assert "Tell me about a disagreement." in row

    page.next_button.click()
    qtbot.waitUntil(lambda: page.found is not None and page.found.offset == 20)
    assert len(page.found.hits) == 3 and page.found_label.text() == "21–23 of 23 answers"
    assert page.previous_button.isEnabled() and not page.next_button.isEnabled()

    page.search_bar.query_edit.clear()
    qtbot.waitUntil(lambda: not page.searching)
    assert not page.sessions_list.isHidden() and page.hits_list.isHidden()


def test_filters_narrow_the_answers_listed(qtbot: Any, flow: HistoryFlow) -> None:
    ids = written(
        [
            conflict("2025-03-01", "first attempt", scores={"task": 2, "result": 1}),
            Given("2025-03-02", "motivation", 145.0, 1.0, 90.0, 1.0, "q", "Why?", "ui-test"),
            conflict("2025-03-03", "second attempt", scores={"task": 4}, pack_id="my-pack"),
            conflict("2025-03-09", "third attempt"),
        ]
    )
    flow.show_history()
    qtbot.waitUntil(lambda: flow.page.sessions_list.count() == 4 and flow.tasks.pending == 0)
    bar = flow.page.search_bar

    def listed_after(change: Any) -> set[int]:
        with qtbot.waitSignal(flow.search_timer.timeout, timeout=3000):
            change()
        qtbot.waitUntil(lambda: flow.tasks.pending == 0 and flow.page.found is not None)
        assert flow.page.found is not None
        return {hit.answer_id for hit in flow.page.found.hits}

    category = bar.category_combo
    assert listed_after(lambda: category.setCurrentIndex(category.findData("motivation"))) == {
        ids[1]
    }
    category.setCurrentIndex(category.findData("conflict"))
    scored = bar.score_combo
    assert listed_after(lambda: scored.setCurrentText("Scored 3 or more")) == {ids[2]}
    assert listed_after(lambda: scored.setCurrentText("Self-scored")) == {ids[0], ids[2]}
    scored.setCurrentIndex(0)
    bar.today = lambda: dt.date(2025, 3, 9)
    assert listed_after(lambda: bar.date_combo.setCurrentText("Last 7 days")) == {ids[2], ids[3]}
    bar.date_combo.setCurrentIndex(0)
    # The saved sessions' packs are offered: by title while the library has the pack.
    assert bar.pack_combo.itemText(bar.pack_combo.findData("ui-test")) == "UI test pack"
    assert bar.pack_combo.itemText(bar.pack_combo.findData("my-pack")) == "my-pack"
    pack = bar.pack_combo.findData("ui-test")
    assert listed_after(lambda: bar.pack_combo.setCurrentIndex(pack)) == set()  # conflict
    assert flow.page.found_label.text() == "No answer matches."
    assert listed_after(lambda: category.setCurrentIndex(0)) == {ids[1]}
    bar.pack_combo.setCurrentIndex(0)
    with Store(paths.layout().db_path) as store, store.writing() as db:
        db.execute("UPDATE sessions SET drill = 'interruptions' WHERE id = 4")
    drill = bar.drill_combo
    assert listed_after(lambda: drill.setCurrentIndex(drill.findData("interruptions"))) == {ids[3]}


def test_opening_a_hit_shows_that_answer_on_the_review_page(qtbot: Any, flow: HistoryFlow) -> None:
    ids = written([conflict("2025-03-01", "nothing here"), conflict("2025-03-02", BILLING)])
    flow.show_history()
    qtbot.waitUntil(lambda: flow.page.sessions_list.count() == 2)
    found = search_for(qtbot, flow, "tracing")
    assert [hit.answer_id for hit in found.hits] == [ids[1]]
    flow.page.open_button.click()
    qtbot.waitUntil(lambda: flow.navigator.is_showing(flow.review))
    assert flow.review.session_id == found.hits[0].session_id
    assert flow.review.current_answer_id == ids[1]
    # Back returns to the answers found, not to the list of sessions.
    flow.review.back_button.click()
    qtbot.waitUntil(lambda: flow.navigator.is_showing(flow.page) and flow.tasks.pending == 0)
    assert flow.page.searching and not flow.page.hits_list.isHidden()


def test_a_snippet_is_escaped_and_only_its_matches_are_highlighted() -> None:
    assert snippet_html("a <b> [cut] & [costs]…") == (
        'a &lt;b&gt; <span style="background:#f6dd8a">cut</span> &amp; '
        '<span style="background:#f6dd8a">costs</span>…'
    )


def test_a_late_answer_to_an_older_query_is_dropped(qtbot: Any, flow: HistoryFlow) -> None:
    written([conflict("2025-03-01", BILLING), conflict("2025-03-02", "the roadmap argument")])
    search = flow.sessions.search
    older_may_finish = threading.Event()

    def slow_for_billing(query: str, *args: Any) -> SearchPage:
        if query == "billing":
            older_may_finish.wait(5)
        return search(query, *args)

    flow.sessions.search = slow_for_billing  # type: ignore[method-assign]
    bar = flow.page.search_bar
    bar.blockSignals(True)  # searched by hand below, one after the other
    bar.query_edit.setText("billing")
    flow.search()
    bar.query_edit.setText("roadmap")
    flow.search()
    qtbot.waitUntil(lambda: flow.page.found is not None)
    assert flow.page.found is not None and flow.page.found.hits[0].snippet.startswith(
        "the [roadmap]"
    )
    older_may_finish.set()
    qtbot.waitUntil(lambda: flow.tasks.pending == 0)
    assert flow.page.found.hits[0].snippet.startswith("the [roadmap]")
