"""``hotseat --self-check``: the libraries loaded only by some pages (pedalboard for the slowed
replay, pyqtgraph for the progress charts) work in this install. The frozen build runs it too
(test_frozen_build.py); here it runs from the checkout, and with pedalboard missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def self_check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", "--self-check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_self_check_stretches_a_tone_and_draws_a_chart(hotseat_home: Path) -> None:
    done = self_check({**os.environ, "HOTSEAT_HOME": str(hotseat_home)})
    assert done.returncode == 0, done.stderr
    replay, chart = done.stdout.splitlines()
    assert replay == "slowed replay: ok (0.67 s at 0.75x, 0.33 s at 1.5x)"
    assert chart.startswith("progress chart: ok (") and " 0 pixels" not in chart
    help_text = subprocess.run(
        [sys.executable, "-m", "simulator", "--help"], capture_output=True, text=True, timeout=60
    ).stdout
    assert "self-check" not in help_text  # for checking a build, not for everyday use


def test_a_missing_library_fails_the_self_check_in_one_line(
    hotseat_home: Path, tmp_path: Path
) -> None:
    # A pedalboard that cannot load, as in a build that left out its native part.
    broken = tmp_path / "broken" / "pedalboard"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text("raise ImportError('no pedalboard_native here')\n")
    path = os.pathsep.join([str(broken.parent), os.environ.get("PYTHONPATH", "")])
    done = self_check({**os.environ, "HOTSEAT_HOME": str(hotseat_home), "PYTHONPATH": path})
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "hotseat: self-check failed: ImportError: no pedalboard_native here"
    ]
    assert done.stdout == ""
