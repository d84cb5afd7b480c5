"""``hotseat sessions export ID FILE``: each format written and read back, through the real
command in a subprocess for the PDF (it starts Qt) and in-process for the rest."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sqlite3
import subprocess
import sys
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

from simulator.cli import main
from tests.backup.backup_data import recordings, saved_data
from tests.support.saved_sessions import ANSWER


def hotseat(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args], capture_output=True, text=True, timeout=120
    )


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


@pytest.fixture
def session_id(tmp_path: Path, hotseat_home: Path) -> int:
    ids = saved_data(tmp_path, sessions=2)
    with closing(sqlite3.connect(hotseat_home / "hotseat.db")) as conn, conn:
        conn.execute(
            "UPDATE answers SET question_text = ? WHERE session_id = ?",
            ["Why <b>this</b> & that?", ids[1]],
        )
    return ids[1]


def scores_of(home: Path, session_id: int) -> list[tuple[int, str, int, str]]:
    """Each scored criterion with the answer's "next time" note (its own row)."""
    with closing(sqlite3.connect(home / "hotseat.db")) as conn:
        rows = conn.execute(
            "SELECT s.answer_id, criterion, value, note FROM scores s JOIN answers a"
            " ON a.id = s.answer_id WHERE a.session_id = ?",
            [session_id],
        ).fetchall()
    notes = {answer: note for answer, criterion, _value, note in rows if criterion == "next_time"}
    return [(a, c, v, notes.get(a, "")) for a, c, v, _ in rows if c != "next_time"]


def test_html_report_holds_the_transcript_measures_marks_and_scores(
    session_id: int, tmp_path: Path, hotseat_home: Path
) -> None:
    target = tmp_path / "report.html"
    assert main(["sessions", "export", str(session_id), str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    ((_answer, criterion, value, note),) = scores_of(hotseat_home, session_id)
    assert f"Hotseat session {session_id}" in page
    assert "Why &lt;b&gt;this&lt;/b&gt; &amp; that?" in page  # escaped, never markup
    # The transcript reads whole once the marks between its words are taken out.
    words_only = re.sub(r"<span[^>]*>(\[[a-z]+\]|[^<]*‖[^<]*)</span>", "", page)
    words_only = " ".join(re.sub("<[^>]+>", " ", words_only).split())
    assert ANSWER in words_only
    assert f"<td>{criterion}</td><td><b>{value}</b>/5</td>" in page and note in page
    assert "Pace" in page and "words a minute" in page and "Findings" in page
    assert "[situation]" in page or "[result]" in page  # a structure part marked


def test_csv_has_one_row_per_answer_with_its_measures_and_scores(
    session_id: int, tmp_path: Path, hotseat_home: Path
) -> None:
    target = tmp_path / "metrics.csv"
    assert main(["sessions", "export", str(session_id), str(target)]) == 0
    with target.open(encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    ((answer_id, criterion, value, _note),) = scores_of(hotseat_home, session_id)
    assert len(rows) == 1
    row = rows[0]
    with closing(sqlite3.connect(hotseat_home / "hotseat.db")) as conn:
        stored = json.loads(
            conn.execute("SELECT analysis_json FROM answers WHERE id = ?", [answer_id]).fetchone()[
                0
            ]
        )
    assert int(row["answer_id"]) == answer_id and row["question"] == "Why <b>this</b> & that?"
    assert float(row["wpm"]) == stored["wpm"]
    assert int(row["fillers"]) == len(stored["fillers"]) + len(stored["filled_pauses"])
    assert row["transcript"] == ANSWER
    assert int(row[f"score_{criterion}"]) == value


def test_a_csv_cell_a_spreadsheet_would_run_is_quoted(
    session_id: int, tmp_path: Path, hotseat_home: Path
) -> None:
    with closing(sqlite3.connect(hotseat_home / "hotseat.db")) as conn, conn:
        conn.execute(
            "UPDATE answers SET transcript = '=HYPERLINK(1)' WHERE session_id = ?", [session_id]
        )
    target = tmp_path / "metrics.csv"
    assert main(["sessions", "export", str(session_id), str(target)]) == 0
    with target.open(encoding="utf-8", newline="") as source:
        assert next(csv.DictReader(source))["transcript"] == "'=HYPERLINK(1)"


def test_zip_holds_the_recordings_byte_for_byte_with_checksums(
    session_id: int, tmp_path: Path, hotseat_home: Path
) -> None:
    target = tmp_path / "recordings.zip"
    assert main(["sessions", "export", str(session_id), str(target)]) == 0
    originals = {
        Path(path).name: data
        for path, data in recordings(hotseat_home).items()
        if path.startswith(f"sessions/{session_id}/")
    }
    with zipfile.ZipFile(target) as bundle:
        assert bundle.testzip() is None
        manifest = json.loads(bundle.read("manifest.json"))
        names = sorted(n for n in bundle.namelist() if n != "manifest.json")
        assert names == [f"session-{session_id}/{name}" for name in sorted(originals)]
        for entry in manifest["files"]:
            data = bundle.read(entry["path"])
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
            assert data == originals[Path(entry["path"]).name]


def test_pdf_report_has_a4_pages(session_id: int, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    done = hotseat("sessions", "export", str(session_id), str(target))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no Qt warning on the terminal
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = re.findall(rb"/Type\s*/Page\b", data)
    assert len(pages) >= 1
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data)
    assert boxes and all(abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2 for w, h in boxes)


def test_csv_export_does_not_load_qt(session_id: int, tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "simulator",
            "sessions",
            "export",
            str(session_id),
            str(tmp_path / "m.csv"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "simulator.reports.tables" in done.stderr  # the measurement saw the export
    assert "PySide6" not in done.stderr


def test_bad_target_unknown_extension_and_unknown_id_give_one_line(
    session_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sessions", "export", str(session_id), str(tmp_path / "r.docx")]) == 2
    assert ".html, .pdf, .csv, .zip" in one_line(capsys.readouterr().err)
    assert main(["sessions", "export", str(session_id), str(tmp_path / "no" / "r.pdf")]) == 2
    assert "does not exist" in one_line(capsys.readouterr().err)
    folder = tmp_path / "a.html"
    folder.mkdir()
    assert main(["sessions", "export", str(session_id), str(folder)]) == 2
    assert "is a folder" in one_line(capsys.readouterr().err)
    assert main(["sessions", "export", "999", str(tmp_path / "r.html")]) == 1
    assert "no session with id 999" in one_line(capsys.readouterr().err)
    assert not list(tmp_path.glob("r.*")) and not list(tmp_path.glob(".r.*"))
