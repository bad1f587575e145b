"""`nq57 merge`: read, check and merge the agencies' reports by task ID → merged.xlsx."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from nq57cli.cli.app import command, keep_until_exit
from nq57cli.cli.lang import h
from nq57cli.cli.texts import text
from nq57cli.cli.options import (AgenciesFileOpt, AgencyOpt, CatalogOpt, DebugOpt, JsonOpt, LangOpt, UseOpt, VerboseOpt,
                                 check_lang)
from nq57cli.cli.output import escape, print_findings, print_lines, print_summary, progress_callback, stderr
from nq57cli.errors import ExitCode, UsageError
from nq57cli.pipeline import (expected_agencies, gather_config_inputs, load_report_config, load_roster, output_file,
                              parse_agency_options, period_inputs)
from nq57cli.read.inputs import OutputGuard, require_readable

SHOWN = 10  # names of each list of gaps merge prints (nq57 missing prints them all)


@command("merge", english="Read, check and merge the agencies' reports by task ID → merged.xlsx.")
def merge_command(
    files: Annotated[Optional[list[str]], typer.Argument(help=h(
        "Các tệp báo cáo (.xlsx, .xlsm, .xls, .ods), thư mục hoặc mẫu *.xlsx (mặc định: submissions trong nq57.toml).",
        "Submission files (.xlsx, .xlsm, .xls, .ods), folders or patterns like *.xlsx (default: submissions in "
        "nq57.toml)."))] = None,
    catalog: CatalogOpt = None,
    output_given: Annotated[str, typer.Option("--output", "-o", help=h(
        "Tệp tổng hợp sẽ ghi (một thư mục: merged.xlsx trong đó).",
        "The consolidated workbook to write (a folder: merged.xlsx inside it)."))] = "merged.xlsx",
    agency: AgencyOpt = [],  # noqa: B006 - typer needs a list default
    agencies: AgenciesFileOpt = None,
    period: Annotated[Optional[str], typer.Option("--period", help=h(
        "Kỳ báo cáo ghi vào merged.xlsx, ví dụ \"Quý III/2025\", \"Tháng 9/2025\", \"30/09/2025\" "
        "(mặc định: document.period của nq57.toml).",
        "The reporting period recorded in merged.xlsx, e.g. \"Quý III/2025\", \"Tháng 9/2025\", \"30/09/2025\" "
        "(default: document.period of nq57.toml)."))] = None,
    use: UseOpt = [],  # noqa: B006
    json_out: JsonOpt = False,
    lang: LangOpt = "vi",
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Đọc, kiểm tra và gộp báo cáo của các đơn vị theo mã nhiệm vụ → merged.xlsx."""
    from nq57cli.domain.period import check_period
    from nq57cli.tasks.merge import merge
    from nq57cli.write.mergedbook import write_merged

    lang = check_lang(lang)
    output = output_file(output_given, "merged.xlsx")
    overrides = parse_agency_options(agency)
    # ./nq57.toml, read once when it can supply something: the period, the submissions, the catalog
    config = load_report_config(None, []) if period is None or not files or catalog is None else None
    files, catalog = period_inputs(files, catalog, config)
    guard = OutputGuard()
    paths = guard.add_items(files, exclude=[catalog])
    if not paths:
        raise UsageError("Chưa có tệp báo cáo nào để gộp: ghi các tệp (hoặc thư mục) sau lệnh, hoặc submissions = "
                         "\"thư-mục\" trong nq57.toml.", "No submission files to merge: name the files (or folder) "
                         "after the command, or set submissions = \"folder\" in nq57.toml.")
    guard.add_files([catalog, agencies])
    if config is not None:
        gather_config_inputs(guard, None)
    guard.check_file(output)
    if period is not None:
        period = check_period(period)
    elif config is not None:  # always read when no --period is given
        period = config.document.period or None
    callback, progress = progress_callback(len(paths), lang)
    roster = load_roster(agencies)
    if progress:
        with progress:
            result = merge(paths, catalog=catalog, agencies=overrides, progress=callback, roster=roster, use=use,
                           period=period)
    else:
        result = merge(paths, catalog=catalog, agencies=overrides, roster=roster, use=use, period=period)
    if not result.readable_submissions():
        print_findings(result.findings, lang, verbose)
    require_readable(result.inputs, result.findings, "tasks", writes=True)
    written = write_merged(result, output, lang)
    print_findings(result.findings, lang, verbose)
    if catalog is None:
        stderr().print(escape(text("no_catalog", lang, tasks=len(result.tasks), files=len(result.readable_submissions()))))
    from nq57cli.tasks.missing import missing_report

    if json_out:  # written in pieces: the text of a national merge is never held whole
        from nq57cli.write.jsonout import merge_result_to_dict, write_json

        write_json(merge_result_to_dict(result, lang, lazy=True), lambda chunk: typer.echo(chunk, nl=False))
    else:
        print_summary(result, lang, written)
        if catalog or agencies:  # who has not answered needs a list of who should
            print_lines(missing_report(result, expected_agencies(result, agencies)).summary_lines(lang, limit=SHOWN),
                        stderr())
    keep_until_exit(result)
    if result.errors():
        raise typer.Exit(int(ExitCode.FINDINGS))
