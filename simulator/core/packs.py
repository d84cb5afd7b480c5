"""Question packs: the data model, and loading and validating the TOML format.

A pack is a TOML file with one ``[pack]`` table and any number of ``[[questions]]``. Every
problem found is reported with the file and the line of the offending key or table, and all
problems are reported at once, so a pack author can fix a file in one pass. The format is
documented in docs/packs.md.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT_VERSION = 1
MAX_PACK_BYTES = 1_000_000

CATEGORIES = (
    "communication",
    "collaboration",
    "conflict",
    "failure",
    "leadership",
    "adaptability",
    "problem-solving",
    "ethics",
    "growth",
    "motivation",
    "strengths-weaknesses",
    "technical-communication",
    "customer",
    "pressure",
    "reverse",
    "clarifying",
    "warm-up",
)
FRAMEWORKS = ("STAR", "PEP", "CAR", "free")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Question:
    """One interview question and the coaching data that travels with it."""

    id: str
    text: str
    category: str
    framework: str = "free"
    difficulty: int = 2
    answer_seconds: tuple[int, int] = (60, 120)
    prep_seconds: int = 0
    follow_ups: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()
    clarifications: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pack:
    """A titled set of questions loaded from one file."""

    id: str
    title: str
    questions: tuple[Question, ...]
    description: str = ""
    language: str = "en"
    version: int = 1
    format: int = FORMAT_VERSION
    tags: tuple[str, ...] = ()
    path: Path | None = None
    source: str = "built-in"

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


@dataclass(frozen=True)
class PackProblem:
    """One thing wrong with a pack file, where it is, and what to do about it."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class PackError(Exception):
    """A pack file that cannot be used; ``problems`` lists everything wrong with it."""

    def __init__(self, problems: Iterable[PackProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# --- where keys are --------------------------------------------------------------------------

_HEADER_RE = re.compile(r"^(\[\[?)\s*([^\[\]]*?)\s*\]\]?\s*$")
_KEY_RE = re.compile(r"^([A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')\s*=")


@dataclass
class _Lines:
    """Line numbers of tables and keys in the source text, for error messages.

    tomllib parses but says nothing of where things are, so this scanner walks the text once
    with just enough of TOML's lexical rules (strings of all four kinds with their escapes,
    comments, arrays and inline tables spanning lines) to tell a real key or table header
    from text that only looks like one.
    """

    pack_line: int | None = None
    pack_keys: dict[str, int] = field(default_factory=dict)
    question_lines: list[int] = field(default_factory=list)
    question_keys: list[dict[str, int]] = field(default_factory=list)
    top_keys: dict[str, int] = field(default_factory=dict)
    other_tables: dict[str, int] = field(default_factory=dict)

    @classmethod
    def scan(cls, text: str) -> _Lines:
        lines = cls()
        current: dict[str, int] = lines.top_keys
        for number, code in _logical_lines(text):
            header = _HEADER_RE.match(code)
            if header:
                name = header.group(2).strip().strip("\"'")
                if header.group(1) == "[[" and name == "questions":
                    lines.question_lines.append(number)
                    lines.question_keys.append({})
                    current = lines.question_keys[-1]
                elif name == "pack":
                    lines.pack_line = number
                    current = lines.pack_keys
                else:
                    lines.other_tables.setdefault(name, number)
                    current = {}
                continue
            key = _KEY_RE.match(code)
            if key:
                current.setdefault(key.group(1).strip("\"'"), number)
        return lines

    def pack_key(self, key: str) -> int | None:
        return self.pack_keys.get(key, self.pack_line)

    def question(self, index: int) -> int | None:
        return self.question_lines[index] if index < len(self.question_lines) else None

    def question_key(self, index: int, key: str) -> int | None:
        if index < len(self.question_keys) and key in self.question_keys[index]:
            return self.question_keys[index][key]
        return self.question(index)


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """(line number, code) for each line that starts a statement: not inside a string,
    an array or an inline table. ``code`` is the line without its comment, stripped."""
    result: list[tuple[int, str]] = []
    state: str | None = None  # None, '"', "'", '"""' or "'''"
    depth = 0  # open [ and { after a key's '='
    # TOML separates lines by LF (CRLF too); other Unicode line breaks are string content.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        starts_statement = state is None and depth == 0
        code_end = len(line)
        i = 0
        in_header = starts_statement and line.lstrip().startswith("[")
        while i < len(line):
            char = line[i]
            if state in ('"""', "'''"):
                if line.startswith(state, i):
                    state = None
                    i += 3
                    continue
                i += 2 if state == '"""' and char == "\\" else 1
                continue
            if state == '"':
                if char == "\\":
                    i += 2
                    continue
                if char == '"':
                    state = None
            elif state == "'":
                if char == "'":
                    state = None
            elif char == "#":
                code_end = i
                break
            elif line.startswith('"""', i) or line.startswith("'''", i):
                state = line[i : i + 3]
                i += 3
                continue
            elif char in "\"'":
                state = char
            elif not in_header and char in "[{":
                depth += 1
            elif not in_header and char in "]}":
                depth = max(0, depth - 1)
            i += 1
        if state in ('"', "'"):
            state = None  # a single-line string cannot continue; tomllib reports it
        if starts_statement:
            result.append((number, line[:code_end].strip()))
    return result


# --- validation --------------------------------------------------------------------------------

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
}


class _Checker:
    """Collects problems while turning parsed TOML into a Pack."""

    def __init__(self, path: str, lines: _Lines) -> None:
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
            hint = _closest(key, known)
            suggestion = f" (did you mean '{hint}'?)" if hint else ""
            self.problem(where(key), f"unknown key '{key}'{suggestion}")

    def check_id(self, value: str, line: int | None, what: str) -> None:
        if value and not ID_PATTERN.match(value):
            self.problem(
                line, f"{what} id '{value}' must be lowercase letters, digits and single hyphens"
            )


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
    lines = _Lines.scan(text)
    check = _Checker(path, lines)

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


def _check_question(check: _Checker, index: int, raw: Any) -> Question | None:
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
        hint = _closest(category, set(CATEGORIES))
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
    )


