"""The question library: every pack the user can practise with, and the work done on packs.

``loading`` reads the built-in and the user's packs (``Library``, ``load_library``);
``exchange`` imports and exports CSV and TOML and writes the user's pack files; ``editing``
saves and deletes a user pack from the editor; ``queries`` filters and mixes questions;
``checks`` validates a pack being edited field by field. The rules of a pack itself are in
``core.packs``. Only the loader is imported here, so reading the library stays light.
"""

from simulator.library.loading import Library, load_library

__all__ = ["Library", "load_library"]
