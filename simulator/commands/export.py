"""``hotseat sessions export ID FILE.html|FILE.pdf|FILE.csv|FILE.zip``: one saved session out.

``.html`` and ``.pdf``: a report with the transcript, the measures, the marks (fillers, hedges,
pauses, structure parts) and the self-scores; ``.csv``: the metrics, one row per answer;
``.zip``: the recordings, with a manifest of checksums. The file is written under a temporary
name and renamed when whole. Qt is imported only for a PDF (``reports.pdf``).

Exit codes: 2 for an unknown extension or a folder that does not exist (checked before
anything is read), 1 for an unknown session id, as ``sessions show``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from simulator import paths
from simulator.commands.common import EXIT_OK, EXIT_USAGE, CommandError, error_line, terminal_safe

if TYPE_CHECKING:
    from simulator.core.records import SavedSession
    from simulator.reports.content import Scores
    from simulator.store import DataLayout

FORMATS = (".html", ".pdf", ".csv", ".zip")


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
    kind = target.suffix.lower()
    if kind not in FORMATS:
        raise CommandError(
            f"cannot export to {target.name}: use a name ending in {', '.join(FORMATS)}",
            EXIT_USAGE,
        )
    if not target.parent.is_dir():
        raise CommandError(f"the folder {target.parent} does not exist", EXIT_USAGE)
    if target.is_dir():
        raise CommandError(f"{target} is a folder; name a file to write", EXIT_USAGE)
    layout = paths.layout()
    session, scores = _read(layout, args.id)
    partial = target.with_name(f".{target.name}.partial")
    try:
        written = _write(kind, partial, layout, session, scores)
        os.replace(partial, target)
    except OSError as error:
        raise CommandError(
            f"{target} could not be written ({error.strerror or error})", EXIT_USAGE
        ) from None
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    print(terminal_safe(f"Wrote {written} of session {session.id} to {target}."))
    return EXIT_OK


def _read(layout: DataLayout, session_id: int) -> tuple[SavedSession, Scores]:
    from simulator.store import Store, StoreError
    from simulator.store.records import read_session
    from simulator.store.scores import scores_of_answers

    if not layout.db_path.exists():
        raise CommandError(f"no session with id {session_id}")
    try:
        store = Store(layout.db_path)
    except StoreError as error:
        if error.kind not in {"full", "io", "readonly"}:
            raise
        store = Store.read_only(layout.db_path)  # exporting writes nothing to the database
    try:
        session = read_session(store, session_id)
        if session is None:
            raise CommandError(f"no session with id {session_id}")
        ids = [answer.id for answer in session.answers]
        return session, scores_of_answers(store, ids)
    finally:
        store.close()


def _write(kind: str, path: Path, layout: DataLayout, session: SavedSession, scores: Scores) -> str:
    """Write the export; what was written, for the message."""
    from simulator.reports.content import report_html

    if kind == ".html":
        path.write_text(report_html(session, scores), encoding="utf-8")
        return "the report"
    if kind == ".pdf":
        from simulator.reports.pdf import write_pdf

        write_pdf(report_html(session, scores), path, f"Hotseat session {session.id}")
        return "the report"
    if kind == ".csv":
        from simulator.reports.tables import write_metrics_csv

        write_metrics_csv(path, session, scores)
        return f"the metrics of {len(session.answers)} answer(s)"
    from simulator.reports.tables import write_recordings_zip

    files = _recordings(layout, session)
    write_recordings_zip(path, files)
    return f"{len(files)} recording(s)"


def _recordings(layout: DataLayout, session: SavedSession) -> list[tuple[str, Path]]:
    """Each answer's recording as (name in the zip, file); a missing one is said and left out."""
    from simulator.store.files import OutsideDataFolder

    found = []
    for answer in session.answers:
        try:
            path = layout.absolute(answer.audio_path)
        except OutsideDataFolder:
            path = None
        if path is None or not path.is_file():
            error_line(f"the recording of answer {answer.position} is missing; left out")
            continue
        found.append((f"session-{session.id}/{path.name}", path))
    return found
