"""A session's metrics as CSV (one row per answer) and its recordings as a zip, standard
library only.

A cell a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or
carriage return) is written with a leading ``'``, as ``packs export`` does: transcripts and
questions are text someone else may have written. The recordings zip carries a
``manifest.json`` with each file's size and SHA-256, so a copy can be checked.
"""

from __future__ import annotations

import csv
import hashlib
import json
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from simulator.core.records import SavedSession
from simulator.reports.content import Scores, filler_count, structure_summary

COLUMNS = (
    "session_id",
    "answer_id",
    "position",
    "question",
    "status",
    "duration_s",
    "words",
    "wpm",
    "time_to_first_word_s",
    "fillers",
    "fillers_per_min",
    "hedges",
    "hedges_per_min",
    "pauses",
    "longest_pause_s",
    "figures",
    "structure",
    "analysis_version",
    "transcript",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 1024 * 1024


def metrics_rows(session: SavedSession, scores: Scores) -> tuple[list[str], list[dict[str, Any]]]:
    """The CSV's columns (the fixed ones, then ``score_<criterion>`` for every criterion
    scored in the session) and one row per answer."""
    criteria = sorted({c for answer_scores in scores.values() for c in answer_scores.scores})
    rows = []
    for answer in session.answers:
        data = answer.analysis.data if answer.analysis else {}
        row: dict[str, Any] = {
            "session_id": session.id,
            "answer_id": answer.id,
            "position": answer.position,
            "question": answer.question_text,
            "status": answer.status,
            "duration_s": answer.duration_s,
            "words": data.get("words"),
            "wpm": data.get("wpm"),
            "time_to_first_word_s": data.get("time_to_first_word_s"),
            "fillers": filler_count(data) if data else None,
            "fillers_per_min": data.get("fillers_per_min"),
            "hedges": _count(data, "hedges"),
            "hedges_per_min": data.get("hedges_per_min"),
            "pauses": _count(data, "pauses"),
            "longest_pause_s": data.get("longest_pause_s"),
            "figures": "; ".join(str(n) for n in data.get("numbers") or []),
            "structure": structure_summary(data) if data else "",
            "analysis_version": answer.analysis.version if answer.analysis else None,
            "transcript": answer.transcript or "",
        }
        answer_scores = scores.get(answer.id)
        if answer_scores is not None:
            for criterion, value in answer_scores.scores.items():
                row[f"score_{criterion}"] = value
            row["next_time"] = answer_scores.note
        rows.append(row)
    notes = ["next_time"] if any(s.note for s in scores.values()) else []
    return [*COLUMNS, *(f"score_{c}" for c in criteria), *notes], rows


def _count(data: dict[str, Any] | Any, key: str) -> int | None:
    value = data.get(key) if isinstance(data, dict) else None
    return len(value) if isinstance(value, list) else None


def write_metrics_csv(path: Path, session: SavedSession, scores: Scores) -> None:
    columns, rows = metrics_rows(session, scores)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: _cell(value) for key, value in row.items()})


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def write_recordings_zip(path: Path, files: Sequence[tuple[str, Path]]) -> list[dict[str, Any]]:
    """Store each (name in the zip, file) uncompressed, then ``manifest.json``; the manifest's
    file entries."""
    entries = []
    with zipfile.ZipFile(path, "w", allowZip64=True) as bundle:
        for name, source in files:
            info = zipfile.ZipInfo.from_file(source, name, strict_timestamps=False)
            info.compress_type = zipfile.ZIP_STORED
            digest = hashlib.sha256()
            size = 0
            with source.open("rb") as reader, bundle.open(info, "w", force_zip64=True) as writer:
                while chunk := reader.read(CHUNK):
                    digest.update(chunk)
                    writer.write(chunk)
                    size += len(chunk)
            entries.append({"path": name, "size": size, "sha256": digest.hexdigest()})
        manifest = {"app": "hotseat", "kind": "recordings", "files": entries}
        bundle.writestr("manifest.json", json.dumps(manifest, indent=1), zipfile.ZIP_DEFLATED)
    return entries


__all__ = ["COLUMNS", "metrics_rows", "write_metrics_csv", "write_recordings_zip"]
