"""Screenshots of the window for review: home, interview, end, settings, library, editor, feedback,
getting a speech model, past sessions, the home page with no microphone, the question before
ending an interview, a skipped answer, a mix with no category ticked, pressure mode (the drill
picker, a cut-in, a squeeze, the code panel, the recovery findings: pressure_shots.py), and the
replay of a past answer (paused, and playing with a word highlighted: replay_shots.py).

Runs the real window with the real services on the offscreen platform (or under xvfb-run), in a
throw-away data folder, drives the interview page with a scripted list of runner events (no
audio needed), and saves PNGs into the folder given on the command line:

    python scripts/screenshots.py /tmp/hotseat-shots
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# The scripted answer is shared with the window tests (tests/support), one folder up.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# A real X server (xvfb-run) when there is one; otherwise Qt's offscreen platform.
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from scripts.pressure_shots import save_pressure_shots
from scripts.replay_shots import save_replay_session, show_replay
from scripts.review_shots import save_review_shots
from simulator import paths
from simulator.audio.wav import WavWriter
from simulator.core.records import AnswerSummary, read_analysis, read_words
from simulator.library import load_library
from simulator.services import build_services
from simulator.settings import SettingsFile
from simulator.ui import style
from simulator.ui.bridge import SessionBridge
from simulator.ui.model_install_dialog import ModelInstallDialog
from simulator.ui.settings_dialog import SettingsDialog
from simulator.ui.window import MainWindow
from tests.support import sample_answer
from tests.support.events import typed
from tests.support.saved_sessions import save_session

ANSWER = (
    "At my last job two of us disagreed about whether to rewrite the billing service. "
    "I suggested we each write down the risks, and we agreed to migrate one endpoint first"
)


def settle(app: QApplication, done: Callable[[], bool], timeout_s: float = 20.0) -> None:
    """Process events until ``done()`` or the timeout (background checks report late)."""
    deadline = time.monotonic() + timeout_s
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()


def save(widget: QWidget, folder: Path, name: str) -> None:
    path = folder / name
    widget.grab().save(str(path))
    print(path)


def save_microphone_list(app: QApplication, dialog: SettingsDialog, folder: Path) -> None:
    """The settings with the microphone list open (a popup: only a screen grab shows it)."""
    if app.platformName() == "offscreen":
        return
    dialog.device_combo.showPopup()
    settle(app, lambda: True, 0.3)
    top_left = dialog.mapToGlobal(dialog.rect().topLeft())
    shot = app.primaryScreen().grabWindow(
        0, top_left.x(), top_left.y(), dialog.width(), dialog.height()
    )
    shot.save(str(folder / "19-settings-microphones.png"))
    print(folder / "19-settings-microphones.png")
    dialog.device_combo.hidePopup()


def drive_interview(window: MainWindow, hide: bool, elapsed: float) -> None:
    page = window.interview
    page.attach(SessionBridge(window), hide_question=hide)
    window.navigator.show(page)
    pack = window.library.packs[0]
    question = pack.questions[min(1, len(pack.questions) - 1)]
    page.handle_event(
        typed(
            {
                "type": "question_started",
                "index": 1,
                "count": 3,
                "text": question.text,
                "category": question.category,
                "answer_seconds": list(question.answer_seconds),
                "time_limit_s": question.answer_seconds[1] + 30,
            }
        )
    )
    page.handle_event(typed({"type": "recording_started", "index": 1}))
    page.handle_event(typed({"type": "level", "level": 0.62, "elapsed_s": elapsed, "voiced": True}))
    page.handle_event(typed({"type": "partial", "index": 1, "text": ANSWER}))


# A made-up STAR answer: "| pause N |" is silence, "| voice N |" a sound with no word in it.
FEEDBACK_SCRIPT = (
    "At my last job our billing service kept timing out under load | pause 1.4 | um so my task "
    "was to find out why before the end of the quarter | pause 2.9 | I think the first thing I "
    "did was basically add tracing to every call between the services | voice 0.6 | and I set "
    "up a dashboard so the whole team could see where the time went | pause 1.2 | as a result "
    "we cut the timeouts by forty percent in three weeks and we kind of never looked back"
)


def made_up_answer(script: str = FEEDBACK_SCRIPT) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Words and a consistent analysis of the scripted answer (as in the window tests)."""
    return sample_answer.made_up_answer(script, "STAR", (30, 90), start_s=1.1)


