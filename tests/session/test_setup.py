"""The set-up of a new session, shared by the window and the terminal (session/setup.py)."""

from __future__ import annotations

import pytest

from simulator.core.packs import Pack, Question
from simulator.session.setup import (
    MIX_LABEL,
    SessionRequest,
    UnknownCategoryError,
    session_options,
)


def _question(qid: str, category: str) -> Question:
    return Question(id=qid, text=f"Question {qid}?", category=category)


def _packs() -> list[Pack]:
    first = Pack(
        id="first",
        title="First",
        questions=(_question("a1", "conflict"), _question("a2", "growth")),
    )
    second = Pack(
        id="second",
        title="Second",
        questions=(_question("b1", "conflict"), _question("b2", "pressure")),
    )
    return [first, second]


def test_a_pack_gives_its_questions_rules_and_options() -> None:
    request = SessionRequest(
        pack_id="first",
        questions=2,
        end_silence_s=2.5,
        time_limit_s=90.0,
        mode="terminal",
        settings={"seed": None},
    )
    options = session_options(_packs(), request)
    assert options.pack_id == "first"
    assert [q.id for q in options.questions] == ["a1", "a2"]
    assert options.rules.end_silence_s == 2.5 and options.rules.time_limit_s == 90.0
    assert options.mode == "terminal" and options.settings == {"seed": None}


def test_no_end_silence_means_never() -> None:
    options = session_options(_packs(), SessionRequest(pack_id="first", end_silence_s=0.0))
    assert options.rules.end_silence_s is None


def test_a_mix_draws_the_categories_across_packs_in_order() -> None:
    request = SessionRequest(questions=5, categories=("conflict", "pressure"))
    options = session_options(_packs(), request)
    assert options.pack_id == MIX_LABEL
    assert [q.id for q in options.questions] == ["a1", "b1", "b2"]


def test_a_shuffled_mix_is_reproducible_with_its_seed() -> None:
    request = SessionRequest(
        questions=3, categories=("conflict", "growth", "pressure"), shuffle=True, seed=7
    )
    first = session_options(_packs(), request).questions
    assert first == session_options(_packs(), request).questions
    ids = [q.id for q in first]
    assert len(set(ids)) == 3 and set(ids) <= {"a1", "a2", "b1", "b2"}


def test_a_mix_of_no_category_has_no_questions() -> None:
    options = session_options(_packs(), SessionRequest(questions=3, categories=()))
    assert options.pack_id == MIX_LABEL and options.questions == []


def test_an_unknown_category_is_named() -> None:
    with pytest.raises(UnknownCategoryError, match=r"'nosuch'.*conflict, growth, pressure"):
        session_options(_packs(), SessionRequest(questions=3, categories=("conflict", "nosuch")))


def test_an_unknown_pack_or_question_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="no pack with id 'gone'"):
        session_options(_packs(), SessionRequest(pack_id="gone"))
    with pytest.raises(KeyError):
        session_options(_packs(), SessionRequest(pack_id="first", questions=["zz"]))


def test_question_ids_and_question_objects_are_kept_as_given() -> None:
    by_id = session_options(_packs(), SessionRequest(pack_id="second", questions=["b2", "b1"]))
    assert [q.id for q in by_id.questions] == ["b2", "b1"]
    given = [_question("x", "conflict")]
    again = session_options(_packs(), SessionRequest(pack_id=MIX_LABEL, questions=given))
    assert again.pack_id == MIX_LABEL and again.questions == given
