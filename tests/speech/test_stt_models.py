"""Checking Vosk model folders and the order in which model folders are searched."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.speech.errors import ModelError
from simulator.speech.stt import models
from simulator.speech.stt.models import (
    VOSK_MODEL_ENV,
    check_vosk_model,
    find_vosk_model,
    vosk_env_problem,
    vosk_model_search_paths,
)
from tests.support.speech_samples import VOSK_MODEL_FILES, fake_vosk_model


@pytest.mark.parametrize("graph", ["static", "lookahead"])
def test_complete_model_passes(tmp_path: Path, graph: str) -> None:
    check_vosk_model(fake_vosk_model(tmp_path / "m", graph=graph))


@pytest.mark.parametrize("missing", VOSK_MODEL_FILES)
def test_each_missing_file_is_named(tmp_path: Path, missing: str) -> None:
    root = fake_vosk_model(tmp_path / "m", leave_out=(missing,))
    with pytest.raises(ModelError) as caught:
        check_vosk_model(root)
    message = str(caught.value)
    assert str(root) in message
    assert missing in message
    others = [name for name in VOSK_MODEL_FILES if name != missing]
    assert not any(name in message for name in others)
    assert "HCLG" not in message


@pytest.mark.parametrize(
    ("graph", "leave_out"),
    [
        ("static", ("graph/HCLG.fst",)),
        ("lookahead", ("graph/Gr.fst",)),
        ("lookahead", ("graph/HCLr.fst",)),
    ],
)
def test_missing_graph_is_named(tmp_path: Path, graph: str, leave_out: tuple[str, ...]) -> None:
    root = fake_vosk_model(tmp_path / "m", graph=graph, leave_out=leave_out)
    with pytest.raises(ModelError, match=r"graph/HCLG\.fst \(or graph/HCLr\.fst"):
        check_vosk_model(root)


def test_everything_missing_lists_every_part(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError) as caught:
        check_vosk_model(tmp_path / "empty")
    message = str(caught.value)
    for name in (*VOSK_MODEL_FILES, "graph/HCLG.fst"):
        assert name in message
    assert message.endswith(".")


def test_missing_folder_and_file_have_their_own_messages(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="does not exist"):
        check_vosk_model(tmp_path / "nowhere")
    (tmp_path / "file.zip").write_bytes(b"PK")
    with pytest.raises(ModelError, match="is not a folder"):
        check_vosk_model(tmp_path / "file.zip")


def test_nested_model_is_pointed_out(tmp_path: Path) -> None:
    outer = tmp_path / "vosk-model-small-en-us-0.15"
    fake_vosk_model(outer / "vosk-model-small-en-us-0.15")
    with pytest.raises(ModelError, match="seems to be in its subfolder vosk-model-small-en-us"):
        check_vosk_model(outer)


def test_search_order(
    tmp_path: Path, isolated_model_search: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = isolated_model_search
    models_dir = tmp_path / "app-models"
    for name in ("b-model", "a-model", ".partial-download"):
        (models_dir / name).mkdir(parents=True)
    (models_dir / "notes.txt").write_text("not a model")
    (home / ".cache" / "vosk" / "cached-model").mkdir(parents=True)
    system = tmp_path / "system"
    (system / "system-model").mkdir(parents=True)
    monkeypatch.setattr(models, "SYSTEM_MODELS_DIR", system)
    monkeypatch.setenv(VOSK_MODEL_ENV, str(tmp_path / "from-env"))

    paths = vosk_model_search_paths(str(tmp_path / "configured"), models_dir)

    assert paths == [
        tmp_path / "configured",
        tmp_path / "from-env",
        models_dir / "a-model",
        models_dir / "b-model",
        home / ".cache" / "vosk" / "cached-model",
        system / "system-model",
    ]


def test_search_paths_without_anything(tmp_path: Path) -> None:
    assert vosk_model_search_paths(None, tmp_path / "missing") == []
    assert vosk_model_search_paths(None, None) == []


def test_configured_path_expands_home(isolated_model_search: Path) -> None:
    assert vosk_model_search_paths("~/models/x", None)[0] == isolated_model_search / "models/x"


def test_find_prefers_configured_then_env_then_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    models_dir = tmp_path / "models"
    in_folder = fake_vosk_model(models_dir / "in-folder")
    from_env = fake_vosk_model(tmp_path / "env-model")
    configured = fake_vosk_model(tmp_path / "configured-model")

    assert find_vosk_model(None, models_dir) == in_folder
    monkeypatch.setenv(VOSK_MODEL_ENV, str(from_env))
    assert find_vosk_model(None, models_dir) == from_env
    assert find_vosk_model(str(configured), models_dir) == configured


def test_find_skips_broken_candidates_found_on_its_own(
    tmp_path: Path, isolated_model_search: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    models_dir = tmp_path / "models"
    fake_vosk_model(models_dir / "a-broken", leave_out=("am/final.mdl",))
    monkeypatch.setenv(VOSK_MODEL_ENV, str(tmp_path / "env-missing"))
    cached = fake_vosk_model(isolated_model_search / ".cache" / "vosk" / "good")
    assert find_vosk_model(None, models_dir) == cached


def test_find_returns_none_when_nothing_is_usable(tmp_path: Path) -> None:
    fake_vosk_model(tmp_path / "models" / "broken", leave_out=("conf/model.conf",))
    assert find_vosk_model(None, tmp_path / "models") is None


def test_find_raises_for_a_broken_configured_path(tmp_path: Path) -> None:
    fake_vosk_model(tmp_path / "models" / "good")
    broken = fake_vosk_model(tmp_path / "mine", leave_out=("conf/mfcc.conf",))
    with pytest.raises(ModelError, match=r"conf/mfcc\.conf"):
        find_vosk_model(str(broken), tmp_path / "models")


def test_env_problem_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert vosk_env_problem() is None
    monkeypatch.setenv(VOSK_MODEL_ENV, str(tmp_path / "gone"))
    problem = vosk_env_problem()
    assert problem is not None and "does not exist" in problem
    monkeypatch.setenv(VOSK_MODEL_ENV, str(fake_vosk_model(tmp_path / "ok")))
    assert vosk_env_problem() is None
