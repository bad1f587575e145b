"""`nq57 init`: a commented nq57.toml (and submissions/) for a new period; never overwrites a file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nq57cli.cli.app import command
from nq57cli.cli.lang import h
from nq57cli.cli.options import DebugOpt, LangOpt, check_lang
from nq57cli.cli.output import stdout
from nq57cli.cli.texts import text


@command("init", english=(
    "Create a commented nq57.toml (and a submissions/ folder) for a new reporting period; never overwrites a file."))
def init_command(
    folder: Annotated[Path, typer.Argument(help=h("Thư mục làm việc mới (mặc định: thư mục hiện tại).",
                                                  "The new working folder (default: the current folder)."))] = Path("."),
    with_templates: Annotated[
        bool, typer.Option("--templates", help=h("Chép thêm các mẫu .docx có sẵn vào FOLDER/templates để sửa trong Word.",
                                                 "Also copy the built-in .docx templates into FOLDER/templates for editing in Word."))
    ] = False,
    lang: LangOpt = "vi",
    debug: DebugOpt = False,
) -> None:
    """Tạo nq57.toml có chú thích (và thư mục submissions/) cho một kỳ báo cáo mới; không ghi đè tệp có sẵn."""
    from nq57cli.domain.config import write_starter

    lang = check_lang(lang)
    starter = write_starter(folder)
    created, skipped = list(starter.created), list(starter.skipped)
    if with_templates:
        from nq57cli.domain.forms import export_templates

        copied, kept = export_templates(folder / "templates")
        created += copied
        skipped += kept
    console = stdout()
    for path in created:
        console.print(text("created", lang) + str(path))
    for path in skipped:
        console.print(text("kept", lang) + str(path))
