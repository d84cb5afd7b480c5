"""Concrete figures in an answer: numbers, percentages, money and durations.

Recognisers write numbers as words ("twenty percent", "two million dollars"), some engines as
digits; both are read here. A bare "one" is left out ("one of my teammates" is not a figure)
unless a unit follows it ("one week").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from simulator.core.analysis.tokens import Token

_UNITS = {
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
NUMBER_WORDS = frozenset((set(_UNITS) - {"oh"}) | set(_TENS) | set(_SCALES))

_PERCENT = ("percent", "per cent", "percentage points", "%")
_MONEY = {"dollars": "$", "dollar": "$", "bucks": "$", "euros": "€", "euro": "€",
          "pounds": "£", "pound": "£"}  # fmt: skip
DURATION_UNITS = frozenset(
    {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
     "month", "months", "year", "years", "quarter", "quarters", "sprint", "sprints"}
)  # fmt: skip
_COUNT_UNITS = frozenset(
    {"times", "x", "fold", "people", "users", "customers", "clients", "engineers", "members",
     "teams", "points", "requests", "tickets", "bugs", "incidents", "releases",
     "services", "servers", "hires", "students", "projects", "features", "k", "ms",
     "milliseconds", "gigabytes", "terabytes", "lines", "deals", "accounts", "sales", "errors"}
)  # fmt: skip
_DIGITS = re.compile(r"^([$€£]?)(\d+(?:[.,]\d+)*)(%|k|m|x)?$")


@dataclass(frozen=True)
class Figure:
    """A figure as said, how it reads written down, and where it is."""

    spoken: str
    written: str
    value: float
    unit: str  # "percent", "money", "duration", "count" or ""
    start_s: float
    index: int

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.written,
            "spoken": self.spoken,
            "value": self.value,
            "unit": self.unit,
            "start_s": round(self.start_s, 2),
        }


def _parse_words(words: Sequence[str]) -> tuple[float, int] | None:
    """The value of the number words at the start of ``words`` and how many were used."""
    total, current, used, seen = 0.0, 0.0, 0, False
    last_kind = ""
    i = 0
    while i < len(words):
        word = words[i]
        if word in ("a", "an") and not seen and i + 1 < len(words) and words[i + 1] in _SCALES:
            current, seen, last_kind = 1, True, "unit"
        elif word in _UNITS and word != "oh":
            if last_kind in ("unit", "teen") or (last_kind == "tens" and _UNITS[word] >= 10):
                break  # "two three" or "twenty twelve": a second number starts here
            current += _UNITS[word]
            last_kind = "teen" if _UNITS[word] >= 10 else "unit"
            seen = True
        elif word in _TENS:
            if last_kind in ("unit", "teen", "tens"):
                break
            current += _TENS[word]
            last_kind, seen = "tens", True
        elif word in _SCALES and seen:
            scale = _SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            last_kind = "scale"
        elif (
            word == "and"
            and seen
            and last_kind == "scale"
            and i + 1 < len(words)
            and (words[i + 1] in _UNITS or words[i + 1] in _TENS)
        ):
            pass  # the "and" of "two hundred and five" joins the number; it adds nothing
        elif word == "point" and seen and i + 1 < len(words) and words[i + 1] in _UNITS:
            fraction, digits = "", i + 1
            while digits < len(words) and words[digits] in _UNITS and _UNITS[words[digits]] < 10:
                fraction += str(_UNITS[words[digits]])
                digits += 1
            current += float("0." + fraction)
            i = digits
            used = i
            break
        else:
            break
        i += 1
        used = i
    if not seen:
        return None
    return total + current, used


def _unit_after(words: Sequence[str]) -> tuple[str, str, int]:
    """(kind, written unit, words used) for the unit words at the start of ``words``."""
    for phrase in _PERCENT:
        parts = phrase.split()
        if list(words[: len(parts)]) == parts:
            return "percent", "%", len(parts)
    if words and words[0] in _MONEY:
        return "money", _MONEY[words[0]], 1
    if words and words[0] in DURATION_UNITS:
        return "duration", words[0], 1
    if words and words[0] in _COUNT_UNITS:
        return "count", words[0], 1
    return "", "", 0


def _write(value: float, kind: str, unit: str) -> str:
    number = f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{int(value):,}"
    if kind == "percent":
        return f"{number}%"
    if kind == "money":
        return f"{unit}{number}"
    return f"{number} {unit}" if unit else number


def find_figures(tokens: Sequence[Token]) -> list[Figure]:
    """Every figure in the answer, in order."""
    texts = [t.text for t in tokens]
    figures: list[Figure] = []
    i = 0
    while i < len(tokens):
        digits = _DIGITS.match(texts[i])
        if digits:
            value = float(digits.group(2).replace(",", ""))
            suffix = digits.group(3) or ""
            used = 1
            if suffix == "k":
                value *= 1_000
            elif suffix == "m":
                value *= 1_000_000
            parsed: tuple[float, int] | None = (value, used)
            prefix_money = digits.group(1)
        else:
            parsed = _parse_words(texts[i:])
            prefix_money = ""
        if parsed is None:
            i += 1
            continue
        value, used = parsed
        kind, unit, unit_words = _unit_after(texts[i + used :])
        if digits and digits.group(3) == "%":
            kind, unit = "percent", "%"
        if prefix_money:
            kind, unit = "money", prefix_money
        spoken_words = texts[i : i + used]
        lone_one = spoken_words in (["one"], ["zero"])
        if lone_one and not kind:
            i += used
            continue
        spoken = " ".join(texts[i : i + used + unit_words])
        figures.append(Figure(spoken, _write(value, kind, unit), value, kind, tokens[i].start, i))
        i += used + unit_words
    return figures


__all__ = ["DURATION_UNITS", "NUMBER_WORDS", "Figure", "find_figures"]
