"""Choosing the engine and model, and loading a model once for many answers."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from simulator.speech.errors import ModelError, SpeechError
from simulator.speech.stt import VOSK_MODEL_ENV, RecognizerFactory, vosk_engine
from tests.support.speech_samples import fake_vosk_model


def test_auto_without_a_model_uses_pocketsphinx(tmp_path: Path) -> None:
    factory = RecognizerFactory("auto", models_dir=tmp_path / "models")
    assert factory.engine == "pocketsphinx"
    assert factory.model == "en-us (built-in)"


def test_auto_with_env_model_uses_vosk(korean_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(VOSK_MODEL_ENV, str(korean_model))
    factory = RecognizerFactory()
    assert factory.engine == "vosk"
    assert factory.model == korean_model.name
    assert factory.model_path == korean_model


def test_auto_finds_a_model_in_the_models_folder(tmp_path: Path) -> None:
    fake_vosk_model(tmp_path / "models" / "vosk-model-small-en-us-0.15")
    factory = RecognizerFactory("auto", models_dir=tmp_path / "models")
    assert (factory.engine, factory.model) == ("vosk", "vosk-model-small-en-us-0.15")


def test_vosk_without_a_model_tells_where_to_put_one(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as caught:
        RecognizerFactory("vosk", models_dir=tmp_path / "models")
    message = str(caught.value)
    assert str(tmp_path / "models") in message
    assert VOSK_MODEL_ENV in message
    assert "hotseat models install vosk-model-small-en-us-0.15" in message
    assert "Settings → Get a model…" in message
    assert "http" not in message  # our installer, not a web page


def test_the_suggested_model_is_one_the_installer_offers() -> None:
    from simulator.speech.stt import SUGGESTED_MODEL
    from simulator.speech.stt.model_install import ENGLISH_MODELS

    assert ENGLISH_MODELS[0].name == SUGGESTED_MODEL


def test_vosk_error_explains_a_broken_env_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(VOSK_MODEL_ENV, str(tmp_path / "typo"))
    with pytest.raises(ModelError, match="typo does not exist"):
        RecognizerFactory("vosk")


def test_broken_configured_model_fails_even_in_auto(tmp_path: Path) -> None:
    broken = fake_vosk_model(tmp_path / "mine", leave_out=("am/final.mdl",))
    with pytest.raises(ModelError, match=r"am/final\.mdl"):
        RecognizerFactory("auto", model_path=str(broken))


def test_pocketsphinx_ignores_vosk_models(korean_model: Path) -> None:
    factory = RecognizerFactory("pocketsphinx", model_path=str(korean_model))
    assert factory.engine == "pocketsphinx"


def test_unknown_engine_is_a_speech_error() -> None:
    with pytest.raises(SpeechError, match="whisper"):
        RecognizerFactory("whisper")


def test_model_is_loaded_lazily_and_once_across_threads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[Path] = []

    def slow_load(path: Path) -> Any:
        loads.append(path)
        time.sleep(0.05)  # widens the window in which a second thread could start a load
        return object()

    monkeypatch.setattr(vosk_engine, "load_vosk_model", slow_load)
    model = fake_vosk_model(tmp_path / "m")
    factory = RecognizerFactory("vosk", model_path=str(model))
    assert loads == []
    threads = [threading.Thread(target=factory.preload) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert loads == [model]


def test_importing_the_package_loads_no_engine() -> None:
    # The app and the CLI import this at start-up; the engines load only when used.
    code = (
        "import sys, simulator.speech, simulator.speech.stt, simulator.speech.tts\n"
        "print(sorted(m for m in ('vosk', 'pocketsphinx', 'pyttsx3') if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
