"""An agency that sends again: of its files the newest supersedes the older ones for every task both
report, and a task only in an older file keeps that file's report (issue 20).

"Newest" is decided by, in order: a file the user names (`merge --use FILE`); the date the document
itself carries (its place-date line or a date in its title: InputFile.document_date); version marks in
the file name ("(1)", "(2)", "v2", "lần 2", "final", "bổ sung", "sửa"); the file's modification time.
One finding per agency says which file was used for which tasks and which was set aside. The findings
about the rows set aside go with them, also where one finding describes several rows (still_in_use).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from nq57cli.core.cells import parse_cell_ref
from nq57cli.core.text import match_key, strip_diacritics
from nq57cli.domain.agency import agency_key
from nq57cli.domain.models import Finding, Report
from nq57cli.errors import UsageError
from nq57cli.tasks.matching import row_ranges
from nq57cli.tasks.submissions import Submission

FINAL = 1000  # "final", "bản cuối", "chính thức": after every numbered version
# Version marks in a file name (lower case, no diacritics): each gives a rank; a name's rank is its highest.
_NUMBERED = re.compile(r"\((\d{1,2})\)|(?<![a-z0-9])(?:v|ver|version|lan|l)\s*[-_ .]?\s*(\d{1,2})(?![0-9])")
_REVISED = re.compile(r"(?<![a-z])(?:bo sung|bosung|sua|sua doi|chinh sua|cap nhat|dieu chinh|thay the|"
                      r"corrected|updated|revised|moi)(?![a-z])")
_FINAL = re.compile(r"(?<![a-z])(?:final|ban cuoi|chinh thuc|hoan chinh)(?![a-z])")
SHOWN_TASKS = 8  # a finding lists this many task IDs of a file, then how many more


def version_rank(name: str) -> int:
    """How late a file name says it is: 0 with no mark; "(2)", "v2", "lần 2" → 2; "bổ sung", "sửa" → 1;
    "final" → FINAL."""
    stem = strip_diacritics(Path(name).stem).lower().replace("đ", "d").replace("_", " ")
    rank = FINAL if _FINAL.search(stem) else 0
    for m in _NUMBERED.finditer(stem):
        rank = max(rank, int(m[1] or m[2]))
    if _REVISED.search(stem):
        rank = max(rank, 1)
    return rank


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0


def check_use(use: list[str], submissions: list[Path]) -> None:
    """Every `--use FILE` must name one of the submissions given (a UsageError otherwise)."""
    for item in use:
        if not any(is_named(str(path), [item]) for path in submissions):
            raise UsageError(f"--use {item}: không phải một trong các tệp báo cáo đã cho",
                             f"--use {item}: not one of the submissions given")


def is_named(path: str, use: list[str]) -> bool:
    """Whether `merge --use` names this input (by its path or by its file name)."""
    given = Path(path)
    for item in use:
        named = Path(item)
        if named.name == given.name and (len(named.parts) == 1 or named.resolve() == given.resolve()):
            return True
    return False


@dataclass
class _Ranked:
    submission: Submission
    named: bool
    dated: date
    version: int
    mtime: float

    def key(self) -> tuple:
        return self.named, self.dated, self.version, self.mtime


def _basis(newest: _Ranked, other: _Ranked) -> str:
    """What decided between the file used and the next: option, document_date, name or mtime."""
    for basis, a, b in (("option", newest.named, other.named), ("document_date", newest.dated, other.dated),
                        ("name", newest.version, other.version)):
        if a != b:
            return basis
    return "mtime"


def task_key(report: Report) -> str:
    """The task a report is about, before any task list exists: its matched task, its own ID, its text."""
    return report.matched_id or report.task_id or "T:" + match_key(report.title)


def _shown(keys: list[str], reports: dict[str, Report]) -> str:
    names = [reports[k].matched_id or reports[k].task_id or (reports[k].title or "")[:40] for k in keys]
    if len(names) > SHOWN_TASKS:
        return ", ".join(names[:SHOWN_TASKS]) + f", … ({len(names)})"
    return ", ".join(names)


def supersede(kept: list[Submission], use: list[str]) -> list[Finding]:
    """For each agency that sent several files: drop from its older files the reports (and the findings
    about their rows) on tasks a newer file reports; mark each older file superseded by the newest.
    Returns one finding per such agency."""
    by_agency: dict[str, list[Submission]] = {}
    for submission in kept:
        if submission.info.agency:
            by_agency.setdefault(agency_key(submission.info.agency), []).append(submission)
    findings: list[Finding] = []
    for files in by_agency.values():
        if len(files) < 2:
            continue
        ranked = sorted((_Ranked(s, is_named(s.info.path, use), s.info.document_date or date.min,
                                 version_rank(s.info.name), _mtime(s.info.path)) for s in files),
                        key=_Ranked.key, reverse=True)
        newest = ranked[0].submission
        taken: dict[str, Report] = {}  # task → the report used, from the newest file that has it
        set_aside: list[str] = []
        kept_older: list[str] = []
        for item in ranked:
            submission = item.submission
            dropped_rows: set[int] = set()
            own: dict[str, Report] = {}
            reports: list[Report] = []
            continued = _continued_rows(submission.findings)
            for report in submission.reports:
                key = task_key(report)
                if key in taken and taken[key].file != report.file:
                    dropped_rows |= _rows_of(report, continued)
                    own.setdefault(key, report)
                    continue
                reports.append(report)
            for report in reports:
                taken.setdefault(task_key(report), report)
            if submission is not newest:
                submission.info.superseded_by = newest.info.name
                if own:
                    set_aside.append(f"{submission.info.name} ({_shown(list(own), own)})")
                if reports:
                    still = {task_key(r): r for r in reports}
                    kept_older.append(f"{submission.info.name} ({_shown(list(still), still)})")
            submission.reports = reports
            if dropped_rows:
                submission.findings = still_in_use(submission.findings, dropped_rows, reports)
        used = {task_key(r): r for r in newest.reports}
        basis = _basis(ranked[0], ranked[1])
        by_time = basis == "mtime"  # nothing in the files tells them apart: a warning, --use settles it
        findings.append(Finding(
            code="agency.resubmitted_by_time" if by_time else "agency.resubmitted",
            file=newest.info.name,
            params={"agency": newest.info.agency, "used": newest.info.name, "basis": basis,
                    "tasks": _shown(list(used), used) or "—", "set_aside": "; ".join(set_aside) or "—",
                    "kept": "; ".join(kept_older) or "—", "count": len(files),
                    "date": ranked[0].dated.strftime("%d/%m/%Y") if ranked[0].dated != date.min else "—"}))
    return findings


def _row(cell: str | None) -> int | None:
    """The 1-based row of a finding's cell (as Report.row counts)."""
    position = parse_cell_ref(cell)
    return position[0] + 1 if position else None


