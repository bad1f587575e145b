"""Which tasks are late as of a date, whose they are, and how the national monitoring system
classes every task (`nq57 overdue`): the rules and the text for people; the files are written by
write/overduebook.py (XLSX), write/overduejson.py (JSON) and render/overdue.py (DOCX).

Classes (`category`), decided in this order:

1. ``no_report`` — nobody reported on the task. Said as such, never counted completed. When its
   deadline has a date that has passed it is also *overdue* (``overdue`` true, days late counted,
   listed and chased like any late task): the lead agency owes both the work and the report.
2. ``recurring`` / ``conditional`` / ``no_deadline`` — the deadline has no date ("Thường xuyên",
   "Sau khi Trung ương ban hành", an agency name only). Counted apart, never overdue.
3. ``completed_on_time`` / ``completed_late`` — combined status completed; late when the
   completion date is after the deadline (a completed task without a completion date counts as
   on time, with a note: nothing shows it was late). Never overdue.
4. Not completed, deadline on or after the as-of date (a task is late from the day AFTER its
   deadline): ``in_progress_on_time`` when in progress, else ``not_due_yet``.
5. Not completed, deadline before the as-of date: ``in_progress_late`` when in progress, else
   ``not_started_late`` — this includes *waiting* (every agency waits for central guidance) and
   *not applicable* (every agency said the task is not theirs): the monitoring system has no
   "waiting" class and nothing has been done, so the task is late and stays on the list; the
   status column still says "Chờ hướng dẫn" so the office can take it up with the centre. *unknown*
   (an agency reported but its status cannot be read) is classed the same way: nothing shows it done.

A task is overdue when its deadline has a date, that date is before the as-of date and its
combined status is not completed; days late = as_of − due. For a task completed late, days
late = completion date − due. Dates written day-or-month-first ("10-01-2025") are read day first,
as merge does, and the task carries a note saying how the other reading would class it.

Grouping (`by`): "lead" — each lead agency of the task ("A; B" counts for both), named as the
agency registry names it ("SKHCN", "Sở KH&CN" are one agency; as written when unresolved), "(chưa xác
định)" without one; "agency" — the reporting agencies whose own report is not completed (not
"completed", not "not applicable"), "(chưa có báo cáo)" when nobody reported; "group" — the task
group, in catalog order.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from nq57cli.domain.agency import agency_key, split_agencies
from nq57cli.domain.deadline import format_date, parse_deadline
from nq57cli.errors import UsageError
from nq57cli.domain.models import CombinedStatus, Deadline, MergeResult, Model, Status, Task
from nq57cli.domain.registry import Registry, as_registry
from nq57cli.domain.status import status_label
from nq57cli.core.text import natural_key, one_line

if TYPE_CHECKING:
    from nq57cli.domain.config import ReportConfig

Category = Literal[
    "completed_on_time", "completed_late", "in_progress_on_time", "in_progress_late", "not_started_late",
    "not_due_yet", "no_report", "recurring", "conditional", "no_deadline", "deadline_unclear",
]
GroupBy = Literal["lead", "agency", "group"]

GROUP_BY: tuple[str, ...] = ("lead", "agency", "group")
UNKNOWN_GROUP = "(chưa xác định)"
NO_REPORT_GROUP = "(chưa có báo cáo)"

CATEGORY_LABELS: dict[str, dict[str, str]] = {
    "completed_on_time": {"vi": "Hoàn thành đúng hạn", "en": "Completed on time"},
    "completed_late": {"vi": "Hoàn thành quá hạn", "en": "Completed late"},
    "in_progress_on_time": {"vi": "Đang thực hiện trong hạn", "en": "In progress, on time"},
    "in_progress_late": {"vi": "Đang thực hiện quá hạn", "en": "In progress, late"},
    "not_started_late": {"vi": "Chưa thực hiện, quá hạn", "en": "Not started, late"},
    "not_due_yet": {"vi": "Chưa đến hạn", "en": "Not due yet"},
    "no_report": {"vi": "Chưa có báo cáo", "en": "No report"},
    "recurring": {"vi": "Thường xuyên, định kỳ", "en": "Recurring"},
    "conditional": {"vi": "Có điều kiện, chưa có ngày", "en": "Conditional, no date"},
    "no_deadline": {"vi": "Không có thời hạn cụ thể", "en": "No dated deadline"},
    "deadline_unclear": {"vi": "Thời hạn cần xác minh (ngày/tháng)", "en": "Deadline to check (day/month)"},
}
CATEGORIES: tuple[str, ...] = tuple(CATEGORY_LABELS)
LATE_CATEGORIES = ("in_progress_late", "not_started_late")
UNDATED_CATEGORIES = ("recurring", "conditional", "no_deadline")

# Item notes: code → (vi, en) templates.
NOTE_TEXTS: dict[str, tuple[str, str]] = {
    "deadline.day_month": (
        "Thời hạn \"{raw}\" được hiểu là {day_first} (ngày trước tháng); nếu thực ra là {month_first} "
        "thì nhiệm vụ {alt_vi}. Đề nghị kiểm tra lại danh mục.",
        "Deadline \"{raw}\" is read as {day_first} (day first); if it means {month_first} the task is "
        "{alt_en}. Please check the catalog.",
    ),
    "lead.completed": (
        "Cơ quan chủ trì {agency} báo cáo đã hoàn thành{on_vi}; đơn vị chưa hoàn thành: {pending}.",
        "The lead agency {agency} reported it completed{on_en}; not completed by: {pending}.",
    ),
    "overdue.persistent": (
        "Quá hạn kéo dài: quá hạn {count} kỳ báo cáo liên tiếp (từ {since}).",
        "Persistently late: overdue {count} reporting periods in a row (since {since}).",
    ),
    "completed.no_date": (
        "Báo cáo đã hoàn thành nhưng không ghi ngày hoàn thành thực tế; được tính là đúng hạn.",
        "Reported completed without a completion date; counted as on time.",
    ),
}


class Note(Model):
    """Something the reader of the list should check about one task, in both languages."""

    code: str
    vi: str
    en: str

    def message(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi


class AgencyReport(Model):
    """One agency's own report on a task, classed like the task (None when the agency said 'not
    applicable' or its status could not be read)."""

    agency: str
    status: Status | None = None
    completed_on: date | None = None
    category: Category | None = None


