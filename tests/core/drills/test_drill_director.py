"""The director's rules on a fake clock: the timeline is a function of the seed and the
speech, cut-ins only come while the candidate talks and never crowd each other, and the
intensity changes how often things happen."""

from __future__ import annotations

import itertools
import os
import statistics
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.core.drills import (
    DRILLS,
    MIN_GAP_S,
    MIN_SPEECH_S,
    SCREEN_NAMES,
    SOUND_NAMES,
    AnswerDirector,
    Distract,
    Interrupt,
    Pushback,
    RevealBug,
    SilenceThenPrompt,
    SqueezeTime,
    get_drill,
    texts,
)
from simulator.core.packs import Bug, Question
from tests.core.drills.fake_answer import Script, continuous, play

ROOT = Path(__file__).resolve().parents[3]
QUESTION = Question(
    id="conflict",
    text="Tell me about a disagreement with a colleague. What did you do?",
    category="conflict",
    answer_seconds=(60, 150),
    follow_ups=("What did the colleague say?", "Would you do it again?"),
)


def director(drill: str, seed: int = 7, intensity: int = 2, **kwargs: object) -> AnswerDirector:
    return AnswerDirector(get_drill(drill), QUESTION, seed=seed, intensity=intensity, **kwargs)  # type: ignore[arg-type]


@st.composite
def speech_scripts(draw: st.DrawFn) -> Script:
    """Talk and pauses of random lengths, as a candidate who stops and starts."""
    spans, now = [], draw(st.floats(0.0, 3.0))
    for talk, pause in draw(st.lists(st.tuples(st.floats(0.3, 30.0), st.floats(0.2, 8.0)))):
        spans.append((round(now, 2), round(now + talk, 2)))
        now += talk + pause
    return Script(voice=spans, length_s=160.0, limit_s=draw(st.sampled_from([90.0, 150.0])))


drill_names = st.sampled_from([drill.name for drill in DRILLS])


@settings(max_examples=40, deadline=None)
@given(
    script=speech_scripts(), name=drill_names, seed=st.integers(0, 2**32), level=st.integers(1, 3)
)
def test_the_same_seed_and_speech_give_the_same_timeline(
    script: Script, name: str, seed: int, level: int
) -> None:
    first = play(director(name, seed, level), script)
    second = play(director(name, seed, level), script)
    assert [(m.state.answer_s, m.action) for m in first] == [
        (m.state.answer_s, m.action) for m in second
    ]


def test_another_seed_gives_another_timeline() -> None:
    script = continuous(150.0)
    timelines = {
        tuple((m.state.answer_s, m.action) for m in play(director("full-pressure", seed), script))
        for seed in range(5)
    }
    assert len(timelines) == 5


@settings(max_examples=60, deadline=None)
@given(
    script=speech_scripts(),
    name=st.sampled_from(["interruptions", "debug-aloud", "full-pressure"]),
    seed=st.integers(0, 2**32),
    level=st.integers(1, 3),
)
def test_cut_ins_come_only_while_speaking_after_enough_speech_and_never_crowd(
    script: Script, name: str, seed: int, level: int
) -> None:
    moments = play(director(name, seed, level), script)
    cut_ins = [m for m in moments if isinstance(m.action, Interrupt)]
    speech_before = 0.0
    for moment in cut_ins:
        assert moment.state.speaking
        assert moment.state.speech_s - speech_before >= MIN_SPEECH_S
        speech_before = moment.state.speech_s
    starts = [m.state.answer_s for m in cut_ins]
    assert all(later - earlier >= MIN_GAP_S for earlier, later in itertools.pairwise(starts))
    # Nothing the interviewer says starts before the last thing said has finished.
    spoken = [m for m in moments if hasattr(m.action, "says")]
    for earlier, later in itertools.pairwise(spoken):
        assert later.state.answer_s >= earlier.plays_until


def test_a_silent_candidate_is_never_cut_in_on() -> None:
    silent = Script(voice=[], length_s=150.0)
    for level in (1, 2, 3):
        assert play(director("interruptions", intensity=level), silent) == []


