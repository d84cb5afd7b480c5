"""Long work shows its progress on stderr: redrawn on a terminal, a line a tenth in a log."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from simulator.analysis_service import analyze_recording
from simulator.commands.progress import StderrProgress, clock_time
from simulator.core.transcript import Transcript, Word
from simulator.speech.stt import transcribe_wav
from tests.support.long_audio import write_long_recording


class Stream(io.StringIO):
    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def test_clock_time() -> None:
    assert [clock_time(s) for s in (5, 750, 10800, 3661.9)] == [
        "0:05",
        "12:30",
        "3:00:00",
        "1:01:01",
    ]


def test_a_log_gets_a_line_each_tenth_and_only_for_long_recordings() -> None:
    log = Stream(terminal=False)
    progress = StderrProgress(log)
    for second in range(0, 10801, 30):
        progress("transcribing", second, 10800)
    progress.finish()
    lines = log.getvalue().splitlines()
    assert lines[0] == "transcribing: 0:00 of 3:00:00 (0%)"
    assert lines[1] == "transcribing: 18:00 of 3:00:00 (10%)"
    assert lines[-1] == "transcribing: 3:00:00 of 3:00:00 (100%)"
    assert len(lines) == 11
    short = Stream(terminal=False)
    for second in range(0, 121):
        StderrProgress(short)("transcribing", second, 120)
    assert short.getvalue() == ""


def test_a_terminal_line_is_redrawn_at_most_once_a_second_then_erased() -> None:
    terminal, clock = Stream(terminal=True), Clock()
    progress = StderrProgress(terminal, clock)
    for tenth in range(0, 50):  # five seconds of wall time, 100 calls
        clock.now = tenth / 10
        progress("analysing", tenth * 6, 600)
        progress("analysing", tenth * 6 + 3, 600)
    progress.finish()
    text = terminal.getvalue()
    assert text.count("\r") == 6  # at 0, 1, 2, 3 and 4 s, then the erase
    assert "\ranalysing: 1:00 of 10:00 (10%)\x1b[K" in text
    assert text.endswith("\r\x1b[K")


def test_transcribe_and_analyze_report_progress_to_the_end(tmp_path: Path) -> None:
    wav = write_long_recording(tmp_path / "two-minutes.wav", 2)
    heard: list[tuple[str, float, float]] = []

    class Counting:
        def accept(self, pcm: bytes) -> None:
            return None

        def finish(self) -> Transcript:
            return Transcript(duration_s=120.0)

    transcribe_wav(wav, lambda rate: Counting(), lambda d, t: heard.append(("transcribing", d, t)))
    words = (Word("so", 1.0, 1.3, 0.9),)
    analyze_recording(
        wav,
        Transcript(words=words, engine="pocketsphinx"),
        "free",
        (60, 120),
        progress=lambda *a: heard.append(a),
    )
    for stage in ("transcribing", "finding pauses", "checking fillers"):
        done = [d for s, d, t in heard if s == stage]
        assert done == sorted(done), stage
        assert all(t == pytest.approx(120.0) for s, _, t in heard if s == stage)
    assert [d for s, d, _ in heard if s == "transcribing"][-1] == pytest.approx(120.0)
    assert [d for s, d, _ in heard if s == "finding pauses"][-1] == pytest.approx(120.0)
    assert len([s for s, _, _ in heard if s == "checking fillers"]) >= 3  # a burst each 30 s
