"""`nq57 diff`: what changed from one period's merged.xlsx to the next."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from nq57cli.cli.app import command, keep_until_exit
from nq57cli.cli.lang import h
from nq57cli.cli.options import DebugOpt, JsonOpt, LangOpt, VerboseOpt, check_lang
from nq57cli.cli.output import print_diff, print_findings
from nq57cli.pipeline import output_file
from nq57cli.read.inputs import OutputGuard


@command("diff", english=("What changed from one period's merged.xlsx to the next: statuses, late tasks, deadlines, "
                          "tasks added or removed, agencies gone silent, results copied."))
def diff_command(
    previous: Annotated[Path, typer.Argument(help=h("merged.xlsx của kỳ trước.", "The previous period's merged.xlsx."))],
    current: Annotated[Path, typer.Argument(help=h("merged.xlsx của kỳ này.", "This period's merged.xlsx."))],
    output_given: Annotated[Optional[str], typer.Option("--output", "-o", help=h(
        "Ghi thêm các thay đổi ra tệp Excel (mỗi loại thay đổi một trang), ví dụ changes.xlsx (một thư mục: "
        "changes.xlsx trong đó).",
        "Also write the changes to a workbook (one sheet per kind of change), e.g. changes.xlsx (a folder: "
        "changes.xlsx inside it)."))] = None,
    json_out: JsonOpt = False,
    lang: LangOpt = "vi",
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Những gì thay đổi từ merged.xlsx kỳ trước sang kỳ này: tình trạng, quá hạn, thời hạn, nhiệm vụ thêm/bỏ,
    đơn vị thôi báo cáo, kết quả chép lại."""
    from nq57cli.tasks.periods import compare
    from nq57cli.write.periodbook import read_periods

    lang = check_lang(lang)
    output = output_file(output_given, "changes.xlsx") if output_given else None
    guard = OutputGuard()
    guard.add_files([previous, current])
    if output is not None:
        guard.check_file(output)
    before, now = read_periods([previous, current])
    keep_until_exit((before, now))
    diff = compare(before, now)
    written = None
    if output is not None:
        from nq57cli.write.changesbook import write_changes

        written = write_changes(diff, output, lang)
    if json_out:
        from nq57cli.write.changesbook import diff_to_dict
        from nq57cli.write.jsonout import write_json

        write_json(diff_to_dict(diff, lang), lambda chunk: typer.echo(chunk, nl=False))
        return
    print_findings(diff.findings, lang, verbose)
    print_diff(diff, lang, written)
