"""The pack editor: it checks as you type, saves what it shows, copies and deletes packs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from simulator import paths
from simulator.core.packs import load_pack
from simulator.library.exchange import pack_to_dict


def open_new_pack(qtbot: Any, window: Any) -> Any:
    qtbot.mouseClick(window.home.browse_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.library_flow.browser.new_pack_button, Qt.MouseButton.LeftButton)
    editor = window.library_flow.editor
    assert window.stack.currentWidget() is editor
    return editor


def fill_question(editor: Any, question_id: str, text: str, category: str) -> None:
    form = editor.question_form
    form.id_edit.setText(question_id)
    form.text_edit.setPlainText(text)
    form.category_combo.setCurrentText(category)


def answer_dialogs(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list:
    asked: list[str] = []

    def question(_parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        asked.append(title)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def save(qtbot: Any, editor: Any) -> None:
    assert editor.save_button.isEnabled(), editor.problems
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.status_label.text().startswith("Saved to"))


def test_the_editor_saves_what_it_shows(qtbot: Any, library_window: Any) -> None:
    editor = open_new_pack(qtbot, library_window)
    form = editor.pack_form
    form.id_edit.setText("team-lead")
    form.title_edit.setText("Team lead")
    form.description_edit.setPlainText("Questions for a first lead role.")
    form.tags_edit.setPlainText("leadership\n\n  mid  \n")
    fill_question(editor, "why-lead", "Why do you want to lead?", "motivation")
    q = editor.question_form
    q.framework_combo.setCurrentText("free")
    q.band_low.setValue(30)
    q.band_high.setValue(90)
    q.prep_spin.setValue(10)
    q.follow_ups_edit.setPlainText("What will you miss?\nWho taught you?")
    q.tips_edit.setPlainText("Talk about the team.")
    q.tags_edit.setPlainText("entry")
    qtbot.mouseClick(editor.question_list.add_button, Qt.MouseButton.LeftButton)
    # The new question starts blank, not with the previous question's answers.
    assert (q.id_edit.text(), q.text_edit.toPlainText()) == ("question-2", "")
    assert (q.band_low.value(), q.band_high.value(), q.prep_spin.value()) == (60, 120, 0)
    assert q.follow_ups_edit.toPlainText() == ""
    fill_question(editor, "handed-over", "Tell me about work you handed over.", "leadership")
    q.difficulty_combo.setCurrentIndex(q.difficulty_combo.findData(3))
    q.clarifications_edit.setPlainText("It was a billing service.")
    qtbot.mouseClick(editor.question_list.add_button, Qt.MouseButton.LeftButton)
    fill_question(editor, "to-delete", "This one goes.", "failure")
    assert [x.id for x in editor.current_pack().questions] == [
        "why-lead",
        "handed-over",
        "to-delete",
    ]
    # Reorder: the second question moves up to first place.
    editor.question_list.select(1)
    assert editor.question_form.id_edit.text() == "handed-over"
    qtbot.mouseClick(editor.question_list.up_button, Qt.MouseButton.LeftButton)
    assert editor.question_list.current_row() == 0
    assert editor.question_form.id_edit.text() == "handed-over"
    editor.question_list.select(2)
    qtbot.mouseClick(editor.question_list.remove_button, Qt.MouseButton.LeftButton)
    assert editor.question_form.id_edit.text() == "why-lead"  # the form follows the list
    shown = editor.current_pack()
    assert [x.id for x in shown.questions] == ["handed-over", "why-lead"]
    assert editor.question_list.list.row_text(0) == "1. Tell me about work you handed over."
    assert shown.tags == ("leadership", "mid")

    save(qtbot, editor)
    path = paths.layout().packs_dir / "team-lead.toml"
    assert path.is_file()
    loaded = load_pack(path, source="user")
    assert pack_to_dict(loaded) == pack_to_dict(editor.current_pack())
    first, second = loaded.questions
    assert (first.difficulty, first.clarifications) == (3, ("It was a billing service.",))
    assert (first.follow_ups, first.tips, first.answer_seconds) == ((), (), (60, 120))
    assert (second.answer_seconds, second.prep_seconds) == ((30, 90), 10)
    assert second.follow_ups == ("What will you miss?", "Who taught you?")
    # The library was reloaded: the new pack is on the home page and in the browser.
    assert "team-lead" in [p.id for p in library_window.library.packs]
    assert library_window.library.get("team-lead").source == "user"
    home_ids = [
        library_window.home.packs_list.pack_id(r)
        for r in range(library_window.home.packs_list.count())
    ]
    assert "team-lead" in home_ids
    browser = library_window.library_flow.browser
    assert browser.pack_combo.findData("team-lead") >= 0
    assert not editor.dirty and editor.delete_button.isVisible()


def test_problems_show_inline_and_block_saving(qtbot: Any, library_window: Any) -> None:
    editor = open_new_pack(qtbot, library_window)
    q = editor.question_form
    fill_question(editor, "fine", "A fine question?", "conflict")
    assert editor.problems == []
    assert editor.status_label.text() == "Not saved yet."
    assert editor.save_button.isEnabled()
    assert not editor.problems_list.isVisible()

    q.band_low.setValue(120)
    q.band_high.setValue(60)
    band = q.problem_labels["answer_seconds"]
    assert band.isVisible()
    assert "not [120, 60]" in band.text()
    assert not editor.save_button.isEnabled()
    q.text_edit.setPlainText("   ")
    assert "'text' must not be empty" in q.problem_labels["text"].text()
    q.id_edit.setText("Bad ID")
    assert "lowercase letters" in q.problem_labels["id"].text()
    editor.pack_form.id_edit.setText("my pack")
    assert "lowercase letters" in editor.pack_form.problem_labels["id"].text()
    assert "Pack id" not in editor.pack_form.id_edit.accessibleDescription()
    assert "lowercase" in editor.pack_form.id_edit.accessibleDescription()
    assert editor.problems_list.count() == 4
    assert editor.question_list.list.row_text(0).startswith("⚠ ")
    assert editor.status_label.text() == "4 problems to fix before the pack can be saved."
    # Ctrl+S refuses too: nothing is written while there are problems.
    editor.save()
    assert not list(paths.layout().packs_dir.glob("*.toml"))

    q.band_low.setValue(30)
    assert not band.isVisible()
    q.text_edit.setPlainText("Better?")
    q.id_edit.setText("better")
    editor.pack_form.id_edit.setText("behavioral-core")  # a built-in pack's id
    assert "belongs to a built-in pack" in editor.pack_form.problem_labels["id"].text()
    assert not editor.save_button.isEnabled()
    editor.pack_form.id_edit.setText("mine")
    assert editor.problems == [] and editor.save_button.isEnabled()
    assert not editor.question_list.list.row_text(0).startswith("⚠")

    qtbot.mouseClick(editor.question_list.remove_button, Qt.MouseButton.LeftButton)
    assert [editor.problems_list.row_text(i) for i in range(editor.problems_list.count())] == [
        "Pack: the pack has no questions yet: add one"
    ]
    assert not editor.question_form.isEnabled() and not editor.save_button.isEnabled()


def test_a_built_in_pack_is_read_only_until_copied(qtbot: Any, library_window: Any) -> None:
    flow = library_window.library_flow
    flow.open_pack("warm-up")
    editor = flow.editor
    original = library_window.library.get("warm-up")
    assert editor.read_only
    assert editor.copy_button.isVisible() and not editor.save_button.isVisible()
    assert not editor.delete_button.isVisible()
    assert editor.pack_form.title_edit.isReadOnly()
    assert editor.question_form.text_edit.isReadOnly()
    assert not editor.question_form.category_combo.isEnabled()
    assert not editor.question_list.add_button.isEnabled()
    assert editor.question_form.text_edit.toPlainText() == original.questions[0].text

    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    assert not editor.read_only
    assert editor.pack_form.id_edit.text() == "warm-up-copy"
    assert not editor.pack_form.title_edit.isReadOnly()
    assert editor.save_button.isVisible() and editor.save_button.isEnabled()
    save(qtbot, editor)
    copy = load_pack(paths.layout().packs_dir / "warm-up-copy.toml", source="user")
    assert [q.text for q in copy.questions] == [q.text for q in original.questions]
    assert library_window.library.get("warm-up").source == "built-in"
    # A second copy gets the next free id.
    flow.open_pack("warm-up")
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    assert editor.pack_form.id_edit.text() == "warm-up-copy-2"


def test_renaming_a_saved_pack_replaces_its_file(qtbot: Any, library_window: Any) -> None:
    editor = open_new_pack(qtbot, library_window)
    editor.pack_form.id_edit.setText("first-name")
    fill_question(editor, "one", "One?", "growth")
    save(qtbot, editor)
    editor.pack_form.id_edit.setText("second-name")
    save(qtbot, editor)
    folder = paths.layout().packs_dir
    assert sorted(p.name for p in folder.glob("*.toml")) == ["second-name.toml"]
    ids = [p.id for p in library_window.library.packs]
    assert "second-name" in ids and "first-name" not in ids


def test_deleting_a_user_pack_asks_first(
    qtbot: Any, library_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_new_pack(qtbot, library_window)
    editor.pack_form.id_edit.setText("short-lived")
    fill_question(editor, "one", "One?", "growth")
    save(qtbot, editor)
    path = Path(paths.layout().packs_dir / "short-lived.toml")
    asked = answer_dialogs(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert asked == ["Delete pack"]
    assert path.exists()

    answer_dialogs(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not path.exists())
    browser = library_window.library_flow.browser
    qtbot.waitUntil(lambda: library_window.stack.currentWidget() is browser)
    assert "short-lived" not in [p.id for p in library_window.library.packs]
    assert library_window.banners.message("library") == "The pack 'short-lived' was deleted."


def test_leaving_with_unsaved_changes_asks(
    qtbot: Any, library_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_new_pack(qtbot, library_window)
    asked = answer_dialogs(monkeypatch, QMessageBox.StandardButton.No)
    editor.question_form.text_edit.setPlainText("Something worth keeping?")
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
    assert asked == ["Unsaved changes"]
    assert library_window.stack.currentWidget() is editor
    answer_dialogs(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
    assert library_window.stack.currentWidget() is library_window.library_flow.browser


def test_an_untouched_new_pack_is_left_without_asking(
    qtbot: Any, library_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_new_pack(qtbot, library_window)
    asked = answer_dialogs(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
    assert asked == []
    assert library_window.stack.currentWidget() is library_window.library_flow.browser


def test_enter_on_a_problem_opens_its_question(qtbot: Any, library_window: Any) -> None:
    editor = open_new_pack(qtbot, library_window)
    editor.pack_form.id_edit.setText("mine")
    editor.pack_form.title_edit.setText("Mine")
    fill_question(editor, "fine", "A fine question?", "conflict")
    qtbot.mouseClick(editor.question_list.add_button, Qt.MouseButton.LeftButton)
    fill_question(editor, "late", "A late question?", "conflict")
    editor.question_form.band_low.setValue(120)
    editor.question_form.band_high.setValue(60)
    rows = editor.question_list.list
    assert [rows.row_text(i)[:2] for i in range(2)] == ["1.", "⚠ "]  # only the second flagged
    editor.question_list.select(0)
    assert editor.question_form.id_edit.text() == "fine"
    problems = editor.problems_list
    assert problems.count() == 1 and problems.row_text(0).startswith("Question 2:")
    problems.setFocus()
    qtbot.keyClick(problems, Qt.Key.Key_Down)  # nothing is chosen until the user moves there
    qtbot.keyClick(problems, Qt.Key.Key_Return)
    assert editor.question_list.current_row() == 1
    assert editor.question_form.id_edit.text() == "late"
