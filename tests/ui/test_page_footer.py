"""The shared Back / primary / Esc footer (``widgets/page_footer.py``) on the three pages that
use it: scoring, attempts and progress. Back and Esc (focus anywhere on the page) ask to go
back; the primary button is the page's own, styled as the primary action."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from simulator.ui.pages.attempts import AttemptsPage
from simulator.ui.pages.progress import ProgressPage
from simulator.ui.pages.scoring import ScoringPage
from simulator.ui.widgets.page_footer import PageFooter


def shown_in_active_window(qtbot: Any, page: QWidget) -> QMainWindow:
    host = QMainWindow()  # shortcuts need an active window, as in the app
    host.setCentralWidget(page)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    return host  # keep it: the page is its child


def test_back_and_esc_anywhere_on_the_page_ask_to_go_back(qtbot: Any) -> None:
    page = QWidget()
    column = QVBoxLayout(page)
    elsewhere = QPushButton("Something else on the page")
    status = QLabel("Saved.")
    footer = PageFooter(page, "&Go", primary_name="Do the page's thing", middle=status)
    column.addWidget(elsewhere)
    column.addWidget(footer)
    _host = shown_in_active_window(qtbot, page)
    with qtbot.waitSignal(footer.back_requested, timeout=1000):
        footer.back_button.click()
    elsewhere.setFocus()
    qtbot.waitUntil(elsewhere.hasFocus)
    with qtbot.waitSignal(footer.back_requested, timeout=1000):
        qtbot.keyClick(elsewhere, Qt.Key.Key_Escape)
    primary = footer.primary_button
    assert primary.text() == "&Go" and primary.property("role") == "primary"
    assert primary.accessibleName() == "Do the page's thing"
    # Back on the left, the status line in the middle, the primary action on the right.
    assert footer.back_button.x() < status.x() < primary.x()


@pytest.mark.parametrize(
    ("make_page", "primary", "text"),
    [
        (ScoringPage, "save_button", "&Save scores"),
        (AttemptsPage, "retry_button", "&Retry this question"),
        (ProgressPage, "practise_button", "&Practise my weak spots"),
    ],
)
def test_each_page_has_the_shared_footer(
    qtbot: Any, make_page: type[QWidget], primary: str, text: str
) -> None:
    page = make_page()
    _host = shown_in_active_window(qtbot, page)
    footers = page.findChildren(PageFooter)
    assert len(footers) == 1
    footer = footers[0]
    assert getattr(page, primary) is footer.primary_button
    assert footer.primary_button.text() == text
    assert page.back_button is footer.back_button  # type: ignore[attr-defined]
    assert page.back_shortcut is footer.back_shortcut  # type: ignore[attr-defined]
    with qtbot.waitSignal(page.back_requested, timeout=1000):  # type: ignore[attr-defined]
        page.back_button.click()  # type: ignore[attr-defined]
    page.setFocus()
    with qtbot.waitSignal(page.back_requested, timeout=1000):  # type: ignore[attr-defined]
        qtbot.keyClick(page, Qt.Key.Key_Escape)
