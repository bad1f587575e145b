"""Merging agencies' reports by task: match rows to the catalog, combine statuses and results."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from nq57cli import __version__
from nq57cli.domain.agency import split_agencies
from nq57cli.domain.deadline import format_date
from nq57cli.errors import UnreadableInputError
from nq57cli.domain.models import (JOINED_FIELDS, Finding, Group, InputFile, MergeResult, Report, Task, join_agency_texts,
                            pack_models, unpack_models)
from nq57cli.read.reader import read_table, sha256_of
from nq57cli.domain.registry import Agency, Registry, as_registry, catalog_registry, identify_sender
from nq57cli.core.text import match_key
from nq57cli.read.rows import parse_catalog, parse_reports
from nq57cli.write.xlsxout import EXCEL_MAX_TEXT

STRONG_MATCH = 85.0  # text matches at or above this are taken without comment
WEAK_MATCH = 70.0  # between WEAK and STRONG: taken, with a warning; below: no match
ID_TITLE_MISMATCH = 50.0

Progress = Callable[[int, int, str], None]


@dataclass
class Catalog:
    tasks: list[Task]
    groups: list[Group]
    findings: list[Finding]
    input: InputFile
    listed: list[Agency] = field(default_factory=list)  # an agency list given with the catalog (--agencies)
    _registry: Registry | None = field(default=None, repr=False)

    @property
    def registry(self) -> Registry:
        """Who is who: the listed agencies, then those the catalog's lead and partner cells name."""
        if self._registry is None:
            self._registry = catalog_registry(self.tasks, self.listed)
        return self._registry

    @property
    def agencies(self) -> list[str]:
        return self.registry.names


def load_catalog(path: Path, listed: list[Agency] | None = None) -> Catalog:
    """Read the master task list; an unreadable catalog stops the run (exit code 3)."""
    try:  # hashed first: what is read is what the inputs sheet records
        digest, size = sha256_of(path), path.stat().st_size
    except OSError:
        digest, size = None, None  # read_table says why
    outcome = read_table(path)
    if outcome.table is None:
        problem = outcome.findings[0] if outcome.findings else None
        detail_vi = problem.message("vi") if problem else "không đọc được"
        detail_en = problem.message("en") if problem else "unreadable"
        raise UnreadableInputError(
            f"Không đọc được danh mục nhiệm vụ {path}: {detail_vi}",
            f"Cannot read the task catalog {path}: {detail_en}",
        )
    tasks, groups, findings = parse_catalog(outcome.table)
    info = InputFile(
        path=str(path), name=path.name, sha256=digest, size=size, role="catalog",
        sheet=outcome.table.sheet, header_row=outcome.table.header_row, rows=len(tasks),
    )
    return Catalog(tasks, groups, outcome.findings + findings, info, list(listed or []))


STATUS_RULE = """Combined status: not_applicable reports are ignored; none left → not_applicable;
all completed → completed; any in_progress, or completed mixed with not_started/waiting →
in_progress; all not_started → not_started; all waiting → waiting; no reports → no_report.
A report whose status could not be read ("unknown") is still a report: the task is "unknown" unless
every reading of that status gives the same result (another agency in progress, say); reports with
an empty status are left out, unless no report has one: then "unknown" too, never "no_report"."""

_READABLE = ("completed", "in_progress", "not_started", "waiting", "not_applicable")


def _combine_known(kinds: set[str]) -> str:
    remaining = kinds - {"not_applicable"}
    if not remaining:
        return "not_applicable"
    if remaining == {"completed"}:
        return "completed"
    if remaining == {"not_started"}:
        return "not_started"
    if remaining == {"waiting"}:
        return "waiting"
    if "in_progress" in remaining or "completed" in remaining:
        return "in_progress"
    return "not_started"  # not_started mixed with waiting: nobody has begun


