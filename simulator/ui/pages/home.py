"""The home page: choose the questions (one pack, or a mix by category) and how to practise.

A view only: it shows the library and the settings it is given and emits signals; the window
does the work (saving choices, checks, starting the session).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from simulator.library import Library
from simulator.settings import Settings
from simulator.ui import style
from simulator.ui.voice_order import Voice, sorted_voices
from simulator.ui.widgets.drill_picker import DrillPicker
from simulator.ui.widgets.pack_list import PackList
from simulator.ui.widgets.question_source import QuestionSource
from simulator.ui.widgets.tick_boxes import TickBoxes
from simulator.ui.widgets.up_down_scroll import UpDownScroll

ENGINE_CHOICES = (
    ("Automatic", "auto"),
    ("Vosk", "vosk"),
    ("PocketSphinx (built-in English)", "pocketsphinx"),
)
DEFAULT_VOICE = "System default"
PICK_CATEGORY = "Pick at least one category to mix questions from."
PICK_PACK = "Choose a question pack."


class HomePage(QWidget):
    start_requested = Signal()
    settings_requested = Signal()
    browse_requested = Signal()
    history_requested = Signal()
    engine_changed = Signal(str)

    def __init__(self, library: Library, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self._blocked: str | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(style.MARGIN, style.MARGIN, style.MARGIN, style.MARGIN)
        outer.setSpacing(style.SPACING)
        title = QLabel("Practise an interview")
        title.setProperty("role", "title")
        self.browse_button = QPushButton("&Browse questions…")
        self.browse_button.setAccessibleName("Browse, search and edit all the questions")
        self.browse_button.clicked.connect(self.browse_requested.emit)
        self.history_button = QPushButton("&Past sessions…")
        self.history_button.setAccessibleName("Open your past sessions and their feedback")
        self.history_button.clicked.connect(self.history_requested.emit)
        title_row = QHBoxLayout()
        title_row.addWidget(title)
        title_row.addStretch(1)
        title_row.addWidget(self.history_button)
        title_row.addWidget(self.browse_button)
        subtitle = QLabel(
            "Choose a set of questions. The interviewer reads each one aloud; you answer out "
            "loud and get your recording and transcript back at the end."
        )
        subtitle.setProperty("role", "subtitle")
        subtitle.setWordWrap(True)
        outer.addLayout(title_row)
        outer.addWidget(subtitle)
        self.practice_label = QLabel("")  # one line of recent practice (the history flow's)
        self.practice_label.setProperty("role", "muted")
        self.practice_label.setAccessibleName("Your recent practice")
        self.practice_label.setVisible(False)
        outer.addWidget(self.practice_label)

        columns = QHBoxLayout()
        columns.setSpacing(style.SPACING + 8)
        outer.addLayout(columns, 1)
        columns.addLayout(self._build_packs(), 3)
        self.session_panel = self._build_options()
        columns.addWidget(self.session_panel, 2)
        self.load_settings(settings)
        self._set_tab_order()
        self._source_changed()

    def set_practice_summary(self, text: str) -> None:
        self.practice_label.setText(text)
        self.practice_label.setVisible(bool(text))

    # --- building ---------------------------------------------------------------------------

    def _set_tab_order(self) -> None:
        order = [
            self.history_button,
            self.browse_button,
            self.source.pack_button,
            self.source.mix_button,
            self.packs_list,
            self.source.categories,
            self.details_button,
            *(self.question_count, self.shuffle_check, self.seed_edit, self.engine_combo),
            *(self.voice_combo, self.hide_question_check, *self.drill_picker.focus_chain()),
            *(self.settings_button, self.start_button),
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    def _build_packs(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(8)
        heading = QLabel("QUESTIONS FROM")
        heading.setProperty("role", "section")
        self.source = QuestionSource(self.library)
        self.tick_boxes = TickBoxes("Fusion")  # kept here: the widget does not own its style
        self.source.categories.setStyle(self.tick_boxes)
        self.source.changed.connect(self._source_changed)
        self.source.activated.connect(self.start_requested.emit)
        column.addWidget(heading)
        column.addWidget(self.source, 1)
        if not self.library.packs:
            empty = QLabel("No question packs were found.")
            empty.setProperty("role", "muted")
            column.addWidget(empty)

        self.problems_label = QLabel()
        self.problems_label.setProperty("role", "muted")
        self.problems_details = QLabel()
        self.problems_details.setWordWrap(True)
        self.problems_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_details.setVisible(False)
        self.details_button = QPushButton("details")
        self.details_button.setProperty("role", "link")
        self.details_button.setAccessibleName("Show the problems in your packs")
        self.details_button.clicked.connect(self._toggle_details)
        problems_row = QHBoxLayout()
        problems_row.addWidget(self.problems_label)
        problems_row.addWidget(self.details_button)
        problems_row.addStretch(1)
        column.addLayout(problems_row)
        column.addWidget(self.problems_details)
        self._show_problems()
        return column

    def _build_options(self) -> QFrame:
        """The session card: the choices, scrolling when the window is small, and under them
        Settings and Start, always in sight."""
        card = QFrame()
        card.setProperty("role", "card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 18, 20, 20)
        layout.setSpacing(12)
        heading = QLabel("SESSION")
        heading.setProperty("role", "section")
        layout.addWidget(heading)
        layout.addWidget(self._build_choices(), 1)
        self.start_button = QPushButton("Start interview")
        self.start_button.setProperty("role", "primary")
        self.start_button.setDefault(True)
        self.start_button.setAccessibleName("Start the interview")
        self.start_button.clicked.connect(self.start_requested.emit)
        self.settings_button = QPushButton("Settings…")
        self.settings_button.setAccessibleName("Open the settings")
        self.settings_button.clicked.connect(self.settings_requested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        layout.addLayout(buttons)
        # Why Start is greyed out, in words, right under it.
        self.start_hint = QLabel("")
        self.start_hint.setObjectName("start_hint")
        self.start_hint.setWordWrap(True)
        self.start_hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.start_hint.setStyleSheet(f"color: {style.WARNING_FG};")
        self.start_hint.setVisible(False)
        layout.addWidget(self.start_hint)
        return card

    def _build_choices(self) -> UpDownScroll:
        """The form and the keys' hint, scrolling up and down only."""
        choices = QWidget()
        layout = QVBoxLayout(choices)
        layout.setContentsMargins(0, 0, 6, 0)  # a gap before the scroll bar
        layout.setSpacing(12)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(14)
        self.question_count = QSpinBox()
        self.question_count.setRange(1, 50)
        self.question_count.setAccessibleName("Number of questions")
        self.shuffle_check = QCheckBox("Shuffle the questions")
        self.seed_edit = QLineEdit()
        self.seed_edit.setValidator(QIntValidator(0, 2_147_483_647, self.seed_edit))
        self.seed_edit.setPlaceholderText("random")
        self.seed_edit.setAccessibleName("Shuffle seed")
        self.seed_edit.setAccessibleDescription("The same seed shuffles the same way again")
        self.shuffle_check.toggled.connect(self.seed_edit.setEnabled)
        self.engine_combo = QComboBox()
        self.engine_combo.setAccessibleName("Speech recognition engine")
        for label, value in ENGINE_CHOICES:
            self.engine_combo.addItem(label, value)
        self.engine_combo.currentIndexChanged.connect(
            lambda _i: self.engine_changed.emit(self.engine())
        )
        self.voice_combo = QComboBox()
        self.voice_combo.setAccessibleName("Interviewer voice")
        self.voice_combo.addItem(DEFAULT_VOICE, None)
        self.hide_question_check = QCheckBox("Hide the question text (listen only)")
        form.addRow("&Questions", self.question_count)
        form.addRow("", self.shuffle_check)
        form.addRow("S&eed", self.seed_edit)
        form.addRow("&Recognition", self.engine_combo)
        form.addRow("&Voice", self.voice_combo)
        form.addRow("", self.hide_question_check)
        self.drill_picker = DrillPicker()
        self.drill_picker.add_to(form)
        layout.addLayout(form)
        layout.addStretch(1)
        hint = QLabel(
            "During the interview: <b>Space</b> ends your answer or skips ahead, "
            "<b>Esc</b> asks before ending the interview. Everything is recorded on this computer "
            "only."
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "muted")
        layout.addWidget(hint)
        area = UpDownScroll()
        area.setWidget(choices)
        choices.setAutoFillBackground(False)  # after setWidget, which turns it on
        return area

    # --- state --------------------------------------------------------------------------------

    def load_settings(self, settings: Settings) -> None:
        self.question_count.setValue(settings.questions)
        self.shuffle_check.setChecked(settings.shuffle)
        self.seed_edit.setEnabled(settings.shuffle)
        self.hide_question_check.setChecked(settings.hide_question_text)
        self.set_engine(settings.engine)
        self._select_voice(settings.voice)
        self.select_pack(settings.last_pack)
        self.seed_edit.setText("" if settings.seed is None else str(settings.seed))
        self.source.categories.set_chosen(list(settings.mix_categories))
        self.source.set_mix(settings.mix)
        self.drill_picker.set_choice(settings.drill, settings.intensity)

    def apply_to(self, settings: Settings) -> Settings:
        """The settings with the choices made on this page."""
        return settings.with_changes(
            questions=self.question_count.value(),
            shuffle=self.shuffle_check.isChecked(),
            engine=self.engine(),
            voice=self.voice_combo.currentData(),
            hide_question_text=self.hide_question_check.isChecked(),
            last_pack=self.selected_pack_id(),
            seed=self._typed_seed(),
            mix=self.mix_selected(),
            mix_categories=tuple(self.mix_categories()),
            drill=self.drill_picker.drill(),
            intensity=self.drill_picker.intensity(),
        )

    def engine(self) -> str:
        return str(self.engine_combo.currentData())

    def set_engine(self, engine: str) -> None:
        index = self.engine_combo.findData(engine)
        self.engine_combo.setCurrentIndex(max(0, index))

    def set_voices(self, voices: Sequence[Voice], current: str | None) -> None:
        self.voice_combo.clear()
        self.voice_combo.addItem(DEFAULT_VOICE, None)
        for voice in sorted_voices(voices):
            self.voice_combo.addItem(voice.name, voice.id)
        self._select_voice(current)

    def _select_voice(self, voice_id: str | None) -> None:
        index = self.voice_combo.findData(voice_id) if voice_id else 0
        if index < 0 and voice_id:
            # Voices are listed in the background; keep the saved one until they arrive.
            self.voice_combo.addItem(voice_id, voice_id)
            index = self.voice_combo.count() - 1
        self.voice_combo.setCurrentIndex(max(0, index))

    @property
    def packs_list(self) -> PackList:
        return self.source.packs_list

    def set_library(self, library: Library) -> None:
        """Show a reloaded library (after a pack was saved or deleted)."""
        self.library = library
        self.source.set_library(library)
        self._set_tab_order()  # the pack list is a new widget
        self._show_problems()

    def select_pack(self, pack_id: str | None) -> None:
        self.packs_list.select_pack(pack_id)

    def selected_pack_id(self) -> str | None:
        return self.source.selected_pack_id()

    def mix_selected(self) -> bool:
        return self.source.is_mix()

    def mix_categories(self) -> list[str]:
        return self.source.categories.chosen()

    def seed(self) -> int | None:
        """The shuffle seed typed in, or None for a fresh shuffle each time."""
        return self._typed_seed() if self.shuffle_check.isChecked() else None

    def _typed_seed(self) -> int | None:
        # Kept even while shuffling is off, so turning it back on brings the seed back.
        text = self.seed_edit.text().strip()
        return int(text) if text else None

    def set_blocked(self, reason: str | None) -> None:
        """Keep Start greyed out for ``reason`` (no microphone), or None once it is fixed."""
        self._blocked = reason
        self._update_start()

    def _source_changed(self) -> None:
        available = self.source.available()
        if available:  # nothing ticked yet must not clamp the count the user chose
            self.question_count.setMaximum(available)
        self._update_start()

    def start_blocked_by(self) -> str | None:
        """Why Start cannot be pressed now, in words; None when it can."""
        if self._blocked:
            return self._blocked
        if self.source.available() > 0:
            return None
        return PICK_CATEGORY if self.mix_selected() else PICK_PACK

    def _update_start(self) -> None:
        reason = self.start_blocked_by()
        self.start_button.setEnabled(reason is None)
        self.start_button.setAccessibleDescription(reason or "")
        self.start_button.setToolTip(reason or "")
        self.start_hint.setText(reason or "")
        self.start_hint.setVisible(reason is not None)

    def _show_problems(self) -> None:
        problems = self.library.problems
        files = sorted({problem.path for problem in problems})
        visible = bool(files)
        self.problems_label.setVisible(visible)
        self.details_button.setVisible(visible)
        if not visible:
            return
        count = len(files)
        self.problems_label.setText(
            f"⚠ {count} of your pack{'s' if count != 1 else ''} "
            f"{'have' if count != 1 else 'has'} problems —"
        )
        self.problems_details.setText("\n".join(str(problem) for problem in problems))

    def _toggle_details(self) -> None:
        self.problems_details.setVisible(not self.problems_details.isVisible())
