"""What the command line prints: findings, summaries and tables (rich, imported only when printing)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable

from nq57cli.cli.texts import text
from nq57cli.domain.findings import count_by_severity, counts_text, severity_label

MAX_SHOWN_PER_FILE = 20  # findings printed per file unless --verbose


def stderr() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def stdout() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def escape(value: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(value)


def print_findings(findings: list, lang: str, verbose: bool) -> None:
    """Findings to stderr, grouped by file, errors first."""
    from nq57cli.domain.models import SEVERITY_ORDER

    console = stderr()
    shown = [f for f in findings if verbose or f.severity != "info"]
    if not shown:
        return
    styled = console.is_terminal  # colours on a terminal; plain text (no markup to parse) elsewhere
    mark = escape if styled else (lambda value: value)
    colours = {"error": "red", "warning": "yellow", "info": "cyan"}
    by_file: dict[str, list] = {}
    for finding in shown:
        by_file.setdefault(finding.file or "", []).append(finding)
    lines: list[str] = []  # written at once
    for file, items in by_file.items():
        heading = mark(file) if file else text("general", lang)
        lines.append(f"[bold]{heading}[/]" if styled else heading)
        ordered = sorted(items, key=lambda f: (SEVERITY_ORDER[f.severity], f.sheet or "", _cell_sort(f.cell)))
        if not verbose and len(ordered) > MAX_SHOWN_PER_FILE:
            hidden = len(ordered) - MAX_SHOWN_PER_FILE
            ordered = ordered[:MAX_SHOWN_PER_FILE]
        else:
            hidden = 0
        for f in ordered:
            colour = colours[f.severity]
            # each line names its file too, so a line copied or grepped alone still says where
            where = f.location() if f.file else (f"{f.sheet}!{f.cell}" if f.sheet and f.cell else (f.sheet or ""))
            label = severity_label(f.severity, lang)
            prefix = f"  [{colour}]{label}[/] " if styled else f"  {label} "
            lines.append(prefix + (f"{mark(where)}: " if where else "") + mark(f.message(lang)))
        if hidden:
            lines.append(text("more_findings", lang, hidden=hidden))
    if styled:
        console.print("\n".join(lines))
    else:
        console.file.write("\n".join(lines) + "\n")


def findings_printer(lang: str, verbose: bool) -> Callable[[list], None]:
    """print_findings for this run, as the `show` callback of the pipeline's loaders."""
    return lambda findings: print_findings(findings, lang, verbose)


def _cell_sort(cell: str | None) -> tuple[int, str]:
    if not cell:
        return (0, "")
    digits = "".join(ch for ch in cell if ch.isdigit())
    return (int(digits) if digits else 0, cell)


def progress_callback(total: int, lang: str) -> tuple[Callable[[int, int, str], None] | None, Any]:
    """A progress bar on a terminal's stderr for five files or more: (callback, bar) or (None, None)."""
    if total < 5 or not sys.stderr.isatty():
        return None, None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    # Redrawn by the callback, not by a refresh thread: reading forks worker processes, which is
    # only done from a process with no other thread running (parallel.fork_context).
    progress = Progress(TextColumn(text("reading", lang)), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                        console=stderr(), transient=True, auto_refresh=False)
    task = progress.add_task("", total=total)

    def update(number: int, count: int, name: str) -> None:
        progress.update(task, completed=number - 1, description=name, refresh=True)

    return update, progress


