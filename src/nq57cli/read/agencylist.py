"""Reading an agency list workbook (`--agencies agencies.xlsx`): names, short names, aliases, kinds and
e-mails, into the registry's Agency records."""

from __future__ import annotations

import re
from pathlib import Path

from nq57cli.core.text import header_key, one_line
from nq57cli.domain.agency import agency_key, is_collective
from nq57cli.domain.registry import Agency, kind_of
from nq57cli.errors import UnreadableInputError
from nq57cli.read.header import HEADER_SEARCH_ROWS

_HEADERS = {  # field → the header keys (header_key) that name its column
    "name": {"don vi", "ten don vi", "co quan", "ten co quan", "ten", "name", "agency"},
    "short": {"ten viet tat", "viet tat", "ten ngan", "short name", "short"},
    "aliases": {"ten khac", "cach viet khac", "aliases", "alias", "ten goi khac"},
    "kind": {"loai", "loai don vi", "kind", "khoi"},
    "email": {"email", "e mail", "thu dien tu", "dia chi thu dien tu"},
}
_SECTION = re.compile(r"^[IVXLC]+\s*[.\-–)]\s*\S")  # "I. CÁC SỞ, BAN, NGÀNH" heads a section


def parse_kind(value: object) -> str | None:
    key = header_key(value)
    if not key:
        return None
    if re.search(r"\b(?:xa|phuong|commune|ward)\b", key):
        return "xa_phuong"
    if re.search(r"\b(?:so|nganh|department)\b", key):
        return "so_nganh"
    return "other"


def read_agencies(path: Path) -> list[Agency]:
    """Agencies from a workbook: a column headed "Đơn vị"/"Tên đơn vị"/"Cơ quan" and, when present,
    "Tên viết tắt", "Tên khác" (aliases, separated by ";"), "Loại" (sở/ngành, xã/phường, khác) and
    "Email". The first sheet holding a name header in its first 30 rows is read; blanks, section
    headings ("I. CÁC SỞ, NGÀNH") and repeated names are skipped; order is kept."""
    import python_calamine as calamine

    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several unrelated types
        raise UnreadableInputError(f"Không đọc được danh sách đơn vị {path}: {exc}",
                                   f"Cannot read the agency list {path}: {exc}") from None
    for sheet_name in workbook.sheet_names:
        rows = workbook.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
        for r, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
            columns: dict[str, int] = {}
            for c, value in enumerate(row):
                key = header_key(value) if isinstance(value, str) else ""
                for field_name, headers in _HEADERS.items():
                    if key in headers and field_name not in columns:
                        columns[field_name] = c
            if "name" not in columns:
                continue
            out: dict[str, Agency] = {}
            for below in rows[r + 1:]:
                def cell(name: str, line: list = below) -> str | None:
                    col = columns.get(name)
                    value = line[col] if col is not None and col < len(line) else None
                    return one_line(value) if value not in (None, "") else None

                name = cell("name")
                if not name or _SECTION.match(name) or is_collective(name):
                    continue
                aliases = tuple(a.strip() for a in re.split(r"[;\n]", cell("aliases") or "") if a.strip())
                agency = Agency(name=name, kind=parse_kind(cell("kind")) or kind_of(name), short=cell("short"),
                                aliases=aliases, email=cell("email"))
                out.setdefault(agency_key(name), agency)
            return list(out.values())
    raise UnreadableInputError(
        f"{path}: không thấy cột \"Đơn vị\", \"Tên đơn vị\" hoặc \"Cơ quan\" trong {HEADER_SEARCH_ROWS} dòng đầu.",
        f"{path}: no column headed \"Đơn vị\", \"Tên đơn vị\" or \"Cơ quan\" in the first {HEADER_SEARCH_ROWS} rows.",
    )
