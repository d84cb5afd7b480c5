"""The architecture's import rules: core is pure, and each outside library has one home."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "simulator"

# Which package may import which outside library.
HOMES = {
    "sounddevice": "audio",
    "webrtcvad": "audio",
    "soundfile": "audio",
    "soxr": "audio",
    "pyttsx3": "speech",
    "vosk": "speech",
    "pocketsphinx": "speech",
    "sqlite_utils": "store",
    "sqlite3": "store",
    "PySide6": "ui",
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_each_outside_library_is_imported_only_in_its_adapter() -> None:
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        part = path.relative_to(PACKAGE).parts[0]
        for module in imported_modules(path) & set(HOMES):
            home = HOMES[module]
            allowed = part == home or (home == "ui" and path.name == "app.py")
            if not allowed:
                wrong.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert wrong == []


def test_core_imports_nothing_outside_the_standard_library_and_core() -> None:
    blocked = ", ".join(f"'{name}'" for name in [*HOMES, "numpy", "platformdirs"])
    code = (
        "import sys\n"
        f"for name in [{blocked}]: sys.modules[name] = None\n"
        "for name in ['simulator.audio', 'simulator.speech', 'simulator.store', "
        "'simulator.ui', 'simulator.session']: sys.modules[name] = None\n"
        "import simulator.core.packs, simulator.core.plan, simulator.core.transcript\n"
        "import simulator.core.analysis\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
