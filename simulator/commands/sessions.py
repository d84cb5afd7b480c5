"""``hotseat sessions list|show|delete``: the saved sessions, as text or JSON; deleting one."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from simulator import paths
from simulator.commands.common import (
    EXIT_OK,
    CommandError,
    format_seconds,
    print_json,
)
from simulator.recovery import recover_all, transcriber_for
from simulator.settings import SettingsFile
from simulator.store import Store


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("sessions", help="list and show saved sessions")
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="all sessions, newest first")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    show = actions.add_parser("show", help="one session with its answers")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)
    delete = actions.add_parser("delete", help="delete a session with its recordings")
    delete.add_argument("id", type=int)
    delete.set_defaults(handler=run_delete)


def _open() -> Store | None:
    """The store, after recovering sessions a crash cut off (they are reported on stderr)."""
    layout = paths.layout()
    settings = SettingsFile(paths.settings_file()).load()
    transcribe = transcriber_for(settings.engine, settings.model_path, layout.models_dir)
    for message in recover_all(layout, transcribe):
        print(message, file=sys.stderr)
    if not layout.db_path.exists():
        return None
    return Store(layout.db_path)


def run_list(args: argparse.Namespace) -> int:
    store = _open()
    sessions = store.list_sessions() if store else []
    if store:
        store.close()
    if args.json:
        print_json(sessions)
    elif not sessions:
        print("No sessions yet. Start one with: hotseat")
    else:
        print(f"{'id':>4}  {'started':<19}  {'status':<9}  {'answers':>7}  {'audio':>6}  pack")
        for row in sessions:
            started = str(row["started_at"] or "")[:19].replace("T", " ")
            print(
                f"{row['id']:>4}  {started:<19}  {row['status']:<9}  "
                f"{row['answer_count']:>7}  {format_seconds(row['total_duration_s']):>6}  "
                f"{row['pack_id']}"
            )
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    store = _open()
    session = store.get_session(args.id) if store else None
    if store:
        store.close()
    if session is None:
        raise CommandError(f"no session with id {args.id}")
    if args.json:
        print_json(session)
        return EXIT_OK
    _print_session(session)
    return EXIT_OK


def run_delete(args: argparse.Namespace) -> int:
    from simulator.forget import delete_session

    if not delete_session(paths.layout(), args.id):
        raise CommandError(f"no session with id {args.id}")
    print(f"Deleted session {args.id} and its recordings.")
    return EXIT_OK


def _print_session(session: dict[str, Any]) -> None:
    print(f"Session {session['id']} · {session['pack_id']} · {session['status']}")
    print(f"Started {session['started_at']}, ended {session['ended_at'] or '-'}")
    for answer in session["answers"]:
        print()
        print(f"{answer['position']}. {answer['question_text']}")
        print(
            f"   {format_seconds(answer['duration_s'])} · {answer['engine'] or '-'} · "
            f"{answer['audio_path']}"
        )
        print(f"   {answer['transcript'] or '(no transcript)'}")
