"""The transcript of the answer being replayed, the word being spoken highlighted.

Each word is a link (``w:<index>``): click it to play from it. The marks of the answer
(``replay_marks``) show in it too: fillers and hedges coloured where they were said, and
chips for the pauses, the STAR parts and the pressure events at their moment, each a link
(``m:<index>``) to play from it. The highlight is an extra selection over the word's
characters, so following playback never rebuilds the document.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from simulator.core.transcript import Word
from simulator.ui import style
from simulator.ui.widgets.replay_marks import FILLER, HEDGE, Marker
from simulator.ui.widgets.waveform import MARK_COLOURS

#: A word stays highlighted this long after its end when the next one has not begun (a
#: recogniser's word ends a little early; a longer gap shows no word).
LINGER_S = 0.25
HIGHLIGHT = "#ffd75e"


class SyncedTranscript(QTextBrowser):
    seek_requested = Signal(float)  # seconds into the recording

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.setAccessibleName("Transcript: click a word to play from it")
        self.words: list[Word] = []
        self.markers: list[Marker] = []
        self.word_spans: list[tuple[int, int]] = []  # (first character, length) of each word
        self.current: int | None = None
        self._starts: list[float] = []

    def show_words(self, words: Sequence[Word], markers: Sequence[Marker], empty: str) -> None:
        self.words = sorted(words, key=lambda word: word.start)
        self.markers = list(markers)
        self._starts = [word.start for word in self.words]
        self.word_spans = []
        self.current = None
        self.setExtraSelections([])
        self.clear()
        cursor = QTextCursor(self.document())
        if not self.words:
            plain = QTextCharFormat()
            plain.setForeground(QColor(style.MUTED))
            cursor.insertText(empty, plain)
            return
        in_word, shown_on_words = self._marked_words()
        chips = sorted(
            (m.start_s, index)
            for index, m in enumerate(self.markers)
            if index not in shown_on_words  # a filler or hedge is coloured on its words
        )
        chip = 0
        for index, word in enumerate(self.words):
            while chip < len(chips) and chips[chip][0] < word.start:
                self._insert_chip(cursor, chips[chip][1])
                chip += 1
            fmt = QTextCharFormat()
            fmt.setAnchor(True)
            fmt.setAnchorHref(f"w:{index}")
            fmt.setForeground(QColor(style.TEXT))
            kind = in_word.get(index)
            if kind is not None:
                fmt.setToolTip(kind.capitalize())
                background = QColor(MARK_COLOURS[kind])
                background.setAlpha(70)
                fmt.setBackground(background)
                fmt.setFontItalic(kind == HEDGE)
            self.word_spans.append((cursor.position(), len(word.text)))
            cursor.insertText(word.text, fmt)
            cursor.insertText(" ", QTextCharFormat())
        for _, index in chips[chip:]:
            self._insert_chip(cursor, index)

    def _marked_words(self) -> tuple[dict[int, str], set[int]]:
        """Word index -> filler or hedge for the words those marks cover, and the marks that
        cover a word (the others, with no word under them, show as chips)."""
        found: dict[int, str] = {}
        covering: set[int] = set()
        for number, marker in enumerate(self.markers):
            if marker.kind not in (FILLER, HEDGE):
                continue
            for index, word in enumerate(self.words):
                if word.end > marker.start_s + 0.02 and word.start < marker.end_s - 0.02:
                    found.setdefault(index, marker.kind)
                    covering.add(number)
        return found, covering

    def _insert_chip(self, cursor: QTextCursor, index: int) -> None:
        marker = self.markers[index]
        fmt = QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(f"m:{index}")
        colour = QColor(MARK_COLOURS.get(marker.kind, style.MUTED))
        background = QColor(colour)
        background.setAlpha(45)
        fmt.setBackground(background)
        fmt.setForeground(colour.darker(130))
        fmt.setFontPointSize(max(8.0, self.font().pointSizeF() - 1))
        cursor.insertText(f"\u2009{marker.label}\u2009", fmt)
        cursor.insertText(" ", QTextCharFormat())

    def word_at(self, seconds: float) -> int | None:
        """The word being spoken ``seconds`` into the recording, if any."""
        index = bisect.bisect_right(self._starts, seconds) - 1
        if index < 0:
            return None
        # bisect already put ``seconds`` before the next word's start
        return index if seconds < self.words[index].end + LINGER_S else None

    def follow(self, seconds: float) -> None:
        """Highlight the word being spoken at ``seconds`` (nothing between words)."""
        index = self.word_at(seconds)
        if index == self.current:
            return
        self.current = index
        if index is None:
            self.setExtraSelections([])
            return
        first, length = self.word_spans[index]
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(first)
        cursor.setPosition(first + length, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format.setBackground(QColor(HIGHLIGHT))
        self.setExtraSelections([selection])
        self._keep_visible(cursor)

    def _keep_visible(self, cursor: QTextCursor) -> None:
        rect = self.cursorRect(cursor)
        view = self.viewport().rect()
        if rect.top() < 0 or rect.bottom() > view.bottom():
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - view.height() // 3)

    def _clicked(self, url: QUrl) -> None:
        kind, _, number = url.toString().partition(":")
        if not number.isdigit():
            return
        index = int(number)
        if kind == "w" and index < len(self.words):
            self.seek_requested.emit(self.words[index].start)
        elif kind == "m" and index < len(self.markers):
            self.seek_requested.emit(self.markers[index].start_s)


__all__ = ["HIGHLIGHT", "LINGER_S", "SyncedTranscript"]
