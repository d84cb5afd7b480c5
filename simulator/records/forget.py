"""Deleting a saved session: its rows and its recordings, never a session still being recorded.

Practice is private, so a user must be able to remove a session completely. The rows go first
(a session listed without its audio would be worse than a folder nobody lists), then the WAV
files the rows name, then their folders once empty. Only those files are removed, never a
whole folder: after a damaged database was moved aside, ``sessions/<id>/`` may hold another
session's recordings. A stored path that leads out of the data folder is never followed. A
session whose lock is held belongs to a window recording it now.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from simulator.records.locks import session_lock
from simulator.store import DataLayout, Store, StoreError
from simulator.store.files import LOCK_NAME, OutsideDataFolder
from simulator.store.records import read_session


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


__all__ = ["delete_session"]
