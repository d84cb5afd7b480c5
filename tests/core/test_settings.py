"""Settings persist between launches, and a damaged file never loses the user's data silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.settings import Settings, SettingsFile


def test_settings_round_trip(tmp_path: Path) -> None:
    file = SettingsFile(tmp_path / "settings.json")
    assert file.load() == Settings()
    chosen = Settings(
        voice="en-us",
        rate=150,
        engine="vosk",
        model_path="/m",
        end_silence_s=2.5,
        input_device="USB mic",
        hide_question_text=True,
        questions=5,
        seed=42,
        mix=True,
        mix_categories=("Conflict", "Leadership"),
    )
    file.save(chosen)
    assert SettingsFile(tmp_path / "settings.json").load() == chosen


def test_wrong_types_and_unknown_keys_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "rate": "fast",
                "engine": "magic",
                "end_silence_s": 2,
                "from_the_future": 1,
                "voice": 7,
                "questions": True,
                "seed": "abc",
                "mix_categories": ["Conflict", 3],
                "model_path": None,
            }
        )
    )
    settings = SettingsFile(path).load()
    assert settings.rate == Settings().rate
    assert settings.voice is None and settings.questions == 3 and settings.seed is None
    assert settings.mix_categories == () and settings.model_path is None
    assert settings.engine == "auto"
    assert settings.end_silence_s == 2.0


def test_a_damaged_file_is_set_aside_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    file = SettingsFile(path)
    assert file.load() == Settings()
    assert file.problem and "defaults" in file.problem
    assert (tmp_path / "settings.damaged.json").read_text() == "{not json"


def test_out_of_range_values_fall_back_to_defaults_with_one_message(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    said: list[str] = []
    path.write_text(
        json.dumps(
            {
                "questions": 3_000_000_000,
                "rate": 3_000_000_000,
                "end_silence_s": -1,
                "seed": -5,
                "input_device": "x" * 10_000,
                "shuffle": False,
            }
        )
    )
    file = SettingsFile(path, report=said.append)
    settings = file.load()
    defaults = Settings()
    assert (settings.questions, settings.rate) == (defaults.questions, defaults.rate)
    assert (settings.end_silence_s, settings.seed) == (defaults.end_silence_s, defaults.seed)
    assert settings.input_device is None
    assert settings.shuffle is False  # a good value next to bad ones is kept
    assert len(said) == 1 and said[0] == file.problem
    assert "questions 3000000000 is outside 1-50" in said[0] and "rate" in said[0]
    assert path.exists()  # nothing damaged: the file is the user's, left where it is


def test_nan_in_a_number_setting_is_out_of_range(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"end_silence_s": NaN, "rate": Infinity}')
    settings = SettingsFile(path, report=None).load()
    assert settings.end_silence_s == Settings().end_silence_s
    assert settings.rate == Settings().rate


def test_a_second_damaged_file_does_not_overwrite_the_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{first damage")
    SettingsFile(path).load()
    path.write_text("[2]")
    file = SettingsFile(path)
    assert file.load() == Settings()
    assert (tmp_path / "settings.damaged.json").read_text() == "{first damage"
    assert (tmp_path / "settings.damaged-2.json").read_text() == "[2]"
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2 and all(line.startswith("hotseat: settings: ") for line in lines)
    assert "settings.damaged-2.json" in lines[1] and "not a JSON object" in lines[1]
