"""What every command shares: exit codes, user-facing failures, and the app's objects."""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

EXIT_OK = 0
EXIT_FAILED = 1  # the work failed: an invalid pack, a failed transcription
EXIT_USAGE = 2  # a usage or environment problem: bad arguments, no microphone, no model


class CommandError(Exception):
    """A failure to report as one line on stderr with an exit code."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


def print_json(data: Any) -> None:
    # Built whole and written once: json.dump to a stream writes every token on its own.
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_json_rows(rows: list[Any]) -> None:
    """A JSON array with one row per line: the same content as ``print_json``, encoded by
    json's C encoder (``indent`` makes json use its far slower Python encoder)."""
    if not rows:
        sys.stdout.write("[]\n")
        return
    lines = ",\n  ".join(json.dumps(row, ensure_ascii=False) for row in rows)
    sys.stdout.write(f"[\n  {lines}\n]\n")


def error_line(message: str) -> None:
    print(f"hotseat: {terminal_safe(message)}", file=sys.stderr)


# C0 and C1 control characters and DEL (escape sequences start with ESC or CSI), plus the
# bidirectional overrides that make text display in another order than it is stored.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str, keep_newlines: bool = False) -> str:
    """``text`` from a pack, a file or a database made harmless to print on a terminal.

    Control characters are shown escaped (``\\x1b``) instead of being sent to the terminal,
    where they could clear the screen, set the window title or hide what follows.
    """

    def escaped(match: re.Match[str]) -> str:
        char = match.group()
        if keep_newlines and char == "\n":
            return char
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _CONTROLS.sub(escaped, text)


def format_seconds(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


# Argument types: argparse rejects a bad value at once (exit 2), before anything slow loads.


def positive_int(text: str) -> int:
    value = _number(text, int, "a whole number")
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {text}")
    return value


def positive_float(text: str) -> float:
    value = _number(text, float, "a number")
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
    return value


def non_negative_float(text: str) -> float:
    value = _number(text, float, "a number")
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {text}")
    return value


def _number(text: str, kind: type[int] | type[float], what: str) -> Any:
    try:
        value = kind(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be {what}, not {text!r}") from None
    if kind is float and value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"must be a finite number, not {text}")
    return value
