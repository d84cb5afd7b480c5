"""Words recognised while Hotseat played a sound are not the candidate's."""

from __future__ import annotations

from simulator.core.candidate_words import without_played
from simulator.core.played import PlayedSpan
from simulator.core.transcript import Transcript, Word


def _transcript(*words: tuple[str, float, float]) -> Transcript:
    return Transcript(words=tuple(Word(t, s, e) for t, s, e in words), engine="x", model="m")


def test_words_inside_a_played_span_are_removed_and_the_rest_kept() -> None:
    transcript = _transcript(
        ("we", 0.5, 0.8),
        ("built", 0.9, 1.3),
        ("give", 2.05, 2.3),  # the interviewer: "give me the headline"
        ("me", 2.3, 2.4),
        ("headline", 2.6, 3.1),
        ("then", 4.0, 4.3),
    )
    spans = [PlayedSpan(2.0, 3.2, "interviewer")]
    kept = without_played(transcript, spans)
    assert kept.text == "we built then"
    assert (kept.engine, kept.model) == ("x", "m")


def test_a_word_just_past_the_span_within_the_margin_goes_one_beyond_stays() -> None:
    transcript = _transcript(("echo", 3.1, 3.4), ("mine", 3.6, 3.9))
    kept = without_played(transcript, [PlayedSpan(2.0, 3.2, "distraction")])
    assert kept.text == "mine"


def test_no_spans_keeps_the_transcript_as_it_is() -> None:
    transcript = _transcript(("hello", 0.0, 0.4))
    assert without_played(transcript, []) is transcript
