"""What every command shares: exit codes, user-facing failures, and the app's objects."""

from __future__ import annotations

import json
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
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def error_line(message: str) -> None:
    print(f"hotseat: {message}", file=sys.stderr)


def format_seconds(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"
