"""The architecture's import rules: core is pure, each outside library has one home, and the
imports between Hotseat's own packages point down, never back up.

For the direction, every module in simulator/ is read with ``ast`` (imports inside functions and
under ``TYPE_CHECKING`` count too: a lazy import is still a dependency). Each import of one of
our modules from another *unit* (a package such as ``ui/``, or a top-level module such as
``paths.py``) must be allowed by ``MAY_IMPORT``, the table of docs/ARCHITECTURE.md's "may
import" column. ``test_the_table_keeps_the_rules`` checks the table itself, so the rules cannot
be loosened by adding an entry in passing.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
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
    "pedalboard": "audio",  # audio/stretch.py only (test_pedalboard_only_in_stretch)
    "pyqtgraph": "ui",
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


# Packages that may use a part of an outside library, and only that part: reports lays out
# PDFs with QtGui (no widgets, so no window code in the terminal's export).
NARROW_RIGHTS = {"reports": {"PySide6.QtGui", "PySide6.QtCore"}}


def test_narrow_rights_stay_narrow() -> None:
    wrong = []
    for part, allowed in NARROW_RIGHTS.items():
        for path in (PACKAGE / part).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module]
                for name in names:
                    if name.split(".")[0] in HOMES and name not in allowed:
                        wrong.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert wrong == []


def test_each_outside_library_is_imported_only_in_its_adapter() -> None:
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        part = path.relative_to(PACKAGE).parts[0]
        for module in imported_modules(path) & set(HOMES):
            home = HOMES[module]
            allowed = part == home or (home == "ui" and path.name == "app.py")
            allowed = allowed or part in NARROW_RIGHTS  # checked by test_narrow_rights_stay_narrow
            if not allowed:
                wrong.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert wrong == []


def test_pedalboard_only_in_stretch() -> None:
    importers = [p.name for p in PACKAGE.rglob("*.py") if "pedalboard" in imported_modules(p)]
    assert importers == ["stretch.py"]


def test_core_imports_nothing_outside_the_standard_library_and_core() -> None:
    blocked = ", ".join(f"'{name}'" for name in [*HOMES, "numpy", "platformdirs"])
    code = (
        "import sys\n"
        f"for name in [{blocked}]: sys.modules[name] = None\n"
        "for name in ['simulator.audio', 'simulator.speech', 'simulator.store', "
        "'simulator.ui', 'simulator.session']: sys.modules[name] = None\n"
        "import simulator.core.packs, simulator.core.plan, simulator.core.transcript\n"
        "import simulator.core.analysis, simulator.core.errors\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# --- the direction between our own packages -------------------------------------------------

ADAPTERS = {"audio", "speech", "store"}

# Every unit of simulator/ and what it may import of ours besides itself. An entry names a
# unit ("core") or one module of it and what lies below ("audio.wav"). ``simulator`` itself
# (its ``__version__``) may be imported by anyone.
BELOW_THE_FRONT_ENDS = {
    "core",
    "audio",
    "speech",
    "store",
    "lifeline",
    "paths",
    "settings",
    "library",
    "session",
    "analysis_service",
    "analysis_worker",
    "records",
}
MAY_IMPORT: dict[str, set[str]] = {
    # The pure core: the standard library only.
    "core": set(),
    # The adapters, one per outside library: only the core. Speech reads and resamples audio
    # files (the recogniser is fed 16 kHz samples, the filler pass a stored PCM file), and its
    # helper processes watch their parent through lifeline.
    "audio": {"core"},
    "speech": {"core", "audio.wav", "audio.resample", "audio.pcm_store", "lifeline"},
    "store": {"core"},
    # Small modules the rest share.
    "lifeline": set(),
    "paths": {"core", "store.files", "store.names"},
    "settings": {"core"},
    # The question library: loading, import and export, editing, queries, checks.
    "library": {"core"},
    # One live session (session/): the runner, the interfaces it is given its adapters
    # through (ports.py), the analyses it waits for in the background, and the set-up of a
    # session shared by the window and the terminal.
    "session": {"core"},
    # The analysis of a recording, in a worker process.
    "analysis_service": {"core", "audio", "speech"},
    "analysis_worker": {"core", "audio", "speech", "analysis_service", "lifeline"},
    # Saved sessions: recovery, re-analysis, locks, deleting.
    # Export (records/export.py) writes through reports: the one path of the terminal and
    # the window.
    "records": {"core", "audio.wav", "speech", "store", "paths", "settings", "library"}
    | {"analysis_service", "reports"},
    # Construction of the real adapters, for both front ends.
    "services": BELOW_THE_FRONT_ENDS,
    # The window: no adapter directly (they come through the services it is given), and not
    # services.py itself (app.py builds it).
    "ui": {"core", "session", "records", "settings", "library", "paths"},
    # Exports of a saved session (HTML, PDF through Qt's QtGui, CSV, zip): typed records in,
    # files out; the terminal's ``sessions export`` uses it.
    "reports": {"core"},
    # The composition root of the window: everything but the terminal's commands.
    "app": BELOW_THE_FRONT_ENDS | {"services", "ui"},
    # The terminal: everything but the window's modules; the window itself through app.main.
    "commands": BELOW_THE_FRONT_ENDS | {"services", "app", "reports"},
    "cli": BELOW_THE_FRONT_ENDS | {"services", "commands", "app"},
    "__main__": {"cli"},
    "__init__": set(),
}

# Units that may be imported only inside a function, so that loading them is paid only on the
# path that uses them: the window is started from the terminal's entry points this way.
LAZY_ONLY = {"app"}

# Imports that break the table today, each with who removes it. Keep this list short: a new
# entry needs a reason and an owner; test_known_exceptions_still_exist drops fixed ones.
KNOWN: dict[tuple[str, str], str] = {
    # known, issue 10: events fixes it (bridge.is_expected can take the three error types
    # from simulator.core.errors, where they are now defined).
    ("ui/bridge.py", "simulator.audio.errors"): "events",
    ("ui/bridge.py", "simulator.speech.errors"): "events",
    ("ui/bridge.py", "simulator.store.errors"): "events",
    # known, issue 10: startup fixes it (app.py borrows cli._exit_code_for; cli imports app:
    # a cycle between the two front ends; the mapping belongs in a module both may import).
    ("app.py", "simulator.cli"): "startup",
}


@dataclass(frozen=True)
class Import:
    """One import of one of our modules, as written in a file."""

    path: str  # relative to simulator/
    line: int
    target: str  # the module imported, dotted: simulator.audio.errors
    lazy: bool  # inside a function

    def __str__(self) -> str:
        return f"simulator/{self.path}:{self.line} imports {self.target}"


def unit_of(relative: Path) -> str:
    """The unit a file of simulator/ belongs to: its package, or its module's name."""
    first = relative.parts[0]
    return first.removesuffix(".py")


