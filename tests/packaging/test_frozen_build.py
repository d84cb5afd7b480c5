"""The frozen one-folder build (build.spec) is built once per test run, then used as a user would.

PyInstaller takes a minute or more here, so the build is a session fixture shared by every test
in this file. The frozen ``hotseat`` runs from a folder outside the checkout: the CLI (its
output must reach the terminal although the executable is built with ``console=False``), a
transcription (the speech libraries and PocketSphinx's model must be bundled), the libraries
only some pages load (``--self-check``: pedalboard's time-stretch, pyqtgraph's charts), the
window offscreen (which keeps its parsed packs for the next start), and the desktop entry
script the build carries.
"""

from __future__ import annotations

import json
import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from simulator import __version__
from simulator.library import pack_cache
from tests.packaging.outside import CHECKOUT, Outside
from tests.support.speech_samples import SpokenAnswer, wer

pytestmark = pytest.mark.slow

BUILTIN_PACKS = len(list((CHECKOUT / "question_packs").glob("*.toml")))


@pytest.fixture(scope="session")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built one-folder app; its ``hotseat`` executable."""
    root = tmp_path_factory.mktemp("pyinstaller")
    log = root / "build.log"
    with log.open("w") as output:
        built = subprocess.run(
            [
                *(sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"),
                *("--distpath", root / "dist", "--workpath", root / "work"),
                CHECKOUT / "build.spec",
            ],
            cwd=root,
            stdout=output,
            stderr=subprocess.STDOUT,
            timeout=1500,
        )
    assert built.returncode == 0, log.read_text()[-3000:]
    return root / "dist" / f"hotseat-{__version__}" / "hotseat"


def test_frozen_cli_lists_packs_and_transcribes(
    frozen: Path, outside: Outside, spoken_answer: SpokenAnswer
) -> None:
    version = outside.run([frozen, "--version"])
    assert (version.returncode, version.stdout.strip()) == (0, f"hotseat {__version__}")

    listing = outside.run([frozen, "packs", "list", "--json"])
    assert listing.returncode == 0, listing.stderr
    packs = json.loads(listing.stdout)
    assert len(packs) == BUILTIN_PACKS >= 12
    assert all(pack["questions"] > 0 for pack in packs)

    heard = outside.run([frozen, "transcribe", "--engine", "pocketsphinx", spoken_answer.path])
    assert heard.returncode == 0, heard.stderr
    assert wer(spoken_answer.reference, heard.stdout) < 0.35, heard.stdout

    missing = outside.run([frozen, "transcribe", outside.cwd / "missing.wav"])
    # A missing input file is a usage problem (exit 2), as in the installed command.
    assert (missing.returncode, missing.stderr.count("\n")) == (2, 1), missing.stderr
    assert "missing.wav" in missing.stderr


def test_frozen_self_check_runs_the_slowed_replay_and_the_charts(
    frozen: Path, outside: Outside
) -> None:
    # pedalboard (Rubber Band, a native library) and pyqtgraph are imported only by the
    # replay's speeds and the progress page: the window's start says nothing about them.
    done = outside.run([frozen, "--self-check"])
    assert done.returncode == 0, done.stderr
    replay, chart = done.stdout.splitlines()
    assert replay == "slowed replay: ok (0.67 s at 0.75x, 0.33 s at 1.5x)"
    assert chart.startswith("progress chart: ok (") and " 0 pixels" not in chart


def wait_until_settled(folder: Path) -> None:
    """The pack cache keeps no file changed in the last ``SETTLE_NS`` (pack_cache.py); the
    build has just copied the built-in packs, so a test run at once waits for them."""
    newest = max(max(f.stat().st_mtime_ns, f.stat().st_ctime_ns) for f in folder.iterdir())
    time.sleep(max(0.0, (newest + pack_cache.SETTLE_NS - time.time_ns()) / 1e9))


def processes_running(executable: Path) -> list[list[str]]:
    """Command lines of this executable's processes: the app and the workers it spawned
    (multiprocessing's "spawn" starts the frozen executable again with its own arguments)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and Path(os.readlink(entry / "exe")) == executable:
                found.append((entry / "cmdline").read_bytes().decode().split("\0"))
        except OSError:
            continue
    return found


def spawned_workers(executable: Path) -> list[list[str]]:
    return [args for args in processes_running(executable) if "--multiprocessing-fork" in args]


def test_frozen_window_stays_up_offscreen_and_closes_cleanly(
    frozen: Path, outside: Outside
) -> None:
    home = Path(outside.env["HOTSEAT_HOME"])
    wait_until_settled(frozen.parent / "_internal" / "simulator" / "question_packs")
    app = subprocess.Popen(
        [frozen], cwd=outside.cwd, env=outside.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        # The data folders appear once the app has imported Qt and built its services.
        deadline = time.monotonic() + 60
        while not (home / "packs").is_dir() and app.poll() is None:
            assert time.monotonic() < deadline, "the frozen app did not start within 60 s"
            time.sleep(0.1)
        with pytest.raises(subprocess.TimeoutExpired):
            app.wait(timeout=4)
        # Its start-up checks load the recogniser and list voices in worker processes started
        # with "spawn"; without multiprocessing.freeze_support() a frozen worker would run the
        # CLI instead and exit at once.
        assert spawned_workers(frozen.resolve()), processes_running(frozen.resolve())
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=60)
    finally:
        app.kill()
        app.wait()
    # SIGTERM closes the window the normal way (app.py), so exit 0 proves the event loop ran.
    assert app.returncode == 0, err.decode()
    assert b"Traceback" not in err and b"error" not in err.lower(), err.decode()
    assert processes_running(frozen.resolve()) == []
    # The packs it parsed are kept for the next start, keyed on the executable (a frozen
    # build has no source files to key them on).
    with (home / "cache" / "packs.pickle").open("rb") as file:
        stamp, entries = pickle.load(file)
    executable = frozen.resolve().stat()
    assert stamp[-1] == (
        "frozen",
        str(frozen.resolve()),
        executable.st_size,
        executable.st_mtime_ns,
    )
    assert len(entries) == BUILTIN_PACKS


def test_frozen_folder_installs_its_desktop_entry(frozen: Path, tmp_path: Path) -> None:
    script = frozen.parent / "install-desktop-entry.sh"
    prefix = tmp_path / "prefix"
    done = subprocess.run(
        ["bash", str(script), "--prefix", str(prefix)],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    entry = (prefix / "share" / "applications" / "hotseat.desktop").read_text()
    assert f"Exec={frozen}\n" in entry
    assert (prefix / "share/icons/hicolor/256x256/apps/hotseat.png").is_file()
