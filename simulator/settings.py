"""Typed user settings with defaults, saved as JSON in the data folder.

Unknown keys from a newer version are kept out; a value of the wrong type or out of its range
keeps its default. A damaged file falls back to defaults and is set aside under a numbered name
(never overwriting one set aside before), and both are said in one message: ``problem`` for
the window's banner, and by default one line on stderr for the terminal.
"""

from __future__ import annotations

import json
import math
import os
import sys
import types
import typing
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

SETTINGS_VERSION = 1
ENGINES = ("auto", "vosk", "pocketsphinx")
#: The values the app can use; the window's controls offer the same ranges.
RANGES: dict[str, tuple[float, float]] = {
    "rate": (80, 320),
    "end_silence_s": (1.0, 15.0),
    "questions": (1, 50),
    "seed": (0, 2_147_483_647),
    "intensity": (1, 3),
}
#: Longer text than this in a setting (a device name, a folder) is not something we wrote.
MAX_TEXT = 4096


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
    drill: str | None = None  # a pressure drill's name (core.drills); None = plain practice
    intensity: int = 2  # the drill's intensity: 1 gentle, 2 realistic, 3 hard
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


def _in_range(name: str, value: Any) -> bool:
    if isinstance(value, str):
        return len(value) <= MAX_TEXT
    if name not in RANGES or value is None:
        return True
    low, high = RANGES[name]
    return not (isinstance(value, float) and math.isnan(value)) and low <= value <= high


def _coerce(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from a loaded mapping, and what was out of range (which keeps its default).

    A value of the wrong type keeps its default silently, as a newer version may have written
    it; a number out of range is named, since the app would fail on it or quietly clamp it.
    """
    hints = typing.get_type_hints(Settings)
    defaults = Settings()
    values: dict[str, Any] = {}
    ignored: list[str] = []
    for field in fields(Settings):
        if field.name == "version" or field.name not in data:
            continue
        try:
            value = _accepts(hints[field.name], data[field.name])
        except ValueError:
            continue
        if _in_range(field.name, value):
            values[field.name] = value
        else:
            ignored.append(_out_of_range(field.name, value, getattr(defaults, field.name)))
    settings = replace(defaults, **values)
    if settings.engine not in ENGINES:
        settings = replace(settings, engine="auto")
    return settings, ignored


def _out_of_range(name: str, value: Any, default: Any) -> str:
    if isinstance(value, str):
        return f"{name} is longer than {MAX_TEXT} characters, so {default!r} is used"
    low, high = RANGES[name]
    shown = repr(value) if len(repr(value)) <= 24 else repr(value)[:21] + "..."
    return f"{name} {shown} is outside {low:g}-{high:g}, so {default!r} is used"


def stderr_line(message: str) -> None:
    """The terminal's way of saying a settings problem: one line on stderr."""
    print(f"hotseat: settings: {message}", file=sys.stderr)


class SettingsFile:
    """Loads and saves Settings at a path.

    ``report`` is called once per load that found a problem (a damaged file set aside, values
    out of range); the window passes None and shows ``problem`` in a banner instead.
    """

    def __init__(self, path: Path, report: Callable[[str], None] | None = stderr_line) -> None:
        self.path = path
        self.report = report
        self.problem: str | None = None  # what went wrong reading the file, for the UI

    def load(self) -> Settings:
        self.problem = None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Settings()
        except (OSError, ValueError, RecursionError) as error:
            self._set_aside(f"could not read settings ({_short(error)})")
            return Settings()
        if not isinstance(data, dict):
            self._set_aside("the settings file was not a JSON object")
            return Settings()
        settings, ignored = _coerce(data)
        if ignored:
            self._say("; ".join(ignored))
        return settings

    def save(self, settings: Settings) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
        os.replace(temporary, self.path)

    def _set_aside(self, reason: str) -> None:
        """Move the damaged file to a free numbered name, so no earlier one is overwritten."""
        target = self._free_damaged_name()
        if target is not None:
            try:
                os.rename(self.path, target)
            except OSError:
                target = None
        if target is None:
            self._say(f"{reason}; using defaults (the damaged file could not be moved aside)")
        else:
            self._say(f"{reason}; using defaults, the damaged file is kept as {target.name}")

    def _free_damaged_name(self) -> Path | None:
        stem = self.path.stem
        for number in range(1, 1000):
            suffix = ".damaged.json" if number == 1 else f".damaged-{number}.json"
            candidate = self.path.with_name(stem + suffix)
            if not candidate.exists():
                return candidate
        return None

    def _say(self, message: str) -> None:
        self.problem = message
        if self.report is not None:
            self.report(message)


def _short(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."
