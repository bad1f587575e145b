"""Indicators (chỉ tiêu): the catalog of targets per milestone year, the values agencies report,
their consolidation per indicator and the evaluation against the target of one milestone.

Both tables are read by the shared reader (`reader.read_table` with the `INDICATORS` schema).

Number rule (Vietnamese forms): a comma is the decimal separator ("78,52", "1,5", "≥ 1,0"); a dot
followed by exactly three digits is a thousands separator ("957.600" = 957600, "1.500" = 1500), any
other dot is a decimal point ("1.5" = 1,5, as typed on an English keyboard; "0.500" = 0,5); when both
appear, the last one is the decimal separator ("1.234,5"); "957 600" (groups of three) is 957600.

Target rule: a plain number ("100", "30") and "Đạt ...", "Tối thiểu ...", "Không dưới ..." mean "at
least"; "≤", "Tối đa", "Không quá" mean "at most"; "80-90" is a range, both ends included; "-" is no
target for that milestone, "X" a thing to be done (not a figure), a sentence stays text. Anything
that cannot be compared exactly (text, "X", another unit, a conflict nobody can settle) is
"not comparable" with a finding: nq57 never guesses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

from pydantic import Field

from nq57cli import __version__
from nq57cli.domain.agency import agency_key, split_agencies
from nq57cli.read.columns import header_lookup
from nq57cli.errors import UnreadableInputError, UsageError
from nq57cli.domain.models import Finding, Group, InputFile, Model
from nq57cli.read.reader import RawRow, Schema, SheetTable, read_table, sha256_of
from nq57cli.core.text import clean, header_key, match_key, one_line
from nq57cli.read.rows import RowContext, read_groups_and_rows

TargetKind = Literal["number", "not_applicable", "to_do", "text"]
Operator = Literal["≥", "≤", "=", ">", "<", "range"]
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
TEMPLATE_MILESTONES = 5  # milestone columns of the built-in chi-tieu appendix (2025 ... 2045)

# ------------------------------------------------------------------------------ header aliases

# field: aliases (compared like task headers: case, diacritics, spacing and punctuation ignored).
ALIASES: dict[str, tuple[str, ...]] = {
    "stt": ("STT", "TT", "Số TT", "Số thứ tự", "Mã chỉ tiêu", "Mã số chỉ tiêu"),
    "name": ("Tên chỉ tiêu", "Chỉ tiêu", "Nội dung chỉ tiêu", "Tên chỉ tiêu, chỉ số", "Chỉ tiêu cụ thể",
             "Tên chỉ số", "Chỉ số"),
    "unit": ("Đơn vị", "Đơn vị tính", "ĐVT", "Đơn vị đo"),
    "value": ("Kết quả đạt được", "Giá trị thực hiện", "Kết quả thực hiện", "Kết quả", "Giá trị đạt được",
              "Thực hiện", "Số liệu thực hiện", "Giá trị", "Số liệu", "Kết quả thực hiện chỉ tiêu"),
    "monitor": ("Cơ quan chủ trì theo dõi, đánh giá", "Cơ quan chủ trì theo dõi", "Cơ quan theo dõi, đánh giá",
                "Cơ quan theo dõi", "Đơn vị chủ trì theo dõi", "Đơn vị theo dõi", "Đơn vị chủ trì theo dõi, đánh giá",
                "Cơ quan chủ trì", "Đơn vị chủ trì"),
    "note": ("Ghi chú",),
    "group": ("Nhóm chỉ tiêu", "Lĩnh vực"),
}
_PREFIXED = ("name", "monitor", "note")  # "Tên chỉ tiêu (theo Kế hoạch ...)": a longer title still names them
_INDEX = {header_key(a): f for f, aliases in ALIASES.items() for a in aliases}
_PREFIXES = sorted((k for k, f in _INDEX.items() if f in _PREFIXED and len(k) >= 8), key=len, reverse=True)
_PARENTHESES = re.compile(r"\([^)]*\)")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
# Words around a year in a milestone header: "Đến hết năm 2025", "Chỉ tiêu năm 2025", "Kết quả 2025".
_VALUE_WORDS = ("ket qua", "dat duoc", "gia tri", "so lieu")
_TARGET_WORDS = ("muc tieu", "chi tieu", "ke hoach", "den nam", "den het")
_FILLER = {"den", "het", "nam", "giai", "doan", "moc", "thoi", "diem"}


def _words(key: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {key} "
    return any(f" {p} " in padded for p in phrases)


@lru_cache(maxsize=2048)
def _field_for(header: str) -> str | None:
    if re.fullmatch(r"20\d\d\.0", header.strip()):  # a year typed as a number
        header = header.strip()[:4]
    key = header_key(header)
    if not key:
        return None
    for candidate in (key, header_key(_PARENTHESES.sub(" ", header))):
        if candidate in _INDEX:
            return _INDEX[candidate]
    years = _YEAR.findall(header)
    if years:
        year = years[-1]  # "Giai đoạn 2026-2030" → the end of the period
        rest = " ".join(w for w in key.split() if not _YEAR.fullmatch(w))
        if _words(rest, _VALUE_WORDS):
            return f"value_{year}"
        if _words(rest, _TARGET_WORDS) or all(w in _FILLER for w in rest.split()):
            return f"target_{year}"
        if _words(rest, ("thuc hien", "uoc dat", "uoc thuc hien")):
            return f"value_{year}"
        return None
    for prefix in _PREFIXES:
        if key.startswith(prefix + " "):
            return _INDEX[prefix]
    return None


field_for = header_lookup(_field_for)
field_for.__doc__ = """The indicator field a header names: "stt", "name", "unit", "target_2025", "value",
"value_2025", "monitor", "note", "group"; None otherwise."""


INDICATORS = Schema(field_for=field_for, required=("name",), details=("unit", "value", "monitor"),
                    no_header="indicator.no_header")


def milestone_of(field_name: str) -> str | None:
    """"target_2025" → "2025"; None for other fields."""
    return field_name[7:] if field_name.startswith("target_") else None


# ------------------------------------------------------------------------------ codes (STT)

_CODE = re.compile(r"^\d{1,3}(?:\.\d{1,3})*$")


def parse_code(value: Any) -> str | None:
    """Hierarchical number "1", "1.1", "10.3" from an STT cell ("1.1.", " 2 ", 1.1 typed as a number)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not value.is_integer():
            text = repr(value)
        else:
            text = str(int(value))
    else:
        text = one_line(value) or ""
    text = text.strip().rstrip(".").strip()
    if not _CODE.match(text):
        return None
    return ".".join(str(int(part)) for part in text.split("."))


