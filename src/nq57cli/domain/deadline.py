"""Dates and deadlines as agencies write them: '31/12/2025', 'Quý IV/2025', 'Thường xuyên', ..."""

from __future__ import annotations

import calendar
import math
import numbers
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable, NamedTuple

from nq57cli.errors import UsageError
from nq57cli.domain.models import Deadline, DeadlineKind
from nq57cli.core.text import SHORT_TEXT, clean, one_line, strip_diacritics

Issue = tuple[str, dict]

EXCEL_EPOCH = date(1899, 12, 30)
EXCEL_SERIAL_RANGE = (20000, 80000)
YEAR_RANGE = (1900, 2199)  # a bare number in this range in a deadline cell is a year

# Never overdue.
RECURRING_PHRASES = (
    "Thường xuyên", "Hằng tháng", "Hàng tháng", "Hằng năm", "Hàng năm", "Hằng quý", "Hàng quý",
    "Hằng tuần", "Hàng tuần", "Hằng ngày", "Hàng ngày", "Định kỳ", "Liên tục",
)
# Due when something else happens; no date.
CONDITIONAL_PHRASES = (
    "Ngay sau khi", "Sau khi", "Khi", "Theo hướng dẫn", "Theo yêu cầu", "Theo tiến độ",
    "Theo chỉ đạo", "Tùy theo", "Tuỳ theo",
)
# Words that show a deadline cell holds an agency name instead of a date.
AGENCY_WORDS = (
    "bộ", "ngành", "cơ quan", "sở", "tỉnh", "thành phố", "tỉnh ủy", "thành ủy", "đảng ủy",
    "ủy ban", "ubnd", "địa phương", "doanh nghiệp", "viện", "trường", "đại học", "trung ương",
    "văn phòng", "công an", "ban chỉ đạo", "đơn vị", "xã", "phường", "huyện", "chính phủ",
)
# Words before a date that say nothing beyond the date itself ("Trước ngày 20/12/2025").
LEAD_INS = (
    "hoàn thành", "thực hiện", "chậm nhất", "muộn nhất", "trước", "trong", "đến hết", "đến",
    "hết", "vào", "ngày", "tháng", "năm", "thời hạn", "hạn chót", "hạn", "cuối", "đầu", "giữa",
    "dự kiến", "từ",
)
ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
AMBIGUOUS_SEPARATORS = ("-", ".")
_SEPARATORS = " \n\t/,;:-–—"
_BRACKETS = "()[]."


class DateHit(NamedTuple):
    """A full date written in text: its span, its value (None when impossible) and, when the
    day and month could be swapped, the month-first reading."""

    start: int
    end: int
    value: date | None
    month_first: date | None


def _fold(text: str) -> str:
    """Lower-case, diacritic-free text of exactly the same length (positions carry over)."""
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text))


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    folded = strip_diacritics(ch).casefold()
    if len(folded) != 1:
        folded = ch.lower() if len(ch.lower()) == 1 else ch
    return folded


