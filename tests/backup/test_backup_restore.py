"""``hotseat backup`` / ``hotseat restore``: a round trip gives back the same rows and the
same bytes; a damaged, unsafe or foreign archive is refused with one line and nothing changed;
existing data is never replaced without a yes."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from simulator import paths
from simulator.cli import main
from simulator.records.forget import forget_everything
from simulator.records.locks import session_lock
from tests.backup.backup_data import all_rows, recordings, saved_data


def hotseat(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.fixture
def backed_up(tmp_path: Path) -> Path:
    saved_data(tmp_path, sessions=3)
    archive = tmp_path / "all.zip"
    assert main(["backup", str(archive)]) == 0
    return archive


def test_backup_delete_restore_gives_back_identical_rows_and_bytes(
    tmp_path: Path, hotseat_home: Path
) -> None:
    saved_data(tmp_path, sessions=3)
    rows_before = all_rows(hotseat_home / "hotseat.db")
    files_before = recordings(hotseat_home)
    assert len(files_before) == 3 and rows_before["scores"] and rows_before["events"]
    archive = tmp_path / "backup.zip"

    made = hotseat("backup", str(archive))
    assert made.returncode == 0, made.stderr
    assert "3 session(s) and 3 recording(s)" in made.stdout
    manifest = json.loads(zipfile.ZipFile(archive).read("manifest.json"))
    assert manifest["app"] == "hotseat" and manifest["format"] == 1
    assert manifest["schema_version"] == 2 and manifest["created_at"]
    listed = {entry["path"]: entry["size"] for entry in manifest["files"]}
    assert listed.keys() == {"hotseat.db", *files_before}
    assert all(listed[path] == len(data) for path, data in files_before.items())

    forgotten = forget_everything(paths.layout())  # what Settings → Delete everything does
    assert (forgotten.sessions, forgotten.recordings) == (3, 3)
    assert not (hotseat_home / "hotseat.db").exists() and recordings(hotseat_home) == {}
    restored = hotseat("restore", str(archive))  # nothing left to replace: no question
    assert restored.returncode == 0, restored.stderr
    assert "Restored 3 session(s) and 3 recording(s)" in restored.stdout

    assert all_rows(hotseat_home / "hotseat.db") == rows_before
    assert recordings(hotseat_home) == files_before
    listing = hotseat("sessions", "list", "--json")
    assert [row["id"] for row in json.loads(listing.stdout)] == [3, 2, 1]
    assert not list(hotseat_home.glob(".restore*"))


def test_restore_over_existing_data_asks_first(
    backed_up: Path,
    hotseat_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = hotseat_home / "hotseat.db"
    shutil.rmtree(hotseat_home / "sessions")  # differs from the backup: was it replaced?
    db_before = db.read_bytes()

    # No terminal to ask and no --yes: refused, nothing changed.
    assert main(["restore", str(backed_up)]) == 2
    assert "--yes" in one_line(capsys.readouterr().err)
    assert db.read_bytes() == db_before and not (hotseat_home / "sessions").exists()

    # On a terminal, "n" keeps everything; "y" replaces it.
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    assert main(["restore", str(backed_up)]) == 1
    err = capsys.readouterr().err
    assert "Replace them all with the backup's 3 session(s)? [y/N]" in err
    assert db.read_bytes() == db_before and not (hotseat_home / "sessions").exists()

    monkeypatch.setattr(sys, "stdin", Terminal("y\n"))
    assert main(["restore", str(backed_up)]) == 0
    assert len(recordings(hotseat_home)) == 3


def rewritten(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of the archive ``source`` with entries replaced (bytes) or left out (None),
    manifest untouched unless named."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = change.get(info.filename, old.read(info))
            if data is not None:
                new.writestr(info.filename, data)
        for name, data in change.items():
            if name not in old.namelist() and data is not None:
                new.writestr(name, data)
    return target


def damaged_variants(archive: Path, folder: Path) -> dict[str, tuple[Path, str]]:
    """Bad archives made from a good one, with the words each refusal must contain."""
    data = archive.read_bytes()
    truncated = folder / "truncated.zip"
    truncated.write_bytes(data[: len(data) * 2 // 3])
    wav = "sessions/1/1-q1.wav"
    original = zipfile.ZipFile(archive).read(wav)
    flipped = original[:100] + bytes([original[100] ^ 0xFF]) + original[101:]
    manifest = json.loads(zipfile.ZipFile(archive).read("manifest.json"))
    foreign_manifest = dict(manifest, app="someone-else")
    escaping = dict(manifest)
    escaping["files"] = [*manifest["files"], {"path": "../evil.txt", "size": 4, "sha256": "0" * 64}]
    return {
        "truncated": (truncated, "cut short"),
        "checksum": (rewritten(archive, folder / "flipped.zip", {wav: flipped}), "checksum"),
        "dotdot": (rewritten(archive, folder / "dotdot.zip", {"../evil.txt": b"evil"}), "unsafe"),
        "absolute": (rewritten(archive, folder / "abs.zip", {"/tmp/evil.txt": b"evil"}), "unsafe"),
        "manifest-dotdot": (
            rewritten(archive, folder / "m.zip", {"manifest.json": json.dumps(escaping).encode()}),
            "unsafe",
        ),
        "no manifest": (
            rewritten(archive, folder / "plain.zip", {"manifest.json": None}),
            "not a Hotseat backup",
        ),
        "foreign manifest": (
            rewritten(
                archive,
                folder / "foreign.zip",
                {"manifest.json": json.dumps(foreign_manifest).encode()},
            ),
            "not a Hotseat backup",
        ),
        "missing file": (rewritten(archive, folder / "missing.zip", {wav: None}), "missing"),
        "unlisted file": (
            rewritten(archive, folder / "extra.zip", {"sessions/9/9-x.wav": b"RIFF"}),
            "does not list",
        ),
        "not a database": (
            rewrite_with_manifest(archive, folder / "notdb.zip", "hotseat.db", b"x" * 4096),
            "damaged or not Hotseat's",
        ),
    }


def rewrite_with_manifest(archive: Path, target: Path, name: str, data: bytes) -> Path:
    """Replace one file and fix its manifest entry, so only the contents are wrong."""
    import hashlib

    manifest = json.loads(zipfile.ZipFile(archive).read("manifest.json"))
    for entry in manifest["files"]:
        if entry["path"] == name:
            entry.update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
    return rewritten(archive, target, {name: data, "manifest.json": json.dumps(manifest).encode()})


def test_bad_archives_are_refused_with_one_line_and_nothing_changed(
    backed_up: Path, tmp_path: Path, hotseat_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = all_rows(hotseat_home / "hotseat.db")
    files = recordings(hotseat_home)
    capsys.readouterr()
    for case, (bad, words) in damaged_variants(backed_up, tmp_path).items():
        code = main(["restore", "--yes", str(bad)])
        line = one_line(capsys.readouterr().err)
        assert code == 1, case
        assert words in line and "nothing was restored" in line, (case, line)
        assert all_rows(hotseat_home / "hotseat.db") == rows, case
        assert recordings(hotseat_home) == files, case
    assert not (hotseat_home.parent / "evil.txt").exists()
    assert not Path("/tmp/evil.txt").exists()
    assert not list(hotseat_home.glob(".restore*"))


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    backed_up: Path, tmp_path: Path, hotseat_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    zeros = bytes(40 * 1024**2)  # deflates about a thousand to one
    bomb = rewrite_with_manifest(backed_up, tmp_path / "bomb.zip", "sessions/1/1-q1.wav", zeros)
    with zipfile.ZipFile(bomb) as bundle, zipfile.ZipFile(tmp_path / "b2.zip", "w") as out:
        for info in bundle.infolist():
            out.writestr(info.filename, bundle.read(info), compress_type=zipfile.ZIP_DEFLATED)
    assert main(["restore", "--yes", str(tmp_path / "b2.zip")]) == 1
    assert "zip bomb" in one_line(capsys.readouterr().err)
    assert len(recordings(hotseat_home)) == 3


def test_usage_problems_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["restore", str(tmp_path / "absent.zip")]) == 2
    assert "does not exist" in one_line(capsys.readouterr().err)
    assert main(["backup", str(tmp_path / "no-folder" / "b.zip")]) == 2
    assert "does not exist" in one_line(capsys.readouterr().err)
    assert main(["backup", str(tmp_path / "b.tar")]) == 2
    assert ".zip" in one_line(capsys.readouterr().err)


def test_backup_asks_before_replacing_a_file_and_waits_for_a_live_session(
    backed_up: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = backed_up.read_bytes()
    assert main(["backup", str(backed_up)]) == 2  # exists, nobody to ask
    assert "--yes" in one_line(capsys.readouterr().err)
    assert backed_up.read_bytes() == before
    lock = session_lock(paths.layout().sessions_dir, 2)
    assert lock.acquire()
    try:
        assert main(["backup", "--yes", str(backed_up)]) == 2
        assert "Session 2 is being recorded" in one_line(capsys.readouterr().err)
        assert backed_up.read_bytes() == before
    finally:
        lock.release()
    assert main(["backup", "--yes", str(backed_up)]) == 0
    assert not list(backed_up.parent.glob(".*partial"))
