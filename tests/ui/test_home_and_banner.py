"""The home page shows the library and choices; startup problems appear in the banner."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from simulator.library import load_library
from simulator.settings import Settings
from simulator.ui.pages.home import HomePage
from simulator.ui.window import NO_MICROPHONE


def test_packs_are_listed_and_choices_become_settings(qtbot: Any, library: Any) -> None:
    page = HomePage(library, Settings(questions=2, shuffle=False, engine="pocketsphinx"))
    qtbot.addWidget(page)
    assert page.packs_list.count() == 1
    assert page.selected_pack_id() == "ui-test"
    assert page.question_count.maximum() == 3
    assert page.problems_label.isHidden()
    page.hide_question_check.setChecked(True)
    page.question_count.setValue(3)
    chosen = page.apply_to(Settings())
    assert (chosen.questions, chosen.shuffle, chosen.engine) == (3, False, "pocketsphinx")
    assert chosen.hide_question_text and chosen.last_pack == "ui-test"


def test_the_mix_and_seed_are_remembered(qtbot: Any, library: Any) -> None:
    page = HomePage(library, Settings())
    qtbot.addWidget(page)
    categories = list(page.source.categories.counts)
    assert categories and not page.mix_selected()
    page.source.mix_button.click()
    page.source.categories.set_chosen(categories[:1])
    page.seed_edit.setText("1234")
    chosen = page.apply_to(Settings())
    assert (chosen.mix, chosen.mix_categories, chosen.seed) == (True, tuple(categories[:1]), 1234)

    again = HomePage(library, chosen)  # the next launch
    qtbot.addWidget(again)
    assert again.mix_selected() and again.mix_categories() == categories[:1]
    assert again.seed() == 1234 and again.start_button.isEnabled()
    again.shuffle_check.setChecked(False)
    assert again.seed() is None and again.apply_to(chosen).seed == 1234


def test_broken_user_packs_show_a_warning_line_with_details(
    qtbot: Any, library: Any, tmp_path: Path
) -> None:
    user = tmp_path / "user-packs"
    user.mkdir()
    (user / "typo.toml").write_text('[pack]\nid = "typo"\ntitel = "x"\n', encoding="utf-8")
    (user / "empty.toml").write_text("", encoding="utf-8")
    broken = load_library(tmp_path / "builtin", user)
    page = HomePage(broken, Settings())
    qtbot.addWidget(page)
    assert page.problems_label.text() == "⚠ 2 of your packs have problems —"
    assert page.problems_details.isHidden()
    qtbot.mouseClick(page.details_button, Qt.MouseButton.LeftButton)
    assert not page.problems_details.isHidden()
    assert "unknown key 'titel'" in page.problems_details.text()


def test_no_microphone_shows_a_banner_and_retry_clears_it(qtbot: Any, window: Any) -> None:
    window.services.microphones.microphone_ok = False
    window.microphone.check()
    qtbot.waitUntil(lambda: "microphone" in window.banners.banners)
    banner = window.banners.banners["microphone"]
    assert banner.message == NO_MICROPHONE
    assert banner.action_button is not None and banner.action_button.text() == "Check again"
    assert banner.close_button is None  # a missing microphone cannot be waved away
    window.services.microphones.microphone_ok = True
    qtbot.mouseClick(banner.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "microphone" not in window.banners.banners)
    assert window.services.microphones.mic_checks == 2
    assert window.banners.isHidden()


def test_startup_checks_fill_the_voices(qtbot: Any, window: Any) -> None:
    window.run_startup_checks()
    qtbot.waitUntil(lambda: window.home.voice_combo.count() == 3)
    assert window.home.voice_combo.itemText(1) == "Alice"
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert window.banners.isHidden()


def test_a_warning_banner_can_be_dismissed(qtbot: Any, window: Any) -> None:
    window.banners.show_message("w", "The question could not be spoken.", "warning")
    banner = window.banners.banners["w"]
    assert not window.banners.isHidden()
    assert banner.close_button is not None
    qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert "w" not in window.banners.banners
    assert window.banners.isHidden()
