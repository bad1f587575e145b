"""`nq57 init`: a commented nq57.toml (and submissions/) for a new period; never overwrites a file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nq57cli.cli.app import command
from nq57cli.cli.lang import h
from nq57cli.cli.options import DebugOpt, LangOpt, check_lang
from nq57cli.cli.output import escape, stderr, stdout
from nq57cli.cli.texts import text

TEMPLATES_FOLDER = "templates"  # where `init --templates` copies the forms, and nq57.toml's template_dir


@command("init", english=(
    "Create a commented nq57.toml (and a submissions/ folder) for a new reporting period; never overwrites a file.\n\n"
    "Who issues and signs is never invented: fill it here (--agency, --signer, --position) or in nq57.toml."))
def init_command(
    folder: Annotated[Path, typer.Argument(help=h("Thư mục làm việc mới (mặc định: thư mục hiện tại).",
                                                  "The new working folder (default: the current folder)."))] = Path("."),
    with_templates: Annotated[
        bool, typer.Option("--templates", help=h("Chép thêm các mẫu .docx có sẵn vào FOLDER/templates để sửa trong Word "
                                                 "(nq57.toml ghi sẵn template_dir = \"templates\").",
                                                 "Also copy the built-in .docx templates into FOLDER/templates for editing "
                                                 "in Word (nq57.toml gets template_dir = \"templates\")."))
    ] = False,
    agency: Annotated[str, typer.Option("--agency", help=h(
        "Tên đầy đủ của cơ quan ban hành, ví dụ \"Sở Khoa học và Công nghệ tỉnh X\" (agency.full_name, agency.name).",
        "The issuing agency's full name, e.g. \"Sở Khoa học và Công nghệ tỉnh X\" (agency.full_name, agency.name)."))] = "",
    signer: Annotated[str, typer.Option("--signer", help=h("Họ và tên người ký (signer.name).",
                                                           "The signer's full name (signer.name)."))] = "",
    position: Annotated[str, typer.Option("--position", help=h("Chức vụ người ký, ví dụ \"Giám đốc\" (signer.position).",
                                                               "The signer's position, e.g. \"Giám đốc\" (signer.position)."))] = "",
    lang: LangOpt = "vi",
    debug: DebugOpt = False,
) -> None:
    """Tạo nq57.toml có chú thích (và thư mục submissions/) cho một kỳ báo cáo mới; không ghi đè tệp có sẵn.

    Cơ quan ban hành và người ký không bao giờ được tự điền: ghi ở đây (--agency, --signer, --position) hoặc trong nq57.toml."""
    from nq57cli.domain.config import CONFIG_NAME
    from nq57cli.domain.starter import write_starter

    lang = check_lang(lang)
    starter = write_starter(folder, agency=agency, signer=signer, position=position,
                            template_dir=TEMPLATES_FOLDER if with_templates else None)
    created, skipped = list(starter.created), list(starter.skipped)
    if with_templates:
        from nq57cli.domain.forms import export_templates

        copied, kept = export_templates(folder / TEMPLATES_FOLDER)
        created += copied
        skipped += kept
    console = stdout()
    for path in created:
        console.print(text("created", lang) + escape(str(path)))
    for path in skipped:
        console.print(text("kept", lang) + escape(str(path)))
    if with_templates and folder / CONFIG_NAME in starter.skipped:
        stderr().print(escape(text("template_dir_hint", lang, config=folder / CONFIG_NAME, folder=TEMPLATES_FOLDER)))
