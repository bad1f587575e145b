"""The DOCX documents of `nq57 overdue`: the appendix "DANH SÁCH NHIỆM VỤ QUÁ HẠN" and one reminder
letter per lead agency, rendered with the templates and the engine of `nq57 render`."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nq57cli.core.fileio import atomic_write_bytes
from nq57cli.core.text import natural_sorted, strip_diacritics
from nq57cli.domain.agency import agency_key
from nq57cli.domain.deadline import format_date
from nq57cli.domain.format import BLANK_NUMBER, deadline_text, punctuated, roman, text
from nq57cli.domain.models import MergeResult
from nq57cli.domain.status import status_label
from nq57cli.read.inputs import OutputGuard, marker
from nq57cli.render.compose import docx_bytes, fix_properties
from nq57cli.render.context import build_context, unmarked
from nq57cli.render.document import highlight_placeholders
from nq57cli.render.engine import render_laid_out
from nq57cli.domain.forms import template_file
from nq57cli.tasks.overdue import OverdueItem, OverdueReport, days_late_text, is_issuer, letter_agencies
from nq57cli.write.overduebook import INTERNAL_LIST_FILE, write_internal_list

if TYPE_CHECKING:
    from nq57cli.domain.config import ReportConfig

APPENDIX_TEMPLATE = "qua-han.docx"
LETTER_TEMPLATE = "cong-van-don-doc.docx"
APPENDIX_TITLE = "PHỤ LỤC"
APPENDIX_NAME = "DANH SÁCH NHIỆM VỤ QUÁ HẠN"
LETTER_SUMMARY = "V/v đôn đốc thực hiện nhiệm vụ quá hạn"
LETTER_FILE_PREFIX = "cong-van-don-doc-"
REPLY_DAYS = 7  # default time given to answer a reminder letter
NO_OVERDUE = "Không có nhiệm vụ quá hạn."
APPENDIX_FOOTNOTE = ("Ghi chú: nhiệm vụ quá hạn là nhiệm vụ có thời hạn cụ thể, đã qua thời hạn (tính từ ngày "
                     "liền sau thời hạn) mà chưa hoàn thành; số ngày quá hạn tính đến ngày {as_of}.")
LETTER_OPENING = (
    "Thực hiện nhiệm vụ của Cơ quan Thường trực Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ, đổi mới "
    "sáng tạo và chuyển đổi số, {issuer} đã tổng hợp tình hình thực hiện các nhiệm vụ theo Nghị quyết số "
    "57-NQ/TW ngày 22/12/2024 của Bộ Chính trị. Tính đến ngày {as_of}, {agency} còn {count} nhiệm vụ được giao "
    "chủ trì đã quá thời hạn nhưng chưa hoàn thành hoặc chưa báo cáo kết quả, cụ thể như sau:"
)
LETTER_CLOSING = (
    "Để bảo đảm tiến độ thực hiện các nhiệm vụ được giao, {issuer} đề nghị {agency} khẩn trương chỉ đạo, tổ chức "
    "thực hiện các nhiệm vụ nêu trên; báo cáo kết quả thực hiện, nêu rõ nguyên nhân chậm tiến độ, khó khăn, "
    "vướng mắc và đề xuất, kiến nghị (nếu có) gửi về {issuer} trước ngày {reply_by} để tổng hợp, báo cáo "
    "Ban Chỉ đạo tỉnh./."
)


def _base_context(config: ReportConfig) -> dict[str, Any]:
    """Header block, signer, document number and date exactly as `nq57 render` prints them for
    a BC (`render.build_context` over no tasks: only the metadata parts are used)."""
    empty = MergeResult(tasks=[], groups=[], findings=[], inputs=[])
    return build_context(empty, config, "bao-cao")


def _render(template: Path, context: dict[str, Any], title: str, config: ReportConfig, kind: str | None = None) -> bytes:
    """Render with the sandboxed docxtpl helper of `nq57 render`; fixed properties, fixed zip dates."""
    document = render_laid_out(template, context)
    highlight_placeholders(document)
    fix_properties(document, config.document.date, title, unmarked(context["agency"]["full_name"]),
                   keywords=marker(kind) if kind else "")  # outputs.made_by_nq57: a later run may replace it
    return docx_bytes(document)


def _days(item: OverdueItem) -> str:
    return days_late_text(item)


def _remarks(item: OverdueItem) -> str:
    parts = []
    if item.pending:
        parts.append("Chưa hoàn thành: " + "; ".join(natural_sorted(item.pending)))
    if item.silent:
        parts.append("Chưa báo cáo: " + "; ".join(natural_sorted(item.silent)))
    parts.extend(n.vi for n in item.notes)
    return "\n".join(parts)


def appendix_context(report: OverdueReport, config: ReportConfig) -> dict[str, Any]:
    """Variables of qua-han.docx: render's metadata plus `appendix`, `as_of` and `rows` (a bold
    row per group of `report.by`, then its overdue tasks, most days late first)."""
    base = _base_context(config)
    doc = base["doc"]
    by_id = {i.task_id: i for i in report.items}
    rows: list[dict[str, Any]] = []
    listed = [g for g in report.groups if g.overdue]
    number = 0
    for index, group in enumerate(listed, start=1):
        label = text(group.title)
        if report.by != "group":
            label = f"{label} ({len(group.overdue)} nhiệm vụ)"
        rows.append({"is_group": True, "text": f"{roman(index)}. {label}"})
        for task_id in group.overdue:
            item = by_id[task_id]
            number += 1
            rows.append({
                "is_group": False, "number": number, "id": text(item.task_id), "title": text(item.title),
                "lead": text(item.lead_text), "deadline": deadline_text(item.deadline),
                "status": status_label(item.status, "vi"), "days_late": _days(item), "remarks": text(_remarks(item)),
            })
    if not rows:
        rows.append({"is_group": True, "text": NO_OVERDUE})
    as_of = format_date(report.as_of)
    appendix = {
        "title": APPENDIX_TITLE, "name": APPENDIX_NAME, "label": "Phụ lục",
        "attached": f"(Kèm theo {doc['kind_name']} số {doc['symbol']} ngày {doc['short_date']} "
                    f"của {base['agency']['full_name']})",
        "footnote": APPENDIX_FOOTNOTE.format(as_of=as_of),
    }
    return {**base, "appendix": appendix, "rows": rows, "as_of": as_of}


def write_overdue_docx(report: OverdueReport, path: Path, config: ReportConfig) -> Path:
    """The appendix "DANH SÁCH NHIỆM VỤ QUÁ HẠN" (landscape A4, Times New Roman, header row repeated,
    grouped by `report.by`), with the metadata of `config` (a `config.ReportConfig`); atomic."""
    context = appendix_context(report, config)
    data = _render(template_file(APPENDIX_TEMPLATE, config.template_dir), context, f"{APPENDIX_TITLE} {APPENDIX_NAME}", config)
    return atomic_write_bytes(path, data)


def _letter_number_line(config: ReportConfig) -> str:
    """'Số:        /SKHCN-VP' (state; the drafting unit from the "Lưu: VT, VP" line) or
    'Số        -CV/<code>' (Party); the number itself is left blank for the records office."""
    code = config.agency.code
    if config.style == "party":
        return f"Số {BLANK_NUMBER}-CV/{code}"
    archive = config.document.recipients[-1] if config.document.recipients else ""
    units = [u.strip(" .;") for u in archive.partition(":")[2].split(",")]
    unit = next((u for u in units if u and u.upper() != "VT"), "")
    return f"Số: {BLANK_NUMBER}/{code}-{unit}" if unit else f"Số: {BLANK_NUMBER}/{code}"


def letter_context(report: OverdueReport, agency: str, config: ReportConfig, reply_by: date) -> dict[str, Any]:
    """Variables of cong-van-don-doc.docx for one lead agency: render's metadata, `letter`
    (agency, summary, opening) and `rows` (its overdue tasks, most days late first)."""
    base = _base_context(config)
    key = agency_key(agency)
    items = [i for i in report.overdue if any(agency_key(lead) == key for lead in i.lead_agencies)]
    issuer = base["agency"]["full_name"]
    as_of = format_date(report.as_of)
    values = {"issuer": issuer, "agency": text(agency), "as_of": as_of, "count": len(items),
              "reply_by": format_date(reply_by)}
    rows = [
        {"number": n, "id": text(i.task_id), "title": text(i.title), "deadline": deadline_text(i.deadline),
         "status": status_label(i.status, "vi"), "days_late": _days(i)}
        for n, i in enumerate(items, start=1)
    ]
    archive = config.document.recipients[-1:] or ["Lưu: VT"]
    doc = {**base["doc"], "number_line": _letter_number_line(config), "closing": LETTER_CLOSING.format(**values)}
    letter = {"agency": text(agency), "summary": LETTER_SUMMARY, "opening": LETTER_OPENING.format(**values),
              "count": len(items), "as_of": as_of, "reply_by": values["reply_by"]}
    return {**base, "doc": doc, "letter": letter, "rows": rows, "as_of": as_of,
            "recipients": punctuated(["Như trên", *archive])}


def letter_file_name(agency: str) -> str:
    """'cong-van-don-doc-so-noi-vu.docx': ASCII, lower case, from the agency name."""
    slug = re.sub(r"[^a-z0-9]+", "-", strip_diacritics(agency).casefold()).strip("-") or "don-vi"
    return f"{LETTER_FILE_PREFIX}{slug}.docx"


def write_letters(report: OverdueReport, folder: Path, config: ReportConfig,
                  reply_by: date | None = None, guard: OutputGuard | None = None) -> list[Path]:
    """One reminder letter (công văn đôn đốc) per lead agency with overdue tasks, in Decree 30
    format, into `folder`; answers are asked for by `reply_by` (default: the document date from
    nq57.toml, else the as-of date, plus 7 days). The issuing agency (nq57.toml [agency]) gets no
    letter: its own late tasks go into an internal list (INTERNAL_LIST_FILE), written last.
    Returns the files written, in agency order. A file already there that is not an unchanged nq57
    letter is refused before any is written (outputs.OutputGuard; its `force` replaces it)."""
    start = config.document.date or report.as_of
    reply_by = reply_by or date.fromordinal(start.toordinal() + REPLY_DAYS)
    template = template_file(LETTER_TEMPLATE, config.template_dir)
    names: list[tuple[str, str]] = []
    used: set[str] = set()
    own = False
    for agency in letter_agencies(report):
        if is_issuer(agency, config):
            own = True
            continue
        name = letter_file_name(agency)
        stem, counter = name.removesuffix(".docx"), 2
        while name in used:
            name, counter = f"{stem}-{counter}.docx", counter + 1
        used.add(name)
        names.append((agency, name))
    if guard is None:
        guard = OutputGuard()
        guard.add_file(template)
    targets = [Path(folder) / name for _, name in names] + ([Path(folder) / INTERNAL_LIST_FILE] if own else [])
    guard.check_replace(targets, "letter")
    written: list[Path] = []
    for agency, name in names:
        context = letter_context(report, agency, config, reply_by)
        data = _render(template, context, f"{LETTER_SUMMARY} - {agency}", config, kind="letter")
        written.append(atomic_write_bytes(Path(folder) / name, data))
    if own:
        written.append(write_internal_list(report, Path(folder) / INTERNAL_LIST_FILE, config))
    return written
