"""Orchestration the commands share, as a library that returns data and never prints: which inputs a
command reads, "merge now or read merged.xlsx", indicator data, the agencies expected, the demo's steps."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from nq57cli.domain.findings import errors
from nq57cli.errors import UnreadableInputError, UsageError
from nq57cli.read.inputs import OutputGuard, expand_inputs, require_readable

Show = Callable[[list], None]  # receives the findings worth showing at once (the CLI prints them)

DEMO_AS_OF = "2025-12-31"  # the end of the samples' reporting period
DEMO_PERIOD, DEMO_PREVIOUS = "Quý IV/2025", "Quý III/2025"  # the samples' period, and the one the demo makes before it
DEMO_OUTPUTS = ("merged.xlsx", "phu-luc-03.docx", "bao-cao.docx", "qua-han.xlsx", "ky-truoc.xlsx", "thay-doi.xlsx")


def _show_nothing(findings: list) -> None:
    return None


def parse_agency_options(values: list[str]) -> dict[str, str]:
    """--agency FILE=NAME options → {file: agency name}."""
    out = {}
    for value in values:
        name, sep, agency = value.partition("=")
        if not sep or not name.strip() or not agency.strip():
            raise UsageError(f"--agency cần dạng TỆP=TÊN ĐƠN VỊ, không phải \"{value}\"",
                             f"--agency needs FILE=AGENCY NAME, not \"{value}\"")
        out[name.strip()] = agency.strip()
    return out


def load_roster(agencies_file: Path | None) -> Any:
    """The agency list of --agencies (agencylist.read_agencies), or None."""
    if not agencies_file:
        return None
    from nq57cli.read.agencylist import read_agencies

    return read_agencies(agencies_file)


def load_result(input_path: Path | None, catalog: Path | None, files: list[str] | None, agency: list[str],
                paths: list[Path] | None = None, agencies_file: Path | None = None, show: Show = _show_nothing,
                use: list[str] | None = None) -> Any:
    """The data a command works on: a merged.xlsx (default ./merged.xlsx) or submissions merged now
    (`paths`: the files already listed by gather_data_inputs; `use`: --use FILE, as merge takes it). `show`
    gets the findings to show first: the errors of a merge, everything read back from a merged.xlsx."""
    from nq57cli.tasks.resubmissions import check_use

    if files:
        from nq57cli.tasks.merge import merge

        paths = paths if paths is not None else expand_inputs(files, exclude=[catalog] if catalog else [])
        result = merge(paths, catalog=catalog, agencies=parse_agency_options(agency), roster=load_roster(agencies_file),
                       use=use)
        show(errors(result.findings))
        require_readable(result.inputs, result.findings, "tasks")
        return result
    check_use(use or [], [])  # a merged.xlsx has no submissions to choose from: --use names none of them
    from nq57cli.write.mergedbook import read_merged

    path = input_path or Path("merged.xlsx")
    if not path.exists():
        raise UnreadableInputError(
            f"Không có tệp tổng hợp {path}; hãy chạy \"nq57 merge\" trước, hoặc dùng -i, hoặc --catalog và các tệp báo cáo.",
            f"No consolidated workbook {path}; run \"nq57 merge\" first, or give -i, or --catalog and submissions.",
        )
    result, findings = read_merged(path)
    show(findings)
    return result


def load_indicator_data(input_path: Path | None, catalog: Path | None, files: list[str] | None, agency: list[str],
                        milestone: str | None, verbose: bool = False, paths: list[Path] | None = None,
                        show: Show = _show_nothing) -> Any:
    """Indicator data: an indicators.xlsx (default ./indicators.xlsx) or indicator files consolidated now
    (`paths`: the files already listed). `show` gets the errors (everything read back with `verbose`)."""
    if files:
        from nq57cli.indicators.consolidate import merge_indicators

        if catalog is None:
            raise UsageError("Các tệp báo cáo chỉ tiêu cần --catalog CHI-TIEU.xlsx (danh mục chỉ tiêu).",
                             "Indicator submissions need --catalog CHI-TIEU.xlsx (the indicator catalog).")
        paths = paths if paths is not None else expand_inputs(files, exclude=[catalog])
        result = merge_indicators(paths, catalog, milestone, parse_agency_options(agency))
        show(errors(result.findings))
        require_readable(result.inputs, result.findings, "indicators")
        return result
    from nq57cli.write.indicatorbook import read_indicator_book

    path = input_path or Path("indicators.xlsx")
    if not path.exists():
        raise UnreadableInputError(
            f"Không có tệp chỉ tiêu {path}; hãy chạy \"nq57 indicators\" trước, hoặc dùng -i, hoặc --catalog và các tệp.",
            f"No indicator workbook {path}; run \"nq57 indicators\" first, or give -i, or --catalog and the files.",
        )
    result = read_indicator_book(path, milestone)
    show(result.findings if verbose else errors(result.findings))
    return result


def gather_data_inputs(guard: OutputGuard, input_path: Path | None, catalog: Path | None,
                       files: list[str] | None) -> list[Path] | None:
    """What load_result() will read, added to `guard` before anything is read: the submissions (their
    list is returned for load_result) and the catalog, else -i (default ./merged.xlsx)."""
    guard.add_file(catalog)
    if files:
        return guard.add_items(files, exclude=[catalog])
    guard.add_file(input_path or Path("merged.xlsx"))
    return None


# What each kind of output file is written by: `-o` naming one of these the command does not write is refused.
WRITTEN_BY = {".docx": ("nq57 render -o X.docx", "nq57 render -o X.docx"),
              ".pdf": ("--pdf (ghi thêm bản PDF cạnh tệp .docx)", "--pdf (also writes a PDF beside the .docx)"),
              ".xlsx": ("nq57 merge -o X.xlsx", "nq57 merge -o X.xlsx"),
              ".json": ("--json", "--json")}


def output_file(given: str | None, default: str, option: str = "-o") -> Path:
    """Where `-o` (or `option`) writes: `default` when not given; inside the folder when it names one
    (existing, or written with a trailing slash); with `default`'s extension added when it has none. An
    extension of another kind of output (WRITTEN_BY) is a UsageError naming the option that writes it."""
    if not given:
        return Path(default)
    path = Path(given)
    if given.endswith(("/", "\\")) or path.is_dir():
        return path / Path(default).name
    wanted = Path(default).suffix
    suffix = path.suffix.lower()
    if not suffix:
        return path.with_name(path.name + wanted)
    if suffix != wanted and suffix in WRITTEN_BY:
        hint_vi, hint_en = WRITTEN_BY[suffix]
        raise UsageError(f"{option} {given}: tùy chọn này ghi tệp {wanted}, không phải {suffix}; tệp {suffix} do {hint_vi}.",
                         f"{option} {given}: this option writes a {wanted} file, not {suffix}; a {suffix} comes from "
                         f"{hint_en}.")
    return path


def period_inputs(files: list[str] | None, catalog: Path | None, config: Any) -> tuple[list[str], Path | None]:
    """The submissions and the catalog of a merge: as given, else `submissions` and `catalog` of the
    working folder's nq57.toml (`config`, None when not read), so that `nq57 merge` alone does the
    period's merge."""
    if config is None:
        return list(files or []), catalog
    if not files and config.submissions is not None:
        files = [str(config.submissions)]
    return list(files or []), catalog if catalog is not None else config.catalog


