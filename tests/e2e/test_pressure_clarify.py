"""Clarify first, end to end: a question asked aloud gets the matching clarification (issue 11).

The question is asked vaguely (its first sentence); the scripted candidate asks "Which page is
slow?" into the virtual microphone and pauses; the interviewer answers with the clarification
that matches and the candidate goes on after it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile

from tests.e2e.pressure_session import SLOW, run_pressure, sentences
from tests.support.scripted_candidate import ScriptedCandidate
from tests.support.virtual_mic import VirtualMic

pytestmark = pytest.mark.e2e


def test_a_spoken_question_gets_the_matching_clarification(
    app_env: dict[str, str], session_mic: VirtualMic, hotseat_home: Path, tmp_path: Path
) -> None:
    asked, *answer = sentences(
        tmp_path,
        [
            "which page is slow",
            "then i would profile the search query first and add an index to the table",
        ],
    )
    pause = tmp_path / "pause.wav"  # the candidate waits for the reply (cut short when it comes)
    soundfile.write(str(pause), np.zeros(16000 * 5, dtype=np.int16), 16000)
    candidate = ScriptedCandidate(session_mic, [asked, pause, *answer], resume_after_s=0.5)
    options = ["--drill", "clarify-first", "--seed", "3", "--end-silence", "4"]
    run = run_pressure(app_env, hotseat_home, candidate, SLOW, *options, "--answer-seconds", "60")
    assert run.returncode == 0, run.stderr
    assert run.of("question_started")[0]["text"] == "Our web app is slow."  # asked vaguely
    clarifications = run.of("clarification")
    assert len(clarifications) == 1, [(c["asked"], c["answer"]) for c in clarifications]
    (clarification,) = clarifications
    assert clarification["asked"].lower().startswith("which page")  # as the recogniser heard it
    assert clarification["answer"] == (
        "Mostly the search page. People say it takes several seconds to show results."
    )
    (said,) = run.of("interruption_started")
    assert said["kind"] == "clarification" and said["answer_s"] == clarification["answer_s"]
    (ended,) = run.of("interruption_ended")
    assert ended["answer_s"] > said["answer_s"] + 3.0  # the reply was played whole
    assert run.session is not None
    transcript = run.session["answers"][0]["transcript"]
    assert {"profile", "search"} <= set(transcript.split())  # went on after the reply
