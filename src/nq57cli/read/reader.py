"""Reading workbooks: find the task table (sheet, header row, columns) and keep every cell's address.

Nothing here interprets values beyond locating them; see validate.py for that.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nq57cli.read.columns import field_for, is_numbering
from nq57cli.read.formats import (DISGUISED, WORKBOOK_KINDS, OpenpyxlWorkbook, Sniffed, convert_to_xlsx, has_utf16_parts,
                             libreoffice, sniff)
from nq57cli.read.guards import Archive, Problem, ods_extent_problem, os_error_problem, sheet_extent_problem
from nq57cli.read.legacy import decode_legacy_rows
from nq57cli.domain.models import CellRefs, Finding
from nq57cli.core.text import SHORT_TEXT, clean, header_key, one_line, one_line_recurring
from nq57cli.core.cells import cell_ref, column_letter

from nq57cli.read.inputs import SUBMISSION_SUFFIXES as SUPPORTED  # the one list of extensions read


def _limit(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.isdigit() and int(value) > 0 else default


# Limits against damaged or hostile files; each can be raised with the environment variable named.
MAX_FILE_MB = _limit("NQ57_MAX_FILE_MB", 50)  # size of one input file
MAX_UNZIPPED_MB = _limit("NQ57_MAX_UNZIPPED_MB", 300)  # its parts once decompressed (zip bombs)
MAX_RATIO = _limit("NQ57_MAX_RATIO", 200)  # decompressed / compressed, for parts over 10 MB
# Rows of the task sheet. An agency's report has tens to a few thousand rows; at 98,000 rows a merge
# peaked at 1,026 MB, over the 1 GB any single input may take, so the limit is 50,000 (benchmarks/memory.py).
MAX_ROWS = _limit("NQ57_MAX_ROWS", 50_000)
HEADER_SEARCH_ROWS = 30

_GROUP_RE = re.compile(
    r"^(nhóm\s*\d+|phần\s+[ivxlc\d]+\b|[ivxlc]+\s*[\.\-–:)]\s*\S|[ivxlc]+\.?$|[a-zđ]\s*[\.)]\s+\S)",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"^[IVXLC]+\.?$")
_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")


@dataclass(frozen=True)
class Schema:
    """Which table read_table() looks for: how header texts map to fields, and which fields count.

    `required`: a header row names at least one of them (the first one found is the row's title
    column); `details`: fields whose values make a row a data row, never a group row.
    `keys`: fields a vertical merge of which makes the rows under it one record (see _assemble);
    `continued`: fields whose text may go on in the next row, one with none of the `keys`.
    Tables with `keys` also end at a signature block.
    """

    field_for: Callable[[object], str | None]
    required: tuple[str, ...]
    details: tuple[str, ...]
    no_header: str = "sheet.no_header"  # finding code when no header row is found
    keys: tuple[str, ...] = ()
    continued: tuple[str, ...] = ()


TASKS = Schema(
    field_for=field_for,
    required=("title", "task_id"),
    details=("task_id", "status", "result", "deadline", "document", "completed_on"),
    keys=("task_id", "stt", "title"),
    continued=("result", "difficulties", "proposals"),
)
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


# "Quảng Ngãi, ngày 25 tháng 9 năm 2025" (header_key): the signature's place-date line, looked for in the
# last PLACE_DATE_ROWS rows of a sheet (the one above the table is among its title lines).
PLACE_DATE = re.compile(r"^[a-z ]{2,40} ngay \d{1,2} thang \d{1,2} nam \d{4}$")
PLACE_DATE_ROWS = 40


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class RawRow:
    """A data row of the task table: raw values and cell addresses per field."""

    row: int  # Excel row number (1-based)
    values: dict[str, Any]
    cells: Mapping[str, str]  # field → "F14" (CellRefs as read; a dict once changed)
    group: str | None = None  # set on group rows: the group's text
    group_label: str | None = None  # "Nhóm 3", "II"
    more_rows: list[int] = field(default_factory=list)  # rows appended to this record (a report over several rows)
    ignored: list[tuple[str, str, Any]] = field(default_factory=list)  # (field, cell, value) left out on appending


@dataclass
class SheetTable:
    """The task table found in one workbook."""

    file: str
    sheet: str
    header_row: int  # 1-based row of the (first) header line
    data_row: int  # 1-based first data row
    columns: dict[str, int]
    headers: dict[str, str]
    title_lines: list[str]
    rows: list[RawRow]
    formula_cells: set[str] = field(default_factory=set)  # "F14" cells lacking a cached value
    error_cells: dict[str, str] = field(default_factory=dict)  # "F14" → the Excel error it holds, "#REF!"
    merged: list[tuple] = field(default_factory=list)  # merged ranges ((r0, c0), (r1, c1)), 0-based
    place_dates: list[str] = field(default_factory=list)  # place-date lines under the table (rows.document_date)


@dataclass
class ReadOutcome:
    table: SheetTable | None
    findings: list[Finding]


class WorkbookUnreadable(Exception):
    """Raised inside this module; turned into a file-level finding by read_table()."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _open(path: Path) -> tuple[Any, list[Problem], Archive | None]:
    """The workbook (python-calamine's, or a slower reader's when it rejects a valid file), notes
    on how it was read (info findings), and for .xlsx/.xlsm the package opened once for the other
    checks. What the file is comes from its content (formats.py), not from its name."""
    import python_calamine as calamine

    if not path.exists():
        raise WorkbookUnreadable("file.not_found")
    if not path.is_file():
        raise WorkbookUnreadable("file.not_a_file")
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        raise WorkbookUnreadable("file.unsupported", ext=ext or "?")
    size = path.stat().st_size
    if size > MAX_FILE_MB * 1024 * 1024:
        raise WorkbookUnreadable("file.too_large", size_mb=round(size / 1048576, 1), limit_mb=MAX_FILE_MB)
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    if not head:
        raise WorkbookUnreadable("file.empty")
    kind = sniff(path, head)
    if kind.kind == "encrypted":
        raise WorkbookUnreadable("file.encrypted")
    if kind.kind in DISGUISED:
        raise WorkbookUnreadable(DISGUISED[kind.kind], ext=ext)
    archive = None
    try:
        if head.startswith(b"PK"):
            try:
                archive = Archive(path)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
                archive = None  # the reader reports the damage itself
            if archive is not None:
                _check_archive(path, archive)
                _check_extent(archive, kind.kind)  # before any grid is allocated
                if kind.kind not in {"xlsx", "xlsm"}:
                    archive.close()
                    archive = None  # the other checks read .xlsx/.xlsm parts only
        if kind.kind == "biff":  # Excel 2-4: no OLE container, python-calamine cannot read it
            return (*_slower_reader(path, kind, "BIFF2-4"), archive)
        if archive is not None and has_utf16_parts(archive):
            return (*_slower_reader(path, kind, "UTF-16"), archive)
        try:
            if kind.extension and kind.extension != ext and not {ext, kind.extension} <= {".xlsx", ".xlsm"}:
                with path.open("rb") as handle:  # named for another format: opened by its content
                    return calamine.CalamineWorkbook.from_filelike(handle), [], archive
            return calamine.CalamineWorkbook.from_path(str(path)), [], archive
        except calamine.PasswordError:
            raise WorkbookUnreadable("file.encrypted") from None
        except Exception as exc:  # calamine raises several unrelated types for damaged files
            if kind.kind not in WORKBOOK_KINDS:
                raise WorkbookUnreadable("file.corrupt", detail=_short(exc)) from None
            return (*_slower_reader(path, kind, _short(exc)), archive)
    except BaseException:
        if archive is not None:
            archive.close()
        raise


