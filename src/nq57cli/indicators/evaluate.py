"""Evaluating an indicator: a value against a milestone's target, exactly; the statuses and their labels."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, NamedTuple

from nq57cli.indicators.values import Target, format_number, plain, units_compatible

Status = Literal["met", "not_met", "not_comparable", "not_reported", "not_applicable", "no_target"]
STATUSES: tuple[Status, ...] = ("met", "not_met", "not_comparable", "not_reported", "not_applicable", "no_target")
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "met": ("Đạt", "Met"),
    "not_met": ("Chưa đạt", "Not met"),
    "not_comparable": ("Không so sánh được", "Not comparable"),
    "not_reported": ("Chưa báo cáo", "Not reported"),
    "not_applicable": ("Không áp dụng", "Not applicable"),
    "no_target": ("Chưa có chỉ tiêu", "No target"),
}


class Evaluation(NamedTuple):
    status: Status
    gap: Decimal | None = None  # distance to the target, in the indicator's unit
    direction: Literal["below", "above"] | None = None  # value below a minimum / above a maximum
    reason: str | None = None  # why not comparable: target_to_do, target_text, value_text, unit_mismatch, value_bound


def evaluate(target: Target | None, value: Target | None, unit: str | None = None) -> Evaluation:
    """Compare a value with a target exactly. The boundary is met ("≥ 80" with 80); a plain number
    target means "at least"; gaps are exact decimals."""
    if target is None:
        return Evaluation("no_target")
    if target.kind == "not_applicable":
        return Evaluation("not_applicable")
    if value is None:
        return Evaluation("not_reported")
    if target.kind == "to_do":
        return Evaluation("not_comparable", reason="target_to_do")
    if target.kind == "text" or target.number is None:
        return Evaluation("not_comparable", reason="target_text")
    if value.kind != "number" or value.number is None:
        return Evaluation("not_comparable", reason="value_text")
    if not units_compatible(value.unit, unit or target.unit) or not units_compatible(target.unit, unit):
        return Evaluation("not_comparable", reason="unit_mismatch")
    op, t, x = target.operator or "≥", target.number, value.number
    if value.operator in (">", "≥"):  # a lower bound proves "at least" targets only
        if (op == "≥" and x >= t) or (op == ">" and (x > t or (x == t and value.operator == ">"))):
            return Evaluation("met")
        return Evaluation("not_comparable", reason="value_bound")
    if value.operator in ("<", "≤"):  # an upper bound proves "at most" targets only
        if (op == "≤" and x <= t) or (op == "<" and (x < t or (x == t and value.operator == "<"))):
            return Evaluation("met")
        return Evaluation("not_comparable", reason="value_bound")
    if value.operator == "range":
        return Evaluation("not_comparable", reason="value_bound")
    if op == "range":
        upper = target.upper if target.upper is not None else t
        if x < t:
            return Evaluation("not_met", plain(t - x), "below")
        if x > upper:
            return Evaluation("not_met", plain(x - upper), "above")
        return Evaluation("met")
    if op in ("≥", ">"):
        return Evaluation("met") if (x >= t if op == "≥" else x > t) else Evaluation("not_met", plain(t - x), "below")
    if op in ("≤", "<"):
        return Evaluation("met") if (x <= t if op == "≤" else x < t) else Evaluation("not_met", plain(x - t), "above")
    if x == t:
        return Evaluation("met")
    return Evaluation("not_met", plain(abs(x - t)), "below" if x < t else "above")


def status_label(status: str | None, lang: str = "vi") -> str:
    if not status:
        return ""
    vi, en = STATUS_LABELS[status]
    return en if lang == "en" else vi


def assessment_text(status: str | None, gap: Decimal | None, direction: str | None, unit: str | None,
                    lang: str = "vi") -> str:
    """"Đạt", "Chưa đạt (thiếu 0,01)", "Chưa đạt (vượt 2%)", "Không so sánh được", ..."""
    label = status_label(status, lang)
    if status != "not_met" or gap is None:
        return label
    amount = format_number(gap)
    unit = (unit or "").strip()
    if unit.startswith("%"):
        amount += unit  # "0,01%", "0,2% GRDP"
    elif unit:
        amount += " " + (unit if unit[:2].isupper() else unit[:1].lower() + unit[1:])  # "2 doanh nghiệp"
    if lang == "en":
        return f"{label} ({'short by' if direction == 'below' else 'over by'} {amount})"
    return f"{label} ({'thiếu' if direction == 'below' else 'vượt'} {amount})"

