"""The home page's choice of a pressure drill (or none) and its intensity.

The drills and their one-line descriptions come from ``core.drills``, the same catalogue the
terminal's ``hotseat drills list`` prints, so the window and the terminal offer the same ones.
A view only: it says what is chosen; the home page saves it with the other choices.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QWidget

from simulator.core.drills import DRILLS, INTENSITIES
from simulator.ui import style

NO_DRILL = "None: plain practice"
HEADPHONES_TEXT = (
    "Wear headphones if you can: the interviewer and the room's sounds then stay out of "
    "your recording."
)
DEFAULT_INTENSITY = 2


class DrillPicker(QWidget):
    """One form row: the drill (None first) and its intensity side by side; under it, the
    drill's description and a headphones line (``add_to`` puts all three in a form)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.intensity_combo.setToolTip("How hard the drill pushes: 1 gentle to 3 hard")
        for level, word in sorted(INTENSITIES.items()):
            self.intensity_combo.addItem(f"{level} · {word}", level)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.drill_combo, 3)
        row.addWidget(self.intensity_combo, 2)
        self.setFocusProxy(self.drill_combo)  # the row's mnemonic goes to the drill
        self.description_label = QLabel("")
        self.description_label.setWordWrap(True)
        self.description_label.setAccessibleName("What the drill does")
        self.headphones_label = QLabel(HEADPHONES_TEXT)
        self.headphones_label.setWordWrap(True)
        self.headphones_label.setProperty("role", "muted")
        self.headphones_label.setFont(style.font(9.5))
        self.drill_combo.currentIndexChanged.connect(self._drill_changed)
        self.set_choice(None, DEFAULT_INTENSITY)

    def add_to(self, form: QFormLayout, label: str = "&Drill") -> None:
        """Its row, then the description and the headphones line across the form."""
        form.addRow(label, self)
        caption = form.labelForField(self)
        if isinstance(caption, QLabel):  # its mnemonic focuses the drill, not the row
            caption.setBuddy(self.drill_combo)
        form.addRow(self.description_label)
        form.addRow(self.headphones_label)

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
        description = next((d.description for d in DRILLS if d.name == name), "")
        self.description_label.setText(description)
        # Without a drill the combo says it all, and the smallest window keeps Start in view.
        self.description_label.setVisible(name is not None)
        self.intensity_combo.setEnabled(name is not None)
        self.headphones_label.setVisible(name is not None)

    def focus_chain(self) -> list[QWidget]:
        """Its controls in Tab order, for the page's own order."""
        return [self.drill_combo, self.intensity_combo]


__all__ = ["HEADPHONES_TEXT", "NO_DRILL", "DrillPicker"]
