"""A table's body rows as records: a record spread over several rows (a vertical merge, texts going on
below), group rows ("Nhóm 3", "II. ..."), and the signature block and notes under the table, which are not data."""

from __future__ import annotations

import re
from typing import Any

from nq57cli.read.table import TASKS, RawRow, Schema
from nq57cli.domain.models import CellRefs
from nq57cli.core.text import header_key, one_line

_GROUP_RE = re.compile(
    r"^(nhóm\s*\d+|phần\s+[ivxlc\d]+\b|[ivxlc]+\s*[\.\-–:)]\s*\S|[ivxlc]+\.?$|[a-zđ]\s*[\.)]\s+\S)",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"^[IVXLC]+\.?$")
# A record spread over several rows keeps the first row's value of these; other fields' texts are joined.
FIRST_VALUE_FIELDS = ("task_id", "stt", "group", "status", "completed_on", "deadline", "document")
# Signature blocks and notes under a table are not data. Matched on header_key (no diacritics, lower case).
# Authority and position lines, written in capitals: "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN".
_SIGNATURE_RE = re.compile(
    r"^(?:(?:kt|tm|tl|tuq|q|k t|t m|t l) [a-z ]+"
    r"|(?:pho )?(?:giam doc|chu tich|truong phong|thu truong|truong ban|chanh van phong|bi thu)(?: [a-z ]+)?)$"
)
# Notes: "Nơi nhận:", "- Lưu: VT, KHTC.", "Người lập biểu", "(Đã ký)", "Quảng Ngãi, ngày 20 tháng 7 năm 2025".
_FOOTER_NOTE_RE = re.compile(
    r"^(?:noi nhan|nguoi lap(?: bieu| bang)?|da ky|ky ten|ky ghi ro ho ten(?: dong dau)?)$|^luu (?:vt|van thu)\b"
    r"|^[a-z ]{2,40} ngay(?: \d+)? thang(?: \d+)? nam(?: \d+)?$"
)


def _is_footer(row: list[Any]) -> bool:
    """A line of the signature block or of the notes under a table ("KT. GIÁM ĐỐC", "Nơi nhận:")."""
    for value in row:
        text = one_line(value) if isinstance(value, str) else None
        if not text or len(text) > 80:
            continue
        key = header_key(text)
        if _FOOTER_NOTE_RE.match(key) or (_SIGNATURE_RE.match(key) and text == text.upper()):
            return True
    return False


def _merge_tops(merged: list[tuple], columns: set[int]) -> dict[int, int]:
    """0-based row → the top row of the vertical merge of one of `columns` it lies in (below that top)."""
    tops: dict[int, int] = {}
    for (r0, c0), (r1, c1) in merged:
        if r1 > r0 and any(c0 <= c <= c1 for c in columns):
            for r in range(r0 + 1, r1 + 1):
                tops.setdefault(r, r0)
    return tops


def _filled(value: Any) -> bool:
    return value is not None and value != "" and not (isinstance(value, str) and not value.strip())


def as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if isinstance(value, str) else str(value)


def _append(record: RawRow, row: RawRow, letters: dict[str, str]) -> None:
    """Fold `row` into `record`: empty fields take the row's value (and cell), texts are joined with a line
    break, and a second, different value of a FIRST_VALUE_FIELDS field is left out (record.ignored)."""
    cells = record.cells if isinstance(record.cells, dict) else dict(record.cells)
    record.cells = cells
    for name, value in row.values.items():
        if not _filled(value):
            continue
        kept = record.values.get(name)
        if not _filled(kept):
            record.values[name] = value
            cells[name] = f"{letters[name]}{row.row}"
        elif name in FIRST_VALUE_FIELDS:
            if header_key(as_text(kept)) != header_key(as_text(value)):
                record.ignored.append((name, f"{letters[name]}{row.row}", value))
        else:
            record.values[name] = f"{as_text(kept).rstrip()}\n{as_text(value).strip()}"
    record.more_rows.append(row.row)


