"""No function or class in simulator/ that nothing names: code without callers is removed.

A cheap, static check: every name defined with ``def`` or ``class`` must appear somewhere else
in the package, the tests, the benchmarks or the scripts. It cannot see a name that only calls
itself or shares its name with a used one, so it catches the plain case (a helper left behind
when its last caller went), not every case.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "simulator"
ELSEWHERE = ("tests", "benchmarks", "scripts")

# Reached by a name built at run time rather than written out: each file with the prefix of
# the names it dispatches to.
DISPATCHED_BY_NAME = {
    "ui/pages/interview.py": "_on_",  # getattr(self, f"_on_{event type}")
}


def is_framework_hook(name: str) -> bool:
    """Dunder methods, and Qt's camelCase overrides (paintEvent, rowCount): Python or Qt calls
    them."""
    return name.startswith("__") or re.search(r"[a-z][A-Z]", name) is not None


def test_every_function_and_class_is_named_somewhere_else() -> None:
    sources = {path: path.read_text(encoding="utf-8") for path in sorted(PACKAGE.rglob("*.py"))}
    texts = list(sources.values())
    texts += [p.read_text(encoding="utf-8") for d in ELSEWHERE for p in (ROOT / d).rglob("*.py")]
    counts = Counter(word for text in texts for word in re.findall(r"\w+", text))
    unused = []
    for path, text in sources.items():
        relative = str(path.relative_to(PACKAGE))
        prefix = DISPATCHED_BY_NAME.get(relative)
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                continue
            name = node.name
            if is_framework_hook(name) or node.decorator_list:  # a decorator registers it
                continue
            if prefix and name.startswith(prefix):
                continue
            if counts[name] <= 1:
                unused.append(f"simulator/{relative}:{node.lineno} {name}")
    assert unused == [], "defined but never named elsewhere; remove them:\n" + "\n".join(unused)
