"""How long `hotseat packs import FILE.csv` takes on large CSV files, start to exit.

Each case writes a CSV, runs ``python -m simulator packs import`` on it in a fresh
``HOTSEAT_HOME`` and prints the median wall time, the exit code and the first line of stderr:

- refused: 67,339 short rows (the size of the file in the original report); the CSV is under
  the 1,000,000-byte limit, its TOML would be far over it;
- refused, bad rows: the same rows with an unknown category in each;
- largest valid: 7,000 short rows, whose TOML stays under the limit, imported and saved;
- same text: 7,000 rows of one question text (ids why, why-2, ... why-7000), imported;
- floor: ``packs import`` of a one-row CSV (Python start, imports, the library read).

    python -m benchmarks.csv_import [--runs 3] [--python VENV/bin/python]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = (
    ("refused: 67,339 rows", 67_339, "ethics"),
    ("refused, bad rows: 67,339", 67_339, "ethic"),
    ("largest valid: 7,000 rows", 7_000, "ethics"),
    ("same text: 7,000 rows", 7_000, "same"),
    ("floor: 1 row", 1, "ethics"),
)


def write_csv(path: Path, rows: int, category: str) -> None:
    if category == "same":
        path.write_text("text,category\n" + "Why?,ethics\n" * rows)
        return
    path.write_text("text,category\n" + "".join(f"Q{i},{category}\n" for i in range(rows)))


def run_import(python: str, csv_path: Path, home: Path) -> tuple[float, int, str]:
    env = {**os.environ, "HOTSEAT_HOME": str(home)}
    started = time.perf_counter()
    done = subprocess.run(
        [python, "-m", "simulator", "packs", "import", "--replace", str(csv_path)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    first = (done.stderr or done.stdout).strip().splitlines()
    return elapsed, done.returncode, first[0][:110] if first else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        for name, rows, category in CASES:
            csv_path = root / f"bench-{rows}-{category}.csv"
            write_csv(csv_path, rows, category)
            times, code, line = [], 0, ""
            for run in range(args.runs):
                home = root / f"home-{rows}-{category}-{run}"
                elapsed, code, line = run_import(args.python, csv_path, home)
                times.append(elapsed)
            size = csv_path.stat().st_size
            print(f"{name:28} {size:>9,} B  {statistics.median(times):6.2f} s  exit {code}")
            print(f"    {line}")


if __name__ == "__main__":
    main()
