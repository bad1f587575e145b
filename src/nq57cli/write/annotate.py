"""Feedback copies for agencies: their own workbook with each problem cell marked and explained.

The original is never opened for writing: its bytes are copied to a temporary file beside the
target, the copy is edited with openpyxl (data, formatting, merged cells, comments and macros
kept) and renamed into place. Workbooks openpyxl cannot edit (.xls, .ods, .xlsb, damaged
files) get a separate findings workbook instead.
"""

from __future__ import annotations

import shutil
import unicodedata
import warnings
from pathlib import Path
from typing import Any, TypedDict

from nq57cli.write.sheetcells import row_height, text_cell, wrapped_lines
from nq57cli.core.cells import parse_cell_ref
from nq57cli.core.fileio import atomic_write
from nq57cli.read.inputs import PRODUCER, OutputGuard, marker
from nq57cli.domain.findings import REPEATS, SEVERITIES, count_by_severity, counts_text, severity_label
from nq57cli.domain.models import SEVERITY_ORDER, Finding
from nq57cli.core.stable import save_reproducibly

EDITABLE = {".xlsx", ".xlsm"}
FINDINGS_SHEET = "Lỗi cần sửa"
REPORT_SUFFIX = "-loi-can-sua.xlsx"  # the separate findings workbook: "<stem>-loi-can-sua.xlsx"
AUTHOR = "nq57"
FILLS = {"error": "FFC7CE", "warning": "FFEB9C"}  # light red, yellow
MARKED = ("error", "warning")  # severities that mark a cell; info findings are only listed


class _Texts(TypedDict):
    """The texts of the findings sheet and the cell notes, in one language."""

    severity: dict[str, str]
    columns: list[str]
    title: str
    how: str
    separate: str
    as_xlsx: str
    none: str


TEXT: dict[str, _Texts] = {
    "vi": {
        "severity": {s: severity_label(s, "vi").capitalize() for s in SEVERITIES},
        "columns": ["Mức độ", "Trang tính", "Ô", "Cột", "Giá trị", "Vấn đề", "Mã lỗi"],
        "title": "CÁC LỖI CẦN SỬA — {file}",
        "how": "Ô có lỗi được tô đỏ nhạt, ô có cảnh báo tô vàng; rê chuột vào ô để xem ghi chú; bấm vào địa chỉ ô "
               "để đến ô đó. Sửa xong, gửi lại tệp.",
        "separate": "Không ghi trực tiếp được vào tệp {file}; hãy sửa tệp gốc theo danh sách dưới đây"
                    "{xlsx} rồi gửi lại.",
        "as_xlsx": " và lưu lại dạng .xlsx",
        "none": "Không có lỗi nào.",
    },
    "en": {
        "severity": {s: severity_label(s, "en").capitalize() for s in SEVERITIES},
        "columns": ["Severity", "Sheet", "Cell", "Column", "Value", "Problem", "Code"],
        "title": "PROBLEMS TO FIX — {file}",
        "how": "Cells with errors are filled light red, cells with warnings yellow; hover a cell to read its "
               "note; click a cell address to go there. Send the file back once fixed.",
        "separate": "{file} cannot be edited directly; fix the original following the list below{xlsx} and send "
                    "it again.",
        "as_xlsx": " and save it as .xlsx",
        "none": "No problems.",
    },
}
WIDTHS = [10, 16, 7, 24, 30, 80, 24]


class _NotEditable(Exception):
    """openpyxl could not load the copy; a separate findings workbook is written instead."""


def can_annotate(path: Path) -> bool:
    """True when the workbook's own copy can carry the marks (.xlsx, .xlsm)."""
    return path.suffix.lower() in EDITABLE


def findings_for(path: Path, findings: list[Finding]) -> list[Finding]:
    """The findings about this file (by file name, as merge reports them), one per cell again where merge
    grouped a file's repeated findings (each cell is marked and listed), without repeats, in sheet order."""
    seen: dict[str, Finding] = {}
    for finding in findings:
        if finding.file == path.name:
            for single in ungroup(finding):
                seen.setdefault(single.model_dump_json(), single)
    return sorted(seen.values(), key=_order)


