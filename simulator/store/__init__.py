"""Storage: the practice history in SQLite and the data folder's layout on disk.

The only package that imports sqlite-utils. ``Store`` (db.py) holds sessions, answers, events
and search; ``DataLayout`` (files.py) says where recordings, models and packs live;
``StoreError`` (errors.py) is the one error meant for the user; records.py reads rows as the
typed ``SavedSession`` and ``SavedAnswer`` of ``core.records``.

The package imports nothing until a name is asked for (PEP 562): sqlite-utils alone costs a
tenth of a second to import, and ``sessions list --json``, which reads ``listing.py`` with the
standard library, must not pay even for pathlib (docs/PERFORMANCE.md).
"""

from __future__ import annotations

#: typing.TYPE_CHECKING without importing typing (2 ms); mypy and ruff know the name.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from simulator.store.db import Store
    from simulator.store.errors import StoreError
    from simulator.store.files import DataLayout

__all__ = ["DataLayout", "Store", "StoreError"]


def __getattr__(name: str) -> object:
    if name == "Store":
        from simulator.store.db import Store

        return Store
    if name == "StoreError":
        from simulator.store.errors import StoreError

        return StoreError
    if name == "DataLayout":
        from simulator.store.files import DataLayout

        return DataLayout
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
