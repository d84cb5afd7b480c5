"""The pack files façade on a tmp data folder: the window saves and deletes through them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from simulator import paths
from simulator.core.packs import Pack, PackError, Question, load_pack
from simulator.services import Services, build_services
from simulator.settings import Settings

PACK = Pack(
    id="mine",
    title="Mine",
    questions=(Question(id="one", text="One?", category="growth", tips=("Be brief.",)),),
    source="user",
)


@pytest.fixture
def app_services(hotseat_home: Path) -> Services:
    return build_services(Settings(), paths.layout())


def test_save_writes_a_loadable_pack_and_the_library_sees_it(app_services: Services) -> None:
    path = app_services.packs.save_pack(PACK)
    assert path == app_services.layout.packs_dir / "mine.toml"
    assert load_pack(path, source="user").questions == PACK.questions
    library = app_services.packs.load_library()
    assert library.get("mine").source == "user"
    assert library.get("behavioral-core").source == "built-in"
    # Saving again needs ``replaces``: the same id is otherwise another pack's.
    with pytest.raises(PackError, match="already have a pack with the id 'mine'"):
        app_services.packs.save_pack(PACK)
    app_services.packs.save_pack(replace(PACK, title="Mine, again"), replaces="mine")
    assert app_services.packs.load_library().get("mine").title == "Mine, again"


def test_save_refuses_a_built_in_id_and_a_file_it_could_not_load(
    app_services: Services,
) -> None:
    with pytest.raises(PackError, match="belongs to a built-in pack"):
        app_services.packs.save_pack(replace(PACK, id="warm-up"), replaces="warm-up")
    broken = app_services.layout.packs_dir / "mine.toml"
    broken.write_text("[pack]\nid = 'mine'\n", encoding="utf-8")  # no title, no questions
    with pytest.raises(PackError, match=r"mine\.toml is already in your packs folder"):
        app_services.packs.save_pack(PACK)
    assert broken.read_text(encoding="utf-8") == "[pack]\nid = 'mine'\n"


def test_delete_removes_only_user_packs(app_services: Services) -> None:
    path = app_services.packs.save_pack(PACK)
    with pytest.raises(PackError, match="built-in pack and cannot be deleted"):
        app_services.packs.delete_pack("warm-up")
    with pytest.raises(PackError, match="no pack with the id 'nope'"):
        app_services.packs.delete_pack("nope")
    app_services.packs.delete_pack("mine")
    assert not path.exists()
    assert "mine" not in [p.id for p in app_services.packs.load_library().packs]
