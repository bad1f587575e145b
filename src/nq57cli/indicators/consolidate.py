"""Consolidating indicators: one value per indicator out of the agencies', its assessment at a milestone,
and merge_indicators, the run from files to an IndicatorResult."""

from __future__ import annotations

from pathlib import Path

from nq57cli import __version__
from nq57cli.core.text import match_key
from nq57cli.domain.agency import agency_key, split_agencies
from nq57cli.domain.models import Finding
from nq57cli.errors import UsageError
from nq57cli.indicators.evaluate import Evaluation, evaluate
from nq57cli.indicators.models import Assessment, Indicator, IndicatorResult, IndicatorValue
from nq57cli.indicators.read import YEAR_PATTERN, load_indicator_catalog, load_indicator_submission
from nq57cli.indicators.values import measure_key
from nq57cli.tasks.submissions import display_names, is_duplicate_file


def _is_monitor(agency: str, monitor: str | None) -> bool:
    if not monitor:
        return False
    key = agency_key(agency)  # the one comparison of agency names (registry.py): "VP HĐND" is "Văn phòng HĐND"
    names = [agency_key(m) for m in split_agencies(monitor)] + [agency_key(monitor)]
    return any(key == n or (len(key) >= 6 and f" {key} " in f" {n} ") for n in names)


def consolidated_text(indicator: Indicator) -> str:
    """The value printed for an indicator: the one evaluated, or the disagreeing values "80 / 85"
    when no one could be chosen (edit it into one figure in indicators.xlsx to settle it)."""
    a = indicator.assessment
    if a is not None and a.value is not None:
        return a.value.raw
    if a is not None and a.conflict:
        return " / ".join(dict.fromkeys(v.raw for v in indicator.values))
    return ""


def _location(value: IndicatorValue) -> tuple[str, str]:
    sheet, _, cell = value.cell.rpartition("!")
    return sheet, cell


def consolidate(indicator: Indicator, findings: list[Finding]) -> tuple[IndicatorValue | None, bool]:
    """The value an indicator is evaluated with, and whether agencies disagreed. Disagreeing agencies
    are a finding; the monitoring agency's value is used when it reported, else none (no guess)."""
    values = indicator.values
    if not values:
        return None, False
    distinct = list(dict.fromkeys(measure_key(v.value) for v in values))
    if len(distinct) == 1:
        return values[0], False
    chosen = next((v for v in values if _is_monitor(v.agency, indicator.monitor)), None)
    other = next(v for v in values if measure_key(v.value) != measure_key(values[0].value))
    sheet, cell = _location(other)
    listing = "; ".join(f"{v.agency}: {v.raw}" for v in values)
    findings.append(Finding(
        code="indicator.conflict" if chosen else "indicator.conflict_unresolved", file=other.file,
        sheet=sheet, cell=cell, value=other.raw,
        params={"indicator": indicator.code, "values": listing, "agency": chosen.agency if chosen else ""}))
    return chosen, True


_REASON_CODES = {
    "target_to_do": "indicator.target_to_do",
    "target_text": "indicator.target_text",
    "value_text": "indicator.value_text",
    "unit_mismatch": "indicator.unit_mismatch",
    "value_bound": "indicator.value_bound",
}


