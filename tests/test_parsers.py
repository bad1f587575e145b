"""Status, date, deadline and document-reference parsers, on the forms found in the seeds."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nq57cli.domain.deadline import format_date, parse_date, parse_deadline
from nq57cli.domain.docref import format_document, parse_document
from nq57cli.domain.models import Deadline, DocumentRef
from nq57cli.domain.status import (OWN_LABELS, STATUS_LABELS, looks_like_status_column, parse_own_status, parse_status,
                            status_label)

MONTH_FIRST_PARAMS = {"text": "10-01-2025", "day_first": "2025-01-10", "month_first": "2025-10-01"}
SPLIT_CITY = "Các thành phố\ntrực thuộc\nTrung ương\n30/9/2025"
SEED_TITLE = (
    "Chủ trì xây dựng lộ trình đổi mới công nghệ đến năm 2035 ... Báo cáo Thường trực "
    "Ban Chỉ đạo kết quả thực hiện trước ngày 01/10/2025"
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# ---------------------------------------------------------------- status

STATUS_CASES = [
    ("Đã hoàn thành", "completed"),
    ("Hoàn thành", "completed"),
    ("Đã thực hiện", "completed"),
    ("Xong", "completed"),
    ("Đã xong", "completed"),
    ("Hoàn thành đúng hạn", "completed"),
    ("Hoàn thành quá hạn", "completed"),
    ("Hoàn thành chậm", "completed"),
    ("Đạt", "completed"),
    ("Đang thực hiện", "in_progress"),
    ("Đang triển khai", "in_progress"),
    ("Đang làm", "in_progress"),
    ("Đang tiến hành", "in_progress"),
    ("Đang hoàn thiện", "in_progress"),
    ("Đang xây dựng", "in_progress"),
    ("Chưa hoàn thành", "in_progress"),
    ("Đang thực hiện (quá hạn)", "in_progress"),
    ("Chưa thực hiện", "not_started"),
    ("Chưa triển khai", "not_started"),
    ("Chưa bắt đầu", "not_started"),
    ("Không thuộc nhiệm vụ", "not_applicable"),
    ("Không thuộc phạm vi", "not_applicable"),
    ("Không áp dụng", "not_applicable"),
    ("Không có nhiệm vụ", "not_applicable"),
    ("N/A", "not_applicable"),
    ("Đợi hướng dẫn của Trung ương", "waiting"),
    ("Chờ hướng dẫn", "waiting"),
    ("Chờ Trung ương hướng dẫn", "waiting"),
    ("Đang chờ hướng dẫn", "waiting"),
    ("Chờ hướng dẫn của Trung ương", "waiting"),
    ("completed", "completed"),
    ("in_progress", "in_progress"),
    ("not_started", "not_started"),
    ("not_applicable", "not_applicable"),
    ("waiting", "waiting"),
    # normalisation: case, NFD, spacing, punctuation, line breaks, old tone placement
    ("ĐÃ HOÀN THÀNH", "completed"),
    ("  đã   hoàn  thành. ", "completed"),
    (nfd("Đang triển khai"), "in_progress"),
    (nfd("Không thuộc nhiệm vụ"), "not_applicable"),
    ("Chưa\nthực hiện", "not_started"),
    ("Hoàn thành!", "completed"),
    ("Da hoan thanh", "completed"),
    # longer text that opens with a status phrase
    ("Đang triển khai, dự kiến xong tháng 12", "in_progress"),
    ("Đã hoàn thành (Quyết định số 608/QĐ-UBND ngày 04/8/2025)", "completed"),
    ("Chưa hoàn thành, đang chờ kinh phí", "in_progress"),
    ("Không thuộc nhiệm vụ của đơn vị", "not_applicable"),
    ("Hoàn thành; đã gửi báo cáo", "completed"),
]


@pytest.mark.parametrize(("text", "expected"), STATUS_CASES)
def test_parse_status(text: str, expected: str) -> None:
    assert parse_status(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", None, "Chưa có báo cáo", "Tổ chức 05 hội nghị", "Hoàn thành số hóa quy trình", 5, 2.5,
     date(2025, 1, 1), True],
)
def test_parse_status_unrecognised(text: object) -> None:
    assert parse_status(text) is None


@pytest.mark.parametrize(
    ("status", "lang", "expected"),
    [
        ("completed", "vi", "Đã hoàn thành"),
        ("in_progress", "en", "In progress"),
        ("waiting", "vi", "Chờ hướng dẫn của Trung ương"),
        ("no_report", "vi", "Chưa có báo cáo"),
        ("no_report", "en", "No report"),
        ("not_applicable", "xx", "Không thuộc nhiệm vụ"),
    ],
)
def test_status_label(status: str, lang: str, expected: str) -> None:
    assert status_label(status, lang) == expected


def test_vi_labels_parse_back_to_their_code() -> None:
    for code, labels in STATUS_LABELS.items():
        if code not in OWN_LABELS:
            assert parse_status(labels["vi"]) == code
            assert parse_status(labels["en"]) == code
        else:  # nq57's own labels are no agency's answer, but merged.xlsx reads them back
            assert parse_status(labels["vi"]) is None and parse_status(labels["en"]) is None
        assert parse_own_status(labels["vi"]) == parse_own_status(labels["en"]) == parse_own_status(code) == code
    assert parse_own_status("gần xong rồi") is None


@pytest.mark.parametrize("text", [
    "Không thực hiện (không thuộc chức năng)", "không thuộc chức năng, nhiệm vụ",
    "Không thuộc chức năng nhiệm vụ của đơn vị", "KHÔNG THUỘC CHỨC NĂNG", "Không thuộc chức năng nhiệm vụ",
])
def test_not_our_function_means_not_applicable(text: str) -> None:
    assert parse_status(text) == "not_applicable"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", None, ""], True),
        (["Đã hoàn thành", "Đang triển khai, dự kiến xong tháng 12", "Ghi chú khác"], True),
        (["Đã hoàn thành", "Tổ chức 05 hội nghị", "Ban hành Kế hoạch số 22/KH-UBND"], False),
        (
            [
                "Đã hoàn thành số hóa quy trình nghiệp vụ nội bộ và kết quả giải quyết thủ tục hành chính",
                "Tổ chức hội nghị tập huấn",
                "Đã ban hành Kế hoạch",
            ],
            False,
        ),
        ([], False),
        ([None, "", "  "], False),
    ],
)
def test_looks_like_status_column(values: list, expected: bool) -> None:
    assert looks_like_status_column(values) is expected


# ---------------------------------------------------------------- parse_date

DATE_CASES = [
    ("31/12/2025", date(2025, 12, 31)),
    ("30/9/2025", date(2025, 9, 30)),
    ("31-12-2025", date(2025, 12, 31)),
    ("31.12.2025", date(2025, 12, 31)),
    ("2025-06-30", date(2025, 6, 30)),
    ("2025-06-30 00:00:00", date(2025, 6, 30)),
    ("ngày 04 tháng 7 năm 2025", date(2025, 7, 4)),
    ("31/12/25", date(2025, 12, 31)),
    ("04/07/2025", date(2025, 7, 4)),
    ("Đã hoàn thành ngày 04/8/2025", date(2025, 8, 4)),
    (date(2025, 9, 30), date(2025, 9, 30)),
    (datetime(2025, 9, 30, 14, 5), date(2025, 9, 30)),
    (45900, date(2025, 8, 31)),
    (45900.75, date(2025, 8, 31)),
    ("45900", date(2025, 8, 31)),
    ("29/02/2024", date(2024, 2, 29)),
]


@pytest.mark.parametrize(("value", "expected"), DATE_CASES)
def test_parse_date(value: object, expected: date) -> None:
    assert parse_date(value) == (expected, [])


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("31/02/2025", "date.invalid"),
        ("29/02/2025", "date.invalid"),
        ("32/01/2025", "date.invalid"),
        ("Các bộ, cơ quan", "date.unparsed"),
        ("Tháng 9/2025", "date.unparsed"),
        (2025, "date.unparsed"),
        (1.5, "date.unparsed"),
        (True, "date.unparsed"),
    ],
)
def test_parse_date_rejects(value: object, code: str) -> None:
    result, issues = parse_date(value)
    assert result is None
    assert [c for c, _ in issues] == [code]


@pytest.mark.parametrize("value", [None, "", "   \n "])
def test_parse_date_empty(value: object) -> None:
    assert parse_date(value) == (None, [])


def test_parse_date_ambiguous_without_context() -> None:
    assert parse_date("10-01-2025") == (
        date(2025, 1, 10),
        [("date.ambiguous", MONTH_FIRST_PARAMS)],
    )


def test_parse_date_month_first_slip_from_seed() -> None:
    assert parse_date("10-01-2025", context=SEED_TITLE) == (
        date(2025, 1, 10),
        [("date.month_first", MONTH_FIRST_PARAMS)],
    )


@pytest.mark.parametrize("value", ["10/01/2025", "25-12-2025", "05-05-2025", "2025-10-01"])
def test_parse_date_not_ambiguous(value: str) -> None:
    assert parse_date(value)[1] == []


# ---------------------------------------------------------------- parse_deadline

DEADLINE_CASES = [
    # full dates
    ("31/12/2025", "date", date(2025, 12, 31)),
    ("30/9/2025", "date", date(2025, 9, 30)),
    ("31-12-2025", "date", date(2025, 12, 31)),
    ("31/8/2025", "date", date(2025, 8, 31)),
    ("30/09/2025", "date", date(2025, 9, 30)),
    ("2025-06-30 00:00:00", "date", date(2025, 6, 30)),
    ("Trước ngày 20/12/2025", "date", date(2025, 12, 20)),
    ("Trước 20/12/2025", "date", date(2025, 12, 20)),
    ("Chậm nhất ngày 15/11/2025", "date", date(2025, 11, 15)),
    ("Hoàn thành trước ngày 30/11/2025", "date", date(2025, 11, 30)),
    ("31/12/2025 (báo cáo hằng quý)", "date", date(2025, 12, 31)),
    ("giữa năm 2025", "date", date(2025, 6, 30)),
    ("6 tháng đầu năm 2025", "date", date(2025, 6, 30)),
    (date(2025, 12, 31), "date", date(2025, 12, 31)),
    (datetime(2025, 12, 31, 0, 0), "date", date(2025, 12, 31)),
    (45900, "date", date(2025, 8, 31)),
    (nfd("Trước ngày 20/12/2025"), "date", date(2025, 12, 20)),
    ("Trước  ngày   20/12/2025", "date", date(2025, 12, 20)),
    # months
    ("Tháng 9/2025", "month", date(2025, 9, 30)),
    ("tháng 09/2025", "month", date(2025, 9, 30)),
    ("Tháng 9 năm 2025", "month", date(2025, 9, 30)),
    ("T9/2025", "month", date(2025, 9, 30)),
    ("9/2025", "month", date(2025, 9, 30)),
    ("09-2025", "month", date(2025, 9, 30)),
    ("Trong tháng 8/2025", "month", date(2025, 8, 31)),
    ("cuối tháng 10/2025", "month", date(2025, 10, 31)),
    ("Tháng 12/2025", "month", date(2025, 12, 31)),
    ("Tháng 11/2025", "month", date(2025, 11, 30)),
    ("Tháng 2/2024", "month", date(2024, 2, 29)),
    ("Tháng 2/2025", "month", date(2025, 2, 28)),
    ("THÁNG  9 / 2025", "month", date(2025, 9, 30)),
    (nfd("Tháng 9/2025"), "month", date(2025, 9, 30)),
    # quarters
    ("Quý IV/2025", "quarter", date(2025, 12, 31)),
    ("Quý 4/2025", "quarter", date(2025, 12, 31)),
    ("Quý IV năm 2025", "quarter", date(2025, 12, 31)),
    ("quý III, IV/2025", "quarter", date(2025, 12, 31)),
    ("Quý I/2026", "quarter", date(2026, 3, 31)),
    ("Quý II/2025", "quarter", date(2025, 6, 30)),
    ("Quý III/2025", "quarter", date(2025, 9, 30)),
    # years
    ("2025", "year", date(2025, 12, 31)),
    (2025, "year", date(2025, 12, 31)),
    (2025.0, "year", date(2025, 12, 31)),
    ("Năm 2025", "year", date(2025, 12, 31)),
    ("Đến năm 2030", "year", date(2030, 12, 31)),
    ("Trong năm 2025", "year", date(2025, 12, 31)),
    ("2025-2026", "year", date(2026, 12, 31)),
    ("cuối năm 2025", "year", date(2025, 12, 31)),
    # recurring
    ("Thường xuyên", "recurring", None),
    ("Thực hiện thường xuyên", "recurring", None),
    ("Thường xuyên các tháng cuối năm", "recurring", None),
    ("Hằng tháng", "recurring", None),
    ("Hàng tháng", "recurring", None),
    ("Hằng năm", "recurring", None),
    ("Hàng năm", "recurring", None),
    ("Hằng quý", "recurring", None),
    ("Hàng quý", "recurring", None),
    ("Hằng tuần", "recurring", None),
    ("Hằng ngày", "recurring", None),
    ("Định kỳ 6 tháng", "recurring", None),
    ("Liên tục", "recurring", None),
    ("Hằng tuần hoặc theo yêu cầu, chỉ đạo của lãnh đạo Ban Chỉ đạo", "recurring", None),
    (nfd("Hằng tháng"), "recurring", None),
    # conditional
    ("Sau khi Trung ương ban hành", "conditional", None),
    ("Sau khi Trung ương ban hành Chương trình", "conditional", None),
    ("Sau khi Trương ương ban hành", "conditional", None),
    ("Ngay sau khi các bộ, ngành công bố", "conditional", None),
    ("Khi có hướng dẫn của Bộ", "conditional", None),
    ("Khi Văn phòng Chính phủ hướng dẫn", "conditional", None),
    ("Theo hướng dẫn của Bộ Khoa học và Công nghệ", "conditional", None),
    ("Theo yêu cầu", "conditional", None),
    ("Theo tiến độ của dự án", "conditional", None),
]


@pytest.mark.parametrize(("value", "kind", "due"), DEADLINE_CASES)
def test_parse_deadline(value: object, kind: str, due: date | None) -> None:
    deadline, issues = parse_deadline(value)
    assert (deadline.kind, deadline.due) == (kind, due)
    assert issues == []


@pytest.mark.parametrize(
    ("value", "raw"),
    [
        (date(2025, 9, 5), "05/09/2025"),
        (datetime(2025, 1, 2, 8, 30), "02/01/2025"),
        (2025, "2025"),
        ("  Quý   IV/2025 ", "Quý IV/2025"),
        (nfd("Tháng 9/2025"), "Tháng 9/2025"),
        (SPLIT_CITY, SPLIT_CITY),
    ],
)
def test_deadline_raw(value: object, raw: str) -> None:
    assert parse_deadline(value)[0].raw == raw


@pytest.mark.parametrize(
    ("value", "due", "note"),
    [
        ("Các tỉnh ủy,\nthành\nủy/31/12/2025", date(2025, 12, 31), "Các tỉnh ủy, thành ủy"),
        ("Các tỉnh ủy, thành ủy/31/12/2025", date(2025, 12, 31), "Các tỉnh ủy, thành ủy"),
        (SPLIT_CITY, date(2025, 9, 30), "Các thành phố trực thuộc Trung ương"),
        ("Trước ngày 20/12/2025", date(2025, 12, 20), None),
        ("31/12/2025 (báo cáo hằng quý)", date(2025, 12, 31), "báo cáo hằng quý"),
    ],
)
def test_deadline_date_with_agency_note(value: str, due: date, note: str | None) -> None:
    deadline, issues = parse_deadline(value)
    assert deadline == Deadline(kind="date", due=due, raw=deadline.raw, note=note)
    assert issues == []


@pytest.mark.parametrize(
    ("value", "note"),
    [
        ("Các bộ, cơ quan", "Các bộ, cơ quan"),
        (
            "Ủy ban nhân\ndân các tỉnh,\nthành phố trực\nthuộc Trung\nương",
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
        ),
        (
            "Các bộ, ngành,\nđịa phương, các\ndoanh nghiệp,\nviện nghiên\ncứu, trường đại\nhọc",
            "Các bộ, ngành, địa phương, các doanh nghiệp, viện nghiên cứu, trường đại học",
        ),
    ],
)
def test_deadline_agency_without_date(value: str, note: str) -> None:
    deadline, issues = parse_deadline(value)
    assert (deadline.kind, deadline.due, deadline.note) == ("none", None, note)
    assert issues == [("deadline.no_date", {"text": note})]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("31/02/2025", "date.invalid"),
        ("Tháng 13/2025", "date.invalid"),
        ("Quý V/2025", "date.invalid"),
        ("abc xyz", "date.unparsed"),
        ("Sớm nhất có thể", "date.unparsed"),
        (1.5, "date.unparsed"),
        (True, "date.unparsed"),
    ],
)
def test_deadline_unreadable(value: object, code: str) -> None:
    deadline, issues = parse_deadline(value)
    assert (deadline.kind, deadline.due) == ("none", None)
    assert [c for c, _ in issues] == [code]


def test_deadline_invalid_params() -> None:
    assert parse_deadline("31/02/2025") == (
        Deadline(kind="none", raw="31/02/2025"),
        [("date.invalid", {"text": "31/02/2025"})],
    )


@pytest.mark.parametrize("value", [None, "", "  \n  "])
def test_deadline_empty(value: object) -> None:
    assert parse_deadline(value) == (Deadline(kind="none"), [])


def test_deadline_month_first_slip_from_seed() -> None:
    deadline, issues = parse_deadline("10-01-2025", context=SEED_TITLE)
    assert (deadline.kind, deadline.due) == ("date", date(2025, 1, 10))
    assert issues == [
        ("date.month_first", MONTH_FIRST_PARAMS)
    ]


def test_deadline_ambiguous_without_matching_context() -> None:
    deadline, issues = parse_deadline("10-01-2025", context="Báo cáo trước ngày 15/11/2025")
    assert deadline.due == date(2025, 1, 10)
    assert [c for c, _ in issues] == ["date.ambiguous"]


def test_deadline_prefers_full_date_over_month() -> None:
    deadline, _ = parse_deadline("Tháng 12/2025, chậm nhất ngày 15/12/2025")
    assert (deadline.kind, deadline.due) == ("date", date(2025, 12, 15))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2025, 9, 5), "05/09/2025"),
        (date(2025, 12, 31), "31/12/2025"),
        (datetime(2025, 1, 2, 3, 4), "02/01/2025"),
        (None, ""),
    ],
)
def test_format_date(value: date | None, expected: str) -> None:
    assert format_date(value) == expected


# ---------------------------------------------------------------- documents

TB05 = DocumentRef(
    type="TB", type_name="Thông báo", number="05", code="05-TB/BCĐTW", issuer="BCĐTW",
    date=date(2025, 7, 4), raw="Thông báo số 05-TB/BCĐTW ngày 04/07/2025",
)

TB05_FIELDS = ("TB", "Thông báo", "05", "05-TB/BCĐTW", "BCĐTW", date(2025, 7, 4))
DOCUMENT_CASES = [
    # value → (type, type_name, number, code, issuer, date)
    ("Thông báo số 05-TB/BCĐTW ngày 04/07/2025", TB05_FIELDS),
    ("Thông báo số 05-\nTB/BCĐTW ngày\n04/07/2025", TB05_FIELDS),
    ("Thông báo số 05-TB/BCĐTW ngày 4/7/2025", TB05_FIELDS),
    ("Thông báo số 05-TB/BCĐTW ngày 04 tháng 7 năm 2025", TB05_FIELDS),
    ("thông báo số 05-tb/bcđtw ngày 04/07/2025", TB05_FIELDS),
    (nfd("Thông báo số 05-TB/BCĐTW ngày 04/07/2025"), TB05_FIELDS),
    ("Thông báo  số  05-TB/BCĐTW   ngày 04/07/2025", TB05_FIELDS),
    (
        "Thông báo số 06-\nTB/BCĐCĐS\nngày 18/3/2025",
        ("TB", "Thông báo", "06", "06-TB/BCĐCĐS", "BCĐCĐS", date(2025, 3, 18)),
    ),
    ("Thông báo số 30-\nTB/TGV ngày\n13/6/2025", ("TB", "Thông báo", "30", "30-TB/TGV", "TGV", date(2025, 6, 13))),
    ("27-TB/TGV ngày 08/6/2025", ("TB", "Thông báo", "27", "27-TB/TGV", "TGV", date(2025, 6, 8))),
    (
        "Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025",
        ("KH", "Kế hoạch", "02", "02-KH/BCĐTW", "BCĐTW", date(2025, 6, 19)),
    ),
    ("359-KH/TU", ("KH", "Kế hoạch", "359", "359-KH/TU", "TU", None)),
    ("1827-QĐ/TU", ("QĐ", "Quyết định", "1827", "1827-QĐ/TU", "TU", None)),
    ("Nghị quyết số 57-NQ/TW ngày 22/12/2024", ("NQ", "Nghị quyết", "57", "57-NQ/TW", "TW", date(2024, 12, 22))),
    ("Nghị quyết số 71/NQ-CP ngày 01/4/2025", ("NQ", "Nghị quyết", "71", "71/NQ-CP", "CP", date(2025, 4, 1))),
    ("Quyết định số 327/QĐ-UBND", ("QĐ", "Quyết định", "327", "327/QĐ-UBND", "UBND", None)),
    ("Thông tư số 08/2024/TT-BXD", ("TT", "Thông tư", "08", "08/2024/TT-BXD", "BXD", None)),
    ("2923/BKHCN-VP", ("CV", "Công văn", "2923", "2923/BKHCN-VP", "BKHCN", None)),
    ("Kế hoạch số 02/KH-BCĐ", ("KH", "Kế hoạch", "02", "02/KH-BCĐ", "BCĐ", None)),
    (
        "Tờ trình số: 607/TTr-SKHCN ngày 04/8/2025",
        ("TTr", "Tờ trình", "607", "607/TTr-SKHCN", "SKHCN", date(2025, 8, 4)),
    ),
    (
        "Kế hoạch số 01/KH-\nĐHQGHN-UBND ngày 17/8/2023",
        ("KH", "Kế hoạch", "01", "01/KH-ĐHQGHN-UBND", "ĐHQGHN-UBND", date(2023, 8, 17)),
    ),
    ("Thông báo số 05 ngày 04/7/2025", ("TB", "Thông báo", "05", None, None, date(2025, 7, 4))),
]


@pytest.mark.parametrize(("value", "expected"), DOCUMENT_CASES)
def test_parse_document(value: str, expected: tuple) -> None:
    ref = parse_document(value)
    assert ref is not None
    assert (ref.type, ref.type_name, ref.number, ref.code, ref.issuer, ref.date) == expected


def test_split_line_document_equals_one_line() -> None:
    assert parse_document("Thông báo số 05-\nTB/BCĐTW ngày\n04/07/2025") == TB05
    assert parse_document("Thông báo số 05-TB/BCĐTW ngày 04/07/2025") == TB05


@pytest.mark.parametrize("value", ["Theo chỉ đạo của Tỉnh ủy", "Thông báo kết luận", "abc", 5])
def test_parse_document_unrecognised_keeps_raw(value: object) -> None:
    assert parse_document(value) == DocumentRef(raw=str(value))


@pytest.mark.parametrize("value", [None, "", "  \n "])
def test_parse_document_empty(value: object) -> None:
    assert parse_document(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Thông báo số 06-\nTB/BCĐCĐS\nngày 18/3/2025", "Thông báo số 06-TB/BCĐCĐS ngày 18/03/2025"),
        ("thông báo số 05-tb/bcđtw ngày 4/7/2025", "Thông báo số 05-TB/BCĐTW ngày 04/07/2025"),
        ("27-TB/TGV ngày 08/6/2025", "Thông báo số 27-TB/TGV ngày 08/06/2025"),
        ("2923/BKHCN-VP", "Công văn số 2923/BKHCN-VP"),
        ("Theo chỉ đạo của Tỉnh ủy", "Theo chỉ đạo của Tỉnh ủy"),
    ],
)
def test_format_document(value: str, expected: str) -> None:
    assert format_document(parse_document(value)) == expected


# ---------------------------------------------------------------- properties

ANY_SCALAR = st.one_of(
    st.text(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.none(),
    st.booleans(),
    st.dates(),
    st.datetimes(),
)
DATES_1900_2100 = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@given(ANY_SCALAR)
@settings(max_examples=300)
def test_parsers_never_raise(value: object) -> None:
    status = parse_status(value)
    assert status is None or status in STATUS_LABELS
    parsed, issues = parse_date(value)
    assert parsed is None or isinstance(parsed, date)
    assert all(isinstance(code, str) and isinstance(params, dict) for code, params in issues)
    deadline, issues = parse_deadline(value, context=value if isinstance(value, str) else None)
    assert isinstance(deadline, Deadline)
    ref = parse_document(value)
    assert ref is None or isinstance(format_document(ref), str)


@given(st.text(alphabet=st.sampled_from(list("0123456789/-.:, TtQquýIVXnămháng\nCácbộ")), max_size=40))
@settings(max_examples=300)
def test_parsers_never_raise_on_date_like_text(text: str) -> None:
    parse_date(text, context=text)
    parse_deadline(text, context=text)
    parse_document(text)
    parse_status(text)


@given(st.lists(ANY_SCALAR, max_size=10))
def test_looks_like_status_column_never_raises(values: list) -> None:
    assert looks_like_status_column(values) in (True, False)


@given(DATES_1900_2100)
def test_format_parse_date_round_trip(d: date) -> None:
    assert format_date(parse_date(format_date(d))[0]) == format_date(d)


@given(DATES_1900_2100)
def test_formatted_date_is_a_date_deadline(d: date) -> None:
    deadline, issues = parse_deadline(format_date(d))
    assert (deadline.kind, deadline.due, issues) == ("date", d, [])


@given(DATES_1900_2100)
def test_deadline_of_date_object(d: date) -> None:
    assert parse_deadline(d) == (Deadline(kind="date", due=d, raw=format_date(d)), [])


@pytest.mark.parametrize("ref, position", [("A1", (0, 0)), ("F14", (13, 5)), ("Z9", (8, 25)), ("AA1", (0, 26)),
                                           ("XFD1048576", (1048575, 16383)), ("A0", None), ("a1", None),
                                           ("A01", None), ("", None), (None, None), ("Sheet1!A1", None)])
def test_cell_references_read_back(ref, position):
    from nq57cli.core.cells import cell_ref, parse_cell_ref

    assert parse_cell_ref(ref) == position
    if position is not None:
        assert cell_ref(*position) == ref