def parent_code(code: str) -> str | None:
    """"1.2" → "1", "1" → None."""
    return code.rsplit(".", 1)[0] if "." in code else None


def code_key(code: str) -> tuple[int, ...]:
    """Numeric order of codes: "9" < "10.1" < "10.2" < "10.3" < "11"."""
    return tuple(int(p) for p in code.split(".")) if _CODE.match(code) else (10**6,)


# ------------------------------------------------------------------------------ numbers

_NUMBER = r"\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)*"


def _grouped(digits: str, sep: str) -> bool:
    parts = digits.split(sep)
    return len(parts) == 1 or (1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:]))


def parse_number(token: str) -> Decimal | None:
    """A number written the Vietnamese way (see the module docstring for the rule); None if malformed."""
    t = token.strip().replace("\u00a0", " ")
    if " " in t:
        whole, _, frac = t.partition(",")
        if not _grouped(whole, " "):
            return None
        t = whole.replace(" ", "") + ("," + frac if frac else "")
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", t):
        return None
    dots, commas = t.count("."), t.count(",")
    try:
        if dots and commas:
            decimal_sep = "." if t.rfind(".") > t.rfind(",") else ","
            thousands = "," if decimal_sep == "." else "."
            if t.count(decimal_sep) > 1:
                return None
            whole, frac = t.split(decimal_sep)
            return Decimal(whole.replace(thousands, "") + "." + frac) if _grouped(whole, thousands) else None
        if dots:
            parts = t.split(".")
            thousands = _grouped(t, ".") and not parts[0].startswith("0")
            if len(parts) > 2:
                return Decimal(t.replace(".", "")) if thousands else None
            return Decimal(t.replace(".", "")) if thousands else Decimal(t)
        if commas:
            parts = t.split(",")
            if len(parts) == 2:
                return Decimal(parts[0] + "." + parts[1])
            return Decimal(t.replace(",", "")) if _grouped(t, ",") else None
        return Decimal(t)
    except InvalidOperation:
        return None


