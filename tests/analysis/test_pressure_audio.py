"""Recovery measured from real recordings: flite voices, the interviewer heard through a
loudspeaker, and a known moment where the candidate's voice comes back (issue 11, item 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.analysis_service import analyze_question_answer
from simulator.core.played import PlayedSpan
from simulator.core.transcript import Transcript, Word
from tests.analysis.loopback import CUT_IN, FIRST, SECOND, CutInRecording, cut_in_recording


def transcript_of(recording: CutInRecording, with_interviewer: bool = True) -> Transcript:
    """Words spread over where each was said, as a recogniser would give them."""
    words: list[Word] = []
    parts = [(FIRST, recording.first), (SECOND, recording.second)]
    if with_interviewer:  # the recogniser heard the loudspeaker too
        parts.append((CUT_IN, recording.interviewer))
    for text, (start, end) in parts:
        said = text.split()
        step = (end - start) / len(said)
        words += [Word(w, start + i * step, start + (i + 1) * step) for i, w in enumerate(said)]
    return Transcript(tuple(sorted(words, key=lambda w: w.start)), "hand", "labels", 0.0)


def events_of(recording: CutInRecording) -> list[dict[str, object]]:
    start, end = recording.interviewer
    return [
        {"type": "interruption_started", "index": 0, "answer_id": 1, "kind": "probe",
         "text": CUT_IN, "answer_s": round(start, 3)},
        {"type": "interruption_ended", "index": 0, "answer_id": 1, "answer_s": round(end, 3)},
    ]  # fmt: skip


@pytest.mark.parametrize("recovery_s", [0.4, 1.3, 2.6, 4.5])
@pytest.mark.parametrize("heard", [True, False], ids=["loudspeaker", "headphones"])
def test_recovery_from_the_recording_within_a_tenth_of_a_second(
    tmp_path: Path, recovery_s: float, heard: bool
) -> None:
    recording = cut_in_recording(tmp_path, recovery_s, heard=heard)
    start, end = recording.interviewer
    report = analyze_question_answer(
        recording.path,
        transcript_of(recording, with_interviewer=heard),
        None,
        played=[PlayedSpan(start, end, "interviewer")],
        pressure_events=events_of(recording),
    )
    [cut] = report["pressure"]["interruptions"]
    assert cut["abandoned"] is False
    assert cut["resumed_s"] == pytest.approx(recording.resumed_s, abs=0.1)
    assert cut["recovery_s"] == pytest.approx(recovery_s, abs=0.1)
    # The interviewer's words are not the candidate's, and the handover is no pause.
    assert report["words"] == len(FIRST.split()) + len(SECOND.split())
    assert all(not (start - 0.2 <= p["start_s"] <= end + recovery_s) for p in report["pauses"])
    json.dumps(report)


def test_without_the_played_span_the_loudspeaker_is_taken_for_the_candidate(
    tmp_path: Path,
) -> None:
    """What the fix is for: read naively, the interviewer's voice is the answer going on."""
    recording = cut_in_recording(tmp_path, 2.6)
    report = analyze_question_answer(
        recording.path, transcript_of(recording), None, pressure_events=events_of(recording)
    )
    [cut] = report["pressure"]["interruptions"]
    assert cut["recovery_s"] is not None
    assert abs(cut["recovery_s"] - 2.6) > 0.5  # the echo's tail or the whole voice misread
    assert report["words"] > len(FIRST.split()) + len(SECOND.split())


def test_an_answer_abandoned_after_the_cut_in(tmp_path: Path) -> None:
    recording = cut_in_recording(tmp_path, 1.0)
    start, end = recording.interviewer
    # Only what came before the candidate went on: cut the file there.
    import wave

    short = tmp_path / "abandoned.wav"
    with wave.open(str(recording.path), "rb") as w:
        frames = w.readframes(round((end + 0.9) * 16000))
    with wave.open(str(short), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(frames)
    report = analyze_question_answer(
        short,
        transcript_of(recording),
        None,
        played=[PlayedSpan(start, end, "interviewer")],
        pressure_events=events_of(recording),
    )
    [cut] = report["pressure"]["interruptions"]
    assert cut["abandoned"] is True and cut["resumed_s"] is None


def test_the_analysis_worker_carries_the_played_spans_and_events(tmp_path: Path) -> None:
    """The app analyses in a helper process: the spans and events travel as keywords."""
    from simulator.analysis_worker import AnalysisWorker

    recording = cut_in_recording(tmp_path, 2.0)
    start, end = recording.interviewer
    worker = AnalysisWorker()
    try:
        report = worker.run(
            analyze_question_answer,
            recording.path,
            transcript_of(recording),
            None,
            played=[PlayedSpan(start, end, "interviewer")],
            pressure_events=events_of(recording),
        )
    finally:
        worker.close()
    [cut] = report["pressure"]["interruptions"]
    assert cut["recovery_s"] == pytest.approx(2.0, abs=0.1)
    assert report["left_out"]["interviewer_words"] == len(CUT_IN.split())


def test_the_filler_pass_does_not_look_for_fillers_in_hotseats_own_sound(tmp_path: Path) -> None:
    """Hotseat's voice with no candidate word under it looked like a hesitation to the filler
    pass (it put an "um" there); a distraction's words are kept, so such an "um" would count."""
    import dataclasses

    recording = cut_in_recording(tmp_path, 1.0)
    start, end = recording.interviewer
    transcript = dataclasses.replace(
        transcript_of(recording, with_interviewer=False), engine="pocketsphinx", model="en-us"
    )
    report = analyze_question_answer(
        recording.path, transcript, None, played=[PlayedSpan(start, end, "distraction")]
    )
    assert report["filler_pass"]["ran"] is True
    assert not [c for c in report["filler_pass"]["changes"] if start <= c["start_s"] <= end]
    assert report["fillers"] == [] and report["filled_pauses"] == []
