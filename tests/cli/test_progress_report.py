"""``hotseat progress`` as a subprocess on a store built with known figures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from simulator import paths
from simulator.store import Store
from tests.support.known_figures import HISTORY, write_answers


def hotseat(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )


def known_store() -> list[int]:
    layout = paths.layout()
    layout.ensure()
    with Store(layout.db_path) as store:
        return write_answers(store, HISTORY)


def progress_json(*args: str) -> dict[str, Any]:
    result = hotseat("progress", "--json", *args)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def values(report: dict[str, Any], metric: str) -> list[float]:
    (series,) = [s for s in report["series"] if s["metric"] == metric]
    return [point["value"] for point in series["points"]]


def test_progress_prints_the_stored_figures_as_series() -> None:
    known_store()
    report = progress_json()
    # The analysis's own figures (the transcripts have two words: a recomputed pace would not
    # be these), oldest first, the skipped answer left out.
    assert values(report, "pace_wpm") == [182.0, 145.0, 170.0, 150.0, 160.0]
    assert values(report, "fillers_per_min") == [6.0, 1.0, 4.0, 2.0, 3.5]
    assert values(report, "length_s") == [150.0, 90.0, 130.0, 100.0, 110.0]
    assert values(report, "first_word_s") == [6.0, 1.0, 4.0, 2.0, 3.0]
    assert values(report, "self_score") == [1.5, 3.0]
    assert values(report, "recovery_s") == [2.4]
    (length,) = [s for s in report["series"] if s["metric"] == "length_s"]
    assert (length["points"][0]["low"], length["points"][0]["high"]) == (60.0, 120.0)
    assert [c["category"] for c in report["categories"]] == ["conflict", "leadership"]
    assert report["categories"][1]["recent"]["pace_wpm"] == 147.5
    assert report["weakest"] == ["conflict"]
    assert report["summary"] == "No practice in the last 7 days; last session on 2025-03-05."
    leadership = progress_json("--category", "leadership")
    assert values(leadership, "pace_wpm") == [145.0, 150.0]


def test_progress_in_text() -> None:
    known_store()
    result = hotseat("progress")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    (day,) = [line for line in lines if line.startswith("2025-03-05")]
    assert day.split() == ["2025-03-05", "1", "160", "3.5", "110", "3.0", "-", "2.4"]
    (conflict,) = [line for line in lines if line.startswith("conflict")]
    assert conflict.split()[:3] == ["conflict", "3", "171"]
    assert lines[-1] == "Weak spots: conflict"


def test_no_sessions_and_bad_targets() -> None:
    empty = hotseat("progress")
    assert empty.returncode == 0
    assert empty.stdout.startswith("No practice yet")
    assert progress_json()["series"][0]["points"] == []
    paths.targets_file().parent.mkdir(parents=True, exist_ok=True)
    paths.targets_file().write_text('{"pace_comfortable": "fast"}', encoding="utf-8")
    bad = hotseat("progress")
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1, bad.stderr
    assert "targets.json" in bad.stderr
