"""Modules stay small: none over 400 lines, and the median under 150.

Small modules with one purpose each are what the house style asks for (docs/ARCHITECTURE.md);
a module past the limit is split into a package, as ``core/packs/`` was.
"""

from __future__ import annotations

import statistics
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "simulator"
MAX_LINES = 400
MAX_MEDIAN = 150

# Modules over the limit today, each with who splits it. A fixed one must leave this list.
KNOWN_LARGE: dict[str, str] = {}


def module_lengths() -> dict[str, int]:
    return {
        str(path.relative_to(PACKAGE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def test_no_module_is_over_the_limit() -> None:
    lengths = module_lengths()
    median = statistics.median(lengths.values())
    large = [
        f"simulator/{name}: {lines} lines"
        for name, lines in sorted(lengths.items(), key=lambda item: -item[1])
        if lines > MAX_LINES and name not in KNOWN_LARGE
    ]
    assert large == [], (
        f"modules over {MAX_LINES} lines (median of {len(lengths)} modules: {median:g}); "
        "split them:\n" + "\n".join(large)
    )


def test_the_median_module_is_small() -> None:
    lengths = module_lengths()
    median = statistics.median(lengths.values())
    assert median < MAX_MEDIAN, f"the median module has {median:g} lines ({len(lengths)} modules)"


def test_known_large_modules_are_still_large() -> None:
    lengths = module_lengths()
    fixed = [name for name in KNOWN_LARGE if lengths.get(name, 0) <= MAX_LINES]
    assert fixed == [], f"now within {MAX_LINES} lines: remove from KNOWN_LARGE: {fixed}"
