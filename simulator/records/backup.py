"""Backing up everything Hotseat saved (the database and every recording) to one zip file.

A backup holds ``hotseat.db`` (a consistent copy made with SQLite's backup API, see
``store.snapshot``), every recording under ``sessions/`` at its path relative to the data
folder (the paths the database stores, so a restore needs no rewriting), and ``manifest.json``
last: the app, the backup format, the database's schema version, when it was made and each
file with its size and SHA-256. ``restore.py`` reads it back and checks all of that.

Nothing else writes while a backup is made: every session folder's lock is held throughout, so
a backup refuses to start while a session is being recorded. The zip is written under a
temporary name and renamed at the end, so an interrupted backup never leaves a half archive
under the name asked for. Recordings are stored uncompressed (speech barely compresses and
they are most of the bytes), the database and the manifest deflated.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from simulator.records.locks import SessionLock
from simulator.store import DataLayout
from simulator.store.files import LOCK_NAME
from simulator.store.snapshot import copy_database, count_sessions

APP = "hotseat"
KIND = "backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DB_NAME = "hotseat.db"
RECORDINGS = "sessions"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that could not be done; ``usage``: the user's input or environment
    (a missing file, no way to ask), else the work itself failed (a damaged archive)."""

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


@dataclass(frozen=True)
class FileEntry:
    """One file of a backup: its path inside the archive (and the data folder)."""

    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    sessions: int
    recordings: int
    bytes: int


def create_backup(
    layout: DataLayout, target: Path, *, created_at: str, app_version: str
) -> BackupSummary:
    """Write a backup of everything in ``layout`` to ``target`` (a .zip, replaced if it
    exists: the caller asks first). BackupError or StoreError say why it could not be made."""
    if not layout.db_path.exists():
        raise BackupError(f"There is nothing to back up yet: no database in {layout.home}.")
    partial = target.with_name(f".{target.name}.partial")
    database_copy = target.with_name(f".{target.name}.db.partial")
    try:
        with hold_every_session(layout):
            schema_version = copy_database(layout.db_path, database_copy)
            sessions = count_sessions(database_copy) or 0
            recordings = list_recordings(layout)
            entries = _write_archive(
                partial, layout, database_copy, recordings, schema_version, created_at, app_version
            )
        os.replace(partial, target)
    except OSError as error:
        raise BackupError(
            f"The backup could not be written to {target} ({error.strerror or error}).",
            usage=True,
        ) from error
    finally:
        database_copy.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    return BackupSummary(
        path=target,
        sessions=sessions,
        recordings=len(recordings),
        bytes=sum(entry.size for entry in entries),
    )


def _write_archive(
    partial: Path,
    layout: DataLayout,
    database_copy: Path,
    recordings: list[Path],
    schema_version: int,
    created_at: str,
    app_version: str,
) -> list[FileEntry]:
    entries = []
    with zipfile.ZipFile(partial, "w", allowZip64=True) as bundle:
        entries.append(_add(bundle, database_copy, DB_NAME, zipfile.ZIP_DEFLATED))
        for path in recordings:
            entries.append(_add(bundle, path, layout.relative(path), zipfile.ZIP_STORED))
        manifest = {
            "app": APP,
            "kind": KIND,
            "format": FORMAT_VERSION,
            "schema_version": schema_version,
            "created_at": created_at,
            "app_version": app_version,
            "files": [entry.__dict__ for entry in entries],
        }
        text = json.dumps(manifest, ensure_ascii=False, indent=1)
        bundle.writestr(MANIFEST, text, compress_type=zipfile.ZIP_DEFLATED)
    return entries


def _add(bundle: zipfile.ZipFile, source: Path, name: str, method: int) -> FileEntry:
    """Copy ``source`` into the archive as ``name``, hashing it on the way."""
    info = zipfile.ZipInfo.from_file(source, name, strict_timestamps=False)
    info.compress_type = method
    digest = hashlib.sha256()
    size = 0
    with source.open("rb") as reader, bundle.open(info, "w", force_zip64=True) as writer:
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
            writer.write(chunk)
            size += len(chunk)
    return FileEntry(path=name, size=size, sha256=digest.hexdigest())


def list_recordings(layout: DataLayout) -> list[Path]:
    """Every file under ``sessions/`` but the lock files, in a stable order (links are not
    followed: a link could lead anywhere on the disk)."""
    if not layout.sessions_dir.is_dir():
        return []
    found = []
    for folder, subfolders, files in os.walk(layout.sessions_dir):
        subfolders.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if name != LOCK_NAME and path.is_file() and not path.is_symlink():
                found.append(path)
    return found


@contextlib.contextmanager
def hold_every_session(layout: DataLayout) -> Iterator[None]:
    """Hold the lock of every session folder; BackupError names one being recorded."""
    held: list[SessionLock] = []
    try:
        folders = sorted(layout.sessions_dir.iterdir()) if layout.sessions_dir.is_dir() else []
        for folder in folders:
            if not (folder / LOCK_NAME).is_file():
                continue
            lock = SessionLock(folder / LOCK_NAME)
            if not lock.acquire():
                raise BackupError(
                    f"Session {folder.name} is being recorded; end it first, then try again.",
                    usage=True,
                )
            held.append(lock)
        yield
    finally:
        for lock in held:
            lock.release()


__all__ = [
    "APP",
    "DB_NAME",
    "FORMAT_VERSION",
    "KIND",
    "MANIFEST",
    "BackupError",
    "BackupSummary",
    "FileEntry",
    "create_backup",
    "hold_every_session",
    "list_recordings",
]
