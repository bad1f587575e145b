"""Indicator figures: STT codes, numbers written the Vietnamese way, targets and reported values, units.

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
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from nq57cli.core.text import header_key, match_key, one_line
from nq57cli.domain.models import Model

TargetKind = Literal["number", "not_applicable", "to_do", "text"]
Operator = Literal["≥", "≤", "=", ">", "<", "range"]

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
            grouped = _grouped(t, ".") and not parts[0].startswith("0")
            if len(parts) > 2:
                return Decimal(t.replace(".", "")) if grouped else None
            return Decimal(t.replace(".", "")) if grouped else Decimal(t)
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
        exact = _from_cell(value)
        return Target(kind="number", number=exact, raw=format_number(exact))
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


def measure_key(target: Target) -> tuple:
    """Values that mean the same figure compare equal: "80", "80%", "80,0", 80.0."""
    if target.kind == "number" and target.number is not None:
        upper = target.upper.normalize() if target.upper is not None else None
        return ("n", target.operator or "", target.number.normalize(), upper)
    if target.kind == "text":
        return ("t", match_key(target.raw))
    return (target.kind,)

