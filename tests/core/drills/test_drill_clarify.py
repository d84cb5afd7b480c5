"""Clarify first: questions asked vaguely, a question heard in the candidate's words, and the
matching clarification said back (or "make an assumption")."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.core.drills import AnswerClarification, AnswerDirector, get_drill, texts
from simulator.core.drills.clarify import best_clarification, find_question, vague_text
from simulator.core.packs import Question, load_pack
from tests.core.drills.fake_answer import Script, play, said_at

ROOT = Path(__file__).resolve().parents[3]
PACK = load_pack(ROOT / "question_packs" / "clarifying-questions.toml")
SLOW = PACK.question("make-it-faster")
PAGE = SLOW.clarifications[0]  # "Mostly the search page. ..."


def asked(sentence: str, question: Question = SLOW, intensity: int = 2) -> list[object]:
    """What the interviewer answers when the candidate says ``sentence`` and then pauses."""
    script = Script(voice=[(1.0, 4.0)], length_s=12.0, words=said_at(1.2, sentence))
    director = AnswerDirector(get_drill("clarify-first"), question, seed=1, intensity=intensity)
    return [m.action for m in play(director, script)]


def test_which_page_is_slow_gets_the_clarification_about_the_page() -> None:
    assert "page" in PAGE
    assert asked("okay so which page is slow") == [AnswerClarification("Which page is slow?", PAGE)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("is it a web app", "It's a web app, and most users are on laptops in an office."),
        ("how long do I have for this", "You'd have two engineers for about a month."),
        (
            "how fast does it need to be",
            "We'd love under one second, but any clear improvement helps.",
        ),
        ("when did it get slow", "It got slower after our number of users doubled last spring."),
    ],
)
def test_other_questions_get_the_best_matching_clarification(sentence: str, expected: str) -> None:
    (reply,) = asked(sentence)
    assert isinstance(reply, AnswerClarification) and reply.answer == expected


def test_a_question_nothing_answers_is_told_to_make_an_assumption() -> None:
    (reply,) = asked("what programming language is it written in")
    assert reply == AnswerClarification(
        "What programming language is it written in?", texts.MAKE_AN_ASSUMPTION
    )


def test_statements_are_not_taken_for_questions() -> None:
    for sentence in (
        "what I would do first is measure it",
        "I know how it works so I would profile it",
        "it is slow so we add a cache",
        "that's why we need numbers",
    ):
        assert find_question(tuple(sentence.split())) is None, sentence
        assert asked(sentence) == []


def test_nothing_is_answered_while_the_candidate_is_still_talking() -> None:
    script = Script(voice=[(1.0, 11.5)], length_s=12.0, words=said_at(1.2, "which page is slow"))
    director = AnswerDirector(get_drill("clarify-first"), SLOW, seed=1)
    assert play(director, script) == []


def test_a_hard_interviewer_stops_answering_after_two_questions() -> None:
    words = said_at(1.0, "which page is slow") + said_at(6.0, "is it a web app")
    words += said_at(11.0, "how long do I have")
    script = Script(voice=[(1.0, 3.0), (6.0, 8.0), (11.0, 13.0)], length_s=20.0, words=words)
    director = AnswerDirector(get_drill("clarify-first"), SLOW, seed=1, intensity=3)
    replies = [m.action.says for m in play(director, script)]  # type: ignore[union-attr]
    assert replies[:2] == [PAGE, SLOW.clarifications[1]]
    assert replies[2] == texts.NO_MORE_ANSWERS


def test_matching_prefers_a_word_only_one_clarification_has() -> None:
    options = ("The page is slow on phones.", "The search page is slow.")
    assert best_clarification("Which search is slow?", options) == options[1]
    assert best_clarification("Which colour is it?", options) is None


def test_the_vague_version_of_a_question() -> None:
    assert vague_text(SLOW) == SLOW.text  # a clarifying question is vague as written
    detailed = Question(
        id="q", text="Design a dashboard. It is for sales managers on phones.", category="customer"
    )
    assert vague_text(detailed) == "Design a dashboard."
    director = AnswerDirector(get_drill("clarify-first"), detailed, seed=1)
    assert director.asked_text == "Design a dashboard."
    plain = AnswerDirector(get_drill("interruptions"), detailed, seed=1)
    assert plain.asked_text == detailed.text
    # Full pressure asks vaguely only a question with clarifications to give.
    assert AnswerDirector(get_drill("full-pressure"), detailed, seed=1).asked_text == detailed.text
