"""Pack and stored text reaches the terminal escaped; CSV cells cannot become formulas."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from simulator import paths
from simulator.cli import main
from simulator.core.packs import Pack, Question
from simulator.library.exchange import read_csv_pack, write_pack_csv

# Clear the screen, set the window title, and a right-to-left override.
HOSTILE = "\x1b[2J\x1b]0;owned\x07\u202eevil\x9b31m"
HOSTILE_TOML = "\\u001b[2J\\u001b]0;owned\\u0007\\u202eevil\\u009b31m"
RAW_CONTROLS = ("\x1b", "\x07", "\u202e", "\x9b")


def hotseat(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )


def hostile_pack(hotseat_home: Path) -> Path:
    folder = hotseat_home / "packs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "hostile.toml"
    path.write_text(
        f'[pack]\nid = "hostile"\ntitle = "Title {HOSTILE_TOML}"\n\n'
        f'[[questions]]\nid = "q1"\ntext = "Why {HOSTILE_TOML}?"\ncategory = "motivation"\n',
        encoding="utf-8",
    )
    return path


def assert_escaped(text: str) -> None:
    for char in RAW_CONTROLS:
        assert char not in text
    assert "\\x1b[2J\\x1b]0;owned\\x07\\u202eevil\\x9b31m" in text


def test_packs_list_shows_escape_sequences_escaped(hotseat_home: Path) -> None:
    hostile_pack(hotseat_home)
    result = hotseat("packs", "list")
    assert result.returncode == 0
    line = next(line for line in result.stdout.splitlines() if line.startswith("hostile"))
    assert_escaped(line)


def test_packs_validate_shows_escape_sequences_escaped(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        f'[pack]\nid = "bad"\ntitle = "Bad"\n\n'
        f'[[questions]]\nid = "q1"\ntext = "Why?"\ncategory = "{HOSTILE_TOML}"\n',
        encoding="utf-8",
    )
    result = hotseat("packs", "validate", str(bad))
    assert result.returncode == 1
    assert_escaped(result.stderr)


def test_sessions_show_shows_stored_text_escaped(hotseat_home: Path) -> None:
    from simulator.store import Store

    layout = paths.layout()
    layout.ensure()
    with Store(layout.db_path) as store:
        session = store.create_session(
            mode="terminal", pack_id="hostile", settings={}, started_at="2026-01-01T10:00:00"
        )
        store.start_answer(
            session_id=session,
            position=1,
            question_id="q1",
            question_text=f"Why {HOSTILE}?",
            audio_path=f"sessions/{session}/1-q1.wav",
            sample_rate=16000,
            started_at="2026-01-01T10:00:01",
        )
        store.finish_session(session, status="complete", ended_at="2026-01-01T10:01:00")
    result = hotseat("sessions", "show", str(session))
    assert result.returncode == 0, result.stderr
    assert_escaped(result.stdout)


def test_practice_prints_question_lines_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    from simulator.commands.practice import _Printer
    from simulator.core import events as ev
    from tests.support.events import make

    printer = _Printer(quiet=False)
    printer.event(
        make(
            ev.QuestionStarted,
            index=0,
            count=1,
            text=f"Why {HOSTILE}?",
            answer_seconds=[60, 120],
        )
    )
    printer.event(make(ev.AnswerSaved, duration_s=3.0, transcript=HOSTILE))
    assert_escaped(capsys.readouterr().out)


# --- CSV: formula injection --------------------------------------------------------------------

FORMULAS = [
    '=HYPERLINK("http://example.com","click")',
    "+1+2",
    "-2+3 is the answer?",
    "@SUM(A1:A2)",
    "- what would you do first?",
    "'=already quoted once",
    "''+quoted twice",
    "'plain quote at the start",
]


def _pack(texts: list[str]) -> Pack:
    questions = tuple(
        Question(
            id=f"q{i}",
            text=text,
            category="motivation",
            follow_ups=("=1+1", "fine"),
            tips=("@tip",),
        )
        for i, text in enumerate(texts)
    )
    return Pack(id="formulas", title="Formulas", questions=questions)


def test_csv_export_quotes_cells_a_spreadsheet_would_run() -> None:
    rows = list(csv.reader(io.StringIO(write_pack_csv(_pack(FORMULAS)))))[1:]
    texts = [row[0] for row in rows]
    assert texts == [
        '\'=HYPERLINK("http://example.com","click")',
        "'+1+2",
        "'-2+3 is the answer?",
        "'@SUM(A1:A2)",
        "'- what would you do first?",
        "''=already quoted once",
        "'''+quoted twice",
        "'plain quote at the start",
    ]
    assert {row[6] for row in rows} == {"'=1+1|fine"}
    assert {row[7] for row in rows} == {"'@tip"}
    for row in rows:
        assert not row[0].startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_export_and_import_give_back_the_same_questions(tmp_path: Path) -> None:
    pack = _pack(FORMULAS)
    exported = tmp_path / "formulas.csv"
    exported.write_text(write_pack_csv(pack), encoding="utf-8")
    again = read_csv_pack(exported)
    assert [q.text for q in again.questions] == FORMULAS
    assert {q.follow_ups for q in again.questions} == {("=1+1", "fine")}
    assert {q.tips for q in again.questions} == {("@tip",)}


def test_export_through_the_command_quotes_formula_cells(
    hotseat_home: Path, tmp_path: Path
) -> None:
    folder = hotseat_home / "packs"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mine.toml").write_text(
        '[pack]\nid = "mine"\ntitle = "Mine"\n\n'
        '[[questions]]\nid = "q1"\ntext = "=1+1"\ncategory = "motivation"\n',
        encoding="utf-8",
    )
    out = tmp_path / "mine.csv"
    result = hotseat("packs", "export", "mine", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").splitlines()[1].startswith("'=1+1,")


# --- packs list with no packs ------------------------------------------------------------------


def test_packs_list_with_no_packs_says_so_and_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "no-builtin-packs"
    empty.mkdir()
    monkeypatch.setattr(paths, "builtin_packs_dir", lambda: empty)
    assert main(["packs", "list"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == (f"No packs found (looked in {empty} and {paths.layout().packs_dir}).")
