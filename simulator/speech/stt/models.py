"""Finding and checking Vosk model folders before handing them to Vosk.

Vosk reports a bad folder only as a bare "Failed to create a model" (the reason goes to
stderr), and some missing files only show up later as missing word times, so a folder is
checked here first and the user is told exactly what is wrong with it.
"""

from __future__ import annotations

import os
from pathlib import Path

from simulator.speech.errors import ModelError

VOSK_MODEL_ENV = "VOSK_MODEL_PATH"
SYSTEM_MODELS_DIR = Path("/usr/share/vosk")

_REQUIRED_FILES = (
    "am/final.mdl",
    "conf/model.conf",
    "conf/mfcc.conf",
    "graph/phones/word_boundary.int",
)


def _subfolders(parent: Path | None) -> list[Path]:
    """Model candidates in a folder of models; hidden folders are unfinished downloads."""
    if parent is None or not parent.is_dir():
        return []
    try:
        children = sorted(parent.iterdir(), key=lambda child: child.name)
    except OSError:
        return []
    return [child for child in children if child.is_dir() and not child.name.startswith(".")]


def vosk_model_search_paths(configured: str | None, models_dir: Path | None) -> list[Path]:
    """Where a Vosk model is looked for, in order of preference."""
    paths: list[Path] = []
    if configured:
        paths.append(Path(configured).expanduser())
    from_env = os.environ.get(VOSK_MODEL_ENV)
    if from_env:
        paths.append(Path(from_env).expanduser())
    paths.extend(_subfolders(models_dir))
    paths.extend(_subfolders(Path.home() / ".cache" / "vosk"))
    paths.extend(_subfolders(SYSTEM_MODELS_DIR))
    return paths


def _missing_parts(path: Path) -> list[str]:
    missing = [name for name in _REQUIRED_FILES if not (path / name).is_file()]
    graph = path / "graph"
    static_graph = (graph / "HCLG.fst").is_file()
    lookahead_graph = (graph / "HCLr.fst").is_file() and (graph / "Gr.fst").is_file()
    if not static_graph and not lookahead_graph:
        missing.insert(3, "graph/HCLG.fst (or graph/HCLr.fst with graph/Gr.fst)")
    return missing


def check_vosk_model(path: Path) -> None:
    """Raise ModelError naming the folder and what it lacks, unless it holds a Vosk model."""
    if not path.exists():
        raise ModelError(f"The Vosk model folder {path} does not exist.")
    if not path.is_dir():
        raise ModelError(f"The Vosk model path {path} is not a folder.")
    missing = _missing_parts(path)
    if not missing:
        return
    hint = ""
    # Unpacking a model's zip into a folder of the same name nests it one level down.
    nested = [child for child in _subfolders(path) if not _missing_parts(child)]
    if len(nested) == 1:
        hint = f" (the model seems to be in its subfolder {nested[0].name})"
    raise ModelError(
        f"The folder {path} is not a complete Vosk model: missing {', '.join(missing)}{hint}."
    )


def find_vosk_model(configured: str | None, models_dir: Path | None) -> Path | None:
    """The first usable model folder, or None.

    A configured path that is unusable raises ModelError, since the user chose it; folders
    found on their own are skipped when broken.
    """
    for index, path in enumerate(vosk_model_search_paths(configured, models_dir)):
        try:
            check_vosk_model(path)
        except ModelError:
            if configured and index == 0:
                raise
            continue
        return path
    return None


def vosk_env_problem() -> str | None:
    """Why ``$VOSK_MODEL_PATH`` was skipped, if it is set and unusable (for error messages)."""
    from_env = os.environ.get(VOSK_MODEL_ENV)
    if not from_env:
        return None
    try:
        check_vosk_model(Path(from_env).expanduser())
    except ModelError as error:
        return str(error)
    return None


__all__ = [
    "SYSTEM_MODELS_DIR",
    "VOSK_MODEL_ENV",
    "check_vosk_model",
    "find_vosk_model",
    "vosk_env_problem",
    "vosk_model_search_paths",
]
