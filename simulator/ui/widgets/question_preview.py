"""The preview of one question in the library: everything a pack says about it.

Shows the text, category, framework, difficulty, answer band, prep time, follow-ups, tips,
clarifications and tags, with buttons to hear the question and to open its pack. A view:
the buttons only emit signals.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from simulator.library.queries import DIFFICULTIES, Entry
from simulator.ui import style

HEAR = "&Hear it"
PREPARING = "Preparing the voice…"


def _label(role: str | None = None) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label


def bullets(items: tuple[str, ...]) -> str:
    return "\n".join(f"•  {item}" for item in items)


class QuestionPreview(QFrame):
    hear_requested = Signal(str)
    open_pack_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.entry: Entry | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 20)
        layout.setSpacing(8)
        self.empty_label = _label("muted")
        self.empty_label.setText("Select a question to see everything about it.")
        layout.addWidget(self.empty_label)
        self.text_label = _label()
        self.text_label.setFont(style.font(14, bold=True))
        self.text_label.setAccessibleName("Question text")
        self.meta_label = _label("muted")
        self.meta_label.setAccessibleName("Category, framework and difficulty")
        self.band_label = _label("muted")
        self.band_label.setAccessibleName("Answer band and preparation time")
        self.pack_label = _label("muted")
        self.pack_label.setAccessibleName("Pack")
        for label in (self.text_label, self.meta_label, self.band_label, self.pack_label):
            layout.addWidget(label)
        buttons = QHBoxLayout()
        self.hear_button = QPushButton(HEAR)
        self.hear_button.setAccessibleName("Hear the question in the interviewer's voice")
        self.hear_button.clicked.connect(self._hear)
        self.open_pack_button = QPushButton("&Open its pack")
        self.open_pack_button.setAccessibleName("Open this question's pack in the editor")
        self.open_pack_button.clicked.connect(self._open_pack)
        buttons.addWidget(self.hear_button)
        buttons.addWidget(self.open_pack_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.lists: dict[str, tuple[QLabel, QLabel]] = {}
        for key, heading in (
            ("follow_ups", "FOLLOW-UPS"),
            ("tips", "TIPS"),
            ("clarifications", "CLARIFICATIONS"),
            ("tags", "TAGS"),
        ):
            title = QLabel(heading)
            title.setProperty("role", "section")
            body = _label()
            body.setAccessibleName(heading.capitalize())
            layout.addWidget(title)
            layout.addWidget(body)
            self.lists[key] = (title, body)
        layout.addStretch(1)
        self.show_entry(None)

    @property
    def follow_ups_label(self) -> QLabel:
        return self.lists["follow_ups"][1]

    @property
    def tips_label(self) -> QLabel:
        return self.lists["tips"][1]

    @property
    def clarifications_label(self) -> QLabel:
        return self.lists["clarifications"][1]

    @property
    def tags_label(self) -> QLabel:
        return self.lists["tags"][1]

    def show_entry(self, entry: Entry | None) -> None:
        self.entry = entry
        shown = entry is not None
        self.empty_label.setVisible(not shown)
        for widget in (
            self.text_label,
            self.meta_label,
            self.band_label,
            self.pack_label,
            self.hear_button,
            self.open_pack_button,
        ):
            widget.setVisible(shown)
        for title, body in self.lists.values():
            title.setVisible(False)
            body.setVisible(False)
        if entry is None:
            return
        question, pack = entry.question, entry.pack
        self.text_label.setText(question.text)
        level = DIFFICULTIES.get(question.difficulty, str(question.difficulty))
        self.meta_label.setText(
            f"{question.category} · {question.framework} · difficulty {question.difficulty} "
            f"({level})"
        )
        low, high = question.answer_seconds
        prep = f" · {question.prep_seconds} s to prepare" if question.prep_seconds else ""
        self.band_label.setText(f"Answer in {low}–{high} s{prep}")
        source = "your pack" if pack.source == "user" else "built-in"
        self.pack_label.setText(f"From “{pack.title}” ({source}) · id {question.id}")
        for key, (title, body) in self.lists.items():
            items: tuple[str, ...] = getattr(question, key)
            if key == "tags":
                items = entry.tags
            body.setText(", ".join(items) if key == "tags" else bullets(items))
            title.setVisible(bool(items))
            body.setVisible(bool(items))

    def set_preparing(self, preparing: bool) -> None:
        """While the voice renders, the button says so and cannot be pressed again."""
        self.hear_button.setEnabled(not preparing)
        self.hear_button.setText(PREPARING if preparing else HEAR)

    def _hear(self) -> None:
        if self.entry is not None:
            self.hear_requested.emit(self.entry.question.text)

    def _open_pack(self) -> None:
        if self.entry is not None:
            self.open_pack_requested.emit(self.entry.pack.id)