def _from_cell(value: float | int) -> Decimal:
    """An Excel number as an exact decimal (79.99 stays 79.99; float noise past 10 places dropped)."""
    if isinstance(value, float) and value.is_integer():
        return Decimal(int(value))
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if number.as_tuple().exponent < -10:  # type: ignore[operator]
        number = number.quantize(Decimal("1e-10"))
    return plain(number)


def plain(number: Decimal) -> Decimal:
    """Trailing zeros dropped without exponent notation: 5.0 → 5, 0.010 → 0.01, 100 → 100."""
    if number == number.to_integral_value():
        return Decimal(int(number))
    return number.normalize()


def format_number(number: Decimal | int | float | None) -> str:
    """Vietnamese display: 957600 → "957.600", 0.01 → "0,01", 1234.5 → "1.234,5"."""
    if number is None:
        return ""
    value = Decimal(str(number)) if not isinstance(number, Decimal) else number
    value = value.normalize() if value == value.to_integral_value() else value
    sign = "-" if value < 0 else ""
    text = format(abs(value), "f")
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    grouped = f"{int(whole):,}".replace(",", ".")
    return sign + grouped + ("," + frac if frac else "")


def json_number(number: Decimal | None) -> int | float | None:
    """A Decimal for JSON: int when whole, else float."""
    if number is None:
        return None
    return int(number) if number == number.to_integral_value() else float(number)


# ------------------------------------------------------------------------------ targets and values


class Target(Model):
    """A target or a reported value: operator, number (upper end for a range), unit, kind, raw text."""

    kind: TargetKind
    operator: Operator | None = None
    number: Decimal | None = None
    upper: Decimal | None = None
    unit: str | None = None
    note: str | None = None  # text in parentheses after the number: "100 (Các hệ thống ...)"
    raw: str = ""

    def describe(self) -> str:
        """Canonical display: "≥ 80", "80–90", "100%", "-", "X", or the text."""
        if self.kind != "number":
            return {"not_applicable": "-", "to_do": "X"}.get(self.kind, self.raw)
        unit = self.unit or ""
        unit = unit if unit.startswith("%") else (f" {unit}" if unit else "")
        if self.operator == "range":
            return f"{format_number(self.number)}–{format_number(self.upper)}{unit}"
        op = f"{self.operator} " if self.operator else ""
        return f"{op}{format_number(self.number)}{unit}"


_SYMBOLS = (("≥", "≥"), (">=", "≥"), ("=>", "≥"), ("⩾", "≥"), ("≧", "≥"), ("≤", "≤"), ("<=", "≤"),
            ("=<", "≤"), ("⩽", "≤"), ("≦", "≤"), (">", ">"), ("<", "<"), ("=", "="))
_TARGET_WORDS_OP = (("phấn đấu đạt", "≥"), ("đạt tối thiểu", "≥"), ("đạt ít nhất", "≥"), ("tối thiểu", "≥"),
                    ("ít nhất", "≥"), ("không dưới", "≥"), ("không thấp hơn", "≥"), ("đạt trên", ">"),
                    ("lớn hơn", ">"), ("trên", ">"), ("đạt", "≥"), ("không vượt quá", "≤"), ("không quá", "≤"),
                    ("không cao hơn", "≤"), ("tối đa", "≤"), ("nhỏ hơn", "<"), ("dưới", "<"), ("bằng", "="))
_VALUE_WORDS_OP = (("đạt trên", ">"), ("đạt được", None), ("đạt", None), ("được", None), ("trên", ">"),
                   ("hơn", ">"), ("vượt", ">"), ("tối thiểu", "≥"), ("ít nhất", "≥"), ("không dưới", "≥"),
                   ("không quá", "≤"), ("tối đa", "≤"), ("dưới", "<"), ("bằng", None))
