"""The template context of `nq57 render`: every variable a template can use (templates/README.md),
built from the merged data and nq57.toml as plain data: tasks, groups, counts, appendices, signer."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from nq57cli.domain.config import (
    AUTHORITY_PREFIX,
    CLOSING,
    OPENING,
    PLACEHOLDERS,
    ReportConfig,
    ResultsConfig,
    identity_value,
)
from nq57cli.domain.deadline import format_date
from nq57cli.domain.format import (
    BLANK_NUMBER,
    deadline_text,
    document_text,
    percent,
    place_date_line,
    punctuated,
    roman,
    short_date,
    text,
    upper,
)
from nq57cli.domain.models import Group, MergeResult, Task
from nq57cli.domain.status import DISPLAY_ORDER, status_label
from nq57cli.core.text import natural_sorted
from nq57cli.render.consolidate import agency_texts, consolidate
from nq57cli.render.previous import previous_context
from nq57cli.domain.forms import FORMS, Form, get_form
from nq57cli.tasks.overdue import is_overdue, uncertain_deadline

if TYPE_CHECKING:
    from nq57cli.indicators.models import IndicatorResult
    from nq57cli.tasks.periods import PeriodRecord

STATUS_ORDER = DISPLAY_ORDER
MARK_START, MARK_END = "\ue000", "\ue001"  # around a placeholder; render.document highlights and drops them
OTHER_STATUSES = ("waiting", "not_applicable", "unknown", "no_report")
# Statuses that can be overdue; "waiting" hangs on the centre, "not_applicable" is not the agency's task.
UNDATED_KINDS = ("recurring", "conditional", "none")
NO_TASKS = "không có nhiệm vụ"
OTHER_GROUP = "Các nhiệm vụ khác"
KIND_NAMES = {"BC": "Báo cáo", "KH": "Kế hoạch"}


def _is_overdue(task: Task, as_of: dt.date | None) -> bool:
    """Past its deadline and not completed, by the rule of `nq57 overdue` (late from the day after);
    never for a deadline that may be read two ways (day/month) until the catalog is corrected."""
    return as_of is not None and is_overdue(task, as_of)


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
    swapped = uncertain_deadline(task)
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
        "agencies": text("; ".join(natural_sorted(a.strip() for a in task.agencies if a.strip()))),
        "silent": text("; ".join(natural_sorted(a.strip() for a in task.silent if a.strip()))),
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
        uncertain += task.status != "completed" and uncertain_deadline(task) is not None
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


def identity(config: ReportConfig, key: str, capitals: bool = False) -> str:
    """An identity field ('signer.name') ready for a template, or its marked placeholder when not set:
    a document never carries a name nobody configured."""
    value = identity_value(config, key)
    if value:
        return upper(value) if capitals else text(value)
    return f"{MARK_START}{PLACEHOLDERS[key]}{MARK_END}"


def unmarked(value: str) -> str:
    """Context text without the placeholder marks (document properties, file metadata)."""
    return value.replace(MARK_START, "").replace(MARK_END, "")


def _appendix(form_name: str, config: ReportConfig, doc: dict[str, Any]) -> dict[str, Any]:
    form = FORMS[form_name]
    override = config.appendix.get(form_name)
    title = text(override.title) if override and override.title else form.appendix_title
    name = text(override.name) if override and override.name else form.appendix_name
    attached = (text(override.attached) if override and override.attached else
                f"(Kèm theo {doc['kind_name']} số {doc['symbol']} ngày {doc['short_date']} "
                f"của {identity(config, 'agency.full_name')})")
    label = re.sub(r"^PHỤ LỤC", "Phụ lục", title) if title.isupper() else title
    return {"form": form_name, "title": title, "name": name.upper(), "attached": attached, "label": label}


def _document(config: ReportConfig, form: Form) -> dict[str, Any]:
    style = config.style
    number_ = text(config.document.number)
    if number_.isdigit() and int(number_) < 10:  # Decree 30: "05/BC-SKHCN"
        number_ = f"{int(number_):02d}"
    code = identity(config, "agency.code")
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
        "place": identity(config, "document.place"),
        "date": format_date(day),
        "short_date": short_date(day, config.document.month, config.document.year),
        "place_date": place_date_line(identity(config, "document.place"), day, config.document.month,
                                      config.document.year),
        "title": upper(texts.title),
        "summary": text(texts.summary),
        "opening": text(config.report.opening) or OPENING.format(agency=identity(config, "agency.full_name")),
        "closing": text(texts.closing) or CLOSING.format(agency=identity(config, "agency.full_name")),
        "bases": [text(b) for b in config.plan.bases if text(b)],
    }


def _signer(config: ReportConfig) -> dict[str, Any]:
    signer = config.signer
    position = identity(config, "signer.position", capitals=True)
    authority = ""
    if signer.authority:
        authority = f"{AUTHORITY_PREFIX[config.style][signer.authority]} {upper(signer.on_behalf)}"
    return {
        "authority_line": authority,
        "position": position,
        "name": identity(config, "signer.name"),
        "lines": [line for line in (authority, position) if line],
    }


def _task_tables(result: MergeResult, config: ReportConfig, form: Form, as_of: dt.date | None
                 ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """(groups, rows, tasks, group statistics) of the task tables, each task's results summed up as
    `form` sums them (its [results] mode and share)."""
    groups: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    tasks: list[dict[str, Any]] = []
    group_stats: list[dict[str, Any]] = []
    pairs = _grouped(result)
    budgets = config.results.scaled(form.results_share)
    for index, (group, members) in enumerate(pairs, start=1):
        task_dicts: list[dict[str, Any]] = []
        for in_group, task in enumerate(members, start=1):
            task_dicts.append(_task_context(task, len(tasks) + len(task_dicts) + 1, in_group, as_of,
                                            budgets, form.results_mode))
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
    return groups, rows, tasks, group_stats


def task_tables(result: MergeResult, config: ReportConfig, form: Form, as_of: dt.date | None = None) -> dict[str, Any]:
    """The `groups`, `tasks` and `rows` variables alone, for `form` (an appendix printed inside a report
    sums up results its own way); `as_of` as build_context's."""
    groups, rows, tasks, _ = _task_tables(result, config, form, as_of or config.document.date)
    return {"groups": groups, "tasks": tasks, "rows": rows}


