"""Deleting a saved session: its rows and its recordings, never a session still being recorded.

Practice is private, so a user must be able to remove a session completely. The rows go first
(a session listed without its audio would be worse than a folder nobody lists), then the
folder of WAV files. A session whose lock is held belongs to a window recording it now.
"""

from __future__ import annotations

import shutil

from simulator.locks import session_lock
from simulator.store import DataLayout, Store, StoreError


def delete_session(layout: DataLayout, session_id: int) -> bool:
    """Remove session ``session_id``; False if there was none. StoreError says what failed."""
    folder = layout.session_dir(session_id)
    existed = False
    if folder.is_dir():
        lock = session_lock(layout.sessions_dir, session_id)
        if not lock.acquire():
            raise StoreError(f"Session {session_id} is being recorded; end it first.")
        try:
            existed = _delete_rows(layout, session_id)
        finally:
            lock.release()
        try:
            shutil.rmtree(folder)
        except OSError as error:
            raise StoreError(
                f"Session {session_id} was deleted, but some of its recordings could not be "
                f"removed from {folder}: {error.strerror or error}."
            ) from None
        return True
    return _delete_rows(layout, session_id) or existed


def _delete_rows(layout: DataLayout, session_id: int) -> bool:
    if not layout.db_path.exists():
        return False
    with Store(layout.db_path) as store:
        return store.delete_session(session_id)


__all__ = ["delete_session"]
