"""`classify`: every task of a merge result classed as of a date (the rules: overdue.py), with the notes
the reader should check, the late and due-soon tasks grouped by lead agency, reporting agency or task
group, and the counts per class."""

from __future__ import annotations

from datetime import date

from nq57cli.domain.agency import agency_key, split_agencies
from nq57cli.domain.deadline import format_date
from nq57cli.errors import UsageError
from nq57cli.domain.models import Deadline, MergeResult, Task
from nq57cli.domain.registry import Registry, as_registry
from nq57cli.core.text import natural_key, one_line
from nq57cli.tasks.overdue import (CATEGORIES, CATEGORY_LABELS, GROUP_BY, LATE_CATEGORIES, NO_REPORT_GROUP,
                                   UNKNOWN_GROUP, AgencyReport, ItemGroup, Note, OverdueItem, OverdueReport, Summary,
                                   categorize, dated_deadline, late_order, note, soon_order, uncertain_deadline)


def _pending(task: Task) -> list[str]:
    """Reporting agencies whose own report is not completed (not-applicable reports excluded)."""
    names: dict[str, None] = {}
    for report in task.reports:
        if report.status not in ("completed", "not_applicable"):
            names.setdefault(report.agency, None)
    return list(names)


def _day_month_note(task: Task, status: str, as_of: date) -> Note | None:
    """For a deadline written like '10-01-2025' (day and month could be swapped): how the task
    would be classed under the other reading. The day-first reading stays the one used."""
    deadline = task.deadline
    other = uncertain_deadline(task)
    if other is None:
        return None
    category = categorize(status, Deadline(kind="date", due=other), task.completed_on, as_of)
    late = (as_of - other).days if status != "completed" and other < as_of else 0
    labels = CATEGORY_LABELS[category]
    return note("deadline.day_month", raw=one_line(deadline.raw) or deadline.raw,
                 day_first=format_date(deadline.due), month_first=format_date(other),
                 alt_vi=f"thuộc loại \"{labels['vi']}\"" + (f", quá hạn {late} ngày" if late else ""),
                 alt_en=f"classed \"{labels['en']}\"" + (f", {late} days late" if late else ""))


def _notes(task: Task, status: str, pending: list[str], as_of: date) -> list[Note]:
    """What the reader should check: a day/month slip, a lead that finished while partners did not,
    a completion without a date."""
    notes: list[Note] = []
    swapped = _day_month_note(task, status, as_of)
    if swapped:
        notes.append(swapped)
    if status not in ("completed", "no_report") and pending:
        for lead in split_agencies(task.lead):
            done = next((r for r in task.reports if r.agency == lead and r.status == "completed"), None)
            if done:
                on = format_date(done.completed_on)
                notes.append(note("lead.completed", agency=lead, on_vi=f" ngày {on}" if on else "",
                                   on_en=f" on {on}" if on else "", pending=", ".join(pending)))
    if status == "completed" and task.completed_on is None and dated_deadline(task.deadline):
        notes.append(note("completed.no_date"))
    return notes


def classify_task(task: Task, as_of: date, within: int | None = None, group_title: str | None = None,
                  registry: Registry | None = None) -> OverdueItem:
    """One task as of a date (the rules: the docstring of overdue.py); its leads named as `registry` names them."""
    deadline = task.deadline
    status = task.status
    category = categorize(status, deadline, task.completed_on, as_of)
    due = deadline.due if dated_deadline(deadline) else None
    completed = status == "completed"
    unclear = not completed and uncertain_deadline(task) is not None
    if unclear and category in LATE_CATEGORIES + ("in_progress_on_time", "not_due_yet"):
        category = "deadline_unclear"
    overdue = due is not None and due < as_of and not completed and not unclear
    days_late: int | None = None
    if overdue and due is not None:
        days_late = (as_of - due).days
    elif category == "completed_late" and due is not None and task.completed_on is not None:
        days_late = (task.completed_on - due).days
    days_left = (due - as_of).days if due is not None and not completed and not unclear and due >= as_of else None
    due_soon = within is not None and days_left is not None and days_left <= within
    pending = _pending(task)
    reports = [
        AgencyReport(
            agency=r.agency, status=r.status, completed_on=r.completed_on,
            category=None if r.status in (None, "not_applicable") else categorize(r.status, deadline, r.completed_on,
                                                                                   as_of),
        )
        for r in task.reports
    ]
    leads, named = split_agencies(task.lead), dict[str, str]()
    for name in leads:  # as the groups of --by lead and the letters name them; "SKHCN" and "Sở KH&CN" once
        snapped = registry.snap(name) if registry else name
        named.setdefault(agency_key(snapped), snapped)
    return OverdueItem(
        task_id=task.task_id, order=task.order, group=task.group, group_title=group_title, stt=task.stt,
        title=task.title, deadline=deadline, lead=task.lead, leads=leads, lead_agencies=list(named.values()),
        partners=list(task.partners), status=status, completed_on=task.completed_on, category=category,
        overdue=overdue, days_late=days_late, days_left=days_left, due_soon=due_soon, pending=pending,
        silent=list(task.silent), reports=reports, notes=_notes(task, status, pending, as_of),
    )


