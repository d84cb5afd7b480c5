"""Progress over time: the figures of every saved answer turned into series, per category
standings, the weakest categories, and one line of recent practice for the home page.

Pure: the store reads each answer's stored figures into ``AnswerFigures``
(``simulator.store.figures``); nothing here measures again. Pace, fillers a minute, length and
time to the first word are the analysis's own figures (one answer, one figure, everywhere);
recovery is the median ``recovery_s`` of an answer's interruptions in its analysis's
``pressure`` key, when it has one.

"Trouble" says how far a figure is from its target, from 0 (on target) to 1 (far off), so
that figures in different units can be averaged into one standing per category.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from simulator.core.analysis.targets import Targets

#: How many of a category's latest answers its standing is judged on.
RECENT_ANSWERS = 10
#: Recovery after an interruption taken as good: back to speaking within this (seconds).
RECOVERY_TARGET_S = 3.0
#: A self-score at or above this is no trouble.
GOOD_SELF_SCORE = 4.0


@dataclass(frozen=True)
class AnswerFigures:
    """One answered question's stored figures; None where the answer has none."""

    answer_id: int
    session_id: int
    started_at: str  # the session's start, ISO 8601
    question_id: str
    category: str | None
    duration_s: float | None
    band: tuple[float, float] | None
    wpm: float | None
    fillers_per_min: float | None
    time_to_first_word_s: float | None
    self_score: float | None
    recovery_s: float | None

    @property
    def day(self) -> str:
        return self.started_at[:10]


@dataclass(frozen=True)
class Metric:
    """A figure followed over time: ``read`` takes it from an answer, ``trouble`` judges it."""

    key: str
    label: str
    unit: str
    read: Callable[[AnswerFigures], float | None]
    trouble: Callable[[AnswerFigures, Targets], float | None]


@dataclass(frozen=True)
class Point:
    answer_id: int
    session_id: int
    day: str
    value: float
    low: float | None = None  # the target band at this answer, where there is one
    high: float | None = None


@dataclass(frozen=True)
class Series:
    metric: str
    label: str
    unit: str
    points: tuple[Point, ...]

    def daily(self) -> list[tuple[str, float]]:
        """The mean of each day with answers, oldest first."""
        days: dict[str, list[float]] = {}
        for point in self.points:
            days.setdefault(point.day, []).append(point.value)
        return [(day, round(statistics.fmean(values), 2)) for day, values in days.items()]


@dataclass(frozen=True)
class CategoryStanding:
    """A category judged on its latest answers: mean figures and trouble (0 good, 1 bad)."""

    category: str
    answers: int
    recent: dict[str, float]  # metric key -> mean over the recent answers that have it
    trouble: float
    worst_metric: str | None


def _outside(value: float, low: float, high: float, scale: float) -> float:
    distance = low - value if value < low else value - high if value > high else 0.0
    return min(1.0, max(0.0, distance / scale))


def _pace_trouble(a: AnswerFigures, t: Targets) -> float | None:
    low, high = t.pace_comfortable
    return None if a.wpm is None else _outside(a.wpm, low, high, 30.0)


def _fillers_trouble(a: AnswerFigures, t: Targets) -> float | None:
    limit = t.fillers_per_min_max
    value = a.fillers_per_min
    return None if value is None else _outside(value, 0.0, limit, max(limit, 1.0))


def _length_trouble(a: AnswerFigures, t: Targets) -> float | None:
    if a.duration_s is None or a.band is None:
        return None
    low, high = a.band
    return _outside(a.duration_s, low, high, max(low, 1.0))


def _first_word_trouble(a: AnswerFigures, t: Targets) -> float | None:
    value, limit = a.time_to_first_word_s, t.first_word_max_s
    return None if value is None else _outside(value, 0.0, limit, max(limit, 1.0))


def _score_trouble(a: AnswerFigures, t: Targets) -> float | None:
    if a.self_score is None:
        return None
    return _outside(a.self_score, GOOD_SELF_SCORE, 5.0, GOOD_SELF_SCORE - 1.0)


def _recovery_trouble(a: AnswerFigures, t: Targets) -> float | None:
    value = a.recovery_s
    return None if value is None else _outside(value, 0.0, RECOVERY_TARGET_S, RECOVERY_TARGET_S)


METRICS: tuple[Metric, ...] = (
    Metric("pace_wpm", "Pace", "words a minute", lambda a: a.wpm, _pace_trouble),
    Metric(
        "fillers_per_min", "Fillers", "a minute", lambda a: a.fillers_per_min, _fillers_trouble
    ),
    Metric("length_s", "Answer length", "seconds", lambda a: a.duration_s, _length_trouble),
    Metric(
        "first_word_s",
        "Time to first word",
        "seconds",
        lambda a: a.time_to_first_word_s,
        _first_word_trouble,
    ),
    Metric("self_score", "Self-score", "out of 5", lambda a: a.self_score, _score_trouble),
    Metric(
        "recovery_s", "Recovery after interruptions", "seconds", lambda a: a.recovery_s,
        _recovery_trouble,
    ),
)  # fmt: skip


