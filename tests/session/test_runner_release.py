"""A session that fails mid-answer still finishes that answer's recogniser.

The recogniser process serves one answer at a time until ``finish()``; left unfinished, the
window's next session waited for it for ever and closing the app for a time-out (the full-disk
exit took 7.1 s). Fakes with a real store and real WAV files, as in test_runner.py.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from simulator.core.transcript import Transcript
from simulator.store import Store
from tests.session.test_runner import FakeRecognizer, make_runner


class LockedRecognizer(FakeRecognizer):
    """Like the recogniser process: made, it is busy until finished."""

    def __init__(self) -> None:
        super().__init__()
        self.finishes = 0

    @property
    def finished(self) -> bool:
        return self.finishes > 0

    def finish(self) -> Transcript:
        self.finishes += 1
        return super().finish()


def with_recognizers(runner: Any) -> list[LockedRecognizer]:
    made: list[LockedRecognizer] = []

    def make(rate: int) -> LockedRecognizer:
        made.append(LockedRecognizer())
        return made[-1]

    runner.services.recognizer = make
    return made


def test_a_full_disk_refusing_the_answers_end_still_finishes_its_recogniser(
    tmp_path: Path,
) -> None:
    events: list[dict[str, Any]] = []
    runner, layout, _ = make_runner(tmp_path, events, voiced_blocks=1000)
    made = with_recognizers(runner)

    class FullAtTheAnswersEnd(Store):
        def add_event(self, **row: Any) -> int:
            if row["kind"] == "answer_ended":
                raise sqlite3.OperationalError("database or disk is full")
            return super().add_event(**row)

    runner.services.open_store = lambda: FullAtTheAnswersEnd(layout.db_path)
    with pytest.raises(sqlite3.OperationalError):
        runner.run()
    assert len(made) == 1 and made[0].finished
    assert "error" in [e["type"] for e in events]


def test_a_recording_that_cannot_be_opened_still_finishes_the_recogniser(tmp_path: Path) -> None:
    events: list[dict[str, Any]] = []
    runner, _layout, streams = make_runner(tmp_path, events)
    made = with_recognizers(runner)

    def no_folder(path: Path, rate: int) -> Any:
        raise PermissionError(13, "Permission denied", str(path))

    runner.services.open_recording = no_folder
    with pytest.raises(PermissionError):
        runner.run()
    assert len(made) == 1 and made[0].finished
    assert streams[0].closed


def test_a_session_that_ends_normally_finishes_each_recogniser_once(tmp_path: Path) -> None:
    events: list[dict[str, Any]] = []
    runner, _layout, _ = make_runner(tmp_path, events)
    made = with_recognizers(runner)
    runner.run()
    assert [recognizer.finishes for recognizer in made] == [1, 1]
    assert [e["type"] for e in events].count("answer_saved") == 2