class OverdueItem(Model):
    """One task as of the date: its class, whether it is overdue, days late, who still owes it."""

    task_id: str
    order: int
    group: str | None = None
    group_title: str | None = None
    stt: str | None = None
    title: str
    deadline: Deadline
    lead: str | None = None
    leads: list[str] = Field(default_factory=list)
    lead_agencies: list[str] = Field(default_factory=list)  # the leads as the registry names them (see classify)
    partners: list[str] = Field(default_factory=list)
    status: CombinedStatus
    completed_on: date | None = None
    category: Category
    overdue: bool = False
    days_late: int | None = None  # overdue: as_of − due; completed late: completed_on − due
    days_left: int | None = None  # not completed and not yet late: due − as_of
    due_soon: bool = False  # not completed, due in [as_of, as_of + within]
    pending: list[str] = Field(default_factory=list)  # reporting agencies whose own report is not completed
    silent: list[str] = Field(default_factory=list)  # expected agencies that did not report
    reports: list[AgencyReport] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    late_periods: int = 0  # with `--previous`: overdue in this many periods in a row, this one included
    late_since: str | None = None  # the first period of that run ("Quý II/2025")

    @property
    def persistent(self) -> bool:
        """Late in two or more periods in a row: "quá hạn kéo dài" (tasks/periods.mark_persistent)."""
        return self.late_periods >= 2

    @property
    def lead_text(self) -> str | None:
        """The lead as the groups of `--by lead` name it: as written, unless the registry renamed an agency in it."""
        return self.lead if self.lead_agencies == self.leads else "; ".join(self.lead_agencies)

    @property
    def deadline_text(self) -> str:
        """The deadline as written, else as a date."""
        return self.deadline.raw or format_date(self.deadline.due)


