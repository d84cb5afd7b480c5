"""Clarify first: questions asked vaguely, a question heard in the candidate's words, and the
matching clarification said back (or "make an assumption")."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.core.drills import (
    AnswerClarification,
    AnswerDirector,
    AnswerState,
    get_drill,
    texts,
)
from simulator.core.drills.clarify import best_clarification, find_question, vague_text
from simulator.core.drills.director import PAUSE_BEFORE_REPLY_S
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
        "what happened was we shipped late",
        "what matters is the user",
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


def test_full_pressure_answers_questions_only_where_there_are_clarifications() -> None:
    plain = Question(id="plain", text="Tell me about a launch.", category="failure")
    script = Script(voice=[(1.0, 4.0)], length_s=12.0, words=said_at(1.2, "which launch was it"))
    for question, replies in ((plain, 0), (SLOW, 1)):
        director = AnswerDirector(get_drill("full-pressure"), question, seed=1)
        found = [m for m in play(director, script) if isinstance(m.action, AnswerClarification)]
        assert len(found) == replies, question.id


def test_a_question_after_the_recogniser_revised_its_guess_is_still_heard() -> None:
    director = AnswerDirector(get_drill("clarify-first"), SLOW, seed=1)

    def tick(now: float, words: str, speaking: bool) -> tuple[object, ...]:
        state = AnswerState(now, now, speaking, 100.0, tuple(words.split()))
        return director.step(state)

    assert tick(1.0, "so the first thing I'd do is", True) == ()
    assert tick(4.0, "so the first thing I'd do is", False) == ()  # heard, no question
    assert tick(5.0, "so the first thing I do", True) == ()  # its tail re-guessed shorter
    (reply,) = tick(6.5, "so the first thing I do which page is slow", False)
    assert reply == AnswerClarification("Which page is slow?", PAGE)


VOCABULARY = ["which", "page", "is", "slow", "what", "I", "would", "do", "how", "long", "so"]


@settings(max_examples=50, deadline=None)
@given(
    spans=st.lists(st.tuples(st.floats(0.2, 6.0), st.floats(0.1, 4.0)), max_size=8),
    words=st.lists(st.sampled_from(VOCABULARY), max_size=40),
)
def test_the_interviewer_only_replies_once_the_candidate_has_paused(
    spans: list[tuple[float, float]], words: list[str]
) -> None:
    voice, now = [], 0.5
    for talk, pause in spans:
        voice.append((now, now + talk))
        now += talk + pause
    timed = [(0.5 + n * 0.3, word) for n, word in enumerate(words)]
    script = Script(voice=voice, length_s=now + 3.0, words=timed)
    director = AnswerDirector(get_drill("clarify-first"), SLOW, seed=2)
    for moment in play(director, script):
        assert isinstance(moment.action, AnswerClarification)
        assert not moment.state.speaking
        last_voice = max((end for _start, end in voice if end <= moment.state.answer_s), default=0)
        assert moment.state.answer_s - last_voice >= PAUSE_BEFORE_REPLY_S - 0.05
