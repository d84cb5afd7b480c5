"""The optional debug-aloud keys of a question: ``code``, ``code_language`` and ``bug``."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.core.packs import Bug, PackError, parse_pack
from simulator.library.exchange import dump_pack, export_pack, read_any_pack

HEADER = '[pack]\nid = "p"\ntitle = "P"\n\n[[questions]]\nid = "q"\ntext = "Find the bug."\n'
HEADER += 'category = "problem-solving"\n'
# HEADER is 8 lines: the keys below start at line 9.
CODE = '''code = """
def total(prices):
    result = 0
    for price in prices[1:]:
        result += price
    return result"""
'''


def problems(text: str) -> list[str]:
    with pytest.raises(PackError) as error:
        parse_pack(HEADER + text, "p.toml")
    return [str(problem) for problem in error.value.problems]


def test_code_language_and_bug_are_read_with_the_code_indentation_kept() -> None:
    text = CODE + 'code_language = "python"\n'
    text += 'bug = { line = 3, explanation = "The slice skips the first price." }\n'
    question = parse_pack(HEADER + text).questions[0]
    assert question.code.split("\n")[2] == "    for price in prices[1:]:"
    assert question.code_language == "python"
    assert question.bug == Bug(line=3, explanation="The slice skips the first price.")


def test_a_question_without_code_has_none() -> None:
    question = parse_pack(HEADER).questions[0]
    assert (question.code, question.code_language, question.bug) == ("", "", None)


def test_code_needs_a_known_language() -> None:
    assert problems(CODE) == ["p.toml:9: 'code' needs 'code_language' (python or javascript)"]
    assert problems(CODE + 'code_language = "rust"\n') == [
        "p.toml:15: unknown code_language 'rust' (allowed: python, javascript)"
    ]


def test_a_bug_outside_the_code_is_reported_on_its_line() -> None:
    text = CODE + 'code_language = "python"\nbug = { line = 6, explanation = "x" }\n'
    assert problems(text) == ["p.toml:16: 'bug' line 6 is outside the code (lines 1 to 5)"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('code_language = "python"\n', "p.toml:9: 'code_language' is only allowed with 'code'"),
        ('bug = { line = 1, explanation = "x" }\n', "p.toml:9: 'bug' is only allowed with 'code'"),
        ('code = ""\ncode_language = "python"\n', "p.toml:9: 'code' must not be empty"),
        ("code = 3\n", "p.toml:9: 'code' must be text (a multi-line string in triple quotes)"),
        (
            'code = """\n\nx = 1"""\ncode_language = "python"\n',
            "p.toml:9: 'code' must start with its first line of code, not a blank line",
        ),
        (
            'code = "if x:\\n\\ty = 1"\ncode_language = "python"\n',
            "p.toml:9: 'code' must be indented with spaces, not tabs",
        ),
    ],
)
def test_misused_code_keys_name_their_line(text: str, message: str) -> None:
    assert message in problems(text)


@pytest.mark.parametrize(
    ("bug", "message"),
    [
        ("3", "'bug' must be a table like"),
        ('{ line = "3", explanation = "x" }', "'line' must be a whole number"),
        ("{ line = true, explanation = 'x' }", "'line' must be a whole number"),
        ("{ line = 3 }", "'explanation' must be text that is not empty"),
        ('{ line = 3, explanation = "  " }', "'explanation' must be text that is not empty"),
        ('{ line = 3, explanation = "a\\nb" }', "'bug' explanation must be one line"),
        ('{ line = 3, explanation = "x", lines = 4 }', "unknown key 'lines' in 'bug'"),
    ],
)
def test_a_malformed_bug_is_refused(bug: str, message: str) -> None:
    found = problems(CODE + f'code_language = "python"\nbug = {bug}\n')
    assert len(found) == 1 and found[0].startswith("p.toml:16: ") and message in found[0]


def test_the_keys_survive_export_and_import(tmp_path: Path) -> None:
    text = CODE + 'code_language = "python"\nbug = { line = 3, explanation = "Skips one." }\n'
    pack = parse_pack(HEADER + text, "p.toml")
    target = tmp_path / "p.toml"
    export_pack(pack, target)
    again = read_any_pack(target).questions[0]
    assert (again.code, again.code_language, again.bug) == (
        pack.questions[0].code,
        "python",
        Bug(3, "Skips one."),
    )
    assert "code_language" in dump_pack(pack)
