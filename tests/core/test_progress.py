"""Progress series, category standings, weak spots and the home page's line, from known figures."""

from __future__ import annotations

import datetime as dt

from simulator.core.analysis.targets import Targets
from simulator.core.progress import (
    AnswerFigures,
    category_standings,
    progress_series,
    recent_summary,
    weakest_categories,
)


def figures(
    answer_id: int,
    day: str,
    category: str | None = "conflict",
    *,
    wpm: float | None = 145.0,
    fillers: float | None = 1.0,
    length: float | None = 90.0,
    first_word: float | None = 1.0,
    score: float | None = None,
    recovery: float | None = None,
    session: int | None = None,
) -> AnswerFigures:
    return AnswerFigures(
        answer_id=answer_id,
        session_id=session if session is not None else answer_id,
        started_at=f"{day}T10:00:00+00:00",
        question_id="q",
        category=category,
        duration_s=length,
        band=(60.0, 120.0),
        wpm=wpm,
        fillers_per_min=fillers,
        time_to_first_word_s=first_word,
        self_score=score,
        recovery_s=recovery,
    )


def test_series_follow_time_and_carry_their_bands() -> None:
    given = [
        figures(2, "2025-03-02", wpm=170.0, length=130.0, recovery=2.0),
        figures(1, "2025-03-01", wpm=150.0, score=3.5),
        figures(3, "2025-03-02", "growth", wpm=None, length=100.0),
    ]
    series = {s.metric: s for s in progress_series(given)}
    assert list(series) == [
        "pace_wpm", "fillers_per_min", "length_s", "first_word_s", "self_score", "recovery_s",
    ]  # fmt: skip
    pace = series["pace_wpm"]
    assert [(p.answer_id, p.value) for p in pace.points] == [(1, 150.0), (2, 170.0)]
    assert (pace.points[0].low, pace.points[0].high) == Targets().pace_comfortable
    assert [(p.value, p.low, p.high) for p in series["length_s"].points][1] == (130.0, 60, 120)
    assert series["length_s"].daily() == [("2025-03-01", 90.0), ("2025-03-02", 115.0)]
    assert [p.value for p in series["self_score"].points] == [3.5]
    assert [p.value for p in series["recovery_s"].points] == [2.0]
    growth = {s.metric: s for s in progress_series(given, category="growth")}
    assert [p.answer_id for p in growth["length_s"].points] == [3]
    assert growth["pace_wpm"].points == ()


def test_the_weakest_categories_are_judged_on_recent_answers() -> None:
    given = [
        # conflict: bad long ago, on target in its last three answers
        *(figures(n, f"2025-01-0{n}", wpm=190.0, fillers=8.0) for n in range(1, 4)),
        *(figures(n, f"2025-02-0{n - 3}") for n in range(4, 7)),
        # leadership: fillers over target recently
        figures(7, "2025-02-01", "leadership", fillers=5.0),
        figures(8, "2025-02-02", "leadership", fillers=4.5),
        # failure: slow to start and scored low
        figures(9, "2025-02-03", "failure", first_word=7.0, score=2.0),
        figures(10, "2025-02-03", None, wpm=300.0),  # no category: in no standing
    ]
    standings = category_standings(given, recent=3)
    assert [s.category for s in standings] == ["failure", "leadership", "conflict"]
    failure, leadership, conflict = standings
    assert failure.worst_metric == "first_word_s"
    assert leadership.worst_metric == "fillers_per_min"
    assert leadership.recent["fillers_per_min"] == 4.75
    assert (conflict.answers, conflict.trouble, conflict.worst_metric) == (6, 0.0, None)
    assert weakest_categories(given, recent=3) == ["failure", "leadership"]
    assert weakest_categories(given, count=1, recent=3) == ["failure"]
    # Judged on all six, conflict's old answers make it a weak spot again.
    assert "conflict" in weakest_categories(given, recent=6)


def test_the_home_page_line() -> None:
    today = dt.date(2025, 3, 10)
    assert recent_summary([], today).startswith("No practice yet")
    old = [figures(1, "2025-02-01")]
    assert recent_summary(old, today) == (
        "No practice in the last 7 days; last session on 2025-02-01."
    )
    recent = [
        figures(1, "2025-03-04", wpm=140.0, fillers=2.0, score=3.0, session=1),
        figures(2, "2025-03-10", "growth", wpm=160.0, fillers=11.0, score=None, session=1),
        figures(3, "2025-03-09", wpm=150.0, fillers=2.0, score=4.0, session=2),
        figures(4, "2025-03-03", wpm=100.0, session=3),  # eight days ago: not counted
    ]
    assert recent_summary(recent, today) == (
        "Last 7 days: 3 answers in 2 sessions · pace 150 wpm · 5.0 fillers a minute"
        " · self-score 3.5 · weakest: growth"
    )
