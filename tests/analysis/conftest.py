"""The generated evaluation set, built once per run (flite and sox are Debian packages)."""

from __future__ import annotations

import pytest

from tests.analysis.evalset import SpokenAnswer, build_all


@pytest.fixture(scope="session")
def eval_set(tmp_path_factory: pytest.TempPathFactory) -> list[SpokenAnswer]:
    """Every written answer at every speed: 12 WAV files with their labels."""
    return build_all(tmp_path_factory.mktemp("analysis-eval"))
