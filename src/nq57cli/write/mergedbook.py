"""The consolidated workbook (merged.xlsx): written by `merge`, edited in Excel, read back by `render`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, cast

from nq57cli.domain.agency import split_agencies
from nq57cli.domain.deadline import parse_date, parse_deadline
from nq57cli.domain.docref import parse_document
from nq57cli.domain.findings import SEVERITIES, severity_label
from nq57cli.core.fileio import atomic_write
from nq57cli.domain.models import (JOINED_FIELDS, Deadline, Finding, Group, InputFile, MergeResult, Report, Status,
                            Task, join_agency_texts)
from nq57cli.domain.status import parse_own_status, status_label
from nq57cli.core.text import clean, header_key, one_line
from nq57cli.core.cells import EXCEL_MAX_TEXT
from nq57cli.write.sheetcopy import read_copy
from nq57cli.write.xlsxout import new_workbook, open_own_workbook, write_sheet

TASKS_SHEET = "Nhiệm vụ"
GROUPS_SHEET = "Nhóm nhiệm vụ"
REPORTS_SHEET = "Báo cáo đơn vị"
FINDINGS_SHEET = "Phát hiện"
INPUTS_SHEET = "Đầu vào"

# (header, width, wrap) per column; the headers are the read-back contract.
TASK_COLUMNS = [
    ("Mã nhiệm vụ", 12, False), ("Nhóm", 10, False), ("STT", 6, False), ("Nhiệm vụ cụ thể", 60, True),
    ("Văn bản giao nhiệm vụ", 24, True), ("Thời hạn hoàn thành", 16, True), ("Hạn (ngày)", 12, False),
    ("Cơ quan chủ trì", 22, True), ("Cơ quan phối hợp", 22, True), ("Tình trạng", 18, True),
    ("Kết quả thực hiện", 80, True), ("Ngày hoàn thành thực tế", 14, False),
    ("Khó khăn, vướng mắc", 30, True), ("Đề xuất, kiến nghị", 30, True),
    ("Đơn vị đã báo cáo", 28, True), ("Đơn vị chưa báo cáo", 28, True),
    ("Dự kiến kết quả", 24, True), ("Ghi chú", 20, True),
]
GROUP_COLUMNS = [("Thứ tự", 8, False), ("Nhóm", 12, False), ("Ký hiệu", 10, False), ("Tên nhóm", 100, True)]
REPORT_COLUMNS = [
    ("Mã nhiệm vụ", 12, False), ("Đơn vị báo cáo", 26, True), ("Tình trạng", 18, True),
    ("Tình trạng (nguyên văn)", 18, True), ("Kết quả thực hiện", 70, True),
    ("Ngày hoàn thành thực tế", 14, False), ("Khó khăn, vướng mắc", 30, True), ("Đề xuất, kiến nghị", 30, True),
    ("Khớp theo", 10, False), ("Điểm khớp", 9, False), ("Tệp", 28, True), ("Ô nguồn", 16, False),
    ("Mã nhiệm vụ (đơn vị ghi)", 14, False), ("Nội dung nhiệm vụ (đơn vị ghi)", 50, True),
]
FINDING_COLUMNS = [
    ("Mức độ", 10, False), ("Mã", 26, False), ("Tệp", 28, True), ("Trang tính", 16, False), ("Ô", 8, False),
    ("Cột", 22, True), ("Giá trị", 30, True), ("Nội dung", 90, True),
]
INPUT_COLUMNS = [
    ("Tệp", 32, True), ("Vai trò", 12, False), ("Đơn vị", 28, True), ("Nguồn tên đơn vị", 16, False),
    ("Trang tính", 16, False), ("Dòng tiêu đề", 10, False), ("Số dòng", 9, False), ("SHA-256", 66, False),
    ("Kích thước (byte)", 14, False), ("Đọc được", 9, False), ("Ngày văn bản", 12, False),
    ("Thay bằng tệp", 32, True),
]
SEVERITY_VI = {s: severity_label(s).capitalize() for s in SEVERITIES}  # "Lỗi", "Cảnh báo", "Thông tin"
MATCH_VI = {"id": "mã", "text": "nội dung", "new": "mới", "none": "không khớp"}


# A task's joined texts can outgrow an Excel cell (a thousand agencies × a paragraph each). The tasks sheet
# then keeps the agencies' lines that fit, followed by this mark; read_merged() sees the mark and joins
# the task's full text again from the reports sheet, where each agency's text has its own row.
CONTINUED = "\n[…còn tiếp: toàn văn theo từng đơn vị ở trang \"Báo cáo đơn vị\"]"


def cell_text(text: str | None) -> str | None:
    """A task's joined text as the tasks sheet holds it: whole when it fits in a cell, else its first
    agencies' lines (never a line cut in two) and the CONTINUED mark."""
    if text is None or len(text) <= EXCEL_MAX_TEXT:
        return text
    room = EXCEL_MAX_TEXT - len(CONTINUED)
    cut = text.rfind("\n", 0, room + 1)
    return text[:cut if cut > 0 else room] + CONTINUED


