"""`nq57 overdue`: overdue (and soon due) tasks as of a date, by agency; the list, appendix and letters."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from nq57cli.cli.app import command
from nq57cli.cli.lang import h
from nq57cli.cli.options import (
    AgencyOpt,
    CatalogOpt,
    ConfigOpt,
    DebugOpt,
    FilesArg,
    InputOpt,
    JsonOpt,
    LangOpt,
    PreviousOpt,
    SetOpt,
    UseOpt,
    VerboseOpt,
    check_lang,
    check_previous,
)
from nq57cli.cli.output import findings_printer, print_findings, print_overdue, print_written, stderr
from nq57cli.errors import ExitCode, UsageError
from nq57cli.pipeline import gather_config_inputs, gather_data_inputs, load_report_config, load_result, output_file
from nq57cli.read.inputs import OutputGuard


@command("overdue", english="Overdue (and soon due) tasks as of a date, by agency; reminder letters.")
def overdue_command(
    files: FilesArg = None,
    input_path: InputOpt = None,
    catalog: CatalogOpt = None,
    as_of: Annotated[
        Optional[str], typer.Option("--as-of", help=h("Ngày tính quá hạn: 30/9/2025, 30.9.2025 hoặc 2025-09-30 (mặc định: hôm nay).",
                                                      "The date overdue is counted at: 30/9/2025, 30.9.2025 or 2025-09-30 (default: today)."))
    ] = None,
    within: Annotated[Optional[int], typer.Option("--within", help=h("Liệt kê thêm nhiệm vụ đến hạn trong N ngày tới.",
                                                                     "Also list the tasks due within the next N days."))] = None,
    by: Annotated[str, typer.Option("--by", help=h("Nhóm theo: lead (cơ quan chủ trì), agency (đơn vị báo cáo), group (nhóm).",
                                                   "Group by: lead (lead agency), agency (reporting agency), group (task group)."))] = "lead",
    xlsx_given: Annotated[Optional[str], typer.Option("--xlsx", help=h(
        "Ghi danh sách ra tệp Excel để chuyển tiếp (một thư mục: qua-han.xlsx trong đó).",
        "Write the list to an Excel file to pass on (a folder: qua-han.xlsx inside it)."))] = None,
    docx_given: Annotated[Optional[str], typer.Option("--docx", help=h(
        "Ghi phụ lục \"Danh sách nhiệm vụ quá hạn\" (Word; một thư mục: qua-han.docx trong đó).",
        "Write the \"Danh sách nhiệm vụ quá hạn\" appendix (Word; a folder: qua-han.docx inside it)."))] = None,
    letters: Annotated[
        Optional[Path], typer.Option("--letters", help=h("Ghi công văn đôn đốc, mỗi cơ quan chủ trì có việc quá hạn một tệp.",
                                                         "Write reminder letters, one file per lead agency with overdue tasks."))
    ] = None,
    fail_on_overdue: Annotated[
        bool, typer.Option("--fail-on-overdue", help=h("Thoát với mã 1 khi có nhiệm vụ quá hạn (cho script).",
                                                       "Exit with code 1 when tasks are overdue (for scripts)."))
    ] = False,
    force: Annotated[bool, typer.Option("--force", help=h("Với --letters: ghi đè cả tệp có sẵn không do nq57 tạo.",
                                                          "With --letters: replace files nq57 did not make too."))] = False,
    config: ConfigOpt = None,
    set_: SetOpt = [],  # noqa: B006
    agency: AgencyOpt = [],  # noqa: B006
    use: UseOpt = [],  # noqa: B006
    previous: PreviousOpt = [],  # noqa: B006
    json_out: JsonOpt = False,
    lang: LangOpt = "vi",
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Nhiệm vụ quá hạn (và sắp đến hạn) tính đến một ngày, của cơ quan nào; công văn đôn đốc."""
    from datetime import date

    from nq57cli.domain.deadline import parse_date_option
    from nq57cli.render.overdue import write_letters, write_overdue_docx
    from nq57cli.tasks.overduereport import classify
    from nq57cli.tasks.overduetext import terminal_table
    from nq57cli.write.overduebook import write_overdue_xlsx
    from nq57cli.write.overduejson import to_json_dict

    lang = check_lang(lang)
    day = parse_date_option(as_of, "--as-of") if as_of else date.today()
    if within is not None and within < 0:
        raise UsageError("--within phải là số ngày ≥ 0", "--within must be a number of days ≥ 0")
    xlsx = output_file(xlsx_given, "qua-han.xlsx", "--xlsx") if xlsx_given else None
    docx = output_file(docx_given, "qua-han.docx", "--docx") if docx_given else None
    guard = OutputGuard(force=force)
    listed = gather_data_inputs(guard, input_path, catalog, files)
    guard.add_files(check_previous(previous))
    if docx or letters:
        gather_config_inputs(guard, config)
    for path in (xlsx, docx):
        guard.check_file(path)
    guard.check_folder(letters)
    settings = load_report_config(config, set_) if (docx or letters) else None
    if settings is not None:
        guard.add_folder(settings.template_dir)
        guard.check_file(docx)
        guard.check_folder(letters)
    result = load_result(input_path, catalog, files, agency, listed, show=findings_printer(lang, verbose), use=use)
    report = classify(result, day, within=within, by=by)
    if previous:  # tasks late in two or more periods in a row: "quá hạn kéo dài"
        from nq57cli.tasks.periods import mark_persistent
        from nq57cli.write.periodbook import read_periods

        mark_persistent(report, read_periods(previous))
    written: list[Path] = []
    if xlsx:
        written.append(write_overdue_xlsx(report, xlsx, lang))
    if docx and settings is not None:  # settings are loaded whenever docx or letters is asked for
        written.append(write_overdue_docx(report, docx, settings))
    if letters and settings is not None:
        written.extend(write_letters(report, letters, settings, guard=guard))
    if settings is not None:  # the appendix and letters are documents: the same checks as render's
        from nq57cli.render.document import document_findings

        print_findings(document_findings(settings, day), lang, verbose)
    if json_out:
        typer.echo(json.dumps(to_json_dict(report, lang), ensure_ascii=False, indent=2))
    else:
        print_overdue(terminal_table(report, lang), lang)
    print_written(written, lang, stderr())
    if fail_on_overdue and report.summary.overdue:
        raise typer.Exit(int(ExitCode.FINDINGS))
