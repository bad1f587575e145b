"""`nq57 validate`: check submission files file by file (the same findings as merge); --annotate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from nq57cli.cli.app import command
from nq57cli.cli.lang import h
from nq57cli.cli.options import AgencyOpt, CatalogOpt, DebugOpt, JsonOpt, LangOpt, UseOpt, VerboseOpt, check_lang
from nq57cli.cli.output import print_findings, stdout
from nq57cli.cli.texts import text
from nq57cli.errors import ExitCode, UnreadableInputError
from nq57cli.pipeline import parse_agency_options
from nq57cli.read.inputs import OutputGuard


@command("validate", english=(
    "Check submission files (the same findings as merge), file by file; --annotate writes marked-up copies."))
def validate_command(
    files: Annotated[list[str], typer.Argument(help=h("Các tệp báo cáo cần kiểm tra, thư mục hoặc mẫu *.xlsx.",
                                                      "Submission files to check, folders or patterns like *.xlsx."))],
    catalog: CatalogOpt = None,
    annotate_dir: Annotated[
        Optional[Path], typer.Option("--annotate", help=h("Ghi bản sao có đánh dấu lỗi (tô màu + ghi chú) vào thư mục này.",
                                                          "Write copies with the problems marked (colour + comments) into this folder."))
    ] = None,
    agency: AgencyOpt = [],  # noqa: B006
    use: UseOpt = [],  # noqa: B006
    force: Annotated[bool, typer.Option("--force", help=h("Với --annotate: ghi đè cả tệp có sẵn không do nq57 tạo.",
                                                          "With --annotate: replace files nq57 did not make too."))] = False,
    json_out: JsonOpt = False,
    lang: LangOpt = "vi",
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Kiểm tra các tệp báo cáo (cùng phát hiện như merge), theo từng tệp; --annotate ghi bản sao đánh dấu lỗi."""
    from nq57cli.tasks.filereport import validate_files
    from nq57cli.write.annotate import annotate, annotation_targets

    lang = check_lang(lang)
    guard = OutputGuard(force=force)
    paths = guard.add_items(files, exclude=[catalog])
    guard.add_file(catalog)
    if annotate_dir:
        guard.check_folder(annotate_dir)
        for path in paths:
            for target in annotation_targets(path, annotate_dir):
                guard.check_file(target)
    report = validate_files(paths, catalog=catalog, agencies=parse_agency_options(agency), use=use)
    if not any(f.readable for f in report.submissions):
        if not json_out:  # under --json the findings are in the JSON document
            print_findings(report.findings, lang, verbose)
        raise UnreadableInputError("Không đọc được tệp báo cáo nào (xem các lỗi ở trên).",
                                   "None of the submissions could be read (see above).", findings=report.findings)
    annotated: list[Path] = []
    if annotate_dir:
        problems = report.files_with_problems
        guard.check_replace([t for item in problems for t in annotation_targets(Path(item.path), annotate_dir)],
                            "annotated")
        for item in problems:
            annotated.append(annotate(Path(item.path), item.findings, annotate_dir, lang, guard=guard))
    if json_out:
        data = report.to_json_dict(lang)
        data["annotated"] = [str(p) for p in annotated]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print_findings(report.findings, lang, verbose)
        console = stdout()
        clean = report.clean_files
        console.print(text("clean_files", lang) + (", ".join(clean) if clean else "—"))
        problems = report.files_with_problems
        console.print(text("files_to_fix", lang) + (", ".join(f.file for f in problems) or "—"))
        for path in annotated:
            console.print(text("annotated_copy", lang) + str(path))
    if report.errors():
        raise typer.Exit(int(ExitCode.FINDINGS))
