"""``hotseat sessions search`` and ``hotseat sessions score``: find past answers, score them.

``search`` pages through full-text hits over transcripts and questions, narrowed by pack,
category, drill, days and self-score; ``score`` saves self-scores against the rubric of the
answer's framework (``core.rubric``), clears them (``--clear``: the answer counts as not
scored again) and, given no scores, shows the rubric and what is saved.
Both read and write through the store modules (``store.search``, ``store.scores``), imported
when the command runs so that ``sessions list`` does not pay for them.
"""

from __future__ import annotations

import argparse
import dataclasses
from typing import TYPE_CHECKING, Any

from simulator.commands.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    format_seconds,
    non_negative_float,
    positive_int,
    print_json,
    terminal_safe,
)

if TYPE_CHECKING:
    from simulator.core.history import AnswerScores, SearchHit, SearchPage
    from simulator.core.rubric import Rubric
    from simulator.store import Store


def add_search_parser(actions: argparse._SubParsersAction) -> None:
    """The ``search`` action of ``hotseat sessions``."""
    search = actions.add_parser(
        "search",
        help="find answers by words said or asked, with filters",
        description="Full-text search over saved transcripts and questions, best match first."
        " With no words, lists the answers the filters let through, newest first.",
    )
    search.add_argument("query", nargs="?", default="", help="words to find (quotes: a phrase)")
    search.add_argument("--json", action="store_true", help="print JSON for programs")
    search.add_argument("--limit", type=positive_int, default=20, help="hits per page (20)")
    search.add_argument("--offset", type=int, default=0, help="hits to skip (for later pages)")
    search.add_argument("--pack", help="only sessions of this pack id")
    search.add_argument("--category", help="only questions of this category")
    search.add_argument("--drill", help="only sessions of this drill")
    search.add_argument("--since", metavar="YYYY-MM-DD", help="sessions from this day on")
    search.add_argument("--until", metavar="YYYY-MM-DD", help="sessions up to this day")
    search.add_argument("--min-score", type=non_negative_float, help="self-score at least")
    search.add_argument("--max-score", type=non_negative_float, help="self-score at most")
    search.set_defaults(handler=run_search)


def add_score_parser(actions: argparse._SubParsersAction) -> None:
    """The ``score`` action of ``hotseat sessions``."""
    score = actions.add_parser(
        "score",
        help="score an answer yourself, 1 to 5 per criterion",
        description="Save self-scores of one answer (criterion=N, N from 1 to 5) and a note"
        " for next time. With no scores and no note, shows the rubric and the saved scores.",
    )
    score.add_argument("answer_id", type=int, help="the answer id (see: hotseat sessions show)")
    score.add_argument("scores", nargs="*", metavar="criterion=N", help="e.g. result=4")
    score.add_argument("--note", help='what to do next time ("" clears it)')
    score.add_argument(
        "--clear", action="store_true", help="remove the answer's scores (the note stays)"
    )
    score.add_argument("--json", action="store_true", help="print JSON for programs")
    score.set_defaults(handler=run_score)


def run_search(args: argparse.Namespace) -> int:
    from simulator.core.history import SearchFilters
    from simulator.store.search import search_answers

    if args.offset < 0:
        raise CommandError("--offset must be 0 or more", EXIT_USAGE)
    filters = SearchFilters(
        pack_id=args.pack,
        category=args.category,
        drill=args.drill,
        since=args.since,
        until=args.until,
        min_score=args.min_score,
        max_score=args.max_score,
    )
    store = _store()
    if store is None:
        from simulator.core.history import SearchPage

        page = SearchPage(hits=(), total=0, offset=args.offset, limit=args.limit)
    else:
        try:
            page = search_answers(store, args.query, filters, limit=args.limit, offset=args.offset)
        except ValueError as error:
            raise CommandError(str(error), EXIT_USAGE) from None
        finally:
            store.close()
    if args.json:
        print_json(_page_json(args.query, page))
    else:
        _print_page(args.query, page)
    return EXIT_OK


