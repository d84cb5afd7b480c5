"""Installing a Vosk model from a zip or over HTTP: checked, atomic, and never half-installed.

Downloads go to a real HTTP server on loopback; the slow test installs the real Korean model
that way through ``hotseat models install`` and then transcribes with it (in processes of
their own: loading a second Kaldi model in the test process changed a later Vosk test's
output).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from simulator.speech.errors import ModelError
from simulator.speech.stt.model_install import InstallCancelled, download_model, install_zip
from simulator.speech.stt.models import check_vosk_model
from tests.support.speech_samples import SpokenAnswer, fake_vosk_model


def zip_folder(folder: Path, archive: Path, inside: str = "") -> Path:
    """``folder``'s files in a zip, under ``inside/`` (stored: model files do not compress)."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as bundle:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                name = path.relative_to(folder).as_posix()
                bundle.write(path, f"{inside}/{name}" if inside else name)
    return archive


def left_over(models_dir: Path) -> list[str]:
    return sorted(p.name for p in models_dir.iterdir() if p.name.startswith("."))


def test_a_model_zip_is_unpacked_checked_and_named_after_its_folder(tmp_path: Path) -> None:
    model = fake_vosk_model(tmp_path / "src" / "vosk-model-small-en-us-0.15")
    archive = zip_folder(model, tmp_path / "download.zip", inside="vosk-model-small-en-us-0.15")
    with zipfile.ZipFile(archive, "a") as bundle:
        bundle.writestr("README-outside-the-model.txt", "not part of it")
    models = tmp_path / "models"
    seen: list[tuple[int, int | None]] = []
    installed = install_zip(
        archive, models, progress=lambda done, total: seen.append((done, total))
    )
    assert installed == models / "vosk-model-small-en-us-0.15"
    check_vosk_model(installed)
    assert not (installed / "README-outside-the-model.txt").exists()
    assert left_over(models) == []
    # Installing the same model again keeps the sound copy.
    marker = installed / "conf" / "kept"
    marker.write_text("still here")
    assert install_zip(archive, models) == installed and marker.exists()


def test_a_model_at_the_top_of_the_zip_takes_the_given_name(tmp_path: Path) -> None:
    model = fake_vosk_model(tmp_path / "src")
    archive = zip_folder(model, tmp_path / ".x.download")
    installed = install_zip(archive, tmp_path / "models", name="my-model")
    assert installed.name == "my-model"
    check_vosk_model(installed)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"../outside/am/final.mdl": b""}, "unsafe path"),
        ({"notes.txt": b"hello"}, "holds no Vosk model"),
        ({"a/am/final.mdl": b"", "b/am/final.mdl": b""}, "more than one"),
        ({"m/am/final.mdl": b""}, "not a complete Vosk model"),
    ],
)
def test_bad_archives_are_refused_and_leave_nothing(
    tmp_path: Path, content: dict[str, bytes], message: str
) -> None:
    archive = tmp_path / "bad.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for name, data in content.items():
            bundle.writestr(name, data)
    models = tmp_path / "models"
    with pytest.raises(ModelError, match=message):
        install_zip(archive, models)
    assert not (tmp_path / "outside").exists()
    assert not models.exists() or list(models.iterdir()) == []


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "model.zip"
    archive.write_text("<html>a login page, not a model</html>")
    with pytest.raises(ModelError, match=r"model\.zip is not a zip file"):
        install_zip(archive, tmp_path / "models")


def test_cancelling_while_unpacking_leaves_nothing(tmp_path: Path) -> None:
    model = fake_vosk_model(tmp_path / "src")
    (model / "am" / "final.mdl").write_bytes(b"\0" * 600_000)  # more than one chunk
    archive = zip_folder(model, tmp_path / "m.zip", inside="m")
    models = tmp_path / "models"
    calls = []
    with pytest.raises(InstallCancelled):
        install_zip(archive, models, cancelled=lambda: bool(calls.append(1)) or len(calls) > 1)
    assert list(models.iterdir()) == []


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean

    def do_GET(self) -> None:
        if self.path == "/cut.zip":  # promises more than it sends, like a dropped connection
            self.send_response(200)
            self.send_header("Content-Length", "1000000")
            self.end_headers()
            self.wfile.write(b"PK" + b"\0" * 1000)
            return
        super().do_GET()


