"""Recovery under pressure: how an answer went on after each cut-in and each distraction.

For each interruption: when the interviewer stopped (``end_s``), when the candidate's voice
came back (``resumed_s``, the first stretch of their voice after it, from the recording's
voice activity with Hotseat's own sound cut out, never from recognised words), the recovery
time between the two, and whether the answer went on at all (``abandoned``: no voice before
the answer ended). Then pace and fillers in the 15 s after the voice came back, against the
answer's own baseline: its calm parts, away from every cut-in and distraction (the whole
answer when the calm parts are too short to measure). Distractions get the same comparison
over the 15 s from their start. Session figures: ``session.py``.

Research behind the wording: people take about twice as long to get back into a task after
an interruption as between two ordinary steps of it, about 3.8 s against 1.9 s (Altmann &
Trafton 2004).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from simulator.core.analysis.left_out import Span, merged, subtract
from simulator.core.analysis.pressure_findings import answer_findings, answer_summary
from simulator.core.played import PlayedSpan

WINDOW_S = 15.0  # how long after a cut-in or a distraction its effect is measured
MIN_RESUME_S = 0.15  # shorter voice (a click, a breath) is not the answer going on
AT_EDGE_S = 0.02  # voice starting where the cut-out ends was there all along
MIN_BASELINE_S = 10.0  # calm time needed for the answer's own baseline
MIN_PACE_WORDS = 3
MIN_PACE_SPAN_S = 3.0
MIN_FILLER_WINDOW_S = 5.0
COMPARISON_KEYS = (
    "after_start_s", "after_end_s", "after_wpm", "after_fillers_per_min", "pace_change_pct",
    "fillers_per_min_change",
)  # fmt: skip


@dataclass(frozen=True)
class Heard:
    """What the analysis heard of the candidate in one answer, on its recording clock."""

    voice: list[Span]  # the candidate's voice, Hotseat's own sound cut out
    words: list[Span]  # each word the candidate said (sounds such as "um" not counted)
    fillers: list[float]  # where each filler word and filled pause starts
    holes: list[Span]  # where Hotseat was making sound (widened, see left_out)
    unknown: list[Span]  # time that is neither their speech nor their silence (left_out)
    start_s: float  # the answer window's start
    end_s: float  # the end of the recording


def _rates(heard: Heard, pieces: Sequence[Span]) -> tuple[float | None, float | None, float]:
    """(words a minute, fillers a minute, seconds measured) over ``pieces`` of the answer.

    Pace is read per piece from its first word to its last, as the answer's own pace is;
    time that is not the candidate's counts for neither.
    """
    pieces = subtract(pieces, heard.unknown)
    seconds = sum(b - a for a, b in pieces)
    words = 0
    span = 0.0
    for a, b in pieces:
        inside = [w for w in heard.words if a <= (w[0] + w[1]) / 2 < b]
        words += len(inside)
        if inside:
            span += max(w[1] for w in inside) - min(w[0] for w in inside)
    fillers = sum(any(a <= f < b for a, b in pieces) for f in heard.fillers)
    wpm = words * 60.0 / span if words >= MIN_PACE_WORDS and span >= MIN_PACE_SPAN_S else None
    per_min = fillers * 60.0 / seconds if seconds >= MIN_FILLER_WINDOW_S else None
    return (
        None if wpm is None else round(wpm, 1),
        None if per_min is None else round(per_min, 2),
        seconds,
    )


def _compare(heard: Heard, window: Span, baseline: dict[str, Any]) -> dict[str, Any]:
    wpm, per_min, _ = _rates(heard, [window])
    base_wpm, base_fillers = baseline["wpm"], baseline["fillers_per_min"]
    return {
        "after_start_s": round(window[0], 2),
        "after_end_s": round(window[1], 2),
        "after_wpm": wpm,
        "after_fillers_per_min": per_min,
        "pace_change_pct": (
            round((wpm - base_wpm) * 100.0 / base_wpm) if wpm is not None and base_wpm else None
        ),
        "fillers_per_min_change": (
            round(per_min - base_fillers, 2)
            if per_min is not None and base_fillers is not None
            else None
        ),
    }


@dataclass
class _Cut:
    start_s: float
    end_s: float | None
    kind: str
    text: str


def _pairs(events: Sequence[Mapping[str, Any]], played: Sequence[PlayedSpan]) -> list[_Cut]:
    """Each interruption's start, end, kind and text, from its started and ended events."""
    found: list[_Cut] = []
    open_: list[_Cut] = []
    for event in events:
        if event.get("type") == "interruption_started":
            cut = _Cut(float(event["answer_s"]), None, str(event.get("kind", "")),
                       str(event.get("text", "")))  # fmt: skip
            found.append(cut)
            open_.append(cut)
        elif event.get("type") == "interruption_ended" and open_:
            open_.pop(0).end_s = float(event["answer_s"])
    for cut in open_:  # no end logged (the answer stopped during it): the voice's own end
        at = cut.start_s
        voices = [p.end_s for p in played if p.end_s > at and p.start_s <= at + 0.5]
        cut.end_s = voices[0] if voices else at
    return sorted(found, key=lambda c: c.start_s)