_DASHES = str.maketrans({"–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-"})
_RANGE = re.compile(rf"^(?:từ\s+)?(?P<a>{_NUMBER})\s*(?P<ua>%?)\s*(?:-|÷|~|đến|tới)\s*(?P<b>{_NUMBER})\s*(?P<rest>.*)$",
                    re.IGNORECASE)
_SINGLE = re.compile(rf"^(?P<n>{_NUMBER})\s*(?P<rest>.*)$")
_NOTE = re.compile(r"^(?P<unit>[^()]*?)\s*\((?P<note>[^()]*)\)\s*$")
_UNIT_MAX_WORDS = 4


def _unit_and_note(rest: str) -> tuple[bool, str | None, str | None]:
    """(ok, unit, note) of the text after a number: "%", "% dân số", "doanh nghiệp", "(ghi chú)"."""
    rest = rest.strip().rstrip(".;,").strip()
    note = None
    match = _NOTE.match(rest)
    if match:
        rest, note = match.group("unit").strip(), one_line(match.group("note"))
    if not rest:
        return True, None, note
    if re.search(r"\d", rest) or len(rest.split()) > _UNIT_MAX_WORDS or len(rest) > 30:
        return False, None, None
    if rest.startswith("%"):
        return True, ("%" + " " + rest[1:].strip()).strip(), note
    if not rest[0].isalpha():
        return False, None, None
    return True, rest, note


def _parse(value: Any, words: tuple[tuple[str, str | None], ...]) -> Target | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return Target(kind="text", raw=str(value))
    if isinstance(value, (int, float)):
        number = _from_cell(value)
        return Target(kind="number", number=number, raw=format_number(number))
    raw = one_line(value) or ""
    if not raw:
        return None
    text = raw.translate(_DASHES).strip()
    folded = text.casefold()
    if folded.strip("() ") == "-" or folded in ("--", "-/-"):
        return Target(kind="not_applicable", raw=raw)
    if folded.strip("() ") == "x":
        return Target(kind="to_do", raw=raw)
    operator: str | None = None
    body = text
    for word, op in sorted(words, key=lambda w: -len(w[0])):
        if folded.startswith(word) and (len(folded) == len(word) or not folded[len(word)].isalpha()):
            operator, body = op, text[len(word):].strip()
            break
    for symbol, op in _SYMBOLS:
        if body.startswith(symbol):
            operator, body = op, body[len(symbol):].strip()
            break
    if operator is None and body is text:
        match = _RANGE.match(body)
        if match:
            low, high = parse_number(match.group("a")), parse_number(match.group("b"))
            ok, unit, note = _unit_and_note(body[match.start("rest"):])
            if low is not None and high is not None and low <= high and ok:
                unit = unit or (match.group("ua") or None)
                return Target(kind="number", operator="range", number=low, upper=high, unit=unit, note=note, raw=raw)
    match = _SINGLE.match(body)
    if match:
        number = parse_number(match.group("n"))
        ok, unit, note = _unit_and_note(match.group("rest"))
        if number is not None and ok:
            return Target(kind="number", operator=operator, number=number, unit=unit, note=note,  # type: ignore[arg-type]
                          raw=raw)
    return Target(kind="text", raw=raw)


def parse_target(value: Any) -> Target | None:
    """A target cell: "≥ 80", "≥  70", ">= 80", "≤5", "100", "100%", "-", "X", "80-90", "78,52%",
    "957.600", "1,5", "Tối thiểu 80%", "Đạt 100%", or a sentence kept as text; None when blank."""
    return _parse(value, _TARGET_WORDS_OP)


def parse_value(value: Any) -> Target | None:
    """A reported value, in the same shape as a target. "Đạt 85%" is exactly 85; "Trên 90%" is a
    lower bound (operator ">"); "X" is "done"; None when blank."""
    return _parse(value, _VALUE_WORDS_OP)


# ------------------------------------------------------------------------------ evaluation


class Evaluation(NamedTuple):
    status: Status
    gap: Decimal | None = None  # distance to the target, in the indicator's unit
    direction: Literal["below", "above"] | None = None  # value below a minimum / above a maximum
    reason: str | None = None  # why not comparable: target_to_do, target_text, value_text, unit_mismatch, value_bound


