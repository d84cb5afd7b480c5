"""The analysis report: timing from voice activity, targets, findings, keys and purity."""

from __future__ import annotations

import subprocess
import sys

import pytest

from simulator.core.analysis import ANALYSIS_VERSION, Targets, TargetsError, analyze, findings
from simulator.core.transcript import Transcript, Word


def words_between(start: float, end: float, count: int, text: str = "word") -> list[Word]:
    step = (end - start) / count
    return [Word(text, start + i * step, start + (i + 1) * step - 0.02) for i in range(count)]


def answer() -> tuple[Transcript, list[tuple[float, float]]]:
    """2 s of silence, 20 s of speech, a 3 s pause, 10 s of speech, 1 s of silence."""
    words = words_between(2.0, 22.0, 50) + words_between(25.0, 35.0, 25)
    spans = [(2.0, 10.0), (10.2, 22.0), (25.0, 35.0)]
    return Transcript(tuple(words), "test", "m", 36.0), spans


REQUIRED_KEYS = {
    "duration_s", "speaking_s", "words", "wpm", "articulation_wpm", "time_to_first_word_s",
    "pauses", "longest_pause_s", "fillers", "fillers_per_min", "filled_pauses", "hedges",
    "i_we", "numbers", "structure", "headline_in_30s", "targets", "version", "findings",
}  # fmt: skip


def test_timing_comes_from_voice_activity() -> None:
    transcript, spans = answer()
    report = analyze(transcript, spans)
    assert set(report) >= REQUIRED_KEYS
    assert report["version"] == ANALYSIS_VERSION
    assert report["duration_s"] == 36.0
    assert report["speaking_s"] == pytest.approx(29.8)
    assert report["words"] == 75
    # Pace over the words' span, 2.0 s to 34.98 s: the silence around them is not pace.
    assert report["wpm"] == pytest.approx(75 * 60 / 32.98, abs=0.05)
    assert report["pace_span_s"] == pytest.approx(32.98)
    assert report["articulation_wpm"] == pytest.approx(75 * 60 / 29.8, rel=1e-3)
    assert report["time_to_first_word_s"] == 2.0
    # The 0.2 s gap inside speech is no pause; leading and trailing silence are not pauses.
    assert report["pauses"] == [{"start_s": 22.0, "duration_s": 3.0, "long": True}]
    assert report["longest_pause_s"] == 3.0
    assert report["silence_share"] == pytest.approx(1 - 29.8 / 36.0, abs=1e-3)


def test_answer_window_start_shifts_the_clock() -> None:
    transcript, spans = answer()
    report = analyze(transcript, spans, answer_window_start_s=1.0)
    assert report["duration_s"] == 35.0
    assert report["time_to_first_word_s"] == 1.0


def test_voice_with_no_word_under_it_is_a_likely_filled_pause() -> None:
    words = (Word("we", 1.0, 1.3), Word("shipped", 1.35, 1.8), Word("it", 2.6, 2.8))
    report = analyze(Transcript(words, "t", "m", 4.0), [(1.0, 2.8)])
    assert report["filled_pauses"] == [{"start_s": 1.88, "duration_s": 0.64}]
    assert report["fillers_per_min"] == pytest.approx(15.0)


def test_findings_use_the_targets_and_plain_sentences() -> None:
    transcript, spans = answer()
    report = analyze(transcript, spans, band=(60, 90))
    by_metric = {f["metric"]: f for f in report["findings"]}
    pace = by_metric["wpm"]
    assert pace["verdict"] == "within" and pace["target"] == [130.0, 160.0]
    assert pace["message"] == "Pace 136 words a minute: within the 130–160 comfortable range."
    assert by_metric["duration_s"]["verdict"] == "below"
    assert "shorter than the 60–90 s" in by_metric["duration_s"]["message"]
    assert by_metric["longest_pause_s"]["verdict"] == "above"
    assert "3.0 s, at 0:22" in by_metric["longest_pause_s"]["message"]
    assert by_metric["time_to_first_word_s"]["verdict"] == "within"
    assert all(f["verdict"] in ("below", "within", "above") for f in report["findings"])

    relaxed = Targets(pace_comfortable=(140, 160), long_pause_s=4.0, answer_seconds=(20, 40))
    report = analyze(transcript, spans, band=(60, 90), targets=relaxed)
    by_metric = {f["metric"]: f for f in report["findings"]}
    assert by_metric["wpm"]["verdict"] == "below"
    assert by_metric["wpm"]["message"] == (
        "Pace 136 words a minute: a little slower than the 140–160 comfortable range."
    )
    assert by_metric["longest_pause_s"]["verdict"] == "within"
    assert by_metric["duration_s"]["verdict"] == "within"
    assert report["targets"]["pace_comfortable"] == [140, 160]


def test_fast_pace_sentence_matches_the_issue_example() -> None:
    words = words_between(0.0, 60.0, 182)
    report = analyze(Transcript(tuple(words), "t", "m", 60.0), [(0.0, 60.0)])
    pace = next(f for f in report["findings"] if f["metric"] == "wpm")
    assert pace["message"] == "Pace 182 words a minute: faster than the 130–160 comfortable range."


