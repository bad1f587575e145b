"""Task status: the words agencies write in the status column, mapped to a fixed code."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from nq57cli.domain.models import Status
from nq57cli.core.text import clean, header_key, one_line

STATUS_LABELS: dict[str, dict[str, str]] = {
    "completed": {"vi": "Đã hoàn thành", "en": "Completed"},
    "in_progress": {"vi": "Đang thực hiện", "en": "In progress"},
    "not_started": {"vi": "Chưa thực hiện", "en": "Not started"},
    "not_applicable": {"vi": "Không thuộc nhiệm vụ", "en": "Not applicable"},
    "waiting": {"vi": "Chờ hướng dẫn của Trung ương", "en": "Waiting for central guidance"},
    "unknown": {"vi": "Chưa rõ tình trạng", "en": "Status unclear"},
    "no_report": {"vi": "Chưa có báo cáo", "en": "No report"},
}
# The order statuses are counted and shown in (render's figures, the chart, the CLI summary).
DISPLAY_ORDER = ("completed", "in_progress", "not_started", "waiting", "not_applicable", "unknown", "no_report")
# Labels nq57 writes itself (merged.xlsx) but no agency chooses: not in the agencies' vocabulary.
OWN_LABELS = ("unknown", "no_report")

# What agencies write → status. Matched diacritics-, case- and punctuation-insensitively.
STATUS_VOCABULARY: tuple[tuple[str, Status], ...] = (
    ("Đã hoàn thành", "completed"),
    ("Hoàn thành", "completed"),
    ("Đã thực hiện", "completed"),
    ("Xong", "completed"),
    ("Đã xong", "completed"),
    ("Hoàn thành đúng hạn", "completed"),
    ("Đã hoàn thành đúng hạn", "completed"),
    ("Hoàn thành quá hạn", "completed"),
    ("Đã hoàn thành quá hạn", "completed"),
    ("Hoàn thành chậm", "completed"),
    ("Hoàn thành trễ hạn", "completed"),
    ("Đạt", "completed"),
    ("Đang thực hiện", "in_progress"),
    ("Đang triển khai", "in_progress"),
    ("Đang làm", "in_progress"),
    ("Đang tiến hành", "in_progress"),
    ("Đang hoàn thiện", "in_progress"),
    ("Đang xây dựng", "in_progress"),
    ("Chưa hoàn thành", "in_progress"),
    ("Đang thực hiện (quá hạn)", "in_progress"),
    ("Đang thực hiện đúng hạn", "in_progress"),
    ("Đang thực hiện quá hạn", "in_progress"),
    ("Chưa thực hiện", "not_started"),
    ("Chưa triển khai", "not_started"),
    ("Chưa bắt đầu", "not_started"),
    ("Không thuộc nhiệm vụ", "not_applicable"),
    ("Không thuộc phạm vi", "not_applicable"),
    ("Không áp dụng", "not_applicable"),
    ("Không có nhiệm vụ", "not_applicable"),
    ("N/A", "not_applicable"),
    ("Không thuộc chức năng", "not_applicable"),
    ("Không thuộc chức năng, nhiệm vụ", "not_applicable"),
    ("Không thuộc chức năng nhiệm vụ của đơn vị", "not_applicable"),
    ("Không thực hiện (không thuộc chức năng)", "not_applicable"),
    ("Không thực hiện (không thuộc chức năng, nhiệm vụ)", "not_applicable"),
    ("Đợi hướng dẫn của Trung ương", "waiting"),
    ("Chờ hướng dẫn", "waiting"),
    ("Chờ Trung ương hướng dẫn", "waiting"),
    ("Đang chờ hướng dẫn", "waiting"),
    ("Waiting for guidance", "waiting"),
)

# Phrases opening with one of these words are specific enough to match the start of longer text.
_MARKER_WORDS = ("da", "dang", "chua", "khong", "cho", "doi")
# A status written first, then a comment after one of these: "Đang triển khai, dự kiến ...".
_HEAD_DELIMITERS = re.compile(r"[,;:(\[\n.–—]|\s-\s")
_LOOSE_MAX_WORDS = 6  # looks_like_status_column: longer text counts only when cut at a delimiter


def _build_index() -> dict[str, Status]:
    index: dict[str, Status] = {}
    for phrase, status in STATUS_VOCABULARY:
        index[header_key(phrase)] = status
    for code, labels in STATUS_LABELS.items():
        if code in OWN_LABELS:
            continue
        index[header_key(code)] = code  # type: ignore[assignment]
        for label in labels.values():
            index.setdefault(header_key(label), code)  # type: ignore[arg-type]
    return index


_INDEX: dict[str, Status] = _build_index()
_PREFIXES: tuple[tuple[str, Status], ...] = tuple(
    sorted(
        (
            (key, status)
            for key, status in _INDEX.items()
            if len(key.split()) >= 3 or (len(key.split()) >= 2 and key.split()[0] in _MARKER_WORDS)
        ),
        key=lambda item: -len(item[0]),
    )
)


def status_label(status: str, lang: str = "vi") -> str:
    """Printable label of a status code in 'vi' or 'en'; unknown codes come back as given."""
    labels = STATUS_LABELS.get(status) if isinstance(status, str) else None
    if not labels:
        return status if isinstance(status, str) else ""
    return labels.get(lang) or labels["vi"]


def _head_key(text: str) -> str:
    for part in _HEAD_DELIMITERS.split(text):
        key = header_key(part)
        if key:
            return key
    return ""


def _match(value: object) -> tuple[Status | None, bool]:
    """(status, strict): strict when the whole text or its first clause is a known phrase."""
    if not isinstance(value, str):
        return None, False
    return _match_text(value)


@lru_cache(maxsize=4096)
def _match_text(value: str) -> tuple[Status | None, bool]:  # the same few phrases come back in every file
    text = clean(value)
    if not text:
        return None, False
    key = header_key(text)
    if key in _INDEX:
        return _INDEX[key], True
    head = _head_key(text)
    if head in _INDEX:
        return _INDEX[head], True
    for prefix, status in _PREFIXES:
        if key.startswith(prefix + " "):
            return status, False
    return None, False


def parse_status(value: object) -> Status | None:
    """Status code for a status cell ('Đã hoàn thành', 'Đang triển khai, dự kiến ...'), or None."""
    return _match(value)[0]


def parse_own_status(value: object) -> str | None:
    """A status as nq57 writes it in merged.xlsx: an agency's word, or one of nq57's own labels
    ("Chưa rõ tình trạng", "Chưa có báo cáo", in either language, or the code); None otherwise."""
    status = parse_status(value)
    if status is not None or not isinstance(value, str):
        return status
    key = header_key(value)
    return next((code for code in OWN_LABELS
                 if key in (header_key(code), *(header_key(label) for label in STATUS_LABELS[code].values()))), None)


def looks_like_status_column(values: list) -> bool:
    """True when at least 60 % of the non-empty values read as a status (short, not result text)."""
    try:
        texts = [t for t in (one_line(v) for v in values) if t] if values else []
    except TypeError:
        return False
    if not texts:
        return False
    hits = 0
    for text in texts:
        status, strict = _match(text)
        if status and (strict or len(text.split()) <= _LOOSE_MAX_WORDS):
            hits += 1
    return hits / len(texts) >= 0.6


STATUS_RULE = """Combined status: not_applicable reports are ignored; none left → not_applicable;
all completed → completed; any in_progress, or completed mixed with not_started/waiting →
in_progress; all not_started → not_started; all waiting → waiting; no reports → no_report.
A report whose status could not be read ("unknown") is still a report: the task is "unknown" unless
every reading of that status gives the same result (another agency in progress, say); reports with
an empty status are left out, unless no report has one: then "unknown" too, never "no_report"."""

_READABLE = ("completed", "in_progress", "not_started", "waiting", "not_applicable")


def _combine_known(kinds: set[str]) -> str:
    remaining = kinds - {"not_applicable"}
    if not remaining:
        return "not_applicable"
    if remaining == {"completed"}:
        return "completed"
    if remaining == {"not_started"}:
        return "not_started"
    if remaining == {"waiting"}:
        return "waiting"
    if "in_progress" in remaining or "completed" in remaining:
        return "in_progress"
    return "not_started"  # not_started mixed with waiting: nobody has begun


def combine_status(statuses: Iterable[str | None]) -> str:
    """The task's status from its agencies' statuses (see STATUS_RULE); None: a report with an
    empty status cell."""
    statuses = list(statuses)
    given = {s for s in statuses if s is not None}
    if not given:
        return "unknown" if statuses else "no_report"
    if "unknown" not in given:
        return _combine_known(given)
    known = given - {"unknown"}
    # The rule depends only on which statuses occur, so reading every unknown one as the same status
    # covers every outcome the unknown ones could lead to.
    outcomes = {_combine_known(known | {s}) for s in _READABLE}
    return outcomes.pop() if len(outcomes) == 1 else "unknown"
