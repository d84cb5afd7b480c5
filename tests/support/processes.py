"""Processes seen through /proc (Linux): children of a process, and whether one still runs."""

from __future__ import annotations

import time
from pathlib import Path


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The name in parentheses may hold spaces: the fields after it are what we need.
    return text[text.rindex(")") + 2 :].split()


def children(pid: int) -> dict[int, str]:
    """The live children of ``pid``: their pid and command line."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        fields = _stat(int(entry.name))
        if fields is None or int(fields[1]) != pid or fields[0] == "Z":
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        found[int(entry.name)] = cmdline
    return found


def running(pid: int) -> bool:
    """Whether any thread of ``pid`` still runs. A zombie is not running (an orphan's zombie
    may never be reaped here), but a killed process shows "Z" for its main thread while its
    other threads are still being torn down, so every thread is looked at."""
    try:
        threads = [int(task.name) for task in Path(f"/proc/{pid}/task").iterdir()]
    except OSError:
        return False
    for thread in threads:
        try:
            text = Path(f"/proc/{pid}/task/{thread}/stat").read_text()
        except OSError:
            continue
        if text[text.rindex(")") + 2 :].split()[0] != "Z":
            return True
    return False


def wait_until_gone(pids: list[int], timeout_s: float) -> list[int]:
    """Wait until none of ``pids`` runs; return those still running after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while True:
        alive = [pid for pid in pids if running(pid)]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.05)