def combine_status(statuses: Iterable[str | None]) -> str:
    """The task's status from its agencies' statuses (see STATUS_RULE); None: a report with an
    empty status cell."""
    statuses = list(statuses)
    given = {s for s in statuses if s is not None}
    if not given:
        return "unknown" if statuses else "no_report"
    if "unknown" not in given:
        return _combine_known(given)
    known = given - {"unknown"}
    # The rule depends only on which statuses occur, so reading every unknown one as the same status
    # covers every outcome the unknown ones could lead to.
    outcomes = {_combine_known(known | {s}) for s in _READABLE}
    return outcomes.pop() if len(outcomes) == 1 else "unknown"


def _resolve_agency(path: Path, title_lines: list[str], overrides: dict[str, str],
                    known: list[str] | Registry) -> tuple[str, str]:
    sender = identify_sender(path, title_lines, overrides, as_registry(known))
    return sender.name, sender.source


class TextMatcher:
    """Fuzzy matching of task texts against the catalog, vectorised with rapidfuzz.

    Score = the better of (a) word-order-insensitive similarity of the whole texts and (b) how well
    the row's text sits inside the catalog text (an agency that copied only the first sentence),
    scaled down when the row covers less than half of the catalog text. Texts are compared with
    their abbreviations written out (text_key: UBND, TTHC, CĐS… both ways), and a distinguishing
    token of the row (a number, a Roman numeral, a year: "Phiên thứ III", "Đề án 06") that a task
    lacks costs that task DISTINCT_PENALTY points, so near twins are told apart by what differs.
    """

    TOP_K = 5
    DISTINCT_PENALTY = 10.0
    TIE = 1.0  # the two best tasks this close (after the penalty): ambiguous, not guessed

    def __init__(self, tasks: list[Task]) -> None:
        self.tasks = tasks
        self.keys = [text_key(t.title) for t in tasks]
        self.distinct = [_distinct(k) for k in self.keys]
        self.sorted_keys = [_sorted_words(k) for k in self.keys]
        self.exact: dict[str, int] = {}  # key → the one task with exactly that text
        repeated = set()
        for index, key in enumerate(self.keys):
            if key in self.exact:
                repeated.add(key)
            self.exact.setdefault(key, index)
        for key in repeated:
            del self.exact[key]
        self._twins: list[float] | None = None

    def twin_scores(self) -> list[float]:
        """Per task, the best score of another task when that is ≥ 98 (else 0): what decides whether
        an exact copy of a task's text is still ambiguous."""
        if self._twins is None:
            from rapidfuzz import fuzz, process

            self._twins = [
                max((float(score) for _, score, j in process.extract(key, self.sorted_keys, scorer=fuzz.ratio,
                                                                     limit=3, score_cutoff=98) if j != i),
                    default=0.0)
                for i, key in enumerate(self.sorted_keys)
            ]
        return self._twins

    def best(self, titles: list[str]) -> list[tuple[int, float, float, int]]:
        """For each title: (index of best task, its score, the runner-up's score, the runner-up's index).

        rapidfuzz's process.extract scores a title against every task in one native call (no numpy,
        whose import alone would cost more than matching a province's files)."""
        if not titles or not self.keys:
            return [(-1, 0.0, 0.0, -1) for _ in titles]
        from rapidfuzz import fuzz, process

        out = []
        for query in map(text_key, titles):
            index = self.exact.get(query)
            if index is not None:  # an exact copy of one task's text needs no search
                out.append((index, 100.0, self.twin_scores()[index], -1))
                continue
            top = process.extract(_sorted_words(query), self.sorted_keys, scorer=fuzz.ratio, limit=self.TOP_K)
            scores = {j: float(score) for _, score, j in top}
            if scores and max(scores.values()) < STRONG_MATCH:  # maybe a truncated copy: look inside
                for j in scores:
                    scores[j] = max(scores[j], self._inside(query, self.keys[j]))
            wanted = _distinct(query)
            if wanted:  # "Phiên thứ III" is not the task of "Phiên thứ II"
                for j in scores:
                    missing = len(wanted - self.distinct[j])
                    if missing:
                        scores[j] = max(0.0, scores[j] - self.DISTINCT_PENALTY * min(missing, 3))
            ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
            second, other = (ranked[1][1], ranked[1][0]) if len(ranked) > 1 else (0.0, -1)
            out.append((ranked[0][0], ranked[0][1], second, other) if ranked else (-1, 0.0, 0.0, -1))
        return out

    @staticmethod
    def _inside(query: str, key: str) -> float:
        from rapidfuzz import fuzz

        if not query or not key:
            return 0.0
        if len(query) > len(key):
            return 0.0
        coverage = min(1.0, len(query) / (0.5 * len(key)))
        # A copied passage starts near the beginning; bounding the window keeps this fast.
        return float(fuzz.partial_ratio(query, key[: int(len(query) * 1.5) + 40])) * coverage

    def score(self, title: str, index: int) -> float:
        """Similarity of a row's text with catalog task `index` (same scale as best())."""
        from rapidfuzz import fuzz

        query = text_key(title)
        if query == self.keys[index]:
            return 100.0
        whole = float(fuzz.ratio(_sorted_words(query), self.sorted_keys[index]))
        return whole if whole >= STRONG_MATCH else max(whole, self._inside(query, self.keys[index]))


