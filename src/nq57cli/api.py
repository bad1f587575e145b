"""The public Python API (`import nq57cli`): the library the CLI uses, for scripts and notebooks.

Each function takes paths or results and returns data; nothing is printed. Findings are returned,
never raised; an input that cannot be used at all raises Nq57Error (as the CLI's exit codes say).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nq57cli.domain.config import ReportConfig
    from nq57cli.domain.models import MergeResult
    from nq57cli.indicators.models import IndicatorResult
    from nq57cli.domain.forms import Form
    from nq57cli.tasks.filereport import ValidationReport
    from nq57cli.tasks.overdue import OverdueReport


def _paths(paths: str | Path | Iterable[str | Path], catalog: str | Path | None = None) -> list[Path]:
    """One path or several (files, folders, patterns like *.xlsx) as the files they name, the catalog
    left out (as the commands do)."""
    from nq57cli.read.inputs import expand_inputs

    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    return expand_inputs([str(p) for p in items], exclude=[Path(catalog)] if catalog is not None else [])


def merge(paths: str | Path | Iterable[str | Path], catalog: str | Path | None = None,
          agencies: dict[str, str] | None = None, roster: str | Path | None = None,
          workers: int | None = None, use: list[str] | None = None) -> MergeResult:
    """Read, validate and merge agencies' submissions by task ID, as `nq57 merge` does.

    `paths`: files, folders or patterns (``"submissions/*.xlsx"``); `catalog`: the task catalog
    (.xlsx); `agencies`: ``{file name: agency}`` overrides (``--agency``); `roster`: an agency list
    workbook (``--agencies``); `use`: files to use when an agency sent several (``--use``). The findings are in ``result.findings``; ``result.tasks_frame()`` and
    friends give pandas DataFrames.
    """
    from nq57cli.tasks.merge import merge as merge_files

    people = None
    if roster is not None:
        from nq57cli.read.agencylist import read_agencies

        people = read_agencies(Path(roster))
    return merge_files(_paths(paths, catalog), catalog=Path(catalog) if catalog is not None else None,
                       agencies=agencies, workers=workers, roster=people, use=use)


def read_merged(path: str | Path) -> MergeResult:
    """Read a merged.xlsx back, with whatever was edited in Excel (results, statuses), as
    ``nq57 render -i merged.xlsx`` does; findings about the workbook are in ``result.findings``."""
    from nq57cli.write.mergedbook import read_merged as read_book

    result, _ = read_book(Path(path))  # the findings returned are result.findings
    return result


def validate(paths: str | Path | Iterable[str | Path], catalog: str | Path | None = None,
             agencies: dict[str, str] | None = None, use: list[str] | None = None) -> ValidationReport:
    """Check submissions as `nq57 validate` does: the findings of merge, grouped by file
    (``report.files``, ``report.clean_files``, ``report.files_with_problems``); `use` as in merge()."""
    from nq57cli.tasks.filereport import validate_files

    return validate_files(_paths(paths, catalog), catalog=Path(catalog) if catalog is not None else None, agencies=agencies,
                          use=use)


def overdue(result: MergeResult, as_of: dt.date | str | None = None, within: int | None = None,
            by: str = "lead") -> OverdueReport:
    """Every task classed as of `as_of` (a date, "30/9/2025", or None for today), as `nq57 overdue`
    does; `within` N also lists tasks due in the next N days; late tasks grouped `by` "lead",
    "agency" or "group". ``report.items_frame()`` gives a DataFrame."""
    from nq57cli.tasks.overduereport import classify

    if as_of is None:
        day = dt.date.today()
    elif isinstance(as_of, str):
        from nq57cli.domain.deadline import parse_date_option

        day = parse_date_option(as_of, "as_of")
    else:
        day = as_of
    return classify(result, day, within=within, by=by)


def merge_indicators(paths: str | Path | Iterable[str | Path], catalog: str | Path,
                     milestone: str | int | None = None,
                     agencies: dict[str, str] | None = None) -> IndicatorResult:
    """Consolidate agencies' indicator figures and assess them against `milestone`'s targets (default:
    the catalog's earliest), as `nq57 indicators` does. ``result.indicators_frame()`` and
    ``result.values_frame()`` give DataFrames."""
    from nq57cli.indicators.consolidate import merge_indicators as merge_figures

    return merge_figures(_paths(paths, catalog), Path(catalog), milestone, agencies)


def render(form: str | Form, result: MergeResult, output: str | Path, config: str | Path | ReportConfig | None = None,
           template: str | Path | None = None, as_of: dt.date | None = None,
           indicators: IndicatorResult | None = None) -> Path:
    """Render a document form ("bao-cao", "phu-luc-03", … see `nq57 forms`) to a .docx, written
    atomically, and return its path. `config`: an nq57.toml path or a ReportConfig (default: the
    built-in settings); `template`: your own .docx template."""
    from nq57cli.domain.config import ReportConfig
    from nq57cli.domain.configfile import load_config
    from nq57cli.render.document import render_document

    settings = config if isinstance(config, ReportConfig) else load_config(Path(config) if config else None)
    return render_document(result, form, settings, Path(output), template=Path(template) if template else None,
                           as_of=as_of, indicators=indicators)
