"""Schema 2: answers are 'answered' or 'skipped'; version-1 answers upgrade as 'answered'."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from store_fixture_v1 import FIXTURE

from simulator.store import Store


def test_v1_answers_become_answered_and_search_still_finds_them(tmp_path: Path) -> None:
    path = tmp_path / "hotseat.db"
    shutil.copyfile(FIXTURE, path)
    with Store(path) as store:
        session = store.get_session(1)
        assert session is not None
        assert {a["status"] for a in session["answers"]} == {"answered"}
        word = session["answers"][0]["transcript"].split()[0]
        assert store.search(word)  # ADD COLUMN kept the search triggers


def test_a_skipped_answer_is_stored_as_skipped(tmp_path: Path) -> None:
    with Store(tmp_path / "hotseat.db") as store:
        session_id = store.create_session(
            mode="practice", pack_id="p", drill=None, settings={}, started_at="2026-01-01T10:00"
        )
        answer_id = store.start_answer(
            session_id=session_id,
            position=1,
            question_id="q",
            question_text="Why?",
            audio_path="sessions/1/1-q.wav",
            sample_rate=16000,
            started_at="2026-01-01T10:00:05",
        )
        store.finish_answer(
            answer_id, transcript="", words=[], engine="e", model="m", duration_s=1.5, skipped=True
        )
        answer = store.get_answer(answer_id)
        assert answer is not None and answer["status"] == "skipped"
        with pytest.raises(sqlite3.IntegrityError):  # the CHECK keeps out anything else
            store.db.execute("UPDATE answers SET status = 'blank' WHERE id = ?", [answer_id])
