"""The question library page over the shipped packs: filters, search, preview, hear, practise."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QStyle

from simulator.library.queries import Entry, Filters, entries
from simulator.ui.pages.library import CELL_PADDING_X


def open_browser(qtbot: Any, window: Any) -> Any:
    qtbot.mouseClick(window.home.browse_button, Qt.MouseButton.LeftButton)
    browser = window.library_flow.browser
    assert window.stack.currentWidget() is browser
    return browser


def choose(combo: Any, value: object) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def shown_keys(browser: Any) -> list[tuple[str, str]]:
    return [entry.key for entry in browser.shown_entries()]


def expected(window: Any, filters: Filters) -> list[tuple[str, str]]:
    return [e.key for e in entries(window.library.packs) if filters.matches(e)]


def select(browser: Any, wanted: list[Entry]) -> None:
    browser.select_entries(wanted)


def test_every_question_of_every_pack_is_listed(qtbot: Any, library_window: Any) -> None:
    browser = open_browser(qtbot, library_window)
    total = sum(len(pack.questions) for pack in library_window.library.packs)
    assert total > 200
    assert browser.tree.model().rowCount() == total
    assert browser.count_label.text() == f"{total} questions · 0 selected"
    assert not browser.practise_button.isEnabled()
    qtbot.mouseClick(browser.back_button, Qt.MouseButton.LeftButton)
    assert library_window.stack.currentWidget() is library_window.home


def test_filters_and_search_narrow_the_list(qtbot: Any, library_window: Any) -> None:
    browser = open_browser(qtbot, library_window)
    choose(browser.category_combo, "conflict")
    conflict = shown_keys(browser)
    assert conflict == expected(library_window, Filters(category="conflict"))
    assert 5 < len(conflict) < 30
    assert all(e.question.category == "conflict" for e in browser.shown_entries())

    choose(browser.difficulty_combo, 3)
    hard = shown_keys(browser)
    assert hard == expected(library_window, Filters(category="conflict", difficulty=3))
    assert 0 < len(hard) < len(conflict)

    choose(browser.category_combo, None)
    choose(browser.difficulty_combo, None)
    choose(browser.tag_combo, "senior")
    assert shown_keys(browser) == expected(library_window, Filters(tag="senior"))
    assert all("senior" in e.tags for e in browser.shown_entries())

    choose(browser.tag_combo, None)
    choose(browser.pack_combo, "warm-up")
    warm_up = library_window.library.get("warm-up")
    assert shown_keys(browser) == [("warm-up", q.id) for q in warm_up.questions]
    choose(browser.pack_combo, None)

    # Search is case-insensitive and narrows as each letter is typed.
    browser.search_edit.setFocus()
    qtbot.keyClicks(browser.search_edit, "DISAG")
    disag = shown_keys(browser)
    assert len(disag) > 1
    assert disag == expected(library_window, Filters(text="disag"))
    assert all("disag" in e.question.text.lower() for e in browser.shown_entries())
    qtbot.keyClicks(browser.search_edit, "REE")
    assert set(shown_keys(browser)) <= set(disag)
    assert shown_keys(browser) == expected(library_window, Filters(text="disagree"))
    assert browser.count_label.text().startswith(f"{len(shown_keys(browser))} of ")

    qtbot.keyClicks(browser.search_edit, "zzzz")
    assert shown_keys(browser) == []
    assert not browser.preview.text_label.isVisible()
    assert browser.preview.empty_label.isVisible()


def test_the_preview_shows_the_current_question(qtbot: Any, library_window: Any) -> None:
    browser = open_browser(qtbot, library_window)
    entry = next(
        e
        for e in browser.entries
        if e.question.clarifications and e.question.follow_ups and e.question.tips
    )
    choose(browser.pack_combo, entry.pack.id)
    browser.set_current_entry(entry)
    preview, question = browser.preview, entry.question
    assert preview.text_label.text() == question.text
    assert question.category in preview.meta_label.text()
    assert question.framework in preview.meta_label.text()
    assert f"difficulty {question.difficulty}" in preview.meta_label.text()
    low, high = question.answer_seconds
    assert preview.band_label.text().startswith(f"Answer in {low}–{high} s")
    assert entry.pack.title in preview.pack_label.text()
    for text in question.follow_ups:
        assert text in preview.follow_ups_label.text()
    for text in question.tips:
        assert text in preview.tips_label.text()
    for text in question.clarifications:
        assert text in preview.clarifications_label.text()
    assert preview.clarifications_label.isVisible()
    for tag in question.tags:
        assert tag in preview.tags_label.text()


def test_hear_it_speaks_off_the_gui_thread(qtbot: Any, library_window: Any) -> None:
    browser = open_browser(qtbot, library_window)
    services = library_window.services
    text = browser.preview.entry.question.text
    qtbot.mouseClick(browser.preview.hear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: library_window.library_flow.playback is not None)
    assert [spoken for spoken, _thread in services.voices.spoken] == [text]
    assert services.voices.spoken[0][1] != threading.main_thread().name
    assert browser.preview.hear_button.isEnabled()
    playback = library_window.library_flow.playback
    qtbot.mouseClick(browser.back_button, Qt.MouseButton.LeftButton)
    assert playback.stopped  # leaving the library stops the voice


def test_practise_these_starts_a_session_with_exactly_them(qtbot: Any, library_window: Any) -> None:
    browser = open_browser(qtbot, library_window)
    choose(browser.category_combo, "conflict")
    chosen = browser.shown_entries()[:3]
    assert len({e.pack.id for e in chosen}) > 1
    select(browser, chosen)
    assert browser.practise_button.text() == "&Practise these (3)"
    qtbot.mouseClick(browser.practise_button, Qt.MouseButton.LeftButton)
    assert library_window.stack.currentWidget() is library_window.interview
    runner = library_window.services.sessions.runners[0]
    assert runner.options.questions == [e.question for e in chosen]
    assert runner.options.pack_id == "mix"
    library_window.session.bridge.abort()
    qtbot.waitUntil(lambda: not library_window.session.bridge.is_running)


def test_questions_of_one_pack_keep_its_id(qtbot: Any, library_window: Any) -> None:
    browser = open_browser(qtbot, library_window)
    choose(browser.pack_combo, "warm-up")
    qtbot.mouseClick(browser.select_all_button, Qt.MouseButton.LeftButton)
    chosen = browser.selected_entries()
    assert len(chosen) == len(library_window.library.get("warm-up").questions)
    qtbot.mouseClick(browser.practise_button, Qt.MouseButton.LeftButton)
    runner = library_window.services.sessions.runners[0]
    assert runner.options.pack_id == "warm-up"
    assert [q.id for q in runner.options.questions] == [e.question.id for e in chosen]
    library_window.session.bridge.abort()
    qtbot.waitUntil(lambda: not library_window.session.bridge.is_running)


def test_a_voice_that_fails_says_so_in_the_banner(qtbot: Any, library_window: Any) -> None:
    browser = open_browser(qtbot, library_window)

    def no_speaker(text: str) -> Any:
        raise RuntimeError("no speaker was found")

    library_window.services.voices.speak_text = no_speaker
    browser.preview.hear_button.click()  # no event processing: the failure cannot arrive yet
    assert browser.preview.hear_button.text() == "Preparing the voice…"
    assert not browser.preview.hear_button.isEnabled()
    qtbot.waitUntil(lambda: "hear" in library_window.banners.banners)
    message = library_window.banners.message("hear")
    assert message == "The question could not be spoken: no speaker was found"
    assert browser.preview.hear_button.isEnabled()
    assert library_window.library_flow.playback is None


def test_the_question_column_is_the_widest_and_long_questions_wrap(
    qtbot: Any, library_window: Any
) -> None:
    browser = open_browser(qtbot, library_window)
    assert library_window.size().toTuple() == (1100, 720)  # the window's default size
    header = browser.tree.header()
    qtbot.waitUntil(lambda: header.sectionSize(0) > 0)
    widths = [header.sectionSize(column) for column in range(header.count())]
    assert widths[0] == max(widths)
    assert widths[0] > sum(widths[1:])  # the pack title no longer takes most of the width
    longest = max(browser.entries, key=lambda e: len(e.question.text))
    assert browser.fontMetrics().horizontalAdvance(longest.question.text) > widths[0]
    tree, metrics = browser.tree, browser.tree.fontMetrics()

    def rows_fit() -> bool:
        """Every question fits its row, wrapped at the width its cell leaves for text: less
        its padding (the page's style sheet) and the style's text margins."""
        margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
        for row in range(tree.model().rowCount()):
            index = tree.model().index(row, 0)
            tree.scrollTo(index)
            cell = tree.visualRect(index)
            width = cell.width() - 2 * CELL_PADDING_X - 2 * margin
            wrapped = metrics.boundingRect(
                QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, str(index.data())
            )
            if cell.height() < wrapped.height():
                return False
        return True

    qtbot.waitUntil(rows_fit)  # rows are measured again once the page has its size
    browser.set_current_entry(longest)
    cell = tree.visualRect(tree.currentIndex())
    assert cell.height() > 2 * metrics.height()  # the longest question takes several lines
    library_window.resize(library_window.minimumSize())  # narrower: more lines, taller rows
    qtbot.waitUntil(lambda: tree.visualRect(tree.currentIndex()).height() > cell.height())
    qtbot.waitUntil(rows_fit)


def test_the_library_pages_are_built_when_first_shown(qtbot: Any, library_window: Any) -> None:
    # Laying out every question's row was about a fifth of the window's start-up.
    from simulator.ui.pages.library import LibraryPage
    from simulator.ui.pages.pack_editor import PackEditorPage

    def pages_of(kind: type) -> list[Any]:
        stack = library_window.stack
        return [stack.widget(i) for i in range(stack.count()) if isinstance(stack.widget(i), kind)]

    assert pages_of(LibraryPage) == [] and pages_of(PackEditorPage) == []
    browser = open_browser(qtbot, library_window)
    assert pages_of(LibraryPage) == [browser] and pages_of(PackEditorPage) == []
    assert shown_keys(browser) == [entry.key for entry in entries(library_window.library.packs)]
    qtbot.mouseClick(browser.new_pack_button, Qt.MouseButton.LeftButton)
    assert pages_of(PackEditorPage) == [library_window.library_flow.editor]
    assert library_window.stack.currentWidget() is library_window.library_flow.editor
