"""The end of ``hotseat practice --no-gui --drill``: the session's recovery summary."""

from __future__ import annotations

from typing import Any

import pytest

from simulator.commands.practice import _Printer
from simulator.core import events as ev


def _pressure(*cuts: tuple[float, float | None]) -> dict[str, Any]:
    return {
        "interruptions": [
            {"kind": "probe", "start_s": at, "recovery_s": r, "abandoned": r is None}
            for at, r in cuts
        ],
        "distractions": [],
    }


def _analysed(printer: _Printer, index: int, pressure: dict[str, Any] | None) -> None:
    analysis: dict[str, Any] = {"findings": []}
    if pressure is not None:
        analysis["pressure"] = pressure
    printer.event(ev.AnswerAnalyzed(index=index, answer_id=index + 1, analysis=analysis))


def test_a_drill_session_ends_with_its_recovery_against_the_earlier_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    asked: list[int] = []
    printer = _Printer(quiet=False)
    printer.earlier = lambda session_id: (
        asked.append(session_id)
        or [
            {"median_recovery_s": 3.0},
            {"median_recovery_s": 4.0},
        ]
    )
    _analysed(printer, 1, _pressure((74.0, 2.5), (90.0, None)))  # out of order, as they come
    _analysed(printer, 0, _pressure((12.0, 1.0)))
    _analysed(printer, 2, None)
    capsys.readouterr()
    printer.event(ev.SessionSaved(session_id=7, status="complete", answers=3))
    assert asked == [7]
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "Under pressure: 3 cut-ins, median recovery 1.8 s, slowest 2.5 s (answer 2 at 1:14.0),"
        " 1 not taken up again.",
        "Recovery: 1.8 s quicker than the median of your 2 earlier pressure sessions (3.5 s).",
    ]


def test_the_first_drill_session_says_there_is_nothing_to_compare_with(
    capsys: pytest.CaptureFixture[str],
) -> None:
    printer = _Printer(quiet=False)
    printer.earlier = lambda _session_id: []
    _analysed(printer, 0, _pressure((12.0, 1.25)))
    printer.event(ev.SessionSaved(session_id=1, status="complete", answers=1))
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "Under pressure: 1 cut-in, median recovery 1.2 s, slowest 1.2 s (answer 1 at 0:12.0).",
        "Recovery: no earlier pressure session to compare with.",
    ]


def test_a_session_without_a_drill_prints_no_summary(capsys: pytest.CaptureFixture[str]) -> None:
    printer = _Printer(quiet=False)  # no ``earlier``: not a drill session
    _analysed(printer, 0, None)
    printer.event(ev.SessionSaved(session_id=1, status="complete", answers=1))
    assert "pressure" not in capsys.readouterr().out


def test_an_unreadable_store_still_gives_the_session_s_own_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from simulator.core.errors import StoreError

    def unreadable(_session_id: int) -> list[dict[str, Any]]:
        raise StoreError("the database is locked")

    printer = _Printer(quiet=False)
    printer.earlier = unreadable
    _analysed(printer, 0, _pressure((12.0, 1.25)))
    printer.event(ev.SessionSaved(session_id=1, status="complete", answers=1))
    assert capsys.readouterr().out.splitlines()[-3:] == [
        "Warning: earlier pressure sessions could not be read: the database is locked",
        "Under pressure: 1 cut-in, median recovery 1.2 s, slowest 1.2 s (answer 1 at 0:12.0).",
        "Recovery: no earlier pressure session to compare with.",
    ]
