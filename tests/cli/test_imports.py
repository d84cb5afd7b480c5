"""Commands import only what they use: ``--help``, ``--version`` and ``packs list`` start
without the storage, audio, speech and Qt libraries (each costs tens of milliseconds)."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from simulator.cli import COMMANDS, build_parser
from simulator.commands import sessions

HEAVY = {"sqlite_utils", "numpy", "sounddevice", "soundfile", "vosk", "pocketsphinx", "PySide6"}


def imported_modules(*args: str) -> set[str]:
    """The modules ``python -m simulator ARGS`` imported, from ``-X importtime``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "simulator", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return {
        line.rsplit("|", 1)[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["packs", "list"]])
def test_light_commands_import_no_heavy_library(args: list[str]) -> None:
    modules = imported_modules(*args)
    assert "simulator.cli" in modules  # the measurement saw the command's own imports
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert heavy == []


def test_the_check_sees_heavy_libraries_a_command_does_import() -> None:
    # So the test above can fail: `practice` builds sessions (audio, storage) even for --help.
    assert {"numpy", "sqlite_utils"} <= imported_modules("practice", "--help")


def test_every_command_is_listed_with_its_own_help_line() -> None:
    full = build_parser()
    actions = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help for choice in actions._choices_actions}
    assert helps == {name: help_line for name, (_module, help_line) in COMMANDS.items()}
    assert set(actions.choices) == set(COMMANDS)


def test_help_lists_every_command_without_importing_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stop:
        build_parser(["--help"]).parse_args(["--help"])
    assert stop.value.code == 0
    out = " ".join(capsys.readouterr().out.split())  # help lines are wrapped
    for name, (_module, help_line) in COMMANDS.items():
        assert name in out and help_line in out


def test_every_sessions_action_is_listed_with_its_own_help_line() -> None:
    full = build_parser()  # every command and action in full
    commands = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    parser = commands.choices["sessions"]
    actions = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help for choice in actions._choices_actions}
    assert helps == sessions.ACTIONS
    assert list(actions.choices) == list(sessions.ACTIONS)  # in the same order


def test_sessions_list_builds_and_imports_only_what_it_uses() -> None:
    from tests.cli.test_sessions_list import saved_sessions

    saved_sessions(3)  # settled: no recovery or migration to go through
    modules = imported_modules("sessions", "list", "--json")
    assert "simulator.store.listing" in modules  # imported by the sessions command
    unused = {
        "simulator.commands.sessions_review",  # search and score
        "simulator.commands.export",
        "simulator.records.recovery",
        "simulator.settings",
        "dataclasses",
    }
    assert sorted(unused & modules) == []
    assert sorted(m for m in modules if m.split(".")[0] in HEAVY) == []


def test_sessions_actions_are_still_parsed_in_full() -> None:
    parser = build_parser(["sessions", "score", "7", "result=4"])
    args = parser.parse_args(["sessions", "score", "7", "result=4"])
    assert (args.action, args.answer_id, args.scores) == ("score", 7, ["result=4"])
    args = build_parser(["--debug", "sessions", "list"]).parse_args(["--debug", "sessions", "list"])
    assert (args.action, args.json, args.debug) == ("list", False, True)
