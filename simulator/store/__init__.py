"""Storage: the practice history in SQLite and the data folder's layout on disk.

The only package that imports sqlite-utils. ``Store`` (db.py) holds sessions, answers, events
and search; ``DataLayout`` (files.py) says where recordings, models and packs live;
``StoreError`` (errors.py) is the one error meant for the user; records.py reads rows as the
typed ``SavedSession`` and ``SavedAnswer`` of ``core.records``.

``Store`` is imported on first use (PEP 562): ``paths`` needs ``DataLayout`` for every
command, and sqlite-utils alone costs a tenth of a second to import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from simulator.store.errors import StoreError
from simulator.store.files import DataLayout

if TYPE_CHECKING:
    from simulator.store.db import Store

__all__ = ["DataLayout", "Store", "StoreError"]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from simulator.store.db import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
