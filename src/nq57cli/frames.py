"""pandas DataFrames of results, for notebooks (`result.tasks_frame()` and the like call these).

pandas is imported here only, when a frame is asked for: never on the command-line path. Columns are
the models' fields (nested models flattened to a few columns); dates stay dates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nq57cli.errors import Nq57Error

if TYPE_CHECKING:
    import pandas

    from nq57cli.domain.models import MergeResult
    from nq57cli.indicators.models import IndicatorResult
    from nq57cli.tasks.overdue import OverdueReport


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pandas.DataFrame:
    try:
        import pandas
    except ImportError:  # pandas is the optional extra [analysis]: the command line never needs it
        raise Nq57Error("Cần pandas để lấy bảng DataFrame: pip install 'nq57cli[analysis]'",
                        "DataFrames need pandas: pip install 'nq57cli[analysis]'") from None
    return pandas.DataFrame(rows, columns=columns)


TASK_COLUMNS = ["task_id", "order", "group", "stt", "title", "document", "deadline_kind", "deadline_due",
                "deadline_raw", "lead", "partners", "expected_output", "status", "result", "completed_on",
                "difficulties", "proposals", "note", "agencies", "silent"]


def tasks_frame(result: MergeResult) -> pandas.DataFrame:
    """One row per consolidated task."""
    rows = []
    for task in result.tasks:
        rows.append({
            "task_id": task.task_id, "order": task.order, "group": task.group, "stt": task.stt,
            "title": task.title, "document": task.document.raw if task.document else None,
            "deadline_kind": task.deadline.kind, "deadline_due": task.deadline.due, "deadline_raw": task.deadline.raw,
            "lead": task.lead, "partners": "; ".join(task.partners), "expected_output": task.expected_output,
            "status": task.status, "result": task.result, "completed_on": task.completed_on,
            "difficulties": task.difficulties, "proposals": task.proposals, "note": task.note,
            "agencies": "; ".join(task.agencies), "silent": "; ".join(task.silent),
        })
    return _frame(rows, TASK_COLUMNS)


REPORT_COLUMNS = ["agency", "file", "sheet", "row", "task_id", "matched_id", "match_method", "match_score", "stt",
                  "group", "title", "document", "deadline_kind", "deadline_due", "deadline_raw", "status",
                  "status_raw", "result", "completed_on", "difficulties", "proposals", "note", "unmatched"]


def reports_frame(result: MergeResult) -> pandas.DataFrame:
    """One row per agency report (a row of a submission), matched ones then the unmatched ones."""
    rows = []
    pairs = [(r, False) for task in result.tasks for r in task.reports] + [(r, True) for r in result.unmatched]
    for report, unmatched in pairs:
        row = {name: getattr(report, name) for name in REPORT_COLUMNS
               if name not in ("document", "deadline_kind", "deadline_due", "deadline_raw", "unmatched")}
        deadline = report.deadline
        row.update(document=report.document.raw if report.document else None,
                   deadline_kind=deadline.kind if deadline else None, deadline_due=deadline.due if deadline else None,
                   deadline_raw=deadline.raw if deadline else None, unmatched=unmatched)
        rows.append(row)
    return _frame(rows, REPORT_COLUMNS)


FINDING_COLUMNS = ["severity", "code", "file", "sheet", "cell", "column", "value", "message"]


def findings_frame(result: Any, lang: str = "vi") -> pandas.DataFrame:
    """One row per finding of a result (anything with `findings`), its message in `lang`."""
    return _frame([finding.to_dict(lang) for finding in result.findings], FINDING_COLUMNS)


ITEM_COLUMNS = ["task_id", "order", "group", "stt", "title", "deadline", "deadline_due", "lead", "status",
                "completed_on", "category", "overdue", "days_late", "days_left", "due_soon", "pending", "silent"]


def items_frame(report: OverdueReport) -> pandas.DataFrame:
    """One row per task of an overdue report, with its class and days late or left."""
    rows = []
    for item in report.items:
        rows.append({
            "task_id": item.task_id, "order": item.order, "group": item.group, "stt": item.stt, "title": item.title,
            "deadline": item.deadline_text, "deadline_due": item.deadline.due, "lead": item.lead,
            "status": item.status, "completed_on": item.completed_on, "category": item.category,
            "overdue": item.overdue, "days_late": item.days_late, "days_left": item.days_left,
            "due_soon": item.due_soon, "pending": "; ".join(item.pending), "silent": "; ".join(item.silent),
        })
    return _frame(rows, ITEM_COLUMNS)


INDICATOR_COLUMNS = ["code", "parent", "level", "order", "name", "unit", "target", "monitor", "group", "heading",
                     "milestone", "status", "value", "agency", "source", "gap", "direction", "reason", "conflict"]


def indicators_frame(result: IndicatorResult) -> pandas.DataFrame:
    """One row per indicator, with its target and assessment at the result's milestone."""
    rows = []
    for ind in result.indicators:
        target = ind.targets.get(result.milestone)
        a = ind.assessment
        rows.append({
            "code": ind.code, "parent": ind.parent, "level": ind.level, "order": ind.order, "name": ind.name,
            "unit": ind.unit, "target": target.raw if target else None, "monitor": ind.monitor, "group": ind.group,
            "heading": ind.is_heading, "milestone": result.milestone, "status": a.status if a else None,
            "value": a.value.raw if a and a.value else None, "agency": a.agency if a else None,
            "source": a.source if a else None, "gap": a.gap if a else None, "direction": a.direction if a else None,
            "reason": a.reason if a else None, "conflict": a.conflict if a else None,
        })
    return _frame(rows, INDICATOR_COLUMNS)


VALUE_COLUMNS = ["indicator", "agency", "file", "sheet", "row", "cell", "raw", "number", "unit", "code", "name",
                 "note", "match_method", "match_score"]


def values_frame(result: IndicatorResult) -> pandas.DataFrame:
    """One row per value an agency reported, matched ones (indicator set) then the unmatched ones."""
    rows = []
    pairs = [(ind.code, v) for ind in result.indicators for v in ind.values] + [(None, v) for v in result.unmatched]
    for code, value in pairs:
        rows.append({
            "indicator": code, "agency": value.agency, "file": value.file, "sheet": value.sheet, "row": value.row,
            "cell": value.cell, "raw": value.raw, "number": value.value.number, "unit": value.unit,
            "code": value.code, "name": value.name, "note": value.note, "match_method": value.match_method,
            "match_score": value.match_score,
        })
    return _frame(rows, VALUE_COLUMNS)
