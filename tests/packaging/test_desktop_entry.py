"""The Linux desktop entry: valid, and installed (and removed) by scripts/install-desktop-entry.sh.

desktop-file-validate is freedesktop's own checker (Debian package desktop-file-utils).
"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
SCRIPT = CHECKOUT / "scripts" / "install-desktop-entry.sh"
ICON_FILES = [
    *(f"share/icons/hicolor/{size}x{size}/apps/hotseat.png" for size in (16, 32, 48, 256, 512)),
    "share/icons/hicolor/scalable/apps/hotseat.svg",
]


def validate(entry: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, timeout=60
    )


def install(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": "/nonexistent-home-for-test"}
    return subprocess.run(
        ["bash", str(SCRIPT), *map(str, args)], capture_output=True, text=True, env=env, timeout=60
    )


def fake_hotseat(folder: Path) -> Path:
    folder.mkdir(parents=True)
    program = folder / "hotseat"
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


def entry_values(entry: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in entry.read_text().splitlines() if "=" in line)
    return {key: value for key, value in pairs}


def test_shipped_desktop_entry_is_valid() -> None:
    checked = validate(CHECKOUT / "assets" / "hotseat.desktop")
    assert (checked.returncode, checked.stdout + checked.stderr) == (0, "")


def test_install_points_at_the_given_hotseat_then_uninstall_removes_it(tmp_path: Path) -> None:
    program = fake_hotseat(tmp_path / "opt" / "hotseat 100% ready")
    prefix = tmp_path / "prefix"
    done = install("--prefix", prefix, "--exec", program)
    assert done.returncode == 0, done.stderr

    entry = prefix / "share" / "applications" / "hotseat.desktop"
    checked = validate(entry)
    assert (checked.returncode, checked.stdout + checked.stderr) == (0, "")
    values = entry_values(entry)
    # Spaces need quotes and a literal % is doubled in Exec (Desktop Entry Specification).
    assert values["Exec"] == f'"{str(program).replace("%", "%%")}"'
    assert values["TryExec"] == str(program)
    assert values["Icon"] == "hotseat"
    for name in ICON_FILES:
        assert (prefix / name).is_file(), name
    assert (prefix / ICON_FILES[-1]).read_bytes() == (CHECKOUT / "assets/hotseat.svg").read_bytes()

    removed = install("--prefix", prefix, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert [path for path in prefix.rglob("*") if path.is_file()] == []


@pytest.mark.parametrize(
    "args, message",
    [
        (["--exec", "/no/such/hotseat"], "not an executable file: /no/such/hotseat"),
        (["--prefix"], "usage:"),
        (["--frobnicate"], "usage:"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(
    tmp_path: Path, args: list[str], message: str
) -> None:
    done = install(*args) if args == ["--prefix"] else install("--prefix", tmp_path, *args)
    assert done.returncode == 2
    assert message in done.stderr and len(done.stderr.splitlines()) == 1
    assert not (tmp_path / "share").exists()


def test_a_path_that_cannot_be_quoted_is_refused(tmp_path: Path) -> None:
    program = fake_hotseat(tmp_path / "a$b")
    done = install("--prefix", tmp_path / "prefix", "--exec", program)
    assert done.returncode == 2 and "move it" in done.stderr
    assert not (tmp_path / "prefix").exists()
