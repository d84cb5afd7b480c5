"""The past sessions façade: list, read and delete saved sessions (``core.records`` types)."""

from __future__ import annotations

from typing import Any

from simulator.core.records import SavedSession
from simulator.services.adapters import SharedAdapters


class PastSessions:
    def __init__(self, adapters: SharedAdapters) -> None:
        self.adapters = adapters

    def list_sessions(self) -> list[dict[str, Any]]:
        """One row a session, newest first, with its answer count and recorded length."""
        if not self.adapters.layout.db_path.exists():
            return []
        store = self.adapters.open_store()
        try:
            return list(store.list_sessions())
        finally:
            store.close()

    def get_session(self, session_id: int) -> SavedSession | None:
        """A saved session with its answers and their analyses (None if it is gone)."""
        from simulator.store.records import read_session

        if not self.adapters.layout.db_path.exists():
            return None
        store = self.adapters.open_store()
        try:
            return read_session(store, session_id)
        finally:
            store.close()

    def delete_session(self, session_id: int) -> bool:
        """Delete a session and its recordings; StoreError says why it could not be."""
        from simulator.records.forget import delete_session

        return delete_session(self.adapters.layout, session_id)