def _group_keys(item: OverdueItem, by: str) -> list[tuple[str, str]]:
    """(key, title) of the groups an item is listed under."""
    if by == "lead":
        return [(name, name) for name in item.lead_agencies] or [(UNKNOWN_GROUP, UNKNOWN_GROUP)]
    if by == "agency":
        if item.pending:
            return [(name, name) for name in item.pending]
        return [(NO_REPORT_GROUP, NO_REPORT_GROUP)] if item.status == "no_report" else [(UNKNOWN_GROUP, UNKNOWN_GROUP)]
    if item.group:
        return [(item.group, item.group_title or item.group)]
    return [(UNKNOWN_GROUP, UNKNOWN_GROUP)]


def _check_by(by: str) -> None:
    if by not in GROUP_BY:
        raise UsageError(f"--by phải là lead, agency hoặc group, không phải \"{by}\".",
                         f"--by must be lead, agency or group, not \"{by}\".")


def group_items(items: list[OverdueItem], by: str, group_order: dict[str, int] | None = None) -> list[ItemGroup]:
    """The overdue and due-soon items under each lead agency, reporting agency or task group.

    Task groups keep their order; agencies come by number of overdue tasks, then most days late,
    then name; the "(chưa ...)" buckets come last.
    """
    _check_by(by)
    groups: dict[str, ItemGroup] = {}  # agencies by agency_key: "Sở Nội vụ" and "SỞ NỘI VỤ" are one group
    for item in sorted((i for i in items if i.overdue), key=late_order):
        for key, title in _group_keys(item, by):
            index = key if by == "group" else agency_key(key)
            groups.setdefault(index, ItemGroup(key=key, title=title)).overdue.append(item.task_id)
    for item in sorted((i for i in items if i.due_soon), key=soon_order):
        for key, title in _group_keys(item, by):
            index = key if by == "group" else agency_key(key)
            groups.setdefault(index, ItemGroup(key=key, title=title)).due_soon.append(item.task_id)
    late = {i.task_id: i.days_late or 0 for i in items}
    order = group_order or {}

    def rank(group: ItemGroup) -> tuple:
        bucket = group.key in (UNKNOWN_GROUP, NO_REPORT_GROUP)
        if by == "group":
            return (bucket, order.get(group.key, len(order)), natural_key(group.key))
        most = max((late[t] for t in group.overdue), default=0)
        return (bucket, -len(group.overdue), -most, -len(group.due_soon), natural_key(group.key))

    return sorted(groups.values(), key=rank)


def classify(result: MergeResult, as_of: date, within: int | None = None, by: str = "lead") -> OverdueReport:
    """Every task of a merge result classed as of `as_of`; `within` N also lists the tasks not
    completed that fall due in [as_of, as_of + N]; the listed tasks are grouped `by` lead agency
    (default), reporting agency (who said "in progress") or task group. Lead agencies are named through the
    registry of the merge's expected agencies, as the reporting agencies were when their files were read."""
    if within is not None and within < 0:
        raise UsageError(f"--within phải là số ngày không âm, không phải {within}.",
                         f"--within must be a number of days ≥ 0, not {within}.")
    _check_by(by)
    titles = {g.key: g.title for g in result.groups}
    tasks = sorted(result.tasks, key=lambda t: t.order)
    roster = as_registry(result.expected_agencies)
    items = [classify_task(t, as_of, within, titles.get(t.group or ""), roster) for t in tasks]
    counts = {c: 0 for c in CATEGORIES}
    for item in items:
        counts[item.category] += 1
    summary = Summary(
        tasks=len(items), overdue=sum(1 for i in items if i.overdue),
        due_soon=None if within is None else sum(1 for i in items if i.due_soon), categories=counts,
    )
    group_order = {g.key: g.order for g in result.groups}
    return OverdueReport(as_of=as_of, within=within, by=by, items=items,  # type: ignore[arg-type]
                         groups=group_items(items, by, group_order), summary=summary)


