"""Assigning documents: 'Thông báo số 05-TB/BCĐTW ngày 04/07/2025' split into its parts."""

from __future__ import annotations

import re
from datetime import date

from nq57cli.domain.deadline import find_dates, format_date
from nq57cli.domain.models import DocumentRef
from nq57cli.core.text import clean, header_key, one_line, strip_diacritics

# Document type abbreviation (as printed in the code) → name.
DOCUMENT_TYPES: tuple[tuple[str, str], ...] = (
    ("TB", "Thông báo"),
    ("KH", "Kế hoạch"),
    ("NQ", "Nghị quyết"),
    ("QĐ", "Quyết định"),
    ("CT", "Chỉ thị"),
    ("KL", "Kết luận"),
    ("BC", "Báo cáo"),
    ("HD", "Hướng dẫn"),
    ("TTr", "Tờ trình"),
    ("CTr", "Chương trình"),
    ("QC", "Quy chế"),
    ("TT", "Thông tư"),
    ("NĐ", "Nghị định"),
    ("CV", "Công văn"),
)
LETTER_TYPE = "CV"  # NUMBER/ISSUER-UNIT codes ("2923/BKHCN-VP") are letters (công văn)

_TYPE_BY_KEY = {strip_diacritics(code).upper(): (code, name) for code, name in DOCUMENT_TYPES}
_TYPE_NAME_KEYS = tuple(
    sorted(((header_key(name), code) for code, name in DOCUMENT_TYPES), key=lambda kv: -len(kv[0]))
)
_NAMES = dict(DOCUMENT_TYPES)

_WORD = r"[^\W_]+"
_ISSUER = rf"{_WORD}(?:-{_WORD})*"
_START = r"(?<![\w/.\-])"
# Party style: 05-TB/BCĐTW, 1827-QĐ/TU.
_PARTY = re.compile(rf"{_START}([0-9]+[a-z]?)\s?-\s?([^\W\d_]{{1,5}})\s?/\s?({_ISSUER})", re.I)
# State style: 71/NQ-CP, 08/2024/TT-BXD; letters: 2923/BKHCN-VP.
_STATE = re.compile(
    rf"{_START}([0-9]+[a-z]?)(?:\s?/\s?((?:19|20)[0-9]{{2}}))?\s?/\s?([^\W\d_][^\W_]*)\s?-\s?({_ISSUER})",
    re.I,
)
_NUMBER = re.compile(r"\bs[ốôo]\s*:?\s*([0-9]+[a-z]?)\b", re.I)
_DATE_MARK = re.compile(r"\bng[àa]y\s*:?\s*$", re.I)
_JOIN_TIGHT = ("-", "/")


def _join_lines(text: str) -> str:
    """Cell lines as one line; a line ending (or the next starting) with '-' or '/' joins tight."""
    lines = text.split("\n")
    out = lines[0]
    for line in lines[1:]:
        tight = out.endswith(_JOIN_TIGHT) or line.startswith(_JOIN_TIGHT)
        out += line if tight else " " + line
    return out


def _cased(text: str) -> str:
    """Upper-cased when written all lower-case ('bcđtw' → 'BCĐTW'); as written otherwise."""
    return text if any(ch.isupper() for ch in text) else text.upper()


def _known_type(text: str) -> tuple[str, str] | None:
    return _TYPE_BY_KEY.get(strip_diacritics(text).upper())


def _type_from_words(text: str) -> str | None:
    key = header_key(text)
    for name_key, code in _TYPE_NAME_KEYS:
        if key == name_key or key.startswith(name_key + " ") or f" {name_key} so " in f" {key} ":
            return code
    return None


def _parse_code(text: str) -> tuple[dict, int] | None:
    """The first document code in text as DocumentRef fields, and where it ends."""
    found = [m for m in (_PARTY.search(text), _STATE.search(text)) if m]
    if not found:
        return None
    m = min(found, key=lambda match: match.start())
    number = m[1]
    if m.re is _PARTY:
        known = _known_type(m[2])
        kind, issuer = (known[0] if known else m[2].upper()), _cased(m[3])
        return {"type": kind, "number": number, "issuer": issuer,
                "code": f"{number}-{kind}/{issuer}"}, m.end()
    year = f"{m[2]}/" if m[2] else ""
    known = _known_type(m[3])
    if known:
        issuer = _cased(m[4])
        return {"type": known[0], "number": number, "issuer": issuer,
                "code": f"{number}/{year}{known[0]}-{issuer}"}, m.end()
    issuer, unit = _cased(m[3]), _cased(m[4])
    return {"type": LETTER_TYPE, "number": number, "issuer": issuer,
            "code": f"{number}/{year}{issuer}-{unit}"}, m.end()


def _document_date(text: str, after: int) -> date | None:
    """The issue date: the first date after 'ngày', else the first one after the code."""
    hits = [h for h in find_dates(text) if h.value is not None]
    for hit in hits:
        opens_with_mark = strip_diacritics(text[hit.start : hit.start + 4]).lower() == "ngay"
        if opens_with_mark or _DATE_MARK.search(text[max(0, hit.start - 12) : hit.start]):
            return hit.value
    later = [h for h in hits if h.start >= after]
    return later[0].value if later and after > 0 else None


def parse_document(value: object) -> DocumentRef | None:
    """Type, number, code, issuer and date of an assigning document; only raw when unreadable;
    None for an empty cell."""
    if value is None or isinstance(value, bool):
        return None if value is None else DocumentRef(raw=str(value))
    text = clean(value)
    if not text:
        return None
    raw = one_line(_join_lines(text)) or text
    parsed = _parse_code(raw)
    if parsed:
        fields, end = parsed
    else:
        number = _NUMBER.search(raw)
        kind = _type_from_words(raw)
        if not (number and kind):
            return DocumentRef(raw=raw)
        fields, end = {"type": kind, "number": number[1]}, number.end()
    return DocumentRef(
        **fields,
        type_name=_NAMES.get(fields["type"]),
        date=_document_date(raw, end),
        raw=raw,
    )


def format_document(ref: DocumentRef | None) -> str:
    """Canonical text 'Thông báo số 05-TB/BCĐTW ngày 04/07/2025' when parsed, else raw."""
    if not isinstance(ref, DocumentRef):
        return ""
    ident = ref.code or ref.number
    if not (ref.type_name and ident):
        return ref.raw
    text = f"{ref.type_name} số {ident}"
    if ref.date:
        text += f" ngày {format_date(ref.date)}"
    return text
