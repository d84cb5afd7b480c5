"""Typed session events for tests that only care about a few fields: the rest get defaults."""

from __future__ import annotations

import dataclasses
import typing
from typing import Any, TypeVar

from simulator.core import events as ev

E = TypeVar("E", bound=ev.SessionEvent)

_EMPTY: dict[type, Any] = {int: 0, float: 0.0, str: "", bool: False, list: [], dict: {}}


def make(kind: type[E], **given: Any) -> E:
    """An event of ``kind`` with ``given`` fields and a neutral value in every other one."""
    hints = typing.get_type_hints(kind)
    fields: dict[str, Any] = {}
    for item in dataclasses.fields(kind):
        if item.name in given or item.default is not dataclasses.MISSING:
            continue
        hint = hints[item.name]
        origin = typing.get_origin(hint) or hint
        if type(None) in typing.get_args(hint):
            fields[item.name] = None
        else:
            fields[item.name] = _EMPTY[origin].copy() if origin in (list, dict) else _EMPTY[origin]
    return kind(**fields, **given)


_BY_TYPE = {kind.type: kind for kind in ev.EVENT_TYPES}


def typed(flat: dict[str, Any]) -> ev.SessionEvent:
    """The typed event for a flat one (``{"type": ..., fields}``), missing fields defaulted."""
    fields = {key: value for key, value in flat.items() if key != "type"}
    return make(_BY_TYPE[flat["type"]], **fields)  # type: ignore[arg-type]
