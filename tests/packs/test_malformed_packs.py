"""Broken pack files: every problem is reported, each with the right line and a clear message.

The files live in tests/packs/malformed/. EXPECTED says, for each file, every (line, message
substring) the validator must report; a file must produce exactly those problems, no fewer and
no more. Some cases are regressions of wrong line numbers found while writing this corpus
(strings that look like keys or brackets, escaped quotes, Unicode line separators).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.core.packs import (
    MAX_PACK_BYTES,
    PackError,
    PackProblem,
    load_pack,
    parse_pack,
)

MALFORMED = Path(__file__).parent / "malformed"
BAND = "'answer_seconds' must be two increasing positive whole numbers, like [60, 120]"
NOT_AN_ID = "must be lowercase letters, digits and single hyphens"

Expected = list[tuple[int | None, str]]

EXPECTED: dict[str, Expected] = {
    "unknown-key-typo.toml": [
        (4, "unknown key 'descripton' (did you mean 'description'?)"),
        (9, "unknown key 'catgory' (did you mean 'category'?)"),
        (10, "unknown key 'follow_up' (did you mean 'follow_ups'?)"),
        (6, "'category' is required"),
    ],
    "wrong-type.toml": [
        (3, "'title' must be text, not a whole number"),
        (4, "'version' must be a whole number, not text"),
        (5, "'tags' must be a list of text"),
        (11, "'difficulty' must be a whole number, not text"),
        (12, "'prep_seconds' must be a whole number, not true/false"),
        (13, "'follow_ups' must be a list of text"),
        (14, "'tips' must be a list of text"),
    ],
    "missing-required.toml": [
        (2, "'title' is required"),
        (10, "'text' is required"),
        (10, "'category' is required"),
    ],
    "duplicate-id.toml": [(16, "duplicate question id 'same' (first at line 6)")],
    "band-decreasing.toml": [(9, f"{BAND}, not [120, 60]")],
    "band-negative.toml": [(9, f"{BAND}, not [-10, 60]"), (15, f"{BAND}, not [0, 60]")],
    "band-three-numbers.toml": [(9, BAND)],
    "band-strings.toml": [(9, BAND), (15, BAND)],
    "unknown-category.toml": [
        (8, "unknown category 'comunication' (did you mean 'communication'? allowed:"),
        (13, "unknown category 'hobbies' (allowed: communication, collaboration"),
    ],
    "unknown-framework.toml": [
        (9, "unknown framework 'SOAR' (allowed: STAR, PEP, CAR, free)"),
        (15, "unknown framework 'star'"),
    ],
    "empty-text.toml": [
        (3, "'title' must not be empty"),
        (7, "'text' must not be empty"),
        (9, "'follow_ups' must not contain empty text"),
    ],
    "not-toml.toml": [(1, "not valid TOML: ")],
    "empty.toml": [(None, "file is empty")],
    "binary.toml": [(None, "file is binary, not a TOML text file")],
    "not-utf8.toml": [(3, "file is not UTF-8 text")],
    "bad-pack-id.toml": [
        (2, f"pack id 'Behavioral Core' {NOT_AN_ID}"),
        (6, f"question id 'Question_1' {NOT_AN_ID}"),
        (11, f"question id 'double--hyphen' {NOT_AN_ID}"),
    ],
    "format-too-new.toml": [
        (4, "format 2 is newer than this Hotseat understands (1); update Hotseat"),
    ],
    "multiline-array-before-bad-key.toml": [
        (21, "'difficulty' must be between 1 and 3, not 5"),
        (26, "unknown key 'framwork' (did you mean 'framework'?)"),
    ],
    "no-questions.toml": [(1, "the pack has no [[questions]]")],
    "unknown-table.toml": [
        (5, "unknown key or table 'meta' (expected [pack] and [[questions]])"),
        (13, "unknown key or table 'question'"),
    ],
    "out-of-range.toml": [
        (4, "'version' must be between 1 and 1000000, not 0"),
        (10, "'difficulty' must be between 1 and 3, not 5"),
        (11, "'prep_seconds' must be between 0 and 600, not 900"),
    ],
    "many-problems.toml": [
        (5, "unknown key 'colour'"),
        (11, "'difficulty' must be between 1 and 3, not 0"),
        (15, "'text' must not be empty"),
        (16, "unknown category 'nope'"),
        (17, "unknown framework 'PEEP'"),
        (20, "duplicate question id 'one' (first at line 8)"),
        (23, f"{BAND}, not [90, 30]"),
        (24, "'tags' must be a list of text"),
    ],
    # Line-scanner regressions: each was a wrong or missing line number once.
    "questions-not-tables.toml": [
        (1, "each question must be a [[questions]] table"),
        (1, "each question must be a [[questions]] table"),
    ],
    "single-questions-table.toml": [
        (5, "'questions' must be [[questions]] tables"),
        (1, "the pack has no [[questions]]"),
    ],
    "multiline-string-looks-like-key.toml": [(11, "unknown category 'nope'")],
    "bracket-in-multiline-string.toml": [
        (6, "'title' must be text, not a whole number"),
        (11, "unknown category 'nope'"),
    ],
    "line-separator-in-text.toml": [(8, "unknown category 'nope'")],
    "escaped-quote-in-array.toml": [(10, "'difficulty' must be between 1 and 3, not 7")],
}


def _cases() -> list[object]:
    return [pytest.param(name, id=name) for name in sorted(EXPECTED)]


def _problems(path: Path) -> list[PackProblem]:
    with pytest.raises(PackError) as caught:
        load_pack(path)
    return caught.value.problems


def _assert_reported(problems: list[PackProblem], expected: Expected) -> None:
    """Every expected (line, substring) matches its own problem, and nothing else is reported."""
    unmatched = list(problems)
    for line, text in expected:
        found = next((p for p in unmatched if p.line == line and text in p.message), None)
        assert found is not None, f"expected line {line}: {text!r}; got {problems}"
        unmatched.remove(found)
    assert not unmatched, f"unexpected problems: {unmatched}"


def test_the_corpus_is_complete() -> None:
    files = {p.name for p in MALFORMED.iterdir()}
    assert files == set(EXPECTED), "every malformed file needs an EXPECTED entry, and back"
    assert len(files) >= 15


@pytest.mark.parametrize("name", _cases())
def test_every_problem_is_reported_with_its_line(name: str) -> None:
    path = MALFORMED / name
    problems = _problems(path)
    assert all(p.path == str(path) for p in problems)
    _assert_reported(problems, EXPECTED[name])


def test_problems_print_as_path_line_message() -> None:
    path = MALFORMED / "band-decreasing.toml"
    (problem,) = _problems(path)
    assert str(problem) == f"{path}:9: {BAND}, not [120, 60]"
    (no_line,) = _problems(MALFORMED / "empty.toml")
    assert str(no_line) == f"{MALFORMED / 'empty.toml'}: file is empty"


def test_the_error_message_lists_every_problem() -> None:
    with pytest.raises(PackError) as caught:
        load_pack(MALFORMED / "many-problems.toml")
    lines = str(caught.value).splitlines()
    assert len(lines) == len(EXPECTED["many-problems.toml"])
    assert all(":" in line for line in lines)


def _valid_pack(padding_lines: int) -> str:
    head = '[pack]\nid = "big"\ntitle = "Big"\n\n'
    question = '[[questions]]\nid = "q"\ntext = "Why?"\ncategory = "warm-up"\n'
    return head + ("# " + "x" * 97 + "\n") * padding_lines + question


def test_a_file_over_one_megabyte_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    text = _valid_pack(10_100)
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > MAX_PACK_BYTES
    (problem,) = _problems(path)
    assert problem.line is None
    assert "file is too large for a pack" in problem.message
    assert f"the limit is {MAX_PACK_BYTES:,}" in problem.message


def test_a_file_just_under_the_limit_loads(tmp_path: Path) -> None:
    text = _valid_pack(9_900)
    assert len(text.encode()) <= MAX_PACK_BYTES
    path = tmp_path / "big-but-fine.toml"
    path.write_text(text, encoding="utf-8")
    assert load_pack(path).question("q").text == "Why?"


def test_an_unreadable_path_is_a_pack_error(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path / "missing.toml")
    assert problem.message.startswith("cannot read: ")


def test_a_float_where_a_whole_number_belongs_is_reported() -> None:
    text = '[pack]\nid = "f"\ntitle = "F"\n[[questions]]\nid = "q"\ntext = "Why?"\n'
    text += 'category = "warm-up"\ndifficulty = 2.5\n'
    with pytest.raises(PackError) as caught:
        parse_pack(text, "f.toml")
    (problem,) = caught.value.problems
    assert problem.line == 8
    assert problem.message.startswith("'difficulty' must be a whole number")


@pytest.mark.timeout(1)
def test_a_long_bracketed_line_inside_a_string_loads_quickly() -> None:
    text = '[pack]\nid = "slow"\ntitle = "Slow"\ndescription = """\n[' + " " * 3000 + 'x\n"""\n'
    text += '[[questions]]\nid = "q"\ntext = "Why?"\ncategory = "warm-up"\n'
    assert parse_pack(text).id == "slow"
