"""Every page switch goes through the window's one navigator, and the review of a past
session has its own page: it plays a saved answer and Esc leads back to the list."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from simulator.core.records import ANSWERED, SavedAnswer, SavedSession
from simulator.ui.pages.review import ReviewPage

UI = Path(__file__).resolve().parents[2] / "simulator" / "ui"


def page_switches(path: Path) -> list[int]:
    """Lines of ``path`` that call ``setCurrentWidget`` on anything (a stack of pages)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "setCurrentWidget"
    ]


def test_only_the_navigator_switches_pages() -> None:
    elsewhere = {
        str(path.relative_to(UI)): lines
        for path in sorted(UI.rglob("*.py"))
        if path.name != "navigator.py" and (lines := page_switches(path))
    }
    assert elsewhere == {}
    assert page_switches(UI / "navigator.py")  # the check itself finds a call


SESSION = SavedSession(
    id=5,
    started_at="2026-11-20T09:30:00",
    ended_at="2026-11-20T09:40:00",
    mode="practice",
    pack_id="ui-test",
    drill=None,
    status="complete",
    answers=(
        SavedAnswer(
            id=1,
            session_id=5,
            position=1,
            question_id="first",
            question_text="Tell me about yourself.",
            audio_path="sessions/5/1-first.wav",
            sample_rate=16000,
            started_at="2026-11-20T09:31:00",
            duration_s=21.0,
            transcript="I build tools.",
            words=(),
            engine="vosk",
            model="small",
            status=ANSWERED,
        ),
    ),
)


def test_a_past_session_opens_on_the_review_page_plays_and_goes_back(
    qtbot: Any, window: Any
) -> None:
    window.services.history.list_sessions = lambda: [
        {"id": 5, "pack_id": "ui-test", "answer_count": 1, "started_at": SESSION.started_at}
    ]
    window.services.history.get_session = lambda session_id: SESSION
    shown: list[object] = []
    show = window.navigator.show
    window.navigator.show = lambda page, focus=None: shown.append(page) or show(page, focus)

    window.home.history_button.click()
    page = window.history.page
    qtbot.waitUntil(lambda: page.sessions_list.count() == 1)
    page.open_button.click()
    review = window.history.review
    qtbot.waitUntil(lambda: window.stack.currentWidget() is review)
    assert isinstance(review, ReviewPage) and review.session is SESSION
    assert review.title_label.text() == "Session of Fri 20 Nov 2026, 09:30"
    assert review.summary_label.text() == "Session #5 saved · 1 answer · 0:21 recorded"
    assert window.end.session_id is None  # the end page was not used to review

    (row,) = review.answer_rows
    row.play_button.click()
    assert [p.path for p in window.services.voices.playbacks] == ["sessions/5/1-first.wav"]
    assert review.answers.playing_row is row

    window.activateWindow()  # shortcuts need an active window, as in the app
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(review.back_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    assert window.services.voices.playbacks[0].stopped  # leaving stops the playback
    assert shown == [page, review, page]  # each switch went through the navigator
