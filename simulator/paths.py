"""Where Hotseat keeps its files: one data folder, overridable by ``HOTSEAT_HOME``.

Tests and portable installs set ``HOTSEAT_HOME``; everyone else gets the platform's user data
folder (platformdirs). Settings live beside the data so one folder holds a whole profile.

It also finds what ships with Hotseat (the built-in question packs, the icons): package data
inside ``simulator`` in a wheel and in the PyInstaller bundle, the repository's top-level
folders in a checkout or an editable install (see setup.py and docs/PACKAGING.md).
"""

from __future__ import annotations

import os
from pathlib import Path

from simulator.store.files import DataLayout

APP_NAME = "hotseat"
HOME_ENV = "HOTSEAT_HOME"
# In a checkout the shipped folders are at the top of the repository, beside the package.
CHECKOUT_ROOT = Path(__file__).resolve().parent.parent


def data_home() -> Path:
    """The data folder: ``$HOTSEAT_HOME`` if set, else the platform's user data folder."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # here: every command starts sooner without it when HOME is set

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def layout() -> DataLayout:
    """The on-disk layout under the data folder."""
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

    packaged = importlib.resources.files("simulator") / name
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return CHECKOUT_ROOT / name
