"""Turning the text of a pack into a Pack, with every problem reported with its file and line.

A pack is a TOML file with one ``[pack]`` table and any number of ``[[questions]]``. All
problems are reported at once, so a pack author can fix a file in one pass.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from simulator.core.packs.checker import Checker, closest
from simulator.core.packs.code_keys import CODE_KEYS, check_code
from simulator.core.packs.errors import PackError, PackProblem
from simulator.core.packs.model import CATEGORIES, FORMAT_VERSION, FRAMEWORKS, Pack, Question
from simulator.core.packs.source_lines import SourceLines

PACK_KEYS = {"id", "title", "description", "language", "version", "format", "tags"}
QUESTION_KEYS = {
    "id",
    "text",
    "category",
    "framework",
    "difficulty",
    "answer_seconds",
    "prep_seconds",
    "follow_ups",
    "tips",
    "clarifications",
    "tags",
    *CODE_KEYS,
}


def parse_pack(text: str, path: str = "<pack>", source: str = "built-in") -> Pack:
    """Parse and validate the text of a pack; raise PackError listing every problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = _toml_error_line(str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise PackError([PackProblem(path, line, f"not valid TOML: {message}")]) from None
    except RecursionError:
        # tomllib parses nested arrays and tables recursively: ~1,000 levels exhaust the stack.
        message = "not valid TOML for a pack: arrays or tables are nested too deeply"
        raise PackError([PackProblem(path, None, message)]) from None
    # Lines serve only the messages, and finding them is half the time of parsing a valid
    # pack (0.25 s of 0.5 s for 930 kB), so a pack is first checked knowing no line. Checking
    # does not depend on the lines, so a pack with a problem, checked again with its lines
    # found, reports the same problems, each with its line.
    try:
        return _checked(data, path, source, SourceLines())
    except PackError:
        pass  # raised again below, not chained to this first one (--debug shows one error)
    return _checked(data, path, source, SourceLines.scan(text))


def _checked(data: dict[str, Any], path: str, source: str, lines: SourceLines) -> Pack:
    """The pack ``data`` holds, or a PackError with every problem (at ``lines``, if known)."""
    check = Checker(path, lines)

    for key in sorted(set(data) - {"pack", "questions"}):
        line = lines.top_keys.get(key) or lines.other_tables.get(key)
        check.problem(line, f"unknown key or table '{key}' (expected [pack] and [[questions]])")

    header = data.get("pack")
    if not isinstance(header, dict):
        line = lines.pack_line or lines.top_keys.get("pack") or lines.other_tables.get("pack")
        check.problem(
            line or 1,
            "missing [pack] table"
            if header is None
            else "[pack] must be a single table, written [pack]",
        )
        header = {}
    pack_line = lines.pack_line
    check.unknown_keys(header, PACK_KEYS, lines.pack_key)
    pack_id = check.text(header, "id", lines.pack_key("id"), required=True)
    check.check_id(pack_id, lines.pack_key("id"), "pack")
    title = check.text(header, "title", lines.pack_key("title") or pack_line, required=True)
    description = check.text(header, "description", lines.pack_key("description"), required=False)
    language = check.text(header, "language", lines.pack_key("language"), required=False) or "en"
    version = check.integer(header, "version", lines.pack_key("version"), 1, 1, 1_000_000)
    fmt = check.integer(header, "format", lines.pack_key("format"), FORMAT_VERSION, 1, 1_000)
    if fmt > FORMAT_VERSION:
        check.problem(
            lines.pack_key("format"),
            f"format {fmt} is newer than this Hotseat understands ({FORMAT_VERSION}); "
            "update Hotseat to use this pack",
        )
    tags = check.texts(header, "tags", lines.pack_key("tags"))

    raw_questions = data.get("questions", [])
    if not isinstance(raw_questions, list):
        line = lines.top_keys.get("questions") or lines.other_tables.get("questions")
        check.problem(line, "'questions' must be [[questions]] tables")
        raw_questions = []
    if not raw_questions:
        check.problem(pack_line or 1, "the pack has no [[questions]]")
    questions = []
    seen: dict[str, int | None] = {}
    for index, raw in enumerate(raw_questions):
        question = _check_question(check, index, raw)
        if question is None:
            continue
        line = lines.question_key(index, "id")
        if question.id in seen:
            first = seen[question.id]
            where = f" (first at line {first})" if first else ""
            check.problem(line, f"duplicate question id '{question.id}'{where}")
        else:
            seen[question.id] = line
        questions.append(question)

    if check.problems:
        raise PackError(check.problems)
    return Pack(
        id=pack_id,
        title=title,
        description=description,
        language=language,
        version=version,
        format=fmt,
        tags=tags,
        questions=tuple(questions),
        path=Path(path),
        source=source,
    )


def check_question(
    raw: dict[str, Any], path: str, line: int
) -> tuple[Question | None, list[PackProblem]]:
    """One question table checked by the rules of a pack's ``[[questions]]``, with no TOML.

    For a question that comes from elsewhere (a CSV row): every problem is reported at
    ``line``, and the question is ``None`` when there is any.
    """
    check = Checker(path, SourceLines(question_lines=[line], question_keys=[{}]))
    question = _check_question(check, 0, raw)
    return (None if check.problems else question), check.problems


def _check_question(check: Checker, index: int, raw: Any) -> Question | None:
    lines = check.lines

    def at(key: str) -> int | None:
        return lines.question_key(index, key)

    if not isinstance(raw, dict):
        line = lines.question(index) or lines.top_keys.get("questions")
        check.problem(line, "each question must be a [[questions]] table")
        return None
    check.unknown_keys(raw, QUESTION_KEYS, at)
    qid = check.text(raw, "id", at("id"), required=True)
    check.check_id(qid, at("id"), "question")
    text = check.text(raw, "text", at("text"), required=True)
    category = check.text(raw, "category", at("category"), required=True)
    if category and category not in CATEGORIES:
        hint = closest(category, set(CATEGORIES))
        suggestion = f"did you mean '{hint}'? " if hint else ""
        check.problem(
            at("category"),
            f"unknown category '{category}' ({suggestion}allowed: {', '.join(CATEGORIES)})",
        )
    framework = check.text(raw, "framework", at("framework"), required=False) or "free"
    if framework not in FRAMEWORKS:
        check.problem(
            at("framework"),
            f"unknown framework '{framework}' (allowed: {', '.join(FRAMEWORKS)})",
        )
    difficulty = check.integer(raw, "difficulty", at("difficulty"), 2, 1, 3)
    prep = check.integer(raw, "prep_seconds", at("prep_seconds"), 0, 0, 600)
    band = _check_band(check, raw.get("answer_seconds", [60, 120]), at("answer_seconds"))
    code, code_language, bug = check_code(check, raw, at)
    return Question(
        id=qid,
        text=text,
        category=category,
        framework=framework,
        difficulty=difficulty,
        answer_seconds=band,
        prep_seconds=prep,
        follow_ups=check.texts(raw, "follow_ups", at("follow_ups")),
        tips=check.texts(raw, "tips", at("tips")),
        clarifications=check.texts(raw, "clarifications", at("clarifications")),
        tags=check.texts(raw, "tags", at("tags")),
        code=code,
        code_language=code_language,
        bug=bug,
    )


def _check_band(check: Checker, value: Any, line: int | None) -> tuple[int, int]:
    message = "'answer_seconds' must be two increasing positive whole numbers, like [60, 120]"
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        check.problem(line, message)
        return (60, 120)
    low, high = value
    if not 0 < low < high:
        check.problem(line, f"{message}, not [{low}, {high}]")
        return (60, 120)
    return (low, high)


def _toml_error_line(message: str) -> int | None:
    match = re.search(r"at line (\d+)", message)
    return int(match.group(1)) if match else None
