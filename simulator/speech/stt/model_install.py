"""Installing a Vosk model into Hotseat's models folder, from a .zip or by a download.

Vosk publishes its models as zip files, one folder inside each. A user either has such a zip
already or asks Hotseat to fetch one: this is the only place Hotseat uses the network, and
only when the user starts it. Either way the files are unpacked into a hidden folder next to
the installed models (model search skips hidden folders), checked as a Vosk model, and only
then renamed into place, so an interrupted or failed install never leaves a half model where
Hotseat would find it. Archive paths that would land outside the folder are refused.
"""

from __future__ import annotations

import os
import shutil
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from simulator.speech.errors import ModelError
from simulator.speech.stt.models import check_vosk_model

MODELS_URL = "https://alphacephei.com/vosk/models/"
CHUNK = 256 * 1024
TIMEOUT_S = 30

# Limits on what an archive may unpack to, so that a zip bomb is refused before anything is
# written. The largest published Vosk models are zips of about 1.8-2.3 GB (en-us-0.22,
# en-us-0.42-gigaspeech) that unpack to about 2.7-3.5 GB: model files (FSTs, neural networks)
# barely compress, about 1.1-2 to 1 overall; text files (words.txt, phones) about 4 to 1. A
# deflate bomb reaches about 1000 to 1. The limits leave several times that headroom.
MAX_UNPACKED_BYTES = 16 * 1024**3  # 16 GiB, about five times the largest model
MAX_ENTRIES = 10_000  # models hold a few dozen files
MAX_ENTRY_RATIO = 100  # unpacked/packed for one file...
MAX_TOTAL_RATIO = 20  # ...and for the whole archive
RATIO_FLOOR_BYTES = 16 * 1024**2  # files and archives smaller than this may compress as they like

# (bytes done, bytes in all or None when unknown)
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class ModelOffer:
    """A published English model the user can ask for by name."""

    name: str
    size_mb: int
    about: str

    @property
    def url(self) -> str:
        return f"{MODELS_URL}{self.name}.zip"


ENGLISH_MODELS = (
    ModelOffer("vosk-model-small-en-us-0.15", 40, "small and quick; good on a laptop"),
    ModelOffer("vosk-model-en-us-0.22-lgraph", 128, "more accurate, still light"),
    ModelOffer("vosk-model-en-us-0.22", 1800, "the most accurate; needs about 6 GB of memory"),
)


class InstallCancelled(Exception):
    """The user stopped the install; nothing was left behind."""


def _never() -> bool:
    return False


def _model_root(names: list[str]) -> PurePosixPath:
    """The folder inside the archive that holds the model (where am/final.mdl is)."""
    roots = {
        PurePosixPath(name).parent.parent
        for name in names
        if PurePosixPath(name).parts[-2:] == ("am", "final.mdl")
    }
    if len(roots) != 1:
        found = "no" if not roots else "more than one"
        raise ModelError(f"The archive holds {found} Vosk model (looked for am/final.mdl).")
    return roots.pop()


def _safe(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or "\\" in name:
        raise ModelError(f"The archive has an unsafe path ({name}); it was not unpacked.")
    return path


# What Python's zipfile can unpack; others (Deflate64, PPMd, AES) raise NotImplementedError.
_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}


def _unpackable(member: zipfile.ZipInfo) -> None:
    """Refuse, before writing anything, an entry zipfile cannot unpack, naming it and why."""
    if member.flag_bits & 0x1:
        why = "is encrypted (it needs a password)"
    elif member.compress_type not in _METHODS:
        why = f"uses a compression method Hotseat cannot unpack (method {member.compress_type})"
    else:
        return
    raise ModelError(
        f"The archive's file {member.filename} {why}; it was not unpacked. Unpack the model "
        "yourself and choose its folder in Settings."
    )


def install_zip(
    archive: Path,
    models_dir: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = _never,
    name: str | None = None,
) -> Path:
    """Unpack the model in ``archive`` into ``models_dir``; its installed folder.

    The folder is named after the model's folder in the archive, else ``name``, else the
    archive. A model of the same name that is already installed and sound is kept.
    """
    models_dir.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(archive) as bundle:
            members = [m for m in bundle.infolist() if not m.is_dir()]
            for member in members:
                _safe(member.filename)
                _unpackable(member)
            root = _model_root([m.filename for m in members])
            members = [m for m in members if _under(m.filename, root)]
            _check_sizes(archive, members)
            folder = root.name or name or archive.stem
            target = models_dir / folder
            if _is_model(target):
                return target
            staging = models_dir / f".{folder}.partial"
            _remove(staging)
            try:
                _unpack(bundle, members, root, staging, progress, cancelled)
                check_vosk_model(staging)
                _remove(target)
                os.replace(staging, target)
            except BaseException:
                _remove(staging)
                raise
    except zipfile.BadZipFile:
        raise ModelError(f"{archive.name} is not a zip file, or it is damaged.") from None
    except _TooLarge:
        raise ModelError(_bomb_message(archive, "more than its files declare")) from None
    except OSError as error:
        raise ModelError(_disk_message(error, models_dir)) from None
    return target


class _TooLarge(Exception):
    """An archive that would unpack to more than the limits allow (a zip bomb)."""


def _bomb_message(archive: Path, detail: str) -> str:
    return (
        f"{archive.name} would unpack to {detail}, more than any Vosk model; "
        "it was not unpacked (is it a zip bomb?)."
    )


