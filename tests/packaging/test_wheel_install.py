"""The wheel a user installs (pip, pipx) carries the question packs and assets, and works.

Builds the sdist and, from it, the wheel (``python -m build``, as a release would), installs the
wheel into a fresh virtual environment (no system site-packages, no editable install), and runs
``hotseat`` from a folder outside the checkout. Before the packs became package data, this
``hotseat packs list`` found 0 packs.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from simulator import __version__
from tests.packaging.outside import CHECKOUT, Outside
from tests.support.speech_samples import SpokenAnswer, wer

pytestmark = pytest.mark.slow

BUILTIN_PACKS = sorted(path.name for path in (CHECKOUT / "question_packs").glob("*.toml"))


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(CHECKOUT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return out


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with only the wheel and its dependencies; its bin folder."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    (wheel,) = dist.glob("hotseat-*.whl")
    subprocess.run(
        [venv / "bin" / "python", "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    return venv / "bin"


def test_wheel_and_sdist_carry_the_packs_and_assets(dist: Path) -> None:
    (wheel,) = dist.glob("hotseat-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {f"simulator/question_packs/{name}" for name in BUILTIN_PACKS} <= names
    assert len(BUILTIN_PACKS) >= 12
    assert {
        "simulator/assets/hotseat.svg",
        "simulator/assets/hotseat.desktop",
        "simulator/assets/icons/hotseat-256.png",
    } <= names
    assert not any(name.startswith(("question_packs/", "assets/")) for name in names)

    (sdist,) = dist.glob("hotseat-*.tar.gz")
    root = sdist.name.removesuffix(".tar.gz")
    with tarfile.open(sdist) as archive:
        members = set(archive.getnames())
    assert {f"{root}/question_packs/{name}" for name in BUILTIN_PACKS} <= members
    assert {f"{root}/setup.py", f"{root}/assets/hotseat.svg"} <= members


def test_installed_wheel_runs_outside_the_checkout(
    installed: Path, outside: Outside, spoken_answer: SpokenAnswer
) -> None:
    where = outside.run(
        [installed / "python", "-c", "import simulator.paths as p; print(p.builtin_packs_dir())"]
    )
    assert where.returncode == 0, where.stderr
    packs_dir = Path(where.stdout.strip())
    assert packs_dir.is_relative_to(installed.parent / "lib"), packs_dir
    assert not packs_dir.is_relative_to(CHECKOUT)

    version = outside.run([installed / "hotseat", "--version"])
    assert (version.returncode, version.stdout.strip()) == (0, f"hotseat {__version__}")

    listing = outside.run([installed / "hotseat", "packs", "list", "--json"])
    assert listing.returncode == 0, listing.stderr
    packs = json.loads(listing.stdout)
    assert len(packs) == len(BUILTIN_PACKS) >= 12
    assert {pack["source"] for pack in packs} == {"built-in"}
    assert all(pack["questions"] > 0 for pack in packs)

    heard = outside.run(
        [installed / "hotseat", "transcribe", "--engine", "pocketsphinx", spoken_answer.path]
    )
    assert heard.returncode == 0, heard.stderr
    assert wer(spoken_answer.reference, heard.stdout) < 0.35, heard.stdout