def _is_percent(unit: str | None) -> bool:
    key = header_key(unit)
    return bool(unit) and (unit.strip().startswith("%") or key.startswith(("phan tram", "ty le")))  # type: ignore[union-attr]


def units_compatible(value_unit: str | None, unit: str | None) -> bool:
    """A value's own unit agrees with the indicator's ("%" fits "% dân số"); no unit on either side agrees."""
    if not value_unit or not unit:
        return True
    if _is_percent(value_unit) or _is_percent(unit):
        return _is_percent(value_unit) and _is_percent(unit)
    a, b = header_key(value_unit), header_key(unit)
    return a == b or a.startswith(b) or b.startswith(a)


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


# ------------------------------------------------------------------------------ models


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
        return [f for f in self.findings if f.severity == "error"]

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


# ------------------------------------------------------------------------------ catalog


@dataclass
class IndicatorCatalog:
    indicators: list[Indicator]
    groups: list[Group]
    milestones: list[str]
    milestone_headers: dict[str, str]
    findings: list[Finding]
    input: InputFile

    @property
    def agencies(self) -> list[str]:
        names: dict[str, None] = {}
        for indicator in self.indicators:
            for name in split_agencies(indicator.monitor):
                names.setdefault(name, None)
        return list(names)


def _fill_merged(table: SheetTable, keep: Iterable[str]) -> None:
    """Cells merged down several rows (a monitoring agency for 1.1–1.4) hold their text in the top
    cell only: give it to every row of the merge, with the top cell as its address."""
    by_row = {r.row: r for r in table.rows}
    by_col = {c: f for f, c in table.columns.items() if f not in keep}
    for (r0, c0), (r1, c1) in table.merged:
        if r1 <= r0 or c0 not in by_col or c0 != c1:
            continue
        name = by_col[c0]
        top = by_row.get(r0 + 1)
        if top is None or top.values.get(name) in (None, ""):
            continue
        for excel_row in range(r0 + 2, r1 + 2):
            row = by_row.get(excel_row)
            if row is not None and row.values.get(name) in (None, ""):
                row.values[name] = top.values[name]
                row.cells = {**row.cells, name: top.cells[name]}


def _legend(row: RawRow) -> bool:
    texts = [one_line(v) for v in row.values.values() if v not in (None, "")]
    return len(texts) == 1 and header_key(texts[0]).startswith("ghi chu")


