"""The home page's session panel at the smallest window a user may resize to (1100x720), with
everything it can show showing (a drill's description and headphones line, the reason Start is
greyed out, a banner): Settings and Start stay in sight, and every other control of the panel
can be scrolled into view, whole."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from simulator.core.drills import DRILLS
from simulator.ui import style

CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit)


def fully_shown(widget: QWidget) -> bool:
    """Visible, and not clipped by any widget it sits in (a scroll area's viewport included)."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def scroll_area_of(widget: QWidget, within: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not within:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def dressed(window: QWidget) -> None:
    """The app's look (``style.apply``: font, palette, style sheet), on this window alone so
    no other test changes: sizes depend on it."""
    font = QFont(window.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.5))
    window.setFont(font)
    window.setPalette(style.palette())
    window.setStyleSheet(style.STYLESHEET)


@pytest.fixture
def crowded_home(qtbot: Any, window: Any) -> Any:
    dressed(window)
    window.resize(1100, 720)
    home = window.home
    home.drill_picker.set_choice(DRILLS[0].name, 3)  # its description and headphones line show
    home.set_blocked("Connect a microphone to start.")  # the reason under Start shows
    window.banners.show_message(
        "microphone",
        "No microphone found. Connect one: Hotseat looks again every few seconds.",
        action_text="Check again",
        on_action=lambda: None,
        dismissable=False,
    )
    qtbot.waitUntil(lambda: window.size().width() == 1100 and window.size().height() == 720)
    qtbot.waitUntil(lambda: home.start_hint.isVisible())
    return home


def test_settings_and_start_stay_in_sight_at_the_smallest_window(
    qtbot: Any, crowded_home: Any
) -> None:
    home = crowded_home
    for always_there in (home.settings_button, home.start_button, home.start_hint):
        qtbot.waitUntil(lambda shown=always_there: fully_shown(shown), timeout=1000)


def test_every_control_of_the_panel_can_be_scrolled_into_view(
    qtbot: Any, crowded_home: Any
) -> None:
    panel = crowded_home.session_panel
    controls = [c for c in panel.findChildren(QWidget) if isinstance(c, CONTROLS)]
    assert len(controls) >= 10  # count, shuffle, seed, engine, voice, hide, drill x2, buttons
    for control in controls:
        if not control.isVisibleTo(panel):
            continue
        area = scroll_area_of(control, panel)
        if area is not None:
            area.ensureWidgetVisible(control, 0, 0)
        qtbot.waitUntil(lambda control=control: fully_shown(control), timeout=1000)
