"""Builds ``tests/fixtures/db/v1.db``: a small, real database at schema version 1.

The committed file lets every future migration be tested against data written by the first
release (tests/store/test_store_fixture_v1.py). It is built by migrating an empty file to
version 1 and inserting rows with plain SQL in the version-1 columns, so it keeps meaning
"version 1" however the Store's own methods change later. Regenerate only if it is lost:

    cd /work/main && PYTHONPATH=. python tests/store/store_fixture_v1.py
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from simulator.store.migrations import migrate

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "db" / "v1.db"

WORDS = [
    {"text": "we", "start": 0.5, "end": 0.7, "conf": 0.98},
    {"text": "disagreed", "start": 0.7, "end": 1.3, "conf": 0.91},
    {"text": "about", "start": 1.3, "end": 1.5, "conf": 0.99},
    {"text": "the", "start": 1.5, "end": 1.6, "conf": 0.99},
    {"text": "release", "start": 1.6, "end": 2.1, "conf": 0.87},
]

SESSIONS = [
    (1, "2024-05-01T09:00:00+00:00", "2024-05-01T09:10:00+00:00", "practice",
     "behavioral-core", None, "complete", json.dumps({"rate": 170, "voice": "default"})),
    (2, "2024-05-02T18:30:00+00:00", None, "drill", "behavioral-core", "interruptions",
     "recording", "{}"),
]  # fmt: skip

ANSWERS = [
    (1, 1, 1, "disagreed-with-teammate", "Tell me about a time you disagreed with a teammate.",
     "sessions/1/1-disagreed-with-teammate.wav", 16000, 42.5, "2024-05-01T09:00:20+00:00",
     "we disagreed about the release", json.dumps(WORDS), "vosk",
     "vosk-model-small-en-us-0.15", json.dumps({"fillers": 2, "wpm": 141}), 1),
    (2, 1, 2, "biggest-failure", "What is your biggest failure?",
     "sessions/1/2-biggest-failure.wav", 16000, 55.0, "2024-05-01T09:02:00+00:00",
     "I missed a deadline once and learned to plan", "[]", "pocketsphinx", "en-us", None, None),
    (3, 2, 1, "why-us", "Why do you want to work here?", "sessions/2/1-why-us.wav", 48000,
     None, "2024-05-02T18:30:15+00:00", None, None, None, None, None, None),
]  # fmt: skip

EVENTS = [
    (1, 1, 1, 0.0, "question_spoken", "{}"),
    (2, 1, None, 600.0, "session_end", "{}"),
    (3, 2, 3, 4.2, "interruption", json.dumps({"text": "Can you be more specific?"})),
]

SCORES = [(1, "structure", 4, "clear STAR shape")]


def build_v1(path: Path) -> None:
    """Write the version-1 sample database to ``path`` (which must not exist yet)."""
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn, execute_plugins=False)
        migrate(db, target=1)
        with conn:
            conn.executemany("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?)", SESSIONS)
            conn.executemany(
                "INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ANSWERS
            )
            conn.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)", EVENTS)
            conn.executemany("INSERT INTO scores VALUES (?, ?, ?, ?)", SCORES)
            # A fixed time keeps the file's content independent of when it was built.
            conn.execute("UPDATE _sqlite_migrations SET applied_at = '2024-05-01 00:00:00+00:00'")
        conn.execute("VACUUM")
    finally:
        conn.close()


if __name__ == "__main__":
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.unlink(missing_ok=True)
    build_v1(FIXTURE)
    print(f"wrote {FIXTURE} ({FIXTURE.stat().st_size} bytes)")
