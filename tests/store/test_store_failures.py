"""Real failures of the file underneath: damage, read-only folders, a full disk, two writers."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_helpers import new_answer, new_session

from simulator.store import Store, StoreError
from simulator.store.migrations import SCHEMA_VERSION


def test_random_bytes_give_a_clear_error_and_the_file_is_kept(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    junk = os.urandom(64 * 1024)
    db_path.write_bytes(junk)
    with pytest.raises(StoreError) as caught:
        Store(db_path)
    message = str(caught.value)
    assert caught.value.kind == "corrupt"
    assert str(db_path) in message
    assert "move it aside" in message
    assert db_path.read_bytes() == junk
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["hotseat.db"]


def test_damaged_pages_give_a_clear_error(db_path: Path) -> None:
    """A valid header over overwritten pages: found when the damaged table is read."""
    with Store(db_path) as store:
        sid = new_session(store)
        for position in range(1, 60):
            new_answer(store, sid, position)
    data = bytearray(db_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = b"\xa5" * (len(data) - page)  # every page after the first
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as caught:
        store = Store(db_path)
        store.list_sessions()
    assert caught.value.kind == "corrupt"


def _probe_writable(folder: Path) -> bool:
    try:
        (folder / ".probe").touch()
    except OSError:
        return False
    (folder / ".probe").unlink()
    return True


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write to; as root (who ignores modes) made immutable instead."""
    folder = tmp_path / "locked"
    folder.mkdir()
    yield folder
    if os.geteuid() == 0 and shutil.which("chattr"):
        subprocess.run(["chattr", "-i", str(folder)], check=False)
    folder.chmod(0o755)


def _lock(folder: Path) -> None:
    folder.chmod(0o555)
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(folder)], check=True)
    assert not _probe_writable(folder), "could not make the folder read-only"


def test_new_database_in_a_read_only_folder(read_only_folder: Path) -> None:
    _lock(read_only_folder)
    with pytest.raises(StoreError) as caught:
        Store(read_only_folder / "hotseat.db")
    assert caught.value.kind in {"cannot-open", "readonly"}
    assert "writable" in str(caught.value)


def test_existing_database_in_a_read_only_folder(read_only_folder: Path) -> None:
    path = read_only_folder / "hotseat.db"
    with Store(path) as store:
        new_session(store)
    before = path.read_bytes()
    _lock(read_only_folder)
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert caught.value.kind in {"cannot-open", "readonly"}
    assert "writable" in str(caught.value)
    assert path.read_bytes() == before


def test_a_full_disk_gives_a_clear_error_and_rolls_back(store: Store) -> None:
    sid = new_session(store)
    answer = new_answer(store, sid)
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    # SQLite's own limit on the file's size: the same SQLITE_FULL a full disk produces.
    store.db.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(StoreError, match="disk is full") as caught:
        store.finish_answer(
            answer, transcript="word " * 200_000, words=[], engine="e", model="m", duration_s=1
        )
    assert caught.value.kind == "full"
    stored = store.get_answer(answer)
    assert stored is not None and stored["transcript"] is None
    # Small writes still fit once the big one is gone.
    store.add_event(session_id=sid, answer_id=answer, t_s=1.0, kind="note", payload={})


def test_two_threads_with_their_own_store_share_one_file(db_path: Path) -> None:
    """Both open a new file at the same moment (racing to migrate it), then write at once."""
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []
    ids: dict[str, int] = {}

    def work(name: str) -> None:
        try:
            barrier.wait(timeout=10)
            store = Store(db_path)
            try:
                sid = new_session(store, pack_id=name)
                ids[name] = sid
                for position in range(1, 26):
                    answer = new_answer(store, sid, position)
                    store.add_event(
                        session_id=sid, answer_id=answer, t_s=position, kind="tick", payload={}
                    )
                    store.finish_answer(
                        answer,
                        transcript=f"{name} {position}",
                        words=[],
                        engine="e",
                        model="m",
                        duration_s=1.0,
                    )
                store.finish_session(sid, status="complete", ended_at="2024-06-01T11:00:00Z")
            finally:
                store.close()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(name,)) for name in ("one", "two")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    with Store(db_path) as store:
        listed = {s["pack_id"]: s for s in store.list_sessions()}
        assert {name: listed[name]["answer_count"] for name in ("one", "two")} == {
            "one": 25,
            "two": 25,
        }
        assert all(s["status"] == "complete" for s in listed.values())
        migrations = store.db.execute("SELECT * FROM _sqlite_migrations").fetchall()
        assert len(migrations) == SCHEMA_VERSION  # each applied once, by one of the threads
