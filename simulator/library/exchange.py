"""Bringing packs in and out: CSV and TOML import, TOML and CSV export, the user's folder.

Imported packs are validated with the same rules as every pack (``core.packs``), with problems
reported against the line of the source file, then written as TOML into the user's packs
folder. tomli-w writes the TOML: escaping rules are its job, not ours. A CSV whose pack would
surely be over the size limit as TOML is refused before its rows are checked.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import tomli_w

from simulator.core.packs import (
    CATEGORIES,
    FRAMEWORKS,
    MAX_PACK_BYTES,
    Pack,
    PackError,
    PackProblem,
    Question,
    check_question,
    decode_pack_bytes,
    load_pack,
    parse_pack,
    read_pack_bytes,
)

CSV_COLUMNS = (
    "text",
    "category",
    "framework",
    "difficulty",
    "answer_min",
    "answer_max",
    "follow_ups",
    "tips",
)
_DEFAULT = Question(id="x", text="x", category="x")


def pack_to_dict(pack: Pack) -> dict[str, Any]:
    """The TOML structure of a pack; fields at their defaults are left out."""
    header: dict[str, Any] = {
        "id": pack.id,
        "title": pack.title,
        "description": pack.description,
        "language": pack.language,
        "version": pack.version,
        "format": pack.format,
    }
    if pack.tags:
        header["tags"] = list(pack.tags)
    return {"pack": header, "questions": [question_to_dict(q) for q in pack.questions]}


def question_to_dict(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question.id,
        "text": question.text,
        "category": question.category,
        "framework": question.framework,
        "difficulty": question.difficulty,
        "answer_seconds": list(question.answer_seconds),
    }
    if question.prep_seconds != _DEFAULT.prep_seconds:
        data["prep_seconds"] = question.prep_seconds
    for key in ("follow_ups", "tips", "clarifications", "tags"):
        values = getattr(question, key)
        if values:
            data[key] = list(values)
    if question.code:
        data["code"] = question.code
        data["code_language"] = question.code_language
    if question.bug:
        data["bug"] = {"line": question.bug.line, "explanation": question.bug.explanation}
    return data


def dump_pack(pack: Pack) -> str:
    return tomli_w.dumps(pack_to_dict(pack), indent=2)


def slug(text: str, limit: int = 6) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words[:limit]) or "question"


def read_csv_pack(path: Path) -> Pack:
    """A pack from a CSV file with the documented header row; errors name the CSV line."""
    text = decode_pack_bytes(read_pack_bytes(path), str(path), kind="CSV")
    reader = csv.DictReader(io.StringIO(text))
    try:
        return _pack_from_rows(path, reader)
    except csv.Error as error:
        # line_num counts the lines read whole; the error is in the one being read.
        line = reader.line_num + 1
        raise PackError([PackProblem(str(path), line, _csv_message(error))]) from None


def _csv_message(error: csv.Error) -> str:
    if "field larger than field limit" in str(error):
        return (
            f"a cell is longer than {csv.field_size_limit():,} characters, far more than a "
            "question needs (is a quote left open?)"
        )
    return f"not valid CSV: {error}"


def _pack_from_rows(path: Path, reader: csv.DictReader[str]) -> Pack:
    columns = [c.strip() for c in (reader.fieldnames or [])]
    missing = [c for c in ("text", "category") if c not in columns]
    unknown = [c for c in columns if c not in CSV_COLUMNS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(missing)}")
        if unknown:
            parts.append(f"unknown column(s) {', '.join(unknown)}")
        expected = ",".join(CSV_COLUMNS)
        raise PackError([PackProblem(str(path), 1, f"{'; '.join(parts)} (expected {expected})")])
    # Read every row first (a CSV error stops everything, as it always has), so a file whose
    # pack could never be saved is refused before any row is checked.
    rows = [(reader.line_num, row) for row in reader]
    _refuse_if_surely_too_large(path, rows)
    problems: list[PackProblem] = []
    questions: list[Question] = []
    ids = _QuestionIds()
    for line, row in rows:
        if None in row:  # csv.DictReader puts the cells past the header's under None
            cells = len(columns) + len(row[None])
            message = (
                f"this row has {cells} cells but the header has {len(columns)} columns "
                "(put text that contains commas in double quotes)"
            )
            problems.append(PackProblem(str(path), line, message))
            continue
        values = _row_values(row)
        question_id = ids.take(slug(values.get("text", "")))
        raw, row_problems = _row_to_question(values, question_id)
        problems.extend(PackProblem(str(path), line, message) for message in row_problems)
        if row_problems:
            continue
        # The same rules as a TOML pack's questions, checked on the row's values directly:
        # building and parsing a TOML document per row took 26 s for 67,000 rows.
        question, question_problems = check_question(raw, str(path), line)
        problems.extend(question_problems)
        if question is not None:
            questions.append(question)
    if not questions and not problems:
        problems.append(PackProblem(str(path), None, "the file has no question rows"))
    if problems:
        raise PackError(problems)
    pack_id = slug(path.stem, limit=8)
    title = path.stem.replace("-", " ").replace("_", " ").strip().capitalize() or pack_id
    return Pack(id=pack_id, title=title, questions=tuple(questions), path=path, source="user")


def _row_values(row: dict[Any, Any]) -> dict[str, str]:
    # Cells past the header's columns (key None, a list) are not values of any column.
    return {k.strip(): _from_cell((v or "").strip()) for k, v in row.items() if k is not None}


def toml_bytes_floor(texts: list[str]) -> int:
    """The fewest bytes questions with these texts can take in a pack's TOML.

    Every question is written with its id, text, category, framework, difficulty and answer
    band; the shortest of each (measured with tomli-w itself, so its layout is followed)
    plus the text's own bytes, which escaping only lengthens, is less than any real one.
    """
    return len(texts) * _QUESTION_TOML_FLOOR + sum(len(text.encode("utf-8")) for text in texts)


def _question_toml_floor() -> int:
    shortest = Question(
        id="a",
        text="",
        category=min(CATEGORIES, key=len),
        framework=min(FRAMEWORKS, key=len),
        difficulty=1,
        answer_seconds=(1, 2),
    )
    one = Pack(id="p", title="p", questions=(shortest,))
    two = Pack(id="p", title="p", questions=(shortest, shortest))
    return len(dump_pack(two).encode()) - len(dump_pack(one).encode())


_QUESTION_TOML_FLOOR = _question_toml_floor()


def _refuse_if_surely_too_large(path: Path, rows: list[tuple[int, dict[Any, Any]]]) -> None:
    # A row with no text can never be a question, so it does not count towards the size.
    texts = [text for _, row in rows if (text := _row_values(row).get("text", "").strip())]
    floor = toml_bytes_floor(texts)
    if floor > MAX_PACK_BYTES:
        message = (
            f"the pack would be at least {floor:,} bytes as TOML ({len(texts):,} questions), "
            f"over the limit of {MAX_PACK_BYTES:,}; split it into smaller packs"
        )
        raise PackError([PackProblem(str(path), None, message)])


def _row_to_question(values: dict[str, str], question_id: str) -> tuple[dict[str, Any], list[str]]:
    problems = []
    raw: dict[str, Any] = {
        "id": question_id,
        "text": values.get("text", ""),
        "category": values.get("category", ""),
    }
    if values.get("framework"):
        raw["framework"] = values["framework"]
    numbers = {}
    for column in ("difficulty", "answer_min", "answer_max"):
        cell = values.get(column, "")
        if not cell:
            continue
        try:
            numbers[column] = int(cell)
        except ValueError:
            problems.append(f"'{column}' must be a whole number, not '{cell}'")
    if "difficulty" in numbers:
        raw["difficulty"] = numbers["difficulty"]
    if "answer_min" in numbers or "answer_max" in numbers:
        raw["answer_seconds"] = [numbers.get("answer_min", 60), numbers.get("answer_max", 120)]
    for column in ("follow_ups", "tips"):
        cells = [part.strip() for part in values.get(column, "").split("|") if part.strip()]
        if cells:
            raw[column] = cells
    return raw, problems


class _QuestionIds:
    """Question ids made unique in row order: the slug, else the slug with -2, -3, ..."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        # Where the search for each slug's next free number resumes: every number below it is
        # taken, so 20,000 rows with the same text do not make a quadratic search.
        self._next_number: dict[str, int] = {}

    def take(self, base: str) -> str:
        candidate, number = base, self._next_number.get(base, 2)
        if candidate in self._used:
            candidate = f"{base}-{number}"
            while candidate in self._used:
                number += 1
                candidate = f"{base}-{number}"
            self._next_number[base] = number + 1
        self._used.add(candidate)
        return candidate


