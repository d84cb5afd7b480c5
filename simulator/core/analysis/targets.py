"""The coaching targets the analysis compares an answer against, with their defaults.

Every number a finding is judged by lives here, so a user (or a future settings page) can
change any of them; ``Targets.from_json`` accepts a partial mapping and keeps the defaults
for the rest.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


class TargetsError(ValueError):
    """Targets that cannot be used; the message says which value is wrong."""


@dataclass(frozen=True)
class Targets:
    """Delivery targets; times in seconds, pace in words a minute."""

    pace_comfortable: tuple[float, float] = (130.0, 160.0)
    pace_acceptable: tuple[float, float] = (120.0, 175.0)
    fillers_per_min_max: float = 3.0
    # None: the question's own band (a pack's answer_seconds, 60-120 s by default).
    answer_seconds: tuple[float, float] | None = None
    pause_min_s: float = 1.0  # pauses at least this long are listed
    long_pause_s: float = 2.5  # pauses longer than this are flagged
    first_word_max_s: float = 3.0
    headline_window_s: float = 30.0
    filled_pause_min_s: float = 0.2  # voice with no word under it, at least this long

    def __post_init__(self) -> None:
        for name in ("pace_comfortable", "pace_acceptable", "answer_seconds"):
            band = getattr(self, name)
            if band is None and name == "answer_seconds":
                continue
            if len(band) != 2 or not 0 <= band[0] < band[1]:
                raise TargetsError(f"target {name} must be two increasing numbers, not {band}")
        for name in (
            "fillers_per_min_max",
            "pause_min_s",
            "long_pause_s",
            "first_word_max_s",
            "headline_window_s",
            "filled_pause_min_s",
        ):
            if getattr(self, name) < 0:
                raise TargetsError(f"target {name} must not be negative")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Targets:
        """Targets from a mapping; unknown names and wrong types raise TargetsError."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise TargetsError(f"unknown target {unknown[0]!r} (known: {', '.join(sorted(known))})")
        values: dict[str, Any] = {}
        for name, value in data.items():
            try:
                if value is None:
                    values[name] = None
                elif isinstance(value, list | tuple):
                    values[name] = tuple(float(v) for v in value)
                else:
                    values[name] = float(value)
            except (TypeError, ValueError):
                raise TargetsError(f"target {name} must be a number, not {value!r}") from None
        return cls(**values)


__all__ = ["Targets", "TargetsError"]
