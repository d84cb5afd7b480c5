"""The form for a pack's own fields (id, title, description, language, tags), with problems.

Like ``QuestionForm``: ``set_fields`` fills it from a pack, ``apply_to`` reads back what it
shows, ``changed`` fires on every edit.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from simulator.core.packs import Pack
from simulator.ui.widgets.fields import ListEdit, ProblemLabel, TextEdit, with_problem


class PackForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.id_edit = QLineEdit()
        self.id_edit.setAccessibleName("Pack id")
        self.id_edit.setPlaceholderText("lowercase-words-with-hyphens")
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Pack title")
        self.description_edit = TextEdit("Pack description", lines=2)
        self.language_edit = QLineEdit()
        self.language_edit.setAccessibleName("Language code")
        self.language_edit.setPlaceholderText("en")
        self.language_edit.setMaximumWidth(120)
        self.tags_edit = ListEdit("Pack tags", lines=2)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setVerticalSpacing(8)
        self.problem_labels: dict[str, ProblemLabel] = {}
        rows: list[tuple[str, str, QWidget]] = [
            ("Pack i&d", "id", self.id_edit),
            ("Titl&e", "title", self.title_edit),
            ("Descriptio&n", "description", self.description_edit),
            ("Language c&ode", "language", self.language_edit),
            ("Pac&k tags", "tags", self.tags_edit),
        ]
        for label, key, field in rows:
            box, problem = with_problem(field)
            self.problem_labels[key] = problem
            form.addRow(label, box)
            label_widget = form.labelForField(box)
            if isinstance(label_widget, QLabel):
                label_widget.setBuddy(field)
        for line in (self.id_edit, self.title_edit, self.language_edit):
            line.textChanged.connect(self._edited)
        for text in (self.description_edit, self.tags_edit):
            text.textChanged.connect(self._edited)

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def set_fields(self, pack: Pack) -> None:
        """Show the pack's fields; does not emit ``changed``."""
        self._loading = True
        try:
            self.id_edit.setText(pack.id)
            self.title_edit.setText(pack.title)
            self.description_edit.setPlainText(pack.description)
            self.language_edit.setText(pack.language)
            self.tags_edit.set_items(pack.tags)
        finally:
            self._loading = False

    def apply_to(self, pack: Pack) -> Pack:
        """``pack`` with the fields as the form shows them."""
        return replace(
            pack,
            id=self.id_edit.text().strip(),
            title=self.title_edit.text().strip(),
            description=self.description_edit.text(),
            language=self.language_edit.text().strip() or "en",
            tags=self.tags_edit.items(),
        )

    def show_problems(self, problems: dict[str, list[str]]) -> None:
        """Each field's problems under it; a problem of another key goes under the id."""
        known = set(self.problem_labels)
        stray = [m for key, messages in problems.items() if key not in known for m in messages]
        for key, label in self.problem_labels.items():
            label.show_problems(problems.get(key, []) + (stray if key == "id" else []))

    def set_read_only(self, read_only: bool) -> None:
        for line in (self.id_edit, self.title_edit, self.language_edit):
            line.setReadOnly(read_only)
        for text in (self.description_edit, self.tags_edit):
            text.setReadOnly(read_only)
