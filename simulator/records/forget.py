"""Deleting a saved session: its rows and its recordings, never a session still being recorded.

Practice is private, so a user must be able to remove a session completely. The rows go first
(a session listed without its audio would be worse than a folder nobody lists), then the WAV
files the rows name, then their folders once empty. Only those files are removed, never a
whole folder: after a damaged database was moved aside, ``sessions/<id>/`` may hold another
session's recordings. A stored path that leads out of the data folder is never followed. A
session whose lock is held belongs to a window recording it now.

``forget_everything`` removes the whole practice history: the database files and everything
under ``sessions/`` (question packs, models, settings and the cache of rendered questions are
kept). It holds every session's lock while it works, so it refuses while a session is being
recorded. The database files are deleted, not emptied: deleted rows can linger in free pages
and the write-ahead log, and the next open starts a new, empty database.
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from simulator.records.locks import session_lock
from simulator.store import DataLayout, Store, StoreError
from simulator.store.files import LOCK_NAME, OutsideDataFolder
from simulator.store.records import read_session
from simulator.store.snapshot import count_sessions


def delete_session(layout: DataLayout, session_id: int) -> bool:
    """Remove session ``session_id``; False if there was none. StoreError says what failed."""
    lock = session_lock(layout.sessions_dir, session_id)
    folder_existed = layout.session_dir(session_id).is_dir()
    if folder_existed and not lock.acquire():
        raise StoreError(f"Session {session_id} is being recorded; end it first.")
    try:
        found, stored_paths = _delete_rows(layout, session_id)
    finally:
        lock.release()
    failed = []
    folders = {layout.session_dir(session_id)}
    for stored in stored_paths:
        try:
            path = layout.absolute(stored)
        except OutsideDataFolder:
            continue  # not Hotseat's file to delete
        folders.add(path.parent)
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            failed.append(f"{path}: {error.strerror or error}")
    for folder in folders:
        _remove_if_unused(folder)
    if failed:
        raise StoreError(
            f"Session {session_id} was deleted, but some of its recordings could not be "
            f"removed: {'; '.join(failed)}."
        )
    return found or folder_existed


def _delete_rows(layout: DataLayout, session_id: int) -> tuple[bool, list[str]]:
    """Whether the session had rows, and the recordings they named."""
    if not layout.db_path.exists():
        return False, []
    with Store(layout.db_path) as store:
        session = read_session(store, session_id)
        stored = [answer.audio_path for answer in session.answers] if session else []
        return store.delete_session(session_id), stored


def _remove_if_unused(folder: Path) -> None:
    """Remove ``folder`` if nothing but a lock file is left in it."""
    with contextlib.suppress(OSError):
        (folder / LOCK_NAME).unlink(missing_ok=True)
        folder.rmdir()  # fails, as it should, if other files are still there


@dataclass(frozen=True)
class Forgotten:
    """What ``forget_everything`` removed."""

    sessions: int | None  # None: the database could not be read (it was removed all the same)
    recordings: int

    def __str__(self) -> str:
        sessions = "a database" if self.sessions is None else f"{self.sessions} session(s)"
        return f"Deleted {sessions} and {self.recordings} recording(s)."


def forget_everything(layout: DataLayout) -> Forgotten:
    """Delete every saved session with its recordings; StoreError says what failed (a
    session being recorded is refused before anything is removed)."""
    from simulator.records.backup import BackupError, hold_every_session, list_recordings

    try:
        with hold_every_session(layout):
            sessions = count_sessions(layout.db_path)
            recordings = len(list_recordings(layout))
            failed = []
            for path in _database_files(layout.db_path):
                try:
                    path.unlink(missing_ok=True)
                except OSError as error:
                    failed.append(f"{path}: {error.strerror or error}")
            if layout.sessions_dir.is_dir():
                for entry in sorted(layout.sessions_dir.iterdir()):
                    try:
                        if entry.is_dir() and not entry.is_symlink():
                            shutil.rmtree(entry)
                        else:
                            entry.unlink()
                    except OSError as error:
                        failed.append(f"{entry}: {error.strerror or error}")
    except BackupError as error:
        raise StoreError(str(error)) from None
    if failed:
        raise StoreError(f"Some saved data could not be deleted: {'; '.join(failed)}.")
    return Forgotten(sessions=sessions, recordings=recordings)


def _database_files(db_path: Path) -> list[Path]:
    return [
        db_path,
        *(db_path.with_name(db_path.name + end) for end in ("-wal", "-shm", "-journal")),
    ]


__all__ = ["Forgotten", "delete_session", "forget_everything"]
