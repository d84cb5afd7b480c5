"""Pieces of the self-scoring page: one criterion's five anchored choices, and the measured
figures of an answer in words (the attempts page shows the same figures).

A criterion shows all five anchors at once, so a 3 means the same thing each time it is
chosen; clicking a number or its description chooses it. The figures are the analysis's own
(``core.analysis``: one answer, one figure, everywhere), never measured again here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QGridLayout, QLabel, QRadioButton, QWidget

from simulator.core.analysis.targets import Targets
from simulator.core.rubric import HIGHEST, LOWEST, Criterion
from simulator.ui import style
from simulator.ui.widgets.feedback_text import clock


def measured_lines(data: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """(what, how much) for an answer's stored analysis: pace, fillers, length, first word."""
    if not data:
        return [("Figures", "not analysed yet")]
    targets = Targets()
    low, high = targets.pace_comfortable
    lines: list[tuple[str, str]] = []
    if isinstance(data.get("wpm"), int | float):
        lines.append(("Pace", f"{data['wpm']:.0f} words a minute (aim {low:.0f}–{high:.0f})"))
    if isinstance(data.get("fillers_per_min"), int | float):
        limit = targets.fillers_per_min_max
        lines.append(("Fillers", f"{data['fillers_per_min']:.1f} a minute (aim ≤ {limit:g})"))
    if isinstance(data.get("duration_s"), int | float):
        length = clock(float(data["duration_s"]))
        band = data.get("band")
        if isinstance(band, list | tuple) and len(band) == 2:
            length += f" (band {clock(float(band[0]))}–{clock(float(band[1]))})"
        lines.append(("Length", length))
    if isinstance(data.get("time_to_first_word_s"), int | float):
        first = f"{data['time_to_first_word_s']:.1f} s (aim ≤ {targets.first_word_max_s:g} s)"
        lines.append(("First word after", first))
    return lines or [("Figures", "none stored")]


class _Anchor(QLabel):
    """An anchor's description; clicking it chooses its score."""

    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)


class CriterionChoice(QFrame):
    """One criterion: its title and five numbered choices, each with its anchor beneath."""

    chosen = Signal(str, int)  # the criterion's key, the score

    def __init__(self, criterion: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self.setProperty("role", "card")
        grid = QGridLayout(self)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        title = QLabel(criterion.title)
        title.setFont(style.font(11.5, bold=True))
        grid.addWidget(title, 0, 0, 1, HIGHEST)
        self.group = QButtonGroup(self)
        self.buttons: dict[int, QRadioButton] = {}
        self.anchors: dict[int, _Anchor] = {}
        for score in range(LOWEST, HIGHEST + 1):
            button = QRadioButton(str(score))
            button.setAccessibleName(f"{criterion.title}: {score}. {criterion.anchor(score)}")
            self.group.addButton(button, score)
            anchor = _Anchor(criterion.anchor(score))
            anchor.setWordWrap(True)
            anchor.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            anchor.clicked.connect(button.click)
            self.buttons[score], self.anchors[score] = button, anchor
            grid.addWidget(button, 1, score - 1)
            grid.addWidget(anchor, 2, score - 1)
            grid.setColumnStretch(score - 1, 1)
        self.group.idClicked.connect(self._clicked)
        self._show_chosen()

    @property
    def score(self) -> int | None:
        chosen = self.group.checkedId()
        return chosen if chosen >= LOWEST else None

    def set_score(self, score: int | None) -> None:
        if score is None:
            self.group.setExclusive(False)  # the only way to tick none again
            for button in self.buttons.values():
                button.setChecked(False)
            self.group.setExclusive(True)
        elif score in self.buttons:
            self.buttons[score].setChecked(True)
        self._show_chosen()

    def _clicked(self, score: int) -> None:
        self._show_chosen()
        self.chosen.emit(self.criterion.key, score)

    def _show_chosen(self) -> None:
        for score, anchor in self.anchors.items():
            chosen = score == self.score
            colour = style.ACCENT_DARK if chosen else style.MUTED
            weight = 600 if chosen else 400
            anchor.setStyleSheet(f"color: {colour}; font-weight: {weight};")


__all__ = ["CriterionChoice", "measured_lines"]