@pytest.fixture
def web(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTP server on loopback serving a folder: (base URL, folder)."""
    folder = tmp_path / "site"
    folder.mkdir()
    handler = functools.partial(_Handler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    # shutdown() waits for the serving loop's next poll: 0.5 s by default, at every teardown.
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", folder
    server.shutdown()
    server.server_close()


def test_a_model_is_downloaded_and_installed(tmp_path: Path, web: tuple[str, Path]) -> None:
    base, site = web
    model = fake_vosk_model(tmp_path / "src")
    zip_folder(model, site / "vosk-model-test-0.1.zip", inside="vosk-model-test-0.1")
    models = tmp_path / "models"
    seen: list[tuple[int, int | None]] = []
    installed = download_model(
        f"{base}/vosk-model-test-0.1.zip", models, lambda d, t: seen.append((d, t))
    )
    assert installed == models / "vosk-model-test-0.1"
    check_vosk_model(installed)
    size = (site / "vosk-model-test-0.1.zip").stat().st_size
    assert seen[-1] == (size, size)
    assert left_over(models) == []


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing.zip", "answered 404"),
        ("/cut.zip", "stopped early"),
    ],
)
def test_download_failures_give_one_message_and_leave_nothing(
    tmp_path: Path, web: tuple[str, Path], path: str, message: str
) -> None:
    models = tmp_path / "models"
    with pytest.raises(ModelError, match=message):
        download_model(web[0] + path, models)
    assert list(models.iterdir()) == []


def test_no_server_and_no_web_address_are_clear(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="Check the internet connection"):
        download_model("http://127.0.0.1:9/model.zip", tmp_path / "models")  # discard port
    with pytest.raises(ModelError, match="not a web address"):
        download_model("file:///etc/passwd", tmp_path / "models")


def test_cancelling_a_download_leaves_nothing(tmp_path: Path, web: tuple[str, Path]) -> None:
    base, site = web
    (site / "big.zip").write_bytes(b"\0" * 2_000_000)
    models = tmp_path / "models"
    with pytest.raises(InstallCancelled):
        download_model(f"{base}/big.zip", models, cancelled=lambda: True)
    assert list(models.iterdir()) == []


def hotseat(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The ``hotseat`` command in its own process, as a user runs it."""
    env = {**os.environ, "HOTSEAT_HOME": str(home)}
    command = [sys.executable, "-m", "simulator", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_hotseat_models_install_downloads_a_real_model_that_then_transcribes(
    tmp_path: Path,
    web: tuple[str, Path],
    korean_model: Path,
    korean_answer: SpokenAnswer,
) -> None:
    base, site = web
    name = "vosk-model-small-ko-0.22"
    zip_folder(korean_model, site / f"{name}.zip", inside=name)
    home = tmp_path / "home"
    installed = hotseat(home, "models", "install", f"{base}/{name}.zip")
    assert installed.returncode == 0, installed.stderr
    assert f"Installed {name}" in installed.stdout
    assert "Downloading: 100%" in installed.stderr and "Unpacking: 100%" in installed.stderr
    listed = hotseat(home, "models", "list", "--json")
    assert name in json.loads(listed.stdout)["installed"][0]
    # Found on its own in the models folder, loaded and used.
    result = hotseat(home, "transcribe", str(korean_answer.path), "--engine", "vosk", "--json")
    assert result.returncode == 0, result.stderr
    transcript = json.loads(result.stdout)
    assert transcript["model"] == name and len(transcript["words"]) >= 5
