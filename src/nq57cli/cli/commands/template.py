"""`nq57 template`: a ready report workbook for each agency (tasks filled in, columns locked)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from nq57cli.cli.app import command
from nq57cli.cli.lang import h
from nq57cli.cli.options import AgenciesFileOpt, DebugOpt, JsonOpt, LangOpt, check_lang
from nq57cli.cli.output import escape, stdout
from nq57cli.cli.texts import text
from nq57cli.pipeline import load_roster
from nq57cli.read.inputs import OutputGuard


@command("template", english=(
    "Make a ready report workbook for each agency (tasks filled in, columns locked, status list)."))
def template_command(
    catalog: Annotated[Path, typer.Option("--catalog", "-c", help=h("Danh mục nhiệm vụ gốc (.xlsx).",
                                                                    "The master task catalog (.xlsx)."))],
    output: Annotated[Path, typer.Option("--output", "-o", help=h("Thư mục ghi các tệp mẫu.",
                                                                  "The folder to write the forms into."))] = Path("mau-bao-cao"),
    agency: Annotated[list[str], typer.Option("--agency", help=h("Đơn vị cần tệp mẫu (lặp lại được).",
                                                                 "An agency that needs a form (repeatable)."))] = [],  # noqa: B006
    agencies: AgenciesFileOpt = None,
    period: Annotated[Optional[str], typer.Option("--period", help=h("Kỳ báo cáo, ví dụ \"Quý III/2025\".",
                                                                     "The reporting period, e.g. \"Quý III/2025\"."))] = None,
    return_by: Annotated[Optional[str], typer.Option("--return-by", help=h("Hạn gửi lại tệp, ví dụ 25/9/2025.",
                                                                           "The date the forms are due back, e.g. 25/9/2025."))] = None,
    previous: Annotated[Optional[Path], typer.Option("--previous", help=h(
        "merged.xlsx của kỳ trước: điền sẵn tình trạng, kết quả, ngày hoàn thành mỗi đơn vị đã báo cáo kỳ trước "
        "(đánh dấu là nội dung kỳ trước để đơn vị cập nhật).",
        "The previous period's merged.xlsx: each agency's last status, result and completion date filled in "
        "(marked as last period's, for the agency to update)."))] = None,
    force: Annotated[bool, typer.Option("--force", help=h("Ghi đè cả tệp có sẵn trong thư mục không do nq57 tạo.",
                                                          "Replace files in the folder that nq57 did not make too."))] = False,
    json_out: JsonOpt = False,
    lang: LangOpt = "vi",
    debug: DebugOpt = False,
) -> None:
    """Tạo sẵn tệp Excel báo cáo cho từng đơn vị (đã điền nhiệm vụ, khóa cột, danh sách tình trạng)."""
    from nq57cli.domain.deadline import parse_date_option
    from nq57cli.tasks.catalog import load_catalog
    from nq57cli.write.agencybook import write_agency_templates
    from nq57cli.write.agencyplan import plan_templates, read_agency_list

    lang = check_lang(lang)
    guard = OutputGuard(force=force)
    guard.add_files([catalog, agencies, previous])
    guard.check_folder(output)
    names = list(agency) + (read_agency_list(agencies) if agencies else [])
    due = parse_date_option(return_by, "--return-by") if return_by else None
    cat = load_catalog(catalog, load_roster(agencies))  # the list's kinds expand "UBND các xã, phường"
    plans = plan_templates(cat, names or None)
    record = None
    if previous is not None:
        from nq57cli.write.periodbook import read_period

        record = read_period(previous)
    written = write_agency_templates(cat, output, names or None, period=period, return_by=due, guard=guard,
                                     previous=record)
    if json_out:
        typer.echo(json.dumps({"files": [{"agency": p.agency, "path": str(w), "tasks": len(p.tasks), "named": p.named}
                                         for p, w in zip(plans, written)]}, ensure_ascii=False, indent=2))
        return
    console = stdout()
    for plan, path in zip(plans, written):
        note = "" if plan.named else text("template_not_named", lang)
        console.print(f"{path}  — {escape(plan.agency)}: {len(plan.tasks)} " + text("template_tasks", lang) + escape(note))
