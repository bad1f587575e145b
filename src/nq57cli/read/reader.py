"""Reading workbooks: find the task table (sheet, header row, columns) and keep every cell's address.

read_table() ties the steps together: open the file (workbook.py), find the header (header.py), read
the body into records (records.py). Nothing here interprets values beyond locating them; see rows.py for that.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from nq57cli.read.columns import is_numbering
from nq57cli.read.guards import Archive, os_error_problem
from nq57cli.read.header import header_text, locate_header, resolve_ambiguous
from nq57cli.read.legacy import decode_legacy_rows
from nq57cli.read.records import as_text, assemble_records
from nq57cli.read.table import TASKS, ReadOutcome, Schema, SheetTable
from nq57cli.read.workbook import WorkbookUnreadable, exception_detail, open_workbook, sheet_rows, unreadable_cells
from nq57cli.domain.models import Finding
from nq57cli.core.text import clean, header_key, one_line
from nq57cli.core.cells import cell_ref, column_letter

_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")

# "Quảng Ngãi, ngày 25 tháng 9 năm 2025" (header_key): the signature's place-date line, looked for in the
# last PLACE_DATE_ROWS rows of a sheet (the one above the table is among its title lines).
PLACE_DATE = re.compile(r"^[a-z ]{2,40} ngay \d{1,2} thang \d{1,2} nam \d{4}$")
PLACE_DATE_ROWS = 40


def read_table(path: Path, display: str | None = None, schema: Schema = TASKS) -> ReadOutcome:
    """Find and read the table of one workbook (the task table unless another `schema` is given);
    problems become findings, never exceptions."""
    display = display or path.name
    findings: list[Finding] = []
    try:
        workbook, notes, archive = open_workbook(path)
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
        findings.append(Finding(code="file.corrupt", file=display, params={"detail": exception_detail(exc)}))
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
        rows, merged = sheet_rows(workbook, meta.name)
        rows = decode_legacy_rows(path, meta.name, rows, display, findings, archive)  # TCVN3/VNI → Unicode
        if any(v not in ("", None) for row in rows for v in row):
            any_data = True
        located = locate_header(rows, merged, schema)
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
    resolve_ambiguous(columns, headers, body)
    for c, value in enumerate(rows[r]):
        text = header_text(value)
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
    formula_cells, error_cells = unreadable_cells(path, sheet_name, archive)
    unreadable = formula_cells | error_cells.keys()
    if unreadable:  # a formula without value below the last value: the reader's rows stop before it
        mapped = set(letters.values())
        last = max((int(m.group(2)) for m in map(_CELL_REF.match, unreadable) if m and m.group(1) in mapped),
                   default=0)
        body = body + [[] for _ in range(last - data_start - len(body))]
    table_rows = assemble_records(body, data_start, fields, letters, (title_col, title_header), merged, unreadable, schema)
    for record in table_rows:
        if record.more_rows:
            findings.append(Finding(code="row.continued", file=display, sheet=sheet_name,
                                    cell=f"A{record.row}",
                                    params={"first": record.row, "rows": ", ".join(map(str, record.more_rows))}))
        for name, ref, value in record.ignored:
            findings.append(Finding(code="row.continued_value", file=display, sheet=sheet_name,
                                    cell=ref, column=headers.get(name), value=as_text(value),
                                    params={"first": record.row, "kept": as_text(record.values.get(name))}))
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


