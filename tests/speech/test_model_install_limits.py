"""Zip bombs and archives that lie about their sizes are refused before anything is written.

A 3.1 MB zip once wrote 3.0 GB before it was refused. The archives here are generated: a large
file of zeros deflated (about 1000 to 1), many files, and a central directory that declares
less than the entries hold.
"""

from __future__ import annotations

import os
import struct
import zipfile
from pathlib import Path

import pytest

from simulator.speech.errors import ModelError
from simulator.speech.stt import model_install
from simulator.speech.stt.model_install import install_zip
from tests.support.speech_samples import fake_vosk_model

ZEROS_MB = 256


def model_zip(tmp_path: Path, extra: dict[str, int]) -> Path:
    """A sound fake model in a zip, plus ``extra`` files of that many zero bytes, deflated."""
    model = fake_vosk_model(tmp_path / "src")
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(model.rglob("*")):
            if path.is_file():
                bundle.write(path, f"m/{path.relative_to(model).as_posix()}")
        for name, size in extra.items():
            with bundle.open(f"m/{name}", "w", force_zip64=True) as entry:
                block = bytes(1024 * 1024)
                for _ in range(size // len(block)):
                    entry.write(block)
    return archive


def installed_nothing(models: Path) -> bool:
    return not models.exists() or list(models.iterdir()) == []


def test_a_zip_bomb_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    archive = model_zip(tmp_path, {"graph/G.fst": ZEROS_MB * 1024 * 1024})
    assert archive.stat().st_size < 1024 * 1024  # 256 MB of zeros packs to about 250 KB
    models = tmp_path / "models"
    written: list[int] = []
    with pytest.raises(ModelError, match=r"bomb\.zip would unpack to [\d,]+ times .*not unpacked"):
        install_zip(archive, models, progress=lambda done, total: written.append(done))
    assert written == []
    assert installed_nothing(models)


def test_the_total_size_is_limited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Several files that compress only modestly each, but add up past the limit.
    monkeypatch.setattr(model_install, "MAX_UNPACKED_BYTES", 8 * 1024 * 1024)
    archive = model_zip(tmp_path, {f"ivector/part{i}": 3 * 1024 * 1024 for i in range(4)})
    with pytest.raises(ModelError, match=r"would unpack to 12 MB, more than any"):
        install_zip(archive, tmp_path / "models")
    assert installed_nothing(tmp_path / "models")


def test_too_many_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_install, "MAX_ENTRIES", 20)
    archive = model_zip(tmp_path, {f"extra/{i}.txt": 0 for i in range(30)})
    with pytest.raises(ModelError, match=r"would unpack to \d+ files"):
        install_zip(archive, tmp_path / "models")
    assert installed_nothing(tmp_path / "models")


def _understate_sizes(archive: Path, name: str, declared: int) -> None:
    """Rewrite the central directory so ``name`` claims to unpack to ``declared`` bytes."""
    data = bytearray(archive.read_bytes())
    entry = data.find(b"PK\x01\x02")
    while entry != -1:
        name_length = struct.unpack_from("<H", data, entry + 28)[0]
        if data[entry + 46 : entry + 46 + name_length].decode() == name:
            struct.pack_into("<I", data, entry + 24, declared)
        entry = data.find(b"PK\x01\x02", entry + 4)
    archive.write_bytes(bytes(data))


def test_sizes_that_lie_are_enforced_while_unpacking(tmp_path: Path) -> None:
    # CPython's zipfile already stops an entry at its declared size (then fails its CRC);
    # the installer bounds every copy too, so this holds whatever the zip reader does.
    model = fake_vosk_model(tmp_path / "src")
    archive = tmp_path / "liar.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(model.rglob("*")):
            if path.is_file():
                bundle.write(path, f"m/{path.relative_to(model).as_posix()}")
        bundle.writestr("m/graph/words.txt", bytes(4 * 1024 * 1024))
    _understate_sizes(archive, "m/graph/words.txt", 1000)
    with zipfile.ZipFile(archive) as bundle:
        assert bundle.getinfo("m/graph/words.txt").file_size == 1000
    models = tmp_path / "models"
    written: list[int] = []
    with pytest.raises(ModelError, match=r"liar\.zip"):
        install_zip(archive, models, progress=lambda done, total: written.append(done))
    assert max(written, default=0) <= 1000
    assert installed_nothing(models)


def test_a_real_sized_model_passes_the_limits(tmp_path: Path) -> None:
    # Model files barely compress: random bytes stand for an FST; text compresses about 4:1.
    model = fake_vosk_model(tmp_path / "src")
    (model / "graph" / "HCLG.fst").write_bytes(os.urandom(20 * 1024 * 1024))
    (model / "graph" / "words.txt").write_text("\n".join(f"word{i} {i}" for i in range(500_000)))
    archive = tmp_path / "real.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(model.rglob("*")):
            if path.is_file():
                bundle.write(path, f"m/{path.relative_to(model).as_posix()}")
    installed = install_zip(archive, tmp_path / "models")
    assert (installed / "graph" / "HCLG.fst").stat().st_size == 20 * 1024 * 1024