def test_a_fast_speaker_who_starts_late_is_not_told_too_slow() -> None:
    # A minute's window: 10 s of thought, then 110 words in 40 s, then 10 s of silence.
    words = words_between(10.0, 50.0, 110)
    report = analyze(Transcript(tuple(words), "t", "m", 60.0), [(10.0, 50.0)])
    pace = next(f for f in report["findings"] if f["metric"] == "wpm")
    assert report["wpm"] == pytest.approx(110 * 60 / 39.98, abs=0.05)
    assert pace["value"] == report["wpm"]  # the finding shows the report's one figure
    assert pace["verdict"] == "above"
    assert pace["message"].startswith("Pace 165 words a minute: a little faster than")
    # The late start is its own finding, not a slow pace.
    first = next(f for f in report["findings"] if f["metric"] == "time_to_first_word_s")
    assert first["verdict"] == "above" and first["value"] == 10.0


def test_sounds_before_the_first_word_do_not_stretch_the_pace() -> None:
    words = (Word("um", 1.0, 1.4), *words_between(5.0, 35.0, 75))
    report = analyze(Transcript(tuple(words), "t", "m", 40.0), [(1.0, 1.4), (5.0, 35.0)])
    assert report["words"] == 75
    assert report["pace_span_s"] == pytest.approx(29.98)


def test_pace_of_a_short_answer_is_called_rough() -> None:
    words = words_between(0.0, 20.0, 50)
    report = analyze(Transcript(tuple(words), "t", "m", 20.0), [(0.0, 20.0)])
    pace = next(f for f in report["findings"] if f["metric"] == "wpm")
    assert pace["message"] == (
        "Pace 150 words a minute: within the 130–160 comfortable range. "
        "A rough figure on an answer this short."
    )


def test_verdicts_agree_with_the_numbers_shown() -> None:
    targets = Targets()
    near_limit = findings.filler_finding(2.96, 2, targets)
    assert near_limit["message"].startswith("3.0 fillers a minute")
    assert near_limit["verdict"] == "above"
    assert findings.filler_finding(2.94, 2, targets)["verdict"] == "within"
    assert findings.pace_finding(160.4, targets, 60.0)["verdict"] == "within"
    assert findings.pace_finding(160.6, targets, 60.0)["verdict"] == "above"
    # Shown as 120, inside the acceptable 120-175: only "a little" slower.
    assert (
        "Pace 120 words a minute: a little slower"
        in findings.pace_finding(119.7, targets, 60.0)["message"]
    )
    assert findings.first_word_finding(3.04, targets)["verdict"] == "within"
    assert findings.pause_finding([(5.0, 2.54)], targets)["verdict"] == "within"
    assert findings.pause_finding([(5.0, 2.56)], targets)["verdict"] == "above"
    assert findings.length_finding(59.6, (60, 120))["verdict"] == "within"  # shown as 1:00


def test_headline_rule_looks_at_the_first_30_seconds() -> None:
    early = words_between(1.0, 5.0, 4)
    result = [Word("we", 40.0, 40.2), Word("cut", 40.3, 40.5), Word("costs", 40.6, 41.0)]
    late = Transcript((*early, *result), "t", "m", 45.0)
    assert analyze(late, [(1.0, 41.0)])["headline_in_30s"] is False
    moved = [Word(w.text, w.start - 30, w.end - 30) for w in result]
    soon = Transcript((*early, *moved), "t", "m", 45.0)
    assert analyze(soon, [(1.0, 11.0)])["headline_in_30s"] is True


def test_an_empty_answer_is_reported_without_dividing_by_zero() -> None:
    report = analyze(Transcript((), "t", "m", 5.0), [])
    assert report["words"] == 0 and report["wpm"] == 0.0
    assert report["time_to_first_word_s"] is None
    assert {f["metric"] for f in report["findings"]} == {"duration_s", "time_to_first_word_s"}


def test_targets_round_trip_and_refuse_bad_values() -> None:
    targets = Targets.from_json({"fillers_per_min_max": 2, "pace_comfortable": [120, 150]})
    assert targets.fillers_per_min_max == 2.0
    assert Targets.from_json(targets.to_json()) == targets
    with pytest.raises(TargetsError, match="unknown target 'pace'"):
        Targets.from_json({"pace": 1})
    with pytest.raises(TargetsError, match="increasing"):
        Targets(pace_comfortable=(160, 130))
    with pytest.raises(ValueError, match="unknown framework"):
        analyze(Transcript(), [], framework="XYZ")


def test_core_analysis_imports_only_the_standard_library() -> None:
    blocked = ["numpy", "webrtcvad", "pocketsphinx", "vosk", "sounddevice", "sqlite3",
               "sqlite_utils", "PySide6", "platformdirs"]  # fmt: skip
    code = (
        "import sys\n"
        f"for name in {blocked!r}: sys.modules[name] = None\n"
        "for name in ['simulator.audio', 'simulator.speech', 'simulator.store', "
        "'simulator.ui', 'simulator.session']: sys.modules[name] = None\n"
        "import simulator.core.analysis, simulator.core.analysis.report\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
