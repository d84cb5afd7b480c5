"""Checks of single values in a pack that collect problems instead of stopping at the first."""

from __future__ import annotations

from typing import Any

from simulator.core.packs.errors import PackProblem
from simulator.core.packs.model import ID_PATTERN
from simulator.core.packs.source_lines import SourceLines


class Checker:
    """Collects problems while turning parsed TOML into a Pack."""

    def __init__(self, path: str, lines: SourceLines) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[PackProblem] = []

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(PackProblem(self.path, line, message))

    def text(self, table: dict[str, Any], key: str, line: int | None, *, required: bool) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.problem(line, f"'{key}' is required")
            return ""
        if not isinstance(value, str):
            self.problem(line, f"'{key}' must be text, not {_type_name(value)}")
            return ""
        if required and not value.strip():
            self.problem(line, f"'{key}' must not be empty")
        return value.strip()

    def texts(self, table: dict[str, Any], key: str, line: int | None) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(line, f"'{key}' must be a list of text")
            return ()
        if any(not v.strip() for v in value):
            self.problem(line, f"'{key}' must not contain empty text")
        return tuple(v.strip() for v in value if v.strip())

    def integer(
        self, table: dict[str, Any], key: str, line: int | None, default: int, low: int, high: int
    ) -> int:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(line, f"'{key}' must be a whole number, not {_type_name(value)}")
            return default
        if not low <= value <= high:
            self.problem(line, f"'{key}' must be between {low} and {high}, not {value}")
            return default
        return value

    def unknown_keys(self, table: dict[str, Any], known: set[str], where: Any) -> None:
        for key in sorted(set(table) - known):
            hint = closest(key, known)
            suggestion = f" (did you mean '{hint}'?)" if hint else ""
            self.problem(where(key), f"unknown key '{key}'{suggestion}")

    def check_id(self, value: str, line: int | None, what: str) -> None:
        if value and not ID_PATTERN.match(value):
            self.problem(
                line, f"{what} id '{value}' must be lowercase letters, digits and single hyphens"
            )


def _type_name(value: Any) -> str:
    names = {
        str: "text",
        int: "a whole number",
        float: "a decimal number",
        bool: "true/false",
        list: "a list",
    }
    return names.get(type(value), "a table" if isinstance(value, dict) else type(value).__name__)


def closest(word: str, options: set[str]) -> str | None:
    """The option a typo most likely meant, by a simple edit distance."""
    best, best_distance = None, 3
    for option in sorted(options):
        distance = _edit_distance(word, option)
        if distance < best_distance:
            best, best_distance = option, distance
    return best


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]