def gather_config_inputs(guard: OutputGuard, config: Path | None) -> None:
    """nq57.toml (given or ./nq57.toml) is an input of the commands that read it."""
    from nq57cli.domain.configfile import default_config_path

    guard.add_file(config if config is not None else default_config_path())


def load_report_config(path: Path | None, sets: list[str]) -> Any:
    """nq57.toml (given, or ./nq57.toml when present, else defaults) with --set KEY=VALUE overrides."""
    from nq57cli.domain.configfile import default_config_path, load_config
    from nq57cli.domain.overrides import apply_overrides

    config = load_config(path if path is not None else default_config_path())
    overrides = {}
    for item in sets:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--set cần dạng KHÓA=GIÁ TRỊ, không phải \"{item}\"", f"--set needs KEY=VALUE, not \"{item}\"")
        overrides[key.strip()] = value.strip()
    return apply_overrides(config, overrides) if overrides else config


def expected_agencies(result: Any, agencies_file: Path | None) -> list[str] | None:
    """Who should have reported: the --agencies list, else None when the catalog names them, else (a
    merged.xlsx read back) the tasks' lead and partner agencies."""
    if agencies_file:
        from nq57cli.write.agencyplan import read_agency_list

        return read_agency_list(agencies_file)
    if result.expected_agencies:
        return None
    from nq57cli.domain.agency import split_agencies

    names: dict[str, None] = {}
    for task in result.tasks:
        for name in split_agencies(task.lead) + task.partners:
            names.setdefault(name, None)
    return list(names)


