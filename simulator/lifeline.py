"""Helper processes die with the app that started them, however it ends.

Hotseat's helpers (the recogniser, the synthesiser, the analysis worker) are "spawn"
children. Killed with ``kill -9`` or crashing, the app runs no clean-up, and a helper busy
with work (or blocked on a pipe it also holds open itself) would live on with parent 1,
keeping its memory and multiprocessing's ``resource_tracker``, which only ends once every
holder of its pipe has ended.

:func:`watch_parent`, called first thing in a helper, starts a thread that waits on the
parent's sentinel (multiprocessing's pipe from the parent on POSIX, a process handle on
Windows) and ends the helper the moment the parent is gone. Portable, and it needs nothing
from the parent beyond starting the helper through multiprocessing.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from multiprocessing.connection import wait

ORPHAN_EXIT_CODE = 0  # nobody is left to read it


def watch_parent() -> None:
    """In a multiprocessing child: exit at once when the parent process ends."""
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return  # not a child: nothing to watch

    sentinel = parent.sentinel

    def exit_when_orphaned() -> None:
        wait([sentinel])
        # No clean-up: the app that would read any result is gone, and a helper stuck in
        # native code (a decoder) would not reach it anyway.
        os._exit(ORPHAN_EXIT_CODE)

    threading.Thread(target=exit_when_orphaned, name="watch-parent", daemon=True).start()


__all__ = ["watch_parent"]
