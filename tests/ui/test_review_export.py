"""The review page's Export…: each format written from the window through the real store and
the same code path as ``hotseat sessions export``, off the GUI thread, with where it went (or
why not) in the status line. Only the save dialog's static call is stubbed."""

from __future__ import annotations

import csv
import os
import re
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from simulator import paths
from simulator.library import Library
from simulator.services import build_services
from simulator.settings import Settings, SettingsFile
from simulator.store import Store
from simulator.store.records import read_session
from simulator.ui.export_flow import FILTERS, with_extension
from tests.backup.backup_data import saved_data


@pytest.fixture
def window(
    qtbot: Any, library: Library, settings_file: SettingsFile, tmp_path: Path, hotseat_home: Path
) -> Iterator[Any]:
    from simulator.ui.window import MainWindow

    window_services = build_services(Settings(), paths.layout())  # the real store
    window = MainWindow(window_services, library, settings_file)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    try:
        yield window
    finally:
        window.shutdown()
        window_services.close()


def open_review(qtbot: Any, window: Any, session_id: int) -> None:
    window.history.open_session(session_id)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.history.review)


def choose_file(
    monkeypatch: pytest.MonkeyPatch, name: Path, chosen_filter: str, asked: list[Any]
) -> None:
    def get_save_file_name(*args: Any) -> tuple[str, str]:
        asked.append(args)
        return str(name), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))


def export(qtbot: Any, window: Any) -> Any:
    """Click Export…; what was exported (``records.export.Exported``)."""
    flow = window.history.export
    with qtbot.waitSignal(flow.exported, timeout=20000) as exported:
        qtbot.mouseClick(flow.button, Qt.MouseButton.LeftButton)
    return exported.args[0]


def transcript_of(hotseat_home: Path, session_id: int) -> list[str]:
    store = Store(hotseat_home / "hotseat.db")
    try:
        session = read_session(store, session_id)
    finally:
        store.close()
    assert session is not None
    return [answer.transcript or "" for answer in session.answers]


@pytest.mark.parametrize(
    ("chosen_filter", "typed"),
    [
        ("HTML report (*.html)", "report"),
        ("Metrics as CSV (*.csv)", "metrics.pdf"),  # the filter decides the extension
        ("Recordings as ZIP (*.zip)", "recordings.zip"),
        ("PDF report (*.pdf)", "report.pdf"),
    ],
)
def test_each_format_is_exported_from_the_review_page(
    qtbot: Any,
    window: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    hotseat_home: Path,
    chosen_filter: str,
    typed: str,
) -> None:
    app = QGuiApplication.instance()
    ids = saved_data(tmp_path, sessions=2)
    out = tmp_path / "out"
    out.mkdir()
    asked: list[Any] = []
    choose_file(monkeypatch, out / typed, chosen_filter, asked)
    writers: list[str] = []

    open_review(qtbot, window, ids[1])
    sessions = window.history.export.sessions
    original = sessions.export_session

    def recording_thread(session_id: int, target: Path) -> Any:
        writers.append(threading.current_thread().name)
        return original(session_id, target)

    monkeypatch.setattr(sessions, "export_session", recording_thread)
    done = export(qtbot, window)

    extension = FILTERS[chosen_filter]
    written = out / (Path(typed).stem + extension)
    assert [p.name for p in out.iterdir()] == [written.name]  # no partial file left
    assert done.target == written
    assert window.history.export.status.text() == f"Wrote {done.written} to {written}"
    # The dialog offered hotseat-session-<id>.pdf in a folder that exists, PDF first.
    default = Path(asked[0][2])
    assert default.name == f"hotseat-session-{ids[1]}.pdf" and default.parent.is_dir()
    assert asked[0][4] == "PDF report (*.pdf)"
    assert writers and writers[0] != threading.main_thread().name  # off the GUI thread
    assert QGuiApplication.instance() is app  # the window's own application, no second one

    data = written.read_bytes()
    if extension == ".html":
        html = data.decode("utf-8")
        for transcript in transcript_of(hotseat_home, ids[1]):
            assert transcript and transcript in html
    elif extension == ".csv":
        rows = list(csv.DictReader(data.decode("utf-8").splitlines()))
        assert [int(row["session_id"]) for row in rows] == [ids[1]] * len(rows) and rows
        assert all(row["score_result"] for row in rows)
    elif extension == ".zip":
        with zipfile.ZipFile(written) as archive:
            names = archive.namelist()
            assert archive.testzip() is None
        wavs = [name for name in names if name.endswith(".wav")]
        assert wavs and all(name.startswith(f"session-{ids[1]}/") for name in wavs)
    else:
        assert data.startswith(b"%PDF")
        pages = re.findall(rb"/Type\s*/Page(?!s)", data)
        assert pages and data.rstrip().endswith(b"%%EOF")


def unwritable_folder(tmp_path: Path) -> Path:
    """A folder this process cannot create a file in: a read-only one, or, for root (who
    writes anywhere else), sysfs, which refuses new files to everyone."""
    if os.geteuid() == 0:
        return Path("/sys")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    return locked


def test_an_unwritable_folder_is_said_in_one_line_and_nothing_is_left(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ids = saved_data(tmp_path, sessions=1)
    folder = unwritable_folder(tmp_path)
    before = sorted(folder.iterdir())
    choose_file(monkeypatch, folder / "report.pdf", "PDF report (*.pdf)", [])
    open_review(qtbot, window, ids[0])
    flow = window.history.export
    with qtbot.waitSignal(flow.failed, timeout=20000) as failed:
        qtbot.mouseClick(flow.button, Qt.MouseButton.LeftButton)
    message = failed.args[0]
    assert message == flow.status.text()
    assert message.startswith("Not exported: ") and "\n" not in message
    assert f"{folder / 'report.pdf'} could not be written (" in message
    assert sorted(folder.iterdir()) == before and flow.button.isEnabled()


def test_the_chosen_filter_decides_the_extension() -> None:
    assert with_extension(Path("a/report"), ".pdf") == Path("a/report.pdf")
    assert with_extension(Path("a/report.HTML"), ".pdf") == Path("a/report.pdf")
    assert with_extension(Path("a/my.notes"), ".csv") == Path("a/my.notes.csv")
    assert with_extension(Path("a/x.zip"), ".zip") == Path("a/x.zip")


def test_a_missing_recording_is_left_out_and_said(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, hotseat_home: Path
) -> None:
    ids = saved_data(tmp_path, sessions=1)
    for wav in (hotseat_home / "sessions").rglob("*.wav"):
        wav.unlink()
    out = tmp_path / "out"
    out.mkdir()
    choose_file(monkeypatch, out / "recordings", "Recordings as ZIP (*.zip)", [])
    open_review(qtbot, window, ids[0])
    done = export(qtbot, window)
    assert done.missing == [1] and done.written == "0 recording(s)"
    status = window.history.export.status.text()
    assert status == f"Wrote 0 recording(s) to {out / 'recordings.zip'}" + (
        " (the recording of answer 1 is missing)"
    )
    with zipfile.ZipFile(out / "recordings.zip") as archive:
        assert archive.namelist() == ["manifest.json"]