def _sorted_words(key: str) -> str:
    return " ".join(sorted(key.split()))


# Abbreviations agencies write in task texts, and what they stand for: compared written out, both ways.
TEXT_ABBREVIATIONS = {
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "TTHC": "thủ tục hành chính",
    "DVCTT": "dịch vụ công trực tuyến", "DVC": "dịch vụ công", "CĐS": "chuyển đổi số",
    "KHCN": "khoa học và công nghệ", "KH&CN": "khoa học và công nghệ", "KH-CN": "khoa học và công nghệ",
    "ĐMST": "đổi mới sáng tạo", "CSDL": "cơ sở dữ liệu", "CNTT": "công nghệ thông tin",
    "BCĐ": "Ban Chỉ đạo", "CCHC": "cải cách hành chính", "ATTT": "an toàn thông tin",
    "TTĐT": "thông tin điện tử", "KT-XH": "kinh tế - xã hội", "KTXH": "kinh tế - xã hội",
    "VBQPPL": "văn bản quy phạm pháp luật", "QPPL": "quy phạm pháp luật", "NSNN": "ngân sách nhà nước",
    "CQNN": "cơ quan nhà nước", "DN": "doanh nghiệp", "DNNVV": "doanh nghiệp nhỏ và vừa",
    "HTTT": "hệ thống thông tin", "TW": "Trung ương", "BCH": "Ban Chấp hành", "NCKH": "nghiên cứu khoa học",
    "ĐVHC": "đơn vị hành chính", "CBCCVC": "cán bộ, công chức, viên chức", "TTDL": "trung tâm dữ liệu",
}


def _abbreviation_table() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {match_key(short): match_key(full) for short, full in TEXT_ABBREVIATIONS.items()}
    alternatives = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<!\S)(?:{alternatives})(?!\S)"), table


_ABBREVIATION_RE, _ABBREVIATION_FULL = _abbreviation_table()
_NOTHING: frozenset[str] = frozenset()
_ROMAN_TOKEN = re.compile(r"^(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")


def text_key(title: object) -> str:
    """A task text as compared: match_key with the usual abbreviations written out (UBND, TTHC…)."""
    return _text_key(title) if isinstance(title, str) else _expand(match_key(title))


@lru_cache(maxsize=16384)  # a catalog's texts are keyed once per run, not once per file
def _text_key(title: str) -> str:
    return _expand(match_key(title))


def _expand(key: str) -> str:
    return _ABBREVIATION_RE.sub(lambda m: _ABBREVIATION_FULL[m.group(0)], key) if key else key


