"""The pack editor: a pack's fields and its questions, checked as the user types.

A view: it edits a draft ``Pack`` in memory, checks it after every edit with the loader's own
rules (``library.checks``) and shows each problem under its field, and emits
``save_requested`` / ``delete_requested`` for the window to carry out through the services.
Built-in packs open read-only; "Copy to edit" turns the draft into a new user pack.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from simulator.core.packs import Pack, Question
from simulator.library.checks import (
    FieldProblem,
    check_pack,
    for_pack,
    for_question,
    new_pack,
    taken_ids,
    unique_id,
)
from simulator.ui import style
from simulator.ui.models.rows import RowsModel
from simulator.ui.widgets.editor_parts import QuestionList, section
from simulator.ui.widgets.pack_form import PackForm
from simulator.ui.widgets.question_form import QuestionForm
from simulator.ui.widgets.row_list import RowList


class PackEditorPage(QWidget):
    back_requested = Signal()
    save_requested = Signal(object, object)  # the Pack, the id it replaces (or None)
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base = new_pack(set())
        self._questions: list[Question] = list(self._base.questions)
        self._known: Sequence[Pack] = ()
        self.original_id: str | None = None  # the saved user pack this draft replaces
        self.read_only = False
        self.dirty = False
        self.problems: list[FieldProblem] = []
        self._build()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(style.MARGIN, style.MARGIN - 8, style.MARGIN, style.MARGIN)
        outer.setSpacing(12)
        header = QHBoxLayout()
        self.back_button = QPushButton("← &Back")
        self.back_button.setAccessibleName("Back to the question library")
        self.back_button.clicked.connect(self.go_back)
        self.title_label = QLabel()
        self.title_label.setProperty("role", "title")
        self.copy_button = QPushButton("Copy to edit")
        self.copy_button.setAccessibleName("Copy this built-in pack to make your own")
        self.copy_button.clicked.connect(self.copy_to_edit)
        self.delete_button = QPushButton("Delete pack…")
        self.delete_button.setAccessibleName("Delete this pack")
        self.delete_button.clicked.connect(self.confirm_delete)
        self.save_button = QPushButton("Sa&ve pack")
        self.save_button.setProperty("role", "primary")
        self.save_button.setAccessibleName("Save the pack")
        self.save_button.setToolTip("Save the pack (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        save_key = QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        save_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for widget in (self.back_button, self.title_label):
            header.addWidget(widget)
        header.addStretch(1)
        for button in (self.copy_button, self.delete_button, self.save_button):
            header.addWidget(button)
        outer.addLayout(header)
        self.status_label = QLabel()
        self.status_label.setProperty("role", "muted")
        self.status_label.setWordWrap(True)
        outer.addWidget(self.status_label)

        columns = QHBoxLayout()
        columns.setSpacing(style.SPACING + 8)
        outer.addLayout(columns, 1)
        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(section("PACK"))
        self.pack_form = PackForm()
        self.pack_form.changed.connect(self._edited)
        left.addWidget(self.pack_form)
        left.addWidget(section("QUESTIONS"))
        self.question_list = QuestionList()
        self.question_list.current_changed.connect(self._show_question)
        self.question_list.order_changed.connect(self._reordered)
        self.question_list.add_requested.connect(self.add_question)
        self.question_list.remove_requested.connect(self.remove_question)
        left.addWidget(self.question_list, 1)
        columns.addLayout(left, 2)

        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(section("QUESTION"))
        self.question_form = QuestionForm()
        self.question_form.changed.connect(self._question_edited)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.question_form)
        right.addWidget(scroll, 1)
        self.problems_heading = section("PROBLEMS TO FIX BEFORE SAVING")
        self.problems_list: RowList[FieldProblem] = RowList(RowsModel(FieldProblem.describe))
        self.problems_list.setAccessibleName("Problems to fix before saving")
        self.problems_list.setMaximumHeight(90)
        self.problems_list.setWordWrap(True)
        self.problems_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.problems_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems_list.activated.connect(lambda _index: self._jump_to_problem())
        right.addWidget(self.problems_heading)
        right.addWidget(self.problems_list)
        columns.addLayout(right, 3)

    # --- opening ----------------------------------------------------------------------------

    def open_pack(self, pack: Pack | None, known: Sequence[Pack]) -> None:
        """Edit ``pack`` (None: a new one); ``known`` are the library's packs, for their ids."""
        self._known = known
        if pack is None:
            pack = new_pack({p.id for p in known})
            self.original_id, self.read_only, self.dirty = None, False, False
        else:
            built_in = pack.source != "user"
            self.original_id = None if built_in else pack.id
            self.read_only, self.dirty = built_in, False
        self._load(pack)

    def copy_to_edit(self) -> None:
        """Turn the built-in pack on screen into a new, unsaved user pack "<id>-copy"."""
        pack = self.current_pack()
        taken = {p.id for p in self._known}
        copy = replace(
            pack, id=unique_id(f"{pack.id}-copy", taken), title=f"{pack.title} (copy)", path=None
        )
        self.original_id, self.read_only, self.dirty = None, False, True
        self._load(copy)
        self.pack_form.id_edit.setFocus()

    def _load(self, pack: Pack) -> None:
        self._base = replace(pack, source="user")
        self._questions = list(pack.questions)
        self.pack_form.set_fields(pack)
        self.pack_form.set_read_only(self.read_only)
        self.question_form.set_read_only(self.read_only)
        self.question_list.set_read_only(self.read_only)
        self.copy_button.setVisible(self.read_only)
        self.delete_button.setVisible(self.original_id is not None)
        self.save_button.setVisible(not self.read_only)
        if self.read_only:
            self.title_label.setText(f"{pack.title} · built-in")
        else:
            self.title_label.setText("Edit pack" if self.original_id else "New pack")
        self.question_list.set_questions(self._questions, 0)
        self._show_question(0)
        self._check()

    # --- the draft --------------------------------------------------------------------------

    def current_pack(self) -> Pack:
        """The pack exactly as the editor shows it: what Save would write."""
        draft = replace(self._base, questions=tuple(self._questions))
        return draft if self.read_only else self.pack_form.apply_to(draft)

    def _edited(self) -> None:
        self.dirty = True
        self._check()

    def _question_edited(self) -> None:
        row = self.question_list.current_row()
        if 0 <= row < len(self._questions):
            self._questions[row] = self.question_form.question()
            self.question_list.update_row(row, self._questions[row])
        self._edited()

    def _show_question(self, row: int) -> None:
        has_question = 0 <= row < len(self._questions)
        self.question_form.setEnabled(has_question)
        if has_question:
            self.question_form.set_question(self._questions[row])
        self.question_form.show_problems(for_question(self.problems, row))

    def add_question(self) -> None:
        taken = {q.id for q in self._questions}
        base = f"question-{len(self._questions) + 1}"
        question = Question(id=unique_id(base, taken), text="", category="communication")
        self._questions.append(question)
        self._list_changed(len(self._questions) - 1)
        self.question_form.text_edit.setFocus()

    def remove_question(self, row: int) -> None:
        if 0 <= row < len(self._questions):
            del self._questions[row]
            self._list_changed(min(row, len(self._questions) - 1))

    def _reordered(self, order: list[int], current: int) -> None:
        self._questions = [self._questions[i] for i in order]
        self._list_changed(current)

    def _list_changed(self, current: int) -> None:
        """Show the questions again after a change to the list, with ``current`` in the form."""
        self.question_list.set_questions(self._questions, current)
        self._show_question(current)
        self._edited()

    def _check(self) -> None:
        taken = taken_ids(self._known, self.original_id)
        self.problems = [] if self.read_only else check_pack(self.current_pack(), taken)
        self.pack_form.show_problems(for_pack(self.problems))
        row = self.question_list.current_row()
        self.question_form.show_problems(for_question(self.problems, row))
        flagged = {p.question for p in self.problems if p.question is not None}
        self.question_list.flag_rows(flagged)
        self.problems_list.set_values(self.problems, choose=False)
        self.problems_heading.setVisible(bool(self.problems))
        self.problems_list.setVisible(bool(self.problems))
        self.save_button.setEnabled(not self.read_only and not self.problems)
        self.status_label.setText(self._status())

    def _status(self) -> str:
        if self.read_only:
            return "Built-in packs can't be changed. Copy this one to make your own version."
        count = len(self.problems)
        if count:
            return (
                f"{count} problem{'s' if count != 1 else ''} to fix before the pack can be saved."
            )
        if self.original_id is None:
            return "Not saved yet."
        return "Unsaved changes." if self.dirty else "Saved."

    def _jump_to_problem(self) -> None:
        problem = self.problems_list.current_value()
        if problem is not None and problem.question is not None:
            self.question_list.select(problem.question)
            self.question_form.setFocus()

    # --- actions ----------------------------------------------------------------------------

    def save(self) -> None:
        if self.read_only:
            return
        self._check()
        if self.problems:
            return
        self.save_requested.emit(self.current_pack(), self.original_id)

    def mark_saved(self, pack: Pack, where: str, known: Sequence[Pack]) -> None:
        """The pack was written to ``where``; keep editing it as the saved user pack."""
        self._known = known
        self.original_id = pack.id
        self.dirty = self.current_pack() != pack  # edits made while it was being written
        self.delete_button.setVisible(True)
        self.title_label.setText("Edit pack")
        self._check()
        self.status_label.setText(f"Saved to {where}")

    def show_error(self, message: str) -> None:
        self.status_label.setText(f"⚠ {message}")

    def confirm_delete(self) -> None:
        if self.original_id is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete pack",
            f"Delete the pack '{self.original_id}' and its file? This cannot be undone.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_requested.emit(self.original_id)

    def go_back(self) -> None:
        if self.dirty and not self.read_only:
            answer = QMessageBox.question(
                self, "Unsaved changes", "Leave the editor and lose your changes?"
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.back_requested.emit()
