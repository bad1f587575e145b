"""Reading agencies' files: one file (its table, its agency, its rows), many files on a process pool.
Tasks and indicators read their inputs here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nq57cli.domain.findings import REPEATS
from nq57cli.domain.models import Finding, Group, InputFile, Report, pack_models, unpack_models
from nq57cli.domain.registry import Registry, Sender, as_registry, identify_sender, kind_of
from nq57cli.read.prefilled import unchanged_prefills
from nq57cli.read.reader import read_table
from nq57cli.read.table import TASKS, Schema, SheetTable
from nq57cli.read.workbook import sha256_of
from nq57cli.read.rows import document_date, parse_reports
from nq57cli.tasks.catalog import Catalog, looks_like_catalog
from nq57cli.tasks.matching import TextMatcher, flag_duplicates, match_reports

Progress = Callable[[int, int, str], None]

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


def open_submission(path: Path, display: str, overrides: dict[str, str], registry: Registry,
                    schema: Schema = TASKS) -> tuple[InputFile, SheetTable | None, Sender | None, list[Finding]]:
    """Read one agency file's table and tell its agency (the `agency.source` finding): its input
    record, its table (None when unreadable), the sender and the findings; never raises on bad input."""
    info = InputFile(path=str(path), name=display)
    if path.is_file():
        try:
            info.sha256, info.size = sha256_of(path), path.stat().st_size
        except OSError:
            pass  # locked or gone since it was listed: read_table() says which
    outcome = read_table(path, display, schema=schema)
    findings = list(outcome.findings)
    table = outcome.table
    if table is None:
        info.readable = False
        return info, None, None, findings
    sender = identify_sender(path, table.title_lines, overrides, registry)
    info.agency, info.agency_source = sender.name, sender.source  # type: ignore[assignment]
    info.sheet, info.header_row = table.sheet, table.header_row
    info.document_date = document_date(table)
    findings.append(Finding(code="agency.source", file=display, sheet=table.sheet,
                            params={"agency": sender.name, "source": sender.source}))
    return info, table, sender, findings


def load_submission(path: Path, overrides: dict[str, str], known: list[str] | Registry, check_deadlines: bool,
                    display: str | None = None, catalog: Catalog | None = None,
                    matcher: TextMatcher | None = None, open_kinds: tuple[str, ...] = ()) -> Submission:
    """Read one agency file: its table, its agency, its validated reports (matched to the catalog's
    tasks when one is given); never raises on bad input. `open_kinds`: kinds of agency the catalog
    expects without naming them ("UBND các xã, phường" → every commune): never `agency.unexpected`."""
    display = display or path.name
    registry = as_registry(known)
    info, table, sender, findings = open_submission(path, display, overrides, registry)
    if table is None or sender is None:
        return Submission(info, [], [], findings)
    if looks_like_catalog(table.columns, path.name):
        info.readable = False
        findings.append(Finding(code="file.catalog_as_submission", file=display, sheet=table.sheet,
                                cell=f"A{table.header_row}", params={"path": str(path)}))  # its header row
        return Submission(info, [], [], findings)
    agency = sender.name
    if sender.ambiguous:
        findings.append(Finding(code="agency.ambiguous", file=display,
                                params={"agency": agency, "choices": "; ".join(sender.ambiguous)}))
    elif registry and registry.get(agency) is None and kind_of(agency) not in open_kinds:
        findings.append(Finding(code="agency.unexpected", file=display, params={"agency": agency}))
    reports, groups, row_findings = parse_reports(table, agency, check_deadlines=check_deadlines)
    info.rows = len(reports)
    findings += row_findings
    findings += unchanged_prefills(path, display, table.title_lines, reports)  # template --previous
    if catalog is not None and matcher is not None:
        match_reports(reports, catalog, matcher, findings)
        flag_duplicates(reports, findings)
    return Submission(info, reports, groups, findings)


def is_duplicate_file(info: InputFile, seen: dict[str, str], findings: list[Finding]) -> bool:
    """Whether this file's content was read already under another name (a `file.duplicate` finding);
    such a copy becomes role "copy", superseded by the original: never counted as a sender."""
    if info.sha256 and info.sha256 in seen:
        findings.append(Finding(code="file.duplicate", file=info.name,
                                params={"other": seen[info.sha256]}))
        info.role, info.superseded_by = "copy", seen[info.sha256]
        return True
    if info.sha256:
        seen[info.sha256] = info.name
    return False


GROUP_FROM = 3  # findings of one kind in one file, from this many on, are one finding listing the cells


def group_repeats(findings: list[Finding]) -> list[Finding]:
    """Repeated findings of one kind in one file as one finding: the first, with the others' cells,
    values and params under findings.REPEATS (its message lists the cells; annotate.ungroup marks each
    cell again). One kind = same code, sheet, column, severity and message details (params): twenty
    blank result cells are one finding, but weak matches to three different tasks stay three, since
    the first one's message ("khớp … với NQ57-16") would be wrong for the others. Findings without
    a cell stay as they are."""
    def kind(finding: Finding) -> tuple:
        return (finding.file, finding.sheet, finding.code, finding.column, finding.severity,
                repr(sorted(finding.params.items())))

    same: dict[tuple, list[Finding]] = {}
    for finding in findings:
        if finding.file and finding.cell:
            same.setdefault(kind(finding), []).append(finding)
    out: list[Finding] = []
    for finding in findings:
        group = same.get(kind(finding)) if finding.file and finding.cell else None
        if group is None or len(group) < GROUP_FROM:
            out.append(finding)
        elif group[0] is finding:
            repeats = [(f.cell, f.value, f.params) for f in group[1:]]
            out.append(finding.model_copy(update={"params": {**finding.params, REPEATS: repeats}}))
    return out


@dataclass
class LoadJob:
    """What every file of one merge is read with; given once to each worker process."""

    overrides: dict[str, str]
    known: list[str] | Registry
    check_deadlines: bool
    catalog: Catalog | None
    matcher: TextMatcher | None
    open_kinds: tuple[str, ...] = ()

    def load(self, path: Path, display: str) -> Submission:
        return load_submission(path, self.overrides, self.known, self.check_deadlines, display,
                               self.catalog, self.matcher, self.open_kinds)


_worker_job: LoadJob | None = None


def _start_worker(job: LoadJob | None) -> None:
    global _worker_job
    _worker_job = job


def _load_one(item: tuple[Path, str]) -> Submission:
    assert _worker_job is not None
    return _worker_job.load(*item)


def load_all(paths: list[Path], job: LoadJob, progress: Progress | None, workers: int | None) -> list[Submission]:
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
