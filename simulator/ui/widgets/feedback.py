"""The feedback view of one answer: its measures against their targets and the marked transcript.

Shows each finding as a row (name, value, target band, a verdict chip in words and colour, the
finding's own sentence), the transcript with fillers, hedges and pauses marked, which parts of
the answer framework seem to be there, and a line saying this is a heuristic. Every mark is a
link; clicking one emits ``play_requested`` with the time to play from (a second before the
mark), and the page that owns the recording plays it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QSizeF, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from simulator.ui import style
from simulator.ui.widgets import feedback_text as words
from simulator.ui.widgets.feedback_pressure import pressure_findings
from simulator.ui.widgets.feedback_transcript import LEGEND, mark_href, parse_mark, transcript_html

LEAD_IN_S = 1.0  # play from this long before a mark, so it is heard in context
HEURISTIC_NOTE = (
    "Measured automatically from the recording and the recogniser's words: these are "
    "heuristics and can be wrong (a misheard word moves the pace, a cough can count as a "
    "filler). How each is measured, and how well: docs/ANALYSIS.md."
)
CHIP_COLOURS = {
    "within": (style.IN_BAND, "#e5f2ea"),
    "below": (style.UNDER, style.WARNING_BG),
    "above": (style.OVER, style.ERROR_BG),
}


def verdict_chip(finding: Mapping[str, Any], targets: Mapping[str, Any] | None = None) -> QLabel:
    """A rounded label with the verdict's shape and words ("▲ Too fast") in its colour."""
    chip = QLabel(words.chip_text(finding, targets))
    fg, bg = CHIP_COLOURS.get(str(finding.get("verdict")), (style.MUTED, style.BACKGROUND))
    chip.setStyleSheet(
        f"QLabel {{ background: {bg}; color: {fg}; border: 1px solid {fg}; "
        "border-radius: 9px; padding: 1px 8px; font-weight: 600; }"
    )
    chip.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    chip.setAccessibleName(f"{words.name(finding)}: {words.verdict_words(finding, targets)}")
    chip.setToolTip(str(finding.get("message", "")))
    return chip


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "section")
    return label


