"""Turning raw table rows into validated models (catalog tasks, agency reports) and findings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from nq57cli.domain.agency import split_agencies
from nq57cli.domain.deadline import day_first_contradicted, find_dates, month_first_only, parse_date, parse_deadline
from nq57cli.domain.docref import parse_document
from nq57cli.domain.findings import severity_of
from nq57cli.domain.models import Deadline, Finding, Group, Report, Task, in_sheet
from nq57cli.read.reader import PLACE_DATE
from nq57cli.read.table import RawRow, SheetTable
from nq57cli.domain.status import parse_status
from nq57cli.core.text import SHORT_TEXT, clean, clean_recurring, header_key, one_line, one_line_recurring
from nq57cli.core.cells import column_letter

_ID_SPACES = re.compile(r"\s+")


def normalize_id(value: Any) -> str | None:
    """Task IDs compare without case or stray spaces: " nq57-07 " → "NQ57-07"."""
    if value.__class__ is str and len(value) <= SHORT_TEXT:
        return _normalize_id_text(value)
    return _normalize_id(value)


@lru_cache(maxsize=16384)
def _normalize_id_text(value: str) -> str | None:  # the same IDs come back in every file
    return _normalize_id(value)


def _normalize_id(value: Any) -> str | None:
    text = one_line(value)
    if not text:
        return None
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    return _ID_SPACES.sub("", text).upper()


def _stt(value: Any) -> str | None:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return one_line_recurring(value)


@dataclass
class RowContext:
    """Where a row's findings point."""

    table: SheetTable
    row: RawRow
    findings: list[Finding] = field(default_factory=list)

    def add(self, severity: str, code: str, field_name: str | None = None, value: Any = None, **params: Any) -> None:
        cell = self.row.cells.get(field_name) if field_name else None
        self.findings.append(
            Finding(
                severity=severity,  # type: ignore[arg-type]
                code=code,
                file=self.table.file,
                sheet=self.table.sheet,
                cell=cell or f"A{self.row.row}",
                column=self.table.headers.get(field_name) if field_name else None,
                value=None if value in (None, "") else str(value),
                params=params,
            )
        )

    def issues(self, issues: list[tuple[str, dict]], field_name: str, value: Any) -> None:
        for code, params in issues:
            self.add(severity_of(code), code, field_name, value, **params)  # dates shown per language (findings.py)

    def unreadable(self, skip: tuple[str, ...] = ()) -> dict[str, str]:
        """The row's fields whose cell (on any of its rows) cannot be read: field → the Excel error, or "" for a
        formula Excel never calculated. A finding for each, except the fields in `skip` (the caller's)."""
        table, row = self.table, self.row
        if not table.formula_cells and not table.error_cells:
            return {}
        found: dict[str, str] = {}
        for name, column in table.columns.items():
            letter = column_letter(column)
            for number in (row.row, *row.more_rows):
                cell = f"{letter}{number}"
                error = table.error_cells.get(cell)
                if error is None and cell not in table.formula_cells:
                    continue
                found.setdefault(name, error or "")
                if name not in skip:
                    self.findings.append(Finding(
                        code="cell.error_value" if error else "cell.formula_no_value",
                        file=table.file, sheet=table.sheet, cell=cell, column=table.headers.get(name), value=error))
        return found

    def id_unreadable(self, error: str, then: str, **params: Any) -> None:
        """The task ID cannot be read (see unreadable()): an error naming the cell, saying what is done instead."""
        self.add("error", "task.id_unreadable", "task_id", error or None,
                 what="error" if error else "formula", then=then, **params)  # texts: findings.LABELS

    def formula_check(self, field_name: str) -> bool:
        """True (and a finding) when the field's cell is a formula Excel never calculated."""
        cell = self.row.cells.get(field_name)
        if cell and cell in self.table.formula_cells:
            self.add("warning", "cell.formula_no_value", field_name)
            return True
        return False


@dataclass
class DayFirstDates:
    """The `date.ambiguous` findings of one file, sifted: a date that reads both ways ("03-09-2025",
    "7.9.2025") is day first, as Vietnamese offices write it, and a warning only where the row
    contradicts that reading (deadline.day_first_contradicted) or the same file also writes a date
    that reads month first only ("09-25-2025"; then all are shown, see settle)."""

    dated: date | None  # the document's own date (document_date)
    held: list[tuple[RowContext, tuple[str, dict], str, Any]] = field(default_factory=list)
    mixed: bool = False

    def sift(self, ctx: RowContext, issues: list[tuple[str, dict]], field_name: str, value: Any,
             assigned: date | None, completion: bool = False) -> None:
        kept = []
        for code, params in issues:
            if code == "date.invalid" and month_first_only(params.get("text") or ""):
                self.mixed = True
            if code == "date.ambiguous" and not day_first_contradicted(
                    date.fromisoformat(params["day_first"]), date.fromisoformat(params["month_first"]), assigned,
                    self.dated if completion else None):
                self.held.append((ctx, (code, params), field_name, value))
                continue
            kept.append((code, params))
        ctx.issues(kept, field_name, value)

    def settle(self) -> None:
        """At the end of the file: a file that mixes orders gets the findings held back."""
        if self.mixed:
            for ctx, issue, field_name, value in self.held:
                ctx.issues([issue], field_name, value)
        self.held.clear()