def test_no_cut_in_before_five_seconds_of_speech_even_when_hard() -> None:
    # Short bursts: 4.9 s of speech in all before a long silence, then speech again.
    script = Script(voice=[(0.0, 2.0), (10.0, 12.9), (40.0, 80.0)], length_s=80.0)
    for seed in range(30):
        moments = play(director("interruptions", seed, 3), script)
        assert moments, "a hard drill cuts in once the candidate has talked long enough"
        assert moments[0].state.answer_s >= 40.0 + 0.1


def counts(drill: str, kind: type, level: int) -> float:
    script = continuous(170.0)
    return statistics.mean(
        sum(isinstance(m.action, kind) for m in play(director(drill, seed, level), script))
        for seed in range(25)
    )


def test_intensity_makes_cut_ins_and_distractions_more_frequent() -> None:
    cut_ins = [counts("interruptions", Interrupt, level) for level in (1, 2, 3)]
    assert cut_ins[0] < cut_ins[1] < cut_ins[2], cut_ins
    noises = [counts("busy-office", Distract, level) for level in (1, 2, 3)]
    assert noises[0] < noises[1] < noises[2], noises


def test_cut_ins_use_the_follow_ups_and_probes_without_repeating() -> None:
    moments = play(director("interruptions", intensity=3), continuous(170.0))
    said = [m.action.text for m in moments if isinstance(m.action, Interrupt)]
    assert len(said) == len(set(said)) >= 3
    assert set(QUESTION.follow_ups) <= set(said)


def test_a_candidate_who_only_says_we_is_asked_for_their_own_part() -> None:
    words = [(1.0 + n * 0.4, word) for n, word in enumerate(("we built it and we " * 20).split())]
    script = Script(voice=[(0.5, 60.0)], length_s=60.0, words=words)
    moments = play(director("interruptions", intensity=2), script)
    first = moments[0].action
    assert isinstance(first, Interrupt)
    assert (first.kind, first.text) == ("probe", texts.OWNERSHIP_PROBE)


def test_busy_office_plays_named_sounds_at_their_levels_without_repeats() -> None:
    for seed in range(20):
        moments = play(director("busy-office", seed, 3), continuous(170.0))
        noises = [m.action for m in moments if isinstance(m.action, Distract)]
        assert len(noises) == 5
        assert len({n.name for n in noises}) == 5
        for noise in noises:
            if noise.kind == "sound":
                assert noise.name in SOUND_NAMES
                assert noise.level_db is not None and -26 <= noise.level_db < 0
            else:
                assert (noise.kind, noise.name, noise.level_db) in {
                    ("screen", name, None) for name in SCREEN_NAMES
                }
        times = [m.state.answer_s for m in moments]
        assert times == sorted(times) and times[0] >= 4.0


def test_a_gentle_office_is_quieter_than_a_hard_one() -> None:
    def mean_level(level: int) -> float:
        levels = [
            m.action.level_db
            for seed in range(20)
            for m in play(director("busy-office", seed, level), continuous(170.0))
            if isinstance(m.action, Distract) and m.action.level_db is not None
        ]
        return statistics.mean(levels)

    assert mean_level(1) < mean_level(2) < mean_level(3)


def test_time_squeeze_cuts_the_limit_once_part_way_through() -> None:
    for seed in range(20):
        moments = play(director("time-squeeze", seed, 2), continuous(120.0, limit_s=120.0))
        (moment,) = moments
        assert isinstance(moment.action, SqueezeTime)
        assert 0.40 * 120 <= moment.state.answer_s <= 0.56 * 120
        assert moment.action.new_limit_s == round(moment.state.answer_s + 30, 2)
        assert "30 seconds" in moment.action.text


def test_no_squeeze_when_the_time_left_is_already_short() -> None:
    assert play(director("time-squeeze", intensity=1), continuous(40.0, limit_s=40.0)) == []


def test_after_the_answer_pushback_and_silence_follow_the_intensity() -> None:
    for level, expected in ((1, 1), (2, 1), (3, 2)):
        actions = director("stubborn-interviewer", intensity=level).after_answer()
        assert len(actions) == expected and all(isinstance(a, Pushback) for a in actions)
        assert len({a.text for a in actions}) == expected
    waits = [director("awkward-silence", intensity=level).after_answer() for level in (1, 2, 3)]
    assert all(isinstance(a[0], SilenceThenPrompt) for a in waits)
    assert waits[0][0].wait_s < waits[1][0].wait_s < waits[2][0].wait_s  # type: ignore[union-attr]


