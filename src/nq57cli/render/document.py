"""`nq57 render`: a form rendered from the merged data and nq57.toml into a .docx (the report's
appendices appended as sections), with fixed document properties so two runs give the same bytes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from nq57cli.core.fileio import atomic_write_bytes
from nq57cli.domain.config import ReportConfig
from nq57cli.domain.deadline import format_date
from nq57cli.domain.models import Finding, MergeResult
from nq57cli.errors import UsageError
from nq57cli.render.compose import append_document, docx_bytes, fix_properties
from nq57cli.render.context import build_context
from nq57cli.render.engine import render_laid_out
from nq57cli.domain.forms import FORMS, Form, get_form, template_path

if TYPE_CHECKING:
    from nq57cli.indicators.models import IndicatorResult
    from nq57cli.tasks.periods import PeriodRecord


def document_findings(config: ReportConfig, as_of: dt.date | None) -> list[Finding]:
    """What the reader would notice in the document's own data: a document dated before the day
    its figures are counted at."""
    day = config.document.date
    if day is not None and as_of is not None and day < as_of:
        return [Finding(code="render.date_before_as_of",
                        params={"date": format_date(day), "as_of": format_date(as_of)})]
    return []


def render_document(result: MergeResult, form: Form | str, config: ReportConfig, output: Path,
                    template: Path | None = None, as_of: dt.date | None = None,
                    indicators: IndicatorResult | None = None, previous: list[PeriodRecord] | None = None) -> Path:
    """Render a form to `output` (.docx, written atomically) and return its path.

    `template` replaces the form's own template; the appendices of a BC still come from the
    built-in (or `template_dir`) appendix templates. `indicators` is the data of the chi-tieu
    form (and appendix) and of the `indicators` variable. `previous`: earlier periods' records, oldest
    first (write/periodbook.read_periods), for the `previous` variable and the trend chart.
    """
    form = get_form(form)
    needing = [name for name in ([form.name] + (config.report.appendices if form.kind == "report" else []))
               if FORMS[name].data == "indicators"]
    if needing and indicators is None:
        raise UsageError(
            f"Mẫu {', '.join(needing)} cần dữ liệu chỉ tiêu: dùng -i indicators.xlsx (tệp của \"nq57 indicators\"), "
            "hoặc --catalog CHI-TIEU.xlsx và các tệp báo cáo chỉ tiêu (với bao-cao: --indicators indicators.xlsx).",
            f"The form {', '.join(needing)} needs indicator data: give -i indicators.xlsx (written by \"nq57 "
            "indicators\"), or --catalog CHI-TIEU.xlsx and indicator submissions (for bao-cao: --indicators).")
    context = build_context(result, config, form, as_of=as_of, indicators=indicators, previous=previous)
    document = render_laid_out(template or template_path(form, config.template_dir), context)
    if form.kind == "report":
        for appendix in context["appendices"]:
            part = render_laid_out(template_path(FORMS[appendix["form"]], config.template_dir),
                                    {**context, "appendix": appendix})
            append_document(document, part)
    fix_properties(document, config.document.date,
                   f"{context['doc']['title']} {context['doc']['summary']}".strip(), context["agency"]["full_name"],
                   subject=context["form"]["name"])
    return atomic_write_bytes(output, docx_bytes(document))
