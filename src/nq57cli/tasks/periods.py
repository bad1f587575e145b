"""From one period to the next: what changed between two merges of the same task list (`nq57 diff`).

Each merged.xlsx is the record of its period (domain/period.py). Compared task by task: status moves
(newly completed; regressions, completed then not completed, are warnings; other moves), tasks newly
late as of each period's last day, deadlines changed in the catalog, tasks added or removed, agencies
that reported last time and not now (warnings), and agencies' results unchanged word for word (an
agency that copied last period's text: info; not counted when the task was completed both times).
Data only: the CLI prints it, write/changesbook.py writes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import Field

from nq57cli.core.text import one_line
from nq57cli.domain.models import Deadline, Finding, MergeResult, Model, Task
from nq57cli.domain.period import period_end
from nq57cli.tasks.overdue import OverdueReport, is_overdue, note

ChangeKind = Literal["completed", "regression", "status", "late", "deadline", "added", "removed", "silent_agency",
                     "copied"]
KINDS: tuple[ChangeKind, ...] = ("completed", "regression", "status", "late", "deadline", "added", "removed",
                                 "silent_agency", "copied")
MAX_NAMED = 10  # task IDs named in one finding
UNDONE = ("in_progress", "not_started", "waiting", "unknown")  # a completed task back to one of these regressed


class PeriodSide(Model):
    """One of the two merges compared: its file, period and the catalog it was merged against."""

    file: str
    period: str | None = None
    end: date | None = None  # the period's last day: lateness is judged on it
    catalog_title: str | None = None
    catalog_sha256: str | None = None
    tool_version: str = ""


class Change(Model):
    """One change between the periods. `before`/`after`: status codes (status kinds), deadlines as
    written (deadline), the agency's text (copied: the same both times); `count`: for an agency gone
    silent, the tasks it reported on last time."""

    kind: ChangeKind
    task_id: str | None = None
    title: str | None = None
    lead: str | None = None
    agency: str | None = None
    before: str | None = None
    after: str | None = None
    count: int | None = None


class PeriodDiff(Model):
    """What `diff` returns: both sides, the changes in KINDS order, the findings worth showing."""

    previous: PeriodSide
    current: PeriodSide
    changes: list[Change] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)

    def of_kind(self, kind: ChangeKind) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]

    def counts(self) -> dict[str, int]:
        """Changes per kind, every kind listed (zero included), in KINDS order."""
        counts: dict[str, int] = dict.fromkeys(KINDS, 0)
        for change in self.changes:
            counts[change.kind] += 1
        return counts


AgencyReport = tuple[str, "str | None", "str | None", "date | None"]  # (agency, status, result, completed_on)


@dataclass
class PeriodRecord:
    """What comparing periods needs of one merge: its period and catalog, its tasks (without their reports
    and joined texts)
    and each task's reports as (agency, status, result, completed_on). Small enough to send between processes: the two
    merges of a `diff` are read at once (write/periodbook.py)."""

    file: str
    period: str | None
    catalog_title: str | None
    catalog_sha256: str | None
    tool_version: str
    tasks: list[Task]
    reports: dict[str, list[AgencyReport]]

    @property
    def end(self) -> date | None:
        return period_end(self.period)


def record_of(result: MergeResult | PeriodRecord, file: str = "") -> PeriodRecord:
    """The record of a merge (a record is returned as it is)."""
    if isinstance(result, PeriodRecord):
        return result
    # The joined texts go too: comparing periods never reads them, and a national merge's tasks hold
    # every agency's text again (half of what a helper sent back: 54 MB pickled, now 27 MB).
    tasks = [t.model_copy(update={"reports": [], "result": None, "difficulties": None, "proposals": None})
             for t in result.tasks]
    reports: dict[str, list[AgencyReport]] = {
        t.task_id: [(r.agency, r.status, r.result, r.completed_on) for r in t.reports] for t in result.tasks}
    return PeriodRecord(file, result.period, result.catalog_title, result.catalog_sha256(), result.tool_version,
                        tasks, reports)


def side(record: PeriodRecord) -> PeriodSide:
    return PeriodSide(file=record.file, period=record.period, end=record.end, catalog_title=record.catalog_title,
                      catalog_sha256=record.catalog_sha256, tool_version=record.tool_version)


def _deadline_changed(before: Deadline, after: Deadline) -> bool:
    """Another day or kind; or, without a day on either side, other words ("31/12/2025" and "31-12-2025" agree)."""
    if (before.kind, before.due) != (after.kind, after.due):
        return True
    return before.due is None and one_line(before.raw) != one_line(after.raw)


def _status_kind(before: str, after: str) -> ChangeKind:
    if after == "completed":
        return "completed"
    if before == "completed" and after in UNDONE:
        return "regression"
    return "status"


def _task_change(kind: ChangeKind, task: Task, **fields: str | int | None) -> Change:
    """A change about a task, built without validation (all fields typed here; a national merge's
    copied texts are tens of thousands)."""
    values: dict[str, Any] = {"agency": None, "before": None, "after": None, "count": None, **fields}
    return Change.model_construct(kind=kind, task_id=task.task_id, title=task.title, lead=task.lead, **values)


def compare(previous: MergeResult | PeriodRecord, current: MergeResult | PeriodRecord, previous_file: str = "",
            current_file: str = "") -> PeriodDiff:
    """What changed from `previous` to `current` (two merges or their records, oldest first)."""
    previous, current = record_of(previous, previous_file), record_of(current, current_file)
    diff = PeriodDiff(previous=side(previous), current=side(current))
    before_tasks = {t.task_id: t for t in previous.tasks}
    now_tasks = {t.task_id: t for t in current.tasks}
    by_kind: dict[str, list[Change]] = {kind: [] for kind in KINDS}
    for task in current.tasks:
        old = before_tasks.get(task.task_id)
        if old is None:
            by_kind["added"].append(_task_change("added", task, after=task.status))
            continue
        if old.status != task.status:
            kind = _status_kind(old.status, task.status)
            by_kind[kind].append(_task_change(kind, task, before=old.status, after=task.status))
        if _deadline_changed(old.deadline, task.deadline):
            by_kind["deadline"].append(_task_change("deadline", task, before=old.deadline.raw or None,
                                                    after=task.deadline.raw or None))
        if diff.previous.end and diff.current.end and is_overdue(task, diff.current.end) \
                and not is_overdue(old, diff.previous.end):
            by_kind["late"].append(_task_change("late", task, before=old.status, after=task.status))
    by_kind["removed"] = [_task_change("removed", t, before=t.status) for t in previous.tasks if t.task_id not in now_tasks]
    by_kind["silent_agency"] = _silent_agencies(previous, current)
    by_kind["copied"] = _copied(previous, current)
    diff.changes = [change for kind in KINDS for change in by_kind[kind]]
    diff.findings = _findings(diff)
    return diff


def _silent_agencies(previous: PeriodRecord, current: PeriodRecord) -> list[Change]:
    """Agencies with a report last period and none now, with how many tasks they had reported on."""
    now = {report[0] for reports in current.reports.values() for report in reports}
    counts: dict[str, int] = {}
    for reports in previous.reports.values():
        for agency, *_ in reports:
            if agency not in now:
                counts[agency] = counts.get(agency, 0) + 1
    return [Change(kind="silent_agency", agency=agency, count=count) for agency, count in counts.items()]


def _copied(previous: PeriodRecord, current: PeriodRecord) -> list[Change]:
    """Agencies' results the same word for word as last period's, unless the task was completed both times."""
    out: list[Change] = []
    for task in current.tasks:
        earlier = {agency: (status, text) for agency, status, text, _ in previous.reports.get(task.task_id, ()) if text}
        if not earlier:
            continue
        for agency, status, text, _ in current.reports.get(task.task_id, ()):
            last = earlier.get(agency)
            if last is None or not text or (status == "completed" and last[0] == "completed"):
                continue
            if text == last[1] or one_line(text) == one_line(last[1]):
                out.append(_task_change("copied", task, agency=agency, before=last[1], after=text))
    return out


def _findings(diff: PeriodDiff) -> list[Finding]:
    """Regressions and silent agencies (warnings), copied texts (info); a period missing or out of order."""
    findings: list[Finding] = []
    for one in (diff.previous, diff.current):
        if one.end is None:
            findings.append(Finding(code="period.unknown", file=one.file,
                                    params={"version": one.tool_version or "?"}))
    if diff.previous.end and diff.current.end and diff.previous.end > diff.current.end:
        findings.append(Finding(code="period.order", params={"previous": diff.previous.period,
                                                              "current": diff.current.period}))
    if diff.previous.catalog_sha256 and diff.current.catalog_sha256 \
            and diff.previous.catalog_sha256 != diff.current.catalog_sha256:
        findings.append(Finding(code="period.catalog_changed",
                                params={"previous": diff.previous.catalog_title or diff.previous.file,
                                        "current": diff.current.catalog_title or diff.current.file}))
    for change in diff.of_kind("regression"):
        findings.append(Finding(code="period.regression", file=diff.current.file, params={"task_id": change.task_id}))
    for change in diff.of_kind("silent_agency"):
        findings.append(Finding(code="period.agency_silent", file=diff.current.file,
                                params={"agency": change.agency, "count": change.count}))
    copied: dict[str, list[str]] = {}  # one finding per agency: a commune copies all its rows at once
    for change in diff.of_kind("copied"):
        copied.setdefault(change.agency or "", []).append(change.task_id or "")
    for agency, tasks in copied.items():
        shown = ", ".join(tasks[:MAX_NAMED]) + (f", … (+{len(tasks) - MAX_NAMED})" if len(tasks) > MAX_NAMED else "")
        findings.append(Finding(code="period.copied_result", file=diff.current.file,
                                params={"agency": agency, "count": len(tasks), "tasks": shown}))
    return findings


def mark_persistent(report: OverdueReport, previous: list[PeriodRecord]) -> OverdueReport:
    """Each overdue task's run of periods in a row it has been late in (`late_periods`, this one
    included, counted back from the most recent earlier period, each judged as of its own last day;
    a period without a recorded period ends the run) and, from two on, the note "quá hạn kéo dài"."""
    by_period = [{t.task_id: t for t in record.tasks} for record in previous]
    for item in report.items:
        if not item.overdue:
            continue
        item.late_periods, item.late_since = 1, None
        for record, tasks in zip(reversed(previous), reversed(by_period)):
            task = tasks.get(item.task_id)
            if record.end is None or task is None or not is_overdue(task, record.end):
                break
            item.late_periods += 1
            item.late_since = record.period
        if item.persistent:
            item.notes.append(note("overdue.persistent", count=item.late_periods, since=item.late_since))
    return report
