"""Settings persist between launches, and a damaged file never loses the user's data silently."""

from __future__ import annotations

import json
from pathlib import Path

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
