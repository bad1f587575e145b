"""`nq57 demo`: nq57 on the bundled sample data (merge, render, overdue) into a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nq57cli.cli.app import command
from nq57cli.cli.lang import h
from nq57cli.cli.options import DebugOpt, LangOpt, check_lang
from nq57cli.cli.output import print_findings, print_summary, stderr, stdout
from nq57cli.cli.texts import text
from nq57cli.pipeline import demo_inputs, demo_merge, demo_steps


@command("demo", english=(
    "Try nq57 on the bundled sample data: merge (then render, overdue) into a folder."))
def demo_command(
    out: Annotated[Path, typer.Option("--out", "-o", help=h("Thư mục ghi kết quả mẫu.",
                                                            "The folder to write the demo outputs into."))] = Path("nq57-demo"),
    lang: LangOpt = "vi",
    debug: DebugOpt = False,
) -> None:
    """Chạy thử trên dữ liệu mẫu kèm theo: merge (rồi render, overdue) vào một thư mục."""
    lang = check_lang(lang)
    catalog, submissions, guard = demo_inputs(out)
    err = stderr()
    err.print(text("demo_data", lang, catalog=catalog, count=len(submissions)))
    result, merged = demo_merge(catalog, submissions, out, lang)
    written = [merged]
    print_findings(result.findings, lang, verbose=False)
    print_summary(result, lang, None)
    written.extend(demo_steps(result, out, lang, guard))
    console = stdout()
    console.print(text("demo_outputs", lang, folder=out))
    for path in written:
        console.print(f"  {path}")
    if result.errors():
        err.print(text("demo_errors", lang))
