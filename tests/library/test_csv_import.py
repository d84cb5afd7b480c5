"""CSV import: rows checked directly by the pack rules, oversized files refused before that.

Each row used to become a TOML document, written with tomli-w and parsed back by
``parse_pack``: 26 s for 67,000 rows before the pack was refused as too large. The rows are
now checked directly; ``through_toml`` below is the old way, kept as the reference the new one
must agree with, problem for problem (file, line and message).
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest
import tomli_w

from simulator import paths
from simulator.core.packs import CATEGORIES, PackError, PackProblem, Question, parse_pack
from simulator.library import exchange, load_library
from simulator.library.exchange import dump_pack, read_csv_pack

# Rows of every kind a hand-made spreadsheet has: good ones, typos, bad numbers, empty
# cells, formula cells, control characters, non-Latin text.
ROWS = [
    [
        "Tell me about a conflict.",
        "conflict",
        "STAR",
        "2",
        "60",
        "120",
        "Who won?|Why?",
        "Be honest",
    ],
    ["Why this job?", "motivation", "", "", "", "", "", ""],
    ["Tell me about a conflict.", "conflict", "", "", "", "", "", ""],  # the same id, -2
    ["A typo", "conflcit", "", "", "", "", "", ""],
    ["Unknown category", "cooking", "", "", "", "", "", ""],
    ["Bad framework", "ethics", "SWOT", "", "", "", "", ""],
    ["Difficulty too high", "ethics", "", "4", "", "", "", ""],
    ["Difficulty zero", "ethics", "", "0", "", "", "", ""],
    ["Difficulty a word", "ethics", "", "hard", "", "", "", ""],
    ["Band backwards", "ethics", "", "", "120", "60", "", ""],
    ["Band zero", "ethics", "", "", "0", "", "", ""],
    ["Band only max", "ethics", "", "", "", "30", "", ""],
    ["Band a decimal", "ethics", "", "", "1.5", "", "", ""],
    ["", "ethics", "", "", "", "", "", ""],
    ["No category", "", "", "", "", "", "", ""],
    ["", "", "", "", "", "", "", ""],
    ["Several at once", "cooking", "SWOT", "9", "", "", "", ""],
    ["Empty follow-ups", "ethics", "", "", "", "", "a|| |b", "|"],
    ["'=SUM(A1:A2)", "ethics", "", "", "", "", "'+1 more", "'-careful"],
    ["'\tTabbed formula", "ethics", "", "", "", "", "", ""],
    ["Control \x1b[2J\x07 and \u202e text", "ethics", "", "", "", "", "", ""],
    ["Où étiez-vous ? 你为什么 🎯", "warm-up", "PEP", "3", "15", "45", "", ""],
    ["  spaced  ", "  ethics  ", "  CAR  ", " 1 ", " 10 ", " 20 ", "  x  ", ""],
    ["Huge difficulty", "ethics", "", "9" * 30, "", "", "", ""],
    ["Big band", "ethics", "", "", "1", "1_000_000", "", ""],
    ['Quote " and back\\slash', "ethics", "", "", "", "", "", ""],
    ["Line\nbreak\r\nin cell", "ethics", "", "", "", "", "", ""],
    ["Why 2", "ethics", "", "", "", "", "", ""],  # its own id is why-2 ...
    ["Why?", "ethics", "", "", "", "", "", ""],
    ["Why?", "ethics", "", "", "", "", "", ""],  # ... so this one's is why-3
]


def write_rows(path: Path, rows: list[list[str]]) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(exchange.CSV_COLUMNS)
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def old_unique(base: str, used: set[str]) -> str:
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    used.add(candidate)
    return candidate


def through_toml(path: Path) -> tuple[list[Question], list[PackProblem]]:
    """The old way: each row's question written as TOML and parsed back by ``parse_pack``."""
    # Decoded as the importer does: no newline translation, a "\r\n" in a cell stays.
    reader = csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8")))
    questions: list[Question] = []
    problems: list[PackProblem] = []
    used: set[str] = set()
    for row in reader:
        line = reader.line_num
        values = {(k or "").strip(): exchange._from_cell((v or "").strip()) for k, v in row.items()}
        question_id = old_unique(exchange.slug(values.get("text", "")), used)
        raw, row_problems = exchange._row_to_question(values, question_id)
        problems.extend(PackProblem(str(path), line, message) for message in row_problems)
        if row_problems:
            continue
        document = {"pack": {"id": "x", "title": path.stem}, "questions": [raw]}
        try:
            questions.append(parse_pack(tomli_w.dumps(document)).questions[0])
        except PackError as error:
            problems.extend(PackProblem(str(path), line, p.message) for p in error.problems)
    return questions, problems