class ItemGroup(Model):
    """The listed tasks of one lead agency, reporting agency or task group, in row order."""

    key: str
    title: str
    overdue: list[str] = Field(default_factory=list)  # task IDs, days late desc then task order
    due_soon: list[str] = Field(default_factory=list)  # task IDs, due date asc then task order


class Summary(Model):
    """Counts per class, with every class present (zeros included)."""

    tasks: int
    overdue: int
    due_soon: int | None = None
    categories: dict[str, int]


class OverdueReport(Model):
    """What `classify` returns: every task classed as of `as_of`, the late ones grouped `by`."""

    as_of: date
    within: int | None = None
    by: GroupBy = "lead"
    items: list[OverdueItem]
    groups: list[ItemGroup]
    summary: Summary

    @property
    def overdue(self) -> list[OverdueItem]:
        """The overdue tasks, most days late first, then in task order."""
        return sorted((i for i in self.items if i.overdue), key=_late_order)

    @property
    def due_soon(self) -> list[OverdueItem]:
        """The tasks falling due within `within` days, soonest first, then in task order."""
        return sorted((i for i in self.items if i.due_soon), key=_soon_order)

    def item(self, task_id: str) -> OverdueItem:
        return next(i for i in self.items if i.task_id == task_id)

    def items_frame(self) -> Any:
        """The classed tasks as a pandas DataFrame (nq57cli.frames; needs the [analysis] extra)."""
        from nq57cli.frames import items_frame

        return items_frame(self)


def _late_order(item: OverdueItem) -> tuple[int, int]:
    return (-(item.days_late or 0), item.order)


def _soon_order(item: OverdueItem) -> tuple[int, int]:
    return (item.days_left or 0, item.order)


# --------------------------------------------------------------------------------------------
# Classification


def _dated(deadline: Deadline) -> bool:
    return deadline.due is not None and deadline.kind not in ("recurring", "conditional", "none")


def is_overdue(task: Task, as_of: date) -> bool:
    """The one overdue rule, used by `overdue` and by the figures of the rendered report: a dated
    deadline before the as-of date and a combined status that is not completed. A deadline that may
    be read two ways (uncertain_deadline) is never overdue until the catalog is corrected."""
    return (_dated(task.deadline) and task.status != "completed" and task.deadline.due < as_of  # type: ignore[operator]
            and uncertain_deadline(task) is None)


def uncertain_deadline(task: Task) -> date | None:
    """The other reading of a deadline written like '10-01-2025' when the task's text names it ("trước
    ngày 01/10/2025"); None otherwise: day first is how dates are written (issue 20)."""
    deadline = task.deadline
    if deadline.kind != "date" or not deadline.raw or deadline.due is None or not _reads_both_ways(deadline.raw):
        return None
    return _other_reading(deadline.raw, task.title)


@lru_cache(maxsize=4096)
def _reads_both_ways(raw: str) -> bool:
    """Whether the deadline reads month first too, whatever the task says: the task's text only decides
    between "date.ambiguous" and "date.month_first" (deadline._pick). Deadlines recur over tasks, titles
    do not: most tasks are settled here without parsing the deadline again with their title."""
    _, issues = parse_deadline(raw)
    return any(code in ("date.ambiguous", "date.month_first") for code, _ in issues)


@lru_cache(maxsize=4096)
def _other_reading(raw: str, title: str) -> date | None:
    _, issues = parse_deadline(raw, context=title)
    swapped = next((p["month_first"] for code, p in issues
                    if code == "date.month_first" and p.get("month_first")), None)
    return date.fromisoformat(swapped) if swapped else None