def test_debug_aloud_shows_the_code_and_reveals_the_bug_after_the_answer() -> None:
    question = Question(
        id="sum",
        text="This should add prices. Talk me through it.",
        category="problem-solving",
        code="def total(p):\n    return sum(p[1:])",
        code_language="python",
        bug=Bug(2, "It skips the first price."),
    )
    debug = AnswerDirector(get_drill("debug-aloud"), question, seed=1)
    assert debug.code is not None and debug.code.language == "python"
    assert debug.after_answer() == (RevealBug(2, "It skips the first price."),)
    moments = play(debug, continuous(100.0))
    assert moments and all(isinstance(m.action, Interrupt) for m in moments)
    assert all(m.action.text in texts.DEBUG_PROBES for m in moments)  # type: ignore[union-attr]
    assert AnswerDirector(get_drill("interruptions"), question, seed=1).code is None


def test_nothing_is_said_over_the_interviewer() -> None:
    from simulator.core.drills import AnswerState

    ready = AnswerState(answer_s=30.0, speech_s=29.0, speaking=True, time_left_s=90.0)
    talking = AnswerState(
        answer_s=30.0, speech_s=29.0, speaking=True, time_left_s=90.0, interviewer_speaking=True
    )
    assert director("interruptions", intensity=3).step(talking) == ()
    assert len(director("interruptions", intensity=3).step(ready)) == 1


def test_a_spoken_action_blocks_the_next_until_it_has_been_said_even_before_it_sounds() -> None:
    # The runner may not report the voice as playing yet: the director's own estimate holds.
    from simulator.core.drills import AnswerState
    from simulator.core.drills.director import speaking_time

    def state(now: float) -> AnswerState:
        return AnswerState(answer_s=now, speech_s=now - 1, speaking=True, time_left_s=100 - now)

    def said(now: float) -> list[object]:
        return [a for a in full.step(state(now)) if not isinstance(a, Distract)]

    full = director("full-pressure", seed=3, intensity=3)
    (squeeze,) = said(60.0)  # a squeeze and a cut-in are both due: one at a time
    assert isinstance(squeeze, SqueezeTime)
    done = 60.0 + speaking_time(squeeze.says)
    assert said(60.05) == said(done - 0.05) == []
    assert [type(action) for action in said(done + 0.05)] == [Interrupt]


def test_an_answer_of_ordinary_length_meets_every_distraction() -> None:
    # QUESTION's band is 60 to 150 s: a 105 s answer is in the middle of it.
    for seed in range(20):
        for level, expected in ((1, 2), (2, 3), (3, 5)):
            moments = play(director("busy-office", seed, level), continuous(105.0))
            assert sum(isinstance(m.action, Distract) for m in moments) == expected
    short = director("busy-office", 1, 3, time_limit_s=40.0)
    assert len(play(short, continuous(40.0))) == 5


TIMELINE_SCRIPT = """
from simulator.core.drills import AnswerDirector, get_drill
from simulator.core.packs import Question
from tests.core.drills.fake_answer import Script, play, said_at

question = Question(id="q", text="Make it faster. It is a web app.", category="clarifying",
                    follow_ups=("Why?",), clarifications=("The search page is slow.",
                    "Most users are on laptops.", "You have a month."))
words = said_at(1.0, "so which page is slow") + said_at(9.0, "and how long do we have")
script = Script(voice=[(0.5, 3.0), (3.5, 8.0), (9.0, 11.0), (12.5, 90.0)], length_s=95.0,
                limit_s=100.0, words=words)
for level in (1, 2, 3):
    director = AnswerDirector(get_drill("full-pressure"), question, seed=42, intensity=level)
    print([(m.state.answer_s, m.action) for m in play(director, script)])
    print(director.after_answer())
"""


def test_the_timeline_does_not_depend_on_the_process() -> None:
    outputs = set()
    for hash_seed in ("1", "2", "3"):
        environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [sys.executable, "-c", TIMELINE_SCRIPT],
            capture_output=True,
            text=True,
            env=environment,
            cwd=ROOT,
        )
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    (output,) = outputs
    assert "AnswerClarification" in output and "Interrupt" in output and "Distract" in output