def load_indicator_catalog(path: Path, display: str | None = None) -> IndicatorCatalog:
    """Read the indicator table (seed Phụ lục I); an unreadable one stops the run (exit code 3)."""
    display = display or path.name
    outcome = read_table(path, display, schema=INDICATORS)
    table = outcome.table
    if table is None:
        problem = outcome.findings[0] if outcome.findings else None
        raise UnreadableInputError(
            f"Không đọc được danh mục chỉ tiêu {path}: {problem.message('vi') if problem else 'không đọc được'}",
            f"Cannot read the indicator catalog {path}: {problem.message('en') if problem else 'unreadable'}",
        )
    milestones = sorted({m for f in table.columns if (m := milestone_of(f))})
    if not milestones:
        raise UnreadableInputError(
            f"Danh mục chỉ tiêu {path} không có cột mục tiêu theo năm (ví dụ \"Đến hết năm 2025\", \"Đến năm 2030\").",
            f"The indicator catalog {path} has no target column per year (such as \"Đến hết năm 2025\").",
        )
    _fill_merged(table, keep=("stt", "name"))
    groups, rows = read_groups_and_rows(table)
    findings = list(outcome.findings)
    indicators: list[Indicator] = []
    seen: dict[str, str] = {}
    for row, group in rows:
        ctx = RowContext(table, row, findings)
        values = row.values
        name = clean(values.get("name"))
        code = parse_code(values.get("stt"))
        if not name:
            if code or any(values.get(f"target_{m}") not in (None, "") for m in milestones):
                ctx.add("warning", "indicator.no_name", "name", one_line(values.get("stt")))
            continue  # legend lines ("Ghi chú: (-): Chưa thực hiện"), blank rows
        if code is None:
            raw_stt = one_line(values.get("stt"))
            code = f"CT-{len(indicators) + 1:02d}"
            ctx.add("warning", "indicator.no_code", "stt", raw_stt, assigned=code)
        if code in seen:
            ctx.add("error", "indicator.duplicate_code", "stt", code, first=seen[code])
            continue
        seen[code] = row.cells.get("stt", f"A{row.row}")
        targets = {}
        for milestone in milestones:
            target = parse_target(values.get(f"target_{milestone}"))
            if target is not None:
                targets[milestone] = target
        indicators.append(Indicator(
            code=code, parent=parent_code(code), level=code.count(".") + 1, order=len(indicators) + 1, name=name,
            unit=one_line(values.get("unit")), targets=targets, monitor=one_line(values.get("monitor")),
            group=group, note=clean(values.get("note")),
            cells={f: f"{table.sheet}!{c}" for f, c in row.cells.items()},
        ))
    by_code = {i.code: i for i in indicators}
    orphans: dict[str, list[Indicator]] = {}
    for indicator in indicators:
        if indicator.parent in by_code:
            by_code[indicator.parent].children.append(indicator.code)
        elif indicator.parent:
            orphans.setdefault(indicator.parent, []).append(indicator)
    for parent, children in orphans.items():
        first = children[0]
        sheet, _, cell = first.cells.get("stt", f"{table.sheet}!A1").rpartition("!")
        findings.append(Finding(severity="warning", code="indicator.missing_parent", file=display, sheet=sheet,
                                cell=cell, column=table.headers.get("stt"), value=first.code,
                                params={"parent": parent, "codes": ", ".join(c.code for c in children)}))
    info = InputFile(path=str(path), name=display, sha256=sha256_of(path), size=path.stat().st_size, role="catalog",
                     sheet=table.sheet, header_row=table.header_row, rows=len(indicators))
    headers = {m: _milestone_header(table.headers.get(f"target_{m}", ""), m) for m in milestones}
    return IndicatorCatalog(indicators, groups, milestones, headers, findings, info)


def _milestone_header(header: str, milestone: str) -> str:
    """The column title naming a milestone ("Đến hết năm 2025"), out of a two-row header's readings."""
    for option in header.split(" / "):
        if field_for(option) == f"target_{milestone}":
            return option
    return f"Đến năm {milestone}"


# ------------------------------------------------------------------------------ submissions


@dataclass
class IndicatorSubmission:
    info: InputFile
    values: list[IndicatorValue]
    findings: list[Finding]


def _similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.token_sort_ratio(match_key(a), match_key(b)))


def _best_by_name(name: str, catalog: IndicatorCatalog) -> tuple[Indicator | None, float, float]:
    """Best catalog indicator for a name, its score and the runner-up's. Short, similar sibling
    names ("... cấp huyện ...", "... cấp xã ...") make the runner-up matter."""
    scored = sorted(((_similarity(name, i.name), i.order, i) for i in catalog.indicators),
                    key=lambda item: (-item[0], item[1]))
    if not scored:
        return None, 0.0, 0.0
    return scored[0][2], scored[0][0], scored[1][0] if len(scored) > 1 else 0.0


def _match(ctx: RowContext, code: str | None, name: str | None, catalog: IndicatorCatalog,
           by_code: dict[str, Indicator]) -> tuple[Indicator | None, str, float | None]:
    """The catalog indicator of a submission row: by its STT when the name agrees, else by name."""
    from nq57cli.tasks.merge import ID_TITLE_MISMATCH, STRONG_MATCH, WEAK_MATCH

    if code and code in by_code:
        indicator = by_code[code]
        if not name:
            return indicator, "code", None
        score = _similarity(name, indicator.name)
        if score >= ID_TITLE_MISMATCH:
            return indicator, "code", round(score, 1)
        best, best_score, second = _best_by_name(name, catalog)
        if best is not None and best_score >= STRONG_MATCH and best_score - second >= 3:
            ctx.add("warning", "indicator.code_name_mismatch", "name", None, written=code, matched=best.code,
                    score=best_score)
            return best, "name", round(best_score, 1)
        ctx.add("warning", "indicator.code_name_mismatch", "name", None, written=code, matched=code, score=score)
        return indicator, "code", round(score, 1)
    if not name:
        ctx.add("error", "indicator.unknown_code", "stt", code)
        return None, "none", None
    best, score, second = _best_by_name(name, catalog)
    if best is None or score < WEAK_MATCH:
        ctx.add("error", "indicator.no_match", "name", None, best=best.code if best else "-", score=score)
        return None, "none", round(score, 1)
    weak = score < STRONG_MATCH or second >= score - 2
    ctx.add("warning" if weak else "info", "indicator.weak_match" if weak else "indicator.name_match", "name", None,
            indicator=best.code, score=score)
    return best, "name", round(score, 1)


