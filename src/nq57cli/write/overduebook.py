"""The XLSX lists of `nq57 overdue`: late tasks to forward (with the tasks falling due soon and a
summary sheet), and the issuing agency's internal list of its own late tasks (no letter to itself)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from nq57cli.core.fileio import atomic_write
from nq57cli.domain.deadline import format_date
from nq57cli.domain.status import status_label
from nq57cli.read.inputs import marker
from nq57cli.tasks.overdue import CATEGORY_LABELS, OverdueItem, OverdueReport, is_issuer
from nq57cli.tasks.overduetext import summary_line

if TYPE_CHECKING:
    from nq57cli.domain.config import ReportConfig

OVERDUE_SHEET = "Quá hạn"
DUE_SOON_SHEET = "Sắp đến hạn"
SUMMARY_SHEET = "Tổng hợp"
# (header, width, wrap); the title row is row 1, the header row 2.
XLSX_COLUMNS = [
    ("STT", 6, False), ("Nhóm", 10, False), ("Mã nhiệm vụ", 12, False), ("Nhiệm vụ", 60, True),
    ("Cơ quan chủ trì", 24, True), ("Thời hạn (như đã ghi)", 18, True), ("Hạn (ngày)", 12, False),
    ("Tình trạng", 18, True), ("Số ngày quá hạn", 10, False), ("Đơn vị chưa hoàn thành", 28, True),
    ("Đơn vị chưa báo cáo", 28, True), ("Ghi chú", 50, True),
]
DUE_SOON_COLUMNS = XLSX_COLUMNS[:8] + [("Số ngày còn lại", 10, False)] + XLSX_COLUMNS[9:]


def _xlsx_row(number: int, item: OverdueItem, days: int | None, lang: str) -> list[Any]:
    return [
        number, item.group, item.task_id, item.title, item.lead_text, item.deadline_text or None, item.deadline.due,
        status_label(item.status, lang), days, "; ".join(item.pending) or None, "; ".join(item.silent) or None,
        "\n".join(n.message(lang) for n in item.notes) or None,
    ]


def write_overdue_xlsx(report: OverdueReport, path: Path, lang: str = "vi") -> Path:
    """The list of late tasks to forward (one row per task, most days late first), written
    atomically; with a sheet of tasks falling due soon when `within` was given and a summary sheet."""
    from nq57cli.write.xlsxout import new_workbook, write_sheet

    day = format_date(report.as_of)
    overdue_rows = [_xlsx_row(n, i, i.days_late, lang) for n, i in enumerate(report.overdue, start=1)]
    soon_rows = [_xlsx_row(n, i, i.days_left, lang) for n, i in enumerate(report.due_soon, start=1)]
    summary_rows: list[list[Any]] = [["Tính đến ngày", report.as_of], ["Tổng số nhiệm vụ", report.summary.tasks],
                                     ["Số nhiệm vụ quá hạn", report.summary.overdue]]
    summary_rows += [[CATEGORY_LABELS[c]["vi"], n] for c, n in report.summary.categories.items()]
    summary_rows.append(["Tóm tắt", summary_line(report, lang)])

    def write(tmp: Path) -> None:
        workbook = new_workbook(tmp, len(overdue_rows) + len(soon_rows), "Danh sách nhiệm vụ quá hạn")
        write_sheet(workbook, OVERDUE_SHEET, XLSX_COLUMNS, overdue_rows,
                    title=f"DANH SÁCH NHIỆM VỤ QUÁ HẠN (tính đến ngày {day})")
        if report.within is not None:
            write_sheet(workbook, DUE_SOON_SHEET, DUE_SOON_COLUMNS, soon_rows,
                        title=f"NHIỆM VỤ ĐẾN HẠN TRONG {report.within} NGÀY TỚI (tính từ ngày {day})")
        write_sheet(workbook, SUMMARY_SHEET, [("Nội dung", 36, True), ("Giá trị", 100, True)], summary_rows,
                    title=f"PHÂN LOẠI NHIỆM VỤ (tính đến ngày {day})")
        workbook.close()

    return atomic_write(path, write)


INTERNAL_LIST_FILE = "viec-qua-han-cua-don-vi.xlsx"  # the issuing agency's own late tasks: no letter to itself
INTERNAL_SHEET = "Việc quá hạn của đơn vị"


def write_internal_list(report: OverdueReport, path: Path, config: ReportConfig, lang: str = "vi") -> Path:
    """The issuing agency's own late tasks as an internal list (one sheet), instead of a letter to itself."""
    from nq57cli.write.xlsxout import new_workbook, write_sheet

    items = [i for i in report.overdue if any(is_issuer(lead, config) for lead in i.leads)]
    rows = [_xlsx_row(n, i, i.days_late, lang) for n, i in enumerate(items, start=1)]
    title = (f"NHIỆM VỤ QUÁ HẠN DO {config.agency.name} CHỦ TRÌ — DANH SÁCH NỘI BỘ "
             f"(tính đến ngày {format_date(report.as_of)})")

    def write(tmp: Path) -> None:
        workbook = new_workbook(tmp, len(rows), "Danh sách nhiệm vụ quá hạn nội bộ", keywords=marker("letter"))
        write_sheet(workbook, INTERNAL_SHEET, XLSX_COLUMNS, rows, title=title)
        workbook.close()

    return atomic_write(path, write)
