"""The settings dialog: voice, recognition, microphone and answer options, saved on OK.

Voices and input devices are listed in the background (listing voices starts the speech
worker), microphones by readable names (``device_names``); the model field says which model
was found, or that none is installed; a Vosk model folder is checked in the background, with a
plain verdict. OK writes the settings through ``SettingsFile`` so they survive a restart.
"Delete everything…" removes every saved session after a typed confirmation (the past
sessions façade's ``forget_everything``, in the background); the window keeps no saved file
open (the store is opened per request, a recording is read whole before it plays).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from simulator.settings import Settings, SettingsFile
from simulator.ui import style
from simulator.ui.delete_everything_dialog import DeleteEverythingDialog
from simulator.ui.device_names import SYSTEM_DEFAULT, device_choices, readable_device
from simulator.ui.model_install_dialog import ModelInstallDialog, ModelInstaller
from simulator.ui.pages.home import DEFAULT_VOICE, ENGINE_CHOICES
from simulator.ui.tasks import TaskRunner
from simulator.ui.voice_order import Voice, sorted_voices

DEFAULT_DEVICE = SYSTEM_DEFAULT
LOOKING = "Looking for a model…"
NO_MODEL = "No model installed"
NO_MODEL_NOTE = "Get a model… for more accurate transcripts (PocketSphinx is used until then)."


class VoiceList(Protocol):
    def list_voices(self) -> Sequence[Voice]:
        """The synthesiser's voices (starts the TTS worker: slow)."""
        ...


class DeviceList(Protocol):
    def list_input_devices(self) -> list[str]:
        """Names of the input devices, for the settings."""
        ...


class ModelChoice(ModelInstaller, Protocol):
    def check_model(self, path: str) -> str:
        """A verdict on a Vosk model folder; raises ModelError saying what is wrong."""
        ...

    def find_model(self) -> str | None:
        """The Vosk model folder used when none is chosen, or None: none is installed."""
        ...


class SavedData(Protocol):
    def forget_everything(self) -> object:
        """Delete every saved session and its recordings; says what went (slow: the store
        and the disk). Raises StoreError, saying why, when it cannot."""
        ...


