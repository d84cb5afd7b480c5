"""``hotseat sessions export ID FILE.html|FILE.pdf|FILE.csv|FILE.zip``: one saved session out.

The work is ``records.export.export_session``, which the window's Export… button calls too:
one code path. Qt is imported only for a PDF (``reports.pdf``).

Exit codes: 2 for an unknown extension, a folder that does not exist (checked before
anything is read) or a file that cannot be written, 1 for an unknown session id, as
``sessions show``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from simulator import paths
from simulator.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    error_line,
    terminal_safe,
)
from simulator.records.export import ExportError, export_session


def add_export_parser(actions: argparse._SubParsersAction) -> None:
    export = actions.add_parser(
        "export",
        help="write a session as a report (.html, .pdf), metrics (.csv) or recordings (.zip)",
    )
    export.add_argument("id", type=int, help="the session id (see: hotseat sessions list)")
    export.add_argument("file", type=Path, help="FILE.html, FILE.pdf, FILE.csv or FILE.zip")
    export.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    target: Path = args.file
    try:
        done = export_session(paths.layout(), args.id, target)
    except ExportError as error:
        raise CommandError(str(error), EXIT_USAGE if error.usage else EXIT_FAILED) from None
    for position in done.missing:
        error_line(f"the recording of answer {position} is missing; left out")
    print(terminal_safe(f"Wrote {done.written} of session {done.session_id} to {target}."))
    return EXIT_OK
