"""Filling the window's lists again and again costs no references to ``None``.

PySide6 6.12.0 on Python 3.11 loses about two references to ``None`` per row put into a
``QListWidget`` (``QListWidgetItem.setData`` + ``addItem``), and the interpreter aborts with
"none_dealloc" once they run out: listing 10,000 past sessions twice was enough. The lists
are models now, which cost nothing per row. Each test fills a list through the page's own code
with few rows and with many, and checks that the many rows change the count of references to
``None`` no more than the few: this holds on every PySide6 version unless our code makes Qt
objects (or calls) per row, or keeps objects of the rows it replaced.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from simulator.core.packs import Pack, Question
from simulator.library import Library
from simulator.ui.model_install_dialog import ModelInstallDialog
from simulator.ui.pages.history import HistoryPage
from simulator.ui.pages.library import LibraryPage
from simulator.ui.pages.pack_editor import PackEditorPage
from simulator.ui.tasks import TaskRunner
from simulator.ui.widgets.question_source import QuestionSource

FILLS = 5  # per size; the old QListWidget code lost 2 x 190 x 5 = 1,900 references here
FEW, MANY = 10, 200
SLACK = 60  # a few calls per fill may cost a reference on 6.12.0; never one per row


def settle(app: Any) -> None:
    """Paint, lay out, and delete what was replaced (a list's old widgets hold references)."""
    app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def none_references_lost(fill: Callable[[int, int], object], rows: int) -> int:
    """How many references to None ``FILLS`` fills of ``rows`` rows lose (negative: gained)."""
    app = QApplication.instance()
    fill(rows, -1)  # once first, so caches and lazily made objects exist before counting
    settle(app)
    gc.collect()
    before = sys.getrefcount(None)
    for round_ in range(FILLS):
        fill(rows, round_)
        settle(app)
    gc.collect()
    return before - sys.getrefcount(None)


def assert_no_cost_per_row(fill: Callable[[int, int], object]) -> None:
    few, many = none_references_lost(fill, FEW), none_references_lost(fill, MANY)
    # A fall is the PySide6 6.12.0 bug; a rise means objects made per row outlive the fill.
    assert abs(many - few) <= SLACK, (
        f"{many} references to None lost with {MANY} rows, {few} with {FEW}"
    )


def sessions(count: int, round_: int) -> list[dict[str, Any]]:
    return [
        {
            "id": round_ * 1000 + number,
            "pack_id": "behavioral-core",
            "answer_count": number % 4,
            "total_duration_s": 61.5,
            "status": "aborted",
            "started_at": "2026-11-20T09:30:00",
        }
        for number in range(count)
    ]


def question(number: int, text: str = "Tell me about a time you changed a plan.") -> Question:
    return Question(id=f"q{number}", text=f"{text} ({number})", category="adaptability")


def pack(count: int, round_: int, text: str = "Tell me about a time you changed a plan.") -> Pack:
    questions = tuple(question(number, text) for number in range(count))
    return Pack(id=f"pack-{round_ + 1}", title=f"Pack {round_ + 1}", questions=questions)


def test_past_sessions(qtbot: Any) -> None:
    page = HistoryPage()
    qtbot.addWidget(page)
    page.show()
    titles = {"behavioral-core": "Behavioral core"}
    assert_no_cost_per_row(lambda rows, round_: page.show_sessions(sessions(rows, round_), titles))
    assert page.sessions_list.count() == MANY


def test_browse_questions(qtbot: Any) -> None:
    page = LibraryPage(Library([pack(3, 0)]))
    qtbot.addWidget(page)
    page.show()

    def fill(rows: int, round_: int) -> None:
        page.set_library(Library([pack(rows, round_)]))
        page.search_edit.setText("time" if round_ % 2 else "")  # the filter runs over them all

    assert_no_cost_per_row(fill)
    assert len(page.shown_entries()) == MANY


def test_speech_models_to_download(qtbot: Any, services: Any) -> None:
    tasks = TaskRunner()
    dialogs: list[ModelInstallDialog] = []

    def fill(rows: int, round_: int) -> None:
        services.models.model_offers = lambda: [
            (f"model-{n}", 40 + n, "small") for n in range(rows)
        ]
        dialog = ModelInstallDialog(services.models, tasks)
        dialogs.append(dialog)  # kept alive to the end: a dialog's own cost is not counted

    try:
        assert_no_cost_per_row(fill)
        assert dialogs[-1].offers.count() == MANY
    finally:
        for dialog in dialogs:
            dialog.deleteLater()
        tasks.shutdown()


def test_pack_editor_questions_and_problems(qtbot: Any) -> None:
    page = PackEditorPage()
    qtbot.addWidget(page)
    page.show()

    def fill(rows: int, round_: int) -> None:
        # Every answer band the wrong way round: one problem per question to list too.
        questions = [replace(q, answer_seconds=(90, 30)) for q in pack(rows, round_).questions]
        page.open_pack(Pack(id="mine", title="Mine", questions=tuple(questions), source="user"), ())

    assert_no_cost_per_row(fill)
    assert page.question_list.list.count() == MANY
    assert page.problems_list.count() >= MANY


def test_home_packs_and_categories(qtbot: Any) -> None:
    source = QuestionSource(Library([pack(1, 0)]))
    qtbot.addWidget(source)
    source.show()

    def fill(rows: int, round_: int) -> None:
        # As many packs as rows, each with a question of its own category.
        packs = [
            replace(pack(0, number), questions=(replace(question(number), category=f"c{number}"),))
            for number in range(rows)
        ]
        source.set_library(Library(packs))
        source.categories.set_chosen(["c1", f"c{round_ + 2}"])

    assert_no_cost_per_row(fill)
    assert source.packs_list.count() == MANY and source.categories.count() == MANY
    assert source.categories.chosen() == ["c1", f"c{FILLS + 1}"]
