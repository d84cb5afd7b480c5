"""Getting a Vosk model from the settings: import a zip or download one, cancel, see failures.

The dialog runs the real installer (the models façade's install_model, or the fake services'
copy of it) against real zip files and an HTTP server on loopback.
"""

from __future__ import annotations

import functools
import http.server
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from simulator import paths
from simulator.services import build_services
from simulator.settings import Settings, SettingsFile
from simulator.speech.stt import model_install
from simulator.speech.stt.models import check_vosk_model
from simulator.ui.model_install_dialog import ModelInstallDialog
from simulator.ui.settings_dialog import SettingsDialog
from simulator.ui.tasks import TaskRunner
from tests.support.speech_samples import fake_vosk_model


def model_zip(folder: Path, name: str, padding: int = 0) -> Path:
    model = fake_vosk_model(folder / "src" / name)
    if padding:
        (model / "am" / "final.mdl").write_bytes(b"\0" * padding)
    archive = folder / f"{name}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as bundle:
        for path in sorted(model.rglob("*")):
            if path.is_file():
                bundle.write(path, f"{name}/{path.relative_to(model).as_posix()}")
    return archive


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def web(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    site = tmp_path / "site"
    site.mkdir()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site))
    )
    # shutdown() waits for the serving loop's next poll: 0.5 s by default, at every teardown.
    threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", site
    server.shutdown()
    server.server_close()


@pytest.fixture
def app_dialog(qtbot: Any, hotseat_home: Path) -> Iterator[tuple[ModelInstallDialog, Path]]:
    services = build_services(Settings(), paths.layout())
    tasks = TaskRunner()
    dialog = ModelInstallDialog(services.models, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog, services.layout.models_dir
    tasks.shutdown()


def test_the_published_english_models_are_offered(app_dialog: Any) -> None:
    dialog, _models = app_dialog
    names = [dialog.offers.row_text(i) for i in range(dialog.offers.count())]
    assert names[0].startswith("vosk-model-small-en-us-0.15  ·  40 MB\n")
    assert any("1.8 GB" in name for name in names)


def test_importing_a_zip_installs_the_model(qtbot: Any, app_dialog: Any, tmp_path: Path) -> None:
    dialog, models = app_dialog
    dialog.install(str(model_zip(tmp_path, "vosk-model-mine-0.1")))
    qtbot.waitUntil(lambda: dialog.installed_path is not None, timeout=10_000)
    assert dialog.installed_path == str(models / "vosk-model-mine-0.1")
    check_vosk_model(Path(dialog.installed_path))
    assert dialog.result() == dialog.DialogCode.Accepted


@pytest.fixture
def published(web: tuple[str, Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """The published models' address pointed at the loopback server: its folder."""
    base, site = web
    monkeypatch.setattr(model_install, "MODELS_URL", f"{base}/")
    return site


def test_the_download_button_fetches_the_chosen_model(
    qtbot: Any, app_dialog: Any, published: Path, tmp_path: Path
) -> None:
    dialog, models = app_dialog
    name = "vosk-model-en-us-0.22-lgraph"
    model_zip(tmp_path, name, padding=3_000_000).rename(published / f"{name}.zip")
    dialog.offers.set_current_row(1)
    dialog.download_button.click()
    assert not dialog.download_button.isEnabled() and dialog.close_button.text() == "Cancel"
    qtbot.waitUntil(lambda: dialog.installed_path is not None, timeout=10_000)
    assert Path(dialog.installed_path) == models / name
    check_vosk_model(models / name)


def test_a_failed_download_says_why_and_can_be_retried(
    qtbot: Any, app_dialog: Any, published: Path
) -> None:
    dialog, models = app_dialog
    dialog.download_button.click()  # nothing published on the server: 404
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("✗"), timeout=10_000)
    assert "answered 404" in dialog.status_label.text()
    assert dialog.download_button.isEnabled() and dialog.close_button.text() == "Close"
    assert dialog.installed_path is None and dialog.isVisible()
    assert not models.exists() or list(models.iterdir()) == []


def test_cancel_stops_the_install_and_leaves_nothing(
    qtbot: Any, app_dialog: Any, tmp_path: Path
) -> None:
    dialog, models = app_dialog
    dialog.install(str(model_zip(tmp_path, "vosk-model-big-0.1", padding=200_000_000)))
    dialog.close_button.click()  # "Cancel"
    qtbot.waitUntil(lambda: "Cancelled" in dialog.status_label.text(), timeout=20_000)
    assert dialog.installed_path is None and dialog.isVisible()
    assert list(models.iterdir()) == []


def test_a_model_got_from_the_settings_becomes_the_chosen_folder(
    qtbot: Any, services: Any, settings_file: SettingsFile, tmp_path: Path
) -> None:
    tasks = TaskRunner()
    settings = SettingsDialog(Settings(), services, settings_file, tasks)
    qtbot.addWidget(settings)
    settings.get_model_button.click()
    getter = settings.model_install_dialog
    assert getter is not None and getter.offers.count() == 1
    getter.install(str(model_zip(tmp_path, "vosk-model-test-0.1")))
    qtbot.waitUntil(lambda: settings.model_verdict.text().startswith("✓"), timeout=10_000)
    assert settings.model_edit.text() == str(services.models.models_dir / "vosk-model-test-0.1")
    assert settings.chosen_settings().model_path == settings.model_edit.text()
    tasks.shutdown()
