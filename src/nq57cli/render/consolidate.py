"""A task's result cell as the office writes it: the lead's and partners' texts, each in its own
paragraph under the agency's name, then the other agencies summed up (how many reported each
status, who has not finished, texts many agencies wrote alike stated once with their names).

At province scale a task has 130 reports (95,000 characters quoted verbatim: 77 pages for one row);
the summary keeps every agency quoted or counted. The full texts stay in merged.xlsx and in the
"phu-luc-chi-tiet" form (mode "full"). Settings: `[results]` in nq57.toml (config.ResultsConfig).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from nq57cli.domain.agency import agency_key, split_agencies
from nq57cli.domain.status import DISPLAY_ORDER, status_label
from nq57cli.core.text import match_key, natural_sorted

if TYPE_CHECKING:
    from nq57cli.domain.config import ResultsConfig
    from nq57cli.domain.models import Report, Task

# The order statuses are counted in; "completed" first, as "87/130 đơn vị đã hoàn thành".
COUNT_ORDER = tuple(s for s in DISPLAY_ORDER if s != "no_report")  # an agency's report always has a status
NOT_DONE = frozenset({"in_progress", "not_started", "unknown"})  # statuses whose agencies are named
MAX_HEADS = 200  # distinct texts compared by similarity at most; beyond, only identical texts join

def _names(names: list[str], limit: int) -> str:
    """'A, B, C' naturally sorted; past `limit` names: 'A, B, … và 12 đơn vị khác'."""
    ordered = natural_sorted(names)
    if len(ordered) <= limit:
        return ", ".join(ordered)
    return f"{', '.join(ordered[:limit])} và {len(ordered) - limit} đơn vị khác"


def _label(status: str | None) -> str:
    label = status_label(status, "vi") if status else ""
    return "chưa rõ tình trạng" if not label or label == status else label.lower()


def status_summary(reports: list[Report], silent: list[str], names_max: int) -> str:
    """'87/130 đơn vị đã hoàn thành; 40 đang thực hiện: A, B…; 3 chưa thực hiện: C, D, E'."""
    total = len(reports) + len(silent)
    by_status: dict[str, list[str]] = {}
    for report in reports:
        by_status.setdefault(report.status or "unknown", []).append(report.agency)
    order = [s for s in COUNT_ORDER if s in by_status] + sorted(s for s in by_status if s not in COUNT_ORDER)
    parts: list[str] = []
    for index, status in enumerate(order):
        names = by_status[status]
        count = f"{len(names)}/{total} đơn vị" if index == 0 else str(len(names))
        part = f"{count} {_label(status)}"
        if status in NOT_DONE:
            part += f": {_names(names, names_max)}"
        parts.append(part)
    if silent:
        parts.append(f"{len(silent)} chưa báo cáo: {_names(silent, names_max)}")
    return "; ".join(parts) + "." if parts else ""


def _clusters(reports: list[Report], similarity: int) -> list[list[Report]]:
    """Reports grouped by text: identical texts (match_key) together, then groups whose texts are at
    least `similarity` % alike (rapidfuzz ratio) joined to the first such group. Largest first."""
    exact: dict[str, list[Report]] = {}
    for report in reports:
        exact.setdefault(match_key(report.result), []).append(report)
    heads: list[str] = []
    groups: list[list[Report]] = []
    for key, members in exact.items():
        found = None
        if heads:  # rapidfuzz imported only when there are texts to compare
            from rapidfuzz import fuzz, process

            found = process.extractOne(key, heads, scorer=fuzz.ratio, score_cutoff=similarity)
        if found is not None:
            groups[found[2]].extend(members)
            continue
        if len(heads) < MAX_HEADS:
            heads.append(key)
        else:
            heads.append("\0")  # keeps indexes aligned; matches nothing
        groups.append(list(members))
    return sorted(groups, key=lambda g: -len(g))


CUT_MARK = " […]"


def excerpt(value: str | None, limit: int) -> str:
    """value cut at the last space before `limit` characters, marked " […]"; whole when it fits."""
    value = (value or "").strip()
    if len(value) <= limit:
        return value
    cut = value[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:.-") + CUT_MARK


def _quote(report: Report, limit: int | None = None) -> dict[str, str]:
    text = report.result or ""
    return {"agency": f"{report.agency}: ", "text": excerpt(text, limit) if limit else text, "kind": "quote"}


def _line(text: str) -> dict[str, str]:
    return {"agency": "", "text": text, "kind": "summary"}


def _named(task: Task) -> list[str]:
    """Keys of the lead and the partners, the lead first."""
    return [agency_key(a) for a in split_agencies(task.lead) + list(task.partners)]


def consolidate(task: Task, settings: ResultsConfig, mode: str | None = None) -> list[dict[str, str]]:
    """The paragraphs of a task's result cell: {"agency": bold prefix or "", "text", "kind"}."""
    mode = mode or settings.mode
    reports = list(task.reports)
    if mode == "auto":
        mode = "full" if len(reports) + len(task.silent) <= settings.full_max_agencies else "lead"
    if task.result and not any(r.result for r in reports):  # a task built without its reports
        return [_line(task.result)]
    if mode == "full":
        return [_quote(r) for r in reports if r.result]
    named = _named(task)
    rank = {key: index for index, key in enumerate(named)}
    ranked = sorted((r for r in reports if agency_key(r.agency) in rank), key=lambda r: rank[agency_key(r.agency)])
    quoted = ranked if mode == "lead" else []
    quoted_ids = {id(r) for r in quoted}
    lead = named[:len(split_agencies(task.lead))]
    paragraphs = [_quote(r, settings.lead_chars if agency_key(r.agency) in lead else settings.excerpt_chars)
                  if r.result else
                  {"agency": f"{r.agency}: ", "text": f"({_label(r.status)}, không ghi kết quả)", "kind": "quote"}
                  for r in quoted]
    summary = status_summary(reports, list(task.silent), settings.names_max)
    others = [r for r in reports if id(r) not in quoted_ids and r.result]
    if not others:
        if summary and len(reports) + len(task.silent) > len(quoted):
            paragraphs.append(_line(summary))
        return paragraphs
    paragraphs.append(_line(summary))
    budget = settings.quote_chars
    alone: list[Report] = []
    for group in _clusters(others, settings.similarity):
        shown = excerpt(group[0].result, settings.excerpt_chars)
        if len(shown) > budget or (len(group) < 2 and mode != "lead"):
            alone.extend(group)
            continue
        budget -= len(shown)
        if len(group) >= 2:
            names = _names([r.agency for r in group], settings.names_max)
            paragraphs.append({"agency": f"{len(group)} đơn vị cùng báo cáo", "text": f" ({names}): {shown}",
                               "kind": "common"})
        else:
            paragraphs.append(_quote(group[0], settings.excerpt_chars))
    if alone:
        names = _names([r.agency for r in alone], settings.names_max)
        paragraphs.append(_line(f"{len(alone)} đơn vị khác có báo cáo kết quả ({names}): toàn văn tại tệp "
                                "tổng hợp merged.xlsx và phụ lục chi tiết."))
    return paragraphs


