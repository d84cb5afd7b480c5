"""One figure over time as a pyqtgraph chart: the mean of each day with answers, and its target.

PySide6-Essentials has no QtCharts, so the progress page draws with pyqtgraph (on Qt's own
painting). The x axis is days (labelled by hand); where the figure has a target band (pace, the
answer's length) the band is shaded, where it has a ceiling (fillers, time to the first word)
the ceiling is a dashed line. pyqtgraph is imported only here, when the progress page is first
built: it costs the window's start nothing.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from simulator.core.progress import RECOVERY_TARGET_S, Series
from simulator.ui import style

pg.setConfigOptions(antialias=True, background=style.SURFACE, foreground=style.MUTED)


def day_stamp(day: str) -> float:
    """Seconds since the epoch at midnight UTC of ``day``: the x of its answers and its tick."""
    return dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC).timestamp()


def target_of(series: Series) -> tuple[float | None, float | None]:
    """The mean band of the answers shown (the length's band differs by question)."""
    if series.metric == "recovery_s":  # back to speaking within this is taken as good
        return None, RECOVERY_TARGET_S
    lows = [p.low for p in series.points if p.low is not None]
    highs = [p.high for p in series.points if p.high is not None]
    low = round(statistics.fmean(lows), 1) if lows else None
    high = round(statistics.fmean(highs), 1) if highs else None
    return low, high


def day_ticks(days: list[str]) -> list[list[tuple[float, str]]]:
    """Labels for at most three of the days ("13 Nov"), evenly spread; every day a minor tick.
    Set by hand: pyqtgraph's date axis hides its labels on a chart this small."""
    step = max(1, math.ceil(len(days) / 3))
    labelled = [(day_stamp(day), day_label(day)) for day in days[::step]]
    return [labelled, [(day_stamp(day), "") for day in days]]


def day_label(day: str) -> str:
    moment = dt.date.fromisoformat(day)
    return f"{moment.day} {moment:%b}"


class MetricChart(QFrame):
    """A card with the metric's name, its unit and the chart."""

    def __init__(self, label: str, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 10, 12, 10)
        column.setSpacing(4)
        self.title_label = QLabel(f"{label} ({unit})")
        self.title_label.setFont(style.font(11, bold=True))
        column.addWidget(self.title_label)
        self.plot = pg.PlotWidget(axisItems={"bottom": pg.AxisItem("bottom")})
        self.plot.setMinimumHeight(150)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=True, alpha=0.15)
        self.plot.setAccessibleName(f"{label} over time")
        column.addWidget(self.plot, 1)
        self.empty_label = QLabel("No figures yet.")
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.empty_label)
        self.days: list[str] = []
        self.values: list[float] = []
        self.band: tuple[float | None, float | None] = (None, None)

    def show_series(self, series: Series) -> None:
        """Draw the daily means of ``series`` and its target."""
        daily = series.daily()
        self.days = [day for day, _value in daily]
        self.values = [value for _day, value in daily]
        self.band = target_of(series)
        self.plot.clear()
        self.empty_label.setVisible(not daily)
        self.plot.setVisible(bool(daily))
        if not daily:
            return
        xs = [day_stamp(day) for day in self.days]
        self.plot.getAxis("bottom").setTicks(day_ticks(self.days))
        low, high = self.band
        if low is not None and high is not None:
            region = pg.LinearRegionItem(
                (low, high),
                orientation="horizontal",
                movable=False,
                brush=pg.mkBrush(style.ACCENT_SOFT),
                pen=pg.mkPen(None),
            )
            self.plot.addItem(region)
        elif high is not None:
            ceiling = pg.InfiniteLine(
                high, angle=0, pen=pg.mkPen(style.OVER, width=1, style=Qt.PenStyle.DashLine)
            )
            self.plot.addItem(ceiling)
        self.plot.plot(
            xs,
            self.values,
            pen=pg.mkPen(style.ACCENT, width=2),
            symbol="o",
            symbolSize=7,
            symbolBrush=style.ACCENT,
            symbolPen=None,
        )
        shown = [*self.values, *(v for v in self.band if v is not None)]
        span = max(shown) - min(shown) or max(1.0, abs(max(shown)) * 0.1)
        self.plot.setYRange(min(shown) - 0.1 * span, max(shown) + 0.1 * span, padding=0)
        # Room for half a label beyond the first and last days: pyqtgraph hides a tick's label
        # that would cross the axis's end.
        room = max(86400.0, 0.2 * (max(xs) - min(xs)))
        self.plot.setXRange(min(xs) - room, max(xs) + room, padding=0)


__all__ = ["MetricChart", "day_stamp", "day_ticks", "target_of"]
