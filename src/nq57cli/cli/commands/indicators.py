"""`nq57 indicators`: the agencies' indicator figures consolidated and assessed → indicators.xlsx."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from nq57cli.cli.app import command
from nq57cli.cli.lang import h
from nq57cli.cli.options import AgencyOpt, DebugOpt, JsonOpt, LangOpt, MilestoneOpt, VerboseOpt, check_lang
from nq57cli.cli.output import print_findings, print_indicator_summary
from nq57cli.errors import ExitCode, UsageError
from nq57cli.pipeline import output_file, parse_agency_options
from nq57cli.read.inputs import OutputGuard, require_readable


@command("indicators", english=(
    "Consolidate the agencies' indicator figures and assess met / not met against a milestone's targets → indicators.xlsx."))
def indicators_command(
    files: Annotated[list[str], typer.Argument(help=h("Các tệp số liệu chỉ tiêu của các đơn vị, thư mục hoặc mẫu *.xlsx.",
                                                      "The agencies' indicator files, folders or patterns like *.xlsx."))],
    catalog: Annotated[Path, typer.Option("--catalog", "-c", help=h("Danh mục chỉ tiêu (.xlsx) với mục tiêu theo các mốc năm.",
                                                                    "The indicator catalog (.xlsx) with targets per milestone year."))],
    milestone: MilestoneOpt = None,
    output_given: Annotated[str, typer.Option("--output", "-o", help=h(
        "Tệp tổng hợp chỉ tiêu sẽ ghi (một thư mục: indicators.xlsx trong đó).",
        "The consolidated indicator workbook to write (a folder: indicators.xlsx inside it)."))] = "indicators.xlsx",
    agency: AgencyOpt = [],  # noqa: B006
    json_out: JsonOpt = False,
    lang: LangOpt = "vi",
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Tổng hợp số liệu chỉ tiêu của các đơn vị và đánh giá đạt / chưa đạt so với mục tiêu của một mốc → indicators.xlsx."""
    from nq57cli.indicators.consolidate import merge_indicators
    from nq57cli.write.indicatorbook import write_indicators

    lang = check_lang(lang)
    output = output_file(output_given, "indicators.xlsx")
    guard = OutputGuard()
    paths = guard.add_items(files, exclude=[catalog])
    if not paths:
        raise UsageError("Chưa có tệp số liệu chỉ tiêu nào.", "No indicator files given.")
    guard.add_file(catalog)
    guard.check_file(output)
    result = merge_indicators(paths, catalog, milestone, parse_agency_options(agency))
    if not result.readable_submissions():
        print_findings(result.findings, lang, verbose)
    require_readable(result.inputs, result.findings, "indicators", writes=True)
    written = write_indicators(result, output, lang)
    print_findings(result.findings, lang, verbose)
    if json_out:
        typer.echo(json.dumps(result.to_json_dict(lang), ensure_ascii=False, indent=2))
    else:
        print_indicator_summary(result, lang, written)
    if result.errors():
        raise typer.Exit(int(ExitCode.FINDINGS))
