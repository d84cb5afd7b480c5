"""A data folder with saved sessions, real WAV files, scores and events, for the backup,
export and delete-everything tests; and the rows of every table, to compare two folders."""

from __future__ import annotations

import random
import sqlite3
import wave
from contextlib import closing
from pathlib import Path

from simulator import paths
from tests.support.saved_sessions import save_session

TABLES = ("sessions", "answers", "events", "scores")


def noise_wav(path: Path, seconds: float, seed: int) -> Path:
    """A 16 kHz mono WAV of random samples: every file different, none compressible."""
    rng = random.Random(seed)
    frames = bytes(rng.getrandbits(8) for _ in range(int(16000 * seconds) * 2))
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(frames)
    return path


def saved_data(work: Path, sessions: int = 2) -> list[int]:
    """``sessions`` saved sessions in the profile's data folder, each answer scored, with an
    event; their ids."""
    ids = []
    for number in range(sessions):
        wav = noise_wav(work / f"source-{number}.wav", 0.5 + 0.25 * number, seed=number)
        ids.append(save_session(f"2026-11-2{number}T10:00:00+00:00", "behavioral-core", wav))
    with closing(sqlite3.connect(paths.layout().db_path)) as conn, conn:
        for answer_id, session_id in conn.execute("SELECT id, session_id FROM answers"):
            conn.execute(
                "INSERT INTO scores (answer_id, criterion, value, note) VALUES (?, ?, ?, ?)",
                [answer_id, "result", 2 + answer_id % 3, None],
            )
            conn.execute(  # the "next time" note, as store/scores.py saves it
                "INSERT INTO scores (answer_id, criterion, value, note) VALUES (?, ?, ?, ?)",
                [answer_id, "next_time", 0, "say the figure first"],
            )
            conn.execute(
                "INSERT INTO events (session_id, answer_id, t_s, kind, payload_json)"
                " VALUES (?, ?, 1.5, 'interruption', '{\"at\": 1.5}')",
                [session_id, answer_id],
            )
    return ids


def all_rows(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(db_path)) as conn:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in TABLES
        }


def recordings(home: Path) -> dict[str, bytes]:
    """Every file under sessions/ but lock files, by path relative to ``home``."""
    return {
        path.relative_to(home).as_posix(): path.read_bytes()
        for path in sorted((home / "sessions").rglob("*"))
        if path.is_file() and path.name != ".lock"
    }
