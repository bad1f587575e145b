"""The `indicators` variable of the document templates, made from an IndicatorResult."""

from __future__ import annotations

from typing import Any

from nq57cli.indicators.consolidate import consolidated_text
from nq57cli.indicators.evaluate import STATUSES, status_label
from nq57cli.indicators.models import IndicatorResult
from nq57cli.indicators.values import format_number

TEMPLATE_MILESTONES = 5  # milestone columns of the built-in chi-tieu appendix (2025 ... 2045)


def indicator_context(result: IndicatorResult | None) -> dict[str, Any] | None:
    """The `indicators` variable of the templates (see templates/README.md); None without data.

    `columns`/`row.targets` hold at least TEMPLATE_MILESTONES entries (blank-padded), so the
    built-in chi-tieu table can print a fixed number of milestone columns.
    """
    if result is None:
        return None
    from nq57cli.domain.format import percent, text

    titles = {g.key: g.title for g in result.groups}
    milestones = list(result.milestones)
    pad = [""] * max(0, TEMPLATE_MILESTONES - len(milestones))
    rows: list[dict[str, Any]] = []
    group = None
    for ind in result.indicators:
        if ind.group and ind.group != group:
            group = ind.group
            rows.append({"is_group": True, "kind": "group", "is_parent": False, "text": text(titles.get(group, group)),
                         "code": "", "name": text(titles.get(group, group))})
        a = ind.assessment
        rows.append({
            "is_group": False, "kind": "indicator", "is_parent": ind.is_heading, "level": ind.level,
            "code": text(ind.code), "name": text(ind.name), "unit": text(ind.unit),
            "targets": [text(ind.targets[m].raw) if m in ind.targets else "" for m in milestones] + pad,
            "target": text(ind.targets[result.milestone].raw) if result.milestone in ind.targets else "",
            "monitor": text(ind.monitor), "value": text(consolidated_text(ind)),
            "agencies": "; ".join(text(x) for x in ind.agencies),
            "status": status_label(a.status) if a else "", "status_code": a.status if a else "",
            "assessment": text(a.text(ind.unit)) if a else "", "gap": format_number(a.gap) if a else "",
        })
    counts = result.counts()
    total = sum(counts.values())
    present = [s for s in STATUSES if counts[s]]
    evaluated = [r for r in rows if r["status_code"]]
    return {
        "milestone": result.milestone,
        "milestone_label": text(result.milestone_headers.get(result.milestone) or f"Năm {result.milestone}"),
        "milestones": milestones,
        "columns": [text(result.milestone_headers.get(m) or f"Năm {m}") for m in milestones] + pad,
        "rows": rows,
        "total": total,
        **counts,
        "percent_met": percent(counts["met"], total),
        "by_status": [{"code": s, "label": status_label(s), "count": counts[s], "percent": percent(counts[s], total),
                       "end": ";" if i < len(present) - 1 else "."} for i, s in enumerate(present)],
        "not_met_rows": [r for r in evaluated if r["status_code"] == "not_met"],
        "not_comparable_rows": [r for r in evaluated if r["status_code"] == "not_comparable"],
    }
