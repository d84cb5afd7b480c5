"""Checking a pack being edited, and saying which field each problem belongs to.

The editor checks exactly what it would save: the pack is written as TOML (``dump_pack``)
and read back with ``parse_pack``, the same rules as every pack file. The problems come back
with line numbers in that TOML text; since we wrote the text, each line tells us the question
and the key, so a problem can be shown next to its field. Pure Python, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from simulator.core.packs import Pack, PackError, Question, parse_pack
from simulator.library.exchange import dump_pack

_KEY_LINE = re.compile(r"^([a-z_]+) = ")
_QUOTED_KEY = re.compile(r"^'([a-z_]+)'")
_FIRST_AT = re.compile(r"\(first at line (\d+)\)")


@dataclass(frozen=True)
class FieldProblem:
    """One problem; ``question`` is an index (None: the pack), ``key`` a field (None: all)."""

    question: int | None
    key: str | None
    message: str

    def describe(self) -> str:
        """The message with where it is, for the list of problems under the form."""
        if self.question is None:
            return f"Pack: {self.message}"
        return f"Question {self.question + 1}: {self.message}"


def _locations(text: str) -> dict[int, tuple[int | None, str | None]]:
    """Line number -> (question index or None, key or None) for the TOML that dump_pack wrote."""
    where: dict[int, tuple[int | None, str | None]] = {}
    question: int | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if line == "[[questions]]":
            question = 0 if question is None else question + 1
            where[number] = (question, None)
        elif line == "[pack]":
            where[number] = (None, None)
        else:
            match = _KEY_LINE.match(line)
            if match:
                where[number] = (question, match.group(1))
    return where


def check_pack(pack: Pack, taken: Mapping[str, str] | None = None) -> list[FieldProblem]:
    """Every problem the saved file of ``pack`` would have, plus ids already ``taken``.

    ``taken`` maps the ids of other packs to the sentence to show when this pack uses one.
    """
    problems: list[FieldProblem] = []
    text = dump_pack(pack)
    try:
        parse_pack(text, f"{pack.id or 'pack'}.toml", source="user")
    except PackError as error:
        where = _locations(text)
        for problem in error.problems:
            question, key = where.get(problem.line or 0, (None, None))
            if key is None:
                named = _QUOTED_KEY.match(problem.message)
                key = named.group(1) if named else None
            problems.append(FieldProblem(question, key, _for_the_form(problem.message, where)))
    if taken and pack.id in taken:
        problems.append(FieldProblem(None, "id", taken[pack.id]))
    return problems


def _for_the_form(message: str, where: dict[int, tuple[int | None, str | None]]) -> str:
    """The message with the TOML's line numbers, which the editor does not show, put in words."""
    if message == "the pack has no [[questions]]":
        return "the pack has no questions yet: add one"
    match = _FIRST_AT.search(message)
    if match:
        first = where.get(int(match.group(1)), (None, None))[0]
        said = f"(question {first + 1} has it too)" if first is not None else ""
        message = _FIRST_AT.sub(said, message).rstrip()
    return message


def for_question(problems: list[FieldProblem], index: int) -> dict[str, list[str]]:
    """The problems of one question, by field."""
    fields: dict[str, list[str]] = {}
    for problem in problems:
        if problem.question == index and problem.key is not None:
            fields.setdefault(problem.key, []).append(problem.message)
    return fields


def for_pack(problems: list[FieldProblem]) -> dict[str, list[str]]:
    """The problems of the pack's own fields, by field."""
    fields: dict[str, list[str]] = {}
    for problem in problems:
        if problem.question is None and problem.key is not None:
            fields.setdefault(problem.key, []).append(problem.message)
    return fields


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… when it is taken."""
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def new_pack(taken: set[str]) -> Pack:
    """A fresh user pack with one empty question, under an id not in ``taken``."""
    first = Question(id="question-1", text="", category="communication")
    return Pack(id=unique_id("my-pack", taken), title="My pack", questions=(first,), source="user")


def taken_ids(known: Sequence[Pack], editing: str | None) -> dict[str, str]:
    """The ids a pack being saved may not use (all but ``editing``'s own), with the reason."""
    taken = {}
    for pack in known:
        if pack.id == editing:
            continue
        if pack.source == "user":
            taken[pack.id] = f"you already have a pack with the id '{pack.id}'"
        else:
            taken[pack.id] = f"the id '{pack.id}' belongs to a built-in pack; choose another"
    return taken