@lru_cache(maxsize=16384)
def _distinct(key: str) -> frozenset[str]:
    """What tells a task from its near twins: numbers, years, document numbers and Roman numerals."""
    found = [w for w in key.split() if not w.isalpha() or (w[0] in "ivxlc" and _ROMAN_TOKEN.match(w))]
    return frozenset(found) if found else _NOTHING


def _match(reports: list[Report], catalog: Catalog, matcher: TextMatcher, findings: list[Finding]) -> None:
    by_id = {t.task_id: t for t in catalog.tasks}
    index_of = {t.task_id: i for i, t in enumerate(catalog.tasks)}
    need_text = [r for r in reports if not r.task_id and r.title]
    for report in reports:
        if report.task_id:
            task = by_id.get(report.task_id)
            if task is None:
                findings.append(_at(report, "error", "task.unknown_id", "task_id", report.task_id))
                continue
            _set_match(report, task.task_id, "id", 100.0)
            if report.title and task.title and report.title != task.title:
                score = matcher.score(report.title, index_of[task.task_id])
                if score < ID_TITLE_MISMATCH:
                    findings.append(_at(report, "warning", "task.id_title_mismatch", "title", None,
                                        task_id=task.task_id, score=score))
    sure: list[tuple[Report, float]] = []
    for report, (index, score, runner_up, other) in zip(need_text, matcher.best([r.title or "" for r in need_text])):
        task = catalog.tasks[index] if index >= 0 else None
        if task is None or score < WEAK_MATCH:
            findings.append(_at(report, "error", "task.no_match", "title", None,
                                best_id=task.task_id if task else "-", score=score))
            continue
        if other >= 0 and runner_up >= score - matcher.TIE:  # two tasks fit equally: say so, do not guess
            twin = catalog.tasks[other]
            first, second = sorted((task, twin), key=lambda t: t.order)
            findings.append(_at(report, "warning", "task.ambiguous_match", "title", None, task_id=first.task_id,
                                other_id=second.task_id, score=score))
            continue
        _set_match(report, task.task_id, "text", round(score, 1))
        if score < STRONG_MATCH or runner_up >= score - 2:
            findings.append(_at(report, "warning", "task.weak_match", "title", None, task_id=task.task_id, score=score))
        else:
            sure.append((report, score))
    if sure:  # one line per file: each row's task and score are in the reports sheet ("Khớp theo", "Điểm khớp")
        first, scores = sure[0][0], [score for _, score in sure]
        findings.append(Finding(code="task.text_matches", file=first.file, sheet=first.sheet,
                                params={"count": len(sure), "low": min(scores), "high": max(scores),
                                        "rows": _row_ranges([report.row for report, _ in sure])}))


def _row_ranges(rows: list[int]) -> str:
    """[12, 13, 14, 20] → "12–14, 20"."""
    spans: list[list[int]] = []
    for row in sorted(rows):
        if spans and row == spans[-1][1] + 1:
            spans[-1][1] = row
        else:
            spans.append([row, row])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


_MATCH_FIELDS = ("matched_id", "match_method", "match_score")


def _set_match(report: Report, task_id: str, method: str, score: float) -> None:
    """What pydantic's attribute assignment does for these three (typed) fields, without its cost
    (a few µs per assignment, on every row of every file)."""
    state = report.__dict__
    state["matched_id"], state["match_method"], state["match_score"] = task_id, method, score
    report.__pydantic_fields_set__.update(_MATCH_FIELDS)


def _at(report: Report, severity: str, code: str, field: str, value: object, **params: object) -> Finding:
    ref = report.cells.get(field) or report.cells.get("title") or f"{report.sheet}!A{report.row}"
    sheet, _, cell = ref.rpartition("!")
    column = report.headers.get(field) if report.cells.get(field) else report.headers.get("title")
    return Finding(severity=severity, code=code, file=report.file, sheet=sheet or report.sheet,  # type: ignore[arg-type]
                   cell=cell, column=column, value=None if value is None else str(value), params=dict(params))


