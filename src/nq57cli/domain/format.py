"""Text as official documents print it: agency text made safe for a template, Roman numerals,
Vietnamese numbers and percentages, document dates, deadlines and punctuated lists. Pure functions."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from nq57cli.domain.deadline import format_date
from nq57cli.domain.docref import format_document
from nq57cli.domain.models import Deadline, Task

BLANK_NUMBER = " " * 8
BLANK_DAY = " " * 6

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# docxtpl turns "{_{", "}_}", "{_%", "%_}" in its output into "{{" ...: keep such agency text literal.
_DOCXTPL_ESCAPES = re.compile(r"(?<=\{_)(?=[{%])|(?<=[}%]_)(?=\})")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


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


def count_text(value: int, lang: str = "vi") -> str:
    """A count in running text: '1.234' in Vietnamese, '1,234' in English."""
    return f"{value:,}" if lang == "en" else number(value)


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


def upper(value: str) -> str:
    """Agency text in capitals (agency names and titles in a document's header block)."""
    return text(value).upper()


def punctuated(items: list[str]) -> list[str]:
    """List lines ending with ';', the last with '.' (Nơi nhận, enumerations)."""
    bare = [text(item).rstrip(" ;,.") for item in items if text(item)]
    return [item + (";" if index < len(bare) - 1 else ".") for index, item in enumerate(bare)]


def document_text(task: Task) -> str:
    """The assigning document as the source wrote it (a citation is not rewritten: 'ngày 18/3/2025'
    stays so); the canonical form only when the source text is not there."""
    if task.document is None:
        return ""
    return text(task.document.raw) or text(format_document(task.document))
