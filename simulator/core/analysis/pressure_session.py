"""A pressure session's recovery in one summary: the median, the slowest, against earlier ones.

Pure: given the ``pressure`` part of each answer's analysis (``pressure.analyze_pressure``)
and the summaries of the user's earlier pressure sessions (this function's own output, as
stored or recomputed by the caller), it says how quickly the answers went on after the
interviewer cut in, which cut-in took longest, and whether that is quicker or slower than
before.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from typing import Any

from simulator.core.analysis.pressure_findings import (
    AFTER_INTERRUPTION_S,
    BETWEEN_STEPS_S,
    clock,
    recovery_verdict,
)

SAME_S = 0.3  # a median this close to the earlier one is "about the same"


def session_summary(
    answers: Sequence[Mapping[str, Any] | None],
    earlier: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """The recovery of one session's answers (``answers[i]``: the ``pressure`` dict of answer
    ``i``, or None for an answer without one) and how it compares with ``earlier`` sessions'
    summaries (oldest first; those without a median are skipped).

    ``slowest`` names the answer by its position in ``answers`` and the cut-in by its moment
    (``start_s`` on that answer's recording clock), so a view can open it.
    """
    recovered: list[tuple[float, int, Mapping[str, Any]]] = []
    count = abandoned = 0
    for index, pressure in enumerate(answers):
        for cut in (pressure or {}).get("interruptions", []):
            count += 1
            abandoned += bool(cut.get("abandoned"))
            if cut.get("recovery_s") is not None:
                recovered.append((float(cut["recovery_s"]), index, cut))
    median = round(statistics.median(r for r, _, _ in recovered), 2) if recovered else None
    slowest = max(recovered, key=lambda r: r[0], default=None)
    before = [
        float(s["median_recovery_s"]) for s in earlier if s.get("median_recovery_s") is not None
    ]
    summary: dict[str, Any] = {
        "interruptions": count,
        "resumed": len(recovered),
        "abandoned": abandoned,
        "median_recovery_s": median,
        "slowest": None
        if slowest is None
        else {
            "answer": slowest[1],
            "start_s": slowest[2]["start_s"],
            "recovery_s": slowest[0],
            "kind": slowest[2].get("kind", ""),
        },
        "earlier": None,
    }
    if before and median is not None:
        earlier_median = round(statistics.median(before), 2)
        summary["earlier"] = {
            "sessions": len(before),
            "median_recovery_s": earlier_median,
            "last_median_recovery_s": before[-1],
            "change_s": round(median - earlier_median, 2),
        }
    summary["findings"] = _findings(summary)
    return summary


def _findings(summary: Mapping[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    median = summary["median_recovery_s"]
    if median is not None:
        message = (
            f"Median recovery {median:.1f} s over {summary['resumed']} cut-in"
            f"{'s' if summary['resumed'] != 1 else ''}: people typically need about "
            f"{AFTER_INTERRUPTION_S} s after an interruption, against {BETWEEN_STEPS_S} s "
            "between ordinary steps (Altmann & Trafton, 2004)."
        )
        found.append(_finding("median_recovery_s", median, recovery_verdict(median), message))
    slowest = summary["slowest"]
    if slowest is not None and summary["resumed"] > 1:
        message = (
            f"Slowest recovery: {slowest['recovery_s']:.1f} s, answer {slowest['answer'] + 1} "
            f"at {clock(slowest['start_s'])}."
        )
        verdict = recovery_verdict(slowest["recovery_s"])
        finding = _finding("slowest_recovery_s", slowest["recovery_s"], verdict, message)
        finding.update(answer=slowest["answer"], answer_s=slowest["start_s"])
        found.append(finding)
    if summary["abandoned"]:
        n = summary["abandoned"]
        message = f"{n} answer{'s' if n != 1 else ''} did not go on after a cut-in."
        found.append(_finding("abandoned", n, "above", message))
    earlier = summary["earlier"]
    if earlier is not None:
        change = earlier["change_s"]
        n = earlier["sessions"]
        than = (
            f"your earlier pressure session ({earlier['median_recovery_s']:.1f} s)"
            if n == 1
            else f"the median of your {n} earlier pressure sessions "
            f"({earlier['median_recovery_s']:.1f} s)"
        )
        if abs(change) < SAME_S:
            how, verdict = f"about the same as {than}", "within"
        elif change < 0:
            how, verdict = f"{-change:.1f} s quicker than {than}", "below"
        else:
            how, verdict = f"{change:.1f} s slower than {than}", "above"
        found.append(_finding("recovery_trend_s", change, verdict, f"Recovery: {how}."))
    return found


def _finding(metric: str, value: Any, verdict: str, message: str) -> dict[str, Any]:
    return {"metric": metric, "value": value, "verdict": verdict, "message": message}


__all__ = ["session_summary"]
