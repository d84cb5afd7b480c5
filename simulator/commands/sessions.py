"""``hotseat sessions list|show|delete``: the saved sessions, as text or JSON; deleting one.

``search`` and ``score`` are in ``sessions_review.py``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from simulator import paths
from simulator.commands.common import (
    EXIT_OK,
    CommandError,
    error_line,
    format_seconds,
    print_json,
    print_json_rows,
    terminal_safe,
)
from simulator.commands.sessions_json import write_session_list_json
from simulator.store import StoreError
from simulator.store.listing import quick_session_list

if TYPE_CHECKING:
    from simulator.core.history import AnswerScores
    from simulator.core.records import SavedSession
    from simulator.store import Store

#: Each action and its line in ``hotseat sessions --help``. As ``cli`` does for commands, only
#: the action being run gets its parser in full: ``sessions list --json`` must start about as
#: fast as the sqlite3 CLI prints the rows, and each parser argparse builds, and the modules of
#: search, score and export, cost it milliseconds (docs/PERFORMANCE.md). tests/cli checks
#: these lines against the full parsers'.
ACTIONS: dict[str, str] = {
    "list": "all sessions, newest first",
    "show": "one session with its answers: ids, lengths, transcripts and findings",
    "delete": "delete a session with its recordings",
    "search": "find answers by words said or asked, with filters",
    "score": "score an answer yourself, 1 to 5 per criterion",
    "export": "write a session as a report (.html, .pdf), metrics (.csv) or recordings (.zip)",
}


def add_parser(subparsers: argparse._SubParsersAction, argv: Sequence[str] | None = None) -> None:
    """``hotseat sessions``: the action ``argv`` names in full, the others by name only
    (``argv`` None: every action in full)."""
    parser = subparsers.add_parser(
        "sessions",
        help="list, show, search, score, export and delete saved sessions",
        description="The practice sessions saved on this computer.",
    )
    actions = parser.add_subparsers(dest="action", required=True)
    wanted = _action_in(argv)
    for name, help_line in ACTIONS.items():
        if argv is None or name == wanted:
            _add_action(actions, name)
        else:
            actions.add_parser(name, help=help_line)


def _action_in(argv: Sequence[str] | None) -> str | None:
    """The action ``argv`` names: the first word that is not an option after the command's
    (neither the top-level options nor ``sessions`` take values)."""
    words = [word for word in argv or () if not word.startswith("-")]
    return words[1] if len(words) > 1 else None


def _add_action(actions: argparse._SubParsersAction, name: str) -> None:
    if name == "list":
        listing = actions.add_parser(name, help=ACTIONS[name])
        listing.add_argument("--json", action="store_true", help="print JSON for programs")
        listing.set_defaults(handler=run_list)
    elif name == "show":
        show = actions.add_parser(name, help=ACTIONS[name])
        show.add_argument("id", type=int, help="the session id (see: hotseat sessions list)")
        show.add_argument("--json", action="store_true", help="print JSON for programs")
        show.set_defaults(handler=run_show)
    elif name == "delete":
        delete = actions.add_parser(name, help=ACTIONS[name])
        delete.add_argument("id", type=int, help="the session id (see: hotseat sessions list)")
        delete.set_defaults(handler=run_delete)
    elif name == "search":
        from simulator.commands.sessions_review import add_search_parser

        add_search_parser(actions)
    elif name == "score":
        from simulator.commands.sessions_review import add_score_parser

        add_score_parser(actions)
    elif name == "export":
        from simulator.commands.export import add_export_parser  # its module: issue 12, export

        add_export_parser(actions)


# Store errors after which the database may still be read (kinds from simulator.store.errors).
_CANNOT_WRITE = {"full", "io", "readonly"}


def _open() -> Store | None:
    """The store, after recovering sessions a crash cut off (they are reported on stderr)."""
    from simulator.records.recovery import recover_unfinished
    from simulator.settings import SettingsFile
    from simulator.store import Store

    layout = paths.layout()
    settings = SettingsFile(paths.settings_file()).load()
    if not layout.db_path.exists():
        return None
    try:
        for message in recover_unfinished(layout, settings):
            print(message, file=sys.stderr)
        return Store(layout.db_path)
    except StoreError as error:
        if error.kind not in _CANNOT_WRITE:
            raise
        # A full disk must not hide what is saved: read it without writing anything.
        store = Store.read_only(layout.db_path)
        error_line(f"{error} Showing the saved sessions read-only.")
        return store


def run_list(args: argparse.Namespace) -> int:
    if args.json:
        # `cli` takes the fast path for this exact spelling; others (`--debug sessions list
        # --json`) get here and print the same.
        if not write_session_list_json():
            print_json_rows(_list_sessions())
        return EXIT_OK
    sessions = _list_sessions()
    if not sessions:
        print("No sessions yet. Start one with: hotseat")
    else:
        print(f"{'id':>4}  {'started':<19}  {'status':<9}  {'answers':>7}  {'audio':>6}  pack")
        for row in sessions:
            started = str(row["started_at"] or "")[:19].replace("T", " ")
            print(
                terminal_safe(
                    f"{row['id']:>4}  {started:<19}  {row['status']:<9}  "
                    f"{row['answer_count']:>7}  {format_seconds(row['total_duration_s']):>6}  "
                    f"{row['pack_id']}"
                )
            )
    return EXIT_OK


def _list_sessions() -> list[dict[str, Any]]:
    """The sessions, newest first. Straight from SQLite when nothing needs recovering or
    migrating (the common case, and much faster to start); else through ``Store``."""
    db_path = paths.layout().db_path
    quick = quick_session_list(db_path) if db_path.exists() else None
    if quick is not None:
        return quick
    store = _open()
    if store is None:
        return []
    try:
        return store.list_sessions()
    finally:
        store.close()


def run_show(args: argparse.Namespace) -> int:
    from simulator.store.scores import scores_of_answers

    store = _open()
    session = store.get_session(args.id) if store else None
    scores: dict[int, AnswerScores] = {}
    if store:
        try:
            if session is not None:
                scores = scores_of_answers(store, [answer["id"] for answer in session["answers"]])
        finally:
            store.close()
    if session is None:
        raise CommandError(f"no session with id {args.id}")
    if args.json:
        for answer in session["answers"]:
            if answer["id"] in scores:
                answer["scores"] = scores[answer["id"]].to_json()
        print_json(session)  # the rows as stored, with each answer's self-scores
        return EXIT_OK
    from simulator.store.records import session_from_row

    _print_session(session_from_row(session), scores)
    return EXIT_OK


def run_delete(args: argparse.Namespace) -> int:
    from simulator.records.forget import delete_session

    if not delete_session(paths.layout(), args.id):
        raise CommandError(f"no session with id {args.id}")
    print(f"Deleted session {args.id} and its recordings.")
    return EXIT_OK


def _print_session(session: SavedSession, scores: dict[int, AnswerScores]) -> None:
    from simulator.commands.sessions_review import score_lines

    say = _safe_print
    say(f"Session {session.id} · {session.pack_id} · {session.status}")
    say(f"Started {session.started_at}, ended {session.ended_at or '-'}")
    for answer in session.answers:
        print()
        say(f"{answer.position}. {answer.question_text}")
        # The id is what `hotseat analyze --answer ID` takes; the length is the recording's,
        # as the window shows it.
        say(
            f"   answer {answer.id} · {format_seconds(answer.duration_s)} · "
            f"{answer.engine or '-'} · {answer.audio_path}"
        )
        for line in score_lines(scores[answer.id]) if answer.id in scores else ():
            say(f"   {line}")
        if answer.skipped:
            say("   Skipped: nothing was said in this answer.")
            continue
        say(f"   {answer.transcript or '(no transcript)'}")
        if answer.analysis is None or not answer.analysis.data:
            say(f"   (not analysed yet: hotseat analyze --answer {answer.id})")
            continue
        for finding in answer.analysis.findings:
            say(f"   - {finding.message}")


def _safe_print(text: str) -> None:
    print(terminal_safe(text))
