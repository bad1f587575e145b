"""`nq57 render`: a form rendered from the merged data and nq57.toml into a .docx (the report's
appendices appended as sections), with fixed document properties so two runs give the same bytes."""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nq57cli.core.fileio import atomic_write_bytes
from nq57cli.domain.config import ReportConfig, missing_identity
from nq57cli.domain.deadline import format_date
from nq57cli.domain.models import Finding, MergeResult
from nq57cli.errors import UsageError
from nq57cli.render.compose import append_document, docx_bytes, fix_properties
from nq57cli.render.context import MARK_END, MARK_START, build_context, task_tables, unmarked
from nq57cli.render.engine import render_laid_out
from nq57cli.domain.forms import FORMS, Form, get_form, template_path

if TYPE_CHECKING:
    from nq57cli.indicators.models import IndicatorResult
    from nq57cli.tasks.periods import PeriodRecord


def document_findings(config: ReportConfig, as_of: dt.date | None) -> list[Finding]:
    """What the reader would notice in the document's own data: a document dated before the day
    its figures are counted at; who issues or signs it not configured (placeholders printed)."""
    findings: list[Finding] = []
    missing = missing_identity(config)
    if missing:
        findings.append(Finding(code="render.identity_missing", params={"fields": ", ".join(missing)}))
    day = config.document.date
    if day is not None and as_of is not None and day < as_of:
        findings.append(Finding(code="render.date_before_as_of",
                                params={"date": format_date(day), "as_of": format_date(as_of)}))
    return findings


def templates_used(form: Form | str, config: ReportConfig, template: Path | None = None) -> list[tuple[str, Path]]:
    """(form name, template file) of each part of the document `render_document` makes: the form
    itself (`template` when given), then a report's appendices, from `template_dir` or built in."""
    form = get_form(form)
    used = [(form.name, template or template_path(form, config.template_dir))]
    if form.kind == "report":
        used += [(name, template_path(FORMS[name], config.template_dir)) for name in config.report.appendices]
    return used


def highlight_placeholders(document: Any) -> None:
    """Each marked placeholder (render.context.identity) in a run of its own, highlighted yellow so
    that Word shows at a glance what is still to fill in; the marks are dropped. Every part
    (body, headers, footers) is searched; a document with no placeholder is left as it is."""
    from docx.enum.text import WD_COLOR_INDEX
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    pattern = re.compile(f"({MARK_START}[^{MARK_END}]*{MARK_END})")
    for part in document.part.package.iter_parts():
        root = getattr(part, "_element", None)
        if root is None or not hasattr(root, "iter"):
            continue
        for node in [t for t in root.iter(qn("w:t")) if t.text and MARK_START in t.text]:
            run = node.getparent()
            properties = run.find(qn("w:rPr"))
            content = [child for child in run if child is not properties]
            after = content[content.index(node) + 1:]
            pieces: list[Any] = []
            for piece in pattern.split(node.text):
                if not piece:
                    continue
                piece_run: Any = OxmlElement("w:r")
                if properties is not None:
                    piece_run.append(copy.deepcopy(properties))
                piece_text = OxmlElement("w:t")
                piece_text.text = unmarked(piece)
                piece_text.set(qn("xml:space"), "preserve")
                piece_run.append(piece_text)
                if piece.startswith(MARK_START):
                    piece_run.get_or_add_rPr().highlight_val = WD_COLOR_INDEX.YELLOW  # in schema order
                pieces.append(piece_run)
            if after:
                rest = OxmlElement("w:r")
                if properties is not None:
                    rest.append(copy.deepcopy(properties))
                rest.extend(after)  # moved
                pieces.append(rest)
            run.remove(node)
            for piece_run in reversed(pieces):
                run.addnext(piece_run)
            if not [child for child in run if child is not properties]:
                run.getparent().remove(run)


def _results_of(appendix: Form, report: Form, result: MergeResult, config: ReportConfig,
                as_of: dt.date | None) -> dict[str, Any]:
    """The task tables (groups, tasks, rows) an appendix of a report prints: the report's own, unless the
    appendix sums up results its own way (phu-luc-chi-tiet's full texts, Phụ lục II's narrower column)."""
    if (appendix.results_mode, appendix.results_share) == (report.results_mode, report.results_share):
        return {}
    return task_tables(result, config, appendix, as_of)


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
    (_, main), *appendix_templates = templates_used(form, config, template)
    document = render_laid_out(main, context)
    if form.kind == "report":
        for appendix, (name, appendix_template) in zip(context["appendices"], appendix_templates, strict=True):
            part = render_laid_out(appendix_template, {**context, **_results_of(FORMS[name], form, result, config, as_of),
                                                      "appendix": appendix})
            append_document(document, part)
    if missing_identity(config):
        highlight_placeholders(document)
    fix_properties(document, config.document.date,
                   f"{context['doc']['title']} {context['doc']['summary']}".strip(),
                   unmarked(context["agency"]["full_name"]), subject=context["form"]["name"])
    return atomic_write_bytes(output, docx_bytes(document))
