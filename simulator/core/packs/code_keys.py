"""The optional keys of a debug-aloud question: ``code``, ``code_language`` and ``bug``.

``code`` is shown on screen as written, so its indentation is kept (unlike other text, it is
not stripped at the start); ``bug`` points at one of its lines. The rules are in docs/packs.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from simulator.core.packs.checker import Checker
from simulator.core.packs.model import CODE_LANGUAGES, Bug

CODE_KEYS = ("code", "code_language", "bug")
BUG_KEYS = {"line", "explanation"}
MAX_CODE_LINES = 60  # it has to fit on screen beside the timer


def check_code(
    check: Checker, raw: dict[str, Any], at: Callable[[str], int | None]
) -> tuple[str, str, Bug | None]:
    """``(code, code_language, bug)`` of a question table; problems go to ``check``."""
    code = _code(check, raw, at("code"))
    # A missing language is reported on the code's line, where the author is looking.
    language_line = at("code_language") if "code_language" in raw else at("code")
    language = _language(check, raw, language_line, has_code="code" in raw)
    bug = _bug(check, raw, at("bug"), code)
    if "code" in raw and not code:
        return "", "", None
    return code, language, bug


def _code(check: Checker, raw: dict[str, Any], line: int | None) -> str:
    if "code" not in raw:
        return ""
    value = raw["code"]
    if not isinstance(value, str):
        check.problem(line, "'code' must be text (a multi-line string in triple quotes)")
        return ""
    code = value.rstrip()
    if not code.strip():
        check.problem(line, "'code' must not be empty")
        return ""
    if not code.split("\n", 1)[0].strip():
        # A leading blank line would shift every line number the bug refers to.
        check.problem(line, "'code' must start with its first line of code, not a blank line")
    if "\t" in code:
        check.problem(line, "'code' must be indented with spaces, not tabs")
    lines = code.count("\n") + 1
    if lines > MAX_CODE_LINES:
        check.problem(line, f"'code' has {lines} lines; at most {MAX_CODE_LINES} fit on screen")
    return code


def _language(check: Checker, raw: dict[str, Any], line: int | None, has_code: bool) -> str:
    if "code_language" not in raw:
        if has_code:
            check.problem(line, f"'code' needs 'code_language' ({' or '.join(CODE_LANGUAGES)})")
        return ""
    language = check.text(raw, "code_language", line, required=True)
    if not has_code:
        check.problem(line, "'code_language' is only allowed with 'code'")
    elif language and language not in CODE_LANGUAGES:
        allowed = ", ".join(CODE_LANGUAGES)
        check.problem(line, f"unknown code_language '{language}' (allowed: {allowed})")
    return language


def _bug(check: Checker, raw: dict[str, Any], line: int | None, code: str) -> Bug | None:
    if "bug" not in raw:
        return None
    value = raw["bug"]
    shape = "'bug' must be a table like { line = 3, explanation = \"...\" }"
    if not isinstance(value, dict):
        check.problem(line, shape)
        return None
    if "code" not in raw:
        check.problem(line, "'bug' is only allowed with 'code'")
    for key in sorted(set(value) - BUG_KEYS):
        check.problem(line, f"unknown key '{key}' in 'bug' (allowed: explanation, line)")
    number = value.get("line")
    if isinstance(number, bool) or not isinstance(number, int):
        check.problem(line, f"{shape}: 'line' must be a whole number")
        number = None
    elif code and not 1 <= number <= code.count("\n") + 1:
        lines = code.count("\n") + 1
        check.problem(line, f"'bug' line {number} is outside the code (lines 1 to {lines})")
    explanation = value.get("explanation")
    if not isinstance(explanation, str) or not explanation.strip():
        check.problem(line, f"{shape}: 'explanation' must be text that is not empty")
        explanation = ""
    elif "\n" in explanation.strip():
        check.problem(line, "'bug' explanation must be one line")
    if number is None or not explanation:
        return None
    return Bug(line=number, explanation=explanation.strip())
