"""Searching past answers: the query and filter bar, and the found answers with their snippets.

The past sessions page shows these above and instead of its list of sessions once a query or a
filter is set. A view only: the history flow runs the search off the GUI thread (through the
past sessions façade) and hands back one page of ``core.history.SearchHit``. The store marks
the matched words of a snippet with [brackets]; they are drawn highlighted here.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QSize, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from simulator.core.history import SearchFilters, SearchHit
from simulator.library.queries import MIX_LABEL
from simulator.ui import style
from simulator.ui.widgets.feedback_text import clock
from simulator.ui.widgets.row_list import SELECTION_ROOM

ANY = "any"
CUSTOM_RANGE = "range"  # the date entry that shows the from and to days
DATE_CHOICES = (
    ("Any time", None),
    ("Last 7 days", 7),
    ("Last 30 days", 30),
    ("Last year", 365),
    ("Custom range…", CUSTOM_RANGE),
)
#: (label, lowest self-score, highest self-score): the mean of the criteria, to one decimal.
SCORE_CHOICES = (
    ("Any self-score", None, None),
    ("Self-scored", 1.0, None),
    ("Scored 4 or more", 4.0, None),
    ("Scored 3 or more", 3.0, None),
    ("Scored under 3", None, 2.9),
)
_MARKED = re.compile(r"\[([^\[\]]*)\]")
HIGHLIGHT = "#f6dd8a"


def snippet_html(snippet: str) -> str:
    """The snippet as HTML, its [marked] words highlighted, everything else escaped."""
    parts, last = [], 0
    for found in _MARKED.finditer(snippet):
        parts.append(html.escape(snippet[last : found.start()]))
        parts.append(f'<span style="background:{HIGHLIGHT}">{html.escape(found.group(1))}</span>')
        last = found.end()
    parts.append(html.escape(snippet[last:]))
    return "".join(parts)


def pack_label(pack_id: str, pack_titles: Mapping[str, str]) -> str:
    """A pack as the user knows it: its title while the library has it, else its id."""
    if pack_id == MIX_LABEL:
        return "Mixed categories"
    return pack_titles.get(pack_id) or pack_id


def hit_details(hit: SearchHit, pack_titles: Mapping[str, str]) -> list[str]:
    """What a hit says besides its question and snippet: when, which pack, how long, scored."""
    from simulator.ui.pages.history import when

    details = [when(hit.session_started_at), pack_label(hit.pack_id, pack_titles)]
    if hit.category:
        details.append(hit.category)
    if hit.drill:
        details.append(f"drill: {hit.drill}")
    if hit.status == "skipped":
        details.append("skipped")
    elif hit.duration_s is not None:
        details.append(clock(hit.duration_s))
    if hit.self_score is not None:
        details.append(f"self-score {hit.self_score:.1f}")
    return details


def describe_hit(hit: SearchHit, pack_titles: Mapping[str, str]) -> str:
    """Three lines of HTML: the details, the question, the snippet with its matches marked."""
    details = html.escape("  ·  ".join(hit_details(hit, pack_titles)))
    return (
        f'<span style="color:{style.MUTED}">{details}</span><br>'
        f"<b>{html.escape(hit.question_text)}</b><br>{snippet_html(hit.snippet) or '&nbsp;'}"
    )


Index = QModelIndex | QPersistentModelIndex


class HtmlDelegate(QStyledItemDelegate):
    """Draws each row's text as HTML (a list view draws plain text only)."""

    PADDING = 8

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data() or ""))
        width = option.rect.width() or 600
        document.setTextWidth(max(100, width - 2 * self.PADDING))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        document = self._document(view, index)
        view.text = ""
        widget = view.widget
        drawing = widget.style() if widget is not None else QApplication.style()
        drawing.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, widget)
        painter.save()
        rect = view.rect
        top = rect.top() + (rect.height() - int(document.size().height())) // 2
        painter.translate(rect.left() + self.PADDING, top)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, QColor(style.TEXT))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        document = self._document(view, index)
        # Room for the stylesheet's padding and the selection's border (as ``RoomyDelegate``).
        height = int(document.size().height()) + 2 * self.PADDING + SELECTION_ROOM
        return QSize(int(document.idealWidth()), height)