def print_summary(result: Any, lang: str, output: Path | None) -> None:
    """The merge's summary table on stdout (files, tasks, reports, statuses, findings), then what was written."""
    from rich.table import Table

    from nq57cli.domain.status import DISPLAY_ORDER, status_label
    from nq57cli.write.jsonout import summary

    data = summary(result)
    table = Table(title=text("summary", lang), show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row(text("files_read", lang), f"{data['files_read']}/{data['files']}")
    table.add_row(text("tasks", lang), str(data["tasks"]))
    table.add_row(text("agency_reports", lang), str(data["reports"]))
    if data["unmatched_rows"]:
        table.add_row(text("unmatched_rows", lang), str(data["unmatched_rows"]))
    for status in DISPLAY_ORDER:
        if data["status"].get(status):
            table.add_row("  " + status_label(status, lang), str(data["status"][status]))
    table.add_row(text("findings", lang), counts_text(data["findings"], lang))
    console = stdout()
    console.print(table)
    if output:
        console.print(text("written", lang) + str(output))


def print_lines(lines: list[str], console: Any) -> None:
    """Plain lines (no markup) on a rich console."""
    for line in lines:
        console.print(escape(line))


def print_written(paths: list[Path], lang: str, console: Any) -> None:
    for path in paths:
        console.print(text("written", lang) + str(path))


def print_overdue(table: Any, lang: str = "vi", console: Any = None) -> None:
    """The overdue report's sections on stdout, then its summary line: on a terminal, tables laid out
    for its width (never wider: long text wraps inside its cell); piped, tab-separated lines with
    every column whole (one header line, the section's title as the first column)."""
    console = console or stdout()
    if not console.is_terminal:
        lines = ["\t".join([text("group_column", lang), *table.columns])]
        for section in table.sections:
            lines.extend("\t".join(_one_line(cell) for cell in [section.title, *row]) for row in section.rows)
        console.file.write("\n".join([*lines, table.summary]) + "\n")
        return
    from rich.table import Table

    widths = _overdue_widths(table, console.width)
    for section in table.sections:
        if not section.rows:
            continue
        grid = Table(title=escape(section.title), title_justify="left", show_lines=True)
        for index, name in enumerate(table.columns):
            grid.add_column(escape(name), overflow="fold", justify="right" if index == 5 else "left", width=widths[index])
        for row in section.rows:
            grid.add_row(*[escape(_shorten(cell, 160) if index == 1 else cell) for index, cell in enumerate(row)])
        console.print(grid)
    console.print(escape(table.summary), soft_wrap=False)


def _overdue_widths(table: Any, total: int) -> list[int]:
    """Column widths of the overdue tables for a terminal `total` columns wide, the same in every
    section: the ID, the deadline (a date) and the days late as narrow as their text; the task, the
    lead, the status and the agencies not done share the rest (4:2:1:2), their text wrapping."""
    rows = [row for section in table.sections for row in section.rows]
    fixed = {0: max(len(r[0]) for r in [*rows, table.columns]), 3: 10,
             5: max(7, *(len(r[5]) for r in rows))}
    shares = {1: 4, 2: 2, 4: 1, 6: 2}
    room = total - 3 * len(table.columns) - 1 - sum(fixed.values())
    widths = {index: max(7, room * share // sum(shares.values())) for index, share in shares.items() if index != 1}
    widths[1] = max(10, room - sum(widths.values()))  # the task gets the rest
    return [fixed.get(index) or widths[index] for index in range(len(table.columns))]


def _one_line(value: str) -> str:
    """A cell of a tab-separated line: no tab, no line break."""
    return " ".join(value.split())


def _shorten(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def print_indicator_summary(result: Any, lang: str, output: Path) -> None:
    """The indicator run's summary table on stdout, the indicators not met, then what was written."""
    from rich.table import Table

    from nq57cli.indicators.evaluate import STATUSES, status_label

    counts = result.counts()
    files = [i for i in result.inputs if i.role == "submission"]
    table = Table(title=text("indicator_summary", lang), show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row(text("milestone", lang), result.milestone_headers.get(result.milestone, result.milestone))
    table.add_row(text("files_read", lang), f"{len(result.readable_submissions())}/{len(files)}")
    table.add_row(text("indicators_evaluated", lang), f"{sum(counts.values())}/{len(result.indicators)}")
    for status in STATUSES:
        if counts[status]:
            table.add_row("  " + status_label(status, lang), str(counts[status]))
    if result.unmatched:
        table.add_row(text("unmatched_values", lang), str(len(result.unmatched)))
    table.add_row(text("findings", lang), counts_text(count_by_severity(result.findings), lang))
    console = stdout()
    console.print(table)
    missed = [f"{i.code} ({i.assessment.text(i.unit, lang).split('(', 1)[-1].rstrip(')')})" for i in result.indicators
              if i.assessment and i.assessment.status == "not_met"]
    if missed:
        console.print(escape(text("not_met", lang) + "; ".join(missed)))
    console.print(text("written", lang) + str(output))


def print_diff(diff: Any, lang: str, output: Path | None, shown: int = 15) -> None:
    """`nq57 diff` on stdout: both periods, the count of each kind of change, then the tasks and agencies
    concerned (`shown` a kind; the rest are in --json and -o changes.xlsx), then what was written."""
    from rich.table import Table

    from nq57cli.domain.status import status_label
    from nq57cli.write.changesbook import KIND_LABELS, side_label

    index = 1 if lang == "en" else 0
    table = Table(title=text("diff_summary", lang), show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row(text("previous_period", lang), escape(side_label(diff.previous)))
    table.add_row(text("current_period", lang), escape(side_label(diff.current)))
    for kind, count in diff.counts().items():
        table.add_row(KIND_LABELS[kind][index], str(count))
    console = stdout()
    console.print(table)
    lines: list[str] = []
    for kind in ("regression", "completed", "late", "status", "deadline", "added", "removed", "silent_agency"):
        changes = diff.of_kind(kind)
        if not changes:
            continue
        lines.append(KIND_LABELS[kind][index] + ":")
        for change in changes[:shown]:
            if kind == "silent_agency":
                lines.append(f"  {change.agency} ({text('tasks_last_time', lang, count=change.count)})")
                continue
            before, after = change.before, change.after
            if kind != "deadline":
                before, after = (status_label(v, lang) if v else v for v in (before, after))
            move = " → ".join(v or "—" for v in (before, after)) if kind not in ("added", "removed") else (after or before)
            lines.append(f"  {change.task_id} ({move}): {_shorten(change.title or '', 90)}")
        if len(changes) > shown:
            lines.append("  " + text("and_more", lang, count=len(changes) - shown))
    print_lines(lines, console)
    if output:
        console.print(text("written", lang) + str(output))
