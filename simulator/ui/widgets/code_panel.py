"""The debug-aloud code panel: a question's program in monospace with line numbers.

Shown on the interview page while the candidate talks the program through; once the answer
has ended, ``reveal_bug`` marks the planted bug's line and says what was wrong there (the
question's ``bug``). Keywords are coloured with a small word list, enough to read by; the
panel never runs or parses the code.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QFrame, QLabel, QTextBrowser, QVBoxLayout, QWidget

from simulator.core.packs import Bug
from simulator.ui import style


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


KEYWORDS = {
    "python": _words(
        "def return for in if elif else while import from as class None True False and or "
        "not is with try except finally raise lambda yield pass break continue global"
    ),
    "javascript": _words(
        "function return for of in if else while const let var new class null undefined true "
        "false this async await try catch finally throw break continue typeof"
    ),
}
KEYWORD_COLOUR = "#7a3e9d"
STRING_COLOUR = "#2e7d4f"
NUMBER_COLOUR = "#9a5b13"
BUG_BACKGROUND = "#fbe3df"
MAX_LINES_SHOWN = 24
TOKENS = re.compile(r"(\"[^\"]*\"|'[^']*'|`[^`]*`|\b\d+(?:\.\d+)?\b|\b[A-Za-z_]\w*\b)")


def _coloured(line: str, keywords: frozenset[str]) -> str:
    """One line of code as HTML, keywords, strings and numbers in their colours."""
    out: list[str] = []
    position = 0
    for match in TOKENS.finditer(line):
        out.append(html.escape(line[position : match.start()]))
        token = match.group(0)
        colour = None
        if token[0] in "\"'`":
            colour = STRING_COLOUR
        elif token[0].isdigit():
            colour = NUMBER_COLOUR
        elif token in keywords:
            colour = KEYWORD_COLOUR
        text = html.escape(token)
        out.append(f'<span style="color:{colour}">{text}</span>' if colour else text)
        position = match.end()
    out.append(html.escape(line[position:]))
    return "".join(out)


def code_html(code: str, language: str, bug_line: int | None = None) -> str:
    """``code`` as a table of numbered lines; ``bug_line`` (from 1) shaded when given."""
    keywords = KEYWORDS.get(language, frozenset())
    rows = []
    for number, line in enumerate(code.split("\n"), start=1):
        shade = f' style="background:{BUG_BACKGROUND}"' if number == bug_line else ""
        rows.append(
            f"<tr{shade}><td align='right' style='color:{style.MUTED}; padding-right:12px'>"
            f"{number}</td><td style='white-space:pre'>{_coloured(line, keywords)}</td></tr>"
        )
    return f"<table cellspacing='0' cellpadding='1'>{''.join(rows)}</table>"


class CodePanel(QFrame):
    """The program to debug, its language, and after the answer where the bug was."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 14, 22, 14)
        layout.setSpacing(8)
        self.heading = QLabel("CODE")
        self.heading.setProperty("role", "section")
        self.view = QTextBrowser()
        self.view.setAccessibleName("The code to debug")
        # Out of the Tab chain: sized to its program it never scrolls, and keys stay the page's.
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setLineWrapMode(QTextBrowser.LineWrapMode.NoWrap)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(11)
        self.view.setFont(mono)
        self.view.setStyleSheet("QTextBrowser { border: none; padding: 0; }")
        self.bug_label = QLabel("")
        self.bug_label.setWordWrap(True)
        self.bug_label.setAccessibleName("Where the bug was")
        self.bug_label.setStyleSheet(f"color: {style.OVER}; font-weight: 600;")
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.bug_label)
        self.code = ""
        self.language = ""
        self.bug: Bug | None = None
        self.clear()

    def show_code(self, code: str, language: str, bug: Bug | None) -> None:
        """Show ``code`` (the bug kept hidden until ``reveal_bug``)."""
        self.code, self.language, self.bug = code.rstrip("\n"), language, bug
        self.heading.setText(f"CODE · {language.upper()}" if language else "CODE")
        self.view.setHtml(code_html(self.code, language))
        # Tall enough for the whole program (up to a screenful), so it never scrolls.
        tallest = self.view.fontMetrics().lineSpacing() * MAX_LINES_SHOWN
        height = self.view.document().size().height() + 2 * self.view.frameWidth() + 4
        self.view.setMinimumHeight(int(min(height, tallest)))
        self.bug_label.setVisible(False)
        self.setVisible(True)

    def reveal_bug(self) -> bool:
        """Mark the bug's line and say what was wrong; False when there is none to show."""
        if not self.code or self.bug is None:
            return False
        self.view.setHtml(code_html(self.code, self.language, self.bug.line))
        self.bug_label.setText(f"The bug, line {self.bug.line}: {self.bug.explanation}")
        self.bug_label.setVisible(True)
        return True

    @property
    def bug_revealed(self) -> bool:
        return not self.bug_label.isHidden()

    def clear(self) -> None:
        self.code, self.language, self.bug = "", "", None
        self.view.clear()
        self.bug_label.setVisible(False)
        self.setVisible(False)


__all__ = ["CodePanel", "code_html"]
