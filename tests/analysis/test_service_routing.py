"""Which transcripts get the English filler pass: PocketSphinx and English Vosk models only."""

from __future__ import annotations

from dataclasses import replace

import pytest

from simulator.analysis_service import analyze_recording, is_english
from simulator.core.transcript import Transcript, Word
from tests.analysis.evalset import SpokenAnswer


@pytest.mark.parametrize(
    ("engine", "model", "english"),
    [
        ("pocketsphinx", "en-us (built-in)", True),
        ("vosk", "vosk-model-small-en-us-0.15", True),
        ("vosk", "vosk-model-en-us-0.22-lgraph", True),
        ("vosk", "vosk-model-en-in-0.5", True),
        ("vosk", "vosk-model-small-ko-0.22", False),
        ("vosk", "vosk-model-small-de-0.15", False),
        ("vosk", "vosk-model-fr-0.22", False),
    ],
)
def test_the_filler_pass_is_for_english_models(engine: str, model: str, english: bool) -> None:
    assert is_english(Transcript((), engine, model, 1.0)) is english


def test_an_english_vosk_transcript_gets_the_pass_and_a_korean_one_does_not(
    eval_set: list[SpokenAnswer],
) -> None:
    answer = eval_set[0]  # "...plan the release. um I split the work..."
    words = tuple(
        Word(w, 1.2 + i * 0.3, 1.45 + i * 0.3, 0.9)
        for i, w in enumerate(["last", "year", "our", "team"])
    )
    transcript = Transcript(words, "vosk", "vosk-model-small-en-us-0.15", answer.duration_s)
    english = analyze_recording(answer.path, transcript, "STAR", (60, 120))
    korean = analyze_recording(
        answer.path, replace(transcript, model="vosk-model-small-ko-0.22"), "STAR", (60, 120)
    )
    assert english["filler_pass"]["ran"] is True
    assert korean["filler_pass"]["ran"] is False