def assess(indicator: Indicator, milestone: str, chosen: IndicatorValue | None, conflict: bool,
           catalog_file: str, findings: list[Finding]) -> Assessment | None:
    """Evaluate one indicator at a milestone with the value chosen by consolidate(); headings without
    target nor value are not evaluated (None)."""
    target = indicator.targets.get(milestone)
    if indicator.is_heading and target is None and not indicator.values:
        return None
    value = chosen.value if chosen else None
    if value is not None and chosen is not None and value.unit is None and chosen.unit:
        value = value.model_copy(update={"unit": chosen.unit})  # the unit column of the agency's row
    if conflict and chosen is None and target is not None and target.kind != "not_applicable":
        result = Evaluation("not_comparable", reason="conflict")
    else:
        result = evaluate(target, value, indicator.unit)
    assessment = Assessment(
        milestone=milestone, status=result.status, target=target, value=value,
        agency=chosen.agency if chosen else None, source=f"{chosen.file}, {chosen.cell}" if chosen else None,
        gap=result.gap, direction=result.direction, reason=result.reason, conflict=conflict,
    )
    code = _REASON_CODES.get(result.reason or "")
    if code:
        params = {"indicator": indicator.code, "target": target.raw if target else "", "unit": indicator.unit or "",
                  "value_unit": (value.unit if value else "") or ""}
        if result.reason in ("target_to_do", "target_text"):
            sheet, _, cell = indicator.cells.get(f"target_{milestone}", "!").rpartition("!")
            findings.append(Finding(code=code, file=catalog_file, sheet=sheet or None,
                                    cell=cell or None, value=target.raw if target else None, params=params))
        elif chosen is not None:
            sheet, cell = _location(chosen)
            findings.append(Finding(code=code, file=chosen.file, sheet=sheet, cell=cell,
                                    value=chosen.raw, params=params))
    elif result.status == "not_reported":
        where = indicator.cells.get(f"target_{milestone}") or indicator.cells.get("stt") or "!"
        sheet, _, cell = where.rpartition("!")
        findings.append(Finding(code="indicator.not_reported", file=catalog_file, sheet=sheet or None,
                                cell=cell or None, params={"indicator": indicator.code,
                                                           "monitor": indicator.monitor or "-"}))
    return assessment


def _value_order(indicator: Indicator):
    return lambda v: (0 if _is_monitor(v.agency, indicator.monitor) else 1, match_key(v.agency), v.file, v.row)


def choose_milestone(milestone: str | int | None, milestones: list[str]) -> str:
    """The milestone asked for ("2025", 2025, "năm 2025"), or the earliest; UsageError if unknown."""
    if milestone in (None, ""):
        return milestones[0]
    years = YEAR_PATTERN.findall(str(milestone))
    chosen = years[-1] if years else str(milestone).strip()
    if chosen not in milestones:
        raise UsageError(
            f"Danh mục chỉ tiêu không có mốc {milestone}; các mốc có: {', '.join(milestones)}.",
            f"The indicator catalog has no milestone {milestone}; milestones: {', '.join(milestones)}.",
        )
    return chosen


def merge_indicators(paths: list[Path], catalog: Path, milestone: str | int | None = None,
                     agencies: dict[str, str] | None = None) -> IndicatorResult:
    """Read the catalog and the agencies' files, collect per indicator who reported what, and
    evaluate each indicator against the target of `milestone` (default: the earliest)."""
    cat = load_indicator_catalog(catalog)
    chosen_milestone = choose_milestone(milestone, cat.milestones)
    findings = list(cat.findings)
    inputs = [cat.input]
    indicators = [i.model_copy(deep=True) for i in cat.indicators]
    by_code = {i.code: i for i in indicators}
    unmatched: list[IndicatorValue] = []
    seen: dict[str, str] = {}
    names = display_names(paths)
    for path in paths:
        loaded = load_indicator_submission(path, cat, chosen_milestone, agencies, names[path])
        inputs.append(loaded.info)
        if is_duplicate_file(loaded.info, seen, findings):
            continue
        findings.extend(loaded.findings)
        for value in loaded.values:
            if value.matched in by_code:
                by_code[value.matched].values.append(value)
            else:
                unmatched.append(value)
    for indicator in indicators:
        indicator.values.sort(key=_value_order(indicator))
        chosen, conflict = consolidate(indicator, findings)
        indicator.assessment = assess(indicator, chosen_milestone, chosen, conflict, cat.input.name, findings)
    return IndicatorResult(milestone=chosen_milestone, milestones=cat.milestones,
                           milestone_headers=cat.milestone_headers, indicators=indicators, groups=cat.groups,
                           unmatched=unmatched, findings=findings, inputs=inputs, tool_version=__version__)