def samples_folder() -> Path:
    """The bundled samples, installed with the package (or the repository's samples/)."""
    from importlib.resources import files

    try:
        return Path(str(files("nq57cli.samples")))
    except ModuleNotFoundError:  # running from a source checkout without installing
        return Path(__file__).resolve().parents[2] / "samples"


def demo_inputs(out: Path) -> tuple[Path, list[Path], OutputGuard]:
    """The samples' catalog and submissions, and the guard that keeps the demo's outputs in `out`
    (never in the samples)."""
    samples = samples_folder()
    submissions = sorted((samples / "submissions").glob("*.xlsx"))
    guard = OutputGuard()
    guard.add_folder(samples)
    guard.add_folder(samples / "submissions")
    guard.check_folder(out)
    for name in DEMO_OUTPUTS:
        guard.check_file(out / name)
    return samples / "catalog.xlsx", submissions, guard


def demo_merge(catalog: Path, submissions: list[Path], out: Path, lang: str) -> tuple[Any, Path]:
    """The demo's first step: the samples merged into out/merged.xlsx."""
    from nq57cli.tasks.merge import merge
    from nq57cli.write.mergedbook import write_merged

    result = merge(submissions, catalog=catalog, period=DEMO_PERIOD)
    return result, write_merged(result, out / "merged.xlsx", lang)


def demo_previous(result: Any) -> Any:
    """The demo's previous period, made from the samples' merge: every other completed task (and its
    agencies' completed reports) still in progress a quarter earlier; the rest as now."""
    earlier = result.model_copy(deep=True)
    earlier.period = DEMO_PREVIOUS
    for task in [t for t in earlier.tasks if t.status == "completed"][::2]:
        task.status, task.completed_on = "in_progress", None
        for report in task.reports:
            if report.status == "completed":
                report.status, report.completed_on = "in_progress", None
    return earlier


def demo_steps(result: Any, out: Path, lang: str, guard: OutputGuard) -> list[Path]:
    """After merge, the demo makes a previous period (ky-truoc.xlsx) and what changed since (thay-doi.xlsx),
    renders the report (compared with the previous period) and its appendix, then the overdue list and
    letters (tasks late in both periods marked), all as of the end of the samples' reporting period, for
    the sample office of samples/nq57.toml."""
    from datetime import date

    from nq57cli.domain.configfile import load_config
    from nq57cli.domain.overrides import apply_overrides
    from nq57cli.render.document import render_document
    from nq57cli.render.overdue import write_letters
    from nq57cli.tasks.overduereport import classify
    from nq57cli.write.overduebook import write_overdue_xlsx

    from nq57cli.tasks.periods import compare, mark_persistent, record_of
    from nq57cli.write.changesbook import write_changes
    from nq57cli.write.mergedbook import write_merged

    earlier = demo_previous(result)
    written = [write_merged(earlier, out / "ky-truoc.xlsx", lang)]
    previous = [record_of(earlier, "ky-truoc.xlsx")]
    written.append(write_changes(compare(previous[0], record_of(result, "merged.xlsx")), out / "thay-doi.xlsx", lang))
    config = apply_overrides(load_config(samples_folder() / "nq57.toml"), {"document.date": DEMO_AS_OF})
    written += [render_document(result, form, config, out / f"{form}.docx", previous=previous)
                for form in ("phu-luc-03", "bao-cao")]
    late = mark_persistent(classify(result, date.fromisoformat(DEMO_AS_OF)), previous)
    written.append(write_overdue_xlsx(late, out / "qua-han.xlsx", lang))
    guard.check_folder(out / "cong-van-don-doc")
    written.extend(write_letters(late, out / "cong-van-don-doc", config, guard=guard))
    return written