def build_context(result: MergeResult, config: ReportConfig, form: Form | str,
                  as_of: dt.date | None = None, indicators: IndicatorResult | None = None,
                  previous: list[PeriodRecord] | None = None) -> dict[str, Any]:
    """Every variable a template can use (documented in templates/README.md), as plain data.

    `as_of` is the day overdue tasks are counted at; by default the document date, and no
    overdue count at all when neither is given (outputs never depend on the machine's clock).
    `indicators` (from `nq57 indicators`) fills the `indicators` variable, None without it.
    `previous`: earlier periods, oldest first (render/previous.py), for the `previous` variable.
    """
    form = get_form(form)
    as_of = as_of or config.document.date
    doc = _document(config, form)
    groups, rows, tasks, group_stats = _task_tables(result, config, form, as_of)
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
            for index, listed in enumerate(appendices, start=1):
                override = config.appendix.get(listed["form"])
                if not (override and override.title and text(override.title) != FORMS[listed["form"]].appendix_title):
                    listed["title"] = f"PHỤ LỤC {roman(index)}"
                    listed["label"] = f"Phụ lục {roman(index)}"
        appendix = appendices[0] if appendices else _appendix("phu-luc-03", config, doc)
    else:
        appendix = _appendix(form.name, config, doc)
        appendices = [appendix]
    return {
        "form": {"name": form.name, "description": form.description, "orientation": form.orientation},
        "style": config.style,
        "party": config.style == "party",
        "agency": {
            "parent": identity(config, "agency.parent", capitals=True),
            "name": identity(config, "agency.name", capitals=True),
            "full_name": identity(config, "agency.full_name"),
            "code": identity(config, "agency.code"),
        },
        "doc": doc,
        "signer": _signer(config),
        "recipients": punctuated(config.document.recipients),
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
        "previous": previous_context(result, previous, as_of),
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