def assemble_records(body: list[list[Any]], data_start: int, fields: list[tuple[str, int]], letters: dict[str, str],
              title: tuple[int | None, str], merged: list[tuple], unreadable: set[str],
              schema: Schema) -> list[RawRow]:
    """The table's records (task rows and group rows) from its body rows.

    A record may span several rows (schema.keys): rows inside a vertical merge of a key cell (ID, STT,
    task text) that name no other task ID, and rows with no key value directly under a record whose
    texts (schema.continued: result, difficulties, proposals) go on there, are appended to it.
    From a signature block on ("KT. GIÁM ĐỐC", "Nơi nhận:", a place-date line), rows are not data unless
    they hold a task text and a task ID or status. A row whose cells are all empty is skipped, unless a
    mapped one cannot be read (a formula without value, an Excel error): that is a finding (validate.py).
    `title`: the title column and its header's key (the header repeated further down is skipped).
    """
    title_col, title_header = title
    width = max((c for _, c in fields), default=-1) + 1
    tops = _merge_tops(merged, {c for f, c in fields if f in schema.keys}) if schema.keys else {}
    records: list[RawRow] = []
    last: RawRow | None = None  # the record later rows may be appended to
    last_row = 0  # the Excel row last appended to it
    footer = False
    for offset, row in enumerate(body):
        excel_row = data_start + offset + 1
        if row.count(None) + row.count("") == len(row):  # (counted in C: most rows are full)
            if not unreadable or not any(f"{letter}{excel_row}" in unreadable for letter in letters.values()):
                continue
        if len(row) >= width:
            values = {f: row[c] for f, c in fields}
        else:
            values = {f: (row[c] if c < len(row) else None) for f, c in fields}
        first = row[title_col] if title_col is not None and title_col < len(row) else None
        if isinstance(first, str) and len(first) < 60 and header_key(first) == title_header:
            continue  # the header repeated further down (a pasted second page)
        record = RawRow(row=excel_row, values=values, cells=CellRefs(letters, excel_row))
        if schema.keys:
            if footer or (len(row) - row.count(None) - row.count("") <= 3 and _is_footer(row)):  # sparse rows
                footer = True
                text = values.get(schema.required[0])
                if not (_filled(text) and not _is_footer([text])
                        and (_filled(values.get("task_id")) or _filled(values.get("status")))):
                    last = None
                    continue  # the signature block and the notes under the table
                footer = False
            if last is not None and _continues(record, last, last_row, tops, unreadable, letters, schema):
                _append(last, record, letters)
                last_row = excel_row
                continue
        record.group, record.group_label = _row_kind(values, row, schema)
        records.append(record)
        last, last_row = (None, 0) if record.group else (record, excel_row)
    return records


def _continues(record: RawRow, last: RawRow, last_row: int, tops: dict[int, int], unreadable: set[str],
               letters: dict[str, str], schema: Schema) -> bool:
    """Whether the row `record` goes on with `last`, the record above it (see assemble_records)."""
    values, excel_row = record.values, record.row
    if unreadable and any(f"{letters[f]}{excel_row}" in unreadable for f in schema.keys if f in letters):
        return False  # a key that cannot be read is not an empty key
    top = tops.get(excel_row - 1)
    if top is not None and last.row <= top + 1 <= last_row:
        own_id = values.get("task_id")
        return not _filled(own_id) or header_key(as_text(own_id)) == header_key(as_text(last.values.get("task_id")))
    if excel_row != last_row + 1 or any(_filled(values.get(f)) for f in schema.keys):
        return False
    return any(_filled(values.get(f)) for f in schema.continued)



def _row_kind(values: dict[str, Any], row_cells: list[Any],
              schema: Schema = TASKS) -> tuple[str | None, str | None]:
    """(group text, label) when the row is a group row, else (None, None)."""
    if len(row_cells) - row_cells.count(None) - row_cells.count("") > 2:
        return None, None  # a group row holds its text in one (merged) cell, or STT + title
    filled = [v for v in row_cells if v not in ("", None)]
    texts = [t for t in map(one_line, filled) if t]
    if not texts:
        return None, None
    stt = one_line(values.get("stt")) or ""
    title = one_line(values.get(schema.required[0])) or ""
    substantive = [f for f in schema.details if values.get(f) not in ("", None)]
    if _ROMAN.match(stt) and title and not substantive:
        return f"{stt.rstrip('.')}. {title}", stt.rstrip(".")
    if len(set(texts)) == 1:  # a merged row: one text, usually in column A
        text = texts[0]
        if _GROUP_RE.match(text):
            label = re.split(r"\s*[-–:.)]\s*", text, maxsplit=1)[0]
            return text, label
        letters = [ch for ch in text if ch.isalpha()]
        if (not substantive or len(text) > 25) and len(letters) >= 6 and all(ch.isupper() for ch in letters) \
                and not stt.isdigit():
            return text, None
    return None, None

