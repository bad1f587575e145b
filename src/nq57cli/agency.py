"""Who sent a submission: from the title block, an explicit option, or the file name."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from nq57cli.text import header_key, match_key, one_line

# Title-block lines that name an agency start with one of these (compared without diacritics).
_AGENCY_PREFIXES = tuple(
    match_key(p) + " "
    for p in (
        "Sở", "UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân", "Ban", "Công an", "Văn phòng",
        "Bộ Chỉ huy", "Trung tâm", "Đài", "Báo", "Trường", "Bệnh viện", "Cục", "Chi cục",
        "Thanh tra", "Kho bạc", "Đảng ủy", "Đảng uỷ", "Tỉnh ủy", "Tỉnh uỷ", "Hội", "Liên đoàn",
        "Tỉnh đoàn", "Bảo hiểm", "Ngân hàng", "Công ty", "Phòng", "Viện", "Bộ", "Ủy ban", "Uỷ ban",
    )
)
_NOT_AGENCY = tuple(
    match_key(p) + " "
    for p in ("Cộng hòa xã hội", "Cộng hoà xã hội", "Độc lập", "Báo cáo", "Kế hoạch", "Danh mục",
              "Phụ lục", "Biểu mẫu", "Kèm theo", "Số", "Kết quả")
)
_LABEL = re.compile(
    r"^\s*(?:tên\s+)?(?:đơn\s*vị|cơ\s*quan)(?:\s+báo\s+cáo)?\s*[:：]\s*(?P<name>.+)$", re.IGNORECASE
)
_ACRONYMS = {"ubnd", "hđnd", "khcn", "kh&cn", "cntt", "ttđt", "vnpt", "bcđ"}
_PLACE_WORDS = {"tỉnh", "xã", "phường", "huyện", "quận", "phố", "trấn", "khu"}  # then a place name


def agency_from_title(lines: list[str]) -> str | None:
    """The reporting agency named in the rows above the table, or None."""
    for line in lines:
        match = _LABEL.match(line)
        if match:
            return display_name(match.group("name"))
    candidates = []
    for line in lines:
        key = match_key(line) + " "
        if key.startswith(_NOT_AGENCY):
            continue
        if key.startswith(_AGENCY_PREFIXES) and len(key) < 90:
            candidates.append(line)
    if not candidates:
        return None
    # "UBND TỈNH QUẢNG NGÃI" above "SỞ KHOA HỌC VÀ CÔNG NGHỆ": the issuing agency is the second.
    return display_name(candidates[1] if len(candidates) > 1 else candidates[0])


def agency_from_filename(path: Path) -> str:
    """A readable agency name from a file name ("so-noi-vu_bao-cao.xlsx" → "so noi vu bao cao")."""
    stem = re.sub(r"[_\-.]+", " ", path.stem).strip()
    return stem or path.name


def display_name(name: str) -> str:
    """Agency name for display: all-caps title-block text becomes sentence case."""
    text = one_line(name) or ""
    text = text.strip(" .;:-")
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters):
        return text
    words = text.lower().split()
    out: list[str] = []
    in_place = False
    for index, word in enumerate(words):
        if word in _ACRONYMS:
            out.append(word.upper())
        elif index == 0 or in_place:
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word)
        in_place = in_place or (index > 0 and word in _PLACE_WORDS)
    return " ".join(out)


# Abbreviations of agency names, as header_key() leaves them ("Sở KH&CN" → "so kh cn"), and what they stand
# for: "Sở KH&CN", "Sở KHCN" and "SỞ KHOA HỌC VÀ CÔNG NGHỆ" are one agency.
_ABBREVIATIONS = [(re.compile(rf"\b{pattern}\b"), full) for pattern, full in (
    (r"ubnd", "uy ban nhan dan"),
    (r"vp", "van phong"),
    (r"hdnd", "hoi dong nhan dan"),
    (r"kh ?cn", "khoa hoc va cong nghe"),
    (r"kh ?dt", "ke hoach va dau tu"),
    (r"tt ?tt", "thong tin va truyen thong"),
    (r"gd ?dt", "giao duc va dao tao"),
    (r"nn ?(?:va )?ptnt", "nong nghiep va phat trien nong thon"),
    (r"tn ?mt", "tai nguyen va moi truong"),
    (r"ld ?tb ?xh", "lao dong thuong binh va xa hoi"),
    (r"vh ?tt ?dl", "van hoa the thao va du lich"),
    (r"gtvt", "giao thong van tai"),
    (r"bchqs", "bo chi huy quan su"),
    (r"cntt", "cong nghe thong tin"),
)]


def agency_key(name: object) -> str:
    """Key for comparing agency names: case, diacritics, punctuation and the usual abbreviations
    (UBND, KH&CN, TT&TT, GD&ĐT...) ignored."""
    return _agency_key(name if isinstance(name, str) else str(name or ""))


@lru_cache(maxsize=8192)
def _agency_key(name: str) -> str:  # the catalog's agencies are compared with every file's
    key = header_key(name)
    for pattern, full in _ABBREVIATIONS:
        if pattern.search(key):
            key = pattern.sub(full, key)
    return key


def canonical(name: str, known: list[str]) -> str:
    """Snap a name to the spelling used in the catalog when it is clearly the same agency."""
    if not known:
        return name
    key = agency_key(name)
    keys = {agency_key(k): k for k in known}
    if key in keys:
        return keys[key]
    from rapidfuzz import fuzz, process

    best = process.extractOne(key, list(keys), scorer=fuzz.ratio)
    if best and best[1] >= 90:
        return keys[best[0]]
    return name


def split_agencies(value: object) -> list[str]:
    """ "Sở Nội vụ; Công an tỉnh" → ["Sở Nội vụ", "Công an tỉnh"] (also newlines)."""
    text = one_line(str(value).replace("\n", ";")) if value not in (None, "") else None
    if not text:
        return []
    parts = re.split(r"\s*[;\n]\s*", text)
    return [p.strip(" .,-") for p in parts if p.strip(" .,-")]
