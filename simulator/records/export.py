"""One saved session written out: the one code path of ``hotseat sessions export`` and the
window's Export… button.

``.html`` and ``.pdf``: a report with the transcript, the measures, the marks and the
self-scores; ``.csv``: the metrics, one row per answer; ``.zip``: the recordings, with a
manifest of checksums. The file is written under a temporary name beside it and renamed when
whole, so a failed export never leaves half a file under the name asked for.

A PDF is laid out by Qt (``reports.pdf``), which needs a ``QGuiApplication``: the terminal
gets an offscreen one made on its main thread; the window already has one, and no second is
ever made (``reports.pdf.ensure_gui_application`` returns the running one, and refuses to make
one off the main thread).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from simulator.core.records import SavedSession
from simulator.reports.content import Scores
from simulator.store import DataLayout

FORMATS = (".html", ".pdf", ".csv", ".zip")


class ExportError(Exception):
    """An export that could not be done, in one line; ``usage`` is True when the name or the
    folder asked for is the problem (the terminal's exit code 2), False when the session is."""

    def __init__(self, message: str, usage: bool = True) -> None:
        super().__init__(message)
        self.usage = usage


@dataclass(frozen=True)
class Exported:
    """What an export wrote: a phrase for the message, and recordings it had to leave out."""

    session_id: int
    target: Path
    written: str
    missing: list[int] = field(default_factory=list)  # answer positions without a recording


def check_target(target: Path) -> str:
    """The format asked for (its extension), or ExportError before anything is read."""
    kind = target.suffix.lower()
    if kind not in FORMATS:
        raise ExportError(
            f"cannot export to {target.name}: use a name ending in {', '.join(FORMATS)}"
        )
    if not target.parent.is_dir():
        raise ExportError(f"the folder {target.parent} does not exist")
    if target.is_dir():
        raise ExportError(f"{target} is a folder; name a file to write")
    return kind


def export_session(layout: DataLayout, session_id: int, target: Path) -> Exported:
    """Write session ``session_id`` to ``target``; ExportError says in one line why not."""
    kind = check_target(target)
    session, scores = read_for_export(layout, session_id)
    partial = target.with_name(f".{target.name}.partial")
    missing: list[int] = []
    try:
        # Opened first for every format: an unwritable folder is found here, as an OSError,
        # before anything is read or laid out.
        partial.open("wb").close()
        written = _write(kind, partial, layout, session, scores, missing.append)
        os.replace(partial, target)
    except OSError as error:
        raise ExportError(f"{target} could not be written ({error.strerror or error})") from None
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return Exported(session.id, target, written, missing)


def read_for_export(layout: DataLayout, session_id: int) -> tuple[SavedSession, Scores]:
    """The session and its answers' self-scores; read only, so a full disk does not stop it."""
    from simulator.store import Store, StoreError
    from simulator.store.records import read_session
    from simulator.store.scores import scores_of_answers

    if not layout.db_path.exists():
        raise ExportError(f"no session with id {session_id}", usage=False)
    try:
        store = Store(layout.db_path)
    except StoreError as error:
        if error.kind not in {"full", "io", "readonly"}:
            raise
        store = Store.read_only(layout.db_path)  # exporting writes nothing to the database
    try:
        session = read_session(store, session_id)
        if session is None:
            raise ExportError(f"no session with id {session_id}", usage=False)
        ids = [answer.id for answer in session.answers]
        return session, scores_of_answers(store, ids)
    finally:
        store.close()


def _write(
    kind: str,
    path: Path,
    layout: DataLayout,
    session: SavedSession,
    scores: Scores,
    left_out: Callable[[int], object],
) -> str:
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

    files = _recordings(layout, session, left_out)
    write_recordings_zip(path, files)
    return f"{len(files)} recording(s)"


def _recordings(
    layout: DataLayout, session: SavedSession, left_out: Callable[[int], object]
) -> list[tuple[str, Path]]:
    """Each answer's recording as (name in the zip, file); a missing one is left out and its
    position handed to ``left_out``."""
    from simulator.store.files import OutsideDataFolder

    found = []
    for answer in session.answers:
        try:
            path = layout.absolute(answer.audio_path)
        except OutsideDataFolder:
            path = None
        if path is None or not path.is_file():
            left_out(answer.position)
            continue
        found.append((f"session-{session.id}/{path.name}", path))
    return found


__all__ = ["FORMATS", "ExportError", "Exported", "check_target", "export_session"]
