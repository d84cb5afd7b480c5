"""``hotseat analyze --all`` brings answers analysed by older rules up to date, in a real store.

The store is a real SQLite file holding what an older Hotseat wrote: analyses of version 5
(pace over the whole answer window), one already current, one never analysed and one whose
recording is gone.
"""

from __future__ import annotations

import json
import wave
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.core.analysis import ANALYSIS_VERSION
from simulator.store import Store
from simulator.store.files import DataLayout
from simulator.store.records import read_answer
from tests.analysis.test_cli import HEADLINE, save_answer

OLD_VERSION = 5
# What version 5 stored for HEADLINE (9 words in a 5 s answer): 9 words / 5 s = 108 wpm.
OLD_PACE = {
    "metric": "wpm",
    "value": 108.0,
    "target": [130.0, 160.0],
    "verdict": "below",
    "message": "Pace 108 words a minute: slower than the 130–160 comfortable range.",
}


def quiet_wav(path: Path, seconds: float = 5.0) -> Path:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(16000)
        wav.writeframes(b"\x00\x00" * int(16000 * seconds))
    return path


def store_analysis(home: Path, answer_id: int, analysis: dict[str, object], version: int) -> None:
    with Store(DataLayout(home).db_path) as store:
        store.set_analysis(answer_id, analysis, version)


def test_analyze_all_redoes_only_answers_of_older_versions_with_progress(
    tmp_path: Path, hotseat_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wav = quiet_wav(tmp_path / "answer.wav")
    old = [save_answer(hotseat_home, wav) for _ in range(52)]
    for answer_id in old:
        store_analysis(
            hotseat_home,
            answer_id,
            {"version": OLD_VERSION, "wpm": 108.0, "findings": [OLD_PACE]},
            OLD_VERSION,
        )
    current = save_answer(hotseat_home, wav)
    mark = {"version": ANALYSIS_VERSION, "wpm": 1.0, "findings": [], "left": "alone"}
    store_analysis(hotseat_home, current, mark, ANALYSIS_VERSION)
    never = save_answer(hotseat_home, wav)
    gone = save_answer(hotseat_home, wav)
    with Store(DataLayout(hotseat_home).db_path) as store:
        saved = read_answer(store, gone)
    assert saved is not None
    DataLayout(hotseat_home).absolute(saved.audio_path).unlink()

    code = main(["analyze", "--all", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    result = json.loads(out)
    assert result["version"] == ANALYSIS_VERSION
    assert sorted(result["analysed"]) == sorted([*old, never])
    assert [item["answer_id"] for item in result["skipped"]] == [gone]
    assert "is missing" in result["skipped"][0]["reason"]
    # 54 answers to redo: a progress line at each tenth on stderr (not a terminal here).
    lines = [line for line in err.splitlines() if line.startswith("re-analysing answers:")]
    assert lines[0] == "re-analysing answers: 0 of 54 (0%)"
    assert lines[-1] == "re-analysing answers: 54 of 54 (100%)"
    assert 5 <= len(lines) <= 12

    with Store(DataLayout(hotseat_home).db_path) as store:
        redone = read_answer(store, old[0])
        kept = read_answer(store, current)
        rows = store.get_answer(old[0])
    assert rows is not None and rows["analysis_version"] == ANALYSIS_VERSION
    assert redone is not None and redone.analysis is not None and redone.analysis.is_current
    # The pace is now over the words' span: 9 words from 1.2 s to 4.7 s.
    assert redone.analysis.data["wpm"] == pytest.approx(9 * 60 / 3.5, abs=0.05)
    pace = next(f for f in redone.analysis.findings if f.metric == "wpm")
    assert pace.message.startswith("Pace 154 words a minute")
    assert kept is not None and kept.analysis is not None
    assert kept.analysis.data == mark  # current: not touched

    code = main(["analyze", "--all", "--json"])
    out, err = capsys.readouterr()
    assert code == 0 and json.loads(out)["analysed"] == []
    assert "re-analysing" not in err  # nothing to do, nothing to report


def test_a_few_answers_are_redone_without_a_progress_line(
    tmp_path: Path, hotseat_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wav = quiet_wav(tmp_path / "answer.wav")
    answer_id = save_answer(hotseat_home, wav)
    store_analysis(hotseat_home, answer_id, {"version": OLD_VERSION}, OLD_VERSION)
    code = main(["analyze", "--all"])
    out, err = capsys.readouterr()
    assert code == 0 and out.startswith(f"Analysed 1 answers (rules version {ANALYSIS_VERSION})")
    assert err == ""
    assert len(HEADLINE.split()) == 9
