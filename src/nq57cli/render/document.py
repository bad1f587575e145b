"""`nq57 render`: the template context from the merged data and nq57.toml, and the DOCX it gives.

Templates are Word files with Jinja tags (docxtpl), rendered in a sandbox with autoescape and
strict undefined variables: agency text is data, printed literally, never run as a template.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from copy import deepcopy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nq57cli.domain.config import AUTHORITY_PREFIX, ReportConfig, ResultsConfig
from nq57cli.render.consolidate import agency_texts, consolidate
from nq57cli.domain.deadline import format_date
from nq57cli.domain.docref import format_document
from nq57cli.errors import RenderError, UsageError
from nq57cli.core.fileio import atomic_write_bytes
from nq57cli.render.forms import FORMS, Form, get_form, template_path
from nq57cli.domain.models import Deadline, Finding, Group, MergeResult, Task
from nq57cli.core.stable import FIXED_MOMENT, ZIP_TIME, frozen_package
from nq57cli.domain.status import DISPLAY_ORDER, status_label

if TYPE_CHECKING:
    from nq57cli.indicators.models import IndicatorResult

STATUS_ORDER = DISPLAY_ORDER
OTHER_STATUSES = ("waiting", "not_applicable", "unknown", "no_report")
# Statuses that can be overdue; "waiting" hangs on the centre, "not_applicable" is not the agency's task.
UNDATED_KINDS = ("recurring", "conditional", "none")
NO_TASKS = "không có nhiệm vụ"
OTHER_GROUP = "Các nhiệm vụ khác"
BLANK_NUMBER = " " * 8
BLANK_DAY = " " * 6
KIND_NAMES = {"BC": "Báo cáo", "KH": "Kế hoạch"}
FIXED_TIME = FIXED_MOMENT
CHART_WIDTH_MM = 160
DOCX_MODE = 0o644 << 16  # rw-r--r-- on every zip entry

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# docxtpl turns "{_{", "}_}", "{_%", "%_}" in its output into "{{" ...: keep such agency text literal.
_DOCXTPL_ESCAPES = re.compile(r"(?<=\{_)(?=[{%])|(?<=[}%]_)(?=\})")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


# ------------------------------------------------------------------------------------ formatting


def text(value: object) -> str:
    """Agency text ready for a template: NFC, line breaks kept as '\\n', no XML-illegal characters."""
    if value is None:
        return ""
    out = unicodedata.normalize("NFC", str(value))
    if not out.isprintable():  # printable text has no line break and no XML-illegal character
        out = out.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n").replace("\u2028", "\n")
        out = _ILLEGAL_XML.sub("", out)
    if "{_" in out or "_}" in out:
        out = _DOCXTPL_ESCAPES.sub("\u200b", out)
    return out.strip()


def roman(number: int) -> str:
    """1 → 'I', 4 → 'IV', 12 → 'XII'."""
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def number(value: object) -> str:
    """Thousands separated by dots, as Vietnamese documents write them: 5000 → '5.000'."""
    if isinstance(value, bool) or not isinstance(value, int):
        return str(value)
    return f"{value:,}".replace(",", ".")


def percent(count: int, total: int) -> str:
    """'26,32%' (decimal comma, at most two decimals); '0%' when total is 0."""
    if not total:
        return "0%"
    value = f"{100 * count / total:.2f}".rstrip("0").rstrip(".")
    return value.replace(".", ",") + "%"


def _day_month(day: dt.date) -> tuple[str, str]:
    """Day zero-padded below 10, month zero-padded for January and February (Decree 30/2020)."""
    return (f"{day.day:02d}" if day.day < 10 else str(day.day),
            f"{day.month:02d}" if day.month <= 2 else str(day.month))


def place_date_line(place: str, day: dt.date | None, month: int | None = None, year: int | None = None) -> str:
    """'Quảng Ngãi, ngày 20 tháng 7 năm 2025'; blanks to fill by hand when the date is not set."""
    if day is not None:
        d, m = _day_month(day)
        return f"{place}, ngày {d} tháng {m} năm {day.year}"
    m = (f"{month:02d}" if month <= 2 else str(month)) if month else BLANK_DAY
    return f"{place}, ngày {BLANK_DAY} tháng {m} năm {year if year else BLANK_DAY}"


def short_date(day: dt.date | None, month: int | None = None, year: int | None = None) -> str:
    """'20/07/2025' for the '(Kèm theo ...)' line, the style of every date in the tables (one date
    style in a document); '      /09/2025' with blanks when not set."""
    if day is not None:
        return format_date(day)
    m = f"{month:02d}" if month else BLANK_DAY
    return f"{BLANK_DAY}/{m}/{year if year else BLANK_DAY}"


def deadline_text(deadline: Deadline) -> str:
    """The deadline as agencies wrote it; a bare date in any format as '31/12/2025'."""
    raw = text(deadline.raw)
    if deadline.due and (not raw or not re.search(r"[^\W\d_]", raw)):
        return format_date(deadline.due)
    return raw or format_date(deadline.due)


def _upper(value: str) -> str:
    return text(value).upper()


def _punctuated(items: list[str]) -> list[str]:
    """List lines ending with ';', the last with '.' (Nơi nhận, enumerations)."""
    bare = [text(item).rstrip(" ;,.") for item in items if text(item)]
    return [item + (";" if index < len(bare) - 1 else ".") for index, item in enumerate(bare)]


# --------------------------------------------------------------------------------------- context


def _is_overdue(task: Task, as_of: dt.date | None) -> bool:
    """Past its deadline and not completed, by the rule of `nq57 overdue` (late from the day after);
    never for a deadline that may be read two ways (day/month) until the catalog is corrected."""
    if as_of is None:
        return False
    from nq57cli.tasks.overdue import is_overdue

    return is_overdue(task, as_of)


def _uncertain(task: Task) -> dt.date | None:
    from nq57cli.tasks.overdue import uncertain_deadline

    return uncertain_deadline(task)


def document_text(task: Task) -> str:
    """The assigning document as the source wrote it (a citation is not rewritten: 'ngày 18/3/2025'
    stays so); the canonical form only when the source text is not there."""
    if task.document is None:
        return ""
    return text(task.document.raw) or text(format_document(task.document))


def _completion(task: Task) -> str | None:
    """'on_time' / 'late' for a completed task with both dates, 'undated' without; None otherwise."""
    if task.status != "completed":
        return None
    if task.completed_on is None or task.deadline.due is None or task.deadline.kind in UNDATED_KINDS:
        return "undated"
    return "late" if task.completed_on > task.deadline.due else "on_time"


def _task_context(task: Task, number_: int, in_group: int, as_of: dt.date | None,
                  results: ResultsConfig | None = None, mode: str | None = None) -> dict[str, Any]:
    overdue = _is_overdue(task, as_of)
    swapped = _uncertain(task)
    deadline_note = (f"Thời hạn cần xác minh: có thể là {format_date(task.deadline.due)} hoặc "
                     f"{format_date(swapped)}" if swapped else "")
    completion = _completion(task)
    if completion == "on_time":
        assessment = "Hoàn thành đúng hạn"
    elif completion == "late":
        assessment = "Hoàn thành quá hạn"
    elif swapped and task.status != "completed":
        assessment = f"{status_label(task.status, 'vi')} (thời hạn cần xác minh)"
    elif task.status == "in_progress" and as_of and task.deadline.due and task.deadline.kind not in UNDATED_KINDS:
        assessment = "Đang thực hiện quá hạn" if overdue else "Đang thực hiện trong hạn"
    elif overdue:
        assessment = f"{status_label(task.status, 'vi')} (quá hạn)"
    else:
        assessment = status_label(task.status, "vi")
    return {
        "is_group": False,
        "kind": "task",
        "id": text(task.task_id),
        "number": number_,
        "number_in_group": in_group,
        "stt": text(task.stt),
        "group": text(task.group),
        "title": text(task.title),
        "document": document_text(task),
        "deadline": text(task.deadline.raw) if swapped and text(task.deadline.raw) else deadline_text(task.deadline),
        "deadline_note": deadline_note,
        "uncertain": bool(swapped),
        "due": format_date(task.deadline.due),
        "lead": text(task.lead),
        "partners": "; ".join(text(p) for p in task.partners if text(p)),
        "expected_output": text(task.expected_output),
        "note": text(task.note),
        "status": status_label(task.status, "vi"),
        "status_code": task.status,
        "result": text(task.result),
        "results": _results(consolidate(task, results or ResultsConfig(), mode)),
        "completed_on": format_date(task.completed_on),
        "difficulties": text(task.difficulties),
        "proposals": text(task.proposals),
        "assessment": assessment,
        "overdue": overdue,
        "late": completion == "late",
        # one text() per list, not per name: a national task has a thousand agencies
        "agencies": text("; ".join(a.strip() for a in task.agencies if a.strip())),
        "silent": text("; ".join(a.strip() for a in task.silent if a.strip())),
    }


def _results(parts: list[dict[str, str]]) -> list[dict[str, str]]:
    """consolidate's paragraphs made safe for a template; one empty paragraph when there is none
    (a table cell must keep a paragraph)."""
    out = [{"agency": text(p["agency"]) + " " if text(p["agency"]) else "", "text": text(p["text"]),
            "kind": p["kind"]} for p in parts]
    return out or [{"agency": "", "text": "", "kind": "empty"}]


def _group_name(group: Group) -> str:
    """The group title without its label: 'Nhóm 3 - Tăng cường ...' → 'Tăng cường ...'."""
    title = text(group.title)
    label = text(group.label)
    if label and title.lower().startswith(label.lower()):
        rest = title[len(label):].lstrip(" .:-–—)")
        return rest or title
    return title


def _grouped(result: MergeResult) -> list[tuple[Group | None, list[Task]]]:
    """Tasks by group in group order; tasks of unknown groups last, under 'Các nhiệm vụ khác'."""
    groups = sorted(result.groups, key=lambda g: g.order)
    tasks = sorted(result.tasks, key=lambda t: t.order)
    by_key: dict[str, list[Task]] = {g.key: [] for g in groups}
    others: list[Task] = []
    for task in tasks:
        (by_key[task.group] if task.group in by_key else others).append(task)
    pairs: list[tuple[Group | None, list[Task]]] = [(g, by_key[g.key]) for g in groups]
    if others:
        pairs.append((Group(key="", order=len(groups) + 1, title=OTHER_GROUP) if groups else None, others))
    return pairs


def _counts(tasks: list[Task], as_of: dt.date | None) -> dict[str, Any]:
    by_status = {s: 0 for s in STATUS_ORDER}
    completion = {"on_time": 0, "late": 0, "undated": 0}
    overdue = in_progress_late = uncertain = 0
    for task in tasks:
        uncertain += task.status != "completed" and _uncertain(task) is not None
        by_status[task.status] = by_status.get(task.status, 0) + 1
        kind = _completion(task)
        if kind:
            completion[kind] += 1
        if _is_overdue(task, as_of):
            overdue += 1
            in_progress_late += task.status == "in_progress"
    return {
        "total": len(tasks),
        "completed": by_status["completed"],
        "completed_on_time": completion["on_time"],
        "completed_late": completion["late"],
        "completed_undated": completion["undated"],
        "in_progress": by_status["in_progress"],
        "in_progress_late": in_progress_late,
        "not_started": by_status["not_started"],
        "waiting": by_status["waiting"],
        "not_applicable": by_status["not_applicable"],
        "unknown": by_status["unknown"],
        "no_report": by_status["no_report"],
        "other": sum(by_status[s] for s in OTHER_STATUSES),
        "overdue": overdue,
        "uncertain": uncertain,
        "by_status_counts": by_status,
    }


def _appendix(form_name: str, config: ReportConfig, doc: dict[str, Any]) -> dict[str, Any]:
    form = FORMS[form_name]
    override = config.appendix.get(form_name)
    title = text(override.title) if override and override.title else form.appendix_title
    name = text(override.name) if override and override.name else form.appendix_name
    attached = (text(override.attached) if override and override.attached else
                f"(Kèm theo {doc['kind_name']} số {doc['symbol']} ngày {doc['short_date']} "
                f"của {text(config.agency.full_name)})")
    label = re.sub(r"^PHỤ LỤC", "Phụ lục", title) if title.isupper() else title
    return {"form": form_name, "title": title, "name": name.upper(), "attached": attached, "label": label}


def _document(config: ReportConfig, form: Form) -> dict[str, Any]:
    style = config.style
    number_ = text(config.document.number)
    if number_.isdigit() and int(number_) < 10:  # Decree 30: "05/BC-SKHCN"
        number_ = f"{int(number_):02d}"
    code = text(config.agency.code)
    kind = form.doc_type
    shown = number_ or BLANK_NUMBER
    symbol = f"{shown}-{kind}/{code}" if style == "party" else f"{shown}/{kind}-{code}"
    texts = config.plan if form.kind == "plan" else config.report
    day = config.document.date
    return {
        "type_code": kind,
        "kind_name": KIND_NAMES.get(kind, kind),
        "number": number_,
        "symbol": symbol,
        "number_line": f"Số {symbol}" if style == "party" else f"Số: {symbol}",
        "place": text(config.document.place),
        "date": format_date(day),
        "short_date": short_date(day, config.document.month, config.document.year),
        "place_date": place_date_line(text(config.document.place), day, config.document.month,
                                      config.document.year),
        "title": _upper(texts.title),
        "summary": text(texts.summary),
        "opening": text(config.report.opening),
        "closing": text(texts.closing),
        "bases": [text(b) for b in config.plan.bases if text(b)],
    }


def _signer(config: ReportConfig) -> dict[str, Any]:
    signer = config.signer
    position = _upper(signer.position)
    authority = ""
    if signer.authority:
        authority = f"{AUTHORITY_PREFIX[config.style][signer.authority]} {_upper(signer.on_behalf)}"
    return {
        "authority_line": authority,
        "position": position,
        "name": text(signer.name),
        "lines": [line for line in (authority, position) if line],
    }


def build_context(result: MergeResult, config: ReportConfig, form: Form | str,
                  as_of: dt.date | None = None, indicators: IndicatorResult | None = None) -> dict[str, Any]:
    """Every variable a template can use (documented in templates/README.md), as plain data.

    `as_of` is the day overdue tasks are counted at; by default the document date, and no
    overdue count at all when neither is given (outputs never depend on the machine's clock).
    `indicators` (from `nq57 indicators`) fills the `indicators` variable, None without it.
    """
    form = get_form(form)
    as_of = as_of or config.document.date
    doc = _document(config, form)
    groups: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    tasks: list[dict[str, Any]] = []
    group_stats: list[dict[str, Any]] = []
    pairs = _grouped(result)
    for index, (group, members) in enumerate(pairs, start=1):
        task_dicts = []
        for in_group, task in enumerate(members, start=1):
            task_dicts.append(_task_context(task, len(tasks) + len(task_dicts) + 1, in_group, as_of,
                                            config.results, form.results_mode))
        tasks.extend(task_dicts)
        if group is None:
            rows.extend(task_dicts)
            continue
        title = text(group.title)
        counts = _counts(members, as_of)
        entry = {
            "is_group": True,
            "kind": "group",
            "key": text(group.key),
            "number": len(groups) + 1,
            "roman": roman(len(groups) + 1),
            "label": text(group.label),
            "short": text(group.label) or f"Nhóm {len(groups) + 1}",
            "title": title,
            "name": _group_name(group),
            "text": f"{title}: {NO_TASKS}" if not members else title,
            "empty": not members,
            "count": len(members),
            "tasks": task_dicts,
            "end": ";" if index < len(pairs) else ".",
        }
        groups.append(entry)
        rows.append(entry)
        rows.extend(task_dicts)
        group_stats.append({
            "number": entry["number"], "short": entry["short"], "title": title, "name": entry["name"],
            **{k: v for k, v in counts.items() if k != "by_status_counts"},
            "by_status": counts["by_status_counts"],
        })
    totals = _counts(sorted(result.tasks, key=lambda t: t.order), as_of)
    present = [s for s in STATUS_ORDER if totals["by_status_counts"][s]]
    by_status = [
        {"code": s, "label": status_label(s, "vi"), "count": totals["by_status_counts"][s],
         "percent": percent(totals["by_status_counts"][s], totals["total"]),
         "end": ";" if i < len(present) - 1 else "."}
        for i, s in enumerate(present)
    ]
    stats = {
        **{k: v for k, v in totals.items() if k != "by_status_counts"},
        "as_of": format_date(as_of),
        "percent_completed": percent(totals["completed"], totals["total"]),
        "by_status": by_status,
        "by_status_counts": totals["by_status_counts"],
        "groups": group_stats,
        "overdue_tasks": [t for t in tasks if t["overdue"]],
        "uncertain_tasks": [t for t in tasks if t["uncertain"] and t["status_code"] != "completed"],
    }
    ordered = sorted(result.tasks, key=lambda t: t.order)
    similarity, names_max = config.results.similarity, config.results.names_max
    if form.kind == "report":
        appendices = [_appendix(name, config, doc) for name in config.report.appendices]
        if len(appendices) >= 2:  # Decree 30: several appendices are numbered I, II, ... in order
            for index, entry in enumerate(appendices, start=1):
                override = config.appendix.get(entry["form"])
                if not (override and override.title and text(override.title) != FORMS[entry["form"]].appendix_title):
                    entry["title"] = f"PHỤ LỤC {roman(index)}"
                    entry["label"] = f"Phụ lục {roman(index)}"
        appendix = appendices[0] if appendices else _appendix("phu-luc-03", config, doc)
    else:
        appendix = _appendix(form.name, config, doc)
        appendices = [appendix]
    return {
        "form": {"name": form.name, "description": form.description, "orientation": form.orientation},
        "style": config.style,
        "party": config.style == "party",
        "agency": {
            "parent": _upper(config.agency.parent),
            "name": _upper(config.agency.name),
            "full_name": text(config.agency.full_name),
            "code": text(config.agency.code),
        },
        "doc": doc,
        "signer": _signer(config),
        "recipients": _punctuated(config.document.recipients),
        "appendix": appendix,
        "appendices": appendices,
        "groups": groups,
        "tasks": tasks,
        "rows": rows,
        "stats": stats,
        "as_of": format_date(as_of),
        "indicators": _indicator_context(indicators),
        "difficulties": _texts(agency_texts(ordered, "difficulties", similarity, names_max)),
        "proposals": _texts(agency_texts(ordered, "proposals", similarity, names_max)),
    }


def _texts(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """agency_texts ready for a template (agency text made safe)."""
    return [{"agency": text(e["agency"]),
             "texts": [{k: text(v) for k, v in item.items()} for item in e["items"]]} for e in entries]


def _indicator_context(indicators: IndicatorResult | None) -> dict[str, Any] | None:
    if indicators is None:
        return None
    from nq57cli.render.indicators import indicator_context

    return indicator_context(indicators)


# ------------------------------------------------------------------------------------- rendering


_DICT_ATTRIBUTES = frozenset(dir(dict))


def _environment() -> Any:
    """Sandboxed Jinja: no access to Python internals, escaping on, unknown names are errors."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    class Environment(SandboxedEnvironment):
        def getattr(self, obj: Any, attribute: str) -> Any:
            """`row.title` on a context dict: the item straight away. Jinja first tries the attribute,
            which a dict has not (AttributeError raised and caught 35,000 times for 5,000 rows);
            the dict's own attributes (items, __class__ ...) still go through the sandbox."""
            if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
                try:
                    return obj[attribute]
                except KeyError:
                    return self.undefined(obj=obj, name=attribute)
            return super().getattr(obj, attribute)

    env = Environment(autoescape=True, undefined=StrictUndefined)
    env.filters["number"] = number
    return env


def _paragraph_text(line: str) -> str:
    plain = html.unescape(re.sub(r"<[^>]+>", "", line))
    plain = " ".join(plain.split())
    return plain if len(plain) <= 200 else plain[:197] + "..."


def _error_line(exc: BaseException) -> int | None:
    lineno = getattr(exc, "lineno", None)
    if lineno:
        return int(lineno)
    tb = exc.__traceback__
    found = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            found = tb.tb_lineno
        tb = tb.tb_next
    return found


def _unclosed_line(lines: list[str]) -> int | None:
    """The first paragraph with a '{{' or '{%' that is not closed in it (Word split or typo)."""
    for index, line in enumerate(lines, start=1):
        plain = _paragraph_text(line)
        if plain.count("{{") > plain.count("}}") or plain.count("{%") > plain.count("%}"):
            return index
    return None


def _reason(exc: BaseException) -> tuple[str, str]:
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SecurityError

    message = getattr(exc, "message", None) or str(exc)
    if isinstance(exc, SecurityError):
        return (f"thẻ dùng thuộc tính bị chặn vì lý do an toàn ({message})",
                f"the tag uses an attribute blocked for safety ({message})")
    if isinstance(exc, UndefinedError):
        return (f"biến không có trong dữ liệu ({message}); xem danh sách biến trong templates/README.md",
                f"unknown variable ({message}); see the variables in templates/README.md")
    if isinstance(exc, TemplateSyntaxError):
        hint_vi = hint_en = ""
        if re.search(r"unknown tag '(tr|tc|p|r)'", message):
            hint_vi = "; thẻ {%tr ...%} phải nằm trong một dòng của bảng, {%p ...%} trong một đoạn riêng"
            hint_en = "; a {%tr ...%} tag must sit in a table row, {%p ...%} in a paragraph of its own"
        return (f"thẻ Jinja sai cú pháp ({message}){hint_vi}; nếu Word đã tách thẻ, hãy gõ lại cả thẻ "
                "một lần, không đổi định dạng giữa chừng",
                f"Jinja syntax error ({message}){hint_en}; if Word split the tag, retype the whole tag "
                "at once without changing its formatting midway")
    return (f"lỗi khi điền dữ liệu ({type(exc).__name__}: {message})",
            f"error while filling in the data ({type(exc).__name__}: {message})")


def _template_error(exc: BaseException, src_xml: str, part_name: str, template: str) -> RenderError:
    """RenderError naming the template, the part and the paragraph text where the error is."""
    from jinja2 import TemplateSyntaxError

    lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml).split("\n")
    lineno = _error_line(exc)
    if isinstance(exc, TemplateSyntaxError) and ("end of template" in str(exc) or not lineno):
        lineno = _unclosed_line(lines) or lineno
    quote = ""
    if lineno and 0 < lineno <= len(lines):
        quote = _paragraph_text(lines[lineno - 1])
        step = lineno
        while not quote and step < len(lines):
            quote = _paragraph_text(lines[step])
            step += 1
    reason_vi, reason_en = _reason(exc)
    part_vi = "đầu trang" if "header" in part_name else "chân trang" if "footer" in part_name else "nội dung"
    part_en = "header" if "header" in part_name else "footer" if "footer" in part_name else "body"
    where_vi = f" — tại đoạn ({part_vi}): «{quote}»" if quote else f" ({part_vi})"
    where_en = f" — in the paragraph ({part_en}): «{quote}»" if quote else f" ({part_en})"
    return RenderError(f"Lỗi mẫu {template}: {reason_vi}{where_vi}",
                       f"Template error in {template}: {reason_en}{where_en}")