def ungroup(finding: Finding) -> list[Finding]:
    """A grouped finding (submissions.group_repeats) as the findings it stands for, one per cell."""
    repeats = finding.params.get(REPEATS)
    if not repeats:
        return [finding]
    first = finding.model_copy(update={"params": {k: v for k, v in finding.params.items() if k != REPEATS}})
    return [first, *(first.model_copy(update={"cell": cell, "value": value, "params": params})
                     for cell, value, params in repeats)]


def _order(finding: Finding) -> tuple:
    row, col = parse_cell_ref(finding.cell) or (-1, -1)
    return (SEVERITY_ORDER[finding.severity], finding.sheet or "", row, col, finding.code)


def annotation_targets(path: Path, folder: Path) -> list[Path]:
    """Where annotate() may write for `path`: the marked copy, and the separate findings workbook."""
    report = folder / f"{path.stem}{REPORT_SUFFIX}"
    return [folder / path.name, report] if can_annotate(path) else [report]


def annotate(path: Path, findings: list[Finding], folder: Path, lang: str = "vi",
             guard: OutputGuard | None = None) -> Path:
    """Write the marked copy of `path` into `folder` (same file name) and return its path.

    Findings about other files are ignored. For a workbook openpyxl cannot edit, only a findings
    workbook "<stem>-loi-can-sua.xlsx" is written (see can_annotate()), and its path returned.
    A file already there that is not an unchanged nq57 annotated copy is refused (outputs.OutputGuard).
    """
    if guard is None:
        guard = OutputGuard()
        guard.add_file(path)
    guard.check_replace(annotation_targets(path, folder), "annotated")
    own = findings_for(path, findings)
    if can_annotate(path) and path.is_file():
        target = folder / path.name
        try:
            return atomic_write(target, lambda tmp: _annotate_copy(path, tmp, own, lang))
        except _NotEditable:
            pass
    report = folder / f"{path.stem}{REPORT_SUFFIX}"

    def write(tmp: Path) -> None:
        from openpyxl import Workbook

        workbook = Workbook()
        workbook.remove(workbook.active)
        _findings_sheet(workbook, path, own, lang, sheets=None)
        _mark_as_ours(workbook)
        save_reproducibly(workbook, tmp)

    return atomic_write(report, write)


def _annotate_copy(path: Path, tmp: Path, findings: list[Finding], lang: str) -> None:
    from openpyxl import load_workbook

    shutil.copyfile(path, tmp)
    try:
        # A file object, as the temporary name does not end in .xlsx; openpyxl warns about parts
        # it drops (e.g. extension lists), which is no news for the agency.
        with tmp.open("rb") as handle, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(handle, keep_vba=path.suffix.lower() == ".xlsm", rich_text=True)
    except Exception as exc:  # damaged, encrypted or not really OOXML
        raise _NotEditable(str(exc)) from exc
    try:
        _mark_copy(workbook, path, tmp, findings, lang)
    finally:
        if workbook.vba_archive is not None:  # keep_vba's in-memory zip: left open, its __del__ fails at exit
            workbook.vba_archive.close()


def _mark_copy(workbook: Any, path: Path, tmp: Path, findings: list[Finding], lang: str) -> None:
    if FINDINGS_SHEET in workbook.sheetnames:  # a copy annotated before and sent back
        workbook.remove(workbook[FINDINGS_SHEET])
    sheets = {_key(ws.title): ws for ws in workbook.worksheets}
    marks: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        ws = sheets.get(_key(finding.sheet))
        if finding.severity not in MARKED or ws is None or parse_cell_ref(finding.cell) is None:
            continue
        marks.setdefault((ws.title, _anchor(ws, finding.cell or "")), []).append(finding)
    for (title, coordinate), items in marks.items():
        _mark(workbook[title][coordinate], items, lang)
    sheet = _findings_sheet(workbook, path, findings, lang, sheets=sheets)
    workbook.active = sheet
    for ws in workbook.worksheets:
        ws.sheet_view.tabSelected = ws is sheet
    _mark_as_ours(workbook)
    save_reproducibly(workbook, tmp, keep_created=True)  # the agency's own dates, not the run time


