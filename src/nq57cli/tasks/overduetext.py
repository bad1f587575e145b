"""The overdue report told to people: the one-line summary (terminal, XLSX, JSON) and the table the CLI
prints, in Vietnamese or English."""

from __future__ import annotations

from nq57cli.domain.deadline import format_date
from nq57cli.domain.models import Model
from nq57cli.domain.status import status_label
from nq57cli.tasks.overdue import UNDATED_CATEGORIES, UNKNOWN_GROUP, OverdueItem, OverdueReport, days_late_text


def summary_line(report: OverdueReport, lang: str = "vi") -> str:
    """One line: the as-of date, how many tasks are late and how the rest are classed."""
    s, c = report.summary, report.summary.categories
    day = format_date(report.as_of)
    undated = sum(c[k] for k in UNDATED_CATEGORIES)
    overdue_no_report = sum(1 for i in report.items if i.overdue and i.category == "no_report")
    persistent = sum(1 for i in report.items if i.persistent)
    if lang == "en":
        text = (f"As of {day}: {s.overdue}/{s.tasks} tasks overdue (in progress {c['in_progress_late']}, "
                f"not started {c['not_started_late']}, no report {overdue_no_report}); "
                f"completed on time {c['completed_on_time']}, completed late {c['completed_late']}; "
                f"in progress on time {c['in_progress_on_time']}, not due yet {c['not_due_yet']}; "
                f"no report in all {c['no_report']}; no dated deadline {undated} (never overdue)")
        if c["deadline_unclear"]:
            text += f"; {c['deadline_unclear']} with a deadline to check (day/month, never overdue)"
        if persistent:
            text += f"; {persistent} persistently late (two or more periods in a row)"
        if s.due_soon is not None:
            text += f"; {s.due_soon} falling due within {report.within} days"
        return text + "."
    text = (f"Tính đến ngày {day}: {s.overdue}/{s.tasks} nhiệm vụ quá hạn (đang thực hiện {c['in_progress_late']}, "
            f"chưa thực hiện {c['not_started_late']}, chưa có báo cáo {overdue_no_report}); "
            f"hoàn thành đúng hạn {c['completed_on_time']}, hoàn thành quá hạn {c['completed_late']}; "
            f"đang thực hiện trong hạn {c['in_progress_on_time']}, chưa đến hạn {c['not_due_yet']}; "
            f"tổng số chưa có báo cáo {c['no_report']}; không có thời hạn cụ thể {undated} (không tính quá hạn)")
    if c["deadline_unclear"]:
        text += f"; {c['deadline_unclear']} nhiệm vụ có thời hạn cần xác minh (ngày/tháng, không tính quá hạn)"
    if persistent:
        text += f"; {persistent} nhiệm vụ quá hạn kéo dài (từ hai kỳ liên tiếp trở lên)"
    if s.due_soon is not None:
        text += f"; {s.due_soon} nhiệm vụ đến hạn trong {report.within} ngày tới"
    return text + "."


TABLE_COLUMNS: dict[str, list[str]] = {
    "vi": ["Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Tình trạng", "Quá hạn (ngày)", "Đơn vị chưa hoàn thành"],
    "en": ["ID", "Task", "Lead agency", "Deadline", "Status", "Days late", "Not completed by"],
}


class TableSection(Model):
    """One group of the terminal table: its title and its rows of text cells."""

    key: str
    title: str
    rows: list[list[str]]


class TerminalTable(Model):
    """What the CLI prints: column headers, one section per group, and the summary line."""

    columns: list[str]
    sections: list[TableSection]
    summary: str


def _row(item: OverdueItem, lang: str) -> list[str]:
    if item.overdue:
        days = days_late_text(item, lang)
    else:
        days = f"còn {item.days_left}" if lang == "vi" else f"{item.days_left} left"
    return [item.task_id, item.title, item.lead_text or UNKNOWN_GROUP, item.deadline_text,
            status_label(item.status, lang), days, ", ".join(item.pending)]


def terminal_table(report: OverdueReport, lang: str = "vi") -> TerminalTable:
    """Rows ready for a rich table: per group, overdue tasks (most days late first, then task
    order) then the tasks falling due soon; with the summary line."""
    by_id = {i.task_id: i for i in report.items}
    sections = [
        TableSection(key=g.key, title=g.title, rows=[_row(by_id[t], lang) for t in g.overdue + g.due_soon])
        for g in report.groups
    ]
    return TerminalTable(columns=TABLE_COLUMNS["en" if lang == "en" else "vi"], sections=sections,
                         summary=summary_line(report, lang))