def _check_archive(path: Path, archive: Archive) -> None:
    """Refuse zip bombs from the archive's directory alone, before anything is decompressed."""
    parts = archive.infos
    total = sum(p.file_size for p in parts)
    if total > MAX_UNZIPPED_MB * 1024 * 1024:
        raise WorkbookUnreadable("file.zip_bomb", unzipped_mb=round(total / 1048576), limit_mb=MAX_UNZIPPED_MB)
    for part in parts:
        if part.file_size > 10 * 1024 * 1024 and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise WorkbookUnreadable("file.zip_bomb", unzipped_mb=round(part.file_size / 1048576),
                                     limit_mb=MAX_UNZIPPED_MB)


def _check_extent(archive: Archive, kind: str) -> None:
    """Refuse a sheet whose cells holding a value span more than the limits, before anything
    allocates its grid (.ods: before its repeated rows and columns are expanded)."""
    if kind in {"xlsx", "xlsm"}:
        problem = sheet_extent_problem(archive, MAX_ROWS)
    elif kind == "ods":
        problem = ods_extent_problem(archive, MAX_ROWS)
    else:
        problem = None
    if problem:
        raise WorkbookUnreadable(problem[0], **problem[1])


def _slower_reader(path: Path, kind: Sniffed, detail: str) -> tuple[Any, list[Problem]]:
    """A valid workbook python-calamine rejects: .xlsx/.xlsm read by openpyxl; the others converted
    to .xlsx by LibreOffice when it is installed (said in an info finding), else a finding naming
    the format and what to do."""
    import python_calamine as calamine

    if kind.kind in {"xlsx", "xlsm"}:
        try:
            return OpenpyxlWorkbook(path, MAX_ROWS), []
        except Exception:  # openpyxl cannot read it either: damaged
            raise WorkbookUnreadable("file.corrupt", detail=detail) from None
    if libreoffice() is None:
        raise WorkbookUnreadable("file.old_format", format=kind.label, detail=detail)
    data = convert_to_xlsx(path, kind.extension)
    if data is None:
        raise WorkbookUnreadable("file.corrupt", detail=detail)
    with Archive(io.BytesIO(data)) as converted:
        _check_archive(path, converted)
        _check_extent(converted, "xlsx")
    try:
        workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:
        raise WorkbookUnreadable("file.corrupt", detail=detail) from None
    return workbook, [("file.converted", {"format": kind.label})]


