"""A drill session's recovery summary in one or two lines of plain words.

``pressure_session.session_summary`` computes it from each answer's ``pressure`` analysis and
the earlier pressure sessions' summaries (``records.pressure_history``); this words it, the
same for the end of ``hotseat practice --no-gui --drill`` and the window's end page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from simulator.core.analysis.pressure_findings import clock


def summary_lines(summary: Mapping[str, Any]) -> list[str]:
    """ "Under pressure: ..." and, when there are earlier sessions to compare with, how."""
    count = summary["interruptions"]
    if not count:
        return ["Under pressure: the interviewer did not cut in."]
    parts = [f"{count} cut-in{'s' if count != 1 else ''}"]
    median = summary["median_recovery_s"]
    if median is not None:
        parts.append(f"median recovery {median:.1f} s")
    slowest = summary["slowest"]
    if slowest is not None:
        parts.append(
            f"slowest {slowest['recovery_s']:.1f} s (answer {slowest['answer'] + 1} "
            f"at {clock(slowest['start_s'])})"
        )
    if summary["abandoned"]:
        parts.append(f"{summary['abandoned']} not taken up again")
    lines = ["Under pressure: " + ", ".join(parts) + "."]
    trend = [f for f in summary.get("findings", []) if f.get("metric") == "recovery_trend_s"]
    if trend:
        lines.append(str(trend[0]["message"]))
    elif median is not None:
        lines.append("Recovery: no earlier pressure session to compare with.")
    return lines


__all__ = ["summary_lines"]
