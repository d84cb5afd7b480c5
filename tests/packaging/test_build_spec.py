"""What build.spec promises on the platforms this CI cannot build for (read from the spec).

The macOS bundle and the Windows executables are built only on those systems; here the spec is
read as Python source, so a lost microphone text or icon is still caught.
"""

from __future__ import annotations

import ast
import plistlib
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
SPEC = ast.parse((CHECKOUT / "build.spec").read_text())


def calls(name: str) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(SPEC)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name
    ]


def keyword(call: ast.Call, name: str) -> ast.expr:
    (value,) = [item.value for item in call.keywords if item.arg == name]
    return value


def test_macos_bundle_says_why_it_needs_the_microphone() -> None:
    (bundle,) = calls("BUNDLE")
    info = keyword(bundle, "info_plist")
    assert isinstance(info, ast.Dict)
    plist = {
        ast.literal_eval(key): ast.literal_eval(value)
        for key, value in zip(info.keys, info.values, strict=True)
        if key is not None and isinstance(value, ast.Constant)  # the version is a variable
    }
    text = plist["NSMicrophoneUsageDescription"]
    assert "records your spoken answers" in text and "stay on this Mac" in text
    assert plistlib.loads(plistlib.dumps(plist))["NSMicrophoneUsageDescription"] == text


def test_icons_the_spec_names_exist() -> None:
    names = {
        node.value
        for node in ast.walk(SPEC)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.startswith("hotseat.")
    }
    assert {"hotseat.ico", "hotseat.icns", "hotseat.svg", "hotseat.desktop"} <= names
    for name in names:
        assert list(CHECKOUT.glob(f"assets/**/{name}")), name


def test_spec_is_final_and_one_folder() -> None:
    source = (CHECKOUT / "build.spec").read_text()
    assert "first cut" not in source.lower()
    assert len(calls("COLLECT")) == 1
    for exe in calls("EXE"):
        assert ast.literal_eval(keyword(exe, "exclude_binaries")) is True
