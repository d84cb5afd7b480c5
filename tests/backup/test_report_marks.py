"""The report's transcript marks each filler, hedge, pause and structure part where it was."""

from __future__ import annotations

import re

from simulator.core.analysis import analyze
from simulator.core.transcript import Transcript, Word
from simulator.reports.content import FILLER, HEDGE, PAUSE, marked_transcript, measures

TEXT = "um I think the situation was bad my task was to fix it so I built a tracker"


def test_marks_sit_on_their_words_and_the_pause_between_the_right_words() -> None:
    words = [
        Word(w, 1.0 + 0.4 * i + (2.0 if i >= 9 else 0.0), 1.3 + 0.4 * i + (2.0 if i >= 9 else 0.0))
        for i, w in enumerate(TEXT.split())
    ]
    end = words[-1].end + 0.5
    data = analyze(
        Transcript(tuple(words), "test", "test", end),
        [(1.0, words[8].end), (words[9].start, end)],
        framework="STAR",
    )
    html = marked_transcript(words, data)
    assert f"<span style='{FILLER}'>um</span>" in html
    assert f"<span style='{HEDGE}'>I</span> <span style='{HEDGE}'>think</span>" in html
    assert html.count(PAUSE) == 1
    plain = " ".join(re.sub("<[^>]+>", " ", html).replace("&nbsp;", " ").split())
    assert "[task] my task ‖ 2.1 s was [action] to fix it" in plain  # the 2.1 s gap after "task"
    assert plain.startswith("[situation] um I think the situation")


def test_measures_read_an_answer_without_analysis_as_dashes() -> None:
    from simulator.core.records import SavedAnswer

    answer = SavedAnswer(1, 1, 1, "q", "Q?", "sessions/1/1-q.wav", 16000, "t", 12.0, "hi")
    labels = dict(measures(answer))
    assert labels["Length"] == "0:12" and labels["Pace"] == "- words a minute"