def agency_texts(tasks: Iterable[Task], field: str, similarity: int, names_max: int) -> list[dict[str, Any]]:
    """A BC's section II (field "difficulties") or IV ("proposals"): the texts agencies wrote, grouped
    by agency in natural order; a text several agencies wrote alike is stated once, under the first,
    naming the others. Each entry: {"agency", "items": [{"text", "tasks", "also"}]}."""
    seen: dict[str, dict[str, Any]] = {}  # match_key of a text -> its item
    heads: list[str] = []
    items_of: dict[str, list[dict[str, Any]]] = {}
    for task in tasks:
        for report in task.reports:
            value = getattr(report, field)
            if not value or not str(value).strip():
                continue
            key = match_key(value)
            item = seen.get(key)
            if item is None and heads and len(heads) < MAX_HEADS:
                from rapidfuzz import fuzz, process  # only when there are texts to compare

                found = process.extractOne(key, heads, scorer=fuzz.ratio, score_cutoff=similarity)
                item = seen[found[0]] if found else None
            if item is None:
                item = {"text": str(value).strip(), "tasks": [], "agencies": [], "owner": report.agency}
                seen[key] = item
                heads.append(key)
                items_of.setdefault(report.agency, []).append(item)
            if report.agency not in item["agencies"]:
                item["agencies"].append(report.agency)
            label = task.stt or task.task_id
            if label and label not in item["tasks"]:
                item["tasks"].append(label)
    out = []
    for agency in natural_sorted(items_of):
        items = []
        for item in items_of[agency]:
            also = [a for a in item["agencies"] if a != agency]
            tasks_text = ", ".join(item["tasks"][:names_max])
            items.append({"text": item["text"].rstrip(" .;"), "tasks": tasks_text,
                          "also": _names(also, names_max) if also else ""})
        out.append({"agency": agency, "items": items})
    return out
