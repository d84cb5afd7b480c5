"""A report's HTML laid out as a PDF with Qt's own ``QTextDocument`` and ``QPdfWriter``.

Needs a ``QGuiApplication`` (fonts); the terminal has none, so one is made on the offscreen
platform, which needs no display (and never off the main thread: the window's application is
used there, never a second one). The writer's resolution is set before anything is laid out:
``QTextDocument.print_`` scales the layout by it, and a resolution changed afterwards gives
pages of tiny or huge text (reported: QGIS #58033).
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

RESOLUTION_DPI = 300
MARGIN_MM = 16
FONT_POINTS = 10


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one on the offscreen platform."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if threading.current_thread() is not threading.main_thread():
        # A Qt application belongs to the main thread; the window's exports run on a worker
        # and always find the window's own application above.
        raise RuntimeError("a PDF is laid out only where a Qt application runs")
    return QGuiApplication([sys.argv[0] or "hotseat", "-platform", "offscreen"])


def write_pdf(html: str, path: Path, title: str) -> None:
    """Write ``html`` to ``path`` as an A4 PDF; OSError if the file cannot be written whole."""
    path.write_bytes(pdf_bytes(html, title))


def pdf_bytes(html: str, title: str) -> bytes:
    """``html`` laid out as an A4 PDF, in memory: Qt's writer says nothing when its file cannot
    be written (a full disk leaves a cut-off PDF), so the bytes are written by Python, whose
    OSError says why."""
    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)  # first: the layout below is scaled by it
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    writer.setTitle(title)
    writer.setCreator("Hotseat")
    document = QTextDocument()
    font = QFont()
    font.setPointSize(FONT_POINTS)
    document.setDefaultFont(font)
    document.setHtml(html)
    document.print_(writer)
    del writer  # the PDF is finished when the writer goes
    data = bytes(buffer.data().data())
    buffer.close()
    return data


__all__ = ["ensure_gui_application", "pdf_bytes", "write_pdf"]
