"""Hostile pack files: refused quickly, with the file's name and the reason, in little memory.

A 2 GB ``.toml`` was read whole (2.1 GB of memory) before being refused, ``/dev/zero`` grew
memory without limit and a FIFO hung. Each is now refused before reading, by ``packs
validate``, ``packs import`` and the library loaded at every start.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.peak_memory import run_hotseat

# The command's own peak with a small pack is about 60-80 MB (Python and its imports).
SMALL_MB = 200


@pytest.fixture
def huge_sparse_toml(tmp_path: Path) -> Path:
    path = tmp_path / "huge.toml"
    with path.open("wb") as file:
        file.truncate(2 * 1024**3)  # sparse: 2 GB of zeros that cost no disk
    return path


def test_a_2gb_pack_is_refused_by_its_size_without_reading_it(huge_sparse_toml: Path) -> None:
    for action in ("validate", "import"):
        run = run_hotseat("packs", action, str(huge_sparse_toml), timeout=30)
        assert run.code == 1, run.err
        assert f"{huge_sparse_toml}: file is too large for a pack (2,147,483,648 bytes" in run.err
        assert "Traceback" not in run.err
        assert run.peak_mb < SMALL_MB


def test_dev_zero_and_a_folder_are_refused_by_their_kind(tmp_path: Path) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    run = run_hotseat("packs", "validate", "/dev/zero", str(folder), timeout=30)
    assert run.code == 1
    assert run.err.splitlines() == [
        "/dev/zero: a device, not a pack file; a pack is a .toml or .csv file",
        f"{folder}: a folder, not a pack file; a pack is a .toml or .csv file",
    ]
    assert run.peak_mb < SMALL_MB


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    csv_fifo = tmp_path / "pipe.csv"
    os.mkfifo(csv_fifo)
    run = run_hotseat("packs", "validate", str(fifo), str(csv_fifo), timeout=30)
    assert run.code == 1
    assert f"{fifo}: a pipe, not a pack file" in run.err
    assert f"{csv_fifo}: a pipe, not a pack file" in run.err
    run = run_hotseat("packs", "import", str(csv_fifo), timeout=30)
    assert run.code == 1 and f"{csv_fifo}: a pipe" in run.err


def test_the_library_skips_hostile_files_in_the_users_folder(
    hotseat_home: Path, tmp_path: Path
) -> None:
    packs = hotseat_home / "packs"
    packs.mkdir(parents=True)
    os.mkfifo(packs / "pipe.toml")
    with (packs / "huge.toml").open("wb") as file:
        file.truncate(2 * 1024**3)
    (packs / "zero.toml").symlink_to("/dev/zero")
    run = run_hotseat("packs", "list", timeout=30)
    assert run.code == 0, run.err
    assert "behavioral-core" in run.out
    skipped = [line for line in run.err.splitlines() if line.startswith("skipped: ")]
    assert sorted(skipped) == [
        f"skipped: {packs / 'huge.toml'}: file is too large for a pack (2,147,483,648 bytes; "
        "the limit is 1,000,000)",
        f"skipped: {packs / 'pipe.toml'}: a pipe, not a pack file; a pack is a .toml or .csv file",
        f"skipped: {packs / 'zero.toml'}: a device, not a pack file; a pack is a .toml or .csv "
        "file",
    ]
    assert run.peak_mb < SMALL_MB
