"""How long ``parse_pack`` takes on a pack near the size limit, against tomllib alone.

The pack is the one ``hotseat packs import`` saves for a CSV of 7,000 short rows (930 kB of
TOML, 7,000 questions). Each run times, in turns so that the load of the machine falls on all
of them alike: ``tomllib.loads`` of the text (the floor: any parse costs that), a valid pack
through ``parse_pack``, the same pack with an unknown category in its last question (an
error: every problem is reported with its line), and ``SourceLines.scan`` alone. Prints the
medians and each one's ratio to tomllib's time in the same runs.

    python -m benchmarks.pack_parse [--runs 9]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from simulator.core.packs import PackError, parse_pack
from simulator.core.packs.source_lines import SourceLines
from simulator.library.exchange import dump_pack, read_csv_pack

ROWS = 7_000


def imported_pack_text(rows: int = ROWS) -> str:
    """The TOML an import of ``rows`` short CSV rows saves."""
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "big.csv"
        csv_path.write_text("text,category\n" + "".join(f"Q{i},ethics\n" for i in range(rows)))
        return dump_pack(read_csv_pack(csv_path))


def refused(text: str) -> Callable[[], object]:
    def parse() -> object:
        try:
            return parse_pack(text, "big.toml")
        except PackError as error:
            return error.problems
        raise AssertionError("the broken pack was accepted")

    return parse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    text = imported_pack_text()
    last = text.rindex('category = "ethics"')
    broken = text[:last] + 'category = "ethic"' + text[last + len('category = "ethics"') :]
    print(f"pack: {len(text.encode()):,} bytes, {text.count('[[questions]]'):,} questions")
    cases: dict[str, Callable[[], object]] = {
        "tomllib.loads (floor)": lambda: tomllib.loads(text),
        "parse_pack, valid": lambda: parse_pack(text, "big.toml"),
        "parse_pack, error in the last question": refused(broken),
        "SourceLines.scan alone": lambda: SourceLines.scan(text),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, run in cases.items():
            started = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - started)
    floor = statistics.median(times["tomllib.loads (floor)"])
    for name, taken in times.items():
        median = statistics.median(taken)
        print(f"{name:40} {median * 1000:7.1f} ms  ({median / floor:.2f} x tomllib)")


if __name__ == "__main__":
    main()
