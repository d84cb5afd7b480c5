"""Where the tables and keys of a pack's TOML are, by line, for error messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADER_RE = re.compile(r"^(\[\[?)\s*([^\[\]]*?)\s*\]\]?\s*$")
_KEY_RE = re.compile(r"^([A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')\s*=")


@dataclass
class SourceLines:
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
    def scan(cls, text: str) -> SourceLines:
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
