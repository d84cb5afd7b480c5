"""A pack's lines are found only when there is a problem to report (parsing a big valid pack
spent half its time finding them), and every problem still names its line."""

from __future__ import annotations

import pytest

from simulator.core.packs import CATEGORIES, PackError, parse_pack
from simulator.core.packs.source_lines import SourceLines

QUESTIONS = 5_000


def big_pack(questions: int = QUESTIONS) -> str:
    head = '[pack]\nid = "big"\ntitle = "A big pack"\n# the questions follow\n'
    return head + "".join(
        f'\n[[questions]]\nid = "q{n}"\ntext = "Tell me about time {n}."\ncategory = "ethics"\n'
        for n in range(questions)
    )


def line_of(text: str, needle: str) -> int:
    """The line ``needle`` is on (it must occur once)."""
    assert text.count(needle) == 1, needle
    return text[: text.index(needle)].count("\n") + 1


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of every text SourceLines.scan is asked to scan."""
    scanned: list[int] = []
    real_scan = SourceLines.scan

    def counted(text: str) -> SourceLines:
        scanned.append(len(text))
        return real_scan(text)

    monkeypatch.setattr(SourceLines, "scan", staticmethod(counted))
    return scanned


def test_a_valid_big_pack_is_parsed_without_finding_its_lines(scans: list[int]) -> None:
    pack = parse_pack(big_pack(), "big.toml")
    assert len(pack.questions) == QUESTIONS
    assert pack.questions[-1].id == f"q{QUESTIONS - 1}"
    assert scans == []


def test_problems_deep_in_a_big_pack_name_their_lines(scans: list[int]) -> None:
    text = big_pack()
    text = text.replace('title = "A big pack"', 'title = "A big pack"\nversion = 0')
    text = text.replace(
        'id = "q4899"\ntext = "Tell me about time 4899."\ncategory = "ethics"',
        'id = "q4899"\ntext = "Tell me about time 4899."\ncategory = "ethic"',
    )
    text = text.replace('id = "q4990"\n', 'id = "q12"\ntexts = "x"\n')
    first_q12 = line_of(text, 'id = "q12"\ntext =')
    with pytest.raises(PackError) as raised:
        parse_pack(text, "big.toml")
    found = [(p.path, p.line, p.message) for p in raised.value.problems]
    categories = ", ".join(CATEGORIES)
    assert found == [
        (
            "big.toml",
            line_of(text, "version = 0"),
            "'version' must be between 1 and 1000000, not 0",
        ),
        (
            "big.toml",
            line_of(text, 'category = "ethic"\n'),
            f"unknown category 'ethic' (did you mean 'ethics'? allowed: {categories})",
        ),
        ("big.toml", line_of(text, 'texts = "x"'), "unknown key 'texts' (did you mean 'text'?)"),
        (
            "big.toml",
            line_of(text, 'id = "q12"\ntexts'),
            f"duplicate question id 'q12' (first at line {first_q12})",
        ),
    ]
    assert scans == [len(text)]  # found once, for the messages


def test_the_error_raised_is_the_one_with_lines_alone() -> None:
    text = big_pack(3).replace('"ethics"', '"ethic"', 1)
    with pytest.raises(PackError) as raised:
        parse_pack(text, "big.toml")
    assert [problem.line for problem in raised.value.problems] == [
        line_of(text, 'category = "ethic"\n')
    ]
    assert raised.value.__context__ is None  # --debug shows one traceback, not two
