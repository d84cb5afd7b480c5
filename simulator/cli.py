"""The ``hotseat`` command: the window by default, and subcommands for terminal use.

Exit codes: 0 success; 1 the work failed; 2 a usage or environment problem. Problems print one
line on stderr; ``--debug`` shows the traceback as well.
"""

from __future__ import annotations

import sys

from simulator import __version__

# Only ``sys`` at the top: ``sessions list --json`` runs before argparse, typing or any command
# module is imported (``commands/sessions_json.py``), the rest imports what it uses.
TYPE_CHECKING = False  # typing.TYPE_CHECKING, which mypy and ruff know by name
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    # Never run, but PyInstaller finds the command modules through these (they are imported
    # by name below, which its analysis cannot follow).
    from simulator.commands import (  # noqa: F401
        analyze,
        backup,
        drills,
        models,
        packs,
        practice,
        progress_report,
        restore,
        sessions,
        transcribe,
    )

#: Each command's module and its line in ``hotseat --help``. Only the module of the command
#: being run is imported: the others pull in audio, speech and storage libraries, which would
#: make ``--help``, ``--version`` and ``packs list`` pay for what they never use.
#: tests/cli/test_imports.py checks these lines against the modules' own.
COMMANDS: dict[str, tuple[str, str]] = {
    "practice": (
        "simulator.commands.practice",
        "run a practice session (the window, or this terminal with --no-gui)",
    ),
    "transcribe": ("simulator.commands.transcribe", "transcribe a recording offline"),
    "sessions": (
        "simulator.commands.sessions",
        "list, show, search, score, export and delete saved sessions",
    ),
    "packs": ("simulator.commands.packs", "list, validate, import and export question packs"),
    "analyze": ("simulator.commands.analyze", "measure pace, pauses, fillers and structure"),
    "models": ("simulator.commands.models", "list and install Vosk speech models"),
    "progress": (
        "simulator.commands.progress_report",
        "your figures over time, by category, and your weak spots",
    ),
    "drills": ("simulator.commands.drills", "list the pressure drills and what each one does"),
    "backup": (
        "simulator.commands.backup",
        "save every session and recording to one .zip file",
    ),
    "restore": (
        "simulator.commands.restore",
        "bring back a backup made by 'hotseat backup' (asks before replacing)",
    ),
}


#: The command line that skips argparse (``commands/sessions_json.py``); other spellings of
#: the same command take the parser and print the same JSON.
_FAST_LIST = ("sessions", "list", "--json")
#: Checks the libraries only some pages load (``app.self_check``); not in ``--help``, as it
#: is for checking a build (tests/packaging/test_frozen_build.py), not for everyday use.
_SELF_CHECK = ("--self-check",)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: the command named there in full, the others by name only.

    With ``argv`` None every command is built in full (slower: imports them all).
    """
    import argparse
    import importlib

    parser = argparse.ArgumentParser(
        prog="hotseat",
        description="Offline mock-interview practice. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"hotseat {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of failures")
    subparsers = parser.add_subparsers(dest="command")
    wanted = _command_in(argv)
    for name, (module_name, help_line) in COMMANDS.items():
        if argv is None or name == wanted:
            module = importlib.import_module(module_name)
            if hasattr(module, "ACTIONS"):  # it builds only the action argv names in full
                module.add_parser(subparsers, argv)
            else:
                module.add_parser(subparsers)
        else:
            subparsers.add_parser(name, help=help_line)
    return parser


def _command_in(argv: Sequence[str] | None) -> str | None:
    """The command ``argv`` names: its first word that is not an option (the top-level
    options take no values)."""
    return next((word for word in argv or () if not word.startswith("-")), None)


def _exit_code_for(error: BaseException) -> tuple[int, str]:
    """The exit code and message for a failure the user should see as one line."""
    # Imported here so `hotseat --help` stays fast and works without audio libraries.
    from simulator.audio.errors import AudioError
    from simulator.audio.wav import WavError
    from simulator.commands.common import EXIT_FAILED, EXIT_USAGE, CommandError
    from simulator.core.packs import PackError
    from simulator.speech.errors import ModelError, SpeechError
    from simulator.store import StoreError

    if isinstance(error, CommandError):
        return error.code, str(error)
    if isinstance(error, AudioError | ModelError | StoreError):
        return EXIT_USAGE, str(error)
    if isinstance(error, PackError | WavError | SpeechError):
        return EXIT_FAILED, str(error)
    return EXIT_FAILED, f"unexpected error: {error} (run with --debug for details)"


def main(argv: list[str] | None = None) -> int:
    # The speech worker processes are started with "spawn"; a frozen build needs this first
    # (it does nothing unless frozen, so the import is spared otherwise).
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    argv = sys.argv[1:] if argv is None else argv
    if tuple(argv) == _SELF_CHECK:
        from simulator.app import self_check

        return self_check()
    if tuple(argv) == _FAST_LIST:
        from simulator.commands.sessions_json import write_session_list_json

        if write_session_list_json():
            return 0
    from simulator.commands.common import EXIT_FAILED, error_line

    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.command is None:
        from simulator.app import main as gui_main

        return gui_main([])
    try:
        code: int = args.handler(args)
        return code
    except KeyboardInterrupt:
        error_line("interrupted")
        return EXIT_FAILED
    except Exception as error:
        code, message = _exit_code_for(error)
        error_line(message)
        if args.debug:
            import traceback

            traceback.print_exc()
        return code


if __name__ == "__main__":
    sys.exit(main())
