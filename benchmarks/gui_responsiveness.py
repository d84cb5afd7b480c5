"""The GUI thread's longest stall during a real answer, and the time from launch to window.

Stall: the real window (offscreen, or the X server of xvfb-run) runs a one-question session
through a PulseAudio virtual microphone while a 10 ms heartbeat timer on the GUI thread notes
the longest gap between its ticks, from Start until the answer's transcript is on screen.
Launch: `python -m simulator` is started as a process and reports when its window has been
shown and the event loop has run once; the median of three launches is printed.

    python -m benchmarks.gui_responsiveness [--shots DIR] [--drill full-pressure]

With ``--drill`` the answer runs under that pressure drill at intensity 3 (cut-ins spoken
through the mixer, distraction sounds, a squeeze), chosen on the home page as a user would.
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

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.e2e.conftest import E2E_PACK
from tests.support.speech_samples import concat_wavs, flite_wav
from tests.support.virtual_mic import VirtualMic

LAUNCH_PROBE = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import simulator.ui.window as window_module

shown = window_module.MainWindow.show
def show_and_report(self):
    shown(self)
    QTimer.singleShot(0, lambda: (print("shown", flush=True), QApplication.instance().quit()))
window_module.MainWindow.show = show_and_report
from simulator.app import main
main([])
"""


def launch_seconds(home: Path) -> float:
    env = {**os.environ, "HOTSEAT_HOME": str(home)}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", LAUNCH_PROBE], env=env, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == "shown":
            elapsed = time.perf_counter() - started
            break
    process.wait(timeout=60)
    return elapsed


def stall_during_answer(
    home: Path, mic: VirtualMic, shots: Path | None, drill: str | None = None
) -> tuple[float, float]:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from simulator import paths
    from simulator.core.events import SessionEvent
    from simulator.library import load_library
    from simulator.services import build_services
    from simulator.settings import Settings, SettingsFile
    from simulator.ui import style
    from simulator.ui.window import MainWindow

    os.environ["HOTSEAT_HOME"] = str(home)
    mic.apply_to_os_environ()
    app = QApplication.instance() or QApplication([])
    style.apply(app)  # type: ignore[arg-type]
    layout = paths.layout()
    layout.ensure()
    (layout.packs_dir / "e2e.toml").write_text(E2E_PACK)
    folder = Path(tempfile.mkdtemp())
    sentences = [
        "i asked my teammate to explain her plan and then we tested both ideas together",
        "the team agreed to meet every morning and the project finished on time",
    ] * 3
    parts = [flite_wav(text, folder / f"s{i}.wav") for i, text in enumerate(sentences)]
    answer = concat_wavs(parts, folder / "answer.wav", pause_s=0.5)
    settings_file = SettingsFile(paths.settings_file())
    settings_file.save(
        Settings(
            engine="pocketsphinx",
            end_silence_s=1.5,
            shuffle=False,
            drill=drill,
            intensity=3 if drill else 2,
        )
    )
    services = build_services(settings_file.load(), layout)
    window = MainWindow(
        services, load_library(paths.builtin_packs_dir(), layout.packs_dir), settings_file
    )
    window.resize(1100, 720)
    window.show()

    clock = QElapsedTimer()
    gaps: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)

    log: list[str] = []

    def beat() -> None:
        gaps.append(clock.restart() / 1000.0)
        if os.environ.get("HOTSEAT_BENCH_DEBUG") and gaps[-1] > 0.05:
            log.append(f"{time.perf_counter():.2f} gap {gaps[-1] * 1000:.0f} ms")

    heartbeat.timeout.connect(beat)
    done: dict[str, float] = {}

    def on_event(event: SessionEvent) -> None:
        kind = event.type
        if os.environ.get("HOTSEAT_BENCH_DEBUG"):
            log.append(f"{time.perf_counter():.2f} event {kind}")
        if kind in {"recording_started", "answer_ended"}:
            done[f"gap_index_{kind}"] = len(gaps)
        if kind == "recording_started":
            mic.speak(answer, block=False)
            if shots:
                QTimer.singleShot(9000, lambda: window.grab().save(str(shots / "live.png")))
        if kind in {"interruption_started", "distraction", "time_squeezed"}:
            done[kind] = done.get(kind, 0) + 1
        if kind == "answer_saved":
            done["saved"] = time.perf_counter()

    clock.start()
    heartbeat.start()
    bridge = window.session.start("e2e", 1, shuffle=False)
    assert bridge is not None
    bridge.event.connect(on_event)
    bridge.finished.connect(lambda _id: app.quit())
    app.exec()
    heartbeat.stop()
    print("\n".join(log), file=sys.stderr)
    if drill:
        happened = {k: v for k, v in done.items() if k != "saved" and not k.startswith("gap")}
        print(f"drill {drill}: {happened}", file=sys.stderr)
    if shots:
        window.grab().save(str(shots / "end.png"))
    window.shutdown()
    services.close()
    mic.restore_os_environ()
    first = int(done.get("gap_index_recording_started", 0))
    last = int(done.get("gap_index_answer_ended", len(gaps)))
    during = gaps[first:last] or gaps
    print(f"longest_gap_while_recording_ms={max(during) * 1000:.0f}", file=sys.stderr)
    return max(gaps), statistics.quantiles(gaps, n=100)[98]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shots", type=Path, help="also save screenshots of the real session")
    parser.add_argument("--drill", help="run the answer under this pressure drill (intensity 3)")
    args = parser.parse_args()
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        launches = [launch_seconds(Path(folder) / f"launch{i}") for i in range(3)]
        print(
            f"launch_to_window_s median={statistics.median(launches):.2f} "
            f"runs={' '.join(f'{x:.2f}' for x in launches)}"
        )
        with VirtualMic() as mic:
            longest, p99 = stall_during_answer(Path(folder) / "stall", mic, args.shots, args.drill)
        label = f" drill={args.drill}" if args.drill else ""
        print(
            f"gui_heartbeat_10ms{label} longest_gap_ms={longest * 1000:.0f}"
            f" p99_gap_ms={p99 * 1000:.0f}"
        )


if __name__ == "__main__":
    main()
