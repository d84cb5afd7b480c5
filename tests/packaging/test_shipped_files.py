"""Where the shipped packs and assets are found from a checkout, and what happens with none.

The wheel and the frozen build are checked by test_wheel_install.py and test_frozen_build.py;
here it is the checkout (the editable install every developer and CI uses).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator import paths
from simulator.cli import main

CHECKOUT = Path(__file__).resolve().parents[2]


def test_a_checkout_reads_the_top_level_folders() -> None:
    assert paths.builtin_packs_dir() == CHECKOUT / "question_packs"
    assert (paths.assets_dir() / "hotseat.svg").is_file()
    assert (paths.assets_dir() / "icons" / "hotseat-64.png").is_file()


def test_packs_list_with_no_packs_at_all_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(paths, "builtin_packs_dir", lambda: tmp_path / "none-shipped")
    assert main(["packs", "list"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("No packs found (looked in ")
    assert str(tmp_path / "none-shipped") in err and len(err.splitlines()) == 1

    assert main(["packs", "list", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == [] and "No packs found" in err


def test_packs_list_with_packs_prints_no_such_note(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["packs", "list"]) == 0
    out, err = capsys.readouterr()
    assert "behavioral-core" in out and err == ""