def write_merged(result: MergeResult, path: Path, lang: str = "vi") -> Path:
    """Write the consolidated workbook atomically; agency text stays text."""
    task_rows = [
        [
            t.task_id, t.group, t.stt, t.title, t.document.raw if t.document else None, t.deadline.raw or None,
            t.deadline.due, t.lead, "; ".join(t.partners) or None, status_label(t.status, "vi"), cell_text(t.result),
            t.completed_on, cell_text(t.difficulties), cell_text(t.proposals), "; ".join(t.agencies) or None,
            "; ".join(t.silent) or None, t.expected_output, t.note,
        ]
        for t in result.tasks
    ]
    group_rows = [[g.order, g.key, g.label, g.title] for g in result.groups]
    reports = [r for t in result.tasks for r in t.reports] + list(result.unmatched)
    input_rows = [
        [i.name, i.role, i.agency, i.agency_source, i.sheet, i.header_row, i.rows, i.sha256, i.size,
         "có" if i.readable else "không", i.document_date, i.superseded_by]
        for i in result.inputs
    ]
    input_rows.append([f"nq57 {result.tool_version}", "tool", *[None] * (len(INPUT_COLUMNS) - 2)])
    for value, role in ((result.period, "period"), (result.catalog_title, "catalog_title")):  # domain/period.py
        if value:
            input_rows.append([value, role, *[None] * (len(INPUT_COLUMNS) - 2)])

    def write(tmp: Path) -> None:
        workbook = new_workbook(tmp, len(reports) + len(result.findings),
                                "Tổng hợp báo cáo thực hiện Nghị quyết 57-NQ/TW")
        write_sheet(workbook, TASKS_SHEET, TASK_COLUMNS, task_rows)
        write_sheet(workbook, GROUPS_SHEET, GROUP_COLUMNS, group_rows)
        write_sheet(workbook, REPORTS_SHEET, REPORT_COLUMNS, reports, row_of=_report_row, copy=True)
        write_sheet(workbook, FINDINGS_SHEET, FINDING_COLUMNS, result.findings,
                    row_of=lambda f: [SEVERITY_VI[f.severity], f.code, f.file, f.sheet, f.cell, f.column, f.value,
                                      f.message(lang)])
        write_sheet(workbook, INPUTS_SHEET, INPUT_COLUMNS, input_rows)
        workbook.close()

    return atomic_write(path, write)


def _report_row(r: Report) -> list[Any]:
    return [
        r.matched_id, r.agency, status_label(r.status, "vi") if r.status else None, r.status_raw, r.result,
        r.completed_on, r.difficulties, r.proposals, MATCH_VI[r.match_method], r.match_score, r.file,
        r.cells.get("title") or r.cells.get("task_id") or f"{r.sheet}!A{r.row}", r.task_id,
        r.title if r.match_method != "id" else None,  # the catalog's text is on the tasks sheet
    ]


class SheetRow:
    """One row of one of our sheets, read by header: the sheet's header → column index map is shared
    by its rows (a dict per row cost more than the rest of reading a national merge's 60,000 reports)."""

    __slots__ = ("columns", "values")

    def __init__(self, columns: dict[str, int], values: list[Any]) -> None:
        self.columns = columns
        self.values = values

    def get(self, key: str) -> Any:
        index = self.columns.get(key)
        return self.values[index] if index is not None and index < len(self.values) else None


def sheet_rows(workbook: Any, name: str, rows: list[list[Any]] | None = None) -> list[tuple[int, SheetRow]]:
    """Rows of one of our sheets, readable by header key, with their Excel row numbers (`rows`: the
    sheet's rows already read, from its copy)."""
    if rows is None and name not in workbook.sheet_names:
        return []
    if rows is None:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    if not rows:
        return []
    columns: dict[str, int] = {}
    for index, title in enumerate(rows[0]):
        key = header_key(title)
        if key:
            columns[key] = index  # a repeated header: the last column, as the dict per row had it
    return [(number, SheetRow(columns, row)) for number, row in enumerate(rows[1:], start=2)
            if len(row) > row.count("") + row.count(None)]  # empty rows counted in C


