"""Where Hotseat keeps its files: one data folder, overridable by ``HOTSEAT_HOME``.

Tests and portable installs set ``HOTSEAT_HOME``; everyone else gets the platform's user data
folder (platformdirs). Settings live beside the data so one folder holds a whole profile.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from simulator.store.files import DataLayout

APP_NAME = "hotseat"
HOME_ENV = "HOTSEAT_HOME"
BUILTIN_PACKS_DIR = Path(__file__).resolve().parent.parent / "question_packs"


def data_home() -> Path:
    """The data folder: ``$HOTSEAT_HOME`` if set, else the platform's user data folder."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def layout() -> DataLayout:
    """The on-disk layout under the data folder."""
    return DataLayout(data_home())


def settings_file() -> Path:
    return data_home() / "settings.json"


def targets_file() -> Path:
    """The user's coaching targets (docs/ANALYSIS.md), used by the app and by analyze."""
    return data_home() / "targets.json"


def builtin_packs_dir() -> Path:
    """Packs shipped with Hotseat: next to the package in a checkout, or bundled when frozen."""
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "question_packs"
    return BUILTIN_PACKS_DIR
