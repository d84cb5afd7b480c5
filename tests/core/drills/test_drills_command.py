"""``hotseat drills list [--json]`` in a real process: output, exit codes, and no heavy
imports (listing drills must not load audio, storage or Qt)."""

from __future__ import annotations

import json
import subprocess
import sys

from simulator.core.drills import DRILLS

HEAVY = {"sqlite_utils", "numpy", "sounddevice", "soundfile", "vosk", "pocketsphinx", "PySide6"}


def hotseat(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "simulator", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_drills_list_json_gives_every_drill_with_its_description() -> None:
    done = hotseat("drills", "list", "--json")
    assert done.returncode == 0
    rows = json.loads(done.stdout)
    assert rows == [{"name": d.name, "description": d.description} for d in DRILLS]
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    # importlib.import_module (how cli loads a command) is not timed, but what it imports is.
    assert "simulator.core.drills" in imported
    assert not {module.split(".")[0] for module in imported} & HEAVY


def test_drills_list_prints_one_line_per_drill_and_the_intensities() -> None:
    done = hotseat("drills", "list")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    for drill in DRILLS:
        (line,) = [text for text in lines if text.split()[:1] == [drill.name]]
        assert line.endswith(drill.description)
    assert "1 gentle, 2 realistic, 3 hard" in done.stdout


def test_usage_problems_exit_2_and_help_exits_0() -> None:
    for args in (["drills"], ["drills", "list", "--bogus"], ["drills", "start"]):
        done = subprocess.run(
            [sys.executable, "-m", "simulator", *args], capture_output=True, text=True
        )
        assert done.returncode == 2, args
        assert done.stdout == "" and "Traceback" not in done.stderr
        assert done.stderr.splitlines()[-1].startswith("hotseat")
    helped = subprocess.run(
        [sys.executable, "-m", "simulator", "drills", "list", "--help"],
        capture_output=True,
        text=True,
    )
    assert helped.returncode == 0 and "--json" in helped.stdout