def drive_last_answer(window: MainWindow, analysis: dict[str, Any]) -> None:
    """Question 2 being answered while question 1's summary is shown."""
    drive_interview(window, hide=False, elapsed=21)
    window.interview.handle_event(
        typed({"type": "answer_analyzed", "index": 0, "analysis": analysis})
    )


def show_browser(window: MainWindow) -> None:
    """The library filtered to one category, three questions selected, one previewed."""
    browser = window.library_flow.browser
    window.library_flow.show_browser()
    browser.category_combo.setCurrentIndex(browser.category_combo.findData("clarifying"))
    shown = browser.shown_entries()
    browser.select_entries(shown[:3])
    browser.set_current_entry(shown[1])


def show_editor_problem(window: MainWindow) -> None:
    """A new pack whose second question has its answer band the wrong way round."""
    window.library_flow.open_pack(None)
    editor = window.library_flow.editor
    editor.pack_form.id_edit.setText("team-lead-basics")
    editor.pack_form.title_edit.setText("Team lead basics")
    editor.pack_form.description_edit.setPlainText("Questions for a first team lead role.")
    form = editor.question_form
    form.id_edit.setText("why-lead")
    form.text_edit.setPlainText("Why do you want to lead a team rather than do the work yourself?")
    form.category_combo.setCurrentText("motivation")
    editor.add_question()
    form.id_edit.setText("handed-over-work")
    form.text_edit.setPlainText("Tell me about a piece of work you handed over to someone else.")
    form.category_combo.setCurrentText("leadership")
    form.framework_combo.setCurrentText("STAR")
    form.band_low.setValue(120)
    form.band_high.setValue(60)
    form.follow_ups_edit.setPlainText("What did you check along the way?")
    form.tips_edit.setPlainText("Say what you handed over and why that person.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    folder: Path = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault(paths.HOME_ENV, tempfile.mkdtemp(prefix="hotseat-shots-"))

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Hotseat")
    style.apply(app)
    settings_file = SettingsFile(paths.settings_file())
    services = build_services(settings_file.load(), paths.layout())
    library = load_library(paths.builtin_packs_dir(), services.layout.packs_dir)
    window = MainWindow(services, library, settings_file)
    try:
        window.resize(1100, 720)
        window.show()
        window.run_startup_checks()
        settle(app, lambda: window.tasks.pending == 0)
        save(window, folder, "01-home.png")
        if window.microphone.ready is False:  # this machine has no microphone: show it
            save(window, folder, "15-home-no-microphone.png")
            window.microphone._found("a microphone")  # the rest as with one plugged in

        drive_interview(window, hide=False, elapsed=74)
        settle(app, lambda: True, 0.2)
        save(window, folder, "02-interview.png")
        drive_interview(window, hide=True, elapsed=14)
        settle(app, lambda: True, 0.2)
        save(window, folder, "03-interview-hidden.png")
        window.interview.ask_to_end()
        settle(app, lambda: True, 0.2)
        save(window, folder, "16-end-interview-confirmation.png")
        window.interview.resume()

        questions = library.packs[0].questions
        answers = [
            AnswerSummary(i + 1, q.text, 40.0 + 31 * i, ANSWER + ".", f"x/{i}.wav", "vosk")
            for i, q in enumerate(questions[:3])
        ]
        answers.append(
            AnswerSummary(4, questions[3].text, 3.2, "", "x/3.wav", "vosk", skipped=True)
        )
        window.end.show_results(12, "complete", answers)
        window.navigator.show(window.end)
        window.banners.show_message(
            "session-warning", "The question could not be spoken: no speaker was found.", "warning"
        )
        settle(app, lambda: True, 0.2)
        save(window, folder, "04-end.png")

        dialog = SettingsDialog(services.settings, services, settings_file, window.tasks, window)
        dialog.show()
        settle(app, lambda: window.tasks.pending == 0)
        save(dialog, folder, "05-settings.png")
        save_microphone_list(app, dialog, folder)
        getter = ModelInstallDialog(services.models, window.tasks, dialog)
        getter.show()
        settle(app, lambda: True, 0.2)
        save(getter, folder, "11-get-model.png")
        # As it looks half way through a download.
        getter._set_running(True)
        getter.progress_bar.setRange(0, 1000)
        getter.progress_bar.setValue(430)
        getter.status_label.setText("Downloading… 17 of 40 MB")
        settle(app, lambda: True, 0.1)
        save(getter, folder, "12-get-model-running.png")
        getter._set_running(False)
        getter.close()
        dialog.close()

        window.banners.clear("session-warning")
        window.resize(900, 600)
        window.navigator.show(window.home)
        settle(app, lambda: True, 0.2)
        save(window, folder, "06-home-minimum-size.png")
        window.resize(1100, 720)
        window.home.source.mix_button.click()
        window.home.source.categories.set_chosen([])
        window.home.source.categories.set_chosen(["conflict", "leadership"])
        window.home.source.categories.set_chosen([])
        settle(app, lambda: True, 0.2)
        save(window, folder, "17-mix-no-category.png")
        window.home.source.categories.set_chosen(["conflict", "leadership"])
        settle(app, lambda: True, 0.2)
        save(window, folder, "18-mix-ticked.png")
        window.home.source.pack_button.click()

        window.resize(1100, 720)
        show_browser(window)
        settle(app, lambda: True, 0.2)
        save(window, folder, "07-browser.png")
        show_editor_problem(window)
        settle(app, lambda: True, 0.2)
        save(window, folder, "08-editor.png")

        words, analysis = made_up_answer()
        duration = float(analysis["duration_s"])
        text = " ".join(str(w["text"]) for w in words)
        analysed = AnswerSummary(
            1,
            questions[0].text,
            duration,
            text,
            "x/0.wav",
            "pocketsphinx",
            read_words(words),
            read_analysis(analysis),
        )
        not_analysed = AnswerSummary(2, questions[1].text, 12.0, "I would start", "x/1.wav")
        answers = [analysed, not_analysed]
        window.end.show_results(13, "complete", answers)
        window.navigator.show(window.end)
        window.end.answer_rows[0].show_feedback(True)
        window.resize(1100, 1040)  # tall enough for the measures and the marked transcript
        settle(app, lambda: True, 0.3)
        save(window, folder, "09-feedback.png")
        window.resize(1100, 720)

        drive_last_answer(window, analysis)
        settle(app, lambda: True, 0.2)
        save(window, folder, "10-interview-last-answer.png")
        save_pressure_shots(app, window, folder, settle, save, made_up_answer)

        quiet = Path(os.environ[paths.HOME_ENV]) / "quiet.wav"
        with WavWriter(quiet, 16000) as writer:
            writer.write(b"\0\0" * 16000 * 6)
        for started, pack, status in [
            ("2026-11-18T19:40:00", "behavioral-core", "complete"),
            ("2026-11-20T08:15:00", "leadership-principles", "aborted"),
            ("2026-11-22T21:05:00", "mix", "complete"),
        ]:
            save_session(started, pack, quiet, status)
        window.show_home()
        window.home.history_button.click()
        settle(app, lambda: window.history.page.sessions_list.count() == 3)
        save(window, folder, "13-history.png")
        window.history.page.open_button.click()
        settle(app, lambda: window.navigator.is_showing(window.history.review))
        window.history.review.answer_rows[0].show_feedback(True)
        settle(app, lambda: True, 0.2)
        save(window, folder, "14-history-session.png")

        replay_words, replay_analysis = made_up_answer()
        save_replay_session(replay_words, replay_analysis)
        show_replay(
            window,
            replay_words,
            lambda done: settle(app, done),
            lambda name: save(window, folder, name),
        )
        save_review_shots(app, window, folder, settle, save)
    finally:
        window.shutdown()
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