def test_each_row_gives_the_same_problems_as_through_toml(tmp_path: Path) -> None:
    source = write_rows(tmp_path / "mixed.csv", ROWS)
    _, expected_problems = through_toml(source)
    assert len(expected_problems) > 15  # the table does exercise the rules
    with pytest.raises(PackError) as caught:
        read_csv_pack(source)
    assert caught.value.problems == expected_problems


def test_good_rows_give_the_same_questions_as_through_toml(tmp_path: Path) -> None:
    source = write_rows(tmp_path / "mixed.csv", ROWS)
    expected_questions, expected_problems = through_toml(source)
    bad_lines = {problem.line for problem in expected_problems}
    lines = [line for line in range(2, len(ROWS) + 2) if line not in bad_lines]
    good = write_rows(tmp_path / "good.csv", [ROWS[line - 2] for line in lines])
    pack = read_csv_pack(good)
    assert len(pack.questions) == len(expected_questions) > 8
    assert pack.questions == tuple(expected_questions)


def test_row_problems_name_the_file_and_the_line(tmp_path: Path) -> None:
    source = tmp_path / "typos.csv"
    source.write_text(
        'text,category,difficulty\nFine,ethics,2\n"Two\nlines",conflcit,2\nLast,ethics,5\n',
        encoding="utf-8",
    )
    with pytest.raises(PackError) as caught:
        read_csv_pack(source)
    allowed = ", ".join(CATEGORIES)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{source}:4: unknown category 'conflcit' (did you mean 'conflict'? allowed: {allowed})",
        f"{source}:5: 'difficulty' must be between 1 and 3, not 5",
    ]


def test_a_row_with_more_cells_than_the_header_gets_one_clear_message(tmp_path: Path) -> None:
    # It used to end in "unexpected error: 'list' object has no attribute 'strip'".
    source = tmp_path / "commas.csv"
    source.write_text("text,category\nWhy, then?,ethics\nFine,ethics\n", encoding="utf-8")
    with pytest.raises(PackError) as caught:
        read_csv_pack(source)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{source}:2: this row has 3 cells but the header has 2 columns (put text that "
        "contains commas in double quotes)"
    ]


def test_an_oversized_csv_is_refused_before_any_row_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[int] = []

    def counting(raw: dict[str, object], path: str, line: int) -> object:
        checked.append(line)
        raise AssertionError("a row was checked")

    monkeypatch.setattr(exchange, "check_question", counting)
    source = tmp_path / "huge.csv"
    # Every row is wrong too: the size is what matters, it cannot be fixed row by row.
    source.write_text("text,category\n" + "".join(f"Q{i},ethic\n" for i in range(67_339)))
    assert source.stat().st_size < 1_000_000
    with pytest.raises(PackError) as caught:
        read_csv_pack(source)
    (problem,) = caught.value.problems
    assert (problem.path, problem.line) == (str(source), None)
    assert problem.message.startswith("the pack would be at least ")
    assert "bytes as TOML (67,339 questions), over the limit of 1,000,000" in problem.message
    assert checked == []


def test_rows_with_no_text_do_not_count_towards_the_size(tmp_path: Path) -> None:
    # 20,000 rows of nothing but a category: row errors to fix, not a pack too large.
    source = write_rows(tmp_path / "blank.csv", [["", "ethics"] + [""] * 6] * 20_000)
    with pytest.raises(PackError) as caught:
        read_csv_pack(source)
    assert len(caught.value.problems) == 20_000
    assert caught.value.problems[0] == PackProblem(str(source), 2, "'text' must not be empty")


def test_the_size_floor_is_never_more_than_the_real_toml(tmp_path: Path) -> None:
    library = load_library(paths.builtin_packs_dir(), tmp_path / "none")
    good = read_csv_pack(
        write_rows(tmp_path / "good.csv", [row for row in ROWS if row[0].startswith(("Why", "Où"))])
    )
    for pack in (*library.packs, good):
        texts = [question.text for question in pack.questions]
        floor = exchange.toml_bytes_floor(texts)
        real = len(dump_pack(pack).encode("utf-8"))
        assert 0 < floor <= real, pack.id
    # The shortest question a CSV row can make: the floor is within a few bytes of it.
    row = ["A", "ethics", "CAR", "1", "1", "2", "", ""]
    shortest = read_csv_pack(write_rows(tmp_path / "a.csv", [row]))
    twice = replace(shortest, questions=shortest.questions * 2)
    real = len(dump_pack(twice).encode()) - len(dump_pack(shortest).encode())
    assert real - 4 <= exchange.toml_bytes_floor(["A"]) <= real
