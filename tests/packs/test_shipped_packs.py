"""The packs shipped in question_packs/: they load, and their content keeps the house rules.

Also checks that docs/packs.md stays true to the validator: its complete example loads, its
CSV example imports, and it names every key and category the validator knows.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from simulator.core.packs import (
    CATEGORIES,
    FRAMEWORKS,
    PACK_KEYS,
    QUESTION_KEYS,
    Pack,
    Question,
    load_pack,
    parse_pack,
)
from simulator.library.exchange import CSV_COLUMNS, read_csv_pack

ROOT = Path(__file__).resolve().parents[2]
PACKS_DIR = ROOT / "question_packs"
DOC = ROOT / "docs" / "packs.md"
PACK_FILES = sorted(PACKS_DIR.glob("*.toml"))

ROLE_TAGS = {"technical", "customer-facing", "leadership", "all-roles"}
# The voice reads these aloud: nothing a speech synthesiser would spell out or stumble on.
UNSPEAKABLE = re.compile(r"[()\[\]{}*_#/\\&%<>`\"]|\be\.g\.|\bi\.e\.|\betc\b")
# Styles are named by the kind of round, never by a company or its trademarks.
COMPANY_NAMES = re.compile(
    r"\b(google|googleyness|meta|facebook|amazon|tesla|openai|anthropic|deepmind|microsoft|"
    r"apple|netflix|faang)\b",
    re.IGNORECASE,
)


def _all_packs() -> list[Pack]:
    return [load_pack(path) for path in PACK_FILES]


def _all_questions() -> list[tuple[str, Question]]:
    return [(pack.id, q) for pack in _all_packs() for q in pack.questions]


@pytest.mark.parametrize("path", PACK_FILES, ids=[p.name for p in PACK_FILES])
def test_every_shipped_pack_loads(path: Path) -> None:
    pack = load_pack(path)
    assert pack.id == path.stem, "a pack file is named after its id"
    assert pack.language == "en"
    assert pack.format == 1
    assert pack.version >= 1
    assert pack.description and pack.tags


def test_there_are_enough_packs_and_questions() -> None:
    packs = _all_packs()
    assert len(packs) >= 12
    assert sum(len(p.questions) for p in packs) >= 250


def test_ids_are_unique_across_packs() -> None:
    pack_ids = Counter(p.id for p in _all_packs())
    assert [i for i, n in pack_ids.items() if n > 1] == []
    question_ids = Counter(q.id for _, q in _all_questions())
    assert [i for i, n in question_ids.items() if n > 1] == []


def test_texts_are_unique_across_packs() -> None:
    texts = Counter(q.text.lower() for _, q in _all_questions())
    assert [t for t, n in texts.items() if n > 1] == []


def test_every_question_has_follow_ups_tips_and_a_spoken_ending() -> None:
    for pack_id, q in _all_questions():
        where = f"{pack_id}/{q.id}"
        assert 1 <= len(q.follow_ups) <= 3, where
        assert 1 <= len(q.tips) <= 2, where
        assert q.text.endswith(("?", ".")), where
        assert all(f.endswith(("?", ".")) for f in q.follow_ups), where


def test_spoken_text_has_nothing_a_voice_would_stumble_on() -> None:
    for pack_id, q in _all_questions():
        for spoken in (q.text, *q.follow_ups, *q.clarifications):
            assert not UNSPEAKABLE.search(spoken), f"{pack_id}/{q.id}: {spoken!r}"
            assert "  " not in spoken, f"{pack_id}/{q.id}: {spoken!r}"


def test_clarifying_questions_carry_clarifications_and_only_they_do() -> None:
    clarifying = 0
    for pack_id, q in _all_questions():
        if q.category == "clarifying":
            clarifying += 1
            assert 3 <= len(q.clarifications) <= 5, f"{pack_id}/{q.id}"
            assert q.framework == "free", f"{pack_id}/{q.id}"
        else:
            assert q.clarifications == (), f"{pack_id}/{q.id}"
    assert clarifying >= 12


def test_answer_bands_and_prep_times_are_sensible() -> None:
    for pack_id, q in _all_questions():
        low, high = q.answer_seconds
        assert 20 <= low < high <= 180, f"{pack_id}/{q.id}"
        assert q.prep_seconds <= 30, f"{pack_id}/{q.id}"
        if q.framework == "STAR":
            assert low >= 60, f"{pack_id}/{q.id}: a story needs at least a minute"


def test_every_question_names_a_role_it_suits() -> None:
    for pack_id, q in _all_questions():
        assert ROLE_TAGS & set(q.tags), f"{pack_id}/{q.id} has no role tag"


def test_every_category_and_framework_is_used() -> None:
    questions = [q for _, q in _all_questions()]
    assert {q.category for q in questions} == set(CATEGORIES)
    assert {q.framework for q in questions} == set(FRAMEWORKS)
    assert {q.difficulty for q in questions} == {1, 2, 3}


def test_no_pack_names_a_company() -> None:
    for pack in _all_packs():
        for text in (pack.id, pack.title, pack.description, *pack.tags):
            assert not COMPANY_NAMES.search(text), f"{pack.id}: {text!r}"
        for q in pack.questions:
            for text in (q.text, *q.follow_ups, *q.tips, *q.clarifications, *q.tags):
                assert not COMPANY_NAMES.search(text), f"{pack.id}/{q.id}: {text!r}"


# --- docs/packs.md ---------------------------------------------------------------------------


def _fenced(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)


def test_the_documented_example_pack_loads() -> None:
    (example,) = _fenced("toml")
    pack = parse_pack(example, "team-lead-basics.toml")
    assert pack.id == "team-lead-basics"
    assert len(pack.questions) == example.count("[[questions]]")
    keys = set(re.findall(r"^([a-z_]+) = ", example, re.MULTILINE))
    assert keys == PACK_KEYS | QUESTION_KEYS, "the complete example uses every key"


def test_the_documented_csv_example_imports(tmp_path: Path) -> None:
    (example,) = _fenced("csv")
    path = tmp_path / "team-questions.csv"
    path.write_text(example, encoding="utf-8")
    pack = read_csv_pack(path)
    assert (pack.id, pack.title) == ("team-questions", "Team questions")
    first = pack.questions[0]
    assert first.id == "tell-me-about-a-time-you"
    assert first.follow_ups == ("What was your part?", "Who was right in the end?")
    assert pack.questions[1].answer_seconds == (30, 60)


def test_the_docs_name_every_key_category_framework_and_csv_column() -> None:
    doc = DOC.read_text(encoding="utf-8")
    for key in PACK_KEYS | QUESTION_KEYS:
        assert f"| `{key}` |" in doc, key
    for name in (*CATEGORIES, *FRAMEWORKS, *CSV_COLUMNS):
        assert f"`{name}`" in doc, name
    assert ",".join(CSV_COLUMNS) in doc
    assert "1,000,000 bytes" in doc
