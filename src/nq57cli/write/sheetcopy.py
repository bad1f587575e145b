"""A machine-readable copy of one of our sheets, stored in the workbook as a JSON part beside it.

Parsing the national merge's reports sheet (60,000 rows, 90 MB of XML) was most of `render`'s time.
The copy holds the cells as a reader of the sheet gets them (calamine: dates as dates, numbers as
floats, text cut to Excel's limit, CR/LF as LF, characters XML cannot hold as U+FFFD), each distinct
text once. It is used only while it provably mirrors the sheet: it records the CRC-32 and size of the
sheet's XML part and of xl/workbook.xml (which names the sheets), and the reader compares them with
the zip's central directory. A workbook edited in Excel or LibreOffice loses the part (they drop
parts they do not know); one whose sheet was changed by any other means fails the comparison. Either
way the sheet itself is read. JSON, never pickle: a merged.xlsx travels by email.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from nq57cli.core.cells import EXCEL_MAX_TEXT

FORMAT = "nq57-sheet-copy/1"
CONTENT_TYPE = "application/json"
WORKBOOK_PART = "xl/workbook.xml"

_NOT_IN_XML = re.compile(r"[\ud800-\udfff\ufffe\uffff]")


class Unsupported(Exception):
    """A value whose read-back this copy does not model: the sheet is then written without a copy."""


def copy_part_name(sheet_part: str) -> str:
    """nq57/sheet3.json for xl/worksheets/sheet3.xml."""
    return "nq57/" + sheet_part.rsplit("/", 1)[-1].removesuffix(".xml") + ".json"


def as_read(value: Any) -> Any:
    """The value a reader of the sheet gets back for a cell written with `value` ("" for no cell)."""
    kind = value.__class__
    if value is None:
        return ""
    if kind is str:
        text = value[:EXCEL_MAX_TEXT]
        if _NOT_IN_XML.search(text):
            text = _NOT_IN_XML.sub("\ufffd", text)
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text
    if kind is float and value == value and value not in (float("inf"), float("-inf")):
        return value
    if kind is date:
        return value
    raise Unsupported(kind.__name__)  # bool, int, datetime, NaN…: not needed by the sheets copied


def encode(sheet_name: str, rows: Sequence[Sequence[Any]], parts: dict[str, tuple[int, int]]) -> bytes:
    """The copy of a sheet whose rows (title, header and data rows, as written) are `rows`; `parts`:
    part name -> (CRC-32, size) of the sheet's XML part and of xl/workbook.xml. Raises Unsupported."""
    strings: dict[str, int] = {"": 0}
    others: list[Any] = []  # [ordinal] for a date, a float as itself
    other_index: dict[tuple[type, Any], int] = {}
    encoded = []
    for row in rows:
        cells = []
        for value in row:
            value = as_read(value)
            if value.__class__ is str:
                index = strings.get(value)
                if index is None:
                    index = strings[value] = len(strings)
                cells.append(index)
                continue
            key = (value.__class__, value)
            found = other_index.get(key)
            if found is None:
                found = other_index[key] = len(others)
                others.append([value.toordinal()] if isinstance(value, date) else value)
            cells.append(-1 - found)
        encoded.append(cells)
    document = {"format": FORMAT, "sheet": sheet_name, "parts": {name: list(crc) for name, crc in sorted(parts.items())},
                "strings": list(strings), "others": others, "rows": encoded}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def read_copy(path: Path, sheet_name: str) -> list[list[Any]] | None:
    """The rows of `sheet_name` from its copy (as a reader of the sheet would give them, header
    included), or None when there is no copy or it does not match the sheet as it now is."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = {info.filename: info for info in archive.infolist()}
            for info in names.values():
                if not info.filename.startswith("nq57/") or not info.filename.endswith(".json"):
                    continue
                head = _head(archive, info.filename)
                if head is None or head.get("sheet") != sheet_name:
                    continue
                parts = head.get("parts")
                if not isinstance(parts, dict) or WORKBOOK_PART not in parts or len(parts) != 2 or not all(
                        name in names and [names[name].CRC, names[name].file_size] == crc
                        for name, crc in parts.items()):
                    return None  # the sheet or the workbook changed since the copy was made
                return _decode(json.loads(archive.read(info.filename)))
    except (OSError, zipfile.BadZipFile, ValueError, KeyError, TypeError, IndexError):
        return None
    return None


def _head(archive: zipfile.ZipFile, name: str) -> dict[str, Any] | None:
    """The copy's format, sheet and parts, read from its first bytes (they come first in the JSON)."""
    with archive.open(name) as handle:
        start = handle.read(4096).decode("utf-8", "ignore")
    cut = start.find(',"strings":')
    if cut < 0:
        return None
    head = json.loads(start[:cut] + "}")
    return head if isinstance(head, dict) and head.get("format") == FORMAT else None


def _decode(document: dict[str, Any]) -> list[list[Any]]:
    table: list[Any] = document["strings"]
    others = [date.fromordinal(v[0]) if isinstance(v, list) else float(v) for v in document["others"]]
    table = table + others[::-1]  # index -1 - k is others[k]: the end of the reversed list
    get = table.__getitem__
    return [list(map(get, row)) for row in document["rows"]]

