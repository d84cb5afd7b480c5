"""``hotseat backup FILE.zip`` and ``hotseat restore FILE.zip``: everything saved, in one file.

The work is ``records.backup`` and ``records.restore``; this module asks before anything is
replaced (on a terminal; ``--yes`` answers for the user; with no terminal and no ``--yes`` it
refuses) and turns their errors into one line and an exit code: 1 for an archive that is
damaged, unsafe or not a Hotseat backup, and for a "no" to the question; 2 for a missing file,
a target that cannot be written, a session being recorded, or no way to ask.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from simulator import __version__, paths
from simulator.commands.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CommandError, terminal_safe

BACKUP_HELP = "save every session and recording to one .zip file"
RESTORE_HELP = "bring back a backup made by 'hotseat backup' (asks before replacing)"


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "backup",
        help=BACKUP_HELP,
        description="Write the database and every recording, with a manifest of checksums, "
        "to one zip file. Restore it with: hotseat restore FILE.zip",
    )
    parser.add_argument("file", type=Path, help="the .zip file to write")
    parser.add_argument("--yes", action="store_true", help="replace FILE if it exists")
    parser.set_defaults(handler=run_backup)


def add_restore_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "restore",
        help=RESTORE_HELP,
        description="Replace the saved sessions and recordings with those of a backup. "
        "The archive is checked whole first; existing data is replaced only after you agree.",
    )
    parser.add_argument("file", type=Path, help="a .zip made by 'hotseat backup'")
    parser.add_argument(
        "--yes", action="store_true", help="replace the existing sessions without asking"
    )
    parser.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from simulator.records.backup import BackupError, create_backup

    target: Path = args.file
    if target.suffix.lower() != ".zip":
        raise CommandError(f"{target} must end in .zip", EXIT_USAGE)
    if not target.parent.is_dir():
        raise CommandError(f"the folder {target.parent} does not exist", EXIT_USAGE)
    if target.is_dir():
        raise CommandError(f"{target} is a folder; name a .zip file", EXIT_USAGE)
    if target.exists() and not _agreed(args.yes, f"{target} exists. Replace it?"):
        raise CommandError(f"{target} was left as it was; nothing was written", EXIT_FAILED)
    created = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        summary = create_backup(paths.layout(), target, created_at=created, app_version=__version__)
    except BackupError as error:
        raise CommandError(str(error), EXIT_USAGE if error.usage else EXIT_FAILED) from None
    megabytes = summary.bytes / 1024**2
    print(
        terminal_safe(
            f"Backed up {summary.sessions} session(s) and {summary.recordings} recording(s) "
            f"({megabytes:,.1f} MB) to {target}."
        )
    )
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    from simulator.records.backup import BackupError
    from simulator.records.restore import RestoreDeclined, restore_backup

    def confirm(question: str) -> bool:
        return _agreed(args.yes, question)

    try:
        summary = restore_backup(paths.layout(), args.file, confirm)
    except BackupError as error:
        raise CommandError(str(error), EXIT_USAGE if error.usage else EXIT_FAILED) from None
    except RestoreDeclined:
        raise CommandError("nothing was restored; your data was left as it was") from None
    print(
        terminal_safe(
            f"Restored {summary.sessions} session(s) and {summary.recordings} recording(s) "
            f"from the backup of {summary.created_at or 'an unknown date'}."
        )
    )
    return EXIT_OK


def _agreed(yes: bool, question: str, read: Callable[[], str] | None = None) -> bool:
    """``yes``, else the user's answer on a terminal; CommandError when no one can be asked."""
    if yes:
        return True
    if sys.stdin is None or not sys.stdin.isatty():
        raise CommandError(
            f"{question.rstrip('?')}: not without asking, and there is no terminal to ask "
            "(run again with --yes to go ahead)",
            EXIT_USAGE,
        )
    print(terminal_safe(f"{question} [y/N] "), end="", flush=True, file=sys.stderr)
    try:
        answer = (read or sys.stdin.readline)()
    except (EOFError, KeyboardInterrupt):
        return False
    return answer.strip().lower() in {"y", "yes"}
