"""Saving and deleting the user's own packs from the editor, with the library's ids guarded.

The editor may overwrite only the user pack it is editing: a built-in pack's id, another user
pack's id and a file the library could not load (the user may want it back) are refused with a
``PackError`` naming the file, as every other pack problem is reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

from simulator.core.packs import Pack, PackError, PackProblem
from simulator.library.exchange import save_user_pack
from simulator.library.loading import Library


def save_pack(pack: Pack, library: Library, packs_dir: Path, replaces: str | None = None) -> Path:
    """Write ``pack`` as TOML into ``packs_dir`` and return the file.

    ``replaces`` is the id of the user pack being edited: its file is replaced (and removed if
    the id changed). ``library`` is the library as it is on disk now.
    """
    target = packs_dir / f"{pack.id}.toml"
    taken = next((p for p in library.packs if p.id == pack.id), None)
    if taken is not None and taken.source != "user":
        _refuse(target, f"the id '{pack.id}' belongs to a built-in pack; choose another")
    if taken is not None and pack.id != replaces:
        _refuse(target, f"you already have a pack with the id '{pack.id}'")
    edited = next((p for p in library.packs if p.id == replaces and p.source == "user"), None)
    old_file = edited.path.resolve() if edited is not None and edited.path else None
    if target.exists() and target.resolve() != old_file:
        _refuse(target, f"{target.name} is already in your packs folder")
    path = save_user_pack(pack, packs_dir, set(), replace=True)
    if old_file is not None and old_file != path.resolve():
        old_file.unlink(missing_ok=True)
    return path


def delete_pack(pack_id: str, library: Library, packs_dir: Path) -> None:
    """Remove the user's pack ``pack_id`` from disk; built-in packs cannot be deleted."""
    pack = next((p for p in library.packs if p.id == pack_id), None)
    where = packs_dir / f"{pack_id}.toml"
    if pack is None or pack.path is None:
        _refuse(where, f"there is no pack with the id '{pack_id}'")
    if pack.source != "user":
        _refuse(where, f"'{pack_id}' is a built-in pack and cannot be deleted")
    pack.path.unlink()


def _refuse(path: Path, message: str) -> NoReturn:
    raise PackError([PackProblem(str(path), None, message)])
