"""Fixtures of the packaging tests: a folder outside the checkout, and a spoken answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.packaging.outside import SPOKEN_TEXT, Outside, outside_env
from tests.support.speech_samples import SpokenAnswer, flite_wav


@pytest.fixture
def outside(tmp_path: Path) -> Outside:
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    return Outside(cwd, outside_env(tmp_path / "home"))


@pytest.fixture(scope="session")
def spoken_answer(tmp_path_factory: pytest.TempPathFactory) -> SpokenAnswer:
    """A clear spoken English sentence (flite), which PocketSphinx recognises nearly whole."""
    path = flite_wav(SPOKEN_TEXT, tmp_path_factory.mktemp("speech") / "answer.wav")
    return SpokenAnswer(path, SPOKEN_TEXT)