def target_unit(target: str) -> str | None:
    """The unit of a dotted module name, or None for ``simulator`` itself."""
    parts = target.split(".")
    return parts[1] if len(parts) > 1 else None


def is_module(dotted: str) -> bool:
    """Whether a dotted name under ``simulator`` is a module or package (not a name in one)."""
    relative = Path(*dotted.split(".")[1:])
    return (PACKAGE / relative).with_suffix(".py").is_file() or (PACKAGE / relative).is_dir()


def targets_of(node: ast.Import | ast.ImportFrom, package: list[str]) -> list[str]:
    """The dotted names of the modules one import statement imports."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:  # relative: from . import x, from ..core import y
        base = package[: len(package) - node.level + 1]
        module = ".".join([*base, *([node.module] if node.module else [])])
    else:
        module = node.module or ""
    # "from simulator.audio import wav" imports the module simulator.audio.wav.
    names = [f"{module}.{alias.name}" for alias in node.names]
    return [name for name in names if is_module(name)] or [module]


def imports_of(path: Path) -> list[Import]:
    """Every import of one of our modules in a file, at any depth."""
    relative = path.relative_to(PACKAGE)
    package = ["simulator", *relative.parent.parts]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[Import] = []

    def visit(node: ast.AST, lazy: bool) -> None:
        inside = lazy or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        if isinstance(node, ast.Import | ast.ImportFrom):
            for target in targets_of(node, package):
                if target == "simulator" or target.startswith("simulator."):
                    found.append(Import(str(relative), node.lineno, target, inside))
        for child in ast.iter_child_nodes(node):
            visit(child, inside)

    visit(tree, False)
    return found


def all_imports() -> list[Import]:
    return [found for path in sorted(PACKAGE.rglob("*.py")) for found in imports_of(path)]


def allowed(unit: str, target: str) -> bool:
    for entry in MAY_IMPORT.get(unit, set()):
        allowed_name = f"simulator.{entry}"
        if target == allowed_name or target.startswith(allowed_name + "."):
            return True
    return False


def test_every_unit_is_in_the_table() -> None:
    units = {unit_of(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")}
    missing = sorted(units - set(MAY_IMPORT))
    assert missing == [], (
        f"add a row to MAY_IMPORT (and docs/ARCHITECTURE.md) for {', '.join(missing)}: "
        "what may each import of ours?"
    )


def test_imports_between_our_packages_point_down() -> None:
    wrong = []
    for found in all_imports():
        unit = unit_of(Path(found.path))
        other = target_unit(found.target)
        if other is None or other == unit or allowed(unit, found.target):
            continue
        if (found.path, found.target) in KNOWN:
            continue
        may = ", ".join(sorted(MAY_IMPORT.get(unit, set()))) or "none of ours"
        wrong.append(f"{found} ({unit} may import: {may})")
    assert wrong == [], "imports against the direction:\n" + "\n".join(wrong)


def test_the_window_is_imported_lazily() -> None:
    eager = [
        str(found)
        for found in all_imports()
        if target_unit(found.target) in LAZY_ONLY
        and unit_of(Path(found.path)) != target_unit(found.target)
        and not found.lazy
    ]
    assert eager == [], "import these inside the function that needs them:\n" + "\n".join(eager)


def test_known_exceptions_still_exist() -> None:
    present = {(found.path, found.target) for found in all_imports()}
    fixed = sorted(f"{path} -> {target}" for path, target in KNOWN if (path, target) not in present)
    assert fixed == [], "fixed: remove these from KNOWN in this test:\n" + "\n".join(fixed)


def test_the_table_keeps_the_rules() -> None:
    """The rules of docs/ARCHITECTURE.md, checked on the table so it cannot drift from them."""
    assert MAY_IMPORT["core"] == set()
    assert MAY_IMPORT["audio"] == {"core"}
    assert MAY_IMPORT["store"] == {"core"}
    speech_audio = {entry for entry in MAY_IMPORT["speech"] if entry.startswith("audio")}
    assert speech_audio <= {"audio.wav", "audio.resample", "audio.pcm_store"}
    assert MAY_IMPORT["speech"] - speech_audio <= {"core", "lifeline"}
    assert not {entry.split(".")[0] for entry in MAY_IMPORT["ui"]} & ADAPTERS
    assert not {entry.split(".")[0] for entry in MAY_IMPORT["ui"]} & {"services", "commands"}
    for unit, entries in MAY_IMPORT.items():
        roots = {entry.split(".")[0] for entry in entries}
        if "ui" in roots:
            assert unit == "app", f"only app.py may import ui, not {unit}"
        if "commands" in roots:
            assert unit == "cli", f"only cli.py may import commands, not {unit}"
        if "app" in roots:
            assert unit in {"cli", "commands"}, f"only the terminal starts the window, not {unit}"
