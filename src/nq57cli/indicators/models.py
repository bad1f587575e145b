"""Indicator records: one agency's value, an assessment, an indicator, the result of a run (and its JSON shape)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from nq57cli.domain.findings import count_by_severity, errors
from nq57cli.domain.models import Finding, Group, InputFile, Model
from nq57cli.indicators.evaluate import STATUSES, Status, assessment_text
from nq57cli.indicators.values import Target, json_number


class IndicatorValue(Model):
    """One agency's value for one indicator: a row of its submission, parsed, with its cell."""

    agency: str
    file: str
    sheet: str
    row: int
    cell: str  # the value's cell, "Sheet!E7"
    raw: str
    value: Target
    code: str | None = None  # the STT the agency wrote
    name: str | None = None  # the indicator name the agency wrote
    unit: str | None = None  # the unit the agency wrote
    note: str | None = None
    matched: str | None = None  # the catalog indicator it was matched to
    match_method: Literal["code", "name", "none"] = "none"
    match_score: float | None = None


class Assessment(Model):
    """An indicator evaluated at a milestone: status, the value used (and whose), the gap."""

    milestone: str
    status: Status
    target: Target | None = None
    value: Target | None = None
    agency: str | None = None
    source: str | None = None  # the value's cell, "file, Sheet!E7"
    gap: Decimal | None = None
    direction: Literal["below", "above"] | None = None
    reason: str | None = None
    conflict: bool = False

    def text(self, unit: str | None = None, lang: str = "vi") -> str:
        return assessment_text(self.status, self.gap, self.direction, unit, lang)


class Indicator(Model):
    """One indicator of the catalog ("1.1"), its targets per milestone and, once merged, its values."""

    code: str
    parent: str | None = None  # "1" for "1.1", kept even when the catalog lacks that row
    level: int = 1
    order: int
    name: str
    unit: str | None = None
    targets: dict[str, Target] = Field(default_factory=dict)  # milestone year → target (blank cells absent)
    monitor: str | None = None  # Cơ quan chủ trì theo dõi, đánh giá
    group: str | None = None  # section (Group.key) when the table has section rows
    note: str | None = None
    cells: dict[str, str] = Field(default_factory=dict)  # field → "Sheet!D7" in the catalog
    children: list[str] = Field(default_factory=list)
    values: list[IndicatorValue] = Field(default_factory=list)
    assessment: Assessment | None = None

    @property
    def is_heading(self) -> bool:
        """A parent, or a row without unit nor target ("9 Hạ tầng số"): printed bold, not evaluated."""
        return bool(self.children) or (not self.targets and not self.unit)

    @property
    def agencies(self) -> list[str]:
        return list(dict.fromkeys(v.agency for v in self.values))


class IndicatorResult(Model):
    """What `merge_indicators` returns: indicators with values and assessments, findings, inputs."""

    milestone: str
    milestones: list[str]
    milestone_headers: dict[str, str] = Field(default_factory=dict)  # "2025" → "Đến hết năm 2025"
    indicators: list[Indicator]
    groups: list[Group] = Field(default_factory=list)
    unmatched: list[IndicatorValue] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    inputs: list[InputFile] = Field(default_factory=list)
    tool_version: str = ""

    def errors(self) -> list[Finding]:
        return errors(self.findings)

    def readable_submissions(self) -> list[InputFile]:
        return [i for i in self.inputs if i.role == "submission" and i.readable]

    def counts(self) -> dict[str, int]:
        """Indicators per status at the milestone (headings are not evaluated)."""
        counts: dict[str, int] = {s: 0 for s in STATUSES}
        for indicator in self.indicators:
            if indicator.assessment:
                counts[indicator.assessment.status] += 1
        return counts

    def to_json_dict(self, lang: str = "vi") -> dict[str, Any]:
        return indicator_result_to_dict(self, lang)

    def indicators_frame(self) -> Any:
        """The indicators and their assessment as a pandas DataFrame (nq57cli.frames; [analysis] extra)."""
        from nq57cli.frames import indicators_frame

        return indicators_frame(self)

    def values_frame(self) -> Any:
        """The values the agencies reported as a pandas DataFrame (nq57cli.frames)."""
        from nq57cli.frames import values_frame

        return values_frame(self)

    def findings_frame(self, lang: str = "vi") -> Any:
        """The findings as a pandas DataFrame, messages in `lang` (nq57cli.frames)."""
        from nq57cli.frames import findings_frame

        return findings_frame(self, lang)

# ------------------------------------------------------------------------------ JSON


def _target_dict(target: Target | None) -> dict[str, Any] | None:
    if target is None:
        return None
    return {"kind": target.kind, "operator": target.operator, "number": json_number(target.number),
            "upper": json_number(target.upper), "unit": target.unit, "note": target.note, "raw": target.raw}


def _value_dict(value: IndicatorValue) -> dict[str, Any]:
    return {"agency": value.agency, "raw": value.raw, "value": _target_dict(value.value), "code": value.code,
            "name": value.name, "unit": value.unit, "note": value.note, "matched": value.matched,
            "match": {"method": value.match_method, "score": value.match_score},
            "source": {"file": value.file, "sheet": value.sheet, "row": value.row, "cell": value.cell}}


def _assessment_dict(indicator: Indicator, lang: str) -> dict[str, Any] | None:
    a = indicator.assessment
    if a is None:
        return None
    return {"milestone": a.milestone, "status": a.status, "label": a.text(indicator.unit, lang),
            "target": _target_dict(a.target), "value": _target_dict(a.value), "agency": a.agency,
            "source": a.source, "gap": json_number(a.gap), "direction": a.direction, "reason": a.reason,
            "conflict": a.conflict}


def indicator_result_to_dict(result: IndicatorResult, lang: str = "vi") -> dict[str, Any]:
    """The documented JSON shape of `nq57 indicators --json`."""
    severities = count_by_severity(result.findings)
    submissions = [i for i in result.inputs if i.role == "submission"]
    return {
        "tool_version": result.tool_version,
        "milestone": result.milestone,
        "milestones": result.milestones,
        "indicators": [{
            "code": i.code, "parent": i.parent, "level": i.level, "name": i.name, "unit": i.unit,
            "monitor": i.monitor, "group": i.group, "heading": i.is_heading, "children": i.children,
            "targets": {m: _target_dict(t) for m, t in i.targets.items()},
            "values": [_value_dict(v) for v in i.values],
            "assessment": _assessment_dict(i, lang),
        } for i in result.indicators],
        "unmatched": [_value_dict(v) for v in result.unmatched],
        "findings": [f.to_dict(lang) for f in result.findings],
        "inputs": [i.model_dump(mode="json") for i in result.inputs],
        "summary": {
            "files": len(submissions), "files_read": sum(1 for i in submissions if i.readable),
            "indicators": len(result.indicators),
            "evaluated": sum(1 for i in result.indicators if i.assessment),
            "values": sum(len(i.values) for i in result.indicators), "unmatched_values": len(result.unmatched),
            "status": result.counts(), "findings": severities,
        },
    }