def _percent_cells(path: Path, sheet: str, refs: list[str]) -> set[str]:
    """Of the given cells of an .xlsx sheet, those formatted as a percentage (0,7852 shown as 78,52%)."""
    if not refs or path.suffix.lower() not in (".xlsx", ".xlsm"):
        return set()
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # the reader has read this file already; a style problem only loses the hint
        return set()
    try:
        ws = workbook[sheet]
        return {ref for ref in refs if "%" in str(ws[ref].number_format or "")}
    except Exception:
        return set()
    finally:
        workbook.close()


def load_indicator_submission(path: Path, catalog: IndicatorCatalog, milestone: str,
                              overrides: dict[str, str] | None = None, display: str | None = None) -> IndicatorSubmission:
    """Read one agency's indicator file: its agency and a value per filled row; never raises on bad input."""
    from nq57cli.tasks.merge import _resolve_agency, _source

    display = display or path.name
    info = InputFile(path=str(path), name=display)
    if path.is_file():
        try:
            info.sha256, info.size = sha256_of(path), path.stat().st_size
        except OSError:
            pass  # locked or gone since it was listed: read_table() says which
    outcome = read_table(path, display, schema=INDICATORS)
    findings = list(outcome.findings)
    table = outcome.table
    if table is None:
        info.readable = False
        return IndicatorSubmission(info, [], findings)
    agency, source = _resolve_agency(path, table.title_lines, overrides or {}, catalog.agencies)
    info.agency, info.agency_source = agency, source  # type: ignore[assignment]
    info.sheet, info.header_row = table.sheet, table.header_row
    findings.append(Finding(severity="info", code="agency.source", file=display, sheet=table.sheet,
                            params={"agency": agency, "source_vi": _source(source, 0), "source_en": _source(source, 1)}))
    value_field = next((f for f in (f"value_{milestone}", "value") if f in table.columns), None)
    if value_field is None:
        findings.append(Finding(severity="error", code="indicator.no_value_column", file=display, sheet=table.sheet,
                                params={"milestone": milestone}))
        return IndicatorSubmission(info, [], findings)
    by_code = {i.code: i for i in catalog.indicators}
    percent_refs = _percent_cells(path, table.sheet, [
        r.cells[value_field] for r in table.rows
        if isinstance(r.values.get(value_field), (int, float)) and not isinstance(r.values.get(value_field), bool)
        and abs(r.values[value_field]) <= 10])
    values: list[IndicatorValue] = []
    first_of: dict[str, str] = {}
    for row in table.rows:
        if row.group or _legend(row):
            continue
        ctx = RowContext(table, row, findings)
        raw = row.values.get(value_field)
        if raw in (None, ""):
            if ctx.formula_check(value_field):
                continue
            continue  # a listed indicator the agency did not fill in: not a report
        code = parse_code(row.values.get("stt"))
        name = clean(row.values.get("name"))
        value = parse_value(raw)
        if value is None:
            continue
        cell = row.cells[value_field]
        if cell in percent_refs and value.number is not None:
            value = value.model_copy(update={"number": (value.number * 100).normalize(), "unit": "%",
                                             "raw": format_number((value.number * 100).normalize()) + "%"})
            ctx.add("info", "indicator.percent_cell", value_field, format_number(Decimal(str(raw))), shown=value.raw)
        indicator, method, score = _match(ctx, code, name, catalog, by_code)
        if indicator is not None:
            if indicator.code in first_of:
                ctx.add("error", "indicator.duplicate_report", value_field, value.raw, indicator=indicator.code,
                        first=first_of[indicator.code])
                continue
            first_of[indicator.code] = cell
            copy = parse_target(row.values.get(f"target_{milestone}"))
            target = indicator.targets.get(milestone)
            if copy is not None and (target is None or _measure_key(copy) != _measure_key(target)):
                ctx.add("warning", "indicator.target_differs", f"target_{milestone}", copy.raw, indicator=indicator.code,
                        catalog=target.raw if target else "")
        values.append(IndicatorValue(
            agency=agency, file=display, sheet=table.sheet, row=row.row, cell=f"{table.sheet}!{cell}",
            raw=value.raw if cell in percent_refs else (one_line(raw) if isinstance(raw, str) else value.raw),
            value=value, code=code, name=name, unit=one_line(row.values.get("unit")), note=clean(row.values.get("note")),
            matched=indicator.code if indicator else None, match_method=method, match_score=score,  # type: ignore[arg-type]
        ))
    info.rows = len(values)
    return IndicatorSubmission(info, values, findings)


