"""Start-up and exit against the toolkit's own floor, as ratios of runs taken in turns.

Each figure pairs Hotseat with a baseline, run one after the other (A B A B ...), and prints
the median of each and the median of the pair-by-pair ratios (a machine shared with other
work drifts; pairing keeps the ratio honest):

- window shown: process start until the main window's first paint, against a PySide6 hello
  world (a QLabel in a QWidget) measured the same way;
- whole process: process start until exit, the window closed at its first paint;
- ``hotseat sessions list --json`` on a store of 2,000 sessions against ``sqlite3 -json``
  printing the same rows (output to /dev/null);
- idle memory: PSS summed over the app and its child processes once the start-up checks
  have settled and the window has idled a second, against the hello world.

    python -m benchmarks.startup [--runs 7] [--sessions 2000] [--only window|memory|list]
        [--python VENV/bin/python]

Qt runs offscreen unless DISPLAY is set. The probe in each child patches ``QWidget.show`` (the
same for both), so nothing in the app is changed to be measured.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The child: report the first paint of the first top-level widget shown, then (after idling
# if asked) its memory and its children's, then close that widget: the app exits as a user's
# would, through closeEvent.
PROBE = """
import os, sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

IDLE = os.environ.get("STARTUP_PROBE_IDLE") == "1"

def pss_kib(pid):
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    return sum(int(line.split()[1]) for line in text.splitlines() if line.startswith("Pss:"))

def role(pid):
    # What a process of the app is: the helpers are told apart by the libraries they map.
    if pid == os.getpid():
        return "window"
    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    if b"resource_tracker" in cmdline:
        return "resource-tracker"
    maps = Path(f"/proc/{pid}/maps").read_text(errors="replace")
    for needle, name in (("pocketsphinx", "recogniser"), ("vosk", "recogniser"),
                         ("espeak", "voice"), ("numpy", "analysis-or-other")):
        if needle in maps:
            return name
    return "other"

def tree(pid):
    found = [pid]
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            found += tree(int(child))
    return found

class FirstPaint(QObject):
    def __init__(self, widget):
        super().__init__(widget)
        self.widget = widget
        self.seen = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            print(f"shown {time.time()}", flush=True)
            QTimer.singleShot(0, self.settle if IDLE else self.widget.close)
        return False
    def settle(self):
        # The app's start-up work is queued after the first paint, so wait for it to begin
        # (the property app.BACKGROUND_STARTED) and then to end.
        tasks = getattr(self.widget, "tasks", None)
        started = self.widget.property("hotseat_background_started")
        if tasks is not None and (not started or tasks.pending):
            QTimer.singleShot(50, self.settle)
            return
        QTimer.singleShot(1000, self.measure)
    def measure(self):
        pids = tree(os.getpid())
        print(f"memory {sum(pss_kib(p) for p in pids)} {len(pids)}", flush=True)
        for pid in pids:
            print(f"process {pss_kib(pid)} {role(pid)}", flush=True)
        self.widget.close()

_show = QWidget.show
def show(self):
    if self.isWindow() and not hasattr(QWidget, "_probe"):
        QWidget._probe = FirstPaint(self)
        self.installEventFilter(QWidget._probe)
    _show(self)
QWidget.show = show

if sys.argv[1] == "app":
    from simulator.app import main
    sys.exit(main([]))
else:
    from PySide6.QtWidgets import QLabel, QVBoxLayout
    app = QApplication(sys.argv[:1])
    window = QWidget()
    QVBoxLayout(window).addWidget(QLabel("Hello, world"))
    window.show()
    sys.exit(app.exec())
"""


def launch(kind: str, home: Path, idle: bool = False) -> dict[str, float]:
    """One run of the probe: seconds to the first paint and to exit, and PSS if ``idle``."""
    env = {**os.environ, "HOTSEAT_HOME": str(home), "STARTUP_PROBE_IDLE": "1" if idle else ""}
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    started_wall, started = time.time(), time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", PROBE, kind],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    out, _ = process.communicate(timeout=120)
    if os.environ.get("STARTUP_VERBOSE"):
        print(out, file=sys.stderr)
    ended = time.perf_counter() - started
    figures: dict[str, float] = {"exit": ended}
    for line in out.splitlines():
        word, *values = line.split()
        if word == "process":  # its PSS in KiB and its role: "pss window" in MiB
            key = f"pss {values[1]}"
            figures[key] = figures.get(key, 0.0) + int(values[0]) / 1024
        elif word == "shown":
            figures["shown"] = float(values[0]) - started_wall
        elif word == "memory":
            figures["memory_mib"] = int(values[0]) / 1024
            figures["processes"] = int(values[1])
    if process.returncode != 0 or "shown" not in figures:
        raise SystemExit(f"the {kind} probe failed (exit {process.returncode}): {out[-500:]}")
    return figures


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True, timeout=120)
    return time.perf_counter() - started


def cpu_timed(command: list[str], env: dict[str, str], cwd: Path) -> float:
    """CPU seconds (user + system) of the whole child process: steadier than wall time on a
    machine shared with other work."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, check=True, timeout=120)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def in_turns(
    runs: int, a: Callable[[], float], b: Callable[[], float]
) -> tuple[float, float, float]:
    """Medians of A, of B, and of the pair-by-pair ratio A/B (one warm-up pair first)."""
    a(), b()
    pairs = [(a(), b()) for _ in range(runs)]
    return (
        statistics.median(x for x, _ in pairs),
        statistics.median(y for _, y in pairs),
        statistics.median(x / y for x, y in pairs),
    )


