"""The overdue report told to people: the one-line summary (terminal, XLSX, JSON) and the table the CLI
prints, in Vietnamese or English."""

from __future__ import annotations

from nq57cli.domain.deadline import format_date
from nq57cli.domain.format import count_text
from nq57cli.domain.models import Model
from nq57cli.domain.status import status_label
from nq57cli.tasks.overdue import UNDATED_CATEGORIES, UNKNOWN_GROUP, OverdueItem, OverdueReport, days_late_text


# The summary line: the sentence, then each clause whose count is given (None: left out), as (vi, en).
SUMMARY_TEXTS: dict[str, tuple[str, str]] = {
    "sentence": (
        "Tính đến ngày {day}: {overdue}/{tasks} nhiệm vụ quá hạn (đang thực hiện {in_progress_late}, "
        "chưa thực hiện {not_started_late}, chưa có báo cáo {overdue_no_report}); "
        "hoàn thành đúng hạn {completed_on_time}, hoàn thành quá hạn {completed_late}; "
        "đang thực hiện trong hạn {in_progress_on_time}, chưa đến hạn {not_due_yet}; "
        "tổng số chưa có báo cáo {no_report}; không có thời hạn cụ thể {undated} (không tính quá hạn)",
        "As of {day}: {overdue}/{tasks} tasks overdue (in progress {in_progress_late}, "
        "not started {not_started_late}, no report {overdue_no_report}); "
        "completed on time {completed_on_time}, completed late {completed_late}; "
        "in progress on time {in_progress_on_time}, not due yet {not_due_yet}; "
        "no report in all {no_report}; no dated deadline {undated} (never overdue)",
    ),
    "deadline_unclear": ("{count} nhiệm vụ có thời hạn cần xác minh (ngày/tháng, không tính quá hạn)",
                         "{count} with a deadline to check (day/month, never overdue)"),
    "persistent": ("{count} nhiệm vụ quá hạn kéo dài (từ hai kỳ liên tiếp trở lên)",
                   "{count} persistently late (two or more periods in a row)"),
    "due_soon": ("{count} nhiệm vụ đến hạn trong {within} ngày tới", "{count} falling due within {within} days"),
}


def summary_line(report: OverdueReport, lang: str = "vi") -> str:
    """One line: the as-of date, how many tasks are late and how the rest are classed."""
    s, c = report.summary, report.summary.categories
    index = 1 if lang == "en" else 0
    values = {**c, "day": format_date(report.as_of), "overdue": s.overdue, "tasks": s.tasks,
              "undated": sum(c[k] for k in UNDATED_CATEGORIES),
              "overdue_no_report": sum(1 for i in report.items if i.overdue and i.category == "no_report")}
    clauses = {"deadline_unclear": c["deadline_unclear"] or None,
               "persistent": sum(1 for i in report.items if i.persistent) or None,
               "due_soon": s.due_soon}  # said even when none fall due: the reader asked with --within
    counts = {key: count_text(value, lang) if isinstance(value, int) else value for key, value in values.items()}
    parts = [SUMMARY_TEXTS["sentence"][index].format(**counts)]
    parts += [SUMMARY_TEXTS[key][index].format(count=count_text(count, lang), within=report.within)
              for key, count in clauses.items() if count is not None]
    return "; ".join(parts) + "."


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