def _resumed(heard: Heard, end_s: float, before_s: float) -> float | None:
    """When the candidate's voice came back after ``end_s`` (before ``before_s``), if it did."""
    for a, b in heard.voice:
        if b - a < MIN_RESUME_S or b <= end_s or a >= before_s:
            continue
        # Voice right where a cut-out ends was already going on under it: no gap to time.
        at_edge = any(abs(a - hb) <= AT_EDGE_S and ha <= end_s for ha, hb in heard.holes)
        return end_s if at_edge or a <= end_s else a
    return None


def _baseline(heard: Heard, busy: Sequence[Span]) -> dict[str, Any]:
    talk = (heard.voice[0][0], heard.voice[-1][1]) if heard.voice else (heard.start_s, heard.end_s)
    calm = subtract([talk], busy)
    wpm, per_min, seconds = _rates(heard, calm)
    if seconds >= MIN_BASELINE_S and wpm is not None:
        return {"of": "calm", "seconds": round(seconds, 1), "wpm": wpm, "fillers_per_min": per_min}
    wpm, per_min, seconds = _rates(heard, [talk])
    return {"of": "whole", "seconds": round(seconds, 1), "wpm": wpm, "fillers_per_min": per_min}


def analyze_pressure(
    events: Sequence[Mapping[str, Any]], heard: Heard, played: Sequence[PlayedSpan] = ()
) -> dict[str, Any]:
    """The ``pressure`` part of an answer's analysis from its pressure events (JSON dicts, see
    ``core.events``) and what was heard; times are seconds on the answer's recording clock."""
    cuts = _pairs(events, played)
    distractions = [e for e in events if e.get("type") == "distraction"]
    interruptions: list[dict[str, Any]] = []
    busy: list[Span] = []
    for k, cut in enumerate(cuts):
        start, end = cut.start_s, max(cut.start_s, cut.end_s or cut.start_s)
        following = cuts[k + 1].start_s if k + 1 < len(cuts) else heard.end_s
        resumed = _resumed(heard, end, following)
        went_on = any(b > end and b - a >= MIN_RESUME_S for a, b in heard.voice)
        interruptions.append(
            {
                "start_s": round(start, 2),
                "end_s": round(end, 2),
                "resumed_s": None if resumed is None else round(resumed, 2),
                "recovery_s": None if resumed is None else round(resumed - end, 2),
                "kind": cut.kind,
                "text": cut.text,
                "abandoned": not went_on,
            }
        )
        busy.append((start, (resumed if resumed is not None else end) + WINDOW_S))
    for event in distractions:
        busy.append((float(event["answer_s"]), float(event["answer_s"]) + WINDOW_S))
    baseline = _baseline(heard, merged(busy))
    for k, item in enumerate(interruptions):
        if item["resumed_s"] is None:
            item.update(dict.fromkeys(COMPARISON_KEYS))
            continue
        stop = min(item["resumed_s"] + WINDOW_S, heard.end_s)
        if k + 1 < len(cuts):
            stop = min(stop, cuts[k + 1].start_s)
        item.update(_compare(heard, (item["resumed_s"], stop), baseline))
    shown: list[dict[str, Any]] = []
    for event in distractions:
        start = float(event["answer_s"])
        item = {
            "start_s": round(start, 2),
            "end_s": round(start + float(event.get("duration_s") or 0.0), 2),
            "kind": str(event.get("kind", "")),
            "name": str(event.get("name", "")),
            "level_db": event.get("level_db"),
        }
        item.update(_compare(heard, (start, min(start + WINDOW_S, heard.end_s)), baseline))
        shown.append(item)
    summary = answer_summary(interruptions, baseline)
    return {
        "interruptions": interruptions,
        "distractions": shown,
        "summary": summary,
        "findings": answer_findings(interruptions, shown, baseline),
    }


__all__ = ["COMPARISON_KEYS", "WINDOW_S", "Heard", "analyze_pressure"]