def run_score(args: argparse.Namespace) -> int:
    from simulator.core.rubric import RubricError, parse_assignment
    from simulator.store.scores import answer_rubric, clear_scores, read_scores, save_scores

    try:
        given = dict(parse_assignment(text) for text in args.scores)
    except RubricError as error:
        raise CommandError(str(error), EXIT_USAGE) from None
    if args.clear and given:
        raise CommandError("--clear takes no scores: clear them, then score again", EXIT_USAGE)
    store = _store()
    missing = CommandError(f"no answer with id {args.answer_id}", EXIT_USAGE)
    if store is None:
        raise missing
    try:
        rubric = answer_rubric(store, args.answer_id)
        if rubric is None:
            raise missing
        if args.clear:
            saved = clear_scores(store, args.answer_id)
        if given or args.note is not None:
            try:
                saved = save_scores(store, args.answer_id, given, args.note)
            except RubricError as error:
                raise CommandError(str(error), EXIT_USAGE) from None
        elif not args.clear:
            found = read_scores(store, args.answer_id)
            assert found is not None
            saved = found
    finally:
        store.close()
    if args.json:
        print_json({"answer_id": saved.answer_id, **saved.to_json()})
    else:
        _print_scores(saved, rubric, changed=bool(args.clear or given or args.note is not None))
    return EXIT_OK


def score_lines(scores: AnswerScores) -> list[str]:
    """An answer's self-scores in one or two lines, for ``sessions show``."""
    if not scores.scores and not scores.note:
        return []
    lines = []
    if scores.scores:
        each = ", ".join(f"{key} {value}" for key, value in scores.scores.items())
        lines.append(f"Self-score {scores.self_score}/5: {each}")
    if scores.note:
        lines.append(f"Next time: {scores.note}")
    return lines


def _store() -> Store | None:
    from simulator.commands.sessions import _open

    return _open()


def _page_json(query: str, page: SearchPage) -> dict[str, Any]:
    return {
        "query": query,
        "total": page.total,
        "offset": page.offset,
        "limit": page.limit,
        "hits": [dataclasses.asdict(hit) for hit in page.hits],
    }


def _print_page(query: str, page: SearchPage) -> None:
    what = f'"{query.strip()}"' if query.strip() else "the filters"
    if not page.hits:
        more = f" (there are {page.total}; this page starts at {page.offset})" if page.total else ""
        _say(f"No answers match {what}{more}.")
        return
    first = page.offset + 1
    _say(f"{page.total} answers match {what}; {first}-{page.offset + len(page.hits)} shown.")
    for hit in page.hits:
        print()
        _say(_hit_line(hit))
        _say(f"   Q: {hit.question_text}")
        _say(f"   {hit.snippet or '(no transcript)'}")
    if page.has_more:
        print()
        _say(f"More: --offset {page.offset + len(page.hits)}")


def _hit_line(hit: SearchHit) -> str:
    facts = [
        f"answer {hit.answer_id}",
        f"session {hit.session_id}",
        hit.session_started_at[:10],
        hit.pack_id,
        hit.category or "-",
        format_seconds(hit.duration_s),
    ]
    if hit.drill:
        facts.append(f"drill {hit.drill}")
    if hit.self_score is not None:
        facts.append(f"self-score {hit.self_score}")
    return " · ".join(facts)


def _print_scores(scores: AnswerScores, rubric: Rubric, *, changed: bool) -> None:
    kind = "free-form answer" if rubric.framework == "free" else f"{rubric.framework} answer"
    verb = "Saved" if changed else "Scores of"
    if changed and not scores.scores:
        verb = "No scores now for"
    mean = f" · self-score {scores.self_score}/5" if scores.self_score is not None else ""
    _say(f"{verb} answer {scores.answer_id} ({kind}){mean}")
    for criterion in rubric.criteria:
        value = scores.scores.get(criterion.key)
        shown = f"{value}  {criterion.anchor(value)}" if value else "-  (not scored)"
        _say(f"  {criterion.key:<12} {shown}")
    if scores.note:
        _say(f"  next time:   {scores.note}")
    if not scores.scores and not changed:
        example = " ".join(f"{key}=3" for key in rubric.keys[:2])
        _say(f"Score with: hotseat sessions score {scores.answer_id} {example} --note TEXT")


def _say(text: str) -> None:
    print(terminal_safe(text))


__all__ = ["add_score_parser", "add_search_parser", "run_score", "run_search", "score_lines"]
