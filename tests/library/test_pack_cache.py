"""The cache of parsed packs: used only for a file exactly as it was parsed, never for an
edited one, and never in the way when it is damaged or from other code."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from simulator.core.packs import PackError, PackProblem
from simulator.library import load_library, loading, pack_cache

PACK = """[pack]
id = "mine"
title = "{title}"

[[questions]]
id = "q1"
text = "Why this role?"
category = "motivation"
"""


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written now count as settled: the cache's clock runs ten seconds ahead."""
    monkeypatch.setattr(pack_cache, "clock_ns", lambda: time.time_ns() + 10_000_000_000)


def write_pack(folder: Path, title: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "mine.toml"
    path.write_text(PACK.format(title=title))
    return path


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path, _source: str) -> None:
        raise PackError([PackProblem(str(path), None, "parsed again")])

    monkeypatch.setattr(loading, "load_pack", refuse)


def titles(folder: Path, cache_file: Path) -> list[str]:
    library = load_library(folder, None, cache_file)
    assert not library.problems, library.problems
    return [pack.title for pack in library.packs]


def next_tick(path: Path) -> None:
    """Wait until the file system's clock has moved past ``path``'s change time, so an edit
    now gives it a different one (timestamps move in ticks of a few milliseconds)."""
    probe = path.with_suffix(".tick")
    while True:
        probe.write_bytes(b"")
        if probe.stat().st_ctime_ns > path.stat().st_ctime_ns:
            probe.unlink()
            return
        time.sleep(0.001)


@pytest.mark.parametrize("built", ["from source", "frozen"])
def test_an_unchanged_pack_is_not_parsed_again(
    tmp_path: Path,
    later: None,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    built: str,
) -> None:
    if built == "frozen":  # a frozen build has no source files: keyed on its executable
        request.getfixturevalue("frozen_app")
    folder, cache_file = tmp_path / "packs", tmp_path / "cache" / "packs.pickle"
    write_pack(folder, "First")
    assert titles(folder, cache_file) == ["First"]
    no_parsing(monkeypatch)
    assert titles(folder, cache_file) == ["First"]


@pytest.mark.parametrize("how", ["in place", "by rename"])
def test_an_edited_pack_is_read_again_even_with_its_size_and_time_put_back(
    tmp_path: Path, later: None, how: str
) -> None:
    folder, cache_file = tmp_path / "packs", tmp_path / "packs.pickle"
    path = write_pack(folder, "First")
    assert titles(folder, cache_file) == ["First"]
    before = path.stat()
    next_tick(path)
    if how == "in place":
        path.write_text(PACK.format(title="Other"))
    else:  # as editors and Hotseat's own pack editor save
        write_pack(tmp_path / "new", "Other")
        os.replace(tmp_path / "new" / "mine.toml", path)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert titles(folder, cache_file) == ["Other"]


def test_a_pack_just_written_is_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, cache_file = tmp_path / "packs", tmp_path / "packs.pickle"
    write_pack(folder, "First")  # a second write in the same tick could keep size and times
    assert titles(folder, cache_file) == ["First"]
    assert pack_cache.PackCache(cache_file).entries == {}
    no_parsing(monkeypatch)
    assert load_library(folder, None, cache_file).problems


def test_a_damaged_or_foreign_cache_is_ignored(
    tmp_path: Path, later: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, cache_file = tmp_path / "packs", tmp_path / "packs.pickle"
    write_pack(folder, "First")
    assert titles(folder, cache_file) == ["First"]
    kept = tmp_path / "kept.pickle"
    shutil.copy(cache_file, kept)
    cache_file.write_bytes(b"\x80\x05not a pickle")
    assert titles(folder, cache_file) == ["First"]
    assert pack_cache.PackCache(cache_file).entries  # written again, whole
    shutil.copy(kept, cache_file)
    # The code that parses packs changed since the cache was written.
    monkeypatch.setattr(pack_cache, "code_stamp", lambda: ("other code",))
    assert pack_cache.PackCache(cache_file).entries == {}


def test_without_a_cache_file_nothing_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    write_pack(folder, "First")
    assert [p.title for p in load_library(folder, None).packs] == ["First"]
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["mine.toml", "packs"]


@pytest.fixture
def frozen_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This process as a frozen build: ``sys.frozen`` set, ``sys.executable`` a file of ours,
    and the pack-parsing modules without source files (they come from the bundle's archive)."""
    executable = tmp_path / "bundle" / "hotseat"
    executable.parent.mkdir()
    executable.write_bytes(b"\x7fELF built once")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    for name, module in list(sys.modules.items()):
        if name.startswith("simulator.core.packs") or name in pack_cache.OWN_MODULES:
            archived = executable.parent / "_internal" / (name.replace(".", "/") + ".pyc")
            monkeypatch.setattr(module, "__file__", str(archived))
    return executable


@pytest.mark.parametrize("rebuilt", ["other size", "same size, newer time"])
def test_a_rebuilt_frozen_app_drops_the_cache(
    tmp_path: Path, later: None, frozen_app: Path, rebuilt: str
) -> None:
    folder, cache_file = tmp_path / "packs", tmp_path / "packs.pickle"
    write_pack(folder, "First")
    assert titles(folder, cache_file) == ["First"]
    assert pack_cache.PackCache(cache_file).entries
    before = frozen_app.stat()
    if rebuilt == "other size":
        frozen_app.write_bytes(b"\x7fELF built again, larger")
    else:
        frozen_app.write_bytes(b"\x7fELF built anew")
        assert frozen_app.stat().st_size == before.st_size
        os.utime(frozen_app, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    assert pack_cache.PackCache(cache_file).entries == {}
