"""The "last answer" card of the interview page: a few key findings of the previous answer.

Small enough to sit under the live view while the next question is asked: up to four findings,
the ones off target first, each as a verdict chip (words, a shape and colour) and the measure
with its value; the finding's full sentence is the tooltip. The full view is on the end page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from simulator.ui.widgets import feedback_text as words
from simulator.ui.widgets.feedback import verdict_chip
from simulator.ui.widgets.feedback_pressure import summary_text

KEY_FINDINGS = 4


class LastAnswerSummary(QFrame):
    """Key findings of the latest analysed answer, one a line; hidden until there is one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setAccessibleName("Last answer summary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 10)
        layout.setSpacing(6)
        self.title_label = QLabel("LAST ANSWER")
        self.title_label.setProperty("role", "section")
        later = QLabel("Full feedback at the end")
        later.setProperty("role", "muted")
        title_row = QHBoxLayout()
        title_row.addWidget(self.title_label)
        title_row.addStretch(1)
        title_row.addWidget(later)
        layout.addLayout(title_row)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(2, 1)
        layout.addLayout(self.grid)
        self.lines: list[str] = []  # each shown finding in words: "▲ Too fast · Pace 201 wpm"
        self.setVisible(False)

    def clear(self) -> None:
        """Hide the card (a new session has no last answer yet)."""
        self._remove_all()
        self.setVisible(False)

    def show_analysis(self, position: int, analysis: Mapping[str, Any] | None) -> None:
        """Show the key findings of answer ``position`` (1-based)."""
        self._remove_all()
        self.title_label.setText(f"LAST ANSWER · QUESTION {position}")
        targets = (analysis or {}).get("targets") or {}
        chosen = words.key_findings(list((analysis or {}).get("findings") or []), KEY_FINDINGS)
        if not chosen:
            note = QLabel("No measures for this answer.")
            note.setProperty("role", "muted")
            self.grid.addWidget(note, 0, 0, 1, 2)
        for row, finding in enumerate(chosen):
            chip = verdict_chip(finding, targets)
            measure = QLabel(f"{words.name(finding)} {words.value_text(finding)}")
            measure.setToolTip(str(finding.get("message", "")))
            self.grid.addWidget(chip, row, 0)
            self.grid.addWidget(measure, row, 1)
            self.lines.append(f"{chip.text()} · {measure.text()}")
        pressure = (analysis or {}).get("pressure")
        recovered = summary_text(pressure) if isinstance(pressure, Mapping) else ""
        if recovered:  # a drill's answer: how it recovered, in one line
            line = QLabel(f"Under pressure: {recovered}")
            line.setProperty("role", "muted")
            line.setWordWrap(True)
            self.grid.addWidget(line, self.grid.rowCount(), 0, 1, 3)
            self.lines.append(line.text())
        self.setToolTip("\n".join(str(f.get("message", "")) for f in chosen))
        self.setVisible(True)

    def _remove_all(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # deleted later; hidden now so it cannot flash over the new ones
                widget.deleteLater()
        self.lines = []


__all__ = ["LastAnswerSummary"]
