"""The editor's save and delete of a user pack, on real folders: ids are guarded, a renamed
pack leaves no old file behind."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from simulator.core.packs import Pack, PackError, Question, load_pack
from simulator.library import load_library
from simulator.library.editing import delete_pack, save_pack

PACK = Pack(
    id="mine",
    title="Mine",
    questions=(Question(id="one", text="One?", category="growth"),),
    source="user",
)
BUILT_IN = """[pack]
id = "theirs"
title = "Theirs"

[[questions]]
id = "q1"
text = "Why this role?"
category = "motivation"
"""


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    builtin, user = tmp_path / "builtin", tmp_path / "user"
    builtin.mkdir()
    (builtin / "theirs.toml").write_text(BUILT_IN, encoding="utf-8")
    return builtin, user


def test_renaming_a_pack_moves_its_file(folders: tuple[Path, Path]) -> None:
    builtin, user = folders
    first = save_pack(PACK, load_library(builtin, user), user)
    assert first == user / "mine.toml"
    renamed = save_pack(replace(PACK, id="ours"), load_library(builtin, user), user, "mine")
    assert renamed == user / "ours.toml"
    assert not first.exists()
    assert load_pack(renamed, source="user").questions == PACK.questions
    assert [p.id for p in load_library(builtin, user).packs] == ["theirs", "ours"]


def test_a_built_in_id_is_neither_taken_nor_deleted(folders: tuple[Path, Path]) -> None:
    builtin, user = folders
    with pytest.raises(PackError, match="belongs to a built-in pack"):
        save_pack(replace(PACK, id="theirs"), load_library(builtin, user), user, "theirs")
    with pytest.raises(PackError, match="built-in pack and cannot be deleted"):
        delete_pack("theirs", load_library(builtin, user), user)
    assert (builtin / "theirs.toml").read_text(encoding="utf-8") == BUILT_IN
    assert not user.exists()


def test_delete_removes_the_users_file(folders: tuple[Path, Path]) -> None:
    builtin, user = folders
    path = save_pack(PACK, load_library(builtin, user), user)
    delete_pack("mine", load_library(builtin, user), user)
    assert not path.exists()
    with pytest.raises(PackError, match="no pack with the id 'mine'"):
        delete_pack("mine", load_library(builtin, user), user)