def categorize(status: str | None, deadline: Deadline, completed_on: date | None, as_of: date) -> Category:
    """The class of a task (or of one agency's report) as of a date; see the module docstring."""
    if status in (None, "no_report"):
        return "no_report"
    if deadline.kind in ("recurring", "conditional"):
        return deadline.kind  # type: ignore[return-value]
    if not _dated(deadline):
        return "no_deadline"
    due = deadline.due
    assert due is not None
    if status == "completed":
        return "completed_late" if completed_on is not None and completed_on > due else "completed_on_time"
    if due >= as_of:
        return "in_progress_on_time" if status == "in_progress" else "not_due_yet"
    return "in_progress_late" if status == "in_progress" else "not_started_late"


def _pending(task: Task) -> list[str]:
    """Reporting agencies whose own report is not completed (not-applicable reports excluded)."""
    names: dict[str, None] = {}
    for report in task.reports:
        if report.status not in ("completed", "not_applicable"):
            names.setdefault(report.agency, None)
    return list(names)


def note(code: str, **params: Any) -> Note:
    vi, en = NOTE_TEXTS[code]
    return Note(code=code, vi=vi.format(**params), en=en.format(**params))


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
    if status == "completed" and task.completed_on is None and _dated(task.deadline):
        notes.append(note("completed.no_date"))
    return notes


def classify_task(task: Task, as_of: date, within: int | None = None, group_title: str | None = None,
                  registry: Registry | None = None) -> OverdueItem:
    """One task as of a date (see the module docstring for the rules); its leads named as `registry` names them."""
    deadline = task.deadline
    status = task.status
    category = categorize(status, deadline, task.completed_on, as_of)
    due = deadline.due if _dated(deadline) else None
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
    for item in sorted((i for i in items if i.overdue), key=_late_order):
        for key, title in _group_keys(item, by):
            index = key if by == "group" else agency_key(key)
            groups.setdefault(index, ItemGroup(key=key, title=title)).overdue.append(item.task_id)
    for item in sorted((i for i in items if i.due_soon), key=_soon_order):
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


# --------------------------------------------------------------------------------------------
# Text for people: the one-line summary and the terminal table


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
    parts = [SUMMARY_TEXTS["sentence"][index].format(**values)]
    parts += [SUMMARY_TEXTS[key][index].format(count=count, within=report.within)
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


def days_late_text(item: OverdueItem, lang: str = "vi") -> str:
    """Days late, with the periods in a row when the task is persistently late: "92 (2 kỳ liên tiếp)"."""
    days = str(item.days_late) if item.days_late is not None else ""
    if item.persistent:
        days += f" ({item.late_periods} periods in a row)" if lang == "en" else f" ({item.late_periods} kỳ liên tiếp)"
    return days


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


# --------------------------------------------------------------------------------------------
# Who gets a reminder letter


def letter_agencies(report: OverdueReport) -> list[str]:
    """Lead agencies with overdue tasks, most overdue tasks first (tasks without a lead get no letter);
    one letter per agency however its name is written ("Sở Nội vụ", "SỞ NỘI VỤ": agency_key)."""
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for item in report.overdue:
        for key in {agency_key(lead): None for lead in item.lead_agencies}:
            counts[key] = counts.get(key, 0) + 1
        for lead in item.lead_agencies:
            names.setdefault(agency_key(lead), lead)
    return sorted((names[k] for k in counts), key=lambda name: (-counts[agency_key(name)], natural_key(name)))


def is_issuer(agency: str, config: ReportConfig) -> bool:
    """Whether `agency` is the agency issuing the letters (nq57.toml [agency]: name, full name, code),
    compared through the registry's agency_key: "Sở Khoa học và Công nghệ" is "SỞ KHOA HỌC VÀ CÔNG NGHỆ"."""
    from nq57cli.domain.agency import display_name, without_province
    from nq57cli.domain.registry import Agency, Registry

    own = config.agency
    if not (own.name.strip() or own.full_name.strip() or own.code.strip()):
        return False  # no agency configured: nobody is the issuer
    names = [n for n in (own.full_name, without_province(own.full_name)) if n]
    issuer = Registry([Agency(name=display_name(own.name), short=own.code or None, aliases=tuple(names))])
    found, _ = issuer.resolve(agency)
    return found is not None
