"""The exported report lists structure parts in the order the analysis defines them.

One table (``core.analysis.structure.FRAMEWORK_PARTS``) says which parts a framework has and
in what order: the analysis segments by it, the window lists by it, and so does the report.
"""

from __future__ import annotations

import pytest

from simulator.core.analysis import structure
from simulator.reports.content import structure_summary


def _data(framework: str, parts: dict[str, object]) -> dict[str, object]:
    # Stored JSON has sorted keys: the parts come back alphabetically.
    return {"structure": {"framework": framework, "parts": dict(sorted(parts.items()))}}


def test_parts_follow_the_framework_not_the_stored_order() -> None:
    found = {"situation": {"first_word": 0}, "action": {"first_word": 9}, "task": None}
    assert structure_summary(_data("STAR", found)) == (
        "STAR: situation, action; missing task, result"
    )


def test_a_framework_the_analysis_learns_is_reported_in_its_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    soar = ("situation", "obstacle", "action", "result")
    monkeypatch.setitem(structure.FRAMEWORK_PARTS, "SOAR", soar)
    found = {"situation": {"first_word": 0}, "obstacle": {"first_word": 5}, "result": None}
    assert structure_summary(_data("SOAR", found)) == (
        "SOAR: situation, obstacle; missing action, result"
    )


def test_an_unknown_framework_keeps_the_stored_parts() -> None:
    found = {"b": {"first_word": 0}, "a": None}
    assert structure_summary(_data("free", found)) == "free: b; missing a"