def _check_sizes(archive: Path, members: list[zipfile.ZipInfo]) -> None:
    """Refuse, before writing anything, an archive whose declared sizes exceed the limits."""
    if len(members) > MAX_ENTRIES:
        raise ModelError(_bomb_message(archive, f"{len(members):,} files"))
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members)
    if total > MAX_UNPACKED_BYTES:
        raise ModelError(_bomb_message(archive, f"{total / 1024**2:,.0f} MB"))
    for member in members:
        if member.file_size > RATIO_FLOOR_BYTES and (
            member.file_size > MAX_ENTRY_RATIO * max(member.compress_size, 1)
        ):
            ratio = member.file_size // max(member.compress_size, 1)
            raise ModelError(_bomb_message(archive, f"{ratio:,} times its packed size"))
    if total > RATIO_FLOOR_BYTES and total > MAX_TOTAL_RATIO * max(packed, 1):
        raise ModelError(_bomb_message(archive, f"{total // max(packed, 1):,} times its size"))


def _is_model(path: Path) -> bool:
    try:
        check_vosk_model(path)
    except ModelError:
        return False  # absent, or a broken leftover that the install replaces
    return True


def _under(name: str, root: PurePosixPath) -> bool:
    return not root.parts or PurePosixPath(name).parts[: len(root.parts)] == root.parts


def _unpack(
    bundle: zipfile.ZipFile,
    members: list[zipfile.ZipInfo],
    root: PurePosixPath,
    staging: Path,
    progress: Progress | None,
    cancelled: Callable[[], bool],
) -> None:
    total = sum(m.file_size for m in members)
    done = 0
    for member in members:
        relative = PurePosixPath(member.filename).parts[len(root.parts) :]
        destination = staging.joinpath(*relative)
        destination.parent.mkdir(parents=True, exist_ok=True)
        # The declared sizes were checked; these bounds hold even if they lie.
        entry_limit = min(member.file_size, MAX_UNPACKED_BYTES - done)
        with bundle.open(member) as source, destination.open("wb") as sink:
            done = _copy(source, sink, done, total, progress, cancelled, done + entry_limit)


def _copy(
    source: IO[bytes],
    sink: IO[bytes],
    done: int,
    total: int | None,
    progress: Progress | None,
    cancelled: Callable[[], bool],
    limit: int | None = None,
) -> int:
    """Copy in chunks, reporting and checking for a cancel between them; bytes done after.

    ``limit``: a bound on ``done``; a source that goes past it raises _TooLarge unwritten.
    """
    while chunk := source.read(CHUNK):
        if cancelled():
            raise InstallCancelled
        if limit is not None and done + len(chunk) > limit:
            raise _TooLarge
        sink.write(chunk)
        done += len(chunk)
        if progress:
            progress(done, total)
    return done


def download_model(
    url: str,
    models_dir: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = _never,
    unpacking: Progress | None = None,
) -> Path:
    """Fetch the zip at ``url`` and install the model in it; its installed folder."""
    address = urllib.parse.urlparse(url)
    if address.scheme not in ("http", "https"):
        raise ModelError(f"{url} is not a web address (http:// or https://).")
    models_dir.mkdir(parents=True, exist_ok=True)
    name = PurePosixPath(address.path).name or "model.zip"
    archive = models_dir / f".{name}.download"
    try:
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:
                length = response.headers.get("Content-Length")
                total = int(length) if length and length.isdigit() else None
                with archive.open("wb") as sink:
                    done = _copy(response, sink, 0, total, progress, cancelled)
            if total is not None and done != total:
                raise ModelError(f"The download of {name} stopped early ({done} of {total} bytes).")
        except urllib.error.HTTPError as error:
            raise ModelError(
                f"Could not download {url}: the server answered {error.code} {error.reason}."
            ) from None
        except (urllib.error.URLError, TimeoutError) as error:
            reason = getattr(error, "reason", error)
            raise ModelError(
                f"Could not download {url} ({reason}). Check the internet connection."
            ) from None
        except OSError as error:
            raise ModelError(_disk_message(error, models_dir)) from None
        return install_zip(archive, models_dir, unpacking, cancelled, name.removesuffix(".zip"))
    finally:
        archive.unlink(missing_ok=True)


def install_model(
    source: str,
    models_dir: Path,
    progress: Callable[[str, int, int | None], None] | None = None,
    cancelled: Callable[[], bool] = _never,
) -> Path:
    """Install from ``source``: a .zip file, a name in ENGLISH_MODELS, or an http(s) address.

    ``progress(stage, done, total)`` hears "Downloading" and then "Unpacking".
    """

    def stage(name: str) -> Progress | None:
        if progress is None:
            return None
        return lambda done, total: progress(name, done, total)

    offers = {offer.name: offer for offer in ENGLISH_MODELS}
    if Path(source).is_file():
        return install_zip(Path(source), models_dir, stage("Unpacking"), cancelled)
    if source in offers or source.startswith(("http://", "https://")):
        url = offers[source].url if source in offers else source
        return download_model(url, models_dir, stage("Downloading"), cancelled, stage("Unpacking"))
    raise ModelError(f"{source} is neither a file, a model's name nor a web address.")


def _disk_message(error: OSError, folder: Path) -> str:
    if error.errno == 28:  # ENOSPC
        return f"Not enough free disk space in {folder} for the model."
    return f"Could not write the model into {folder}: {error.strerror or error}."


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


__all__ = [
    "ENGLISH_MODELS",
    "InstallCancelled",
    "ModelOffer",
    "Progress",
    "download_model",
    "install_model",
    "install_zip",
]
