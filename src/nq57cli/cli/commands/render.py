"""`nq57 render`: a Word document (report, plan, appendices) in the official format, optionally a PDF."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
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
    IndicatorsOpt,
    InputOpt,
    LangOpt,
    MilestoneOpt,
    PreviousOpt,
    SetOpt,
    UseOpt,
    VerboseOpt,
    check_lang,
    check_previous,
)
from nq57cli.cli.output import escape, findings_printer, print_findings, print_written, stderr, stdout
from nq57cli.cli.texts import text
from nq57cli.errors import ExitCode, UnreadableInputError
from nq57cli.pipeline import (
    gather_config_inputs,
    gather_data_inputs,
    output_file,
    load_indicator_data,
    load_report_config,
    load_result,
)
from nq57cli.read.inputs import OutputGuard


@contextmanager
def cycle_collection_paused(paused: bool = True) -> Iterator[None]:
    """The cyclic garbage collector off while a document is rendered from a merged.xlsx (restored after):
    reading it back and rendering make no cycles worth collecting (same peak memory at 5,000 tasks), and
    the collector's passes over the young imports, context dicts and XML proxies cost 0.03 s at 500 tasks,
    0.09 s at 5,000. Not while submissions are merged first (`paused` False): merge keeps its own policy."""
    enabled = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused and enabled:
            # What was made meanwhile joins the oldest generation (two list splices): re-enabled as it
            # was, the collector would first go over all of it at once (0.2 s at 5,000 tasks).
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def _write_pdf(docx: Path, lang: str) -> Path | None:
    from nq57cli.render.pdf import PdfUnavailableError, convert_to_pdf

    try:
        return convert_to_pdf(docx)
    except PdfUnavailableError as exc:
        stderr().print(text("pdf_skipped", lang) + escape(exc.message(lang)))
        return None


@command("render", english=(
    "Render a Word document (report/plan, appendices) in the official format from merged.xlsx or from the submissions.\n\nThe chi-tieu form reads indicator data: -i indicators.xlsx, or --catalog CHI-TIEU.xlsx and the indicator files."))
def render_command(
    form: Annotated[str, typer.Option("--form", "-f", help=h("Mẫu văn bản (xem \"nq57 forms\"), ví dụ phu-luc-03.",
                                                             "The document form (see \"nq57 forms\"), e.g. phu-luc-03."))],
    files: FilesArg = None,
    input_path: InputOpt = None,
    catalog: CatalogOpt = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help=h(
        "Tệp .docx sẽ ghi (mặc định: FORM.docx; một thư mục: FORM.docx trong đó; PDF: thêm --pdf).",
        "The .docx to write (default: FORM.docx; a folder: FORM.docx inside it; for a PDF add --pdf)."))] = None,
    config: ConfigOpt = None,
    set_: SetOpt = [],  # noqa: B006
    template: Annotated[
        Optional[Path], typer.Option("--template", help=h("Dùng tệp .docx mẫu của bạn (thẻ Jinja) thay cho mẫu có sẵn.",
                                                          "Use your own .docx template (Jinja tags) instead of the built-in one."))
    ] = None,
    as_of: Annotated[
        Optional[str], typer.Option("--as-of", help=h("Ngày tính quá hạn trong số liệu (mặc định: ngày của văn bản).",
                                                      "The date overdue figures are counted at (default: the document's date)."))
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help=h("Ghi thêm bản PDF (cần LibreOffice).",
                                                      "Also write a PDF (needs LibreOffice)."))] = False,
    agency: AgencyOpt = [],  # noqa: B006
    use: UseOpt = [],  # noqa: B006
    indicators: IndicatorsOpt = None,
    milestone: MilestoneOpt = None,
    previous: PreviousOpt = [],  # noqa: B006
    lang: LangOpt = "vi",
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Kết xuất văn bản Word (BC/KH, phụ lục) đúng thể thức từ merged.xlsx hoặc từ các tệp báo cáo.

    Mẫu chi-tieu đọc dữ liệu chỉ tiêu: -i indicators.xlsx, hoặc --catalog CHI-TIEU.xlsx và các tệp chỉ tiêu."""
    with cycle_collection_paused(paused=not files):
        from nq57cli.domain.deadline import parse_date_option
        from nq57cli.render.document import render_document
        from nq57cli.domain.forms import get_form

        lang = check_lang(lang)
        chosen = get_form(form)
        guard = OutputGuard()
        gather_config_inputs(guard, config)
        guard.add_files([template, indicators, *check_previous(previous)])
        if chosen.data == "indicators":
            guard.add_file(catalog)
            listed = guard.add_items(files, exclude=[catalog]) if files else None
            if not files:
                guard.add_file(input_path or indicators or Path("indicators.xlsx"))
        else:
            listed = gather_data_inputs(guard, input_path, catalog, files)
        guard.check_file(Path(output) if output else None)  # an input named as output: said so first
        target = output_file(output, f"{chosen.name}.docx")
        guard.check_file(target)
        guard.check_file(target.with_suffix(".pdf") if pdf else None)
        if template is not None and not template.is_file():
            raise UnreadableInputError(f"Không tìm thấy tệp mẫu {template}", f"Template not found: {template}")
        settings = load_report_config(config, set_)
        guard.add_folder(settings.template_dir)
        guard.check_file(target)
        day = parse_date_option(as_of, "--as-of") if as_of else None
        show = findings_printer(lang, verbose)
        if chosen.data == "indicators":
            from nq57cli.domain.models import MergeResult

            data = load_indicator_data(input_path or indicators, catalog, files, agency, milestone, verbose, listed, show=show)
            result = MergeResult(tasks=[], groups=[], findings=[], inputs=[])
        else:
            result = load_result(input_path, catalog, files, agency, listed, show=show, use=use)
            data = load_indicator_data(indicators, None, None, agency, milestone, verbose, show=show) if indicators else None
        earlier = None
        if previous:
            from nq57cli.write.periodbook import read_periods

            earlier = read_periods(previous)
        written = render_document(result, chosen, settings, target, template=template, as_of=day, indicators=data,
                                  previous=earlier)
        from nq57cli.render.document import document_findings, templates_used

        if verbose:
            for name, used in templates_used(chosen, settings, template):
                stderr().print(escape(text("template_used", lang, form=name, path=used)))
        print_findings(document_findings(settings, day), lang, verbose)
        console = stdout()
        print_written([written], lang, console)
        if pdf:
            converted = _write_pdf(written, lang)
            if converted:
                print_written([converted], lang, console)
        if files and result.errors():  # read from the submissions here: their errors count as merge's do
            raise typer.Exit(int(ExitCode.FINDINGS))