def _short(exc: Exception) -> str:
    text = one_line(str(exc)) or type(exc).__name__
    return text[:120]


def _header_candidates(rows: list[list[Any]], merged: list[tuple],
                       schema: Schema = TASKS) -> list[tuple[int, int, int, dict[str, int], dict[str, str]]]:
    """(score, header_row, height, columns, headers) for each one- and two-row header in the first rows."""
    spans: dict[tuple[int, int], Any] = {}
    for (r0, c0), (r1, c1) in merged:
        if r0 < HEADER_SEARCH_ROWS and r0 < len(rows) and c0 < len(rows[r0]):
            for r in range(r0, min(r1, HEADER_SEARCH_ROWS) + 1):
                for c in range(c0, c1 + 1):
                    spans[(r, c)] = rows[r0][c0]
    candidates = []
    limit = min(len(rows), HEADER_SEARCH_ROWS)
    texts = [[_text(v) for v in rows[r]] for r in range(min(len(rows), limit + 1))]
    named = [sum(1 for t in row if t and schema.field_for(t)) for row in texts]
    for r in range(limit):
        if named[r] >= 2:
            candidates.append(_score(r, 1, texts[r], schema))
        # A two-row header needs header words in its top row (e.g. "Kết quả" over "Tình trạng").
        if r + 1 < len(texts) and named[r] >= 1 and named[r] + named[r + 1] >= 2:
            top = [_text(spans[(r, c)]) if (r, c) in spans else t for c, t in enumerate(texts[r])]
            bottom = texts[r + 1]
            if not merged:  # no merge data (e.g. .xls): carry a top cell right over empty ones
                last = ""
                for c in range(len(top)):
                    if top[c]:
                        last = top[c]
                    elif c < len(bottom) and bottom[c]:
                        top[c] = last
            width = max(len(top), len(bottom))
            combined = []
            for c in range(width):
                t = top[c] if c < len(top) else ""
                b = bottom[c] if c < len(bottom) else ""
                combined.append((t, b))
            candidates.append(_score(r, 2, combined, schema))
    return [c for c in candidates if c[0] > 0]


def _text(value: Any) -> str:
    if value is None or value == "":
        return ""
    if not isinstance(value, str):
        return str(value)
    if len(value) > SHORT_TEXT:  # long texts are data, never a column title
        return "\u2026"
    return one_line_recurring(value) or ""  # headers, statuses, IDs, group rows: the same file after file


def _score(r: int, height: int, cells: list,
           schema: Schema = TASKS) -> tuple[int, int, int, dict[str, int], dict[str, str]]:
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    for c, cell in enumerate(cells):
        if height == 1:
            options = [cell]
        else:
            top, bottom = cell
            # "Kết quả" over "Tình trạng" | "Mô tả": the lower line names the field.
            options = [bottom, f"{top} {bottom}".strip(), top] if bottom != top else [top]
        for text in options:
            if not text:
                continue
            name = schema.field_for(text)
            if name and name not in columns:
                columns[name] = c
                headers[name] = " / ".join(x for x in dict.fromkeys(options) if x) if height == 2 else text
                break
    has_key = any(key in columns for key in schema.required)
    score = len(columns) if has_key and len(columns) >= 2 else 0
    # Prefer the two-row reading only when it names more fields than one row does.
    return (score * 2 - (height - 1), r, height, columns, headers)


def _locate(rows: list[list[Any]], merged: list[tuple],
            schema: Schema = TASKS) -> tuple[int, int, dict[str, int], dict[str, str]] | None:
    candidates = _header_candidates(rows, merged, schema)
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (c[0], -c[1]))
    _, r, height, columns, headers = best
    return r, height, columns, headers