def _muted(text: str, *, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    return label


def _times(count: int) -> str:
    return f"{count} time" if count == 1 else f"{count} times"


class TranscriptBrowser(QTextBrowser):
    """Rich text that grows to its content (the page scrolls, not the transcript)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFont(style.font(12))
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("QTextBrowser { border: none; padding: 0; background: transparent; }")
        self.document().setDefaultStyleSheet(f"a {{ text-decoration: none; color: {style.TEXT}; }}")
        self.document().setDocumentMargin(2)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)

    def _fit(self, size: QSizeF) -> None:
        self.setFixedHeight(int(size.height()) + 2 * self.frameWidth() + 2)


class FeedbackView(QWidget):
    """Everything measured in one answer; ``play_requested(start_s)`` when a mark is clicked."""

    play_requested = Signal(float)

    def __init__(
        self,
        analysis: Mapping[str, Any],
        answer_words: Sequence[Mapping[str, Any]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.analysis = analysis
        targets = analysis.get("targets") or {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(8)

        layout.addWidget(_section("MEASURES"))
        self.metrics = QGridLayout()
        self.metrics.setHorizontalSpacing(14)
        self.metrics.setVerticalSpacing(6)
        self.metric_rows: dict[str, tuple[QLabel, QLabel, QLabel, QLabel, QLabel]] = {}
        for row, finding in enumerate(analysis.get("findings") or []):
            self._add_metric(row, finding, targets)
        self.metrics.setColumnStretch(4, 1)
        layout.addLayout(self.metrics)
        # Beside the other measures: how the answer recovered from a drill's interruptions.
        self.pressure = pressure_findings(analysis)
        if self.pressure is not None:
            self.pressure.play_requested.connect(self.play_requested.emit)
            layout.addSpacing(4)
            layout.addWidget(self.pressure)

        layout.addSpacing(4)
        layout.addWidget(_section("TRANSCRIPT"))
        legend = " &nbsp;·&nbsp; ".join(f"{sample} {meaning}" for sample, meaning in LEGEND)
        self.legend_label = _muted(
            f"{legend}<br>Click a mark to hear it from {LEAD_IN_S:g} s before.", rich=True
        )
        layout.addWidget(self.legend_label)
        self.transcript = TranscriptBrowser()
        self.transcript.setAccessibleName("Transcript with fillers, hedges and pauses marked")
        self.transcript.setHtml(transcript_html(answer_words, analysis))
        self.transcript.anchorClicked.connect(self._anchor_clicked)
        layout.addWidget(self.transcript)

        layout.addWidget(_section("STRUCTURE"))
        self.structure_label = _muted(words.structure_sentence(analysis.get("structure")))
        self.structure_label.setProperty("role", "")
        layout.addWidget(self.structure_label)
        self.parts_label = QLabel(self._parts_html())
        self.parts_label.setTextFormat(Qt.TextFormat.RichText)
        self.parts_label.linkActivated.connect(self._href_activated)
        self.parts_label.setVisible(bool(self.parts_label.text()))
        layout.addWidget(self.parts_label)
        self.extras_label = _muted(self._extras())
        self.extras_label.setVisible(bool(self.extras_label.text()))
        layout.addWidget(self.extras_label)

        self.note_label = _muted(HEURISTIC_NOTE)
        self.note_label.setFont(style.font(9.5))
        layout.addSpacing(2)
        layout.addWidget(self.note_label)

    def _add_metric(self, row: int, finding: Mapping[str, Any], targets: Mapping[str, Any]) -> None:
        name = QLabel(words.name(finding))
        name.setFont(style.font(10.5, bold=True))
        value = QLabel(words.value_text(finding))
        target = QLabel(f"target {words.target_text(finding, targets)}")
        target.setProperty("role", "muted")
        chip = verdict_chip(finding, targets)
        message = _muted(str(finding.get("message", "")))
        for column, widget in enumerate((name, value, target, chip, message)):
            self.metrics.addWidget(widget, row, column, Qt.AlignmentFlag.AlignVCenter)
        self.metric_rows[str(finding.get("metric"))] = (name, value, target, chip, message)

    def _parts_html(self) -> str:
        framework, present, missing = words.structure_parts(self.analysis.get("structure"))
        if framework == "free" or not (present or missing):
            return ""
        links = [
            f'<a href="{mark_href(start)}" style="color: {style.ACCENT};">'
            f"{part} from {words.clock(start)}</a>"
            for part, start in present
        ]
        gaps = [
            f"<span style='color:{style.UNDER}'>▼ {part}: seems missing</span>" for part in missing
        ]
        return f"{framework}: " + " &nbsp;·&nbsp; ".join(links + gaps)

    def _extras(self) -> str:
        figures = [str(f) for f in self.analysis.get("numbers") or []]
        i_we = self.analysis.get("i_we") or {}
        parts = []
        if figures:
            parts.append(f"Figures mentioned: {', '.join(figures)}.")
        if i_we.get("i_count") or i_we.get("we_count"):
            parts.append(
                f"“I” {_times(i_we.get('i_count', 0))}, “we” {_times(i_we.get('we_count', 0))}."
            )
        return " ".join(parts)

    def _anchor_clicked(self, url: QUrl) -> None:
        self._href_activated(url.toString())

    def _href_activated(self, href: str) -> None:
        seconds = parse_mark(href)
        if seconds is not None:
            self.play_requested.emit(max(0.0, seconds - LEAD_IN_S))

    def verdict_text(self, metric: str) -> str:
        """The words on a metric's chip ("" when the analysis has no such finding)."""
        row = self.metric_rows.get(metric)
        return row[3].text() if row else ""


class NotAnalysed(QFrame):
    """What an answer without an analysis shows where its feedback would be."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.label = _muted(
            "Not analysed: there are no measures for this answer (the analysis did not run "
            "or could not finish)."
        )
        layout.addWidget(self.label)


__all__ = ["LEAD_IN_S", "FeedbackView", "NotAnalysed", "verdict_chip"]