def _union_tasks(reports: list[Report]) -> list[Task]:
    """Without a catalog, the task list is the union of the submissions (by ID, else by text)."""
    tasks: dict[str, Task] = {}
    for report in reports:
        key = report.task_id or "T:" + match_key(report.title)
        if key not in tasks:
            task_id = report.task_id or f"NV-{len(tasks) + 1:03d}"
            tasks[key] = Task(task_id=task_id, order=len(tasks) + 1, group=report.group, stt=report.stt,
                              title=report.title or "", document=report.document,
                              deadline=report.deadline or Task.model_fields["deadline"].default_factory())
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


def _combine(task: Task, findings: list[Finding]) -> None:
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
    task.completed_on = done[-1] if done and task.status == "completed" else None
    if len(done) > 1:  # many agencies, many dates: the earliest and the latest say enough
        shown = done if len(done) <= 6 else done[:3] + [None] + done[-2:]
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


PARALLEL_FROM = 40  # files; below this, starting worker processes costs more than it saves


@dataclass
class Submission:
    """One submission read and validated (the part of a merge that runs per file)."""

    info: InputFile
    reports: list[Report]
    groups: list[Group]
    findings: list[Finding]

    # Sent back from worker processes: reports and findings packed (see models.pack_models).
    def __getstate__(self) -> tuple:
        return self.info, pack_models(self.reports), self.groups, pack_models(self.findings)

    def __setstate__(self, state: tuple) -> None:
        self.info, reports, self.groups, findings = state
        self.reports, self.findings = unpack_models(reports), unpack_models(findings)


def display_names(paths: list[Path]) -> dict[Path, str]:
    """How findings name each file: its name, or its path when two inputs share a name."""
    counts: dict[str, int] = {}
    for path in paths:
        counts[path.name] = counts.get(path.name, 0) + 1
    return {path: path.name if counts[path.name] == 1 else str(path) for path in paths}


def load_submission(path: Path, overrides: dict[str, str], known: list[str] | Registry, check_deadlines: bool,
                    display: str | None = None, catalog: Catalog | None = None,
                    matcher: TextMatcher | None = None) -> Submission:
    """Read one agency file: its table, its agency, its validated reports (matched to the catalog's
    tasks when one is given); never raises on bad input."""
    display = display or path.name
    info = InputFile(path=str(path), name=display)
    if path.is_file():
        try:
            info.sha256, info.size = sha256_of(path), path.stat().st_size
        except OSError:
            pass  # locked or gone since it was listed: read_table() says which
    outcome = read_table(path, display)
    findings = list(outcome.findings)
    table = outcome.table
    if table is None:
        info.readable = False
        return Submission(info, [], [], findings)
    registry = as_registry(known)
    sender = identify_sender(path, table.title_lines, overrides, registry)
    agency, source = sender.name, sender.source
    info.agency, info.agency_source = agency, source  # type: ignore[assignment]
    info.sheet, info.header_row = table.sheet, table.header_row
    findings.append(Finding(code="agency.source", file=display, sheet=table.sheet,
                            params={"agency": agency, "source": source}))
    if sender.ambiguous:
        findings.append(Finding(code="agency.ambiguous", file=display,
                                params={"agency": agency, "choices": "; ".join(sender.ambiguous)}))
    elif registry and registry.get(agency) is None:
        findings.append(Finding(code="agency.unexpected", file=display, params={"agency": agency}))
    reports, groups, row_findings = parse_reports(table, agency, check_deadlines=check_deadlines)
    info.rows = len(reports)
    findings += row_findings
    if catalog is not None and matcher is not None:
        _match(reports, catalog, matcher, findings)
        _flag_duplicates(reports, findings)
    return Submission(info, reports, groups, findings)


@dataclass
class _Job:
    """What every file of one merge is read with; given once to each worker process."""

    overrides: dict[str, str]
    known: list[str] | Registry
    check_deadlines: bool
    catalog: Catalog | None
    matcher: TextMatcher | None

    def load(self, path: Path, display: str) -> Submission:
        return load_submission(path, self.overrides, self.known, self.check_deadlines, display,
                               self.catalog, self.matcher)