def row_picker(records: list[tuple[int, SheetRow]], headers: tuple[str, ...]) -> Callable[[SheetRow], list[Any]]:
    """A function giving a row's values under `headers` (empty cells None). When every header is a
    column and the rows are full width, as calamine gives them, it picks them in one C call: the
    reports sheet of a national merge has 60,000 rows of 12 fields."""
    columns = records[0][1].columns if records else {}
    found = [columns.get(header_key(h)) for h in headers]
    indexes = [i for i in found if i is not None]
    if not records or len(indexes) < len(headers) or len(indexes) < 2:
        return lambda record: [row_value(record, h) for h in headers]
    from operator import itemgetter

    pick = itemgetter(*indexes)
    width = max(indexes) + 1

    def values(record: SheetRow) -> list[Any]:
        if len(record.values) < width:
            return [row_value(record, h) for h in headers]
        return [None if v == "" else v for v in pick(record.values)]

    return values


_KEYS: dict[str, str] = {}  # header → header_key(header), for the fixed headers read back


def row_value(record: SheetRow, header: str) -> Any:
    """The cell under `header` in this row; an empty cell is None."""
    key = _KEYS.get(header)
    if key is None:
        key = _KEYS[header] = header_key(header)
    index = record.columns.get(key)
    if index is None or index >= len(record.values):
        return None
    value = record.values[index]
    return None if value == "" else value


