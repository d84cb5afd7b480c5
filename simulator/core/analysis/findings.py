"""Findings: each measure against its target, as a verdict and a sentence that stands alone.

A finding never relies on colour or layout: the sentence says the value, the target and which
side of it the answer fell on, so it reads the same in a terminal, a screen reader or the UI.
"""

from __future__ import annotations

from typing import Any

from simulator.core.analysis.targets import Targets


def _n(value: float) -> str:
    return f"{value:.0f}" if abs(value - round(value)) < 0.05 or value >= 20 else f"{value:.1f}"


def _clock(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


def _shown(value: float) -> float:
    """The value as the sentence shows it. Verdicts are taken on this, so that "3.0 fillers a
    minute" is never called fewer than 3 nor "Pace 160" faster than 130-160."""
    return float(_n(value))


def _verdict(value: float, low: float | None, high: float | None) -> str:
    if low is not None and value < low:
        return "below"
    if high is not None and value > high:
        return "above"
    return "within"


def finding(
    metric: str, value: Any, target: tuple[float | None, float | None], verdict: str, message: str
) -> dict[str, Any]:
    return {
        "metric": metric,
        "value": value,
        "target": list(target),
        "verdict": verdict,
        "message": message,
    }


# Below this length one word the recogniser adds or drops moves the pace by 2% or more: on the
# evaluation set 20 s clips were off by up to 9%, answers of 68-92 s by at most 3.3%.
ROUGH_PACE_BELOW_S = 30.0


def pace_finding(wpm: float, targets: Targets, span_s: float) -> dict[str, Any]:
    """The pace against its band; ``span_s`` is the stretch it was measured over (first word
    to last), and the finding's value is ``wpm`` itself: every view shows this one figure."""
    low, high = targets.pace_comfortable
    wide_low, wide_high = targets.pace_acceptable
    band = f"{_n(low)}–{_n(high)} comfortable range"
    shown = _shown(wpm)  # "a little" is judged on the figure shown, as the verdict is
    verdict = _verdict(shown, low, high)
    if verdict == "within":
        text = f"Pace {_n(wpm)} words a minute: within the {band}."
    elif verdict == "above":
        how = "a little faster" if shown <= wide_high else "faster"
        text = f"Pace {_n(wpm)} words a minute: {how} than the {band}."
    else:
        how = "a little slower" if shown >= wide_low else "slower"
        text = f"Pace {_n(wpm)} words a minute: {how} than the {band}."
    if span_s < ROUGH_PACE_BELOW_S:
        text += " A rough figure on an answer this short."
    return finding("wpm", wpm, (low, high), verdict, text)


def filler_finding(per_min: float, count: int, targets: Targets) -> dict[str, Any]:
    limit = targets.fillers_per_min_max
    verdict = "above" if round(per_min, 1) >= limit else "within"
    side = "more than" if verdict == "above" else "within"
    target = f"the target of fewer than {_n(limit)}"
    return finding(
        "fillers_per_min",
        round(per_min, 2),
        (None, limit),
        verdict,
        f"{per_min:.1f} fillers a minute ({count} in all): {side} {target}.",
    )


def length_finding(duration: float, band: tuple[float, float]) -> dict[str, Any]:
    low, high = band
    verdict = _verdict(round(duration), low, high)  # shown as m:ss
    words = {"below": "shorter than", "above": "longer than", "within": "within"}[verdict]
    return finding(
        "duration_s",
        round(duration, 1),
        (low, high),
        verdict,
        f"Answer length {_clock(duration)}: {words} the {_n(low)}–{_n(high)} s this question "
        "calls for.",
    )


def first_word_finding(seconds: float | None, targets: Targets) -> dict[str, Any]:
    limit = targets.first_word_max_s
    if seconds is None:
        return finding(
            "time_to_first_word_s", None, (None, limit), "above", "No words were recognised."
        )
    verdict = "above" if round(seconds, 1) > limit else "within"
    side = "later than" if verdict == "above" else "within"
    return finding(
        "time_to_first_word_s",
        seconds,
        (None, limit),
        verdict,
        f"First word after {seconds:.1f} s: {side} the {_n(limit)} s target.",
    )


def is_long_pause(seconds: float, limit: float) -> bool:
    """Over the limit as shown to a tenth of a second: a "2.5 s" pause is not over 2.5 s."""
    return round(seconds, 1) > limit


def pause_finding(pauses: list[tuple[float, float]], targets: Targets) -> dict[str, Any]:
    limit = targets.long_pause_s
    long_ones = [(s, d) for s, d in pauses if is_long_pause(d, limit)]
    longest = max((d for _, d in pauses), default=0.0)
    if not long_ones:
        text = f"No pause longer than {_n(limit)} s."
        if longest:
            text = f"Longest pause {longest:.1f} s: within the {_n(limit)} s limit."
        return finding("longest_pause_s", longest, (None, limit), "within", text)
    start, length = max(long_ones, key=lambda p: p[1])
    count = len(long_ones)
    noun = "pause" if count == 1 else "pauses"
    return finding(
        "longest_pause_s",
        longest,
        (None, limit),
        "above",
        f"{count} {noun} longer than {_n(limit)} s; the longest, {length:.1f} s, "
        f"at {_clock(start)}.",
    )


def headline_finding(found: bool, targets: Targets) -> dict[str, Any]:
    window = _n(targets.headline_window_s)
    if found:
        text = f"A result or impact seems to be stated in the first {window} s."
    else:
        text = f"No result or impact seems to be stated in the first {window} s."
    return finding("headline_in_30s", found, (1, None), "within" if found else "below", text)


def structure_finding(framework: str, parts: dict[str, Any]) -> dict[str, Any]:
    names = list(parts)
    present = [p for p in names if parts[p] is not None]
    missing = [p for p in names if parts[p] is None]
    title = ", ".join(p.capitalize() for p in present) or "none of its parts"
    text = f"The answer seems to cover {title} of {framework}"
    text += f"; no {', '.join(p.capitalize() for p in missing)} was found." if missing else "."
    verdict = "within" if not missing else "below"
    return finding("structure", len(present), (len(names), len(names)), verdict, text)


def numbers_finding(count: int) -> dict[str, Any]:
    if count:
        noun = "figure" if count == 1 else "figures"
        text = f"{count} concrete {noun} (numbers, percentages, money, durations) mentioned."
        return finding("numbers", count, (1, None), "within", text)
    text = "No concrete figures (numbers, percentages, money, durations) mentioned."
    return finding("numbers", 0, (1, None), "below", text)


__all__ = [
    "filler_finding",
    "finding",
    "first_word_finding",
    "headline_finding",
    "is_long_pause",
    "length_finding",
    "numbers_finding",
    "pace_finding",
    "pause_finding",
    "structure_finding",
]
