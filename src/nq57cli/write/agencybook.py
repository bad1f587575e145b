"""Report templates for agencies: one ready workbook per agency, pre-filled from the catalog.

An agency that fills in its template sends back a file that `merge` reads without a finding:
the header row uses the reader's own aliases, the title block names the agency the way
agency.agency_from_title() reads it, the catalog columns are locked and the input columns
offer only values the validator accepts. Sheet protection has no password (it guards against
slips, not against people). Who gets which tasks: agencyplan.py; last period's answers: agencyprefill.py.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nq57cli.domain.agency import agency_key, split_agencies
from nq57cli.domain.deadline import format_date
from nq57cli.core.fileio import atomic_write
from nq57cli.read.inputs import PRODUCER, OutputGuard, marker
from nq57cli.read.prefilled import PREFILL_MARK, PREVIOUS_SHEET
from nq57cli.domain.models import Group
from nq57cli.core.stable import save_reproducibly
from nq57cli.domain.status import OWN_LABELS, STATUS_LABELS
from nq57cli.write.agencyplan import TemplatePlan, plan_templates
from nq57cli.write.agencyprefill import PREFILLED, Prefill, mark_prefilled, prefill_for
from nq57cli.write.sheetcells import FONT_SIZE, font, row_height, text_cell, wrapped_lines

if TYPE_CHECKING:
    from nq57cli.tasks.catalog import Catalog
    from nq57cli.tasks.periods import PeriodRecord

GUIDE_SHEET = "Hướng dẫn"
DATA_SHEET = "Báo cáo"
REPORT_TITLE = "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO NGHỊ QUYẾT SỐ 57-NQ/TW"

# (field, header, width, agency input?) — headers are aliases columns.py maps to the field.
COLUMNS: list[tuple[str, str, float, bool]] = [
    ("task_id", "Mã nhiệm vụ", 11, False),
    ("stt", "STT", 5, False),
    ("title", "Nhiệm vụ cụ thể", 48, False),
    ("document", "Văn bản giao nhiệm vụ", 20, False),
    ("deadline", "Thời hạn hoàn thành", 14, False),
    ("status", "Tình trạng", 18, True),
    ("result", "Kết quả thực hiện", 48, True),
    ("completed_on", "Ngày hoàn thành thực tế", 13, True),
    ("difficulties", "Khó khăn, vướng mắc", 26, True),
    ("proposals", "Đề xuất, kiến nghị", 26, True),
]
# The drop-down offers every official label except nq57's own ("status unclear", "no report"): not answers.
STATUS_CHOICES = [labels["vi"] for code, labels in STATUS_LABELS.items() if code not in OWN_LABELS]
STATUS_HINTS = {
    "completed": "nhiệm vụ đã xong, có sản phẩm (văn bản, hệ thống...); ghi rõ kết quả và ngày hoàn thành",
    "in_progress": "nhiệm vụ đang triển khai, chưa xong",
    "not_started": "nhiệm vụ chưa bắt đầu triển khai",
    "not_applicable": "nhiệm vụ không thuộc chức năng, phạm vi của đơn vị (nêu lý do ở cột Kết quả thực hiện)",
    "waiting": "chưa thể triển khai vì đang chờ văn bản hướng dẫn của Trung ương",
}
DATE_RANGE = (date(2000, 1, 1), date(2100, 12, 31))  # what the completion-date validation accepts

HEADER_FILL = "DDEBF7"
GROUP_FILL = "F2F2F2"
INPUT_FILL = "FFFDE7"  # the cells the agency fills in


def write_agency_templates(
    catalog: Catalog,
    folder: Path,
    agencies: list[str] | None = None,
    period: str | None = None,
    return_by: date | None = None,
    guard: OutputGuard | None = None,
    previous: PeriodRecord | None = None,
) -> list[Path]:
    """Write one report template per agency into `folder`; returns the paths, in agency order.

    `previous` (a period's record, write/periodbook.read_period): each agency's rows pre-filled with its
    own last status, result and completion date, marked as last period's (a note, a pale fill that
    goes when the cell is edited) and kept in a hidden sheet, so that `validate` and `merge` can tell a
    row returned unchanged (read/prefilled.py).

    An agency the catalog does not name (while it names others) gets every task; its filled file
    then merges with an agency.unexpected warning, which is the truth about it. A file already in
    `folder` that is not an unchanged nq57 template is refused before anything is written
    (outputs.OutputGuard; its `force` replaces it).
    """
    if guard is None:
        guard = OutputGuard()
        guard.add_file(catalog.input.path)
    plans = plan_templates(catalog, agencies)
    guard.check_replace([folder / plan.file_name for plan in plans], "template")
    written = []
    for plan in plans:
        path = folder / plan.file_name
        prefill = prefill_for(plan, previous) if previous is not None else None
        written.append(atomic_write(path, lambda tmp: save_reproducibly(
            _build(catalog, plan, period, return_by, prefill), tmp)))
    return written



def _build(catalog: Catalog, plan: TemplatePlan, period: str | None, return_by: date | None,
           prefill: Prefill | None = None) -> Any:
    from openpyxl import Workbook

    workbook = Workbook()
    guide = workbook.active
    guide.title = GUIDE_SHEET
    _write_guide(guide, plan, period, return_by)
    _write_data(workbook.create_sheet(DATA_SHEET), catalog, plan, period, return_by, prefill)
    if prefill is not None:
        write_prefilled(workbook, prefill)
    workbook.properties.creator = PRODUCER
    workbook.properties.lastModifiedBy = PRODUCER
    workbook.properties.keywords = marker("template")
    workbook.properties.title = f"{REPORT_TITLE} — {plan.agency}"
    workbook.active = 0
    return workbook


def guide_lines(plan: TemplatePlan, period: str | None, return_by: date | None) -> list[tuple[str, bool]]:
    """The instructions sheet, line by line: (text, bold)."""
    mine = agency_key(plan.agency)
    lead = [t.task_id for t in plan.tasks if mine in {agency_key(n) for n in split_agencies(t.lead)}]
    deadline = (f"chậm nhất ngày {format_date(return_by)}" if return_by
                else "theo thời hạn ghi trong văn bản đề nghị báo cáo")
    if plan.named:
        scope = (f"Biểu mẫu gồm {len(plan.tasks)} nhiệm vụ đơn vị được giao chủ trì hoặc phối hợp theo Danh mục"
                 + (f"; chủ trì {len(lead)} nhiệm vụ: {', '.join(lead)}." if lead else "."))
    else:
        scope = (f"Biểu mẫu gồm toàn bộ {len(plan.tasks)} nhiệm vụ của Danh mục. Nhiệm vụ không liên quan đến "
                 "đơn vị: chọn \"Không thuộc nhiệm vụ\".")
    choices = [f"    • {STATUS_LABELS[code]['vi']}: {hint}." for code, hint in STATUS_HINTS.items()]
    lines: list[tuple[str, bool]] = [
        ("HƯỚNG DẪN ĐIỀN BIỂU MẪU BÁO CÁO", True),
        (f"Đơn vị báo cáo: {plan.agency}", True),
    ]
    if period:
        lines.append((f"Kỳ báo cáo: {period}", False))
    lines += [
        (f"Hạn gửi lại tệp: {deadline}.", True),
        ("", False),
        (f"1. Điền báo cáo tại trang tính \"{DATA_SHEET}\", mỗi nhiệm vụ một dòng. {scope}", False),
        ("2. Các cột Mã nhiệm vụ, STT, Nhiệm vụ cụ thể, Văn bản giao nhiệm vụ, Thời hạn hoàn thành đã điền sẵn theo "
         "Danh mục và được khóa. Không sửa các cột này, không thêm hoặc xóa dòng, cột, không đổi tên trang tính "
         "và tên cột; chỉ điền vào các ô nền vàng nhạt.", False),
        ("3. Cột \"Tình trạng\": bấm vào ô rồi chọn một giá trị trong danh sách thả xuống "
         "(mọi nhiệm vụ trong biểu mẫu đều cần chọn):", False),
        *[(line, False) for line in choices],
        ("4. Cột \"Kết quả thực hiện\": nêu kết quả cụ thể, số, ký hiệu, ngày của văn bản đã ban hành; bắt buộc khi "
         "chọn \"Đã hoàn thành\". Xuống dòng trong ô: Alt+Enter.", False),
        ("5. Cột \"Ngày hoàn thành thực tế\": chỉ ghi với nhiệm vụ đã hoàn thành; nhập ngày theo dạng ngày/tháng/năm "
         "(dd/mm/yyyy), ví dụ 25/08/2025. Ô chỉ nhận ngày hợp lệ; sau khi nhập, kiểm tra ô hiển thị đúng ngày "
         "và tháng.", False),
        ("6. Cột \"Khó khăn, vướng mắc\" và \"Đề xuất, kiến nghị\": ghi nếu có.", False),
        ("7. Không dùng công thức, không dán ảnh vào bảng. Lưu tệp dạng Excel (.xlsx), giữ nguyên tên tệp và gửi "
         f"lại {deadline}.", False),
        ("8. Ô nền đỏ nhạt ở cột Kết quả thực hiện hoặc Ngày hoàn thành thực tế: nhiệm vụ đã chọn \"Đã hoàn thành\" "
         "nhưng còn thiếu nội dung đó.", False),
    ]
    return lines


def _write_guide(ws: Any, plan: TemplatePlan, period: str | None, return_by: date | None) -> None:
    from openpyxl.styles import Alignment

    width = 75  # fits A4 portrait unscaled (LibreOffice does not shrink this sheet to fit)
    ws.column_dimensions["A"].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for row, (text, bold) in enumerate(guide_lines(plan, period, return_by), start=1):
        cell = text_cell(ws, row, 1, text or None)
        cell.font = font(bold=bold, size=13 if row == 1 else FONT_SIZE)
        cell.alignment = wrap
        ws.row_dimensions[row].height = row_height(wrapped_lines(text, width)) if text else None
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.protection.sheet = True


def _title_lines(plan: TemplatePlan, period: str | None, return_by: date | None,
                 prefill: Prefill | None = None) -> list[tuple[str, bool, bool]]:
    """Rows above the header: (text, bold, italic). The first is the "Đơn vị báo cáo: ..." label."""
    lines = [(f"Đơn vị báo cáo: {plan.agency}", True, False), (REPORT_TITLE, True, False)]
    notes = []
    if period:
        notes.append(f"Kỳ báo cáo: {period}")
    if return_by:
        notes.append(f"hạn gửi: {format_date(return_by)}")
    if prefill is not None:
        notes.append(f"{PREFILL_MARK} ({prefill.label}): ô nền xanh nhạt là nội dung kỳ trước, cần cập nhật")
    if notes:
        text = "; ".join(notes)
        lines.append((f"({text[:1].upper() + text[1:]})", False, True))
    return lines


def _write_data(ws: Any, catalog: Catalog, plan: TemplatePlan, period: str | None, return_by: date | None,
                prefill: Prefill | None = None) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Border, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ncols = len(COLUMNS)
    last = get_column_letter(ncols)
    total_width = sum(c[2] for c in COLUMNS)
    col_of = {name: index for index, (name, _, _, _) in enumerate(COLUMNS, start=1)}
    letter = {name: get_column_letter(index) for name, index in col_of.items()}
    for index, (_, _, width, _) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width

    row = 1
    for text, bold, italic in _title_lines(plan, period, return_by, prefill):
        cell = text_cell(ws, row, 1, text)
        cell.font = font(bold=bold, italic=italic, size=13 if text == REPORT_TITLE else FONT_SIZE)
        cell.alignment = Alignment(horizontal="left" if row == 1 else "center", vertical="center", wrap_text=True)
        ws.merge_cells(f"A{row}:{last}{row}")
        row += 1
    header_row = row + 1  # one empty row between the title block and the table

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for index, (_, header, _, _) in enumerate(COLUMNS, start=1):
        cell = text_cell(ws, header_row, index, header)
        cell.font = font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    ws.row_dimensions[header_row].height = row_height(2)

    groups: dict[str, Group] = {g.key: g for g in catalog.groups}
    wrap = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(horizontal="center", vertical="top", wrap_text=True)
    unlocked = Protection(locked=False)
    input_fill = PatternFill("solid", fgColor=INPUT_FILL)
    row = header_row + 1
    task_rows: list[int] = []
    current: str | None = None
    for task in plan.tasks:
        if task.group and task.group != current and task.group in groups:
            text = groups[task.group].title
            cell = text_cell(ws, row, 1, text)
            cell.font = font(bold=True)
            cell.fill = PatternFill("solid", fgColor=GROUP_FILL)
            cell.alignment = wrap
            for col in range(1, ncols + 1):
                ws.cell(row, col).border = border
            ws.merge_cells(f"A{row}:{last}{row}")
            ws.row_dimensions[row].height = row_height(wrapped_lines(text, total_width))
            row += 1
        current = task.group
        values = {
            "task_id": task.task_id,
            "stt": int(task.stt) if task.stt and task.stt.isdigit() else task.stt,
            "title": task.title,
            "document": task.document.raw if task.document else None,
            "deadline": task.deadline.raw or None,
        }
        if prefill is not None and task.task_id in prefill.answers:
            values.update(prefill.answers[task.task_id])
            prefill.rows[row] = task.task_id
        for name, _, width, is_input in COLUMNS:
            cell = text_cell(ws, row, col_of[name], values.get(name))
            cell.font = font(bold=name == "task_id")
            cell.border = border
            cell.alignment = centre if name in ("task_id", "stt", "deadline", "completed_on") else wrap
            if is_input:
                cell.protection = unlocked
                cell.fill = input_fill
            if name == "completed_on":
                cell.number_format = "dd/mm/yyyy"
        lines = max(wrapped_lines(str(values[name] or ""), width) for name, _, width, _ in COLUMNS if name in values)
        ws.row_dimensions[row].height = row_height(max(lines, 2))
        task_rows.append(row)
        row += 1

    if task_rows:
        first, end = task_rows[0], task_rows[-1]
        ranges = _ranges(task_rows)
        status = DataValidation(
            type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"', allow_blank=True,
            showDropDown=False,  # False = show the arrow (the attribute's name says the opposite)
            showErrorMessage=True, errorStyle="stop", errorTitle="Tình trạng không hợp lệ",
            error="Hãy chọn một giá trị trong danh sách thả xuống.",
            showInputMessage=True, promptTitle="Tình trạng", prompt="Chọn một giá trị trong danh sách.",
        )
        done = DataValidation(
            type="date", operator="between", formula1=str(_serial(DATE_RANGE[0])), formula2=str(_serial(DATE_RANGE[1])),
            allow_blank=True, showErrorMessage=True, errorStyle="stop", errorTitle="Ngày không hợp lệ",
            error="Nhập ngày có thật theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 25/08/2025.",
            showInputMessage=True, promptTitle="Ngày hoàn thành thực tế",
            prompt="Chỉ ghi khi đã hoàn thành; dạng dd/mm/yyyy, ví dụ 25/08/2025.",
        )
        for start, stop in ranges:
            status.add(f"{letter['status']}{start}:{letter['status']}{stop}")
            done.add(f"{letter['completed_on']}{start}:{letter['completed_on']}{stop}")
        ws.add_data_validation(status)
        ws.add_data_validation(done)
        if prefill is not None:
            mark_prefilled(ws, prefill, letter, ranges)
        completed = STATUS_LABELS["completed"]["vi"]
        warn = PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE")
        for name in ("result", "completed_on"):
            target = f"{letter[name]}{first}"
            ws.conditional_formatting.add(
                f"{letter[name]}{first}:{letter[name]}{end}",
                FormulaRule(formula=[f'AND(${letter["status"]}{first}="{completed}",LEN(TRIM({target}))=0)'],
                            fill=warn),
            )

    ws.freeze_panes = f"A{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "Trang &P/&N"
    ws.protection.sheet = True
    ws.protection.formatRows = False  # allowed: the agency may make a row taller for a long result
    ws.protection.formatColumns = False


def write_prefilled(workbook: Any, prefill: Prefill) -> None:
    """The hidden sheet of what was pre-filled, each value in the cell it fills on the form (read back by
    read/prefilled.py: the task ID in column A)."""
    ws = workbook.create_sheet(PREVIOUS_SHEET)
    ws.sheet_state = "hidden"
    columns = {name: index for index, (name, _, _, _) in enumerate(COLUMNS, start=1)}
    for row, task_id in prefill.rows.items():
        text_cell(ws, row, 1, task_id)
        for name in PREFILLED:
            value = prefill.answers[task_id].get(name)
            if value not in (None, ""):
                cell = text_cell(ws, row, columns[name], value)
                if name == "completed_on":
                    cell.number_format = "dd/mm/yyyy"
    ws.protection.sheet = True


def _ranges(rows: list[int]) -> list[tuple[int, int]]:
    """[8, 9, 10, 12] → [(8, 10), (12, 12)]: the task rows between group rows."""
    out: list[tuple[int, int]] = []
    for row in rows:
        if out and out[-1][1] == row - 1:
            out[-1] = (out[-1][0], row)
        else:
            out.append((row, row))
    return out


def _serial(day: date) -> int:
    return (day - date(1899, 12, 30)).days


