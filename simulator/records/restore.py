"""Restoring a backup made by ``backup.py``: everything checked before anything is replaced.

The archive is refused, with one sentence and nothing changed, when it is not a whole zip
(cut short, damaged), when any of its paths is absolute, has ``..`` or a drive (it could write
outside the data folder), when it is not a Hotseat backup (no manifest, or another app's),
when a file's size or SHA-256 differs from the manifest, when it holds a file the manifest
does not list, or when its database is damaged or from a newer Hotseat.

The limits of the model installer (speech/stt/model_install.py) hold here too, so a zip bomb
is refused before a byte is written: declared sizes must match the manifest, no entry may
unpack to more than it declares (the copy stops at its size), the whole must fit on the disk,
and a large entry or archive may not claim more than 100 and 20 times its packed size.

The files are unpacked and checked in a hidden folder inside the data folder first. Only then
is the user asked (``confirm``), if there is data the restore would replace; the old database
and recordings are moved aside, the restored ones moved in, and the old ones deleted. A
failure while swapping moves the old ones back.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from simulator.records.backup import (
    APP,
    CHUNK,
    DB_NAME,
    FORMAT_VERSION,
    KIND,
    MANIFEST,
    RECORDINGS,
    BackupError,
    FileEntry,
    hold_every_session,
    list_recordings,
)
from simulator.store import DataLayout, StoreError
from simulator.store.snapshot import check_restorable, count_sessions

MAX_ENTRIES = 500_000  # ten thousand sessions of ten answers, five times over
MAX_MANIFEST_BYTES = 128 * 1024**2
MAX_ENTRY_RATIO = 100
MAX_TOTAL_RATIO = 20
RATIO_FLOOR_BYTES = 16 * 1024**2
_SHA256 = re.compile(r"[0-9a-f]{64}")
_STAGING = ".restore.partial"
_OLD = ".restore.old"

#: Asked before existing data is replaced: the question; True to go ahead.
Confirm = Callable[[str], bool]


class RestoreDeclined(Exception):
    """The user said no: nothing was changed."""


@dataclass(frozen=True)
class RestoreSummary:
    sessions: int
    recordings: int
    created_at: str


def restore_backup(layout: DataLayout, archive: Path, confirm: Confirm) -> RestoreSummary:
    """Replace the database and recordings in ``layout`` with those of ``archive``.

    BackupError says why the archive was refused; RestoreDeclined when ``confirm`` said no.
    """
    if not archive.is_file():
        raise BackupError(f"{archive} does not exist or is not a file.", usage=True)
    try:
        layout.home.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(f"The data folder {layout.home} cannot be created ({error}).") from None
    staging = layout.home / _STAGING
    _remove(staging)
    try:
        manifest, entries = _unpack_checked(archive, staging, layout.home)
        try:
            _version, sessions = check_restorable(staging / DB_NAME, archive.name)
        except StoreError as error:
            raise BackupError(str(error)) from None
        question = _replace_question(layout, sessions)
        if question is not None and not confirm(question):
            raise RestoreDeclined
        with hold_every_session(layout):
            _swap_in(layout, staging)
    finally:
        _remove(staging)
    return RestoreSummary(
        sessions=sessions,
        recordings=len(entries) - 1,
        created_at=str(manifest.get("created_at", "")),
    )


def _replace_question(layout: DataLayout, incoming: int) -> str | None:
    """What to ask before replacing the data there is, or None when there is none."""
    existing = count_sessions(layout.db_path)
    recordings = len(list_recordings(layout))
    if existing == 0 and recordings == 0:
        return None
    saved = "a database Hotseat cannot read" if existing is None else f"{existing} session(s)"
    return (
        f"{layout.home} holds {saved} and {recordings} recording(s). Replace them all with "
        f"the backup's {incoming} session(s)?"
    )


# --- reading and checking the archive ---------------------------------------------------------


def _unpack_checked(
    archive: Path, staging: Path, home: Path
) -> tuple[dict[str, Any], list[FileEntry]]:
    name = archive.name
    try:
        with zipfile.ZipFile(archive) as bundle:
            infos = [info for info in bundle.infolist() if not info.is_dir()]
            for info in infos:
                _check_safe(info.filename, name)
            manifest, entries = _read_manifest(bundle, name)
            by_name = _match_listing(infos, entries, name)
            _check_sizes(by_name, entries, name, home)
            for entry in entries:
                _unpack_one(bundle, by_name[entry.path], entry, staging, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error):
        raise BackupError(
            f"{name} is damaged or not a whole zip file (was it cut short?); nothing was restored."
        ) from None
    except NotImplementedError:  # an encrypted entry or a method zipfile cannot unpack
        raise BackupError(f"{name} was not made by Hotseat; nothing was restored.") from None
    except OSError as error:
        raise BackupError(
            f"{name} could not be unpacked into {home} ({error.strerror or error}); nothing "
            "was restored.",
            usage=True,
        ) from None
    return manifest, entries


def _check_safe(path: str, archive: str) -> None:
    inner = PurePosixPath(path)
    if (
        not path
        or "\\" in path
        or inner.is_absolute()
        or ".." in inner.parts
        or ":" in inner.parts[0]
    ):
        raise BackupError(
            f"{archive} holds a file with an unsafe path ({path!r}) that would land outside "
            "the data folder; nothing was restored."
        )


def _read_manifest(bundle: zipfile.ZipFile, archive: str) -> tuple[dict[str, Any], list[FileEntry]]:
    foreign = BackupError(
        f"{archive} is not a Hotseat backup (no Hotseat manifest in it); nothing was restored."
    )
    try:
        info = bundle.getinfo(MANIFEST)
    except KeyError:
        raise foreign from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise foreign
    with bundle.open(info) as source:
        raw = source.read(MAX_MANIFEST_BYTES + 1)
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise foreign from None
    if not isinstance(manifest, dict) or (manifest.get("app"), manifest.get("kind")) != (APP, KIND):
        raise foreign
    version = manifest.get("format")
    if not isinstance(version, int) or version < 1:
        raise foreign
    if version > FORMAT_VERSION:
        raise BackupError(
            f"{archive} was made by a newer Hotseat (backup format {version}, this one reads "
            f"{FORMAT_VERSION}); update Hotseat to restore it."
        )
    return manifest, _entries(manifest, archive)


def _entries(manifest: dict[str, Any], archive: str) -> list[FileEntry]:
    damaged = BackupError(f"{archive} has a damaged manifest; nothing was restored.")
    files = manifest.get("files")
    if not isinstance(files, list):
        raise damaged
    entries = []
    for item in files:
        if not isinstance(item, dict):
            raise damaged
        path, size, sha = item.get("path"), item.get("size"), item.get("sha256")
        if not isinstance(path, str) or not isinstance(size, int) or size < 0:
            raise damaged
        if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
            raise damaged
        _check_safe(path, archive)
        if path != DB_NAME and PurePosixPath(path).parts[0] != RECORDINGS:
            raise damaged  # a backup restores the database and recordings, nothing else
        entries.append(FileEntry(path, size, sha))
    paths = [entry.path for entry in entries]
    if DB_NAME not in paths or len(set(paths)) != len(paths):
        raise damaged
    return entries


def _match_listing(
    infos: list[zipfile.ZipInfo], entries: list[FileEntry], archive: str
) -> dict[str, zipfile.ZipInfo]:
    """The archive's entries by name, which must be exactly the manifest's files."""
    if len(infos) > MAX_ENTRIES:
        raise BackupError(
            f"{archive} holds {len(infos):,} files, more than any backup; "
            "nothing was restored (is it a zip bomb?)."
        )
    names = [info.filename for info in infos if info.filename != MANIFEST]
    if len(set(names)) != len(names):
        raise BackupError(f"{archive} holds the same file twice; nothing was restored.")
    by_name = {info.filename: info for info in infos if info.filename != MANIFEST}
    listed = {entry.path for entry in entries}
    missing = sorted(listed - set(by_name))
    extra = sorted(set(by_name) - listed)
    if missing:
        raise BackupError(
            f"{archive} is damaged: {missing[0]} is missing from it; nothing was restored."
        )
    if extra:
        raise BackupError(
            f"{archive} holds {extra[0]}, which its manifest does not list; nothing was restored."
        )
    return by_name


def _check_sizes(
    by_name: dict[str, zipfile.ZipInfo], entries: list[FileEntry], archive: str, home: Path
) -> None:
    """Refuse, before writing anything, sizes that disagree or exceed the limits."""
    total = packed = 0
    for entry in entries:
        info = by_name[entry.path]
        if info.file_size != entry.size:
            raise BackupError(
                f"{archive} is damaged: {entry.path} is not the size its "
                "manifest says; nothing was restored."
            )
        total += info.file_size
        packed += info.compress_size
        if info.file_size > RATIO_FLOOR_BYTES and (
            info.file_size > MAX_ENTRY_RATIO * max(info.compress_size, 1)
        ):
            raise _bomb(archive)
    if total > RATIO_FLOOR_BYTES and total > MAX_TOTAL_RATIO * max(packed, 1):
        raise _bomb(archive)
    free = shutil.disk_usage(home).free
    if total > free:
        raise BackupError(
            f"{archive} needs {total / 1024**2:,.0f} MB and {home} has only "
            f"{free / 1024**2:,.0f} MB free; nothing was restored.",
            usage=True,
        )


def _bomb(archive: str) -> BackupError:
    return BackupError(
        f"{archive} would unpack to far more than it holds; nothing was "
        "restored (is it a zip bomb?)."
    )


def _unpack_one(
    bundle: zipfile.ZipFile, info: zipfile.ZipInfo, entry: FileEntry, staging: Path, archive: str
) -> None:
    """Unpack one file, never more than its declared size, and check its SHA-256."""
    target = staging.joinpath(*PurePosixPath(entry.path).parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    with bundle.open(info) as source, target.open("wb") as sink:
        while chunk := source.read(CHUNK):
            size += len(chunk)
            if size > entry.size:
                raise _bomb(archive)
            digest.update(chunk)
            sink.write(chunk)
    if size != entry.size or digest.hexdigest() != entry.sha256:
        raise BackupError(
            f"{archive} is damaged: {entry.path} does not match its checksum; nothing was restored."
        )


# --- putting the restored files in place ------------------------------------------------------


def _swap_in(layout: DataLayout, staging: Path) -> None:
    """Move the current database and recordings aside, the restored ones in, then delete the
    old ones; a failure on the way puts the old ones back."""
    old = layout.home / _OLD
    _remove(old)
    old.mkdir()
    current = [layout.db_path, *_side_files(layout.db_path), layout.sessions_dir]
    existed = [path for path in current if path.exists()]
    moved: list[Path] = []
    try:
        for path in current:
            if path.exists():
                os.replace(path, old / path.name)
                moved.append(path)
        os.replace(staging / DB_NAME, layout.db_path)
        if (staging / RECORDINGS).is_dir():
            os.replace(staging / RECORDINGS, layout.sessions_dir)
        else:
            layout.sessions_dir.mkdir()
    except OSError as error:
        for path in (layout.db_path, layout.sessions_dir):
            if path in moved or path not in existed:  # what is there now is the backup's
                _remove(path)
        for path in moved:
            os.replace(old / path.name, path)
        _remove(old)
        raise BackupError(
            f"The backup could not be put in place in {layout.home} ({error.strerror or error}); "
            "your data was left as it was."
        ) from None
    _remove(old)


def _side_files(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink(missing_ok=True)


__all__ = ["Confirm", "RestoreDeclined", "RestoreSummary", "restore_backup"]
