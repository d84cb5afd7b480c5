"""Storage: the practice history in SQLite and the data folder's layout on disk.

The only package that imports sqlite-utils. ``Store`` (db.py) holds sessions, answers, events
and search; ``DataLayout`` (files.py) says where recordings, models and packs live;
``StoreError`` (errors.py) is the one error meant for the user; records.py reads rows as the
typed ``SavedSession`` and ``SavedAnswer`` of ``core.records``.
"""

from simulator.store.db import Store
from simulator.store.errors import StoreError
from simulator.store.files import DataLayout

__all__ = ["DataLayout", "Store", "StoreError"]
