"""The `previous` variable of the templates (`render --previous`): this period's figures against the last
period's ("so với kỳ trước"), the tasks completed in this period, and each period's status counts for the
trend chart (oldest first, this period last)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from nq57cli.domain.format import text
from nq57cli.domain.models import MergeResult
from nq57cli.domain.status import DISPLAY_ORDER
from nq57cli.tasks.overdue import is_overdue

if TYPE_CHECKING:  # imported when there are earlier periods: a render without them need not load it
    from nq57cli.tasks.periods import PeriodRecord

MAX_PERIODS = 8  # the trend chart's bars: up to 7 earlier periods and this one
MINUS = "\u2212"  # "−2": the minus sign of printed figures, not a hyphen


def signed(change: int) -> str:
    """"+2", "−1", "không đổi" (unchanged)."""
    return f"+{change}" if change > 0 else (f"{MINUS}{-change}" if change < 0 else "không đổi")


def _figures(record: PeriodRecord, as_of: dt.date | None) -> dict[str, Any]:
    """A period's status counts and its overdue tasks as of `as_of` (None: not counted)."""
    counts = dict.fromkeys(DISPLAY_ORDER, 0)
    for task in record.tasks:
        counts[task.status] = counts.get(task.status, 0) + 1
    overdue = sum(1 for t in record.tasks if is_overdue(t, as_of)) if as_of else None
    return {"label": text(record.period or record.file), "short": text(record.period or record.file),
            "total": len(record.tasks), "completed": counts["completed"], "overdue": overdue, "by_status": counts}


def previous_context(result: MergeResult, previous: list[PeriodRecord] | None, as_of: dt.date | None,
                     current_file: str = "") -> dict[str, Any] | None:
    """The `previous` variable (templates/README.md); None without earlier periods. Earlier periods'
    overdue tasks are counted as of each one's last day (the period merge recorded)."""
    if not previous:
        return None
    from nq57cli.tasks.periods import compare, record_of

    current = record_of(result, current_file)
    last = previous[-1]
    now, before = _figures(current, as_of), _figures(last, last.end)
    periods = [_figures(p, p.end) for p in previous[-(MAX_PERIODS - 1):]] + [now]
    diff = compare(last, current)
    overdue_change = now["overdue"] - before["overdue"] if now["overdue"] is not None and before["overdue"] is not None \
        else None
    return {
        "period": before["label"],
        "current_period": now["label"],
        "completed_before": before["completed"],
        "completed_change": now["completed"] - before["completed"],
        "completed_change_text": signed(now["completed"] - before["completed"]),
        "overdue_before": before["overdue"],
        "overdue_change": overdue_change,
        "overdue_change_text": signed(overdue_change) if overdue_change is not None else "",
        "newly_completed": [{"id": text(c.task_id), "title": text(c.title), "lead": text(c.lead)}
                            for c in diff.of_kind("completed")],
        "regressions": [{"id": text(c.task_id), "title": text(c.title), "lead": text(c.lead)}
                        for c in diff.of_kind("regression")],
        "periods": periods,
    }