def _resolve_ambiguous(columns: dict[str, int], headers: dict[str, str], body: list[list[Any]]) -> None:
    """Decide whether a column headed "Kết quả" holds statuses or result text."""
    if "?result" not in columns:
        return
    from nq57cli.domain.status import looks_like_status_column

    col = columns.pop("?result")
    header = headers.pop("?result")
    values = [row[col] for row in body if col < len(row) and row[col] not in ("", None)]
    target = "status" if looks_like_status_column(values) else "result"
    if target not in columns:
        columns[target] = col
        headers[target] = header


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


def _unreadable_cells(path: Path, sheet_name: str, archive: Archive | None) -> tuple[set[str], dict[str, str]]:
    """Cells of an .xlsx/.xlsm sheet whose value cannot be read (the reader sees them empty): those holding
    a formula but no cached value, and those holding an Excel error ("#REF!", "#N/A", ...), with it.
    `archive`: the package as the reader opened it; None when zipfile could not open it."""
    if archive is None or path.suffix.lower() not in {".xlsx", ".xlsm"}:
        return set(), {}
    from lxml import etree

    def marked(data: bytes) -> bool:
        return b"<f" in data or b":f" in data or b't="e"' in data

    try:
        if not any(map(marked, map(archive.read, archive.worksheet_parts()))):
            return set(), {}  # no formula nor error anywhere: the sheet names need not be looked up
        target = archive.sheet_part(sheet_name)
        if not target:
            return set(), {}
        data = archive.read(target)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
        return set(), {}
    if not marked(data):
        return set(), {}
    found: set[str] = set()
    errors: dict[str, str] = {}
    parser_args = {"resolve_entities": False, "no_network": True, "huge_tree": False}
    try:
        for _, cell in etree.iterparse(io.BytesIO(data), tag="{*}c", **parser_args):
            formula = cell.find("{*}f")
            value = cell.find("{*}v")
            ref = cell.get("r") or ""
            if cell.get("t") == "e":
                errors[ref] = (value.text or "").strip() if value is not None else ""
            elif formula is not None and (value is None or value.text is None) and cell.get("t") != "inlineStr" \
                    and not (value is not None and cell.get("t") == "str"):  # "str" with <v/>: Excel's cached ""
                found.add(ref)
            cell.clear()
    except etree.XMLSyntaxError:
        pass
    return {c for c in found if c}, {c: e or "#?" for c, e in errors.items() if c}


def read_table(path: Path, display: str | None = None, schema: Schema = TASKS) -> ReadOutcome:
    """Find and read the table of one workbook (the task table unless another `schema` is given);
    problems become findings, never exceptions."""
    display = display or path.name
    findings: list[Finding] = []
    try:
        workbook, notes, archive = _open(path)
        findings.extend(Finding(code=code, file=display, params=params) for code, params in notes)
    except WorkbookUnreadable as exc:
        return ReadOutcome(None, [Finding(code=exc.code, file=display, params=exc.params)])
    except OSError as exc:  # locked, or gone between listing and reading (guards.py)
        code, params = os_error_problem(exc)
        return ReadOutcome(None, [Finding(code=code, file=display, params=params)])
    try:
        return _read_workbook(workbook, path, display, findings, schema, archive)
    except WorkbookUnreadable as exc:
        findings.append(Finding(code=exc.code, file=display, params=exc.params))
        return ReadOutcome(None, findings)
    except Exception as exc:  # a damaged part found while reading a sheet
        findings.append(Finding(code="file.corrupt", file=display, params={"detail": _short(exc)}))
        return ReadOutcome(None, findings)
    finally:
        for opened in (workbook, archive):
            try:
                if opened is not None:
                    opened.close()
            except Exception:
                pass


