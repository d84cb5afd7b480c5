"""What the recovery figures of one answer say, in plain sentences with their moments.

Each finding has the keys of the answer's other findings (``metric``, ``value``, ``target``,
``verdict``, ``message``) and ``answer_s``, the moment on the recording it is about, so a view
can play it from there. Recovery is judged against what people typically do (Altmann &
Trafton 2004): back within the 1.9 s of an ordinary step is "below", within the 3.8 s typical
after an interruption "within", slower "above".
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

BETWEEN_STEPS_S = 1.9  # resuming between ordinary steps of a task (Altmann & Trafton 2004)
AFTER_INTERRUPTION_S = 3.8  # resuming after an interruption (same study)
PACE_CHANGE_PCT = 15  # a change of pace worth a sentence
FILLER_CHANGE_PER_MIN = 2.0  # a rise in fillers worth a sentence
FACT = (
    "People typically need about 3.8 s to pick a task up again after an interruption, "
    "about twice the 1.9 s they pause between ordinary steps (Altmann & Trafton, 2004)."
)
_KINDS = {
    "follow_up": "follow-up",
    "probe": "cut-in",
    "time_squeeze": "time squeeze",
    "clarification": "answer to your question",
}


def clock(seconds: float) -> str:
    """A moment on the recording as the views show it: 1:05.3."""
    minutes, rest = divmod(max(0.0, seconds), 60)
    return f"{int(minutes)}:{rest:04.1f}"


def recovery_verdict(recovery_s: float) -> str:
    if recovery_s <= BETWEEN_STEPS_S:
        return "below"
    return "within" if recovery_s <= AFTER_INTERRUPTION_S else "above"


def _finding(metric: str, value: Any, verdict: str, message: str, at: float) -> dict[str, Any]:
    target = [BETWEEN_STEPS_S, AFTER_INTERRUPTION_S] if metric == "recovery_s" else [None, None]
    return {
        "metric": metric,
        "value": value,
        "target": target,
        "verdict": verdict,
        "message": message,
        "answer_s": round(at, 2),
    }


def _recovery_message(cut: dict[str, Any]) -> str:
    what = _KINDS.get(cut["kind"], "cut-in")
    said = f' ("{cut["text"]}")' if cut.get("text") else ""
    head = f"The interviewer's {what} at {clock(cut['start_s'])}{said}"
    if cut["abandoned"]:
        return f"{head}: the answer did not go on after it."
    if cut["recovery_s"] is None:
        return f"{head}: you had not spoken again before the next one."
    recovery = cut["recovery_s"]
    if recovery <= BETWEEN_STEPS_S:
        how = "as quickly as people move between ordinary steps"
    elif recovery <= AFTER_INTERRUPTION_S:
        how = "within what is typical after an interruption"
    else:
        how = f"slower than the typical {AFTER_INTERRUPTION_S} s after an interruption"
    return f"{head}: you were talking again {recovery:.1f} s after it ended, {how}."


def _changes(
    item: dict[str, Any], what: str, baseline: dict[str, Any]
) -> list[tuple[str, Any, str, str]]:
    """(metric, value, verdict, message) of each notable change in the 15 s after ``what``."""
    base = "the calm parts of this answer" if baseline["of"] == "calm" else "this answer overall"
    said: list[tuple[str, Any, str, str]] = []
    change = item.get("pace_change_pct")
    if change is not None and abs(change) >= PACE_CHANGE_PCT:
        side = "faster" if change > 0 else "slower"
        message = (
            f"In the 15 s after {what} your pace was {abs(change)}% {side} than in {base} "
            f"({item['after_wpm']:.0f} against {baseline['wpm']:.0f} words a minute)."
        )
        said.append(("pace_change_pct", change, "above" if change > 0 else "below", message))
    more = item.get("fillers_per_min_change")
    if more is not None and more >= FILLER_CHANGE_PER_MIN:
        message = (
            f"In the 15 s after {what} you used {item['after_fillers_per_min']:.1f} fillers a "
            f"minute, against {baseline['fillers_per_min']:.1f} in {base}."
        )
        said.append(("fillers_per_min_change", more, "above", message))
    return said


def answer_findings(
    interruptions: Sequence[dict[str, Any]],
    distractions: Sequence[dict[str, Any]],
    baseline: dict[str, Any],
) -> list[dict[str, Any]]:
    """One finding per interruption (``recovery_s``), one per notable change of pace or
    fillers after it or after a distraction, or one saying the distractions changed nothing."""
    found: list[dict[str, Any]] = []
    for k, cut in enumerate(interruptions):
        recovery = cut["recovery_s"]
        verdict = "above" if cut["abandoned"] else recovery_verdict(recovery or 0.0)
        message = _recovery_message(cut) + (f" {FACT}" if k == 0 else "")
        found.append(_finding("recovery_s", recovery, verdict, message, cut["start_s"]))
        what = f"the {_KINDS.get(cut['kind'], 'cut-in')} at {clock(cut['start_s'])}"
        for metric, value, side, message in _changes(cut, what, baseline):
            found.append(_finding(metric, value, side, message, cut["start_s"]))
    steady = True
    for item in distractions:
        name = str(item["name"]).replace("_", " ")
        what = f"the {name} at {clock(item['start_s'])}"
        for metric, value, side, message in _changes(item, what, baseline):
            steady = False
            found.append(_finding(metric, value, side, message, item["start_s"]))
    if distractions and steady:
        message = "Your pace and fillers held steady through the distractions."
        found.append(_finding("distractions", len(distractions), "within", message,
                              distractions[0]["start_s"]))  # fmt: skip
    return found


def answer_summary(
    interruptions: Sequence[dict[str, Any]], baseline: dict[str, Any]
) -> dict[str, Any]:
    """Counts, the median and the slowest recovery of one answer, and its baseline."""
    times = [c["recovery_s"] for c in interruptions if c["recovery_s"] is not None]
    slowest = max(
        (c for c in interruptions if c["recovery_s"] is not None),
        key=lambda c: c["recovery_s"],
        default=None,
    )
    return {
        "interruptions": len(interruptions),
        "resumed": len(times),
        "abandoned": sum(bool(c["abandoned"]) for c in interruptions),
        "median_recovery_s": round(statistics.median(times), 2) if times else None,
        "slowest": None
        if slowest is None
        else {"start_s": slowest["start_s"], "recovery_s": slowest["recovery_s"]},
        "baseline": baseline,
    }


__all__ = [
    "AFTER_INTERRUPTION_S",
    "BETWEEN_STEPS_S",
    "FACT",
    "answer_findings",
    "answer_summary",
    "clock",
    "recovery_verdict",
]
