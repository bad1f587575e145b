"""Merging agencies' reports by task: each task's reports, its combined status and texts, the conflicts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from nq57cli import __version__
from nq57cli.core.text import match_key
from nq57cli.domain.agency import is_collective, split_agencies
from nq57cli.domain.deadline import format_date
from nq57cli.domain.models import JOINED_FIELDS, Finding, Group, InputFile, MergeResult, Report, Task, join_agency_texts
from nq57cli.domain.registry import Agency, Registry, collective_kinds
from nq57cli.domain.status import combine_status
from nq57cli.tasks.catalog import load_catalog
from nq57cli.tasks.matching import TextMatcher
from nq57cli.tasks.resubmissions import check_use, supersede
from nq57cli.tasks.submissions import LoadJob, Progress, Submission, group_repeats, is_duplicate_file, load_all
from nq57cli.core.cells import EXCEL_MAX_TEXT


def _union_tasks(reports: list[Report]) -> list[Task]:
    """Without a catalog, the task list is the union of the submissions (by ID, else by text)."""
    tasks: dict[str, Task] = {}
    for report in reports:
        key = report.task_id or "T:" + match_key(report.title)
        if key not in tasks:
            task_id = report.task_id or f"NV-{len(tasks) + 1:03d}"
            tasks[key] = Task(task_id=task_id, order=len(tasks) + 1, group=report.group, stt=report.stt,
                              title=report.title or "", document=report.document,
                              deadline=report.deadline or Task.model_fields["deadline"].get_default(call_default_factory=True))
        report.matched_id = tasks[key].task_id
        report.match_method = "id" if report.task_id else "new"
    return list(tasks.values())


def _named_agencies(task: Task, registry: Registry | None = None) -> list[str]:
    """The task's lead agencies, then its partners: the agencies expected to report on it (collective
    phrases such as "Các sở, ngành" stand for the roster's members of that kind)."""
    return (registry or Registry()).expected_for(task.lead, task.partners)


def _assign_reports(tasks: list[Task], submissions: list[Submission], registry: Registry | None = None) -> None:
    """Each task's reports in order: its lead agencies, its partners, then the others, each agency's
    by file and row (the others by agency name: submissions are sorted once, not reports per task)."""
    by_id = {t.task_id: t for t in tasks}
    ranks = {t.task_id: {name: i for i, name in enumerate(_named_agencies(t, registry))} for t in tasks}
    named: dict[str, list[tuple[int, int, Report]]] = {t.task_id: [] for t in tasks}
    order = 0
    for submission in sorted(submissions, key=lambda s: (match_key(s.info.agency), s.info.name)):
        for report in submission.reports:
            task_id = report.matched_id
            if task_id not in by_id:
                continue
            rank = ranks[task_id].get(report.agency)  # type: ignore[index]
            if rank is None:
                by_id[task_id].reports.append(report)  # type: ignore[index]
            else:
                named[task_id].append((rank, order, report))  # type: ignore[index]
                order += 1
    for task_id, first in named.items():
        if first:
            first.sort(key=lambda item: item[:2])
            by_id[task_id].reports[:0] = [report for _, _, report in first]


def _one_piece_of_work(task: Task, registry: Registry | None) -> tuple[set[str], set[str]] | None:
    """The lead agencies and all the named agencies (lead and partners) of a task that is one piece of work;
    None for a collective task ("UBND các xã, phường", "Các sở, ngành" lead it) or one without a lead,
    where each agency's completion date is its own (issue 20)."""
    leads = split_agencies(task.lead)
    if not leads or any(is_collective(name) for name in leads):
        return None
    named = {name for name in _named_agencies(task, registry) if not is_collective(name)}
    return set((registry or Registry()).expand(leads)), named


def _changed_completion(task: Task, registry: Registry | None) -> list:
    """The completion dates of a task's lead and partners when they change the task's completion date: a
    partner finished after the date its lead gives (the task is completed when all are); else []."""
    team = _one_piece_of_work(task, registry)
    if team is None:
        return []
    leads, named = team
    done = {r.agency: r.completed_on for r in task.reports
            if r.completed_on and r.status == "completed" and r.agency in named}
    lead_dates = [day for agency, day in done.items() if agency in leads]
    if not lead_dates or max(done.values()) <= max(lead_dates):
        return []
    return sorted(set(done.values()))


