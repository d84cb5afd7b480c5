"""The pack files façade: the library read from disk, a user pack saved or deleted."""

from __future__ import annotations

from pathlib import Path

from simulator import paths
from simulator.core.packs import Pack
from simulator.library import Library, load_library
from simulator.store import DataLayout


class PackFiles:
    def __init__(self, layout: DataLayout) -> None:
        self.layout = layout

    def load_library(self) -> Library:
        """The built-in packs and the user's, read again from disk."""
        return load_library(paths.builtin_packs_dir(), self.layout.packs_dir)

    def save_pack(self, pack: Pack, replaces: str | None = None) -> Path:
        """Write ``pack`` into the user's packs folder (``library.editing.save_pack``)."""
        from simulator.library.editing import save_pack

        return save_pack(pack, self.load_library(), self.layout.packs_dir, replaces)

    def delete_pack(self, pack_id: str) -> None:
        """Remove the user's pack ``pack_id``; built-in packs cannot be deleted."""
        from simulator.library.editing import delete_pack

        delete_pack(pack_id, self.load_library(), self.layout.packs_dir)
