"""Reading agencies' files: one file (its table, its agency, its rows), many files on a process pool.
Tasks and indicators read their inputs here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nq57cli.domain.models import Finding, Group, InputFile, Report, pack_models, unpack_models
from nq57cli.domain.registry import Registry, Sender, as_registry, identify_sender
from nq57cli.read.prefilled import unchanged_prefills
from nq57cli.read.reader import TASKS, Schema, SheetTable, read_table, sha256_of
from nq57cli.read.rows import parse_reports
from nq57cli.tasks.catalog import Catalog
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
    findings.append(Finding(code="agency.source", file=display, sheet=table.sheet,
                            params={"agency": sender.name, "source": sender.source}))
    return info, table, sender, findings


def load_submission(path: Path, overrides: dict[str, str], known: list[str] | Registry, check_deadlines: bool,
                    display: str | None = None, catalog: Catalog | None = None,
                    matcher: TextMatcher | None = None) -> Submission:
    """Read one agency file: its table, its agency, its validated reports (matched to the catalog's
    tasks when one is given); never raises on bad input."""
    display = display or path.name
    registry = as_registry(known)
    info, table, sender, findings = open_submission(path, display, overrides, registry)
    if table is None or sender is None:
        return Submission(info, [], [], findings)
    agency = sender.name
    if sender.ambiguous:
        findings.append(Finding(code="agency.ambiguous", file=display,
                                params={"agency": agency, "choices": "; ".join(sender.ambiguous)}))
    elif registry and registry.get(agency) is None:
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
    """Whether this file's content was read already under another name (a `file.duplicate` finding)."""
    if info.sha256 and info.sha256 in seen:
        findings.append(Finding(code="file.duplicate", file=info.name,
                                params={"other": seen[info.sha256]}))
        return True
    if info.sha256:
        seen[info.sha256] = info.name
    return False


@dataclass
class LoadJob:
    """What every file of one merge is read with; given once to each worker process."""

    overrides: dict[str, str]
    known: list[str] | Registry
    check_deadlines: bool
    catalog: Catalog | None
    matcher: TextMatcher | None

    def load(self, path: Path, display: str) -> Submission:
        return load_submission(path, self.overrides, self.known, self.check_deadlines, display,
                               self.catalog, self.matcher)


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