def read_any_pack(path: Path) -> Pack:
    """A pack from a .toml or .csv file."""
    if path.suffix.lower() == ".csv":
        return read_csv_pack(path)
    return load_pack(path, source="user")


def write_pack_csv(pack: Pack) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for q in pack.questions:
        low, high = q.answer_seconds
        row = [
            q.text,
            q.category,
            q.framework,
            q.difficulty,
            low,
            high,
            "|".join(q.follow_ups),
            "|".join(q.tips),
        ]
        writer.writerow([_to_cell(str(value)) for value in row])
    return out.getvalue()


# A spreadsheet runs a cell that begins with one of these as a formula ("CSV injection"):
# such cells are written with a leading single quote, as OWASP advises, and read back without.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _to_cell(text: str) -> str:
    # Text that already begins with quotes before a formula sign gets one more, so reading it
    # back (which removes exactly one) gives the text unchanged.
    if text.lstrip("'").startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def _from_cell(cell: str) -> str:
    if cell.startswith("'") and cell.lstrip("'").startswith(_FORMULA_STARTS):
        return cell[1:]
    return cell


def save_user_pack(pack: Pack, packs_dir: Path, taken: set[str], replace: bool) -> Path:
    """Write a validated pack into the user's folder; an id already in use needs ``replace``."""
    target = packs_dir / f"{pack.id}.toml"
    if pack.id in taken and not replace:
        raise PackError(
            [
                PackProblem(
                    str(pack.path or target),
                    None,
                    f"a pack with id '{pack.id}' already exists; use --replace to "
                    "overwrite your copy",
                )
            ]
        )
    where = str(pack.path or target)
    data = dump_pack(pack).encode("utf-8")
    if len(data) > MAX_PACK_BYTES:
        # The loader skips such a file at every start: refuse it now, not after "Imported".
        message = (
            f"the pack would be {len(data):,} bytes as TOML ({len(pack.questions):,} "
            f"questions), over the limit of {MAX_PACK_BYTES:,}; split it into smaller packs"
        )
        raise PackError([PackProblem(where, None, message)])
    temporary = target.with_suffix(".tmp")
    try:
        packs_dir.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        # What we wrote must load, by the same path the library takes.
        parse_pack(decode_pack_bytes(read_pack_bytes(temporary), str(target)), str(target))
        temporary.replace(target)
    except OSError as error:
        message = f"cannot write {target}: {error.strerror or error}"
        raise PackError([PackProblem(where, None, message)]) from None
    finally:
        temporary.unlink(missing_ok=True)  # gone after replace(); a leftover on any failure
    return target


def export_pack(pack: Pack, path: Path) -> None:
    """Write a pack as CSV (by the .csv suffix) or TOML."""
    text = write_pack_csv(pack) if path.suffix.lower() == ".csv" else dump_pack(pack)
    path.write_text(text, encoding="utf-8")