_OTHER_DOCUMENT = re.compile(r"[0-9]\s*[-/]\s*[A-ZĐ]{2,}|\b(?:số|so|số:)\s", re.IGNORECASE)


def document_date(table: SheetTable) -> date | None:
    """The date the document carries: its place-date line ("Quảng Ngãi, ngày 25 tháng 9 năm 2025") above
    the table or at its signature, else the latest date in its title lines that is not another
    document's ("Nghị quyết số 57-NQ/TW ngày 22/12/2024" is not the report's date)."""
    lines = [*table.title_lines, *table.place_dates]
    for line in lines:
        if PLACE_DATE.match(header_key(line)):
            hit = next((h.value for h in find_dates(line) if h.value), None)
            if hit:
                return hit
    found = [h.value for line in table.title_lines if not _OTHER_DOCUMENT.search(line)
             for h in find_dates(line) if h.value and h.month_first is None]
    return max(found, default=None)


def _deadline(ctx: RowContext, value: Any, title: str | None, dates: DayFirstDates,
              assigned: date | None) -> Deadline | None:
    if value in (None, ""):
        return None
    deadline, issues = parse_deadline(value, context=title)
    dates.sift(ctx, issues, "deadline", value, assigned)
    return deadline


def read_groups_and_rows(table: SheetTable) -> tuple[list[Group], list[tuple[RawRow, str | None]]]:
    """Groups in table order, and each task row with the key of the group it sits in.

    A `Nhóm` column holding a group's number (1, "2", 1.0, "II", "Nhóm 3") links the row to the
    heading row that carries that number ("Nhóm 1 - …", "II. …"), wherever the heading is."""
    groups: list[Group] = []
    by_key: dict[str, Group] = {}
    rows: list[tuple[RawRow, str | None]] = []
    headings = [(row, _heading(row)) for row in table.rows]
    by_number: dict[int, str] = {}
    for _, heading in headings:
        if heading:
            key = _group_key(*heading)
            number = _group_number(key) or _group_number(heading[1])
            if number is not None:
                by_number.setdefault(number, key)
    current: str | None = None
    for row, heading in headings:
        if heading:
            key = _group_key(*heading)
            if key not in by_key:
                by_key[key] = Group(key=key, order=len(groups) + 1, label=heading[1], title=heading[0])
                groups.append(by_key[key])
            current = key
            continue
        value = row.values.get("group")
        number = _group_number(value)
        if number is not None and number in by_number:
            rows.append((row, by_number[number]))
            continue
        column_group = _cell_text(value)
        if column_group:
            key = _group_key(column_group, None)
            if key not in by_key:
                label = re.split(r"\s*[-–:.]\s*", column_group, maxsplit=1)[0]
                by_key[key] = Group(key=key, order=len(groups) + 1, label=label, title=column_group)
                groups.append(by_key[key])
            rows.append((row, key))
        else:
            rows.append((row, current))
    return groups, rows


_HEADING = re.compile(r"(?i)^nhóm\s*(\d+|[ivxlc]+)\b\s*[-–:.)]?\s*")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _heading(row: RawRow) -> tuple[str, str | None] | None:
    """(title, label) of a heading row: one the reader saw, or a row whose text is "Nhóm 2 - …" with
    only its number beside it (no ID, no deadline, no agency)."""
    if row.group:
        return row.group, row.group_label
    title = one_line(row.values.get("title"))
    if not title or not _HEADING.match(title) or row.values.get("task_id") not in (None, ""):
        return None
    if any(row.values.get(f) not in (None, "") for f in ("deadline", "lead", "partners", "document", "status")):
        return None
    return title, re.split(r"\s*[-–:.)]\s*", title, maxsplit=1)[0]