def _paragraph_spans(xml: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each match of docxtpl's paragraph pattern `<w:p(?: [^>]*)?>.*?</w:p>` (DOTALL),
    left to right as re.finditer gives them, found with str.find (several times faster)."""
    find = xml.find
    pos = 0
    while True:
        start = find("<w:p", pos)
        if start < 0:
            return
        after = xml[start + 4:start + 5]
        if after == ">":
            opened = start + 5
        elif after == " ":
            close = find(">", start + 5)
            if close < 0:
                return
            opened = close + 1
        else:  # <w:pPr>, <w:proofErr ...>: not a paragraph
            pos = start + 4
            continue
        end = find("</w:p>", opened)
        if end < 0:
            return
        pos = end + 6
        yield start, pos


def _template_class() -> type:
    from docxtpl import DocxTemplate
    from jinja2 import Template as JinjaTemplate
    from jinja2 import TemplateError

    class Template(DocxTemplate):
        """DocxTemplate whose Jinja errors become a RenderError quoting the paragraph.

        The steps around Jinja are docxtpl's (0.20), done faster on the large table of an appendix
        with the same document, byte for byte: str.replace for regular expressions, line breaks and
        tabs resolved only in the paragraphs that hold one, the table grid walked only as far as it
        takes to see it needs no fixing, the rendered document element swapped in whole.
        """

        declares_namespaces = True  # set by fix_tables; True: map_tree moves the body, as docxtpl does

        def render_xml_part(self, src_xml, part, context, jinja_env=None):  # type: ignore[override]
            try:
                return self._render_xml_part(src_xml, part, context, jinja_env)
            except RenderError:
                raise
            except Exception as exc:  # any failure while filling one part is a template error
                raise _template_error(exc, src_xml, str(getattr(part, "partname", "")),
                                      Path(str(self.template_file)).name) from None

        def _render_xml_part(self, src_xml, part, context, jinja_env=None):
            """docxtpl's DocxTemplate.render_xml_part (0.20), its regular expressions on the output
            replaced by str.replace (identical: the patterns are literal but for one character)."""
            src_xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
            try:
                self.current_rendering_part = part
                template = jinja_env.from_string(src_xml) if jinja_env else JinjaTemplate(src_xml)
                dst_xml = template.render(context)
            except TemplateError as exc:
                if getattr(exc, "lineno", None) is not None:
                    line_number = max(exc.lineno - 4, 0)
                    exc.docx_context = [re.sub(r"<[^>]+>", "", x)  # type: ignore[attr-defined]
                                        for x in src_xml.splitlines()[line_number:line_number + 7]]
                raise
            dst_xml = dst_xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
            if "_" in dst_xml:  # one pass to skip four when no escaped tag can be there
                dst_xml = dst_xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
            return self.resolve_listing(dst_xml)

        def resolve_listing(self, xml):  # type: ignore[override]
            """docxtpl's: tabs, line breaks, \\a and \\f in text become Word markup. Only the
            paragraphs that hold such a character change, so only they go through docxtpl."""
            specials = sorted(_positions(xml, _LISTING_CHARS))
            if not specials:
                return xml
            out: list[str] = []
            done = 0
            index = 0
            for start, end in _paragraph_spans(xml):
                while index < len(specials) and specials[index] < start:
                    index += 1
                if index == len(specials):
                    break
                if specials[index] < end:
                    out.append(xml[done:start])
                    out.append(super().resolve_listing(xml[start:end]))
                    done = end
            out.append(xml[done:])
            return "".join(out)

        def build_xml(self, context, jinja_env=None):  # type: ignore[override]
            """docxtpl's, on the whole document element rather than its body (nothing outside the
            body holds a tag): the result is parsed as a whole and replaces the template's element
            (map_tree), where docxtpl moves the new body into the old document, which has lxml
            re-link every node of it (a quarter of a second at 5,000 rows)."""
            xml = self.xml_to_string(self.docx.element)
            xml = self.patch_xml(xml)
            return self.render_xml_part(xml, self.docx.part, context, jinja_env)

        def fix_tables(self, xml):  # type: ignore[override]
            """docxtpl's fix_tables, which walks every row in Python; here first a check that no
            table needs a change to its grid (the common case), else docxtpl's own. Parsed with
            python-docx's element classes, as the tree becomes the document's element."""
            from docx.oxml.parser import element_class_lookup
            from lxml import etree

            parser = etree.XMLParser(recover=True)
            parser.set_element_class_lookup(element_class_lookup)
            tree = etree.fromstring(xml, parser=parser)
            # Below the document element's start tag, "xmlns" is a declaration or plain text.
            self.declares_namespaces = xml.find("xmlns", xml.find(">")) >= 0
            w = tree.nsmap["w"]
            if all(_grid_fits(table, w) for table in tree.iter(f"{{{w}}}tbl")):
                return tree
            fixed = super().fix_tables(xml)
            return etree.fromstring(etree.tostring(fixed, encoding="unicode"), parser=parser)

        def map_tree(self, tree):  # type: ignore[override]
            """The rendered document element takes the place of the template's (see build_xml).
            When the body declares namespaces of its own (a picture's), docxtpl's move instead:
            lxml drops those the document element already declares as it moves a tree."""
            if self.declares_namespaces:
                self.docx.element.replace(self.docx.element.body, tree.body)
                return
            part = self.docx.part
            part._element = tree
            self.docx = part.document

        def fix_docpr_ids(self, tree):  # type: ignore[override]
            """docxtpl's, iter() for its XPath (same elements, same order; instant without pictures)."""
            pictures = list(tree.iter(_WP_DOCPR))
            for element in pictures:
                self.docx_ids_index += 1
                element.attrib["id"] = str(self.docx_ids_index)

    return Template


_WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_LISTING_CHARS = "\t\a\n\f"  # what docxtpl's resolve_listing turns into Word markup


def _positions(text: str, chars: str) -> Iterator[int]:
    """Every index of any of chars in text (str.find: much faster than a regex when they are few)."""
    for char in chars:
        index = text.find(char)
        while index >= 0:
            yield index
            index = text.find(char, index + 1)


def _grid_fits(table: Any, w: str) -> bool:
    """True when docxtpl's fix_tables would leave this table as it is: no row has more cells than
    the grid has columns, and some row (counting spans) fills them all. False when unsure.
    One walk through the table's rows and spans, cells counted only where they could be too many."""
    grid = table.find(f"{{{w}}}tblGrid")
    if grid is None:
        return False
    columns = len(grid.findall(f"{{{w}}}gridCol"))
    row_tag, cell_tag, cell_pr_tag = f"{{{w}}}tr", f"{{{w}}}tc", f"{{{w}}}tcPr"
    span_tag, val = f"{{{w}}}gridSpan", f"{{{w}}}val"
    filled = False
    for node in table.iter(row_tag, span_tag):
        if node.tag == span_tag:  # docxtpl would fail on a bad span: let it
            try:
                int(node.get(val))
            except (TypeError, ValueError):
                return False
            continue
        if len(node) > columns and len(node.findall(cell_tag)) > columns:
            return False
        if not filled:
            width = 0
            for cell in node.findall(cell_tag):
                cell_pr = cell.find(cell_pr_tag)
                span = None if cell_pr is None else cell_pr.find(span_tag)
                width += int(span.get(val)) if span is not None else 1
            filled = width >= columns
    return filled


def _chart_class() -> type:
    from docxtpl import InlineImage

    class ChartImage(InlineImage):
        """The status chart, drawn the first time a template prints {{ chart }}."""

        def __init__(self, tpl: Any, stats: dict[str, Any]) -> None:
            from docx.shared import Mm

            super().__init__(tpl, None, width=Mm(CHART_WIDTH_MM))
            self.stats = stats

        def _insert_image(self) -> str:
            from nq57cli.render.chart import status_chart_png

            if self.image_descriptor is None:
                total = self.stats["by_status_counts"]
                self.image_descriptor = io.BytesIO(status_chart_png(self.stats["groups"], total))
            self.image_descriptor.seek(0)
            return super()._insert_image()

    return ChartImage


def _render_template(path: Path, context: dict[str, Any]) -> Any:
    """Render one .docx template; the python-docx Document of the result."""
    from jinja2 import TemplateError

    if not path.is_file():
        raise RenderError(f"Không có tệp mẫu {path}.", f"No template file {path}.")
    template = _template_class()(str(path))
    try:
        template.init_docx()
    except Exception as exc:
        raise RenderError(f"Không mở được mẫu {path.name} (không phải tệp .docx hợp lệ?): {exc}",
                          f"Cannot open the template {path.name} (not a valid .docx?): {exc}") from None
    values = dict(context)
    values["chart"] = _chart_class()(template, context["stats"])
    try:
        template.render(values, jinja_env=_environment(), autoescape=True)
    except RenderError:
        raise
    except TemplateError as exc:  # outside the body/headers: the document properties
        raise _template_error(exc, "", "docProps", path.name) from None
    return template.docx


def render_laid_out(path: Path, context: dict[str, Any]) -> Any:
    """_render_template, then its tables laid out from their contents (layout.fit_tables). The
    docxtpl step alone stays comparable with stock docxtpl (test_render_equivalence)."""
    from nq57cli.render.layout import fit_tables, keep_tokens_whole, size_rules

    document = _render_template(path, context)
    fit_tables(document)
    size_rules(document)
    keep_tokens_whole(document)
    return document


# ----------------------------------------------------------------------------- composing sections


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _end_section_here(final: Any) -> None:
    """Turn the body's last section properties into a section break after the current content."""
    from docx.oxml import OxmlElement

    last = final.getprevious()
    ppr = last.find(_qn("w:pPr")) if last is not None and last.tag == _qn("w:p") else None
    if last is None or last.tag != _qn("w:p") or (ppr is not None and ppr.find(_qn("w:sectPr")) is not None):
        last = OxmlElement("w:p")
        final.addprevious(last)
    ppr = last.get_or_add_pPr()
    ppr.insert_element_before(deepcopy(final), "w:pPrChange")


def _relink(element: Any, source: Any, target: Any, mapping: dict[str, str]) -> None:
    """Re-point relationship ids (images, links) of content copied from one document to another."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    prefix = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    for node in element.iter():
        for attr, rid in list(node.attrib.items()):
            if not attr.startswith(prefix):
                continue
            if rid not in mapping:
                rel = source.rels.get(rid)
                if rel is None:
                    continue
                if rel.is_external:
                    mapping[rid] = target.relate_to(rel.target_ref, rel.reltype, is_external=True)
                elif rel.reltype == RT.IMAGE:
                    mapping[rid] = target.get_or_add_image(io.BytesIO(rel.target_part.blob))[0]
                elif rel.reltype in (RT.HEADER, RT.FOOTER):
                    continue
                else:
                    raise RenderError(
                        f"Mẫu phụ lục chứa đối tượng không ghép được vào báo cáo ({rel.reltype.rsplit('/', 1)[-1]}).",
                        f"The appendix template holds an object that cannot be merged into the report "
                        f"({rel.reltype.rsplit('/', 1)[-1]}).")
            node.set(attr, mapping[rid])


def _copy_styles(source: Any, target: Any, elements: list[Any]) -> None:
    """Styles used by copied content that the target lacks, copied with their base styles."""
    wanted: list[str] = []
    for element in elements:
        for tag in ("w:pStyle", "w:rStyle", "w:tblStyle"):
            wanted.extend(node.get(_qn("w:val")) for node in element.iter(_qn(tag)))
    have = {s.get(_qn("w:styleId")) for s in target.styles.element.findall(_qn("w:style"))}
    source_styles = {s.get(_qn("w:styleId")): s for s in source.styles.element.findall(_qn("w:style"))}
    while wanted:
        style_id = wanted.pop()
        if style_id in have or style_id not in source_styles:
            continue
        style = source_styles[style_id]
        target.styles.element.append(deepcopy(style))
        have.add(style_id)
        for link in ("w:basedOn", "w:next", "w:link"):
            ref = style.find(_qn(link))
            if ref is not None:
                wanted.append(ref.get(_qn("w:val")))


def _restart_numbering(sect_pr: Any) -> None:
    from docx.oxml import OxmlElement

    for old in sect_pr.findall(_qn("w:pgNumType")):
        sect_pr.remove(old)
    numbering = OxmlElement("w:pgNumType")
    numbering.set(_qn("w:start"), "1")
    sect_pr.insert_element_before(numbering, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                                  "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings")


def append_document(main: Any, appendix: Any) -> None:
    """Append a rendered appendix to a document as new sections (own orientation, numbered from 1).

    The appended sections take the page-number headers of the document they join ('link to previous').
    """
    body = main.element.body
    final = body.find(_qn("w:sectPr"))
    _end_section_here(final)
    source_body = appendix.element.body
    source_final = source_body.find(_qn("w:sectPr"))
    mapping: dict[str, str] = {}
    copied = []
    for child in list(source_body):
        if child is source_final:
            continue
        element = deepcopy(child)
        for sect in element.iter(_qn("w:sectPr")):
            for ref in sect.findall(_qn("w:headerReference")) + sect.findall(_qn("w:footerReference")):
                sect.remove(ref)
        _relink(element, appendix.part, main.part, mapping)
        final.addprevious(element)
        copied.append(element)
    new_final = deepcopy(source_final)
    for ref in new_final.findall(_qn("w:headerReference")) + new_final.findall(_qn("w:footerReference")):
        new_final.remove(ref)
    _restart_numbering(new_final)
    body.replace(final, new_final)
    _copy_styles(appendix, main, copied)
    for index, node in enumerate(body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"),
                                 start=1):
        node.set("id", str(index))


# ---------------------------------------------------------------------------------------- output


def _properties(document: Any, config: ReportConfig, context: dict[str, Any]) -> None:
    """Core properties fixed by the config, so two runs give identical documents."""
    moment = dt.datetime.combine(config.document.date, dt.time()) if config.document.date else FIXED_TIME
    props = document.core_properties
    props.title = f"{context['doc']['title']} {context['doc']['summary']}".strip()[:255]
    props.subject = context["form"]["name"]
    props.author = context["agency"]["full_name"][:255]
    props.last_modified_by = "nq57"
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.revision = 1
    props.created = moment
    props.modified = moment
    props.last_printed = moment


class _FixedTimeZip:
    """The physical-package writer python-docx's PackageWriter writes through, putting each part
    into the zip once with the fixed time and mode stable.frozen_package gives (same bytes)."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive

    def write(self, pack_uri: Any, blob: bytes) -> None:
        entry = zipfile.ZipInfo(pack_uri.membername, date_time=ZIP_TIME)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = DOCX_MODE
        self.archive.writestr(entry, blob)


def docx_bytes(document: Any) -> bytes:
    """The document as .docx bytes with fixed zip timestamps (reproducible files).

    What document.save() then stable.frozen_package() give, byte for byte, with each part
    compressed once instead of three times (saved, read back, saved again)."""
    from docx.opc.pkgwriter import PackageWriter

    steps = ("_write_content_types_stream", "_write_pkg_rels", "_write_parts")
    if not all(hasattr(PackageWriter, step) for step in steps):  # another python-docx: save, re-zip
        raw = io.BytesIO()
        document.save(raw)
        return frozen_package(raw.getvalue(), external_attr=DOCX_MODE)
    package = document.part.package
    for part in package.parts:  # as OpcPackage.save does
        part.before_marshal()
    parts = package.parts
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        writer = _FixedTimeZip(archive)
        PackageWriter._write_content_types_stream(writer, parts)
        PackageWriter._write_pkg_rels(writer, package.rels)
        PackageWriter._write_parts(writer, parts)
    return out.getvalue()


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
                    indicators: IndicatorResult | None = None) -> Path:
    """Render a form to `output` (.docx, written atomically) and return its path.

    `template` replaces the form's own template; the appendices of a BC still come from the
    built-in (or `template_dir`) appendix templates. `indicators` is the data of the chi-tieu
    form (and appendix) and of the `indicators` variable.
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
    context = build_context(result, config, form, as_of=as_of, indicators=indicators)
    document = render_laid_out(template or template_path(form, config.template_dir), context)
    if form.kind == "report":
        for appendix in context["appendices"]:
            part = render_laid_out(template_path(FORMS[appendix["form"]], config.template_dir),
                                    {**context, "appendix": appendix})
            append_document(document, part)
    _properties(document, config, context)
    return atomic_write_bytes(output, docx_bytes(document))
