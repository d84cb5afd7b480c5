"""The question form keeps a debug question's code, language and bug, which it has no fields
for: saving a user pack from the editor must not drop them."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from simulator.core.packs import Bug, Question
from simulator.ui.widgets.question_form import QuestionForm

DEBUG = Question(
    id="sum",
    text="This should add prices. Talk me through it.",
    category="problem-solving",
    code="def total(p):\n    return sum(p[1:])",
    code_language="python",
    bug=Bug(2, "It skips the first price."),
)


def test_code_keys_pass_through_an_edit(qtbot: QtBot) -> None:
    form = QuestionForm()
    qtbot.addWidget(form)
    form.set_question(DEBUG)
    form.text_edit.setPlainText("This should add all the prices. Talk me through it.")
    edited = form.question()
    assert edited.text.startswith("This should add all")
    assert (edited.code, edited.code_language, edited.bug) == (
        DEBUG.code,
        "python",
        DEBUG.bug,
    )
    form.set_question(Question(id="plain", text="Why?", category="motivation"))
    assert (form.question().code, form.question().bug) == ("", None)