def _words(phrases: tuple[str, ...]) -> str:
    keys = sorted({" ".join(_fold(p).split()) for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)


def _make_date(year: int, month: int, day: int | None = None) -> date | None:
    """date(year, month, day); day None = last day of the month; None when impossible."""
    try:
        if day is None:
            day = calendar.monthrange(year, month)[1]
        return date(year, month, day)
    except (ValueError, OverflowError, calendar.IllegalMonthError):
        return None


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        return 2000 + value if value < 70 else 1900 + value
    return value


# Full dates, most specific first; spans already taken by an earlier pattern are skipped.
_ISO = re.compile(
    r"(?<![0-9])([0-9]{4})([/.\-])([0-9]{1,2})\2([0-9]{1,2})"
    r"(?:[ t][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?(?![0-9])"
)
_LONG = re.compile(
    r"(?:\bngay\s*)?(?<![0-9])([0-9]{1,2})\s*thang\s*([0-9]{1,2})\s*(?:nam|,)\s*"
    r"([0-9]{4}|[0-9]{2})(?![0-9])"
)
_DMY = re.compile(
    r"(?<![0-9])([0-9]{1,2})\s*([/.\-])\s*([0-9]{1,2})\s*\2\s*([0-9]{4}|[0-9]{2})(?![0-9])"
)


def _iso_hit(m: re.Match) -> DateHit:
    return DateHit(m.start(), m.end(), _make_date(int(m[1]), int(m[3]), int(m[4])), None)


def _long_hit(m: re.Match) -> DateHit:
    return DateHit(m.start(), m.end(), _make_date(_year(m[3]), int(m[2]), int(m[1])), None)


def _dmy_hit(m: re.Match) -> DateHit:
    first, second, year = int(m[1]), int(m[3]), _year(m[4])
    alternative = None
    if m[2] in AMBIGUOUS_SEPARATORS and first <= 12 and second <= 12 and first != second:
        alternative = _make_date(year, first, second)
    return DateHit(m.start(), m.end(), _make_date(year, second, first), alternative)


_FULL_DATES: tuple[tuple[re.Pattern, Callable[[re.Match], DateHit]], ...] = (
    (_ISO, _iso_hit),
    (_LONG, _long_hit),
    (_DMY, _dmy_hit),
)


def find_dates(text: str) -> list[DateHit]:
    """Every full (day, month, year) date written in text, in order of position."""
    if not isinstance(text, str) or not text:
        return []
    return list(_dates_in(text))


@lru_cache(maxsize=8192)
def _dates_in(text: str) -> tuple[DateHit, ...]:  # task texts, read for their dates, recur in every file
    folded = _fold(text)
    hits: list[DateHit] = []
    for pattern, make in _FULL_DATES:
        for m in pattern.finditer(folded):
            if not any(m.start() < h.end and h.start < m.end() for h in hits):
                hits.append(make(m))
    return tuple(sorted(hits))


def month_first_only(text: str) -> bool:
    """Whether text holds a date that reads only month first ("09-25-2025": no 25th month, a valid 25
    September): its writer puts the month first, so its other dates may be month first too."""
    for m in _DMY.finditer(_fold(text)):
        year, first, second = _year(m[4]), int(m[1]), int(m[3])
        if _make_date(year, second, first) is None and _make_date(year, first, second) is not None:
            return True
    return False


def day_first_contradicted(day_first: date, month_first: date, assigned: date | None, dated: date | None) -> bool:
    """Whether the row contradicts the day-first reading of a date that reads both ways ("03-09-2025"):
    day first it falls before the task was assigned (`assigned`) or after the document's own date
    (`dated`, for a completion date), where month first it does not. Day first is how Vietnamese
    offices write; with nothing against it the reading is no problem (issue 20)."""
    if assigned is not None and day_first < assigned <= month_first:
        return True
    return dated is not None and month_first <= dated < day_first


def format_date(d: date | None) -> str:
    """'31/12/2025' (day and month zero-padded); '' for None."""
    if not isinstance(d, date):
        return ""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def _number_text(value: numbers.Real | float) -> str:
    try:
        if isinstance(value, numbers.Integral):
            return str(int(value))
        number = float(value)
        if math.isfinite(number) and number.is_integer():
            return str(int(number))
        return str(value)
    except (ValueError, OverflowError):  # ints too long to print
        return "?"


def _from_serial(value: numbers.Real | float) -> date | None:
    """Excel serial day number (1900 system) to date, for plausible serials only."""
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if not math.isfinite(number) or not EXCEL_SERIAL_RANGE[0] <= number <= EXCEL_SERIAL_RANGE[1]:
        return None
    return EXCEL_EPOCH + timedelta(days=math.floor(number))


def _as_year(value: numbers.Real | float) -> int | None:
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if math.isfinite(number) and number.is_integer() and YEAR_RANGE[0] <= number <= YEAR_RANGE[1]:
        return int(number)
    return None


_NUMERIC_TEXT = re.compile(r"[0-9]+(?:[.,][0-9]+)?")


def _numeric_text(text: str) -> float | None:
    if _NUMERIC_TEXT.fullmatch(text):
        return float(text.replace(",", "."))
    return None


def _pick(hits: list[DateHit], text: str, context: object) -> tuple[DateHit | None, list[Issue]]:
    """The latest valid date among hits, with issues for impossible or ambiguous ones."""
    issues: list[Issue] = []
    valid = [h for h in hits if h.value is not None]
    if len(valid) < len(hits):
        issues.append(("date.invalid", {"text": text}))
    if not valid:
        return None, issues
    chosen = max(valid, key=lambda h: (h.value, h.start))
    assert chosen.value is not None  # valid holds the hits with a date only
    if chosen.month_first is not None:
        context_text = one_line(context) if context is not None else None
        mentioned = {h.value for h in find_dates(context_text or "")}
        code = "date.month_first" if chosen.month_first in mentioned else "date.ambiguous"
        issues.append(
            (
                code,
                {
                    "text": text,
                    "day_first": chosen.value.isoformat(),
                    "month_first": chosen.month_first.isoformat(),
                },
            )
        )
    return chosen, issues


def parse_date(value: object, *, context: str | None = None) -> tuple[date | None, list[Issue]]:
    """A completion date from a cell (date, Excel serial or day-first text), with issues."""
    if value is None:
        return None, []
    if value.__class__ is str and len(value) <= SHORT_TEXT and (context is None or context.__class__ is str):
        # Dates written as text recur across files: each is worked out once per process, and again
        # with its context (the task's text) only when it is ambiguous, the one case the context
        # changes (date.ambiguous or date.month_first). The issues list is the caller's own.
        found, issues = _parse_date_text(value, None)  # type: ignore[arg-type]
        if context and any(code == "date.ambiguous" for code, _ in issues):
            found, issues = _parse_date_text(value, context)  # type: ignore[arg-type]
        return found, [(code, dict(params)) for code, params in issues]
    return _parse_date(value, context)


DATE_FORMS_VI = "30/9/2025, 30.9.2025, 30-9-2025, 2025-09-30 hoặc \"ngày 30 tháng 9 năm 2025\" (ngày trước tháng)"
DATE_FORMS_EN = "30/9/2025, 30.9.2025, 30-9-2025, 2025-09-30 or \"ngày 30 tháng 9 năm 2025\" (day before month)"


def read_day(text: object) -> date | None:
    """One calendar date typed by a person (an option, a setting): the text is exactly one valid date,
    day first or ISO, as parse_date reads cells; None otherwise (no Excel serials, no second date)."""
    if not isinstance(text, str):
        return None
    value = one_line(text)
    if not value:
        return None
    hits = find_dates(value)
    if len(hits) != 1 or value[hits[0].end:].strip() or value[: hits[0].start].strip().lower() not in ("", "ngày"):
        return None
    day, issues = parse_date(value)  # day first is the documented reading: "ambiguous" is no problem here
    return day if all(code == "date.ambiguous" for code, _ in issues) else None


def parse_date_option(text: str | None, option: str) -> date:
    """The date given to a command line option (--as-of, --return-by, --set document.date):
    read_day, or a UsageError naming the option and the accepted forms."""
    day = read_day(text)
    if day is None:
        raise UsageError(f"{option}: không đọc được ngày \"{text or ''}\"; hãy ghi {DATE_FORMS_VI}.",
                         f"{option}: cannot read the date \"{text or ''}\"; write {DATE_FORMS_EN}.")
    return day


@lru_cache(maxsize=8192)
def _parse_date_text(value: str, context: str | None) -> tuple[date | None, tuple[Issue, ...]]:
    found, issues = _parse_date(value, context)
    return found, tuple(issues)


def _parse_date(value: object, context: str | None) -> tuple[date | None, list[Issue]]:
    if value is None:
        return None, []
    if isinstance(value, bool):
        return None, [("date.unparsed", {"text": str(value)})]
    if isinstance(value, datetime):
        return value.date(), []
    if isinstance(value, date):
        return value, []
    if isinstance(value, numbers.Real):
        serial = _from_serial(value)
        if serial is not None:
            return serial, []
        return None, [("date.unparsed", {"text": _number_text(value)})]
    text = one_line(value)
    if not text:
        return None, []
    number = _numeric_text(text)
    if number is not None and _from_serial(number) is not None:
        return _from_serial(number), []
    hits = find_dates(text)
    if not hits:
        return None, [("date.unparsed", {"text": text})]
    chosen, issues = _pick(hits, text, context)
    return (chosen.value if chosen else None), issues


# Period forms: each handler gives (kind, due) from its match; due None = impossible date.
Handler = Callable[[re.Match], tuple[DeadlineKind, date | None]]


def _part_of_year(m: re.Match) -> tuple[DeadlineKind, date | None]:
    months = 6 if m[1] == "sau" else int(m[1])
    if m[2] == "dau":  # "6 tháng đầu năm 2025" → end of June
        return "date", _make_date(int(m[3]), months) if 1 <= months <= 12 else None
    return "year", _make_date(int(m[3]), 12)


_YEAR_POINTS: dict[str, tuple[DeadlineKind, int, int | None]] = {
    "dau": ("date", 1, 1),  # Civil Code art. 146: đầu năm = 1 January
    "giua": ("date", 6, None),  # giữa năm = 30 June
    "cuoi": ("year", 12, None),  # cuối năm = 31 December
}
_MONTH_POINTS: dict[str | None, tuple[DeadlineKind, int | None]] = {
    "dau": ("date", 1),  # đầu tháng = first day
    "giua": ("date", 15),  # giữa tháng = 15th
    "cuoi": ("month", None),  # cuối tháng = last day
    None: ("month", None),
}


def _year_point(m: re.Match) -> tuple[DeadlineKind, date | None]:
    kind, month, day = _YEAR_POINTS[m[1]]
    return kind, _make_date(int(m[2]), month, day)


def _quarter(m: re.Match) -> tuple[DeadlineKind, date | None]:
    last = re.findall(r"[ivx]+|[0-9]", m[1])[-1]
    quarter = ROMAN_QUARTERS.get(last) or (int(last) if last.isdigit() else 0)
    return "quarter", _make_date(int(m[2]), quarter * 3) if 1 <= quarter <= 4 else None


def _month(m: re.Match) -> tuple[DeadlineKind, date | None]:
    kind, day = _MONTH_POINTS[m[1]]
    return kind, _make_date(int(m[3]), int(m[2]), day)


def _short_month(m: re.Match) -> tuple[DeadlineKind, date | None]:
    return "month", _make_date(int(m[2]), int(m[1]))


def _year_span(m: re.Match) -> tuple[DeadlineKind, date | None]:
    return "year", _make_date(int(m[2] or m[1]), 12)


def _fixed(kind: DeadlineKind) -> Handler:
    return lambda m: (kind, None)


_QUARTER_TOKEN = r"(?:[ivx]+|[1-4])\b"
_NOT_AFTER_NUMBER = r"(?<![0-9])(?<![0-9][/.\-])"
_NOT_BEFORE_NUMBER = r"(?![0-9]|[/.\-][0-9])"
_PERIODS: tuple[tuple[re.Pattern, Handler], ...] = (
    (re.compile(r"\b([0-9]{1,2}|sau)\s+thang\s+(dau|cuoi)\s+nam\s*([0-9]{4})\b"), _part_of_year),
    (re.compile(r"\b(dau|giua|cuoi)\s+nam\s*([0-9]{4})\b"), _year_point),
    (
        re.compile(
            rf"\bquy\s*({_QUARTER_TOKEN}(?:\s*(?:,|;|&|-|–|va)\s*{_QUARTER_TOKEN})*)"
            r"\s*[/.,\-]?\s*(?:nam\s*)?([0-9]{4})\b"
        ),
        _quarter,
    ),
    (
        re.compile(r"(?:\b(dau|giua|cuoi)\s+)?\bthang\s*([0-9]{1,2})\s*[/.,\-]?\s*(?:nam\s*)?([0-9]{4})\b"),
        _month,
    ),
    (re.compile(r"\bt\s*([0-9]{1,2})\s*[/.\-]\s*([0-9]{4})\b"), _short_month),
    (
        re.compile(_NOT_AFTER_NUMBER + r"(0?[1-9]|1[0-2])\s*[/.\-]\s*([0-9]{4})" + _NOT_BEFORE_NUMBER),
        _short_month,
    ),
    (
        re.compile(
            _NOT_AFTER_NUMBER + r"((?:19|20|21)[0-9]{2})(?:\s*[-–]\s*((?:19|20|21)[0-9]{2}))?"
            + _NOT_BEFORE_NUMBER
        ),
        _year_span,
    ),
    (re.compile(rf"\b(?:{_words(RECURRING_PHRASES)})\b"), _fixed("recurring")),
    (re.compile(rf"\b(?:{_words(CONDITIONAL_PHRASES)})\b"), _fixed("conditional")),
)
_AGENCY = re.compile(rf"\b(?:{_words(AGENCY_WORDS)})\b")
_LEAD_IN_TAIL = re.compile(rf"\b(?:{_words(LEAD_INS)})$")
_LEAD_IN_WINDOW = 40  # longer than any lead-in phrase


def _note(text: str, folded: str, start: int, end: int) -> str | None:
    """What is written beside the date, minus lead-in words: usually an agency name."""
    before, folded_before = text[:start], folded[:start]
    while True:
        trimmed = folded_before.rstrip(_SEPARATORS)
        offset = max(0, len(trimmed) - _LEAD_IN_WINDOW)
        m = _LEAD_IN_TAIL.search(trimmed, offset)
        if not m:
            break
        folded_before, before = trimmed[: m.start()], before[: m.start()]
    before = before.strip(_SEPARATORS)
    after = text[end:].strip(_SEPARATORS + _BRACKETS)
    note = one_line(" ".join(part for part in (before, after) if part))
    return note or None


def _earliest_period(folded: str) -> tuple[re.Match, Handler] | None:
    best: tuple[re.Match, Handler] | None = None
    for pattern, handler in _PERIODS:
        m = pattern.search(folded)
        if m and (best is None or m.start() < best[0].start()):
            best = (m, handler)
    return best


def parse_deadline(value: object, *, context: str | None = None) -> tuple[Deadline, list[Issue]]:
    """A deadline cell as kind + due date: date, month, quarter, year, recurring, conditional
    or none, with issues for impossible, ambiguous or unreadable text."""
    if value is None:
        return Deadline(kind="none"), []
    if isinstance(value, bool):
        return Deadline(kind="none", raw=str(value)), [("date.unparsed", {"text": str(value)})]
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return Deadline(kind="date", due=value, raw=format_date(value)), []
    if isinstance(value, numbers.Real):
        return _numeric_deadline(value, None)
    text = clean(value)
    if not text:
        return Deadline(kind="none"), []
    number = _numeric_text(text)
    if number is not None and (_as_year(number) or _from_serial(number)):
        return _numeric_deadline(number, text)
    flat = one_line(text) or ""
    folded = _fold(text)
    hits = find_dates(text)
    if hits:
        chosen, issues = _pick(hits, flat, context)
        if chosen is None:
            return Deadline(kind="none", raw=text), issues
        note = _note(text, folded, chosen.start, chosen.end)
        return Deadline(kind="date", due=chosen.value, raw=text, note=note), issues
    found = _earliest_period(folded)
    if found:
        m, handler = found
        kind, due = handler(m)
        if kind in ("recurring", "conditional"):
            return Deadline(kind=kind, raw=text), []
        if due is None:
            return Deadline(kind="none", raw=text), [("date.invalid", {"text": flat})]
        note = _note(text, folded, m.start(), m.end())
        return Deadline(kind=kind, due=due, raw=text, note=note), []
    if _AGENCY.search(folded):
        return Deadline(kind="none", raw=text, note=flat), [("deadline.no_date", {"text": flat})]
    return Deadline(kind="none", raw=text), [("date.unparsed", {"text": flat})]


def _numeric_deadline(value: numbers.Real | float, raw: str | None) -> tuple[Deadline, list[Issue]]:
    """A number as a year (2025) or an Excel serial date; raw defaults to its printed form."""
    year = _as_year(value)
    if year is not None:
        return Deadline(kind="year", due=date(year, 12, 31), raw=raw or str(year)), []
    serial = _from_serial(value)
    if serial is not None:
        return Deadline(kind="date", due=serial, raw=raw or format_date(serial)), []
    raw = raw or _number_text(value)
    return Deadline(kind="none", raw=raw), [("date.unparsed", {"text": raw})]