def _read_workbook(workbook: Any, path: Path, display: str, findings: list[Finding],
                   schema: Schema = TASKS, archive: Archive | None = None) -> ReadOutcome:
    best = None
    any_data = False
    metadata = list(workbook.sheets_metadata)
    visible_first = sorted(metadata, key=lambda m: 0 if str(m.visible).endswith("Visible") else 1)
    for meta in visible_first:
        if not str(meta.typ).endswith("WorkSheet"):
            continue
        sheet = workbook.get_sheet_by_name(meta.name)
        if sheet.total_height > MAX_ROWS:
            raise WorkbookUnreadable("sheet.too_many_rows", sheet=meta.name, rows=sheet.total_height, limit=MAX_ROWS)
        rows = sheet.to_python(skip_empty_area=False)
        rows = decode_legacy_rows(path, meta.name, rows, display, findings, archive)  # TCVN3/VNI → Unicode
        if any(v not in ("", None) for row in rows for v in row):
            any_data = True
        merged = list(sheet.merged_cell_ranges or [])
        located = _locate(rows, merged, schema)
        if located and (best is None or len(located[2]) > len(best[2][2])):
            best = (meta.name, rows, located, merged)
    if not any_data:
        raise WorkbookUnreadable("file.empty")
    if best is None:
        first = next((m.name for m in visible_first), None)
        findings.append(Finding(code=schema.no_header, file=display, sheet=first))
        return ReadOutcome(None, findings)
    sheet_name, rows, (r, height, columns, headers), merged = best
    data_start = r + height
    while data_start < len(rows) and all(is_numbering(v) for v in rows[data_start]) and any(
        v not in ("", None) for v in rows[data_start]
    ):
        data_start += 1
    body = rows[data_start:]
    _resolve_ambiguous(columns, headers, body)
    for c, value in enumerate(rows[r]):
        text = _text(value)
        if text and c not in columns.values() and schema.field_for(text) is None and height == 1:
            findings.append(Finding(code="header.unmapped", file=display, sheet=sheet_name,
                                    cell=cell_ref(r, c), column=text))
    title_lines = []  # line by line: "UBND TỈNH QUẢNG NGÃI⏎SỞ TÀI CHÍNH" in one cell is two lines (agency.py)
    for row in rows[:r]:
        for value in row:
            cell_text = clean(value)
            if cell_text:
                title_lines.extend(cell_text.split("\n"))
    title_field = next((key for key in schema.required if key in columns), None)
    title_col = columns.get(title_field) if title_field else None
    title_header = header_key((headers.get(title_field, "") if title_field else "").split(" / ")[0])
    fields = list(columns.items())
    letters = {f: column_letter(c) for f, c in fields}  # shared by the rows' CellRefs
    formula_cells, error_cells = _unreadable_cells(path, sheet_name, archive)
    unreadable = formula_cells | error_cells.keys()
    if unreadable:  # a formula without value below the last value: the reader's rows stop before it
        mapped = set(letters.values())
        last = max((int(m.group(2)) for m in map(_CELL_REF.match, unreadable) if m and m.group(1) in mapped),
                   default=0)
        body = body + [[] for _ in range(last - data_start - len(body))]
    table_rows = _assemble(body, data_start, fields, letters, (title_col, title_header), merged, unreadable, schema)
    for record in table_rows:
        if record.more_rows:
            findings.append(Finding(code="row.continued", file=display, sheet=sheet_name,
                                    cell=f"A{record.row}",
                                    params={"first": record.row, "rows": ", ".join(map(str, record.more_rows))}))
        for name, ref, value in record.ignored:
            findings.append(Finding(code="row.continued_value", file=display, sheet=sheet_name,
                                    cell=ref, column=headers.get(name), value=_as_text(value),
                                    params={"first": record.row, "kept": _as_text(record.values.get(name))}))
    table = SheetTable(
        file=display,
        sheet=sheet_name,
        header_row=r + 1,
        data_row=data_start + 1,
        columns=columns,
        headers=headers,
        title_lines=title_lines,
        rows=table_rows,
        formula_cells=formula_cells,
        error_cells=error_cells,
        merged=merged,
        place_dates=[one_line(v) or "" for row in body[-PLACE_DATE_ROWS:] for v in row
                     if isinstance(v, str) and len(v) <= 80 and PLACE_DATE.match(header_key(v))],
    )
    return ReadOutcome(table, findings)


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


def _as_text(value: Any) -> str:
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
            if header_key(_as_text(kept)) != header_key(_as_text(value)):
                record.ignored.append((name, f"{letters[name]}{row.row}", value))
        else:
            record.values[name] = f"{_as_text(kept).rstrip()}\n{_as_text(value).strip()}"
    record.more_rows.append(row.row)


def _assemble(body: list[list[Any]], data_start: int, fields: list[tuple[str, int]], letters: dict[str, str],
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
    """Whether the row `record` goes on with `last`, the record above it (see _assemble)."""
    values, excel_row = record.values, record.row
    if unreadable and any(f"{letters[f]}{excel_row}" in unreadable for f in schema.keys if f in letters):
        return False  # a key that cannot be read is not an empty key
    top = tops.get(excel_row - 1)
    if top is not None and last.row <= top + 1 <= last_row:
        own_id = values.get("task_id")
        return not _filled(own_id) or header_key(_as_text(own_id)) == header_key(_as_text(last.values.get("task_id")))
    if excel_row != last_row + 1 or any(_filled(values.get(f)) for f in schema.keys):
        return False
    return any(_filled(values.get(f)) for f in schema.continued)