def progress_series(
    figures: Iterable[AnswerFigures], targets: Targets | None = None, category: str | None = None
) -> tuple[Series, ...]:
    """Every metric over time (oldest first), of one category or of all answers."""
    targets = targets or Targets()
    chosen = _in_order(a for a in figures if category is None or a.category == category)
    series = []
    for metric in METRICS:
        points = []
        for answer in chosen:
            value = metric.read(answer)
            if value is None:
                continue
            low, high = _band(metric.key, answer, targets)
            points.append(Point(answer.answer_id, answer.session_id, answer.day, value, low, high))
        series.append(Series(metric.key, metric.label, metric.unit, tuple(points)))
    return tuple(series)


def category_standings(
    figures: Iterable[AnswerFigures],
    targets: Targets | None = None,
    recent: int = RECENT_ANSWERS,
) -> list[CategoryStanding]:
    """Each category's standing on its ``recent`` latest answers, the worst first."""
    targets = targets or Targets()
    by_category: dict[str, list[AnswerFigures]] = {}
    for answer in _in_order(figures):
        if answer.category:
            by_category.setdefault(answer.category, []).append(answer)
    standings = [
        _standing(name, answers[-recent:], len(answers), targets)
        for name, answers in by_category.items()
    ]
    return sorted(standings, key=lambda s: (-s.trouble, s.category))


def weakest_categories(
    figures: Iterable[AnswerFigures],
    count: int = 3,
    targets: Targets | None = None,
    recent: int = RECENT_ANSWERS,
) -> list[str]:
    """Up to ``count`` categories whose recent figures are furthest from target, worst first
    (categories on target everywhere are not weak spots)."""
    standings = category_standings(figures, targets, recent)
    return [s.category for s in standings if s.trouble > 0][:count]


def recent_summary(figures: Sequence[AnswerFigures], today: dt.date, days: int = 7) -> str:
    """One line on the last ``days`` days of practice, for the home page."""
    if not figures:
        return "No practice yet: your progress shows here after your first session."
    since = (today - dt.timedelta(days=days - 1)).isoformat()
    recent = [a for a in figures if a.day >= since]
    if not recent:
        last = max(a.day for a in figures)
        return f"No practice in the last {days} days; last session on {last}."
    sessions = len({a.session_id for a in recent})
    parts = [f"Last {days} days: {_count(len(recent), 'answer')} in {_count(sessions, 'session')}"]
    for key, shown in (
        ("pace_wpm", "pace {:.0f} wpm"),
        ("fillers_per_min", "{:.1f} fillers a minute"),
        ("self_score", "self-score {:.1f}"),
    ):
        values = [v for a in recent if (v := _metric(key).read(a)) is not None]
        if values:
            parts.append(shown.format(statistics.fmean(values)))
    weakest = weakest_categories(figures, count=1)
    if weakest:
        parts.append(f"weakest: {weakest[0]}")
    return " · ".join(parts)


def _standing(
    name: str, answers: Sequence[AnswerFigures], total: int, targets: Targets
) -> CategoryStanding:
    means: dict[str, float] = {}
    troubles: dict[str, float] = {}
    for metric in METRICS:
        values = [v for a in answers if (v := metric.read(a)) is not None]
        judged = [v for a in answers if (v := metric.trouble(a, targets)) is not None]
        if values:
            means[metric.key] = round(statistics.fmean(values), 2)
        if judged:
            troubles[metric.key] = statistics.fmean(judged)
    trouble = round(statistics.fmean(troubles.values()), 3) if troubles else 0.0
    worst = max(troubles, key=lambda key: troubles[key]) if troubles else None
    if worst is not None and troubles[worst] == 0:
        worst = None
    return CategoryStanding(name, total, means, trouble, worst)


def _band(key: str, answer: AnswerFigures, targets: Targets) -> tuple[float | None, float | None]:
    if key == "pace_wpm":
        return targets.pace_comfortable
    if key == "length_s" and answer.band is not None:
        return answer.band
    if key == "fillers_per_min":
        return None, targets.fillers_per_min_max
    if key == "first_word_s":
        return None, targets.first_word_max_s
    return None, None


def _in_order(figures: Iterable[AnswerFigures]) -> list[AnswerFigures]:
    return sorted(figures, key=lambda a: (a.started_at, a.session_id, a.answer_id))


def _metric(key: str) -> Metric:
    return next(metric for metric in METRICS if metric.key == key)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


__all__ = [
    "METRICS",
    "RECENT_ANSWERS",
    "AnswerFigures",
    "CategoryStanding",
    "Metric",
    "Point",
    "Series",
    "category_standings",
    "progress_series",
    "recent_summary",
    "weakest_categories",
]
