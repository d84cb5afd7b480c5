"""The ``hotseat`` command: the window by default, and subcommands for terminal use.

Exit codes: 0 success; 1 the work failed; 2 a usage or environment problem. Problems print one
line on stderr; ``--debug`` shows the traceback as well.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import traceback

from simulator import __version__
from simulator.commands import analyze, models, packs, practice, sessions, transcribe
from simulator.commands.common import EXIT_FAILED, EXIT_USAGE, CommandError, error_line


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hotseat",
        description="Offline mock-interview practice. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"hotseat {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of failures")
    subparsers = parser.add_subparsers(dest="command")
    for module in (practice, transcribe, sessions, packs, analyze, models):
        module.add_parser(subparsers)
    return parser


def _exit_code_for(error: BaseException) -> tuple[int, str]:
    """The exit code and message for a failure the user should see as one line."""
    # Imported here so `hotseat --help` stays fast and works without audio libraries.
    from simulator.audio.errors import AudioError
    from simulator.audio.wav import WavError
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
    # The speech worker processes are started with "spawn"; a frozen build needs this first.
    multiprocessing.freeze_support()
    parser = build_parser()
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
            traceback.print_exc()
        return code


if __name__ == "__main__":
    sys.exit(main())
