"""Commands import only what they use: ``--help``, ``--version`` and ``packs list`` start
without the storage, audio, speech and Qt libraries (each costs tens of milliseconds)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

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


def modules_imported_by_main(*args: str, env: dict[str, str]) -> tuple[set[str], str]:
    """The modules ``cli.main(ARGS)`` imported in a fresh interpreter, beyond its own start,
    and what it printed."""
    probe = (
        "import sys; before = set(sys.modules); from simulator.cli import main; "
        f"code = main({list(args)!r}); "
        "print(*sorted(set(sys.modules) - before), file=sys.stderr); sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return set(done.stderr.split()), done.stdout


#: What ``sessions list --json`` may import on its fast path: the standard library's sqlite3
#: (with what it brings) and our own few modules. Not argparse, typing, pathlib, json or
#: platformdirs: together they cost it about a third of the sqlite3 CLI's time.
FAST_LIST_MODULES = {"sqlite3", "_sqlite3", "datetime", "_datetime", "math", "collections"}


@pytest.mark.parametrize("home_set", [True, False])
def test_sessions_list_json_imports_only_os_sys_and_sqlite3(home_set: bool, tmp_path: Path) -> None:
    from tests.cli.test_sessions_list import saved_sessions

    db_path = saved_sessions(3)  # settled: no recovery or migration to go through
    env = dict(os.environ)
    if not home_set:  # the default data folder, found as platformdirs would on Linux
        (tmp_path / ".local" / "share").mkdir(parents=True)
        (tmp_path / ".local" / "share" / "hotseat").symlink_to(db_path.parent)
        env.pop("HOTSEAT_HOME")
        env.pop("XDG_DATA_HOME", None)
        env["HOME"] = str(tmp_path)
    modules, printed = modules_imported_by_main("sessions", "list", "--json", env=env)
    assert len(json.loads(printed)) == 3  # from the data folder the test filled
    assert "simulator.commands.sessions_json" in modules
    foreign = {name.split(".")[0] for name in modules} - {"simulator"}
    assert sorted(foreign - FAST_LIST_MODULES) == []


def test_sessions_list_builds_and_imports_only_what_it_uses() -> None:
    from tests.cli.test_sessions_list import saved_sessions

    saved_sessions(3)  # settled: no recovery or migration to go through
    # Another spelling of the same command: argparse, and the sessions command alone.
    modules = imported_modules("--debug", "sessions", "list", "--json")
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
