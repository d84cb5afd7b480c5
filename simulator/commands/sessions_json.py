"""``hotseat sessions list --json`` on its fast path: the list straight from SQLite, before
argparse or any other command module is imported (``cli`` sends exactly that spelling here).

It is measured against the sqlite3 CLI printing the same rows (issue 10, docs/PERFORMANCE.md),
so this module and what it imports use ``os``, ``sys`` and ``sqlite3`` alone. When the list
cannot be read this way (no database yet, a migration or a recovery to run, an error to word),
:func:`write_session_list_json` answers False and the full command runs instead.
"""

from __future__ import annotations

import sys

from simulator import paths
from simulator.store.listing import quick_session_list_json


def write_session_list_json() -> bool:
    """Print the sessions as JSON, newest first, in one write; False if nothing was printed."""
    text = quick_session_list_json(paths.database_file_text())
    if text is None:
        return False
    sys.stdout.write(text)
    return True
