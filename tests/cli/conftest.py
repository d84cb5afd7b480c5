"""Set-up shared by the tests of the ``hotseat`` command run in this process."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from simulator.commands.practice import SessionOptions


@pytest.fixture
def practice_sessions(monkeypatch: pytest.MonkeyPatch) -> list[SessionOptions]:
    """``hotseat practice --no-gui`` with nothing behind it: no services are built and no
    session runs; the options each run would start its session with are collected here."""
    from simulator.commands import practice

    seen: list[SessionOptions] = []

    def practise(_args: object, _services: object, options: SessionOptions, _t: str) -> int:
        seen.append(options)
        return 0

    class NoServices:
        def __init__(self, *_args: object) -> None:
            pass

        def close(self) -> None:
            pass

    monkeypatch.setattr(practice, "build_services", NoServices)
    monkeypatch.setattr(practice, "_practise", practise)
    return seen
