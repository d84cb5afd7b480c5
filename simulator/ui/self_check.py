"""The window's half of ``hotseat --self-check``: a progress chart drawn with pyqtgraph.

pyqtgraph is loaded only when the progress page is first opened, so a frozen build that lost
part of it would start and run sessions, then fail on that page. Drawing one chart off screen
and finding its line in the picture shows the library, its Qt bindings and its drawing work.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from simulator.core.progress import Point, Series
from simulator.ui import style

DAYS = ("2026-11-02", "2026-11-09", "2026-11-16")


def draw_progress_chart() -> int:
    """Draw a three-day chart of words per minute; the number of pixels of its line's colour.
    Raises RuntimeError when the chart draws no line."""
    app = QApplication.instance() or QApplication(["hotseat"])
    from simulator.ui.pages.progress_charts import MetricChart

    points = tuple(
        Point(answer_id=i, session_id=i, day=day, value=value, low=120.0, high=160.0)
        for i, (day, value) in enumerate(zip(DAYS, (110.0, 135.0, 150.0), strict=True))
    )
    chart = MetricChart("Pace", "words per minute")
    chart.resize(480, 260)
    chart.show_series(Series("wpm", "Pace", "words per minute", points))
    app.processEvents()
    image = chart.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    chart.deleteLater()
    line = QColor(style.ACCENT).rgb()
    drawn = sum(
        1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == line
    )
    if not drawn:
        raise RuntimeError("the progress chart drew no line")
    return drawn


__all__ = ["draw_progress_chart"]
