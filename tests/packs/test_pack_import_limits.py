"""``packs import`` refuses what the library could never load, with one message each.

A 67,339-row CSV was "Imported" (exit 0) as a 9 MB TOML that every start then skipped; deeply
nested TOML and a CSV cell over 131,072 characters gave "unexpected error"; a UTF-16 CSV was
called "not a TOML text file"; a failed import left ``packs/*.tmp`` behind.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.cli import main
from simulator.core.packs import load_pack

HEADER = "text,category\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def leftovers(home: Path) -> list[str]:
    packs = home / "packs"
    return sorted(p.name for p in packs.iterdir()) if packs.exists() else []


def test_a_csv_that_would_save_over_the_size_limit_is_refused(
    tmp_path: Path, hotseat_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The report's CSV had 67,339 rows (a row is about 133 bytes as TOML, 12 as CSV); it is
    # refused before its rows are checked, in a fraction of a second (it took 11 s).
    rows = 67_339
    source = tmp_path / "many.csv"
    source.write_text(HEADER + "".join(f"Q{i},ethics\n" for i in range(rows)))
    assert source.stat().st_size < 1_000_000  # the CSV itself is within the limit
    code, out, err = run(capsys, "packs", "import", str(source))
    assert code == 1
    assert out == ""
    assert err.startswith(f"hotseat: {source}: the pack would be ")
    assert f"bytes as TOML ({rows:,} questions), over the limit of 1,000,000" in err
    assert len(err.strip().splitlines()) == 1
    assert leftovers(hotseat_home) == []


def test_deeply_nested_toml_gets_one_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "nested.toml"
    source.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    message = f"{source}: not valid TOML for a pack: arrays or tables are nested too deeply"
    assert run(capsys, "packs", "validate", str(source))[1:] == ("", message + "\n")
    assert run(capsys, "packs", "import", str(source)) == (1, "", f"hotseat: {message}\n")


def test_a_csv_cell_over_the_field_limit_gets_one_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "long.csv"
    source.write_text(HEADER + "Why?,warm-up\n" + "x" * 140_000 + ",warm-up\n")
    code, _, err = run(capsys, "packs", "import", str(source))
    assert code == 1
    assert err.strip() == (
        f"hotseat: {source}:3: a cell is longer than 131,072 characters, far more than a question "
        "needs (is a quote left open?)"
    )


def test_a_utf16_csv_with_a_byte_order_mark_is_imported(
    tmp_path: Path, hotseat_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "unicode-text.csv"
    source.write_bytes((HEADER + "Où étiez-vous ?,warm-up\n").encode("utf-16"))
    code, out, err = run(capsys, "packs", "import", str(source))
    assert (code, err) == (0, "") and out.startswith("Imported 'unicode-text' (1 questions)")
    saved = load_pack(hotseat_home / "packs" / "unicode-text.toml", "user")
    assert saved.questions[0].text == "Où étiez-vous ?"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "wide.toml",
            '[pack]\nid = "x"\n'.encode("utf-16"),
            "file is UTF-16 text; a TOML pack must be UTF-8 (save it as UTF-8)",
        ),
        (
            "no-mark.csv",
            (HEADER + "Why?,warm-up\n").encode("utf-16-le"),
            "file looks like UTF-16 text with no byte-order mark; save it as UTF-8 CSV",
        ),
    ],
)
def test_other_utf16_files_say_what_they_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str
) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    code, _, err = run(capsys, "packs", "import", str(source))
    assert code == 1
    assert err.strip() == f"hotseat: {source}: {message}"


def test_a_failed_import_leaves_no_temporary_file(
    tmp_path: Path, hotseat_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "my-pack.csv"
    source.write_text(HEADER + "Why?,warm-up\n")
    # A folder where the pack's file would go: the final rename fails.
    (hotseat_home / "packs" / "my-pack.toml").mkdir(parents=True)
    code, out, err = run(capsys, "packs", "import", str(source))
    assert (code, out) == (1, "")
    assert f"cannot write {hotseat_home / 'packs' / 'my-pack.toml'}" in err
    assert leftovers(hotseat_home) == ["my-pack.toml"]


def test_a_csv_whose_long_lists_take_it_over_the_limit_is_refused_when_saved(
    tmp_path: Path, hotseat_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Few rows, so the quick estimate from the texts lets it through, but each row's
    # follow-ups take its TOML over the limit: the pack written out is measured exactly.
    follow_ups = "|".join(f"f{i}" for i in range(2_000))
    source = tmp_path / "lists.csv"
    source.write_text(
        "text,category,follow_ups\n" + "".join(f"Q{i},ethics,{follow_ups}\n" for i in range(60))
    )
    code, out, err = run(capsys, "packs", "import", str(source))
    assert (code, out) == (1, "")
    assert err.startswith(f"hotseat: {source}: the pack would be ")
    assert "at least" not in err
    assert "bytes as TOML (60 questions), over the limit of 1,000,000" in err
    assert leftovers(hotseat_home) == []
