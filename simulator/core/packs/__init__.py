"""Question packs: the data model, and reading and validating the TOML format.

A pack is a TOML file with one ``[pack]`` table and any number of ``[[questions]]``; the format
is documented in docs/packs.md. The parts:

- ``model.py``: ``Pack`` and ``Question``, the categories and frameworks a question may have;
- ``code_keys.py``: the optional ``code``, ``code_language`` and ``bug`` of a debug question;
- ``errors.py``: ``PackError`` and ``PackProblem`` (a file, a line and what to do);
- ``reading.py``: reading a file with its size checked first, and decoding its bytes;
- ``validate.py``: TOML to a ``Pack``, every problem with its line (``source_lines.py`` finds
  the lines, ``checker.py`` checks single values).

Everything the rest of Hotseat uses is importable from ``simulator.core.packs`` itself.
"""

from simulator.core.packs.errors import PackError, PackProblem
from simulator.core.packs.model import (
    CATEGORIES,
    CODE_LANGUAGES,
    FORMAT_VERSION,
    FRAMEWORKS,
    ID_PATTERN,
    Bug,
    Pack,
    Question,
)
from simulator.core.packs.reading import (
    MAX_PACK_BYTES,
    decode_pack_bytes,
    load_pack,
    read_pack_bytes,
)
from simulator.core.packs.validate import PACK_KEYS, QUESTION_KEYS, check_question, parse_pack

__all__ = [
    "CATEGORIES",
    "CODE_LANGUAGES",
    "FORMAT_VERSION",
    "FRAMEWORKS",
    "ID_PATTERN",
    "MAX_PACK_BYTES",
    "PACK_KEYS",
    "QUESTION_KEYS",
    "Bug",
    "Pack",
    "PackError",
    "PackProblem",
    "Question",
    "check_question",
    "decode_pack_bytes",
    "load_pack",
    "parse_pack",
    "read_pack_bytes",
]
