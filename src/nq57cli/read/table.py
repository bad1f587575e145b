"""The shapes of reading a table: which table read_table() looks for (Schema; TASKS, the task table) and
what it finds (SheetTable, its RawRow records, ReadOutcome)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from nq57cli.read.columns import field_for
from nq57cli.domain.models import Finding


@dataclass(frozen=True)
class Schema:
    """Which table read_table() looks for: how header texts map to fields, and which fields count.

    `required`: a header row names at least one of them (the first one found is the row's title
    column); `details`: fields whose values make a row a data row, never a group row.
    `keys`: fields a vertical merge of which makes the rows under it one record (see records.assemble_records);
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

