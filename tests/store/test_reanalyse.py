"""Re-analysing a saved answer (records.reanalyse): what the window and ``analyze`` share."""

from __future__ import annotations

import shutil
import subprocess
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
    transcript: str | None, audio: Path | None, question_id: str = "q1", duration_s: float = 3.0
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
                answer,
                transcript=transcript,
                words=[],
                engine="e",
                model="m",
                duration_s=duration_s,
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


def test_a_drill_answer_is_analysed_again_as_it_was_live(tmp_path: Path) -> None:
    """Its logged cut-in is left out of the metrics and its recovery measured again."""
    from simulator.core.records import SavedEvent

    first = flite_wav("We had to ship the billing change in three weeks.", tmp_path / "a.wav")
    second = flite_wav("So I split the work into small steps.", tmp_path / "b.wav")
    padded, joined = tmp_path / "padded.wav", tmp_path / "joined.wav"
    # Speech, then silence where the interviewer cut in and the candidate paused, then speech.
    subprocess.run(["sox", "-D", str(first), str(padded), "pad", "0", "3"], check=True)
    subprocess.run(["sox", "-D", str(padded), str(second), str(joined)], check=True)
    length = float(
        subprocess.run(["soxi", "-D", str(joined)], capture_output=True, text=True).stdout
    )
    answer = saved_answer("we had to ship the billing change so i split the work", joined,
                          duration_s=length)  # fmt: skip
    spoken = float(
        subprocess.run(
            ["soxi", "-D", str(first)], capture_output=True, text=True, check=True
        ).stdout
    )
    cut_at = round(spoken + 0.5, 2)  # in the silence; the candidate goes on at spoken + 3 s
    events = (
        SavedEvent(1, answer.id, 9.0, "interruption_started",
                   {"index": 0, "answer_id": answer.id, "kind": "probe",
                    "text": "Can you be more concrete?", "answer_s": cut_at}),
        SavedEvent(2, answer.id, 11.0, "interruption_ended",
                   {"index": 0, "answer_id": answer.id, "answer_s": cut_at + 0.5}),
        SavedEvent(3, answer.id + 1, 12.0, "interruption_started",
                   {"index": 1, "answer_id": answer.id + 1, "kind": "probe", "text": "x",
                    "answer_s": 1.0}),
    )  # fmt: skip
    plain = reanalyse(paths.layout(), answer, "behavioral-core", None)
    assert "pressure" not in plain
    again = reanalyse(paths.layout(), answer, "behavioral-core", None, None, events)
    [cut] = again["pressure"]["interruptions"]  # only this answer's events count
    assert (cut["start_s"], cut["end_s"], cut["kind"]) == (cut_at, cut_at + 0.5, "probe")
    assert cut["resumed_s"] == pytest.approx(spoken + 3.0, abs=0.2)
    assert cut["recovery_s"] == pytest.approx(spoken + 3.0 - (cut_at + 0.5), abs=0.2)