class SearchBar(QWidget):
    """The query and the filters: pack, category, drill, date and self-score."""

    changed = Signal()  # the query or a filter changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today: Callable[[], dt.date] = dt.date.today
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(8)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText("Search what you said and what you were asked…")
        self.query_edit.setAccessibleName("Search past answers")
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.textChanged.connect(lambda _text: self.changed.emit())
        rows.addWidget(self.query_edit)
        self.pack_combo = self._combo("Filter by pack", [("Any pack", None)])
        self.category_combo = self._combo("Filter by category", [("Any category", None)])
        self.drill_combo = self._combo("Filter by drill", [("Any drill", None)])
        self.date_combo = self._combo("Filter by date", list(DATE_CHOICES))
        scores = [(label, index) for index, (label, _low, _high) in enumerate(SCORE_CHOICES)]
        self.score_combo = self._combo("Filter by self-score", scores)
        for combo in self.combos:
            row.addWidget(combo, 1)
        rows.addLayout(row)
        rows.addWidget(self._build_range())
        self.date_combo.currentIndexChanged.connect(lambda _index: self._show_range())
        self.set_span(None, None)

    def _build_range(self) -> QWidget:
        """The custom range: two days, the first never after the last."""
        self.range_box = QWidget()
        row = QHBoxLayout(self.range_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.from_edit = self._day_edit("Sessions from this day")
        self.to_edit = self._day_edit("Sessions up to this day")
        self.from_edit.dateChanged.connect(self.to_edit.setMinimumDate)
        self.to_edit.dateChanged.connect(self.from_edit.setMaximumDate)
        from_label, to_label = QLabel("From"), QLabel("to")
        from_label.setBuddy(self.from_edit)
        to_label.setBuddy(self.to_edit)
        for widget in (from_label, self.from_edit, to_label, self.to_edit):
            row.addWidget(widget)
        row.addStretch(1)
        self.range_box.setVisible(False)
        return self.range_box

    def _day_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.dateChanged.connect(lambda _day: self._range_changed())
        return edit

    def set_span(self, first_day: str | None, last_day: str | None) -> None:
        """The days the saved sessions span (``YYYY-MM-DD``; None: none saved). The custom
        range runs from the first saved day to today (or the last saved day, if later); it
        shows the whole span until it is in use, then keeps its days within the bounds."""
        today = self.today()
        first = _date(first_day) or today
        last = max(_date(last_day) or today, first)
        end = max(last, today)
        if self.custom_range():
            since = min(max(_pydate(self.from_edit.date()), first), end)
            until = min(max(_pydate(self.to_edit.date()), since), end)
        else:
            since, until = first, last
        for edit in (self.from_edit, self.to_edit):
            edit.blockSignals(True)
            edit.setDateRange(_qdate(first), _qdate(end))
        self.from_edit.setDate(_qdate(since))
        self.to_edit.setDate(_qdate(until))
        self.from_edit.setMaximumDate(_qdate(until))  # the from day never after the to day
        self.to_edit.setMinimumDate(_qdate(since))
        for edit in (self.from_edit, self.to_edit):
            edit.blockSignals(False)

    def custom_range(self) -> bool:
        return bool(self.date_combo.currentData() == CUSTOM_RANGE)

    def _show_range(self) -> None:
        self.range_box.setVisible(self.custom_range())

    def _range_changed(self) -> None:
        if self.custom_range():
            self.changed.emit()

    @property
    def combos(self) -> tuple[QComboBox, ...]:
        return (
            self.pack_combo,
            self.category_combo,
            self.drill_combo,
            self.date_combo,
            self.score_combo,
        )

    def _combo(self, name: str, items: Sequence[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        for label, data in items:
            combo.addItem(label, data)
        combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        return combo

    def set_choices(
        self,
        packs: Sequence[tuple[str, str]],
        categories: Sequence[str],
        drills: Sequence[str],
    ) -> None:
        """The packs (id, label), categories and drills to offer, keeping what is chosen."""
        self._refill(self.pack_combo, packs)
        self._refill(self.category_combo, [(name, name) for name in categories])
        self._refill(self.drill_combo, [(name, name) for name in drills])

    def _refill(self, combo: QComboBox, items: Sequence[tuple[str, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(combo.count() - 1)
        for data, label in items:
            combo.addItem(label, data)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
        combo.blockSignals(False)

    def query(self) -> str:
        return self.query_edit.text().strip()

    def filters(self) -> SearchFilters:
        days = self.date_combo.currentData()
        until = None
        if days == CUSTOM_RANGE:
            since = _pydate(self.from_edit.date()).isoformat()
            until = _pydate(self.to_edit.date()).isoformat()
        elif days:
            since = (self.today() - dt.timedelta(days=int(days) - 1)).isoformat()
        else:
            since = None
        _label, low, high = SCORE_CHOICES[int(self.score_combo.currentData() or 0)]
        return SearchFilters(
            pack_id=self.pack_combo.currentData(),
            category=self.category_combo.currentData(),
            drill=self.drill_combo.currentData(),
            since=since,
            until=until,
            min_score=low,
            max_score=high,
        )

    def is_active(self) -> bool:
        """A query or a filter is set: the page lists answers found, not sessions."""
        return bool(self.query()) or self.filters() != SearchFilters()

    def clear(self) -> None:
        self.blockSignals(True)
        self.query_edit.clear()
        for combo in self.combos:
            combo.setCurrentIndex(0)
        self.blockSignals(False)
        self.changed.emit()


def _date(day: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(day) if day else None
    except ValueError:
        return None


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


__all__ = [
    "HtmlDelegate",
    "SearchBar",
    "describe_hit",
    "hit_details",
    "pack_label",
    "snippet_html",
]
