"""The progress page: the figures of every answer over time, and where the person is weakest.

Six charts (``progress_charts.MetricChart``): pace, fillers a minute, answer length against
its band, time to the first word, self-score and recovery after interruptions, for every
answer or one category. Beside them, each category's standing on its recent answers, the
weakest first, and "Practise my weak spots", which asks for a session of the weakest
categories. A view only: the progress flow reads the figures off the GUI thread and turns them
into a ``ProgressView`` (``core.progress``, pure) for ``show_progress``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from simulator.core.progress import METRICS, CategoryStanding, Series
from simulator.ui import style
from simulator.ui.pages.progress_charts import MetricChart
from simulator.ui.widgets.page_footer import PageFooter

_UNITS = {
    "pace_wpm": "wpm",
    "fillers_per_min": "a minute",
    "length_s": "s",
    "first_word_s": "s",
    "self_score": "out of 5",
    "recovery_s": "s",
}


@dataclass(frozen=True)
class ProgressView:
    """What the page shows: the summary line, the series, the standings and weak spots."""

    summary: str
    series: tuple[Series, ...]
    standings: tuple[CategoryStanding, ...]
    weakest: tuple[str, ...]


def describe_standing(standing: CategoryStanding) -> str:
    """'conflict · 4 answers · off target most on Pace (164 wpm)'."""
    count = f"{standing.answers} answer{'s' if standing.answers != 1 else ''}"
    if standing.worst_metric is None:
        return f"{standing.category} · {count} · on target"
    metric = next(m for m in METRICS if m.key == standing.worst_metric)
    value = standing.recent.get(metric.key)
    shown = "" if value is None else f" ({round(value, 1):g} {_UNITS.get(metric.key, '')})"
    return f"{standing.category} · {count} · off target most on {metric.label}{shown}"


class ProgressPage(QWidget):
    category_chosen = Signal(str)  # "" for every category
    weak_spots_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(style.MARGIN, style.MARGIN, style.MARGIN, style.MARGIN)
        outer.setSpacing(style.SPACING)
        title = QLabel("Progress")
        title.setProperty("role", "title")
        self.category_combo = QComboBox()
        self.category_combo.setAccessibleName("Show the figures of one category")
        self.category_combo.addItem("All categories", "")
        self.category_combo.currentIndexChanged.connect(
            lambda _index: self.category_chosen.emit(self.category_combo.currentData() or "")
        )
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.category_combo)
        outer.addLayout(heading)
        self.summary_label = QLabel("Loading…")
        self.summary_label.setProperty("role", "subtitle")
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName("Recent practice")
        outer.addWidget(self.summary_label)
        body = QHBoxLayout()
        body.setSpacing(style.SPACING)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.charts: dict[str, MetricChart] = {}
        for number, metric in enumerate(METRICS):
            chart = MetricChart(metric.label, metric.unit)
            self.charts[metric.key] = chart
            grid.addWidget(chart, number // 3, number % 3)
        body.addLayout(grid, 4)
        body.addWidget(self._build_weak_spots(), 1)
        outer.addLayout(body, 1)
        self.footer = PageFooter(
            self,
            "&Practise my weak spots",
            primary_name="Start a session of your weakest categories",
        )
        self.footer.back_requested.connect(self.back_requested.emit)
        self.back_button = self.footer.back_button
        self.back_shortcut = self.footer.back_shortcut
        self.practise_button = self.footer.primary_button
        self.practise_button.clicked.connect(self.weak_spots_requested.emit)
        outer.addWidget(self.footer)
        self.view: ProgressView | None = None

    def _build_weak_spots(self) -> QFrame:
        card = QFrame()
        card.setProperty("role", "card")
        card.setMinimumWidth(230)
        column = QVBoxLayout(card)
        column.setContentsMargins(16, 14, 16, 14)
        heading = QLabel("WHERE YOU ARE WEAKEST")
        heading.setProperty("role", "section")
        column.addWidget(heading)
        self.standings_label = QLabel("")
        self.standings_label.setWordWrap(True)
        self.standings_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.standings_label.setAccessibleName("Each category's standing, the weakest first")
        column.addWidget(self.standings_label, 1)
        return card

    def show_progress(self, view: ProgressView) -> None:
        """Everything at once: the summary, the standings, every answer's charts."""
        self.view = view
        self.summary_label.setText(view.summary)
        chosen = self.category_combo.currentData() or ""
        self.category_combo.blockSignals(True)
        while self.category_combo.count() > 1:
            self.category_combo.removeItem(1)
        for name in sorted(s.category for s in view.standings):
            self.category_combo.addItem(name, name)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(chosen)))
        self.category_combo.blockSignals(False)
        lines = [describe_standing(s) for s in view.standings]
        self.standings_label.setText(
            "\n\n".join(lines) if lines else "Answer a few questions and your categories show here."
        )
        self.practise_button.setEnabled(bool(view.weakest))
        self.practise_button.setToolTip(
            f"A session of: {', '.join(view.weakest)}"
            if view.weakest
            else "No category is off target yet."
        )
        self.show_series(view.series)

    def show_series(self, series: Sequence[Series]) -> None:
        for one in series:
            if one.metric in self.charts:
                self.charts[one.metric].show_series(one)

    def show_problem(self, message: str) -> None:
        self.summary_label.setText(message)


__all__ = ["ProgressPage", "ProgressView", "describe_standing"]