def fill_store(home: Path, count: int) -> Path:
    """A store of ``count`` finished sessions with three answers each; its path."""
    from simulator.store import Store

    home.mkdir(parents=True, exist_ok=True)
    with Store(home / "hotseat.db") as store:
        for number in range(count):
            started = f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}T10:{number % 60:02d}:00"
            session = store.create_session(
                mode="practice", pack_id="behavioral-core", settings={}, started_at=started
            )
            for position in (1, 2, 3):
                answer = store.start_answer(
                    session_id=session,
                    position=position,
                    question_id=f"q{position}",
                    question_text="Why this role?",
                    audio_path=f"sessions/{session}/{position}-q{position}.wav",
                    sample_rate=16000,
                    started_at=started,
                )
                store.finish_answer(
                    answer,
                    transcript="an answer",
                    words=[],
                    engine="pocketsphinx",
                    model="en-us",
                    duration_s=10.0 + position * 1.7,
                )
            store.finish_session(session, status="complete", ended_at=started)
    return home / "hotseat.db"


def row(name: str, a: float, b: float, ratio: float, unit: str = "s") -> None:
    print(f"| {name} | {a:.3f} {unit} | {b:.3f} {unit} | {ratio:.2f}x |", flush=True)


def window_figures(pairs: int, app_home: Path, hello_home: Path) -> None:
    """Window shown, and the whole process closed at its first paint."""
    runs: list[tuple[dict[str, float], dict[str, float]]] = []

    def app_run() -> float:
        runs.append((launch("app", app_home), {}))
        return runs[-1][0]["shown"]

    def hello_run() -> float:
        runs[-1] = (runs[-1][0], launch("hello", hello_home))
        return runs[-1][1]["shown"]

    shown = in_turns(pairs, app_run, hello_run)
    row("window shown (first paint)", *shown)
    counted = runs[1:]  # the warm-up pair is left out, as in in_turns
    exits = [(a["exit"], b["exit"]) for a, b in counted]
    row(
        "whole process (closed at first paint)",
        statistics.median(a for a, _ in exits),
        statistics.median(b for _, b in exits),
        statistics.median(a / b for a, b in exits),
    )


def memory_figure(app_home: Path, hello_home: Path) -> None:
    """Idle memory (benchmarks/idle_memory.py tells it process by process)."""
    memory = [
        (launch("app", app_home, idle=True), launch("hello", hello_home, idle=True))
        for _ in range(3)
    ]
    app_mib = statistics.median(a["memory_mib"] for a, _ in memory)
    hello_mib = statistics.median(b["memory_mib"] for _, b in memory)
    processes = int(statistics.median(a["processes"] for a, _ in memory))
    row(f"idle memory, PSS ({processes} processes)", app_mib, hello_mib, app_mib / hello_mib, "MiB")


def list_figure(pairs: int, sessions: int, work: Path, python: str) -> None:
    """``hotseat sessions list --json`` against the sqlite3 CLI printing the same rows, in CPU
    seconds. ``python`` is the environment's interpreter (another one's, e.g. one the wheel is
    installed in); the command is its ``hotseat`` script, as users run it, from the work folder
    so that it imports the installed package. The data folder is found twice: through
    ``HOTSEAT_HOME``, and by default (under a ``HOME`` made for the run)."""
    db = fill_store(work / "store", sessions)
    from simulator.store.listing import LIST_SESSIONS

    script = Path(python).parent / "hotseat"
    hotseat = [str(script)] if script.exists() else [python, "-m", "simulator"]
    hotseat += ["sessions", "list", "--json"]
    sqlite = [shutil.which("sqlite3") or "sqlite3", "-json", str(db), LIST_SESSIONS]
    user_home = work / "user"
    (user_home / ".local" / "share").mkdir(parents=True)
    (user_home / ".local" / "share" / "hotseat").symlink_to(db.parent)
    set_home = {**os.environ, "HOTSEAT_HOME": str(db.parent)}
    default = {k: v for k, v in os.environ.items() if k not in ("HOTSEAT_HOME", "XDG_DATA_HOME")}
    default["HOME"] = str(user_home)
    for label, env in (("HOTSEAT_HOME", set_home), ("default folder", default)):
        listed = in_turns(
            pairs,
            lambda env=env: cpu_timed(hotseat, env, work),
            lambda: cpu_timed(sqlite, set_home, work),
        )
        row(f"sessions list --json ({sessions} sessions, {label}) vs sqlite3 -json, CPU", *listed)
        out = subprocess.run(hotseat, env=env, capture_output=True, check=True, cwd=work).stdout
        assert len(json.loads(out)) == sessions
    bare = [python, "-c", "pass"]
    floor = in_turns(
        pairs, lambda: cpu_timed(bare, set_home, work), lambda: cpu_timed(sqlite, set_home, work)
    )
    row("the floor: python -c pass vs the same sqlite3 -json, CPU", *floor)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="pairs per figure")
    parser.add_argument("--sessions", type=int, default=2000, help="sessions in the store")
    parser.add_argument("--only", choices=["window", "memory", "list"], help="one figure only")
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="the interpreter that runs hotseat for the list figure (e.g. a wheel's venv)",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    work = Path(tempfile.mkdtemp(prefix="hotseat-startup-"))
    try:
        app_home, hello_home = work / "app", work / "hello"
        print("| figure | Hotseat | baseline | ratio (median of pairs) |")
        print("|---|---|---|---|")
        if args.only in (None, "window"):
            window_figures(args.runs, app_home, hello_home)
        if args.only in (None, "memory"):
            memory_figure(app_home, hello_home)
        if args.only in (None, "list"):
            list_figure(args.runs, args.sessions, work, args.python)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
