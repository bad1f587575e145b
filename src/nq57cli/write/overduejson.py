"""The JSON of `nq57 overdue --json`: an overdue report (tasks/overdue.py) as documented plain data."""

from __future__ import annotations

from typing import Any

from nq57cli.domain.status import status_label
from nq57cli.tasks.overdue import CATEGORY_LABELS, OverdueItem, OverdueReport
from nq57cli.tasks.overduetext import summary_line
from nq57cli.write.jsonout import deadline_to_dict, iso_date



def item_to_dict(item: OverdueItem, lang: str = "vi") -> dict[str, Any]:
    return {
        "task_id": item.task_id,
        "order": item.order,
        "group": item.group,
        "stt": item.stt,
        "title": item.title,
        "deadline": deadline_to_dict(item.deadline),
        "lead": item.lead,
        "leads": item.leads,
        "lead_agencies": item.lead_agencies,
        "partners": item.partners,
        "status": item.status,
        "status_label": status_label(item.status, lang),
        "completed_on": iso_date(item.completed_on),
        "category": item.category,
        "category_label": CATEGORY_LABELS[item.category]["en" if lang == "en" else "vi"],
        "overdue": item.overdue,
        "days_late": item.days_late,
        "days_left": item.days_left,
        "due_soon": item.due_soon,
        "pending": item.pending,
        "silent": item.silent,
        "reports": [
            {"agency": r.agency, "status": r.status, "completed_on": iso_date(r.completed_on), "category": r.category}
            for r in item.reports
        ],
        "notes": [{"code": n.code, "message": n.message(lang)} for n in item.notes],
        "late_periods": item.late_periods,
        "late_since": item.late_since,
    }


def to_json_dict(report: OverdueReport, lang: str = "vi") -> dict[str, Any]:
    """The documented JSON of `nq57 overdue --json`:

    {"as_of": "2025-09-30", "within": null | N, "by": "lead" | "agency" | "group",
     "summary": {"tasks", "overdue", "due_soon" (null without within), "categories": {class: n}},
     "summary_text": one line in `lang`,
     "overdue": [task IDs, most days late first], "due_soon": [task IDs, soonest first],
     "groups": [{"key", "title", "overdue": [IDs], "due_soon": [IDs]}],
     "tasks": [every task in catalog order: {"task_id", "order", "group", "stt", "title",
               "deadline": {"kind", "due", "raw", "note"}, "lead", "leads", "lead_agencies", "partners", "status",
               "status_label", "completed_on", "category", "category_label", "overdue", "days_late",
               "days_left", "due_soon", "pending", "silent",
               "reports": [{"agency", "status", "completed_on", "category"}],
               "notes": [{"code", "message"}],
               "late_periods": periods in a row overdue (with --previous; 0 without), "late_since": the first}]}
    Dates are ISO 8601 strings.
    """
    return {
        "as_of": report.as_of.isoformat(),
        "within": report.within,
        "by": report.by,
        "summary": report.summary.model_dump(mode="json"),
        "summary_text": summary_line(report, lang),
        "overdue": [i.task_id for i in report.overdue],
        "due_soon": [i.task_id for i in report.due_soon],
        "groups": [g.model_dump(mode="json") for g in report.groups],
        "tasks": [item_to_dict(i, lang) for i in report.items],
    }
