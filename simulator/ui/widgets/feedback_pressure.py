"""The recovery findings of an answer given under a pressure drill, in its feedback.

The analysis carries them under ``pressure`` (docs/DRILLS.md, issue 11): ``interruptions``,
each with ``start_s``, ``end_s``, ``resumed_s`` (None if the voice never came back),
``recovery_s``, ``kind`` and ``abandoned``; and ``distractions``. Each moment is a button,
so it can be reached with Tab and clicked: it emits ``play_requested`` with the time to play
the recording from, a second before the moment, as the transcript's marks do. Everything is
read with ``get``: an analysis without the key, or with fields missing, shows what it has.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from simulator.ui import style
from simulator.ui.widgets.feedback_text import clock

LEAD_IN_S = 1.0
# Altmann & Trafton (2004): resuming after an interruption takes about twice a normal pause.
TYPICAL_RESUME_S = 3.8
RESEARCH_NOTE = (
    "People typically take about 3.8 s to pick a task up again after an interruption, "
    "against 1.9 s between ordinary steps (Altmann & Trafton, 2004). Click a moment to hear it."
)
KIND_WORDS = {
    "follow_up": "Cut-in: a follow-up",
    "probe": "Cut-in: a probe",
    "time_squeeze": "Asked to wrap up",
    "clarification": "Answered your question",
}


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _items(pressure: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    items = pressure.get(key)
    if not isinstance(items, Sequence) or isinstance(items, str):
        return []
    return [item for item in items if isinstance(item, Mapping)]


def _start(item: Mapping[str, Any]) -> float | None:
    start = _number(item.get("start_s"))
    return start if start is not None else _number(item.get("answer_s"))


def recovery_words(item: Mapping[str, Any]) -> str:
    """How the answer went on after one interruption, in words."""
    recovery = _number(item.get("recovery_s"))
    if item.get("abandoned"):
        return "the answer stopped there"
    if recovery is None:
        return "no voice found after it"
    slow = " (slow)" if recovery > TYPICAL_RESUME_S else ""
    return f"back in {recovery:.1f} s{slow}"


def summary_text(pressure: Mapping[str, Any]) -> str:
    """ "2 interruptions · median recovery 1.9 s · slowest 3.1 s · 1 distraction"."""
    interruptions = _items(pressure, "interruptions")
    distractions = _items(pressure, "distractions")
    parts = []
    if interruptions:
        count = len(interruptions)
        parts.append(f"{count} interruption{'s' if count != 1 else ''}")
        times = [t for t in (_number(i.get("recovery_s")) for i in interruptions) if t is not None]
        if times:
            parts.append(f"median recovery {statistics.median(times):.1f} s")
            parts.append(f"slowest {max(times):.1f} s")
        abandoned = sum(bool(i.get("abandoned")) for i in interruptions)
        if abandoned:
            parts.append(f"{abandoned} left unfinished")
    if distractions:
        count = len(distractions)
        parts.append(f"{count} distraction{'s' if count != 1 else ''}")
    return " · ".join(parts)


def _after_words(item: Mapping[str, Any], baseline: Mapping[str, Any]) -> str:
    """Pace and fillers in the 15 s after a moment against the answer's own (its calm parts,
    ``pressure.summary.baseline``), when measured."""
    parts = []
    for key, unit in (("wpm", "wpm"), ("fillers_per_min", "fillers/min")):
        value, usual = _number(item.get(f"after_{key}")), _number(baseline.get(key))
        if value is not None:
            parts.append(f"{value:.0f} {unit}" + (f" (usually {usual:.0f})" if usual else ""))
    return "after: " + ", ".join(parts) if parts else ""


def _baseline(pressure: Mapping[str, Any]) -> Mapping[str, Any]:
    summary = pressure.get("summary")
    baseline = summary.get("baseline") if isinstance(summary, Mapping) else None
    return baseline if isinstance(baseline, Mapping) else {}


class PressureFindings(QWidget):
    """The interruptions and distractions of one answer, each moment playable."""

    play_requested = Signal(float)

    def __init__(self, pressure: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        heading = QLabel("UNDER PRESSURE")
        heading.setProperty("role", "section")
        layout.addWidget(heading)
        self.summary_label = QLabel(summary_text(pressure))
        self.summary_label.setFont(style.font(10.5, bold=True))
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(4)
        self.moment_buttons: list[QPushButton] = []
        self.baseline = _baseline(pressure)
        for item in _items(pressure, "interruptions"):
            kind = KIND_WORDS.get(str(item.get("kind")), "Interrupted")
            self._add_row(item, kind, recovery_words(item))
        for item in _items(pressure, "distractions"):
            name = str(item.get("name") or "a distraction").replace("_", " ")
            self._add_row(item, f"Distraction: {name}", "")
        self.grid.setColumnStretch(3, 1)
        layout.addLayout(self.grid)
        note = QLabel(RESEARCH_NOTE)
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        note.setFont(style.font(9.5))
        layout.addWidget(note)

    def _add_row(self, item: Mapping[str, Any], what: str, outcome: str) -> None:
        row = self.grid.rowCount()
        start = _start(item)
        button = QPushButton(f"▶ {clock(start)}" if start is not None else "—")
        button.setProperty("role", "link")
        button.setEnabled(start is not None)
        button.setAccessibleName(f"Play from {what.lower()}")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        if start is not None:
            from_s = max(0.0, start - LEAD_IN_S)
            button.clicked.connect(lambda _checked=False, s=from_s: self.play_requested.emit(s))
        self.moment_buttons.append(button)
        outcome_label = QLabel(outcome)
        if "slow" in outcome or "stopped" in outcome:
            outcome_label.setStyleSheet(f"color: {style.OVER};")
        after = QLabel(_after_words(item, self.baseline))
        after.setProperty("role", "muted")
        for column, widget in enumerate((button, QLabel(what), outcome_label, after)):
            self.grid.addWidget(widget, row, column, Qt.AlignmentFlag.AlignVCenter)


def pressure_findings(analysis: Mapping[str, Any]) -> PressureFindings | None:
    """The findings to show for ``analysis``, or None when it was not a pressure answer."""
    pressure = analysis.get("pressure")
    if not isinstance(pressure, Mapping):
        return None
    if not (_items(pressure, "interruptions") or _items(pressure, "distractions")):
        return None
    return PressureFindings(pressure)


__all__ = ["PressureFindings", "pressure_findings", "recovery_words", "summary_text"]
