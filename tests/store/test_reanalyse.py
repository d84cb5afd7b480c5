"""Re-analysing a saved answer (records.reanalyse): what the window and ``analyze`` share."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from store_helpers import new_answer, new_session

from simulator import paths
from simulator.core.analysis import ANALYSIS_VERSION
from simulator.core.records import SavedAnswer
from simulator.records.reanalyse import ReanalysisError, find_question, reanalyse
from simulator.store import Store
from simulator.store.records import read_answer
from tests.support.speech_samples import flite_wav


def saved_answer(
    transcript: str | None, audio: Path | None, question_id: str = "q1"
) -> SavedAnswer:
    layout = paths.layout()
    layout.ensure()
    with Store(layout.db_path) as store:
        session = new_session(store)
        answer = new_answer(store, session, question_id=question_id)
        if audio is not None:
            target = layout.absolute(f"sessions/{session}/1-{question_id}.wav")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(audio, target)
        if transcript is not None:
            store.finish_answer(
                answer, transcript=transcript, words=[], engine="e", model="m", duration_s=3.0
            )
        saved = read_answer(store, answer)
    assert saved is not None
    return saved


def test_an_answer_without_transcript_or_recording_says_why(tmp_path: Path) -> None:
    unfinished = saved_answer(None, None)
    with pytest.raises(ReanalysisError, match="has no transcript yet"):
        reanalyse(paths.layout(), unfinished, "behavioral-core", None)
    missing = saved_answer("we cut costs", None)
    with pytest.raises(ReanalysisError, match="recording of answer 2 is missing"):
        reanalyse(paths.layout(), missing, "behavioral-core", None)


def test_a_saved_answer_is_analysed_again_from_its_recording(tmp_path: Path) -> None:
    wav = flite_wav("We cut the costs by twenty percent.", tmp_path / "a.wav")
    answer = saved_answer("we cut the costs by twenty percent", wav)
    report = reanalyse(paths.layout(), answer, "behavioral-core", None)
    assert report["version"] == ANALYSIS_VERSION and report["duration_s"] > 1.0


def test_a_question_is_found_in_its_pack_or_in_the_only_pack_that_has_it() -> None:
    layout = paths.layout()
    known = find_question(layout, "behavioral-core", "disagreed-with-teammate")
    assert known is not None and known.id == "disagreed-with-teammate"
    assert find_question(layout, "mix", "disagreed-with-teammate") == known
    assert find_question(layout, "behavioral-core", "no-such-question") is None
