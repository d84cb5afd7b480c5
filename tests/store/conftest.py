"""Shared fixtures for the store tests: a real Store on a fresh SQLite file in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from simulator.store import Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "home" / "hotseat.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = Store(db_path)
    yield opened
    opened.close()
