"""Memory of the idle window against a PySide6 hello world, over all of the app's processes.

Starts the app (its real ``main``, a fresh data folder) and a hello world (a QLabel in a
QWidget) in turns, several times each. Once the window has painted, its start-up work has
finished (microphone check, the recogniser's pre-load, the voice list, crash recovery) and it
has idled a second, the probe sums PSS (proportional set size: shared pages split between
the processes that map them, so the sum is what the app costs the machine) over the process
and all its children, then closes the window as a user would. The same probe as
``benchmarks/startup.py``; it prints the medians, the ratio, and each kind of process.

    python -m benchmarks.idle_memory [--runs 5]

Qt runs offscreen unless DISPLAY is set. With no microphone (as on a build machine) the
microphone check fails, as it would for a user without one; PortAudio is loaded either way.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.startup import ROOT, launch


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each, in turns")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    work = Path(tempfile.mkdtemp(prefix="hotseat-memory-"))
    try:
        runs = [
            (launch("app", work / "app", idle=True), launch("hello", work / "hello", idle=True))
            for _ in range(args.runs)
        ]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    app = statistics.median(a["memory_mib"] for a, _ in runs)
    hello = statistics.median(b["memory_mib"] for _, b in runs)
    processes = [int(a["processes"]) for a, _ in runs]
    print("| | Hotseat | hello world | ratio |")
    print("|---|---|---|---|")
    print(
        f"| idle memory, PSS summed over processes (median of {args.runs}) "
        f"| {app:.1f} MiB | {hello:.1f} MiB | {app / hello:.2f}x |"
    )
    print(f"| processes | {min(processes)}-{max(processes)} | 1 | |")
    roles = sorted({key for a, _ in runs for key in a if key.startswith("pss ")})
    for key in roles:
        values = [a.get(key, 0.0) for a, _ in runs]
        print(
            f"| {key[4:]} (median, min-max) | {statistics.median(values):.1f} MiB "
            f"({min(values):.1f}-{max(values):.1f}) | | |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