def _memo(func: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """func (pure, of one cell value) computed once per distinct value: columns such as the deadline,
    the assigning document, the lead agency or the status repeat over thousands of tasks."""
    cache: dict[tuple[type, Any], Any] = {}

    def call(value: Any) -> Any:
        key = (type(value), value)  # 1, 1.0 and True are equal keys, but not the same cell
        try:
            return cache[key]
        except KeyError:
            found = cache[key] = func(value)
            return found
        except TypeError:  # unhashable: not a cell value, but no reason to fail
            return func(value)

    return call


def _as_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    parsed, _ = parse_date(value)
    return parsed


def read_merged(path: Path) -> tuple[MergeResult, list[Finding]]:
    """Read a merged.xlsx back, with whatever a person changed in Excel (results, statuses)."""
    workbook = open_own_workbook(path, TASKS_SHEET, "tệp tổng hợp", "consolidated workbook")
    findings: list[Finding] = []
    # Per-value caches; parsed models are copied per task, lists are new per task (both mutable).
    # The deadline is parsed without the task as context: that only words issues, dropped here.
    short = _memo(one_line)
    status_of = _memo(parse_own_status)
    deadline_of = _memo(lambda value: parse_deadline(value)[0])
    document_of = _memo(parse_document)
    agencies_of = _memo(split_agencies)
    date_of = _memo(_as_date)
    groups = [
        Group(key=str(row_value(r, "Nhóm")), order=int(row_value(r, "Thứ tự") or n), label=one_line(row_value(r, "Ký hiệu")),
              title=clean(row_value(r, "Tên nhóm")) or str(row_value(r, "Nhóm")))
        for n, r in sheet_rows(workbook, GROUPS_SHEET)
        if row_value(r, "Nhóm") is not None
    ]
    tasks: list[Task] = []
    task_rows = sheet_rows(workbook, TASKS_SHEET)
    task_fields = row_picker(task_rows, (  # picked in one C call a row: 85,000 lookups at 5,000 tasks
        "Mã nhiệm vụ", "Nhiệm vụ cụ thể", "Tình trạng", "Thời hạn hoàn thành", "Hạn (ngày)", "STT",
        "Văn bản giao nhiệm vụ", "Nhóm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả thực hiện",
        "Ngày hoàn thành thực tế", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Đơn vị chưa báo cáo",
        "Dự kiến kết quả", "Ghi chú"))
    for number, record in task_rows:
        (raw_id, raw_title, raw_status, raw_deadline, raw_due, stt, raw_document, group, lead, partners, result,
         completed_on, difficulties, proposals, silent, expected_output, note) = task_fields(record)
        task_id = one_line(raw_id)
        title = clean(raw_title)
        if not task_id and not title:
            continue
        raw_status = short(raw_status)
        status = status_of(raw_status) if raw_status else None
        if raw_status and status is None:  # a word typed in Excel that is no status: unclear, not "no report"
            status = "unknown"
            findings.append(Finding(code="merged.bad_status", file=path.name,
                                    sheet=TASKS_SHEET, cell=f"J{number}", column="Tình trạng", value=raw_status))
        deadline = deadline_of(raw_deadline).model_copy() if raw_deadline is not None else Deadline(kind="none")
        due = _as_date(raw_due)
        if deadline.due is None and due is not None and deadline.kind in ("none",):
            deadline = Deadline(kind="date", due=due, raw=deadline.raw, note=deadline.note)
        document = document_of(raw_document)
        tasks.append(Task(
            task_id=task_id or f"NV-{len(tasks) + 1:03d}", order=len(tasks) + 1,
            group=short(group),
            stt=str(int(stt)) if isinstance(stt, float) and stt.is_integer() else one_line(stt),
            title=title or "", document=document.model_copy() if document is not None else None, deadline=deadline,
            lead=short(lead),
            partners=list(agencies_of(partners)),
            status=status or "no_report", result=clean(result),
            completed_on=_as_date(completed_on),
            difficulties=clean(difficulties), proposals=clean(proposals),
            silent=list(agencies_of(silent)),
            expected_output=clean(expected_output), note=clean(note),
        ))
    by_id = {t.task_id: t for t in tasks}
    text = _memo(clean)  # agencies' texts recur (communes copy each other; a text in every period)
    report_rows = sheet_rows(workbook, REPORTS_SHEET, read_copy(path, REPORTS_SHEET))  # the copy: 5× faster
    fields = row_picker(report_rows, (
        "Mã nhiệm vụ", "Đơn vị báo cáo", "Ô nguồn", "Tình trạng", "Tệp", "Mã nhiệm vụ (đơn vị ghi)",
        "Tình trạng (nguyên văn)", "Kết quả thực hiện", "Ngày hoàn thành thực tế", "Khó khăn, vướng mắc",
        "Đề xuất, kiến nghị", "Nội dung nhiệm vụ (đơn vị ghi)"))
    for number, record in report_rows:
        (task_id, agency, source, raw_status, file, own_id, status_raw, result, completed_on, difficulties,
         proposals, own_title) = fields(record)
        task = by_id.get(short(task_id) or "")
        agency = short(agency)
        if task is None or not agency:
            continue
        source = one_line(source) or ""
        sheet, _, _cell = source.rpartition("!")
        raw_status = short(raw_status)
        report_status = (status_of(raw_status) or "unknown") if raw_status else None
        task.reports.append(Report(
            agency=agency, file=short(file) or path.name, sheet=sheet or REPORTS_SHEET, row=number,
            task_id=short(own_id), matched_id=task.task_id,
            # parse_own_status returns a CombinedStatus code (typed str)
            status=None if report_status == "no_report" else cast("Status | None", report_status),
            status_raw=short(status_raw),
            result=text(result), completed_on=date_of(completed_on),
            difficulties=text(difficulties), proposals=text(proposals),
            title=text(own_title),
            cells={"title": source} if source else {},
        ))
    for task in tasks:  # texts too long for the tasks sheet: joined again from the agencies' rows
        for name in JOINED_FIELDS:
            value = getattr(task, name)
            if value and value.endswith(CONTINUED.strip()):
                setattr(task, name, join_agency_texts(task.reports, name))
    if not groups:
        seen: dict[str, Group] = {}
        for task in tasks:
            if task.group and task.group not in seen:
                seen[task.group] = Group(key=task.group, order=len(seen) + 1, title=task.group)
        groups = list(seen.values())
    inputs = [InputFile(path=str(path), name=path.name, role="merged", rows=len(tasks))]
    written: dict[str, str] = {}  # what the merge recorded besides its files: tool, period, catalog_title
    for _, record in sheet_rows(workbook, INPUTS_SHEET):  # the files the merge read, for `missing`
        role = one_line(row_value(record, "Vai trò"))
        file_name = one_line(row_value(record, "Tệp"))
        if role in ("tool", "period", "catalog_title") and file_name:
            written[role] = file_name.removeprefix("nq57 ") if role == "tool" else file_name
        if role not in ("catalog", "submission", "copy") or not file_name:
            continue
        name_source = one_line(row_value(record, "Nguồn tên đơn vị"))
        rows = row_value(record, "Số dòng")
        inputs.append(InputFile(
            path=file_name, name=file_name, role=role, agency=one_line(row_value(record, "Đơn vị")),  # type: ignore[arg-type]
            agency_source=name_source if name_source in ("option", "label", "title", "properties", "filename") else None,  # type: ignore[arg-type]
            sheet=one_line(row_value(record, "Trang tính")), sha256=one_line(row_value(record, "SHA-256")),
            rows=int(rows) if isinstance(rows, (int, float)) else 0,
            readable=header_key(row_value(record, "Đọc được") or "có") != "khong",
            document_date=_as_date(row_value(record, "Ngày văn bản")),
            superseded_by=one_line(row_value(record, "Thay bằng tệp")),
        ))
    return MergeResult(tasks=tasks, groups=groups, findings=findings, inputs=inputs,
                       tool_version=written.get("tool", ""), period=written.get("period"),
                       catalog_title=written.get("catalog_title")), findings
