"""Fillers, hedges, figures and structure read from transcripts labelled by hand."""

from __future__ import annotations

import pytest

from simulator.core.analysis import analyze
from simulator.core.analysis.fillers import find_fillers
from simulator.core.analysis.numbers import find_figures
from simulator.core.analysis.structure import FRAMEWORK_PARTS, segment
from simulator.core.analysis.tokens import tokenize
from tests.analysis.evalset import (
    even_transcript,
    filler_labels,
    overlap_ratio,
    precision_recall,
    structure_labels,
    timed,
)


def fillers_of(text: str) -> list[str]:
    transcript, _ = timed(text)
    return [m.text for m in find_fillers(tokenize(transcript.words))]


def test_labelled_fillers_are_found_with_precision_and_recall_of_at_least_0_9() -> None:
    found = relevant = hits = 0
    for text in filler_labels():
        transcript, labels = timed(text)
        got = {(m.text, m.index) for m in find_fillers(tokenize(transcript.words))}
        found, relevant = found + len(got), relevant + len(labels)
        hits += len(got & set(labels))
    precision, recall = precision_recall(found, relevant, hits)
    assert relevant >= 30
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i would like to explain", []),
        ("it was like three weeks", ["like"]),
        ("what kind of bug was it", []),
        ("it was kind of slow", ["kind of"]),
        ("do you know how it works", []),
        ("we wanted to move fast, you know, and ship", ["you know"]),
        ("that was the right call", []),
        ("we shipped it on friday, right.", ["right"]),
        ("so we decided to wait", ["so"]),  # opening the answer
        ("we decided so we waited", []),
        ("um the uh plan", ["um", "uh"]),
    ],
)
def test_discourse_words_count_only_where_they_act_as_fillers(
    text: str, expected: list[str]
) -> None:
    assert fillers_of(text) == expected


def test_structure_parts_match_the_hand_labels_with_f1_of_at_least_0_8() -> None:
    found = relevant = hits = 0
    for item in structure_labels():
        framework = item["framework"]
        tokens = tokenize(even_transcript(item["text"]).words)
        got = segment(tokens, framework)
        for part in FRAMEWORK_PARTS[framework]:
            truth, guess = item["parts"][part], got[part]
            found += guess is not None
            relevant += truth is not None
            hits += bool(truth and guess and overlap_ratio(truth, guess) >= 0.5)
    precision, recall = precision_recall(found, relevant, hits)
    f1 = 2 * precision * recall / (precision + recall)
    assert len(structure_labels()) >= 12
    assert f1 >= 0.8, (precision, recall)


def test_structure_reports_missing_parts_and_says_seems() -> None:
    transcript = even_transcript(
        "back in my first job deployments took an afternoon so i wrote a script that tested "
        "everything as a result deployments went down to fifteen minutes"
    )
    report = analyze(transcript, [(0.5, transcript.duration_s)], framework="STAR")
    parts = report["structure"]["parts"]
    assert parts["task"] is None
    assert all(parts[p] is not None for p in ("situation", "action", "result"))
    assert parts["situation"]["start_s"] < parts["action"]["start_s"] < parts["result"]["start_s"]
    message = next(f for f in report["findings"] if f["metric"] == "structure")["message"]
    assert "seems" in message and "no Task" in message


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("we cut costs by twenty percent", ["20%"]),
        ("it took three weeks", ["3 weeks"]),
        ("we saved two million dollars", ["$2,000,000"]),
        ("about two hundred and fifty users", ["250 users"]),
        ("latency fell by forty five percent in a month", ["45%"]),
        ("one of my teammates", []),
        ("one week later", ["1 week"]),
        ("a hundred tickets", ["100 tickets"]),
        ("two point five times faster", ["2.5 times"]),
        ("revenue grew 30% to $4m", ["30%", "$4,000,000"]),
    ],
)
def test_figures_written_as_words_or_digits_are_found(text: str, written: list[str]) -> None:
    tokens = tokenize(even_transcript(text).words)
    assert [f.written for f in find_figures(tokens)] == written


def test_hedges_i_we_and_repetition() -> None:
    transcript = even_transcript(
        "i think we we just maybe fixed it i guess and our team probably sort of agreed "
        "the release the release was late the release"
    )
    report = analyze(transcript, [(0.5, transcript.duration_s)])
    hedges = [h["text"] for h in report["hedges"]]
    assert hedges == ["i think", "just", "maybe", "i guess", "probably", "sort of"]
    assert report["i_we"]["i_count"] == 2 and report["i_we"]["we_count"] == 3
    assert report["i_we"]["we"] == pytest.approx(0.6)
    assert [r["text"] for r in report["repetitions"]] == ["we", "the release"]
    assert {"text": "the release", "count": 3} in report["repeated_phrases"]
    assert report["top_words"][0] == {"text": "release", "count": 3}
