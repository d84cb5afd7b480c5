"""The one place the window moves between its pages.

The window owns one ``Navigator`` over its stack of pages and hands it to the flows (session,
library, history): each asks it to show a page, never the stack itself, so every page switch
goes through ``show`` (``tests/ui/test_navigation.py`` checks no other module switches pages).
Pages built late (the library's) are added when first shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget


class Navigator:
    def __init__(self, stack: QStackedWidget) -> None:
        self.stack = stack

    def add(self, page: QWidget) -> None:
        self.stack.addWidget(page)

    def show(self, page: QWidget, focus: QWidget | None = None) -> None:
        """Show ``page`` (added first if it is new) and give ``focus`` the keyboard."""
        if self.stack.indexOf(page) < 0:
            self.add(page)
        self.stack.setCurrentWidget(page)
        if focus is not None:
            focus.setFocus()

    def is_showing(self, page: QWidget) -> bool:
        return self.stack.currentWidget() is page


__all__ = ["Navigator"]
