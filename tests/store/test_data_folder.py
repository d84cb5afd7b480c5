"""Where the data folder is: ``paths`` reads the XDG rule itself on Linux (importing
platformdirs costs every command about 12 ms) and must land where platformdirs would; the
quick reader opens a database in a folder with any characters in its name."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from simulator import paths
from simulator.store import Store, listing


@pytest.mark.parametrize(
    ("home", "xdg_data_home"),
    [
        ("/home/ann", None),
        ("/home/ann/", None),
        ("/", None),
        ("/home/ann", ""),
        ("/home/ann", "/srv/data"),
        ("/home/ann", "/srv/data/"),
        ("/home/ann", "relative/data"),  # not absolute: the spec says ignore it
        ("/home/ann", "~/data"),
    ],
)
def test_the_data_folder_is_where_platformdirs_puts_it(
    monkeypatch: pytest.MonkeyPatch, home: str, xdg_data_home: str | None
) -> None:
    monkeypatch.delenv(paths.HOME_ENV)
    monkeypatch.setenv("HOME", home)
    if xdg_data_home is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg_data_home)
    expected = platformdirs.user_data_dir(paths.APP_NAME, appauthor=False)
    assert paths.data_home_text() == expected
    assert paths.data_home() == Path(expected)


def test_the_rule_is_read_here_only_on_linux_and_only_without_doubt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(paths.HOME_ENV)
    monkeypatch.setenv("HOME", "/home/ann")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert paths.data_home_text() == "/home/ann/.local/share/hotseat"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/data")
    assert paths._xdg_data_home() is None  # platformdirs decides
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setattr(sys, "platform", "darwin")
    assert paths._xdg_data_home() is None


def test_the_set_home_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "profile"))
    monkeypatch.setenv("XDG_DATA_HOME", "/srv/data")
    assert paths.data_home() == tmp_path / "profile"
    assert paths.database_file_text() == str(paths.layout().db_path)


@pytest.mark.parametrize("name", ["with space", "hash#mark", "what?", "100%", "naïve", "a%3fb"])
def test_the_quick_reader_opens_a_database_in_any_folder(tmp_path: Path, name: str) -> None:
    db_path = tmp_path / name / "hotseat.db"
    db_path.parent.mkdir()
    with Store(db_path) as store:
        store.create_session(mode="practice", pack_id="p", settings={}, started_at="2025-04-01")
        store.finish_session(1, status="complete", ended_at="2025-04-01")
    rows = listing.quick_session_list(db_path)
    assert rows is not None and [row["pack_id"] for row in rows] == ["p"]
    assert listing.quick_session_list(tmp_path / name / "other.db") is None
    assert not (tmp_path / name / "other.db").exists()  # nothing created
