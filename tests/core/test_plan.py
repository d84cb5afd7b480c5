"""The session flow as a pure state machine, driven by a fake clock."""

from __future__ import annotations

import pytest

from simulator.core.packs import Question
from simulator.core.plan import AnswerRules, EndReason, Phase, SessionFlow, choose_questions


def q(qid: str, prep: int = 0, band: tuple[int, int] = (60, 120)) -> Question:
    return Question(
        id=qid, text=f"Question {qid}?", category="conflict", prep_seconds=prep, answer_seconds=band
    )


def test_questions_are_chosen_in_order_or_shuffled_reproducibly() -> None:
    questions = [q(str(i)) for i in range(10)]
    assert [x.id for x in choose_questions(questions, 3, shuffle=False, seed=None)] == [
        "0",
        "1",
        "2",
    ]
    first = choose_questions(questions, 5, shuffle=True, seed=7)
    again = choose_questions(questions, 5, shuffle=True, seed=7)
    other = choose_questions(questions, 5, shuffle=True, seed=8)
    assert first == again
    assert first != other
    assert len(choose_questions(questions, 50, shuffle=False, seed=None)) == 10


def test_a_whole_session_walks_speaking_prep_answering_without_waiting() -> None:
    flow = SessionFlow([q("a", prep=10), q("b")], AnswerRules(end_silence_s=3.0))
    assert flow.start(0.0).phase is Phase.SPEAKING
    assert flow.spoken(4.0).phase is Phase.PREP
    assert flow.tick(9.0).phase is Phase.PREP
    assert flow.prep_remaining(9.0) == pytest.approx(5.0)
    assert flow.tick(14.0).phase is Phase.ANSWERING
    flow.tick(15.0, voiced=True)
    flow.tick(20.0, voiced=True)
    assert flow.tick(22.9).phase is Phase.ANSWERING  # 2.9 s of quiet is not enough
    step = flow.tick(23.0)
    assert step.ended is EndReason.SILENCE
    assert (step.phase, step.index) == (Phase.SPEAKING, 1)
    assert flow.spoken(25.0).phase is Phase.ANSWERING  # no prep for question b
    step = flow.stop(30.0)
    assert step.ended is EndReason.STOPPED
    assert step.phase is Phase.DONE


def test_silence_before_the_first_word_does_not_end_the_answer() -> None:
    flow = SessionFlow([q("a", band=(60, 120))], AnswerRules(end_silence_s=2.0))
    flow.start(0.0)
    flow.spoken(0.0)
    for second in range(1, 100):
        assert flow.tick(float(second), voiced=False).ended is None


def test_the_time_limit_is_the_band_plus_grace_unless_set() -> None:
    flow = SessionFlow([q("a", band=(30, 60))], AnswerRules(end_silence_s=None))
    flow.start(0.0)
    flow.spoken(0.0)
    assert flow.time_limit() == 90.0
    assert flow.tick(89.9, voiced=True).ended is None
    assert flow.tick(90.0, voiced=True).ended is EndReason.TIME_LIMIT

    fixed = SessionFlow([q("a")], AnswerRules(end_silence_s=None, time_limit_s=5.0))
    fixed.start(0.0)
    fixed.spoken(1.0)
    assert fixed.tick(6.0, voiced=True).ended is EndReason.TIME_LIMIT


def test_stop_skips_the_countdown_and_abort_ends_everything() -> None:
    flow = SessionFlow([q("a", prep=30), q("b")], AnswerRules())
    flow.start(0.0)
    flow.spoken(1.0)
    assert flow.stop(2.0).phase is Phase.ANSWERING
    step = flow.abort(3.0)
    assert step.phase is Phase.DONE
    assert step.ended is EndReason.ABORTED


def test_spoken_out_of_turn_is_a_programming_error() -> None:
    flow = SessionFlow([q("a")], AnswerRules())
    flow.start(0.0)
    flow.spoken(0.0)
    with pytest.raises(RuntimeError):
        flow.spoken(1.0)


def test_an_empty_session_is_refused() -> None:
    with pytest.raises(ValueError):
        SessionFlow([], AnswerRules())


def test_a_squeeze_really_shortens_this_answer_only() -> None:
    flow = SessionFlow([q("a", band=(60, 90)), q("b", band=(60, 90))], AnswerRules())
    flow.start(0.0)
    flow.spoken(0.0)
    assert flow.time_left(40.0) == pytest.approx(80.0)
    flow.squeeze(70.0)
    assert flow.time_limit() == 70.0
    assert flow.time_left(40.0) == pytest.approx(30.0)
    assert flow.tick(69.0, voiced=True).ended is None
    step = flow.tick(70.0, voiced=True)
    assert step.ended is EndReason.TIME_LIMIT
    assert flow.time_limit() == 120.0  # the next answer has its usual limit


def test_a_squeeze_never_lengthens_the_answer() -> None:
    flow = SessionFlow([q("a", band=(10, 20))], AnswerRules())
    flow.start(0.0)
    flow.spoken(0.0)
    flow.squeeze(500.0)
    assert flow.time_limit() == 50.0