def _continued_rows(findings: list[Finding]) -> dict[int, list[int]]:
    """The rows a report written over several rows goes on in (the reader's row.continued findings): first → more."""
    return {f.params["first"]: [int(n) for n in str(f.params["rows"]).split(",")]
            for f in findings if f.code == "row.continued"}


def _rows_of(report: Report, continued: dict[int, list[int]]) -> set[int]:
    """Every row a report was read from: its first, the rows it goes on in, and those of its cells."""
    rows = {report.row, *continued.get(report.row, [])}
    for ref in report.cells.values():
        row = _row(ref.rpartition("!")[2])
        if row is not None:
            rows.add(row)
    return rows


def still_in_use(findings: list[Finding], dropped: set[int], kept: list[Report]) -> list[Finding]:
    """A file's findings once its rows `dropped` are set aside (`kept`: its reports still used): a finding
    on a dropped row goes; one describing several rows keeps the rows still in use and goes when none is
    left (task.text_matches: the rows matched by text, their count and scores made again; text.legacy_encoding:
    the cells converted, those above the table only while a report of the file is still used)."""
    out: list[Finding] = []
    for finding in findings:
        if finding.code == "text.legacy_encoding":
            narrowed = _legacy_cells(finding, dropped, bool(kept))
            if narrowed is not None:
                out.append(narrowed)
        elif finding.code == "task.text_matches":
            listed = _listed_rows(str(finding.params["rows"]))
            scores = [(r.row, r.match_score or 0.0) for r in kept if r.row in listed and r.match_method == "text"]
            if scores:
                out.append(finding.model_copy(update={"params": {
                    **finding.params, "count": len(scores), "rows": row_ranges([row for row, _ in scores]),
                    "low": min(s for _, s in scores), "high": max(s for _, s in scores)}}))
        elif _row(finding.cell) not in dropped:
            out.append(finding)
    return out


def _listed_rows(ranges: str) -> set[int]:
    """ "12–14, 20" (matching.row_ranges) → {12, 13, 14, 20}."""
    rows: set[int] = set()
    for part in ranges.split(","):
        first, _, last = part.strip().partition("–")
        if first.isdigit():
            rows.update(range(int(first), int(last or first) + 1))
    return rows


def _legacy_cells(finding: Finding, dropped: set[int], used: bool) -> Finding | None:
    """A text.legacy_encoding finding without the cells of rows set aside ("C5, C6, D9 … (+40)": the cells
    after the first ones shown are counted, not named, and stay counted), None when no cell is left or no
    report of the file is still used."""
    shown, _, more = str(finding.params["cells"]).partition(" … (+")
    cells = [c for c in shown.split(", ") if c]
    left = [c for c in cells if _row(c) not in dropped]
    hidden = int(more.rstrip(")")) if more else 0
    if not used or not (left or hidden):
        return None
    if len(left) == len(cells):
        return finding
    listed = ", ".join(left) + (f" … (+{hidden})" if hidden else "")
    return finding.model_copy(update={"params": {**finding.params, "cells": listed, "count": len(left) + hidden}})