_worker_job: _Job | None = None


def _start_worker(job: _Job | None) -> None:
    global _worker_job
    _worker_job = job


def _load_one(item: tuple[Path, str]) -> Submission:
    assert _worker_job is not None
    return _worker_job.load(*item)


def _load_all(paths: list[Path], job: _Job, progress: Progress | None, workers: int | None) -> list[Submission]:
    """Load (and match) submissions in input order, on several processes when there are many files
    (parallel.shared_map: helpers read from the front of the list, this process from the back, and
    its own results need no pickling)."""
    from nq57cli.core.parallel import shared_map, worker_count

    workers = worker_count(workers)
    names = display_names(paths)
    done = 0

    def loaded(item: tuple[Path, str], _: Submission) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, len(paths), item[0].name)

    if len(paths) < PARALLEL_FROM:
        workers = 1
    _start_worker(job)
    try:
        return shared_map(_load_one, [(path, names[path]) for path in paths], workers,
                          chunk_size=max(1, min(16, len(paths) // (workers * 8))), initializer=_start_worker,
                          initargs=(job,), done=loaded)
    finally:
        _start_worker(None)


def merge(
    submissions: list[Path],
    catalog: Path | None = None,
    agencies: dict[str, str] | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
    roster: list[Agency] | None = None,
) -> MergeResult:
    """Read, validate and merge submissions (against a catalog when given) into one result.

    `workers`: processes for reading (default: one per CPU when there are many files).
    `roster`: an agency list (registry.read_agencies), before the catalog's own agencies.
    """
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
    files_by_agency: dict[str, list[str]] = {}
    kept: list[Submission] = []
    job = _Job(overrides, registry, cat is None, cat, matcher)
    for loaded in _load_all(submissions, job, progress, workers):
        info = loaded.info
        inputs.append(info)
        if info.sha256 and info.sha256 in seen_hashes:
            findings.append(Finding(code="file.duplicate", file=info.name,
                                    params={"other": seen_hashes[info.sha256]}))
            continue
        if info.sha256:
            seen_hashes[info.sha256] = info.name
        findings.extend(loaded.findings)
        if not info.readable:
            continue
        files_by_agency.setdefault(info.agency or "", []).append(info.name)
        submission_groups.extend(loaded.groups)
        all_reports.extend(loaded.reports)
        kept.append(loaded)
    for agency, files in files_by_agency.items():
        if len(files) > 1:
            findings.append(Finding(code="agency.duplicate_file",
                                    params={"agency": agency, "files": ", ".join(files)}))
    if cat:
        tasks = [t.model_copy(deep=True) for t in cat.tasks]
        groups = cat.groups
    else:
        tasks = _union_tasks(all_reports)
        groups = _dedupe_groups(submission_groups)
    _assign_reports(tasks, kept, registry)
    for task in tasks:
        _combine(task, findings)
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
        findings=findings,
        inputs=inputs,
        unmatched=unmatched,
        expected_agencies=known,
        tool_version=__version__,
    )


def _flag_duplicates(reports: list[Report], findings: list[Finding]) -> None:
    first: dict[str, Report] = {}
    for report in reports:
        if report.matched_id is None:
            continue
        if report.matched_id in first:
            earlier = first[report.matched_id]
            if report.task_id is None or report.task_id != earlier.task_id:  # same ID: flagged on reading
                findings.append(_at(report, "error", "task.duplicate_match", "title", None,
                                    task_id=report.matched_id,
                                    first=earlier.cells.get("title", "").rpartition("!")[2]))
        else:
            first[report.matched_id] = report


def _dedupe_groups(groups: list[Group]) -> list[Group]:
    out: dict[str, Group] = {}
    for group in groups:
        if group.key not in out:
            out[group.key] = group.model_copy(update={"order": len(out) + 1})
    return list(out.values())