def _cell_text(value: Any) -> str | None:
    """A cell as text; a whole number read as a float (1.0) is written as the integer it is."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return one_line(value)


def _group_number(value: Any) -> int | None:
    """The number a group cell or label carries: 2, 2.0, "2", "II", "II.", "Nhóm 2", "Nhóm II" → 2."""
    if isinstance(value, bool) or value in (None, ""):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = (one_line(value) or "").strip().rstrip(".")
    match = _HEADING.match(text + " ")
    token = match.group(1) if match else text
    if re.fullmatch(r"\d+", token):
        return int(token)
    if re.fullmatch(r"(?i)[ivxlc]+", token):
        total, previous = 0, 0
        for letter in reversed(token.lower()):
            value_ = _ROMAN_VALUES[letter]
            total, previous = (total - value_, previous) if value_ < previous else (total + value_, value_)
        return total
    return None


def _group_key(text: str, label: str | None) -> str:
    """Groups are keyed by their label ("Nhóm 3", "II") so "Nhóm 3 - ..." and "Nhóm 3" agree."""
    if label:
        match = re.match(r"(?i)^nhóm\s*(\d+)", label)
        if match:
            return f"Nhóm {int(match.group(1))}"
        return label.strip().rstrip(".")
    match = re.match(r"(?i)^nhóm\s*(\d+)", text)
    if match:
        return f"Nhóm {int(match.group(1))}"
    return one_line(text) or text


def parse_catalog(table: SheetTable) -> tuple[list[Task], list[Group], list[Finding]]:
    """The office's master task list: tasks with IDs (assigned when the catalog has none)."""
    groups, rows = read_groups_and_rows(table)
    tasks: list[Task] = []
    findings: list[Finding] = []
    seen: dict[str, str] = {}
    dates = DayFirstDates(document_date(table))
    for row, group in rows:
        ctx = RowContext(table, row, findings)
        values = row.values
        title = clean(values.get("title"))
        task_id = normalize_id(values.get("task_id"))
        unreadable = ctx.unreadable(skip=("task_id",))
        if not title and not task_id:
            continue
        if not task_id:
            task_id = f"NV-{len(tasks) + 1:03d}"
            if "task_id" in unreadable:
                ctx.id_unreadable(unreadable["task_id"], "numbered", assigned=task_id)
        if task_id in seen:
            ctx.add("error", "task.duplicate_id", "task_id", task_id, first=seen[task_id])
            continue
        seen[task_id] = row.cells.get("task_id", f"A{row.row}")
        document = parse_document(values.get("document"))
        deadline = _deadline(ctx, values.get("deadline"), title, dates, document.date if document else None) \
            or Deadline(kind="none")
        lead = split_agencies(values.get("lead"))
        tasks.append(
            Task(
                task_id=task_id,
                order=len(tasks) + 1,
                group=group,
                stt=_stt(values.get("stt")),
                title=title or "",
                document=document,
                deadline=deadline,
                lead="; ".join(lead) or None,
                partners=split_agencies(values.get("partners")),
                expected_output=clean(values.get("expected_output")),
                note=clean(values.get("note")),
            )
        )
    dates.settle()
    return tasks, groups, findings


def parse_reports(
    table: SheetTable, agency: str, check_deadlines: bool = True
) -> tuple[list[Report], list[Group], list[Finding]]:
    """An agency's submission: one validated Report per filled task row, plus findings.

    With a catalog the catalog's deadlines rule, so the copies in submissions are not checked.
    """
    groups, rows = read_groups_and_rows(table)
    reports: list[Report] = []
    findings: list[Finding] = []
    seen_ids: dict[str, str] = {}
    dates = DayFirstDates(document_date(table))
    for row, group in rows:
        ctx = RowContext(table, row, findings)
        values = row.values
        title = clean_recurring(values.get("title"))
        task_id = normalize_id(values.get("task_id"))
        if task_id and task_id in seen_ids:
            ctx.add("error", "task.duplicate_id", "task_id", task_id, first=seen_ids[task_id])
        elif task_id:
            seen_ids[task_id] = row.cells.get("task_id", f"A{row.row}")
        status_raw = one_line_recurring(values.get("status"))
        result = clean(values.get("result"))
        unreadable = ctx.unreadable(skip=("task_id",))  # only a sheet with formulas or errors has any
        if "task_id" in unreadable and not task_id:
            ctx.id_unreadable(unreadable["task_id"], "matched" if title else "skipped")
        if not title and not task_id:
            if status_raw or result:
                ctx.add("warning", "task.no_title", "title")
            continue
        status = parse_status(status_raw) if status_raw else None
        if status_raw and status is None:
            status = "unknown"  # still a report: the task lists it, its status counts as unknown
            ctx.add("error", "status.unknown", "status", status_raw)
        elif "status" in unreadable:
            status = "unknown"  # the cell's finding was just made
        elif not status_raw and result:
            ctx.add("warning", "status.missing", "status")
        completed_on = None
        raw_date = values.get("completed_on")
        document = parse_document(values.get("document"))
        assigned = document.date if document else None
        if raw_date not in (None, ""):
            completed_on, issues = parse_date(raw_date, context=title)
            dates.sift(ctx, issues, "completed_on", raw_date, assigned, completion=True)
        if status == "completed" and not result:
            ctx.add("warning", "status.completed_no_result", "result")
        if status == "completed" and completed_on is None and "completed_on" in table.columns \
                and raw_date in (None, ""):
            ctx.add("info", "status.completed_no_date", "completed_on")
        if not status_raw and not result and completed_on is None and status is None:
            continue  # a listed task the agency did not fill in: not a report
        reports.append(
            Report(
                agency=agency,
                file=table.file,
                sheet=table.sheet,
                row=row.row,
                task_id=task_id,
                stt=_stt(values.get("stt")),
                group=group,
                title=title,
                document=document,
                deadline=_deadline(ctx, values.get("deadline"), title, dates, assigned) if check_deadlines else None,
                status=status,
                status_raw=status_raw,
                result=result,
                completed_on=completed_on,
                difficulties=clean(values.get("difficulties")),
                proposals=clean(values.get("proposals")),
                note=clean(values.get("note")),
                cells=in_sheet(row.cells, table.sheet),
                headers=table.headers,
            )
        )
    dates.settle()
    return reports, groups, findings
