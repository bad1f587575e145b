"""Column header aliases: the many ways agencies title the same column, mapped to one field."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from nq57cli.core.text import header_key

# field: aliases (any case, diacritics form, spacing or punctuation).
ALIASES: dict[str, tuple[str, ...]] = {
    "task_id": ("Mã nhiệm vụ", "Mã NV", "Mã số nhiệm vụ", "Mã", "ID", "Task ID"),
    "stt": ("STT", "TT", "Số TT", "Số thứ tự"),
    "title": (
        "Nhiệm vụ cụ thể",
        "Tên nhiệm vụ",
        "Nội dung, nhiệm vụ",
        "Nội dung nhiệm vụ",
        "Nhiệm vụ, giải pháp",
        "Nhiệm vụ",
        "Nội dung",
        "Tên nhiệm vụ, giải pháp",
        "Nội dung công việc",
    ),
    "document": ("Văn bản giao nhiệm vụ", "Văn bản giao", "Văn bản", "Căn cứ giao nhiệm vụ"),
    "deadline": (
        "Thời hạn hoàn thành",
        "Thời hạn",
        "Thời gian hoàn thành",
        "Thời gian thực hiện",
        "Thời gian",
        "Hạn hoàn thành",
    ),
    "status": (
        "Tình trạng",
        "Trạng thái",
        "Tình trạng thực hiện",
        "Tiến độ",
        "Tiến độ thực hiện",
        "Kết quả Tình trạng",
    ),
    "result": (
        "Kết quả thực hiện",
        "Mô tả",
        "Kết quả Mô tả",
        "Mô tả kết quả",
        "Kết quả thực hiện nhiệm vụ",
        "Nội dung kết quả",
    ),
    "completed_on": (
        "Ngày hoàn thành thực tế",
        "Ngày hoàn thành",
        "Thời gian hoàn thành thực tế",
        "Thời điểm hoàn thành",
    ),
    "difficulties": ("Khó khăn, vướng mắc", "Khó khăn vướng mắc", "Khó khăn", "Vướng mắc"),
    "proposals": ("Đề xuất, kiến nghị", "Kiến nghị, đề xuất", "Đề xuất", "Kiến nghị"),
    "lead": ("Cơ quan chủ trì", "Đơn vị chủ trì", "Chủ trì", "Cơ quan chủ trì thực hiện"),
    "partners": ("Cơ quan phối hợp", "Đơn vị phối hợp", "Phối hợp"),
    "group": ("Nhóm", "Nhóm nhiệm vụ", "Nhóm nhiệm vụ, giải pháp"),
    "note": ("Ghi chú",),
    "expected_output": ("Dự kiến kết quả", "Sản phẩm", "Dự kiến sản phẩm", "Kết quả dự kiến"),
    "assessment": ("Đánh giá", "Đánh giá của Cơ quan thường trực", "Đánh giá của Tổ giúp việc"),
    # Columns written by `nq57 merge` into merged.xlsx, read back by render/overdue.
    "deadline_due": ("Hạn (ngày)",),
    "agencies": ("Đơn vị đã báo cáo",),
    "silent": ("Đơn vị chưa báo cáo",),
    "group_order": ("Thứ tự nhóm",),
}

# "Kết quả" alone holds a status in some forms and the result text in others.
AMBIGUOUS: dict[str, tuple[str, str]] = {header_key("Kết quả"): ("status", "result")}

_PARENTHESES = re.compile(r"\([^)]*\)")
_INDEX: dict[str, str] = {header_key(a): field for field, aliases in ALIASES.items() for a in aliases}
_PREFIXES = sorted(_INDEX, key=len, reverse=True)
_NUMBERING = re.compile(r"^\(?\s*(\d{1,2}|[a-zA-Z])\s*\)?(\s*=\s*[\d\s+\-x*/()]+)?$")


MAX_HEADER_LENGTH = 120  # longer cell texts are data, not column titles


@lru_cache(maxsize=4096)
def _field_for(header: str) -> str | None:
    key = header_key(header)
    if not key:
        return None
    for candidate in (key, header_key(_PARENTHESES.sub(" ", str(header)))):
        if candidate in AMBIGUOUS:
            return "?result"
        if candidate in _INDEX:
            return _INDEX[candidate]
    for prefix in _PREFIXES:  # "Thời hạn hoàn thành (dd/mm/yyyy)", "Tình trạng thực hiện:"
        if len(prefix) >= 4 and key.startswith(prefix + " "):
            return _INDEX[prefix]
    return None


def header_lookup(lookup: Callable[[str], str | None]) -> Callable[[object], str | None]:
    """A cell → field function from a cached text lookup: empty, boolean and long cells name nothing."""

    def field_for(header: object) -> str | None:
        if header is None or isinstance(header, bool):
            return None
        text = header if isinstance(header, str) else str(header)
        if not text or len(text) > MAX_HEADER_LENGTH:
            return None
        return lookup(text)

    return field_for


field_for = header_lookup(_field_for)
field_for.__doc__ = """The field a header text names, "?result" for the ambiguous "Kết quả", or None."""


def is_numbering(value: object) -> bool:
    """True for the "(1)", "(2)", "3", "(4)=(2)-(3)" cells of a numbering row under a header."""
    if value is None:
        return True
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value).is_integer() and 0 < value < 100
    text = str(value).strip()
    return not text or bool(_NUMBERING.match(text))
