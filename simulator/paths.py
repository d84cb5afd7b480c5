"""Where Hotseat keeps its files: one data folder, overridable by ``HOTSEAT_HOME``.

Tests and portable installs set ``HOTSEAT_HOME``; everyone else gets the platform's user data
folder (platformdirs). Settings live beside the data so one folder holds a whole profile.

It also finds what ships with Hotseat (the built-in question packs, the icons): package data
inside ``simulator`` in a wheel and in the PyInstaller bundle, the repository's top-level
folders in a checkout or an editable install (see setup.py and docs/PACKAGING.md).
"""

from __future__ import annotations

import os
import sys

from simulator.store.names import DB_FILE_NAME

# pathlib and typing are imported where used: ``sessions list --json`` reads the data folder
# here and is measured against the sqlite3 CLI, which pays for neither (docs/PERFORMANCE.md).
TYPE_CHECKING = False  # typing.TYPE_CHECKING, which mypy and ruff know by name
if TYPE_CHECKING:
    from pathlib import Path

    from simulator.store.files import DataLayout

APP_NAME = "hotseat"
HOME_ENV = "HOTSEAT_HOME"


def data_home() -> Path:
    """The data folder: ``$HOTSEAT_HOME`` if set, else the platform's user data folder."""
    from pathlib import Path

    return Path(data_home_text())


def data_home_text() -> str:
    """:func:`data_home` as text: what ``sessions list --json`` needs before anything else
    (``quick_list``)."""
    override = os.environ.get(HOME_ENV)
    if override:
        return os.path.expanduser(override)
    known = _xdg_data_home()
    if known is not None:
        return os.path.join(known, APP_NAME)
    import platformdirs  # macOS, Windows, and a Linux environment with odd variables

    return platformdirs.user_data_dir(APP_NAME, appauthor=False)


def _xdg_data_home() -> str | None:
    """The XDG Base Directory data folder on Linux when the environment leaves no doubt:
    ``$XDG_DATA_HOME`` if absolute, else ``$HOME/.local/share`` when it is unset and ``$HOME``
    is absolute; None otherwise (platformdirs decides then).

    platformdirs applies this same rule, but importing it costs every command about 12 ms of
    CPU (pathlib, tempfile, shutil): a fifth of ``sessions list --json``, which is held to
    2x the sqlite3 CLI (docs/PERFORMANCE.md). tests/test_paths.py checks that both agree.
    """
    if not sys.platform.startswith("linux"):
        return None
    xdg, home = os.environ.get("XDG_DATA_HOME", ""), os.environ.get("HOME", "")
    if os.path.isabs(xdg):
        return xdg
    if not xdg and os.path.isabs(home):
        return os.path.join(home, ".local", "share")
    return None


def database_file_text() -> str:
    """``layout().db_path`` as text, without building the layout (see :func:`data_home_text`)."""
    return os.path.join(data_home_text(), DB_FILE_NAME)


def layout() -> DataLayout:
    """The on-disk layout under the data folder."""
    from simulator.store.files import DataLayout

    return DataLayout(data_home())


def settings_file() -> Path:
    return data_home() / "settings.json"


def targets_file() -> Path:
    """The user's coaching targets (docs/ANALYSIS.md), used by the app and by analyze."""
    return data_home() / "targets.json"


def packs_cache_file() -> Path:
    """Packs parsed at an earlier start (``library.pack_cache``): a cache, safe to delete."""
    return data_home() / "cache" / "packs.pickle"


def builtin_packs_dir() -> Path:
    """The question packs shipped with Hotseat."""
    return shipped_dir("question_packs")


def assets_dir() -> Path:
    """The icon and other images shipped with Hotseat."""
    return shipped_dir("assets")


def shipped_dir(name: str) -> Path:
    """``simulator/<name>`` when installed from a wheel or frozen, else ``<checkout>/<name>``.

    A wheel maps the top-level folder into the package, and PyInstaller's resource reader
    answers under ``sys._MEIPASS/simulator``. An editable install imports ``simulator`` from
    the checkout itself, where the folder is one level up. Both are real folders on disk.
    """
    import importlib.resources  # here: most commands never look for shipped files
    from pathlib import Path

    packaged = importlib.resources.files("simulator") / name
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    # In a checkout the shipped folders are at the top of the repository, beside the package.
    return Path(__file__).resolve().parent.parent / name