def _check_band(check: _Checker, value: Any, line: int | None) -> tuple[int, int]:
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


def _type_name(value: Any) -> str:
    names = {
        str: "text",
        int: "a whole number",
        float: "a decimal number",
        bool: "true/false",
        list: "a list",
    }
    return names.get(type(value), "a table" if isinstance(value, dict) else type(value).__name__)


def _closest(word: str, options: set[str]) -> str | None:
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


# Byte-order marks of the encodings spreadsheets save "Unicode text" in; UTF-32 first, since
# the UTF-32 LE mark begins with the UTF-16 LE one.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def decode_pack_bytes(data: bytes, path: str, kind: str = "TOML") -> str:
    """The text of a pack file, or a PackError for a file that is not a text pack at all.

    ``kind`` is "TOML" or "CSV". TOML must be UTF-8 (its specification says so); a CSV may
    also be UTF-16 or UTF-32 with a byte-order mark, as spreadsheets save "Unicode text".
    """
    if len(data) > MAX_PACK_BYTES:
        # read_pack_bytes stops one byte past the limit: the file may be longer still.
        at_least = len(data) == MAX_PACK_BYTES + 1
        raise PackError([PackProblem(path, None, _too_large(len(data), at_least))])
    for bom, codec, name in _WIDE_BOMS:
        if data.startswith(bom):
            if kind != "CSV":
                message = f"file is {name} text; a {kind} pack must be UTF-8 (save it as UTF-8)"
                raise PackError([PackProblem(path, None, message)])
            try:
                data = data.decode(codec).encode("utf-8")
            except UnicodeDecodeError:
                message = f"file starts like {name} text but is not valid {name}"
                raise PackError([PackProblem(path, None, message)]) from None
            break
    if not data.strip():
        raise PackError([PackProblem(path, None, "file is empty")])
    if b"\x00" in data:
        raise PackError([PackProblem(path, None, _binary_message(data, kind))])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PackError([PackProblem(path, line, "file is not UTF-8 text")]) from None


def _binary_message(data: bytes, kind: str) -> str:
    head = data[:1000]
    # Text in UTF-16 has a NUL in every other byte (for Latin letters).
    if head.count(0) * 3 >= len(head) and (head[0::2].count(0) == 0 or head[1::2].count(0) == 0):
        return f"file looks like UTF-16 text with no byte-order mark; save it as UTF-8 {kind}"
    return f"file is binary, not a {kind} text file"


def read_pack_bytes(path: Path) -> bytes:
    """The bytes of a pack file (TOML or CSV), at most MAX_PACK_BYTES + 1 of them.

    A pipe, a device or a folder is refused before reading (``/dev/zero`` would never end, a
    FIFO would wait forever), and so is a file whose size is over the limit: the bytes are
    never all read into memory. Opening does not block, even on a FIFO with no writer.
    """
    name = str(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise PackError([PackProblem(name, None, f"cannot read: {error.strerror}")]) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise PackError([PackProblem(name, None, _not_a_file(info.st_mode))])
        if info.st_size > MAX_PACK_BYTES:
            raise PackError([PackProblem(name, None, _too_large(info.st_size))])
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            return file.read(MAX_PACK_BYTES + 1)  # the file may grow as it is read
    except OSError as error:
        raise PackError([PackProblem(name, None, f"cannot read: {error.strerror}")]) from None
    finally:
        os.close(descriptor)


def _not_a_file(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a pipe"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    )
    kind = next((name for test, name in kinds if test(mode)), "a special file")
    return f"{kind}, not a pack file; a pack is a .toml or .csv file"


def _too_large(size: int, at_least: bool = False) -> str:
    amount = f"at least {size:,}" if at_least else f"{size:,}"
    return f"file is too large for a pack ({amount} bytes; the limit is {MAX_PACK_BYTES:,})"


def load_pack(path: Path, source: str = "built-in") -> Pack:
    """Read and validate one pack file; every failure is a PackError naming the file."""
    data = read_pack_bytes(path)
    return parse_pack(decode_pack_bytes(data, str(path)), str(path), source)
