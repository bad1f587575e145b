"""A reporting period as the office names it ("Quý III/2025", "Tháng 9/2025", "2025", or an as-of day
"30/09/2025"): the label merged.xlsx records (`merge --period`) and the day the period ends, which
orders periods and is the day lateness is judged on when periods are compared."""

from __future__ import annotations

from datetime import date

from nq57cli.core.text import one_line
from nq57cli.domain.deadline import parse_deadline
from nq57cli.errors import UsageError

PERIOD_KINDS = ("date", "month", "quarter", "year")  # a period's label must name a day one of these ways


def period_end(label: str | None) -> date | None:
    """The last day of the period a label names ("Quý III/2025" → 30/09/2025); None when it names none."""
    if not label:
        return None
    deadline, _ = parse_deadline(label)
    return deadline.due if deadline.kind in PERIOD_KINDS else None


def check_period(text: str | None) -> str | None:
    """The label as recorded (one line, spaces tidied); UsageError when it names no day."""
    label = one_line(text) if text else None
    if not label:
        return None
    if period_end(label) is None:
        raise UsageError(
            f"Kỳ báo cáo \"{label}\" không đọc được; viết ví dụ \"Quý III/2025\", \"Tháng 9/2025\", \"2025\" "
            "hoặc ngày chốt số liệu \"30/09/2025\".",
            f"Cannot read the reporting period \"{label}\"; write e.g. \"Quý III/2025\", \"Tháng 9/2025\", "
            "\"2025\" or the as-of date \"30/09/2025\".")
    return label
