"""One answer, one pace: the same recording through every path that shows a pace.

A fast speaker starts 10 s into the answer. The recording goes through a live session (the
real runner, the real PocketSphinx recogniser process and analysis process, a microphone that
plays the file), which the terminal printer of ``practice --no-gui`` and its JSON lines report;
then ``sessions show`` reads the saved answer, ``analyze FILE`` analyses the saved recording
anew, and the window's feedback views show the analysis. Every one must say the same pace, and
that pace must be the speaker's (over the words' span), not the answer window's.
"""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from simulator.audio.wav import MonoReader
from simulator.cli import main
from simulator.commands.practice import _Printer
from simulator.core import events as ev
from simulator.core.packs import Question
from simulator.core.plan import AnswerRules
from simulator.services import build_services
from simulator.session import SessionRunner
from simulator.session.ports import SessionOptions
from simulator.settings import Settings
from simulator.store import DataLayout, Store
from simulator.store.records import read_session
from tests.support.speech_samples import flite_wav

pytestmark = pytest.mark.slow

LATE_S = 10.0
STORY = (
    "last year our team had to ship a billing change in three weeks. my task was to plan the "
    "migration. i split the work into small steps and we tested every step on a copy. as a "
    "result we shipped two days early and cut the errors by half."
)
PACE = re.compile(r"Pace (\d+) words a minute")
BLOCK = 3200  # 0.1 s of 16 kHz mono int16, as a live microphone delivers it


class FileMicrophone:
    """A microphone that plays a recording, then silence (which ends the answer)."""

    def __init__(self, wav: Path) -> None:
        with MonoReader(wav, 16000) as audio:
            self.pcm = b"".join(audio.blocks())

    def open(self) -> FileStream:
        return FileStream(self.pcm)


class FileStream:
    sample_rate = 16000
    device_name = "a file"

    def __init__(self, pcm: bytes) -> None:
        self.pcm = pcm
        self.offset = 0

    def read(self, timeout: float) -> bytes | None:
        block = self.pcm[self.offset : self.offset + BLOCK]
        self.offset += BLOCK
        return block.ljust(BLOCK, b"\x00")

    def close(self) -> None:
        pass


def late_fast_answer(folder: Path) -> Path:
    speech = flite_wav(STORY, folder / "speech.wav")
    fast = folder / "late.wav"
    # 1.25x faster than flite's own pace, 10 s of silence first, 16 kHz as a microphone gives.
    # -R: the same dither noise each run (sox seeds it from the clock otherwise), so the test
    # hears one recording, which has a speck of noise early on (found by the voice detector).
    subprocess.run(
        ["sox", "-R", str(speech), "-r", "16000", str(fast), "tempo", "-s", "1.25",
         "pad", str(LATE_S), "0.5"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return fast


def run_session(home: Path, wav: Path) -> tuple[int, list[dict[str, Any]]]:
    """A live session on ``wav``; the terminal printer's lines go to stdout."""
    services = build_services(Settings(engine="pocketsphinx"), DataLayout(home))
    live = dataclasses.replace(services.sessions.session_services(), microphone=FileMicrophone(wav))
    question = Question(
        id="deadline", text="Tell me about a deadline.", category="behavioral",
        answer_seconds=(60, 120), framework="STAR",
    )  # fmt: skip
    options = SessionOptions(
        pack_id="test",
        questions=[question],
        rules=AnswerRules(end_silence_s=1.5, time_limit_s=60.0),
        speak_questions=False,
    )
    printer = _Printer(quiet=False)
    lines: list[dict[str, Any]] = []

    def on_event(event: ev.SessionEvent) -> None:
        printer.event(event)
        lines.append(json.loads(json.dumps(ev.to_json(event))))  # as --events jsonl has them

    try:
        session_id = SessionRunner(options, live, on_event).run()
    finally:
        services.close()
    return session_id, lines


def test_one_recording_shows_one_pace_everywhere(
    qtbot: Any, tmp_path: Path, hotseat_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from simulator.ui.widgets.feedback import FeedbackView
    from simulator.ui.widgets.feedback_summary import LastAnswerSummary

    session_id, events = run_session(hotseat_home, late_fast_answer(tmp_path))
    terminal = capsys.readouterr().out
    analysed = [e for e in events if e["type"] == "answer_analyzed"]
    assert len(analysed) == 1, terminal
    live = analysed[0]["analysis"]
    shown = f"{live['wpm']:.0f}"

    # The session's terminal printer and its JSON line.
    assert PACE.findall(terminal) == [shown], terminal
    # The speaker's own pace: the 10 s before the first word are a slow start, not slow speech.
    assert live["time_to_first_word_s"] >= LATE_S - 0.5
    pace = next(f for f in live["findings"] if f["metric"] == "wpm")
    assert pace["verdict"] != "below" and live["wpm"] > 160, pace["message"]

    # sessions show, from the store.
    assert main(["sessions", "show", str(session_id)]) == 0
    assert PACE.findall(capsys.readouterr().out) == [shown]

    # analyze FILE on the saved recording: transcribed again, analysed again.
    with Store(DataLayout(hotseat_home).db_path) as store:
        session = read_session(store, session_id)
    assert session is not None
    saved = session.answers[0]
    wav = DataLayout(hotseat_home).absolute(saved.audio_path)
    assert main(["analyze", str(wav), "--engine", "pocketsphinx", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["transcript"] == saved.transcript
    assert report["wpm"] == live["wpm"]
    assert main(["analyze", str(wav), "--engine", "pocketsphinx"]) == 0
    text = capsys.readouterr().out
    assert re.findall(r"(\d+) words a minute \(", text) == [shown]
    assert PACE.findall(text) == [shown]

    # The window: the end page's feedback view of the saved answer, and the interview page's
    # "last answer" card from the live event.
    assert saved.analysis is not None
    view = FeedbackView(saved.analysis.data, [w.to_json() for w in saved.words])
    qtbot.addWidget(view)
    _name, value, _target, _chip, message = view.metric_rows["wpm"]
    assert value.text() == f"{shown} wpm"
    assert PACE.findall(message.text()) == [shown]
    card = LastAnswerSummary()
    qtbot.addWidget(card)
    card.show_analysis(1, live)
    paces = [line for line in card.lines if "Pace" in line]
    assert len(paces) == 1 and paces[0].endswith(f"Pace {shown} wpm")
