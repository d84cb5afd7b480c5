"""Where Hotseat keeps its files inside the data folder, and how paths are stored in the DB.

::

    <home>/hotseat.db
    <home>/sessions/<session id>/<position>-<question id>.wav
    <home>/sessions/<session id>-<n>/...  when <session id>/ already held recordings
    <home>/models/            speech models the user added
    <home>/packs/             the user's own question packs
    <home>/cache/tts/         rendered interviewer prompts

Session ids restart at 1 when a damaged database is moved aside, so the folder named after a
new session's id may hold an older session's recordings: a new session then records into the
first free ``<id>-<n>`` folder instead (:meth:`DataLayout.recordings_dir`), and its rows store
the real path. A recording is never written over.

The database stores audio paths relative to ``home`` in POSIX form, so a data folder can be
moved (or synced between Windows and Linux) without rewriting rows. ``paths.py`` decides
``home``; this module only knows the layout under it.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from simulator.store.errors import CANNOT_OPEN, StoreError
from simulator.store.names import DB_FILE_NAME

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_MAX_ID_CHARS = 80
LOCK_NAME = ".lock"  # locks.py's lock file: a folder holding only it holds no recordings


class OutsideDataFolder(ValueError):
    """A stored path that leads out of the data folder (a hand-edited or foreign database)."""


def safe_name(question_id: str) -> str:
    """``question_id`` reduced to characters that are safe in a file name on every platform."""
    cleaned = _UNSAFE.sub("_", question_id).strip("_")[:_MAX_ID_CHARS]
    return cleaned or "answer"


class DataLayout:
    """The folders and files under one data folder (``home``)."""

    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        self.db_path = self.home / DB_FILE_NAME
        self.sessions_dir = self.home / "sessions"
        self.models_dir = self.home / "models"
        self.packs_dir = self.home / "packs"
        self.tts_cache_dir = self.home / "cache" / "tts"

    def __repr__(self) -> str:
        return f"DataLayout({str(self.home)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DataLayout) and other.home == self.home

    def __hash__(self) -> int:
        return hash(self.home)

    def session_dir(self, session_id: int) -> Path:
        return self.sessions_dir / str(int(session_id))

    def recordings_dir(self, session_id: int) -> Path:
        """The folder a new session records into, created: ``sessions/<id>`` unless it holds
        files already (then the first free or empty ``sessions/<id>-<n>``)."""
        candidates = [self.session_dir(session_id)]
        candidates += [self.sessions_dir / f"{int(session_id)}-{n}" for n in range(2, 10_000)]
        for folder in candidates:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                if all(entry.name == LOCK_NAME for entry in folder.iterdir()):
                    return folder
            except (FileExistsError, NotADirectoryError):
                continue  # a file where a folder would go: not ours to touch
        raise StoreError(
            f"Hotseat found no free folder for session {session_id} in {self.sessions_dir}.",
            kind=CANNOT_OPEN,
            path=self.sessions_dir,
        )

    def answer_wav(
        self, session_id: int, position: int, question_id: str, folder: Path | None = None
    ) -> Path:
        """The recording of one answer (in ``folder``, by default the session's own); the
        question id is sanitised for the file system."""
        folder = self.session_dir(session_id) if folder is None else folder
        return folder / f"{int(position)}-{safe_name(question_id)}.wav"

    def relative(self, path: Path) -> str:
        """``path`` as the POSIX path relative to ``home`` that the database stores."""
        path = Path(path)
        try:
            inner = path.relative_to(self.home)
        except ValueError:
            # The same folder may be spelt differently (a symlink, a relative HOTSEAT_HOME).
            try:
                inner = path.resolve().relative_to(self.home.resolve())
            except ValueError:
                raise ValueError(f"{path} is not inside the data folder {self.home}") from None
        return inner.as_posix()

    def absolute(self, relative: str) -> Path:
        """The file a stored relative path points to; OutsideDataFolder for paths leaving
        ``home`` (absolute, with ``..``, or with a drive)."""
        inner = PurePosixPath(str(relative).replace("\\", "/"))
        if inner.is_absolute() or ".." in inner.parts or not inner.parts or ":" in inner.parts[0]:
            raise OutsideDataFolder(
                f"the stored path {relative!r} points outside the data folder {self.home}"
            )
        return self.home.joinpath(*inner.parts)

    def ensure(self) -> None:
        """Create the data folder and its subfolders (those that exist are left alone)."""
        for folder in (self.sessions_dir, self.models_dir, self.packs_dir, self.tts_cache_dir):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                reason = error.strerror or str(error)
                raise StoreError(
                    f"Hotseat cannot create its data folder {folder} ({reason}); "
                    "choose a writable folder with HOTSEAT_HOME.",
                    kind=CANNOT_OPEN,
                    path=folder,
                ) from error


__all__ = ["LOCK_NAME", "DataLayout", "OutsideDataFolder", "safe_name"]
