"""Searching saved answers: full text (FTS5) over transcripts and questions, with filters, paged.

Only the page asked for is read in full: the matching ids are ranked and counted inside SQLite,
then the shown answers' details, snippets and self-scores are read for those ids alone. No
word timings and no analysis are decoded here (14,000 hits decoded whole took 7.4 s); a
hit opens its answer with ``Store.get_answer``.

An answer's category and framework are what its ``question_started`` event recorded when it
was asked (the packs may have changed since); a session's drill is its ``drill`` column, else
the ``drill`` of its settings.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from simulator.core.history import PAGE_SIZE, SavedChoices, SearchFilters, SearchHit, SearchPage
from simulator.core.rubric import NOTE_KEY

if TYPE_CHECKING:
    from simulator.store.db import Store

#: The question's event of answer ``a``: a session logs one ``question_started`` per question
#: asked, its ``index`` being the answer's position less one.
_QUESTION_EVENT = (
    "(SELECT CASE WHEN json_valid(e.payload_json) THEN json_extract(e.payload_json, '$.{key}')"
    " END FROM events e WHERE e.session_id = a.session_id AND e.kind = 'question_started'"
    " AND json_valid(e.payload_json) AND json_extract(e.payload_json, '$.index') = a.position - 1"
    " ORDER BY e.id DESC LIMIT 1)"
)
CATEGORY_SQL = _QUESTION_EVENT.format(key="category")
QUESTION_FRAMEWORK_SQL = _QUESTION_EVENT.format(key="framework")
#: The (session, index) of every question of one category. ``instr`` on the text as the store
#: writes it ("category": "x") passes few rows on to the JSON parser, which decides.
_QUESTIONS_OF_CATEGORY = (
    "SELECT e.session_id, json_extract(e.payload_json, '$.index') FROM events e"
    " WHERE e.kind = 'question_started' AND instr(e.payload_json, ?) > 0"
    " AND json_valid(e.payload_json) AND json_extract(e.payload_json, '$.category') = ?"
)
DRILL_SQL = (
    "COALESCE(s.drill, CASE WHEN json_valid(s.settings_json)"
    " THEN json_extract(s.settings_json, '$.drill') END)"
)
SELF_SCORE_SQL = (
    "(SELECT ROUND(AVG(sc.value), 1) FROM scores sc"
    f" WHERE sc.answer_id = a.id AND sc.criterion != '{NOTE_KEY}')"
)
#: Newest session first; a session's answers in the order they were asked.
_NEWEST_FIRST = " s.started_at DESC, s.id DESC, a.position"
SNIPPET_WORDS = 12
_PLAIN_SNIPPET_CHARS = 90  # an answer listed by filters alone shows its opening words


def search_answers(
    store: Store,
    query: str,
    filters: SearchFilters | None = None,
    *,
    limit: int = PAGE_SIZE,
    offset: int = 0,
) -> SearchPage:
    """One page of answers matching ``query`` (plain words; best match first) and ``filters``.

    With an empty query every answer the filters let through is listed, newest first. The
    query's words are quoted, so FTS operators or stray punctuation never cause a syntax
    error. Raises ValueError for a filter that is not valid (a date that is not a day).
    """
    if limit < 0 or offset < 0:
        raise ValueError("limit and offset cannot be negative")
    where, params = filter_sql(filters or SearchFilters())
    text = query.strip()
    with store.reading() as db:
        if text:
            match = db.quote_fts(_balanced(text))
            ids, total = _ranked_ids(db, match, where, params, limit, offset)
            snippets = _snippets(db, match, ids)
        else:
            ids, total = _newest_ids(db, where, params, limit, offset)
            snippets = {}
        hits = _hits(db, ids, snippets)
    return SearchPage(hits=tuple(hits), total=total, offset=offset, limit=limit)


#: Sessions with at least one answer: a session that saved none has nothing to find.
_ANSWERED_SESSIONS = (
    "SELECT {what} FROM sessions s WHERE EXISTS (SELECT 1 FROM answers a WHERE a.session_id = s.id)"
)
_SAVED_CATEGORIES = (
    "SELECT DISTINCT json_extract(payload_json, '$.category') FROM events"
    " WHERE kind = 'question_started' AND json_valid(payload_json)"
    " AND EXISTS (SELECT 1 FROM answers a WHERE a.session_id = events.session_id"
    " AND a.position - 1 = json_extract(payload_json, '$.index'))"
)


def saved_choices(store: Store) -> SavedChoices:
    """The packs, categories and days the saved answers hold, to filter them by: read from
    the sessions and their ``question_started`` events, so a pack since deleted or renamed is
    offered as the answers recorded it."""
    with store.reading() as db:
        packs = [row[0] for row in db.execute(_ANSWERED_SESSIONS.format(what="DISTINCT s.pack_id"))]
        categories = [row[0] for row in db.execute(_SAVED_CATEGORIES)]
        span = db.execute(
            _ANSWERED_SESSIONS.format(what="MIN(s.started_at), MAX(s.started_at)")
        ).fetchone()
    first, last = (str(value)[:10] if value else None for value in span)
    return SavedChoices(
        pack_ids=_names(packs),
        categories=_names(categories),
        first_day=first,
        last_day=last,
    )


def _names(values: Sequence[object]) -> tuple[str, ...]:
    return tuple(sorted({str(v) for v in values if isinstance(v, str) and v}, key=str.casefold))


def filter_sql(filters: SearchFilters) -> tuple[str, list[Any]]:
    """The conditions on answers ``a`` and sessions ``s`` for ``filters`` (" AND ..." each)."""
    parts: list[str] = []
    params: list[Any] = []
    if filters.pack_id is not None:
        parts.append("s.pack_id = ?")
        params.append(filters.pack_id)
    if filters.drill is not None:
        parts.append(f"{DRILL_SQL} = ?")
        params.append(filters.drill)
    if filters.since is not None:
        parts.append("s.started_at >= ?")
        params.append(_day(filters.since, "since").isoformat())
    if filters.until is not None:
        until = _day(filters.until, "until")
        if filters.since is not None and _day(filters.since, "since") > until:
            raise ValueError(f"--since {filters.since} is after --until {filters.until}")
        parts.append("s.started_at < ?")
        params.append((until + dt.timedelta(days=1)).isoformat())
    if filters.category is not None:
        # The questions of that category are found once, not one subquery per answer.
        parts.append(f"(a.session_id, a.position - 1) IN ({_QUESTIONS_OF_CATEGORY})")
        params += [
            f'"category": {json.dumps(filters.category, ensure_ascii=False)}',
            filters.category,
        ]
    bounds = [(">=", filters.min_score), ("<=", filters.max_score)]
    having = [
        (f"ROUND(AVG(sc.value), 1) {op} ?", value) for op, value in bounds if value is not None
    ]
    if having:
        # The scored answers are grouped once, not one average per answer.
        parts.append(
            f"a.id IN (SELECT sc.answer_id FROM scores sc WHERE sc.criterion != '{NOTE_KEY}'"
            f" GROUP BY sc.answer_id HAVING {' AND '.join(sql for sql, _ in having)})"
        )
        params += [value for _, value in having]
    return "".join(f" AND {part}" for part in parts), params


def _ranked_ids(
    db: Any, match: str, where: str, params: list[Any], limit: int, offset: int
) -> tuple[list[int], int]:
    joined = (
        " FROM answers_fts JOIN answers a ON a.id = answers_fts.rowid"
        " JOIN sessions s ON s.id = a.session_id WHERE answers_fts MATCH ?"
    )
    # Answers that match equally well (the same words found) come newest first, as a list
    # without a query does.
    order = " ORDER BY answers_fts.rank," + _NEWEST_FIRST
    if not where:
        # Counted in the index alone; the page needs the join for its tie order.
        base = " FROM answers_fts WHERE answers_fts MATCH ?"
        total = db.execute("SELECT COUNT(*)" + base, [match]).fetchone()[0]
        rows = db.execute(
            "SELECT a.id" + joined + order + " LIMIT ? OFFSET ?", [match, limit, offset]
        ).fetchall()
        return [row[0] for row in rows], int(total)
    return _page_of_all(db, "SELECT a.id" + joined + where + order, [match, *params], limit, offset)


def _newest_ids(
    db: Any, where: str, params: list[Any], limit: int, offset: int
) -> tuple[list[int], int]:
    base = " FROM answers a JOIN sessions s ON s.id = a.session_id WHERE 1" + where
    order = " ORDER BY" + _NEWEST_FIRST
    if where:
        return _page_of_all(db, "SELECT a.id" + base + order, params, limit, offset)
    total = db.execute("SELECT COUNT(*)" + base, params).fetchone()[0]
    rows = db.execute(
        "SELECT a.id" + base + order + " LIMIT ? OFFSET ?", [*params, limit, offset]
    ).fetchall()
    return [row[0] for row in rows], int(total)


def _page_of_all(
    db: Any, sql: str, params: list[Any], limit: int, offset: int
) -> tuple[list[int], int]:
    """The page and the total from one pass: a filter costs as much as the search itself,
    so it is run once (ids only) rather than once to count and again for the page."""
    ids = [row[0] for row in db.execute(sql, params)]
    return ids[offset : offset + limit], len(ids)


def _snippets(db: Any, match: str, ids: Sequence[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = db.execute(
        f"SELECT rowid, snippet(answers_fts, -1, '[', ']', '…', {SNIPPET_WORDS})"
        f" FROM answers_fts WHERE answers_fts MATCH ? AND rowid IN ({_marks(ids)})",
        [match, *ids],
    ).fetchall()
    return {int(row[0]): str(row[1] or "") for row in rows}


def _hits(db: Any, ids: Sequence[int], snippets: dict[int, str]) -> list[SearchHit]:
    if not ids:
        return []
    cursor = db.execute(
        "SELECT a.id, a.session_id, a.position, a.question_id, a.question_text, a.duration_s,"
        f" a.status, a.transcript, s.started_at, s.pack_id, {DRILL_SQL} AS drill,"
        f" {CATEGORY_SQL} AS category, {SELF_SCORE_SQL} AS self_score"
        f" FROM answers a JOIN sessions s ON s.id = a.session_id WHERE a.id IN ({_marks(ids)})",
        list(ids),
    )
    names = [column[0] for column in cursor.description]
    rows = {row[0]: dict(zip(names, row, strict=True)) for row in cursor}
    return [_hit(rows[answer_id], snippets.get(answer_id)) for answer_id in ids]


def _hit(row: dict[str, Any], snippet: str | None) -> SearchHit:
    if snippet is None:
        snippet = _opening(str(row["transcript"] or ""))
    duration = row["duration_s"]
    score = row["self_score"]
    return SearchHit(
        answer_id=int(row["id"]),
        session_id=int(row["session_id"]),
        position=int(row["position"]),
        question_id=str(row["question_id"]),
        question_text=str(row["question_text"]),
        session_started_at=str(row["started_at"]),
        pack_id=str(row["pack_id"]),
        drill=str(row["drill"]) if row["drill"] is not None else None,
        category=str(row["category"]) if row["category"] is not None else None,
        duration_s=float(duration) if duration is not None else None,
        status=str(row["status"]),
        snippet=snippet,
        self_score=float(score) if score is not None else None,
    )


def _opening(transcript: str) -> str:
    if len(transcript) <= _PLAIN_SNIPPET_CHARS:
        return transcript
    return transcript[:_PLAIN_SNIPPET_CHARS].rsplit(" ", 1)[0] + "…"


def _day(text: str, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--{name} must be a day as YYYY-MM-DD, not '{text}'") from None


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def _balanced(query: str) -> str:
    # Paired quotes keep their phrase meaning; a stray one would swallow the rest of the query.
    return query if query.count('"') % 2 == 0 else query.replace('"', " ")


__all__ = [
    "CATEGORY_SQL",
    "DRILL_SQL",
    "QUESTION_FRAMEWORK_SQL",
    "SELF_SCORE_SQL",
    "filter_sql",
    "saved_choices",
    "search_answers",
]
