"""The home page's choice of a pressure drill (or none) and its intensity.

The drills and their one-line descriptions come from ``core.drills``, the same catalogue the
terminal's ``hotseat drills list`` prints, so the window and the terminal offer the same ones.
A view only: it says what is chosen; the home page saves it with the other choices.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from simulator.core.drills import DRILLS, INTENSITIES
from simulator.ui import style

NO_DRILL = "None: plain practice"
NO_DRILL_TEXT = "No drill: the interviewer asks and listens, without interrupting."
HEADPHONES_TEXT = (
    "🎧 Use headphones if you can: the interviewer's cut-ins and the room's sounds then stay "
    "out of your recording. With loudspeakers they are left out of your measures."
)
DEFAULT_INTENSITY = 2


class DrillPicker(QWidget):
    """A drill combo (None first), an intensity combo, the drill's description, a headphones
    line; ``changed`` when either choice changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        heading = QLabel("PRESSURE")
        heading.setProperty("role", "section")
        layout.addWidget(heading)
        self.drill_combo = QComboBox()
        self.drill_combo.setAccessibleName("Pressure drill")
        self.drill_combo.addItem(NO_DRILL, None)
        for drill in DRILLS:
            self.drill_combo.addItem(drill.title, drill.name)
            self.drill_combo.setItemData(
                self.drill_combo.count() - 1, drill.description, Qt.ItemDataRole.ToolTipRole
            )
        self.intensity_combo = QComboBox()
        self.intensity_combo.setAccessibleName("Drill intensity")
        for level, word in sorted(INTENSITIES.items()):
            self.intensity_combo.addItem(f"{level} · {word}", level)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(14)
        form.addRow("&Drill", self.drill_combo)
        form.addRow("&Intensity", self.intensity_combo)
        layout.addLayout(form)
        self.description_label = QLabel("")
        self.description_label.setWordWrap(True)
        self.description_label.setAccessibleName("What the drill does")
        self.headphones_label = QLabel(HEADPHONES_TEXT)
        self.headphones_label.setWordWrap(True)
        self.headphones_label.setProperty("role", "muted")
        self.headphones_label.setFont(style.font(9.5))
        layout.addWidget(self.description_label)
        layout.addWidget(self.headphones_label)
        self.drill_combo.currentIndexChanged.connect(self._drill_changed)
        self.intensity_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.set_choice(None, DEFAULT_INTENSITY)

    def drill(self) -> str | None:
        """The chosen drill's name, or None for plain practice."""
        name = self.drill_combo.currentData()
        return str(name) if name else None

    def intensity(self) -> int:
        return int(self.intensity_combo.currentData())

    def set_choice(self, drill: str | None, intensity: int) -> None:
        """Show a saved choice; a drill this version does not have falls back to none."""
        index = self.drill_combo.findData(drill) if drill else 0
        self.intensity_combo.setCurrentIndex(max(0, self.intensity_combo.findData(intensity)))
        self.drill_combo.setCurrentIndex(max(0, index))
        self._drill_changed()

    def _drill_changed(self, _index: int = 0) -> None:
        name = self.drill()
        description = next((d.description for d in DRILLS if d.name == name), NO_DRILL_TEXT)
        self.description_label.setText(description)
        self.description_label.setProperty("role", "" if name else "muted")
        self.description_label.style().polish(self.description_label)
        self.intensity_combo.setEnabled(name is not None)
        self.headphones_label.setVisible(name is not None)
        self.changed.emit()

    def focus_chain(self) -> list[QWidget]:
        """Its controls in Tab order, for the page's own order."""
        return [self.drill_combo, self.intensity_combo]


__all__ = ["HEADPHONES_TEXT", "NO_DRILL", "DrillPicker"]