def _mark_as_ours(workbook: Any) -> None:
    """The ownership marker (outputs.made_by_nq57): a later run may replace this file, not an agency's."""
    workbook.properties.lastModifiedBy = PRODUCER
    workbook.properties.keywords = marker("annotated")


def _key(name: str | None) -> str:
    return unicodedata.normalize("NFC", name or "")


def _anchor(ws: Any, coordinate: str) -> str:
    """The cell that shows a merged range: its top-left; other cells are themselves."""
    for merged in ws.merged_cells.ranges:
        if coordinate in merged:
            return merged.start_cell.coordinate
    return coordinate


def comment_text(findings: list[Finding], lang: str = "vi") -> str:
    """The note on a marked cell: one line per finding, most severe first."""
    labels = TEXT[lang if lang in TEXT else "vi"]["severity"]
    ordered = sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])
    return "\n".join(f"• {labels[f.severity]}: {f.message(lang)}" for f in ordered)


def _mark(cell: Any, findings: list[Finding], lang: str) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    worst = min(findings, key=lambda f: SEVERITY_ORDER[f.severity]).severity
    cell.fill = PatternFill("solid", fgColor=FILLS[worst])
    text = comment_text(findings, lang)
    old = cell.comment
    if old is not None and old.text and old.author != AUTHOR:  # keep the agency's own note under ours
        text = f"{text}\n\n{old.text}"
    lines = sum(1 + len(line) // 50 for line in text.split("\n"))
    cell.comment = Comment(text, AUTHOR, height=min(400, 24 + 15 * lines), width=320)


def _findings_sheet(workbook: Any, path: Path, findings: list[Finding], lang: str, sheets: dict | None) -> Any:
    """The list of all findings of the file; cell addresses link to the cells when `sheets` is given."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.hyperlink import Hyperlink

    text = TEXT[lang if lang in TEXT else "vi"]
    ws = workbook.create_sheet(FINDINGS_SHEET)
    for index, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    counts = count_by_severity(findings)
    intro = text["how"] if sheets is not None else text["separate"].format(
        file=path.name, xlsx="" if can_annotate(path) else text["as_xlsx"])
    text_cell(ws, 1, 1, text["title"].format(file=path.name)).font = Font(bold=True, size=13)
    text_cell(ws, 2, 1, (counts_text(counts, lang) + ". " + intro) if findings else text["none"])
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(WIDTHS))
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[2].height = 33
    header = 4
    for index, name in enumerate(text["columns"], start=1):
        cell = text_cell(ws, header, index, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    for row, finding in enumerate(findings, start=header + 1):
        ws_target = sheets.get(_key(finding.sheet)) if sheets is not None else None
        values = [text["severity"][finding.severity], finding.sheet, finding.cell, finding.column, finding.value,
                  finding.message(lang), finding.code]
        for index, value in enumerate(values, start=1):
            cell = text_cell(ws, row, index, value)
            cell.alignment = wrap
        ws.row_dimensions[row].height = row_height(
            max(wrapped_lines(str(v or ""), w) for v, w in zip(values, WIDTHS)))
        if finding.severity in FILLS:
            ws.cell(row, 1).fill = PatternFill("solid", fgColor=FILLS[finding.severity])
        if ws_target is not None and parse_cell_ref(finding.cell) is not None:
            title = ws_target.title.replace("'", "''")
            link = ws.cell(row, 3)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{title}'!{finding.cell}")
            link.style = "Hyperlink"
            link.alignment = wrap
    ws.freeze_panes = f"A{header + 1}"
    if findings:
        ws.auto_filter.ref = f"A{header}:{get_column_letter(len(WIDTHS))}{header + len(findings)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header}:{header}"
    return ws
