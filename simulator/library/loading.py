"""The pack library: built-in packs beside the user's own, with broken user packs reported.

A broken built-in pack is a bug and fails loudly in tests; a broken user pack is the user's
file, so it is skipped and its problems are kept for the UI and ``hotseat packs list`` to show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.core.packs import Pack, PackError, PackProblem, load_pack

if TYPE_CHECKING:
    from simulator.library.pack_cache import PackCache


@dataclass
class Library:
    packs: list[Pack] = field(default_factory=list)
    problems: list[PackProblem] = field(default_factory=list)

    def get(self, pack_id: str) -> Pack:
        for pack in self.packs:
            if pack.id == pack_id:
                return pack
        known = ", ".join(p.id for p in self.packs) or "none"
        raise KeyError(f"no pack with id '{pack_id}' (known packs: {known})")


def load_library(
    builtin_dir: Path, user_dir: Path | None, cache_file: Path | None = None
) -> Library:
    """Every pack from both folders; a user pack with an id already taken is refused.

    With ``cache_file``, packs parsed at an earlier start are taken from it when their files
    are unchanged (``pack_cache``), and it is brought up to date.
    """
    library = Library()
    cache = None
    if cache_file is not None:
        from simulator.library.pack_cache import PackCache

        cache = PackCache(cache_file)
    for folder, source in ((builtin_dir, "built-in"), (user_dir, "user")):
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                pack = _load(path, source, cache)
            except PackError as error:
                library.problems.extend(error.problems)
                continue
            if any(existing.id == pack.id for existing in library.packs):
                library.problems.append(
                    PackProblem(str(path), None, f"pack id '{pack.id}' is already used; skipped")
                )
                continue
            library.packs.append(pack)
    if cache is not None:
        cache.save()
    return library


def _load(path: Path, source: str, cache: PackCache | None) -> Pack:
    if cache is None:
        return load_pack(path, source)
    from simulator.library.pack_cache import file_key

    try:
        key = file_key(path, source)  # before reading: a write while reading changes it
    except OSError:
        return load_pack(path, source)  # which says what is wrong with the file
    pack = cache.get(key)
    if pack is None:
        pack = load_pack(path, source)
        cache.put(key, pack)
    return pack
