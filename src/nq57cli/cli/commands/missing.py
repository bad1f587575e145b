"""`nq57 missing`: agencies that have not reported, tasks nobody reported on, leads that are silent."""

from __future__ import annotations

import json

import typer

from nq57cli.cli.app import command
from nq57cli.cli.options import (
    AgenciesFileOpt,
    AgencyOpt,
    CatalogOpt,
    DebugOpt,
    FilesArg,
    InputOpt,
    JsonOpt,
    LangOpt,
    UseOpt,
    check_lang,
)
from nq57cli.cli.output import findings_printer, print_lines, stdout
from nq57cli.errors import ExitCode
from nq57cli.pipeline import expected_agencies, load_result


@command("missing", english=(
    "Agencies that have not reported, tasks nobody reported on, tasks whose lead agency has not reported."))
def missing_command(
    files: FilesArg = None,
    input_path: InputOpt = None,
    catalog: CatalogOpt = None,
    agencies: AgenciesFileOpt = None,
    agency: AgencyOpt = [],  # noqa: B006
    use: UseOpt = [],  # noqa: B006
    json_out: JsonOpt = False,
    lang: LangOpt = "vi",
    debug: DebugOpt = False,
) -> None:
    """Đơn vị chưa gửi báo cáo, nhiệm vụ chưa ai báo cáo, nhiệm vụ cơ quan chủ trì chưa báo cáo."""
    from nq57cli.tasks.missing import missing_report

    lang = check_lang(lang)
    result = load_result(input_path, catalog, files, agency, agencies_file=agencies, show=findings_printer(lang, False),
                         use=use)
    report = missing_report(result, expected_agencies(result, agencies))
    if json_out:
        typer.echo(json.dumps(report.to_json_dict(lang), ensure_ascii=False, indent=2))
    else:
        print_lines(report.summary_lines(lang), stdout())
    if files and result.errors():  # read from the submissions here: their errors count as merge's do
        raise typer.Exit(int(ExitCode.FINDINGS))
