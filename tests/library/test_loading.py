"""The pack library: built-in and user packs side by side, broken user packs reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.library import load_library

PACK = """[pack]
id = "{id}"
title = "Mine"

[[questions]]
id = "q1"
text = "Why this role?"
category = "motivation"
"""


def test_user_packs_join_built_in_ones_and_broken_ones_are_reported(tmp_path: Path) -> None:
    builtin = tmp_path / "builtin"
    user = tmp_path / "user"
    builtin.mkdir()
    user.mkdir()
    (builtin / "a.toml").write_text(PACK.format(id="alpha"))
    (user / "b.toml").write_text(PACK.format(id="beta"))
    (user / "broken.toml").write_text("[pack]\nid = 'x'\n")
    (user / "clash.toml").write_text(PACK.format(id="alpha"))
    library = load_library(builtin, user)
    assert [(p.id, p.source) for p in library.packs] == [("alpha", "built-in"), ("beta", "user")]
    messages = [str(p) for p in library.problems]
    assert any("broken.toml" in m and "'title' is required" in m for m in messages)
    assert any("clash.toml" in m and "already used" in m for m in messages)
    assert library.get("beta").questions[0].text == "Why this role?"
    with pytest.raises(KeyError, match="alpha, beta"):
        library.get("gamma")