class SettingsServices(Protocol):
    """The façades the dialog lists, checks and deletes through (``services.Services`` for
    real)."""

    @property
    def voices(self) -> VoiceList: ...
    @property
    def microphones(self) -> DeviceList: ...
    @property
    def models(self) -> ModelChoice: ...
    @property
    def history(self) -> SavedData: ...


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        services: SettingsServices,
        settings_file: SettingsFile,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings — Hotseat")
        self.setMinimumWidth(740)
        self.settings = settings
        self.saved_settings: Settings | None = None
        self._services = services
        self._file = settings_file
        self._tasks = tasks
        self.model_install_dialog: ModelInstallDialog | None = None
        self.delete_dialog: DeleteEverythingDialog | None = None
        self._build()
        self._load(settings)
        self._tasks.run_task(services.voices.list_voices, self._voices_listed, self._voices_failed)
        self._tasks.run_task(
            services.microphones.list_input_devices, self._devices_listed, self._devices_failed
        )
        self.found_model: str | None = None
        self._tasks.run_task(services.models.find_model, self._model_found, self._model_not_found)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 18)
        layout.setSpacing(14)
        title = QLabel("Settings")
        title.setProperty("role", "title")
        layout.addWidget(title)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(16)

        self.voice_combo = QComboBox()
        self.voice_combo.setAccessibleName("Interviewer voice")
        self.rate_spin = QSpinBox()
        self.rate_spin.setRange(80, 320)
        self.rate_spin.setSuffix(" words/min")
        self.rate_spin.setAccessibleName("Speaking rate")
        self.engine_combo = QComboBox()
        self.engine_combo.setAccessibleName("Speech recognition engine")
        for label, value in ENGINE_CHOICES:
            self.engine_combo.addItem(label, value)

        self.model_edit = QLineEdit()
        self.model_edit.setPlaceholderText(LOOKING)
        self.model_edit.setAccessibleName("Vosk model folder")
        self.browse_button = QPushButton("Choose…")
        self.browse_button.setAccessibleName("Choose the Vosk model folder")
        self.browse_button.clicked.connect(self.choose_model_folder)
        self.check_button = QPushButton("Check")
        self.check_button.setAccessibleName("Check the Vosk model folder")
        self.check_button.clicked.connect(self.check_model)
        self.get_model_button = QPushButton("Get a model…")
        self.get_model_button.setAccessibleName("Download or import a Vosk model")
        self.get_model_button.clicked.connect(self.get_model)
        model_row = QHBoxLayout()
        model_row.addWidget(self.model_edit, 1)
        model_row.addWidget(self.browse_button)
        model_row.addWidget(self.check_button)
        model_row.addWidget(self.get_model_button)
        self.model_note = QLabel("")
        self.model_note.setWordWrap(True)
        self.model_note.setProperty("role", "muted")
        self.model_note.setVisible(False)
        self.model_verdict = QLabel("")
        self.model_verdict.setWordWrap(True)
        self.model_verdict.setAccessibleName("Model check result")
        self.model_verdict.setVisible(False)

        self.device_combo = QComboBox()
        self.device_combo.setAccessibleName("Microphone")
        self.silence_spin = QDoubleSpinBox()
        self.silence_spin.setRange(1.0, 15.0)
        self.silence_spin.setSingleStep(0.5)
        self.silence_spin.setDecimals(1)
        self.silence_spin.setSuffix(" s")
        self.silence_spin.setAccessibleName("Silence that ends an answer")
        self.hide_question_check = QCheckBox("Hide the question text (listen only)")

        form.addRow("Interviewer &voice", self.voice_combo)
        form.addRow("Speaking &rate", self.rate_spin)
        form.addRow("Recognition &engine", self.engine_combo)
        model_label = QLabel("Vosk &model folder")
        model_label.setBuddy(self.model_edit)
        form.addRow(model_label, model_row)
        form.addRow("", self.model_note)
        form.addRow("", self.model_verdict)
        form.addRow("&Microphone", self.device_combo)
        form.addRow("End an answer after", self.silence_spin)
        form.addRow("", self.hide_question_check)
        self.delete_everything_button = QPushButton("Delete everything…")
        self.delete_everything_button.setAccessibleName("Delete every saved session")
        self.delete_everything_button.clicked.connect(self.ask_delete_everything)
        self.data_note = QLabel("Every saved session, with its recordings and scores.")
        self.data_note.setWordWrap(True)
        self.data_note.setProperty("role", "muted")
        data_row = QHBoxLayout()
        data_row.addWidget(self.delete_everything_button)
        data_row.addWidget(self.data_note, 1)
        form.addRow("Your data", data_row)
        layout.addLayout(form)
        self.problem_label = QLabel("")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(f"color: {style.OVER};")
        layout.addWidget(self.problem_label)
        layout.addStretch(1)
        # Our own buttons: the standard ones carry the desktop theme's dated icons on Linux.
        self.buttons = QDialogButtonBox()
        self.ok_button = QPushButton("OK")
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setDefault(True)
        self.ok_button.setAccessibleName("Save the settings")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Close without saving")
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _load(self, settings: Settings) -> None:
        self._fill_voices([], settings.voice)
        self.rate_spin.setValue(settings.rate)
        self.engine_combo.setCurrentIndex(max(0, self.engine_combo.findData(settings.engine)))
        self.model_edit.setText(settings.model_path or "")
        self._fill_devices([], settings.input_device)
        self.silence_spin.setValue(settings.end_silence_s)
        self.hide_question_check.setChecked(settings.hide_question_text)

    # --- lists filled in the background ---------------------------------------------------

    def _fill_voices(self, voices: Sequence[Voice], current: str | None) -> None:
        self.voice_combo.clear()
        self.voice_combo.addItem(DEFAULT_VOICE, None)
        for voice in sorted_voices(voices):
            self.voice_combo.addItem(voice.name, voice.id)
        _select(self.voice_combo, current)

    def _voices_listed(self, voices: Sequence[Voice]) -> None:
        self._fill_voices(voices, self.voice_combo.currentData())

    def _voices_failed(self, error: BaseException) -> None:
        self.problem_label.setText(f"The voices could not be listed: {error}")

    def _fill_devices(self, names: Sequence[str], current: str | None) -> None:
        self.device_combo.clear()
        for label, value in device_choices(names):
            self.device_combo.addItem(label, value)
        if current and self.device_combo.findData(current) < 0:  # saved, not listed (yet)
            self.device_combo.addItem(f"{readable_device(current)} — not found now", current)
        _select(self.device_combo, current)

    def _devices_listed(self, names: Sequence[str]) -> None:
        self._fill_devices(names, self.device_combo.currentData())

    def _devices_failed(self, error: BaseException) -> None:
        self.problem_label.setText(f"The microphones could not be listed: {error}")

    # --- the model folder -------------------------------------------------------------------

    def _model_found(self, folder: str | None) -> None:
        """What an empty model field means: the model found on its own, or none at all."""
        self.found_model = folder
        if folder:
            self.model_edit.setPlaceholderText(f"Found automatically: {Path(folder).name}")
        else:
            self.model_edit.setPlaceholderText(NO_MODEL)
        self.model_note.setText("" if folder else NO_MODEL_NOTE)
        self.model_note.setVisible(not folder)

    def _model_not_found(self, error: BaseException) -> None:
        self._model_found(None)

    def choose_model_folder(self) -> None:
        start = self.model_edit.text() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, "Choose a Vosk model folder", start)
        if folder:
            self.model_edit.setText(folder)
            self.check_model()

    def get_model(self) -> None:
        """Download or import a model; the installed folder becomes the chosen one."""
        dialog = ModelInstallDialog(self._services.models, self._tasks, self)
        self.model_install_dialog = dialog
        dialog.finished.connect(lambda _result: self._model_installed(dialog))
        dialog.open()

    def _model_installed(self, dialog: ModelInstallDialog) -> None:
        self.model_install_dialog = None
        if dialog.installed_path:
            self.model_edit.setText(dialog.installed_path)
            self.check_model()
        dialog.deleteLater()

    def check_model(self) -> None:
        path = self.model_edit.text().strip()
        if not path:
            if self.found_model:
                self._show_verdict(True, f"No folder chosen: {self.found_model} is used.")
            else:
                self._show_verdict(False, "No folder chosen and no model installed.")
            return
        self.model_verdict.setVisible(True)
        self.model_verdict.setText("Checking…")
        self.model_verdict.setStyleSheet(f"color: {style.MUTED};")
        self.check_button.setEnabled(False)
        self._tasks.run_task(
            lambda: self._services.models.check_model(path),
            lambda verdict: self._show_verdict(True, str(verdict)),
            lambda error: self._show_verdict(False, str(error)),
        )

    def _show_verdict(self, ok: bool, message: str) -> None:
        self.check_button.setEnabled(True)
        mark = "✓" if ok else "✗"
        self.model_verdict.setVisible(True)
        self.model_verdict.setText(f"{mark} {message}")
        self.model_verdict.setStyleSheet(f"color: {style.IN_BAND if ok else style.OVER};")

    # --- deleting every saved session ----------------------------------------------------

    def ask_delete_everything(self) -> None:
        dialog = DeleteEverythingDialog(self)
        self.delete_dialog = dialog
        dialog.finished.connect(lambda result: self._delete_answered(dialog, result))
        dialog.open()

    def _delete_answered(self, dialog: DeleteEverythingDialog, result: int) -> None:
        self.delete_dialog = None
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted:
            return
        self.delete_everything_button.setEnabled(False)
        self.data_note.setText("Deleting…")
        self._tasks.run_task(
            self._services.history.forget_everything, self._deleted, self._delete_failed
        )

    def _deleted(self, what: object) -> None:
        self.delete_everything_button.setEnabled(True)
        self.data_note.setText(str(what))

    def _delete_failed(self, error: BaseException) -> None:
        self.delete_everything_button.setEnabled(True)
        self.data_note.setText(f"Nothing more was deleted: {error}")

    # --- saving -------------------------------------------------------------------------------

    def chosen_settings(self) -> Settings:
        model = self.model_edit.text().strip()
        return self.settings.with_changes(
            voice=self.voice_combo.currentData(),
            rate=self.rate_spin.value(),
            engine=str(self.engine_combo.currentData()),
            model_path=model or None,
            input_device=self.device_combo.currentData(),
            end_silence_s=round(self.silence_spin.value(), 1),
            hide_question_text=self.hide_question_check.isChecked(),
        )

    def save(self) -> None:
        chosen = self.chosen_settings()
        try:
            self._file.save(chosen)
        except OSError as error:
            self.problem_label.setText(f"The settings could not be saved: {error}")
            return
        self.saved_settings = chosen
        self.accept()


def _select(combo: QComboBox, value: str | None) -> None:
    """Select the item holding ``value``; a saved value not (yet) listed is kept as an item."""
    index = combo.findData(value) if value else 0
    if index < 0 and value:
        combo.addItem(value, value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(0, index))
