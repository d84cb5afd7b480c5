"""``hotseat progress``: how practice has gone over time, in the terminal or as JSON.

The same figures as the window's progress page (``core.progress``): a line on recent
practice, each figure by day (pace, fillers a minute, answer length against its band, time to
the first word, self-score, recovery after interruptions), each category's recent standing
and the weakest categories. ``--json`` prints every answer's point for programs.
(``commands/progress.py`` is something else: the progress line of long work on stderr.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from simulator import paths
from simulator.commands.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    positive_int,
    print_json,
    terminal_safe,
)

if TYPE_CHECKING:
    from simulator.core.analysis.targets import Targets
    from simulator.core.progress import AnswerFigures, CategoryStanding, Series

SHOWN_DAYS = 14  # the text shows the latest days with answers; --json has them all
_COLUMNS = (
    ("pace_wpm", "pace", "{:.0f}"),
    ("fillers_per_min", "fillers/min", "{:.1f}"),
    ("length_s", "length s", "{:.0f}"),
    ("first_word_s", "1st word s", "{:.1f}"),
    ("self_score", "self-score", "{:.1f}"),
    ("recovery_s", "recovery s", "{:.1f}"),
)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "progress",
        help="your figures over time, by category, and your weak spots",
        description="Pace, fillers, answer length, time to the first word, self-scores and"
        " recovery after interruptions over time, from the saved sessions.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON for programs")
    parser.add_argument("--category", help="the series of one category only")
    parser.add_argument(
        "--recent",
        type=positive_int,
        default=10,
        help="latest answers per category that its standing is judged on (10)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from simulator.core.progress import (
        category_standings,
        progress_series,
        recent_summary,
        weakest_categories,
    )

    figures = _figures()
    targets = _targets()
    series = progress_series(figures, targets, category=args.category)
    standings = category_standings(figures, targets, recent=args.recent)
    weakest = weakest_categories(figures, targets=targets, recent=args.recent)
    summary = recent_summary(figures, dt.datetime.now(dt.UTC).date())
    if args.json:
        print_json(
            {
                "summary": summary,
                "category": args.category,
                "series": [_series_json(one) for one in series],
                "categories": [_standing_json(standing) for standing in standings],
                "weakest": weakest,
            }
        )
        return EXIT_OK
    _say(summary)
    if not figures:
        return EXIT_OK
    scope = f" ({args.category})" if args.category else ""
    print()
    _say(f"By day{scope}, the latest {SHOWN_DAYS} days with answers:")
    _print_days(series, figures, args.category)
    print()
    _say(f"By category, each on its latest {args.recent} answers, weakest first:")
    _print_categories(standings)
    print()
    _say(f"Weak spots: {', '.join(weakest)}" if weakest else "No weak spots: all on target.")
    return EXIT_OK


def _figures() -> list[AnswerFigures]:
    from simulator.commands.sessions import _open
    from simulator.store.figures import answer_figures

    store = _open()
    if store is None:
        return []
    try:
        return answer_figures(store)
    finally:
        store.close()


def _targets() -> Targets:
    """The user's targets.json in the data folder (as the analysis uses it), else defaults."""
    from simulator.core.analysis.targets import Targets, TargetsError

    path = paths.targets_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Targets()
    except (OSError, ValueError) as error:
        raise CommandError(f"cannot read {path}: {error}", EXIT_USAGE) from None
    try:
        if not isinstance(data, dict):
            raise TargetsError("expected a JSON object of target names and values")
        return Targets.from_json(data)
    except TargetsError as error:
        raise CommandError(f"{path}: {error}", EXIT_USAGE) from None


def _series_json(series: Series) -> dict[str, Any]:
    return {
        "metric": series.metric,
        "label": series.label,
        "unit": series.unit,
        "points": [
            {
                "answer_id": point.answer_id,
                "session_id": point.session_id,
                "day": point.day,
                "value": point.value,
                "low": point.low,
                "high": point.high,
            }
            for point in series.points
        ],
        "daily": [{"day": day, "mean": mean} for day, mean in series.daily()],
    }


def _standing_json(standing: CategoryStanding) -> dict[str, Any]:
    return {
        "category": standing.category,
        "answers": standing.answers,
        "recent": standing.recent,
        "trouble": standing.trouble,
        "worst_metric": standing.worst_metric,
    }


def _print_days(
    series: tuple[Series, ...], figures: list[AnswerFigures], category: str | None
) -> None:
    by_metric = {one.metric: dict(one.daily()) for one in series}
    counts: dict[str, int] = {}
    for answer in figures:
        if category is None or answer.category == category:
            counts[answer.day] = counts.get(answer.day, 0) + 1
    _say(_row("day", "answers", [title for _, title, _ in _COLUMNS]))
    for day in sorted(counts)[-SHOWN_DAYS:]:
        cells = [_cell(by_metric[key].get(day), shown) for key, _, shown in _COLUMNS]
        _say(_row(day, str(counts[day]), cells))


def _print_categories(standings: list[CategoryStanding]) -> None:
    _say(_row("category", "answers", [title for _, title, _ in _COLUMNS]))
    for standing in standings:
        cells = [_cell(standing.recent.get(key), shown) for key, _, shown in _COLUMNS]
        _say(_row(standing.category, str(standing.answers), cells))


def _cell(value: float | None, shown: str) -> str:
    return "-" if value is None else shown.format(value)


def _row(first: str, count: str, cells: list[str]) -> str:
    return f"{first:<22} {count:>7}" + "".join(f" {cell:>11}" for cell in cells)


def _say(text: str) -> None:
    print(terminal_safe(text))


__all__ = ["add_parser", "run"]
