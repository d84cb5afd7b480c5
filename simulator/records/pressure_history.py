"""The recovery summaries of the user's earlier pressure sessions, for a session's summary.

``core.analysis.pressure_session.session_summary`` compares a session with the summaries of
earlier pressure sessions; none is stored, so they are recomputed here from each earlier
drill session's stored answers (the ``pressure`` key of each analysis). Opens the database
of ``layout`` for the call and closes it, so any thread may call it (the window's worker
threads and the terminal's printer do).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from simulator.core.analysis.pressure_session import session_summary
from simulator.core.records import SavedSession
from simulator.store import DataLayout
from simulator.store.records import read_session


def earlier_summaries(layout: DataLayout, session_id: int) -> list[dict[str, Any]]:
    """The summaries of the pressure sessions (those with a drill) saved before
    ``session_id``, oldest first; each is compared with those before it, as it was then."""
    if not layout.db_path.exists():
        return []  # nothing was ever saved (and nothing is created)
    from simulator.store import Store  # sqlite-utils only when there is something to read

    with Store(layout.db_path) as store:
        ids = sorted(
            int(row["id"])
            for row in store.list_sessions()
            if row.get("drill") and int(row["id"]) < session_id
        )
        summaries: list[dict[str, Any]] = []
        for earlier_id in ids:
            session = read_session(store, earlier_id)
            if session is not None:
                summaries.append(session_summary(pressure_of(session), summaries))
        return summaries


def pressure_of(session: SavedSession) -> list[Mapping[str, Any] | None]:
    """The ``pressure`` part of each answer's stored analysis, by position (None: none)."""
    found: list[Mapping[str, Any] | None] = []
    for answer in session.answers:
        data = answer.analysis.data if answer.analysis is not None else {}
        pressure = data.get("pressure")
        found.append(pressure if isinstance(pressure, Mapping) else None)
    return found


__all__ = ["earlier_summaries", "pressure_of"]
