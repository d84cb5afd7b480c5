"""The measures leave out the time when Hotseat was making sound (issue 11, item 4)."""

from __future__ import annotations

import json

import pytest

from simulator.core.analysis import analyze
from simulator.core.analysis.left_out import LeftOut, subtract
from simulator.core.played import PlayedSpan
from simulator.core.transcript import Transcript, Word


def words_between(start: float, end: float, count: int, text: str = "word") -> list[Word]:
    step = (end - start) / count
    return [Word(text, start + i * step, start + (i + 1) * step - 0.02) for i in range(count)]


CUT_IN = PlayedSpan(10.0, 13.0, "interviewer")


def interrupted() -> tuple[Transcript, list[tuple[float, float]]]:
    """Speech 1-10 s, the interviewer 10-13 s (heard by the microphone, its words
    recognised), the candidate silent 13-15.5 s, speech again 15.5-25 s."""
    words = (
        words_between(1.0, 10.0, 24)
        + words_between(10.1, 12.9, 8, "interviewer")
        + words_between(15.5, 25.0, 25)
    )
    spans = [(1.0, 10.0), (10.0, 13.02), (15.5, 25.0)]
    return Transcript(tuple(words), "test", "m", 26.0), spans


def test_without_played_spans_the_report_is_unchanged() -> None:
    transcript, spans = interrupted()
    assert json.dumps(analyze(transcript, spans, played=())) == json.dumps(
        analyze(transcript, spans)
    )


def test_interviewer_words_and_voice_are_not_the_candidates() -> None:
    transcript, spans = interrupted()
    plain = analyze(transcript, spans)
    report = analyze(transcript, spans, played=[CUT_IN])
    assert plain["words"] == 57 and report["words"] == 49
    assert report["left_out"] == {
        "interviewer_s": pytest.approx(3.15),
        "distraction_s": 0.0,
        "interviewer_words": 8,
    }
    # The candidate spoke 9 + 9.5 s; the interviewer's 3 s of voice are not theirs (nor the
    # 0.05 s before its logged start, where a played sound may already be heard).
    assert report["speaking_s"] == pytest.approx(18.45, abs=0.01)
    assert plain["speaking_s"] == pytest.approx(21.52, abs=0.01)


def test_the_silence_around_a_cut_in_is_not_a_pause() -> None:
    transcript, spans = interrupted()
    plain = analyze(transcript, spans)
    report = analyze(transcript, spans, played=[CUT_IN])
    assert [p["start_s"] for p in plain["pauses"]] == [13.02]  # 2.5 s after the voice
    assert report["pauses"] == [] and report["longest_pause_s"] == 0.0


def test_pace_and_fillers_leave_out_the_interviewers_turn() -> None:
    transcript, spans = interrupted()
    report = analyze(transcript, spans, played=[CUT_IN])
    # 49 words over 24 s (1-25) less the turn from 9.95 s (the cut-out's lead) to 15.5 s.
    assert report["pace_span_s"] == pytest.approx(24 - 0.02 - 5.55, abs=0.01)
    assert report["wpm"] == pytest.approx(49 * 60 / 18.43, abs=0.2)
    fillers = Transcript(
        (*transcript.words, Word("um", 16.0, 16.3), Word("uh", 20.0, 20.3)), "test", "m", 26.0
    )
    plain = analyze(fillers, spans)
    left = analyze(fillers, spans, played=[CUT_IN])
    assert plain["fillers_per_min"] == pytest.approx(2 * 60 / 26.0, abs=0.01)
    assert left["fillers_per_min"] == pytest.approx(2 * 60 / (26.0 - 5.55), abs=0.01)


def test_a_distraction_sound_is_neither_voice_nor_silence() -> None:
    """A knock during a pause splits it; voice under a knock is no filled pause; words the
    candidate said through it are kept."""
    words = words_between(1.0, 6.0, 12) + words_between(9.0, 14.0, 12)
    # The knock (7.0-7.8 s) shows as voice with no word under it.
    spans = [(1.0, 6.0), (7.0, 7.8), (9.0, 14.0)]
    transcript = Transcript(tuple(words), "test", "m", 15.0)
    knock = PlayedSpan(7.0, 7.8, "distraction")
    plain = analyze(transcript, spans)
    report = analyze(transcript, spans, played=[knock])
    assert [f["start_s"] for f in plain["filled_pauses"]] == [7.0]
    assert report["filled_pauses"] == []
    assert [(p["start_s"], p["duration_s"]) for p in plain["pauses"]] == [(6.0, 1.0), (7.8, 1.2)]
    # Only the silence heard outside the knock (widened by its echo margins, 6.95-7.9 s) is a
    # pause: 6.0-6.95 s is too short to list, 7.9-9.0 s is listed.
    assert [(p["start_s"], p["duration_s"]) for p in report["pauses"]] == [(7.9, 1.1)]
    assert report["words"] == plain["words"] == 24


def test_subtract_and_turns() -> None:
    assert subtract([(0.0, 10.0)], [(2.0, 3.0), (5.0, 6.0)]) == [
        (0.0, 2.0),
        (3.0, 5.0),
        (6.0, 10.0),
    ]
    left = LeftOut.of([PlayedSpan(4.0, 5.0, "interviewer")])
    assert left.interviewer == [(3.95, 5.1)]
    voice = left.voice([(1.0, 4.2), (6.0, 8.0)])
    assert voice == [(1.0, 3.95), (6.0, 8.0)]
    assert left.turns(voice) == [(3.95, 6.0)]
