"""DataLayout: the folders under the data home and the relative paths stored in the DB."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from simulator.store import DataLayout, StoreError
from simulator.store.files import safe_name


def test_folders_under_home(tmp_path: Path) -> None:
    layout = DataLayout(tmp_path)
    assert layout.home == tmp_path
    assert layout.db_path == tmp_path / "hotseat.db"
    assert layout.sessions_dir == tmp_path / "sessions"
    assert layout.models_dir == tmp_path / "models"
    assert layout.packs_dir == tmp_path / "packs"
    assert layout.tts_cache_dir == tmp_path / "cache" / "tts"


def test_ensure_creates_every_folder_and_can_repeat(tmp_path: Path) -> None:
    layout = DataLayout(tmp_path / "new" / "home")
    layout.ensure()
    layout.ensure()
    for folder in (layout.sessions_dir, layout.models_dir, layout.packs_dir, layout.tts_cache_dir):
        assert folder.is_dir()


def test_ensure_in_an_unwritable_place_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")  # mkdir under a file fails for root too
    with pytest.raises(StoreError, match="cannot create its data folder"):
        DataLayout(blocker / "home").ensure()


def test_answer_wav_path(tmp_path: Path) -> None:
    layout = DataLayout(tmp_path)
    path = layout.answer_wav(7, 2, "disagreed-with-teammate")
    assert path == tmp_path / "sessions" / "7" / "2-disagreed-with-teammate.wav"


@pytest.mark.parametrize(
    ("question_id", "expected"),
    [
        ("why_us-2", "why_us-2"),
        ("../../etc/passwd", "etc_passwd"),
        ("a b\\c:d*e?", "a_b_c_d_e"),
        ("", "answer"),
        ("///", "answer"),
        ("질문", "answer"),
        ("x" * 200, "x" * 80),
    ],
)
def test_question_ids_are_sanitised(question_id: str, expected: str) -> None:
    assert safe_name(question_id) == expected


def test_sanitised_answer_path_stays_in_the_session_folder(tmp_path: Path) -> None:
    layout = DataLayout(tmp_path)
    path = layout.answer_wav(1, 3, "../../../evil")
    assert path.parent == layout.sessions_dir / "1"
    assert path.name == "3-evil.wav"


def test_relative_and_absolute_round_trip(tmp_path: Path) -> None:
    layout = DataLayout(tmp_path)
    path = layout.answer_wav(12, 1, "q")
    stored = layout.relative(path)
    assert stored == "sessions/12/1-q.wav"
    assert layout.absolute(stored) == path
    assert layout.absolute("sessions\\12\\1-q.wav") == path  # written on Windows


def test_relative_through_a_symlinked_home(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    os.symlink(real, link)
    layout = DataLayout(link)
    assert layout.relative(real / "sessions" / "1" / "1-q.wav") == "sessions/1/1-q.wav"


def test_paths_outside_home_are_refused(tmp_path: Path) -> None:
    layout = DataLayout(tmp_path / "home")
    with pytest.raises(ValueError):
        layout.relative(tmp_path / "elsewhere.wav")
    for bad in ("../outside.wav", "/etc/passwd", "", "sessions/../../x"):
        with pytest.raises(ValueError):
            layout.absolute(bad)


def test_layout_equality(tmp_path: Path) -> None:
    assert DataLayout(tmp_path) == DataLayout(tmp_path)
    assert DataLayout(tmp_path) != DataLayout(tmp_path / "other")
    assert "DataLayout" in repr(DataLayout(tmp_path))


def test_relative_output_is_posix_even_for_nested_paths(tmp_path: Path) -> None:
    layout = DataLayout(tmp_path)
    assert "\\" not in layout.relative(layout.tts_cache_dir / "abc.wav")
