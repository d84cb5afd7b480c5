"""The look of the window: one calm palette, a type scale, and the stylesheet built from them.

Widgets set an ``objectName`` or a ``role`` property and the stylesheet styles them here, so
no page hard-codes colours. Colours are never the only signal: the timer and banners also say
their state in words.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from simulator import paths

BACKGROUND = "#f5f4f0"
SURFACE = "#ffffff"
BORDER = "#dcd9d1"
TEXT = "#1f2328"
MUTED = "#5d6670"
ACCENT = "#2f6f6a"
ACCENT_DARK = "#24564f"
ACCENT_SOFT = "#e3efed"
UNDER = "#8a6d1f"  # under the target band: amber text on a light ground
IN_BAND = "#2e7d4f"
OVER = "#b3412e"
ERROR_BG, ERROR_FG = "#fbe9e6", "#8c2f1f"
WARNING_BG, WARNING_FG = "#fdf3dc", "#6f5510"
INFO_BG, INFO_FG = "#e6f0f7", "#1f4d6f"

MARGIN = 28
SPACING = 16

BAND_COLOURS = {"under": UNDER, "in": IN_BAND, "over": OVER, "idle": MUTED}


def font(point_size: float, *, bold: bool = False, mono_digits: bool = False) -> QFont:
    """The application font at a size; ``mono_digits`` keeps a ticking timer from jittering."""
    result = QFont(QApplication.font())
    result.setPointSizeF(point_size)
    result.setBold(bold)
    if mono_digits:
        result.setFeature(QFont.Tag("tnum"), 1)
    return result


def colour(name: str) -> QColor:
    return QColor(name)


STYLESHEET = f"""
QMainWindow, QDialog, QStackedWidget > QWidget {{ background: {BACKGROUND}; color: {TEXT}; }}
QLabel {{ color: {TEXT}; }}
QLabel[role="title"] {{ font-size: 20pt; font-weight: 600; }}
QLabel[role="subtitle"] {{ color: {MUTED}; font-size: 11.5pt; }}
QLabel[role="section"] {{ color: {MUTED}; font-size: 10pt; font-weight: 600; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QFrame[role="card"] {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 10px; }}
QFrame[role="card"] QLabel {{ background: transparent; }}
QPushButton {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px;
    padding: 7px 16px; color: {TEXT}; }}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton:disabled {{ color: #a4a8ad; }}
QPushButton[role="primary"] {{ background: {ACCENT}; color: white; border: 1px solid
    {ACCENT_DARK}; font-weight: 600; padding: 9px 22px; }}
QPushButton[role="primary"]:hover {{ background: {ACCENT_DARK}; }}
QPushButton[role="primary"]:focus {{ border: 2px solid #123a35; }}
QPushButton[role="primary"]:disabled {{ background: #9fb9b6; border-color: #9fb9b6;
    color: #eef3f2; }}
QPushButton[role="link"] {{ background: transparent; border: none; color: {ACCENT};
    text-decoration: underline; padding: 0 2px; }}
QListView[role="rows"] {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 8px;
    padding: 4px; outline: none; }}
QListView[role="rows"]::item {{ border-radius: 6px; padding: 8px; margin: 1px 0; }}
QListView[role="rows"]::item:selected {{ background: {ACCENT_SOFT}; color: {TEXT};
    border: 1px solid {ACCENT}; }}
QListView[role="rows"]:focus {{ border: 2px solid {ACCENT}; }}
QComboBox, QSpinBox, QDoubleSpinBox, QLineEdit {{ min-height: 26px; }}
QTextEdit, QPlainTextEdit {{ background: {SURFACE}; border: 1px solid {BORDER};
    border-radius: 8px; padding: 8px; }}
QScrollArea {{ background: transparent; border: none; }}
QFrame[role="banner"][kind="error"] {{ background: {ERROR_BG}; border: 1px solid #e7b9b0;
    border-radius: 8px; }}
QFrame[role="banner"][kind="error"] QLabel {{ color: {ERROR_FG}; }}
QFrame[role="banner"][kind="warning"] {{ background: {WARNING_BG}; border: 1px solid #ecd8a3;
    border-radius: 8px; }}
QFrame[role="banner"][kind="warning"] QLabel {{ color: {WARNING_FG}; }}
QFrame[role="banner"][kind="info"] {{ background: {INFO_BG}; border: 1px solid #b9d3e6;
    border-radius: 8px; }}
QFrame[role="banner"][kind="info"] QLabel {{ color: {INFO_FG}; }}
"""


def palette() -> QPalette:
    """Fusion's palette in our colours; inputs keep Fusion's own drawing of arrows."""
    result = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, BACKGROUND),
        (roles.WindowText, TEXT),
        (roles.Base, SURFACE),
        (roles.AlternateBase, BACKGROUND),
        (roles.Text, TEXT),
        (roles.Button, SURFACE),
        (roles.ButtonText, TEXT),
        (roles.Highlight, ACCENT),
        (roles.HighlightedText, "#ffffff"),
        (roles.PlaceholderText, "#8b9198"),
        (roles.ToolTipBase, SURFACE),
        (roles.ToolTipText, TEXT),
    ):
        result.setColor(role, QColor(value))
    return result


def apply(app: QApplication) -> None:
    """Give the whole application the Hotseat look."""
    base = QFont(app.font())
    if base.pointSizeF() < 10.5:
        base.setPointSizeF(10.5)
    app.setFont(base)
    app.setStyle("Fusion")
    app.setPalette(palette())
    app.setStyleSheet(STYLESHEET)
    app.setWindowIcon(app_icon())
    # The name of assets/hotseat.desktop: Wayland docks match windows to their entry by it.
    app.setDesktopFileName("hotseat")


def app_icon() -> QIcon:
    """Hotseat's icon at every size rendered from assets/hotseat.svg (scripts/make_icons.py)."""
    icon = QIcon()
    for png in sorted((paths.assets_dir() / "icons").glob("hotseat-*.png")):
        icon.addFile(str(png))
    return icon
