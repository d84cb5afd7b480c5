"""Typed user settings with defaults, saved as JSON in the data folder.

Unknown keys from a newer version are kept out; a damaged file falls back to defaults and is
set aside (never silently overwritten), so a user's choices are not lost without a word.
"""

from __future__ import annotations

import json
import os
import types
import typing
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

SETTINGS_VERSION = 1
ENGINES = ("auto", "vosk", "pocketsphinx")


@dataclass(frozen=True)
class Settings:
    voice: str | None = None  # pyttsx3 voice id; None = the system default
    rate: int = 170  # words a minute for the interviewer's voice
    engine: str = "auto"  # auto | vosk | pocketsphinx
    model_path: str | None = None  # a Vosk model folder chosen by the user
    input_device: str | None = None  # None = the system default microphone
    output_device: str | None = None
    end_silence_s: float = 3.0  # an answer ends after this much quiet once speaking began
    hide_question_text: bool = False  # as in a real interview: listen, don't read
    questions: int = 3
    shuffle: bool = True
    seed: int | None = None  # None = a fresh shuffle each time
    last_pack: str | None = None
    mix: bool = False  # questions mixed from every pack by category, not from one pack
    mix_categories: tuple[str, ...] = ()
    version: int = SETTINGS_VERSION

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def _accepts(kind: Any, value: Any) -> Any:
    """``value`` as the field type ``kind`` wants it, or a ValueError.

    JSON has no tuples and Python's bool is an int, hence the two special cases.
    """
    if isinstance(kind, types.UnionType):
        for option in typing.get_args(kind):
            try:
                return _accepts(option, value)
            except ValueError:
                continue
        raise ValueError(value)
    if kind is type(None):
        if value is None:
            return None
        raise ValueError(value)
    if typing.get_origin(kind) is tuple:
        (item, _ellipsis) = typing.get_args(kind)
        if isinstance(value, list) and all(isinstance(v, item) for v in value):
            return tuple(value)
        raise ValueError(value)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, bool) and kind is not bool:
        raise ValueError(value)
    if isinstance(value, kind):
        return value
    raise ValueError(value)


def _coerce(data: dict[str, Any]) -> Settings:
    """Settings from a loaded mapping; a value of the wrong type keeps its default."""
    hints = typing.get_type_hints(Settings)
    values: dict[str, Any] = {}
    for field in fields(Settings):
        if field.name == "version" or field.name not in data:
            continue
        try:
            values[field.name] = _accepts(hints[field.name], data[field.name])
        except ValueError:
            continue
    settings = replace(Settings(), **values)
    if settings.engine not in ENGINES:
        settings = replace(settings, engine="auto")
    return settings


class SettingsFile:
    """Loads and saves Settings at a path."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: str | None = None  # what went wrong reading the file, for the UI

    def load(self) -> Settings:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Settings()
        except (OSError, ValueError) as error:
            self._set_aside(f"could not read settings ({error}); using defaults")
            return Settings()
        if not isinstance(data, dict):
            self._set_aside("settings file was not a JSON object; using defaults")
            return Settings()
        return _coerce(data)

    def save(self, settings: Settings) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
        os.replace(temporary, self.path)

    def _set_aside(self, message: str) -> None:
        self.problem = message
        try:
            os.replace(self.path, self.path.with_suffix(".damaged.json"))
        except OSError:
            self.problem += " (and the damaged file could not be moved aside)"
