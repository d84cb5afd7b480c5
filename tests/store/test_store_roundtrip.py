"""Store round trips on a real SQLite file: sessions, answers, events, search, constraints."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from store_helpers import new_answer, new_session

from simulator.store import Store

WORDS = [
    {"text": "we", "start": 0.5, "end": 0.7, "conf": 0.98},
    {"text": "disagreed", "start": 0.7, "end": 1.3, "conf": 0.9},
]


def test_full_session_round_trip(store: Store) -> None:
    settings = {"voice": "slt", "rate": 170, "note": "café ☕"}
    sid = store.create_session(
        mode="drill",
        pack_id="behavioral-core",
        drill="interruptions",
        settings=settings,
        started_at="2024-06-01T10:00:00+00:00",
    )
    first = new_answer(store, sid, 1, "disagreed-with-teammate")
    second = new_answer(store, sid, 2, "biggest-failure")
    store.add_event(session_id=sid, answer_id=None, t_s=0.0, kind="start", payload={})
    store.add_event(
        session_id=sid, answer_id=first, t_s=3.5, kind="interrupt", payload={"text": "Why?"}
    )
    store.finish_answer(
        first,
        transcript="we disagreed",
        words=WORDS,
        engine="vosk",
        model="small-en",
        duration_s=12.5,
    )
    store.finish_answer(
        second, transcript="", words=[], engine="vosk", model="small-en", duration_s=2.0
    )
    store.finish_session(sid, status="complete", ended_at="2024-06-01T10:05:00+00:00")

    session = store.get_session(sid)
    assert session is not None
    assert session["status"] == "complete"
    assert session["ended_at"] == "2024-06-01T10:05:00+00:00"
    assert session["drill"] == "interruptions"
    assert session["settings"] == settings
    assert "settings_json" not in session
    assert [a["position"] for a in session["answers"]] == [1, 2]
    assert session["answers"][0]["words"] == WORDS
    assert session["answers"][0]["transcript"] == "we disagreed"
    assert session["answers"][0]["duration_s"] == 12.5
    assert session["answers"][1]["words"] == []
    assert [e["kind"] for e in session["events"]] == ["start", "interrupt"]
    assert session["events"][1]["payload"] == {"text": "Why?"}
    assert session["events"][1]["answer_id"] == first

    (listed,) = store.list_sessions()
    assert listed["id"] == sid
    assert listed["answer_count"] == 2
    assert listed["total_duration_s"] == pytest.approx(14.5)
    assert listed["status"] == "complete"

    answer = store.get_answer(first)
    assert answer is not None
    assert answer["question_id"] == "disagreed-with-teammate"
    assert answer["sample_rate"] == 16000
    assert answer["analysis"] is None


def test_data_survives_reopening(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = new_session(store)
        new_answer(store, sid)
    with Store(db_path) as again:
        session = again.get_session(sid)
        assert session is not None
        assert len(session["answers"]) == 1


def test_list_sessions_newest_first_with_limit(store: Store) -> None:
    old = new_session(store, "2024-01-01T09:00:00+00:00")
    new = new_session(store, "2024-03-01T09:00:00+00:00")
    middle = new_session(store, "2024-02-01T09:00:00+00:00")
    assert [s["id"] for s in store.list_sessions()] == [new, middle, old]
    assert [s["id"] for s in store.list_sessions(limit=2)] == [new, middle]
    empty = store.list_sessions()[2]
    assert empty["answer_count"] == 0
    assert empty["total_duration_s"] == 0.0


def test_unfinished_sessions_are_those_still_recording(store: Store) -> None:
    done = new_session(store)
    crashed = new_session(store, "2024-06-02T10:00:00+00:00")
    answer = new_answer(store, crashed)
    store.finish_session(done, status="complete", ended_at="2024-06-01T11:00:00+00:00")
    (unfinished,) = store.unfinished_sessions()
    assert unfinished["id"] == crashed
    assert [a["id"] for a in unfinished["answers"]] == [answer]
    assert unfinished["answers"][0]["transcript"] is None
    store.finish_session(crashed, status="recovered", ended_at="2024-06-02T12:00:00+00:00")
    assert store.unfinished_sessions() == []


def test_missing_rows_read_as_none(store: Store) -> None:
    assert store.get_session(404) is None
    assert store.get_answer(404) is None


def test_unknown_ids_and_statuses_are_refused(store: Store) -> None:
    sid = new_session(store)
    with pytest.raises(ValueError, match="status"):
        store.finish_session(sid, status="done", ended_at="x")
    with pytest.raises(ValueError, match="no session"):
        store.finish_session(999, status="complete", ended_at="x")
    with pytest.raises(ValueError, match="no answer"):
        store.finish_answer(999, transcript="", words=[], engine="e", model="m", duration_s=0)
    with pytest.raises(ValueError, match="no answer"):
        store.set_analysis(999, {}, 1)


def test_foreign_keys_are_enforced(store: Store) -> None:
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(ValueError, match="FOREIGN KEY"):
        new_answer(store, session_id=12345)
    with pytest.raises(ValueError, match="FOREIGN KEY"):
        store.add_event(session_id=12345, answer_id=None, t_s=0, kind="x", payload={})
    sid = new_session(store)
    with pytest.raises(ValueError, match="FOREIGN KEY"):
        store.add_event(session_id=sid, answer_id=777, t_s=0, kind="x", payload={})


def test_duplicate_answer_position_is_refused(store: Store) -> None:
    sid = new_session(store)
    new_answer(store, sid, 1)
    with pytest.raises(ValueError, match="UNIQUE"):
        new_answer(store, sid, 1, "other")


def test_deleting_a_session_cascades(store: Store, db_path: Path) -> None:
    sid = new_session(store)
    keep = new_session(store)
    answer = new_answer(store, sid)
    new_answer(store, keep)
    store.add_event(session_id=sid, answer_id=answer, t_s=1, kind="x", payload={})
    store.db.execute("INSERT INTO scores VALUES (?, 'structure', 3, NULL)", [answer])
    assert store.delete_session(sid) is True
    assert store.delete_session(sid) is False
    # Counted through a separate connection: the rows are gone from the file, not just hidden.
    with sqlite3.connect(db_path) as raw:
        count = {
            table: raw.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("sessions", "answers", "events", "scores")
        }
    assert count == {"sessions": 1, "answers": 1, "events": 0, "scores": 0}
    assert store.search("question") != []  # the kept answer is still indexed


def test_search_finds_transcript_words_after_finish(store: Store) -> None:
    sid = new_session(store)
    answer = new_answer(store, sid)
    assert store.search("deadline") == []
    store.finish_answer(
        answer,
        transcript="I missed the deadline and told my manager early",
        words=[],
        engine="vosk",
        model="m",
        duration_s=5,
    )
    (hit,) = store.search("deadline")
    assert hit["id"] == answer
    assert hit["session_id"] == sid
    assert "[deadline]" in hit["snippet"]
    assert hit["session_started_at"] == "2024-06-01T10:00:00+00:00"
    assert [h["id"] for h in store.search("deadlines")] == [answer]  # porter stemming
    assert [h["id"] for h in store.search("Question 1")] == [answer]  # question text too
    assert [h["id"] for h in store.search('"missed the deadline"')] == [answer]  # a phrase
    store.finish_answer(
        answer, transcript="something else", words=[], engine="v", model="m", duration_s=5
    )
    assert store.search("deadline") == []  # the update trigger removed the old text


@pytest.mark.parametrize("query", ["", "   ", "deadline OR (", '"unbalanced', "NOT", "a-b*c:"])
def test_search_never_raises_on_user_text(store: Store, query: str) -> None:
    assert isinstance(store.search(query), list)


def test_analysis_is_stored_with_its_version(store: Store) -> None:
    answer = new_answer(store, new_session(store))
    store.set_analysis(answer, {"wpm": 140.5, "fillers": ["um"]}, 2)
    stored = store.get_answer(answer)
    assert stored is not None
    assert stored["analysis"] == {"wpm": 140.5, "fillers": ["um"]}
    assert stored["analysis_version"] == 2


def test_failed_write_leaves_the_connection_usable(store: Store) -> None:
    sid = new_session(store)
    new_answer(store, sid, 1)
    with pytest.raises(ValueError):
        new_answer(store, sid, 1)
    assert not store.db.conn.in_transaction
    new_answer(store, sid, 2)
    session = store.get_session(sid)
    assert session is not None
    assert [a["position"] for a in session["answers"]] == [1, 2]


def test_a_store_belongs_to_the_thread_that_opened_it(store: Store) -> None:
    caught: list[BaseException] = []

    def use() -> None:
        try:
            store.list_sessions()
        except BaseException as error:
            caught.append(error)

    worker = threading.Thread(target=use)
    worker.start()
    worker.join(timeout=10)
    assert len(caught) == 1
    assert isinstance(caught[0], sqlite3.ProgrammingError)
