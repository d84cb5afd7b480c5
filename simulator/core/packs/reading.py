"""Reading a pack file safely: its size checked before reading, then decoded or refused."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from simulator.core.packs.errors import PackError, PackProblem
from simulator.core.packs.model import Pack
from simulator.core.packs.validate import parse_pack

MAX_PACK_BYTES = 1_000_000

# Byte-order marks of the encodings spreadsheets save "Unicode text" in; UTF-32 first, since
# the UTF-32 LE mark begins with the UTF-16 LE one.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def decode_pack_bytes(data: bytes, path: str, kind: str = "TOML") -> str:
    """The text of a pack file, or a PackError for a file that is not a text pack at all.

    ``kind`` is "TOML" or "CSV". TOML must be UTF-8 (its specification says so); a CSV may
    also be UTF-16 or UTF-32 with a byte-order mark, as spreadsheets save "Unicode text".
    """
    if len(data) > MAX_PACK_BYTES:
        # read_pack_bytes stops one byte past the limit: the file may be longer still.
        at_least = len(data) == MAX_PACK_BYTES + 1
        raise PackError([PackProblem(path, None, _too_large(len(data), at_least))])
    for bom, codec, name in _WIDE_BOMS:
        if data.startswith(bom):
            if kind != "CSV":
                message = f"file is {name} text; a {kind} pack must be UTF-8 (save it as UTF-8)"
                raise PackError([PackProblem(path, None, message)])
            try:
                data = data.decode(codec).encode("utf-8")
            except UnicodeDecodeError:
                message = f"file starts like {name} text but is not valid {name}"
                raise PackError([PackProblem(path, None, message)]) from None
            break
    if not data.strip():
        raise PackError([PackProblem(path, None, "file is empty")])
    if b"\x00" in data:
        raise PackError([PackProblem(path, None, _binary_message(data, kind))])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PackError([PackProblem(path, line, "file is not UTF-8 text")]) from None


def _binary_message(data: bytes, kind: str) -> str:
    head = data[:1000]
    # Text in UTF-16 has a NUL in every other byte (for Latin letters).
    if head.count(0) * 3 >= len(head) and (head[0::2].count(0) == 0 or head[1::2].count(0) == 0):
        return f"file looks like UTF-16 text with no byte-order mark; save it as UTF-8 {kind}"
    return f"file is binary, not a {kind} text file"


def read_pack_bytes(path: Path) -> bytes:
    """The bytes of a pack file (TOML or CSV), at most MAX_PACK_BYTES + 1 of them.

    A pipe, a device or a folder is refused before reading (``/dev/zero`` would never end, a
    FIFO would wait forever), and so is a file whose size is over the limit: the bytes are
    never all read into memory. Opening does not block, even on a FIFO with no writer.
    """
    name = str(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise PackError([PackProblem(name, None, f"cannot read: {error.strerror}")]) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise PackError([PackProblem(name, None, _not_a_file(info.st_mode))])
        if info.st_size > MAX_PACK_BYTES:
            raise PackError([PackProblem(name, None, _too_large(info.st_size))])
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            return file.read(MAX_PACK_BYTES + 1)  # the file may grow as it is read
    except OSError as error:
        raise PackError([PackProblem(name, None, f"cannot read: {error.strerror}")]) from None
    finally:
        os.close(descriptor)


def _not_a_file(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a pipe"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    )
    kind = next((name for test, name in kinds if test(mode)), "a special file")
    return f"{kind}, not a pack file; a pack is a .toml or .csv file"


def _too_large(size: int, at_least: bool = False) -> str:
    amount = f"at least {size:,}" if at_least else f"{size:,}"
    return f"file is too large for a pack ({amount} bytes; the limit is {MAX_PACK_BYTES:,})"


def load_pack(path: Path, source: str = "built-in") -> Pack:
    """Read and validate one pack file; every failure is a PackError naming the file."""
    data = read_pack_bytes(path)
    return parse_pack(decode_pack_bytes(data, str(path)), str(path), source)