# ------------------------------------------------------------------------------ consolidation


def _measure_key(target: Target) -> tuple:
    """Values that mean the same figure compare equal: "80", "80%", "80,0", 80.0."""
    if target.kind == "number" and target.number is not None:
        upper = target.upper.normalize() if target.upper is not None else None
        return ("n", target.operator or "", target.number.normalize(), upper)
    if target.kind == "text":
        return ("t", match_key(target.raw))
    return (target.kind,)


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
    distinct = list(dict.fromkeys(_measure_key(v.value) for v in values))
    if len(distinct) == 1:
        return values[0], False
    chosen = next((v for v in values if _is_monitor(v.agency, indicator.monitor)), None)
    other = next(v for v in values if _measure_key(v.value) != _measure_key(values[0].value))
    sheet, cell = _location(other)
    listing = "; ".join(f"{v.agency}: {v.raw}" for v in values)
    findings.append(Finding(
        severity="warning", code="indicator.conflict" if chosen else "indicator.conflict_unresolved", file=other.file,
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
            findings.append(Finding(severity="warning", code=code, file=catalog_file, sheet=sheet or None,
                                    cell=cell or None, value=target.raw if target else None, params=params))
        elif chosen is not None:
            sheet, cell = _location(chosen)
            findings.append(Finding(severity="warning", code=code, file=chosen.file, sheet=sheet, cell=cell,
                                    value=chosen.raw, params=params))
    elif result.status == "not_reported":
        where = indicator.cells.get(f"target_{milestone}") or indicator.cells.get("stt") or "!"
        sheet, _, cell = where.rpartition("!")
        findings.append(Finding(severity="info", code="indicator.not_reported", file=catalog_file, sheet=sheet or None,
                                cell=cell or None, params={"indicator": indicator.code,
                                                           "monitor": indicator.monitor or "-"}))
    return assessment


def _value_order(indicator: Indicator):
    return lambda v: (0 if _is_monitor(v.agency, indicator.monitor) else 1, match_key(v.agency), v.file, v.row)


def choose_milestone(milestone: str | int | None, milestones: list[str]) -> str:
    """The milestone asked for ("2025", 2025, "năm 2025"), or the earliest; UsageError if unknown."""
    if milestone in (None, ""):
        return milestones[0]
    years = _YEAR.findall(str(milestone))
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
    from nq57cli.tasks.merge import display_names

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
        if loaded.info.sha256 and loaded.info.sha256 in seen:
            findings.append(Finding(severity="warning", code="file.duplicate", file=loaded.info.name,
                                    params={"other": seen[loaded.info.sha256]}))
            continue
        if loaded.info.sha256:
            seen[loaded.info.sha256] = loaded.info.name
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
    severities = {"error": 0, "warning": 0, "info": 0}
    for finding in result.findings:
        severities[finding.severity] += 1
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


# ------------------------------------------------------------------------------ template context


def indicator_context(result: IndicatorResult | None) -> dict[str, Any] | None:
    """The `indicators` variable of the templates (see templates/README.md); None without data.

    `columns`/`row.targets` hold at least TEMPLATE_MILESTONES entries (blank-padded), so the
    built-in chi-tieu table can print a fixed number of milestone columns.
    """
    if result is None:
        return None
    from nq57cli.render.document import percent, text

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
