"""``hotseat practice --no-gui --drill NAME``: checked before anything starts, handed to the
session, and its events printed for people."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from simulator.cli import main
from simulator.core.drills import drill_names
from tests.support.cli import run

if TYPE_CHECKING:
    from simulator.commands.practice import SessionOptions


def test_an_unknown_drill_is_one_line_naming_the_drills_exit_2(hotseat_home: Path) -> None:
    env = {**os.environ, "HOTSEAT_HOME": str(hotseat_home)}
    command = [sys.executable, "-m", "simulator", "practice", "--no-gui", "--pack", "warm-up"]
    result = subprocess.run(
        [*command, "--drill", "nope"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "nope" in lines[0]
    assert all(name in lines[0] for name in drill_names())
    assert result.stdout == ""


def test_a_bad_intensity_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(
            [
                "practice",
                "--no-gui",
                "--pack",
                "warm-up",
                "--drill",
                "interruptions",
                "--intensity",
                "4",
            ]
        )
    assert exit_info.value.code == 2


def test_the_drill_its_intensity_and_seed_go_to_the_session(
    capsys: pytest.CaptureFixture[str], practice_sessions: list[SessionOptions]
) -> None:
    argv = ["practice", "--no-gui", "--pack", "warm-up", "--drill", "busy-office"]
    code, _, err = run(capsys, *argv, "--intensity", "3", "--seed", "11")
    assert code == 0, err
    code, _, err = run(capsys, "practice", "--no-gui", "--pack", "warm-up")
    assert code == 0, err
    drilled, plain = practice_sessions
    assert (drilled.drill, drilled.intensity, drilled.seed) == ("busy-office", 3, 11)
    assert plain.drill is None


def test_the_printer_shows_cut_ins_distractions_squeezes_and_clarifications(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from simulator.commands.practice import _Printer
    from simulator.core import events as ev
    from tests.support.events import make

    ids = {"index": 0, "answer_id": 1}
    printer = _Printer(quiet=False)
    printer.event(ev.InterruptionStarted(**ids, kind="follow_up", text="Why?", answer_s=7.25))
    printer.event(make(ev.InterruptionEnded, answer_s=8.0))
    printer.event(
        ev.Distraction(
            **ids, kind="sound", name="phone_buzz", answer_s=9.0, duration_s=1.0, level_db=-12.0
        )
    )
    printer.event(
        ev.InterruptionStarted(**ids, kind="time_squeeze", text="Wrap up.", answer_s=20.0)
    )
    printer.event(make(ev.TimeSqueezed, new_limit_s=50.0, answer_s=20.0))
    printer.event(ev.InterruptionStarted(**ids, kind="clarification", text="Search.", answer_s=3.0))
    printer.event(make(ev.Clarification, asked="which page", answer="Search.", answer_s=3.0))
    assert capsys.readouterr().out.splitlines() == [
        "  [7.2 s] Interviewer (follow up): Why?",
        "  [9.0 s] Distraction (sound): phone buzz",
        "  [20.0 s] Interviewer (time squeeze): Wrap up.",
        "  The time limit is now 0:50.",
        "  [3.0 s] You asked: which page",
        "  Interviewer: Search.",
    ]
