"""The words of the feedback view: metric names, values, target bands and verdicts in words.

Pure functions over the dicts of ``core.analysis`` (no Qt), so the window and its tests agree
on what each finding is called. A verdict is always said in words ("Too fast", "Within
target") and with a shape (▲ ▼ ✓); colour only repeats it. Anything read from wording
(structure, an early result) is said as what the answer *seems* to do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from simulator.core.analysis.structure import ordered_parts

NAMES = {
    "duration_s": "Answer length",
    "wpm": "Pace",
    "fillers_per_min": "Fillers",
    "time_to_first_word_s": "First word",
    "longest_pause_s": "Longest pause",
    "headline_in_30s": "Early result",
    "numbers": "Figures",
    "structure": "Structure",
}
# The order of importance for the short summary during the interview.
PRIORITY = (
    "duration_s",
    "wpm",
    "fillers_per_min",
    "longest_pause_s",
    "structure",
    "headline_in_30s",
    "time_to_first_word_s",
    "numbers",
)
SYMBOLS = {"below": "▼", "above": "▲", "within": "✓"}
_WORDS: dict[str, dict[str, str]] = {
    "duration_s": {"below": "Too short", "above": "Too long"},
    "wpm": {"below": "Too slow", "above": "Too fast"},
    "fillers_per_min": {"above": "Too many"},
    "time_to_first_word_s": {"above": "Slow start"},
    "longest_pause_s": {"above": "Long pauses"},
    "headline_in_30s": {"below": "Seems missing", "within": "Seems present"},
    "numbers": {"below": "None found"},
    "structure": {"below": "Seems incomplete", "within": "Seems complete"},
}
_DEFAULT_WORDS = {"below": "Below target", "within": "Within target", "above": "Above target"}


def _n(value: float) -> str:
    return f"{value:.0f}" if abs(value - round(value)) < 0.05 else f"{value:.1f}"


def clock(seconds: float) -> str:
    minutes, rest = divmod(round(max(0.0, seconds)), 60)
    return f"{minutes}:{rest:02d}"


def name(finding: Mapping[str, Any]) -> str:
    metric = str(finding.get("metric", ""))
    return NAMES.get(metric, metric.replace("_", " ").capitalize())


def verdict_words(finding: Mapping[str, Any], targets: Mapping[str, Any] | None = None) -> str:
    """The verdict in words: "Too fast", "Within target", "Seems incomplete"…"""
    metric, verdict = str(finding.get("metric")), str(finding.get("verdict"))
    if metric == "time_to_first_word_s" and finding.get("value") is None:
        return "No words"
    if metric == "wpm" and verdict != "within" and targets:
        # Inside the acceptable band the finding itself says "a little faster/slower".
        low, high = targets.get("pace_acceptable") or (None, None)
        value = round(float(finding.get("value") or 0.0))  # as value_text shows it
        if low is not None and high is not None and low <= value <= high:
            return "A bit fast" if verdict == "above" else "A bit slow"
    return _WORDS.get(metric, {}).get(verdict, _DEFAULT_WORDS.get(verdict, verdict.capitalize()))


def chip_text(finding: Mapping[str, Any], targets: Mapping[str, Any] | None = None) -> str:
    """The verdict with its shape, e.g. "▲ Too fast"."""
    symbol = SYMBOLS.get(str(finding.get("verdict")), "•")
    return f"{symbol} {verdict_words(finding, targets)}"


def value_text(finding: Mapping[str, Any]) -> str:
    metric, value = finding.get("metric"), finding.get("value")
    if value is None:
        return "none"
    if metric == "duration_s":
        return clock(float(value))
    if metric == "wpm":
        return f"{float(value):.0f} wpm"
    if metric == "fillers_per_min":
        return f"{float(value):.1f} a minute"
    if metric == "time_to_first_word_s":
        return f"{float(value):.1f} s"
    if metric == "longest_pause_s":
        return f"{float(value):.1f} s" if value else "none"
    if metric == "headline_in_30s":
        return "yes" if value else "no"
    if metric == "structure":
        target = finding.get("target") or [None, None]
        return f"{value} of {target[1]} parts" if target[1] is not None else f"{value} parts"
    return str(value)


def target_text(finding: Mapping[str, Any], targets: Mapping[str, Any] | None = None) -> str:
    """The target band in words, e.g. "130–160 wpm" or "fewer than 3 a minute"."""
    metric = finding.get("metric")
    low, high = [*(finding.get("target") or []), None, None][:2]
    if metric == "duration_s" and low is not None and high is not None:
        return f"{_n(low)}–{_n(high)} s"
    if metric == "wpm" and low is not None and high is not None:
        return f"{_n(low)}–{_n(high)} wpm"
    if metric == "fillers_per_min" and high is not None:
        return f"fewer than {_n(high)} a minute"
    if metric == "time_to_first_word_s" and high is not None:
        return f"within {_n(high)} s"
    if metric == "longest_pause_s" and high is not None:
        return f"none over {_n(high)} s"
    if metric == "headline_in_30s":
        window = (targets or {}).get("headline_window_s", 30)
        return f"in the first {_n(float(window))} s"
    if metric == "numbers" and low is not None:
        return f"at least {_n(low)}"
    if metric == "structure" and high is not None:
        return f"all {_n(high)} parts"
    if low is not None and high is not None:
        return f"{_n(low)}–{_n(high)}"
    if high is not None:
        return f"at most {_n(high)}"
    return f"at least {_n(low)}" if low is not None else ""


def key_findings(findings: list[Mapping[str, Any]], count: int = 4) -> list[Mapping[str, Any]]:
    """The ``count`` findings most worth a glance: off-target first, by importance."""

    def rank(finding: Mapping[str, Any]) -> tuple[int, int]:
        metric = str(finding.get("metric"))
        order = PRIORITY.index(metric) if metric in PRIORITY else len(PRIORITY)
        return (0 if finding.get("verdict") != "within" else 1, order)

    return sorted(findings, key=rank)[:count]


def structure_parts(
    structure: Mapping[str, Any] | None,
) -> tuple[str, list[tuple[str, float]], list[str]]:
    """(framework, parts that seem present with their start, parts that seem missing), each
    in the framework's order."""
    if not structure:
        return ("free", [], [])
    framework = str(structure.get("framework", "free"))
    present: list[tuple[str, float]] = []
    missing: list[str] = []
    for part, span in ordered_parts(structure):
        if span is None:
            missing.append(part.capitalize())
        else:
            present.append((part.capitalize(), float(span.get("start_s", 0.0))))
    return framework, present, missing


def _and(items: Iterable[str], joiner: str = "and") -> str:
    words = list(items)
    if not words:
        return ""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {joiner} {words[-1]}"


def _or(items: Iterable[str]) -> str:
    return _and(items, "or")


def structure_sentence(structure: Mapping[str, Any] | None) -> str:
    """One honest sentence on the framework's parts ("seems to", never "is")."""
    framework, present, missing = structure_parts(structure)
    if framework == "free" or not (present or missing):
        return "No answer framework was set for this question, so its structure was not read."
    found = _and(part for part, _ in present) or "none of its parts"
    sentence = f"Read as {framework}, the answer seems to have {found}"
    if missing:
        sentence += f"; no {_or(missing)} seems to be there"
    return sentence + "."


__all__ = [
    "NAMES",
    "chip_text",
    "clock",
    "key_findings",
    "name",
    "structure_parts",
    "structure_sentence",
    "target_text",
    "value_text",
    "verdict_words",
]