def _combine(task: Task, findings: list[Finding], registry: Registry | None = None) -> None:
    """The task's status, texts and completion date from its reports (already in agency order: see
    _assign_reports; at national scale a task has a thousand), and the conflicts between them."""
    reports = task.reports
    task.status = combine_status([r.status for r in reports])  # type: ignore[assignment]
    for name in JOINED_FIELDS:
        text = join_agency_texts(reports, name)
        setattr(task, name, text)
        if text and len(text) > EXCEL_MAX_TEXT:  # merged.xlsx: the tasks sheet shows the beginning (mergedbook)
            findings.append(Finding(code="task.text_continued",
                                    params={"task_id": task.task_id, "length": len(text), "limit": EXCEL_MAX_TEXT,
                                            "field": name}))
    done = sorted({r.completed_on for r in reports if r.completed_on and r.status == "completed"})
    task.completed_on = done[-1] if done and task.status == "completed" else None  # completed when all are
    done = _changed_completion(task, registry)
    if len(done) > 1:  # many agencies, many dates: the earliest and the latest say enough
        shown = done if len(done) <= 6 else [*done[:3], None, *done[-2:]]
        findings.append(Finding(code="conflict.completion_date",
                                params={"task_id": task.task_id, "count": len(done),
                                        "dates": ", ".join(format_date(d) if d else "…" for d in shown)}))
    reporting = Counter(r.agency for r in reports)  # (counted in C)
    if len(reporting) < len(reports):  # an agency reported twice: from two files is a conflict
        by_agency: dict[str, list[Report]] = {}
        for report in reports:
            if reporting[report.agency] > 1:
                by_agency.setdefault(report.agency, []).append(report)
        for agency, same in by_agency.items():
            if len({r.file for r in same}) > 1:  # twice in one file is flagged on reading that file
                first = same[1]
                sheet, _, cell = (first.cells.get("title") or f"{first.sheet}!A{first.row}").rpartition("!")
                findings.append(Finding(code="conflict.duplicate_report", file=first.file,
                                        sheet=sheet, cell=cell,
                                        params={"agency": agency, "task_id": task.task_id,
                                                "cells": ", ".join(f"{r.file} {r.cells.get('title', r.row)}"
                                                                   for r in same)}))
    task.silent = [a for a in _named_agencies(task) if a not in reporting]



def merge(
    submissions: list[Path],
    catalog: Path | None = None,
    agencies: dict[str, str] | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
    roster: list[Agency] | None = None,
    use: list[str] | None = None,
    period: str | None = None,
) -> MergeResult:
    """Read, validate and merge submissions (against a catalog when given) into one result.

    `workers`: processes for reading (default: one per CPU when there are many files).
    `roster`: an agency list (agencylist.read_agencies), before the catalog's own agencies.
    `use`: files to use over the other files of their agency (resubmissions.supersede).
    `period`: the reporting period recorded with the result ("Quý III/2025"; domain/period.check_period).
    """
    use = use or []
    check_use(use, submissions)
    overrides = agencies or {}
    cat = load_catalog(catalog, roster) if catalog else None
    findings: list[Finding] = list(cat.findings) if cat else []
    inputs: list[InputFile] = [cat.input] if cat else []
    registry = cat.registry if cat else Registry(list(roster or []))
    known = registry.names
    matcher = TextMatcher(cat.tasks) if cat else None
    all_reports: list[Report] = []
    seen_hashes: dict[str, str] = {}
    submission_groups: list[Group] = []
    kept: list[Submission] = []
    open_kinds = tuple(sorted({kind for t in (cat.tasks if cat else []) for name in [*split_agencies(t.lead), *t.partners]
                        if is_collective(name) for kind in collective_kinds(name)}))
    job = LoadJob(overrides, registry, cat is None, cat, matcher, open_kinds)
    loaded_all = load_all(submissions, job, progress, workers)
    copies: list[Finding] = []
    for loaded in loaded_all:
        inputs.append(loaded.info)
        if not is_duplicate_file(loaded.info, seen_hashes, copies) and loaded.info.readable:
            kept.append(loaded)
    resubmitted = supersede(kept, use)  # an agency's newer file replaces its older ones, task by task
    for loaded in loaded_all:
        if loaded.info.role == "copy":
            findings.append(next(f for f in copies if f.file == loaded.info.name))
            continue
        findings.extend(loaded.findings)
        if loaded.info.readable:
            submission_groups.extend(loaded.groups)
            all_reports.extend(loaded.reports)
    findings.extend(resubmitted)
    if cat:
        tasks = [t.model_copy(deep=True) for t in cat.tasks]
        groups = cat.groups
    else:
        tasks = _union_tasks(all_reports)
        groups = _dedupe_groups(submission_groups)
    _assign_reports(tasks, kept, registry)
    for task in tasks:
        _combine(task, findings, registry)
        reporting = {r.agency for r in task.reports}
        task.silent = [a for a in _named_agencies(task, registry) if a not in reporting]
        if not task.reports:
            findings.append(Finding(code="task.not_reported", params={"task_id": task.task_id}))
        elif task.lead:
            for lead in registry.expand(split_agencies(task.lead)):
                if lead in task.silent:
                    findings.append(Finding(code="task.lead_silent",
                                            params={"agency": lead, "task_id": task.task_id}))
    unmatched = [r for r in all_reports if r.matched_id is None]
    return MergeResult(
        tasks=tasks,
        groups=groups,
        findings=group_repeats(findings),
        inputs=inputs,
        unmatched=unmatched,
        expected_agencies=known,
        tool_version=__version__,
        period=period,
        catalog_title=cat.title if cat else None,
    )



def _dedupe_groups(groups: list[Group]) -> list[Group]:
    out: dict[str, Group] = {}
    for group in groups:
        if group.key not in out:
            out[group.key] = group.model_copy(update={"order": len(out) + 1})
    return list(out.values())
