"""The debug-aloud pack: every program has a real bug on the line its ``bug`` names.

Each program is run on an input that shows the bug (its result differs from the right one),
then run again with the stated line changed, which must give the right result: so the bug is
real, and it is where the pack says. Python runs here; JavaScript runs under Node.js.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from simulator.core.packs import CODE_LANGUAGES, Question, load_pack

PACK = load_pack(Path(__file__).resolve().parents[3] / "question_packs" / "debug-aloud.toml")

# question id: (a call that shows the bug, the right result, the fixed lines by number)
CHECKS: dict[str, tuple[str, Any, dict[int, str]]] = {
    "debug-average-of-scores": (
        "average([2, 4, 6])",
        4.0,
        {3: "    for i in range(len(scores)):"},
    ),
    "debug-shared-tag-list": (
        '[add_tag("a"), add_tag("b")][1]',
        ["b"],
        {1: "def add_tag(tag, tags=None):\n    tags = [] if tags is None else tags"},
    ),
    "debug-binary-search": ("find([1, 3, 5], 5)", 2, {3: "    while low <= high:"}),
    "debug-word-count": (
        'count_words("The cat saw the dog.")["the"]',
        2,
        {4: '        word = word.strip(".,!?").lower()'},
    ),
    "debug-discount-price": (
        'price_after_discount(19.99, "SAVE10")',
        17.99,
        {5: "        price = price - price * percent / 100"},
    ),
    "debug-latest-events": (
        'latest([{"time": 3}, {"time": 1}, {"time": 2}], 0)',
        [],
        {3: "    return ordered[len(ordered) - n:]"},
    ),
    "debug-sort-scores": (
        "sortScores([10, 9, 100])",
        [9, 10, 100],
        {2: "  return scores.slice().sort((a, b) => a - b);"},
    ),
    "debug-button-handlers": (
        'makeHandlers(["a", "b"])[0]()',
        "a",
        {3: "  for (let i = 0; i < labels.length; i++) {"},
    ),
    "debug-form-total": ('addToTotal(5, "3")', 8, {3: "  return total + Number(input);"}),
    "debug-total-file-size": (
        'totalSize(["a", "bb"], async (name) => name.length)',
        3,
        {3: "  for (const file of files) {", 5: "  }"},
    ),
    "debug-has-admin": (
        'hasAdmin(["admin"]) === true && hasAdmin(["user"]) === false',
        True,
        {2: '  if (roles.indexOf("admin") !== -1) {'},
    ),
    "debug-month-name": (
        "monthName(new Date(2024, 0, 15))",
        "January",
        {4: "  return names[date.getMonth()];"},
    ),
}


def fixed(question: Question) -> str:
    lines = question.code.split("\n")
    for number, text in CHECKS[question.id][2].items():
        lines[number - 1] = text
    return "\n".join(lines)


def by_language(language: str) -> list[Question]:
    return [q for q in PACK.questions if q.code_language == language]


def test_the_pack_has_ten_or_more_debug_questions_in_both_languages() -> None:
    assert len(PACK.questions) >= 10
    assert {q.code_language for q in PACK.questions} == set(CODE_LANGUAGES)
    assert all(len(by_language(language)) >= 5 for language in CODE_LANGUAGES)
    for question in PACK.questions:
        assert question.code and question.bug is not None, question.id
        assert question.bug.line in CHECKS[question.id][2], "the fix changes the bug's line"
    assert set(CHECKS) == {q.id for q in PACK.questions}, "every program is checked"


def run_python(code: str, call: str) -> Any:
    namespace: dict[str, Any] = {}
    exec(code, namespace)  # our own pack's code, to prove its bug
    return eval(call, namespace)


@pytest.mark.parametrize("question", by_language("python"), ids=lambda q: q.id)
def test_each_python_bug_is_real_and_on_its_line(question: Question) -> None:
    call, right, _fix = CHECKS[question.id]
    assert run_python(question.code, call) != right
    assert run_python(fixed(question), call) == right


NODE_RUNNER = """
const vm = require("vm");
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
(async () => {
  const results = [];
  for (const [code, call] of cases) {
    const value = await vm.runInNewContext(code + "\\n;(" + call + ")", {});
    results.push(JSON.stringify({ value }));
  }
  console.log(JSON.stringify(results));
})();
"""


def run_javascript(cases: list[tuple[str, str]]) -> list[Any]:
    node = shutil.which("node") or shutil.which("nodejs")
    assert node, "these checks need Node.js (Debian: apt-get install nodejs)"
    done = subprocess.run(
        [node, "-e", NODE_RUNNER], input=json.dumps(cases), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(item).get("value") for item in json.loads(done.stdout)]


def test_each_javascript_bug_is_real_and_on_its_line() -> None:
    questions = by_language("javascript")
    cases = [(q.code, CHECKS[q.id][0]) for q in questions]
    cases += [(fixed(q), CHECKS[q.id][0]) for q in questions]
    results = run_javascript(cases)
    buggy, repaired = results[: len(questions)], results[len(questions) :]
    for question, before, after in zip(questions, buggy, repaired, strict=True):
        right = CHECKS[question.id][1]
        assert before != right, question.id
        assert after == right, question.id
