"""Screenshots of the review side (issue 12): self-scoring, attempts side by side, progress and
search over past answers, for ``scripts/screenshots.py``.

Writes three weeks of made-up practice with known figures into the throw-away data folder the
screenshots use (``tests/support/known_figures.py``), then drives the real window's flows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from simulator import paths
from simulator.store import Store
from simulator.ui.window import MainWindow
from tests.support.known_figures import Given, write_answers

Settle = Callable[[QApplication, Callable[[], bool], float], None]
Save = Callable[[QWidget, Path, str], None]

STORY = (
    "At my last job our billing service kept timing out, so my task was to find out why before "
    "the end of the quarter. I added tracing to every call and set up a dashboard, and as a "
    "result we cut the timeouts by forty percent in three weeks."
)
LEAD = "I led a team of four through a migration and kept everyone on the same page."


def made_up_practice(today: dt.date) -> list[Given]:
    """Conflict answers getting better over the three weeks up to ``today``, leadership
    steady, some under pressure."""
    practice = []
    for day in range(1, 22, 2):
        improving = day / 21
        practice.append(
            Given(
                (today - dt.timedelta(days=21 - day)).isoformat(),
                "conflict",
                wpm=185 - 35 * improving,
                fillers=6.5 - 4.5 * improving,
                length=150 - 50 * improving,
                first_word=5.0 - 3.2 * improving,
                scores={"situation": 2 + round(2 * improving), "result": 1 + round(3 * improving)},
                transcript=STORY,
                recoveries=(3.5 - 2 * improving, 2.8) if day % 6 == 1 else None,
            )
        )
        if day % 4 == 1:
            practice.append(
                Given(
                    (today - dt.timedelta(days=21 - day)).isoformat(),
                    "leadership",
                    wpm=148,
                    fillers=1.5,
                    length=95,
                    first_word=1.4,
                    question_id="q-lead",
                    question_text="Tell me about a time you led a team.",
                    scores={"clarity": 4},
                    transcript=LEAD,
                )
            )
    return practice


def save_review_shots(
    app: QApplication, window: MainWindow, folder: Path, settle: Settle, save: Save
) -> None:
    # The review starts from this practice alone: the silent sessions of the history shots go.
    for session in window.services.history.list_sessions():
        window.services.history.delete_session(int(session["id"]))
    layout = paths.layout()
    layout.ensure()
    with Store(layout.db_path) as store:
        ids = write_answers(store, made_up_practice(dt.date.today()))
    history = window.history
    window.resize(1100, 760)

    history.show_history()
    history.page.search_bar.query_edit.setText("billing timeouts")
    settle(app, lambda: history.page.found is not None and window.tasks.pending == 0, 10.0)
    save(window, folder, "31-history-search.png")
    history.page.search_bar.clear()
    settle(app, lambda: not history.page.searching, 5.0)

    scored = ids[-2]  # a recent conflict answer, scored on some criteria
    history.answer_review.show_scoring(scored)
    scoring = history.answer_review.scoring
    settle(app, lambda: window.navigator.is_showing(scoring), 10.0)
    scoring.choices[1].buttons[3].click()
    scoring.note_edit.setPlainText("Give the result first, then how we got there.")
    window.resize(1100, 900)
    settle(app, lambda: True, 0.3)
    save(window, folder, "28-scoring.png")
    window.resize(1100, 760)

    history.answer_review.show_attempts(scored)
    attempts = history.answer_review.attempts
    settle(
        app,
        lambda: not attempts.panels[1].isHidden() and window.tasks.pending == 0,
        10.0,
    )
    save(window, folder, "29-attempts.png")

    history.show_history()
    history.page.progress_button.click()
    settle(app, lambda: history.progress.page.view is not None, 10.0)
    window.resize(1280, 860)
    settle(app, lambda: True, 0.3)
    save(window, folder, "30-progress.png")
    window.resize(1100, 720)
    window.show_home()
    settle(app, lambda: window.tasks.pending == 0, 10.0)
    save(window, folder, "32-home-recent-practice.png")


__all__ = ["made_up_practice", "save_review_shots"]
