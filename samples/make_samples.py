"""Regenerate the sample workbooks of nq57 (catalog + six agency submissions) and README.md.

Run from anywhere:  python samples/make_samples.py
Everything is deterministic (no randomness): the same data gives the same cells. Output paths
are relative to this file. The seed data (tasks, groups, results) lives in seed_data.py; the
choices made for the samples (lead/partner agencies, which agency reports what, the deliberate
problems) are the tables below. After writing, the files are opened again and checked.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # keep samples/ free of __pycache__

import seed_data as sd  # noqa: E402

SUBMISSIONS = HERE / "submissions"
CATALOG = HERE / "catalog.xlsx"
README = HERE / "README.md"
EXPECTED = HERE / "expected.json"

# --------------------------------------------------------------------------------------------
# Agencies and assignments
# --------------------------------------------------------------------------------------------
SKHCN = "Sở Khoa học và Công nghệ"
SNV = "Sở Nội vụ"
VP = "Văn phòng UBND tỉnh"
STC = "Sở Tài chính"
CA = "Công an tỉnh"
XA = "UBND xã Nghĩa Hành"
AGENCIES = [SKHCN, SNV, VP, STC, CA, XA]

FILES = {
    SKHCN: "so-khoa-hoc-cong-nghe.xlsx",
    SNV: "so-noi-vu.xlsx",
    VP: "van-phong-ubnd-tinh.xlsx",
    STC: "so-tai-chinh.xlsx",
    CA: "cong-an-tinh.xlsx",
    XA: "ubnd-xa-nghia-hanh.xlsx",
}

# stt: (lead agency, partner agencies)
ASSIGN: dict[int, tuple[str, tuple[str, ...]]] = {
    1: (VP, (SKHCN,)),
    2: (SKHCN, (SNV,)),
    3: (SKHCN, ()),
    4: (SKHCN, (STC,)),
    5: (STC, (SKHCN,)),
    6: (SKHCN, ()),
    7: (VP, (SKHCN, XA)),
    8: (CA, (SKHCN,)),
    9: (SNV, (SKHCN,)),
    10: (SKHCN, ()),
    11: (SKHCN, (CA,)),
    12: (SKHCN, (CA, STC)),
    13: (VP, ()),
    14: (SNV, (SKHCN,)),
    15: (SNV, (STC,)),
    16: (SKHCN, (SNV, XA)),
    17: (STC, ()),
    18: (XA, (STC,)),
    19: (SNV, (XA,)),
    20: (VP, (SKHCN,)),
    21: (VP, (XA,)),
    22: (CA, (VP, XA)),
    23: (STC, (SKHCN, XA)),
    24: (SKHCN, (SNV,)),
    25: (SKHCN, (CA,)),
    26: (SKHCN, (STC,)),
    27: (VP, (SKHCN,)),
    28: (CA, (SKHCN,)),
    29: (VP, (XA,)),
    30: (XA, (SKHCN,)),
    31: (XA, (VP,)),
    32: (STC, (CA,)),
    33: (SKHCN, ()),
    34: (VP, (SKHCN,)),
    35: (STC, ()),
    36: (VP, ()),
    37: (SKHCN, (SNV, VP, STC, CA, XA)),
    38: (XA, (SKHCN,)),
}

# Tasks nobody reports on; (agency, task) an expected agency skipped (someone else reports it).
NO_REPORT = (3, 5, 10)
SKIPPED = ((STC, 23),)

# Catalog deadlines stored as real Excel dates (all others are text exactly as in the seed).
REAL_DATE_DEADLINES = {7: date(2025, 9, 30), 8: date(2025, 8, 31), 17: date(2025, 12, 31), 29: date(2025, 12, 31)}
CATALOG_NOTES = {
    3: "Nhiệm vụ của các thành phố trực thuộc Trung ương",
    16: "Nhiệm vụ thường xuyên",
    19: "Nhiệm vụ thường xuyên",
    28: "Bản PDF gốc có thêm \"31/12/2025\" ở cột kết quả",
}

PARTNER_TEXTS = (
    "Phối hợp với {lead} triển khai thực hiện theo chức năng, nhiệm vụ được giao.",
    "Đã cung cấp thông tin, số liệu thuộc lĩnh vực quản lý cho {lead} để tổng hợp.",
    "Tiếp tục phối hợp với {lead} thực hiện; định kỳ báo cáo kết quả về Cơ quan Thường trực Ban Chỉ đạo.",
)

TASKS = {int(t["stt"]): t for t in sd.TASKS}
GROUP_TITLES = dict(sd.GROUPS)


def tid(stt: int) -> str:
    return f"NQ57-{stt:02d}"


def group_label(no: int) -> str:
    return f"Nhóm {no} - {GROUP_TITLES[no]}"


def expected_reporters(stt: int) -> list[str]:
    lead, partners = ASSIGN[stt]
    return [lead, *partners]


def reporters(stt: int) -> list[str]:
    if stt in NO_REPORT:
        return []
    return [a for a in expected_reporters(stt) if (a, stt) not in SKIPPED]


def tasks_of(agency: str) -> list[int]:
    return [s for s in sorted(TASKS) if agency in reporters(s)]


# --------------------------------------------------------------------------------------------
# What each agency reports: (stt, status, result, completion date, extra)
#   result "seed"    -> the seed's result text for the task
#          "partner" -> a short partner text naming the lead agency
#          other str -> that text
# --------------------------------------------------------------------------------------------
@dataclass
class Entry:
    stt: int | None  # None: a row that is not in the catalog
    status: str
    result: str = ""
    completed: object = None  # date, text, or formula
    difficulties: str = ""
    proposals: str = ""
    note: str = ""
    task_id: str | None = None  # written id when it differs from the catalog id
    title: str | None = None  # written task text when it differs from the catalog text
    deadline: str | None = None  # written deadline when it differs from the catalog


REPORTS: dict[str, list[Entry]] = {
    SKHCN: [
        Entry(1, "Đang thực hiện", "partner"),
        Entry(2, "Đã hoàn thành", "seed", date(2025, 8, 9)),
        Entry(4, "Đang triển khai", "seed"),
        Entry(6, "Đang triển khai", "seed"),
        Entry(7, "Đang triển khai", "partner"),
        Entry(8, "Đang triển khai", "partner"),
        Entry(9, "Không thuộc nhiệm vụ", ""),
        Entry(11, "Đang triển khai", "",
              difficulties="Chưa có hướng dẫn về Danh mục công nghệ chiến lược áp dụng ở cấp tỉnh."),
        Entry(12, "Đang triển khai", "seed",
              difficulties="Còn 20 địa phương chưa có thiết bị đầu cuối (VCS) đáp ứng yêu cầu hội nghị truyền hình.",
              proposals="Đề nghị UBND tỉnh bố trí kinh phí trang bị thiết bị cho Trung tâm Phục vụ hành chính công cấp xã."),
        Entry(14, "Đợi hướng dẫn của Trung ương", ""),
        Entry(16, "Đang triển khai", "seed", note="Nhiệm vụ thường xuyên"),
        Entry(20, "Đã hoàn thành", "partner", date(2025, 7, 1)),
        Entry(23, "Đang triển khai", "partner"),
        Entry(24, "Đã hoàn thành", "seed", date(2025, 7, 21)),
        Entry(25, "Đang triển khai", "seed"),
        Entry(26, "Đang triển khai", "seed",
              proposals="Đề nghị Sở Tài chính sớm cân đối kinh phí cho các nhiệm vụ được phê duyệt."),
        Entry(27, "Đang triển khai", "partner"),
        Entry(28, "Đang triển khai", "partner"),
        Entry(30, "Đã hoàn thành", "partner", date(2025, 8, 15)),
        Entry(33, "Đang thực hiện", "seed"),
        Entry(34, "Đã hoàn thành", "partner", date(2025, 6, 30)),
        Entry(37, "Đang triển khai", "seed"),
        Entry(38, "Đang thực hiện", "partner"),
    ],
    SNV: [
        Entry(2, "Đã thực hiện", "partner", "09/08/2025"),
        Entry(9, "Chưa thực hiện", "",
              difficulties="Chưa có tiêu chí lựa chọn Tổng công trình sư, Kiến trúc sư trưởng ở cấp tỉnh."),
        Entry(14, "Chưa thực hiện", "",
              difficulties="Chờ hướng dẫn của Trung ương về thẩm quyền xây dựng, quản lý kho dữ liệu tập trung."),
        Entry(15, "Đã thực hiện", "seed", "2025-06-30 00:00:00"),
        Entry(16, "Đang triển khai", "partner"),
        Entry(19, "Đang triển khai", "seed", deadline="2025-12-31 00:00:00"),
        Entry(24, "Đã thực hiện", "partner", "21-07-2025"),
        Entry(37, "Đang triển khai", "partner"),
    ],
    VP: [
        Entry(1, "Đang triển khai", ""),
        Entry(7, "Đang triển khai", "seed"),
        Entry(13, "Đợi hướng dẫn của Trung ương", ""),
        Entry(20, "Hoàn thành", "seed", "01/07/2025"),
        Entry(21, "Hoàn thành", "seed", "30/06/2025"),
        Entry(22, "Hoàn thành", "partner", "20/07/2025"),
        Entry(27, "Đang triển khai", "seed"),
        Entry(29, "Đang triển khai", "seed"),
        Entry(31, "Không thuộc nhiệm vụ", ""),
        Entry(34, "Hoàn thành", "seed", "30/06/2025"),
        Entry(36, "Đang triển khai", "seed"),
        Entry(37, "Đang triển khai", "partner"),
    ],
    STC: [
        Entry(4, "Hoàn thành", "partner", "10-01-2025",
              note="Đã gửi báo cáo Thường trực Ban Chỉ đạo"),
        Entry(12, "Đang thực hiện", "partner"),
        Entry(15, "Đang thực hiện", "partner"),
        Entry(17, "Đang thực hiện", "seed", note="Nhiệm vụ thường xuyên"),
        Entry(18, "Đang thực hiện", "partner"),
        Entry(26, "Đang thực hiện", "partner"),
        Entry(32, "Đang thực hiện", "",
              note="Chờ các đơn vị gửi dự toán kinh phí năm 2026"),
        Entry(35, "Hoàn thành", "seed", date(2025, 7, 31)),
        Entry(37, "Đang thực hiện", "partner"),
    ],
    CA: [
        # row 2: completed after the catalog deadline (31/8/2025)
        Entry(8, "Hoàn thành", "seed", date(2025, 9, 10)),
        # row 3: result text starting with "=" (stored as text)
        Entry(11, "Đang triển khai",
              "=> Đã triển khai thí điểm ứng dụng trí tuệ nhân tạo trong nhận dạng hình ảnh từ hệ thống "
              "camera giám sát an ninh, trật tự tại trung tâm tỉnh."),
        Entry(12, "Đang triển khai", "partner"),
        # row 5: the same task id a second time
        Entry(12, "Đang triển khai",
              "Phối hợp kiểm tra, đánh giá an toàn thông tin hạ tầng kỹ thuật tại Trung tâm Phục vụ hành "
              "chính công cấp xã (bản cập nhật)."),
        # row 6: impossible date
        Entry(22, "Hoàn thành", "seed", "31/02/2025"),
        # row 7: task id not in the catalog
        Entry(None, "Đang triển khai",
              "Đã cấp 1.250 tài khoản định danh điện tử mức độ 2 cho cán bộ, chiến sĩ.",
              task_id="NQ57-99",
              title="Triển khai ứng dụng định danh điện tử VNeID mức độ 2 cho 100% cán bộ, chiến sĩ Công an tỉnh",
              deadline="31/12/2025"),
        # row 8: formula without a cached value in the completion-date column
        Entry(25, "Đang triển khai", "partner", "=TODAY()"),
        # row 9: completed with an empty result
        Entry(28, "Đã hoàn thành", "", date(2025, 8, 1)),
        Entry(32, "Đang triển khai", "partner"),
        Entry(37, "Đang triển khai", "partner"),
    ],
}

# The commune: its own numbering, no ids, texts copied with small differences.
INVENTED_TASK = ("Tổ chức Ngày hội chuyển đổi số xã Nghĩa Hành năm 2025")


def _sub(text: str, old: str, new: str) -> str:
    assert old in text, (old, text)
    return text.replace(old, new, 1)


def _cut(text: str, before: str, tail: str = "...") -> str:
    assert before in text, (before, text)
    return text[: text.index(before)].rstrip(" ,;.") + tail


# stt: (how the commune's text differs, function of the catalog text)
COMMUNE_VARIANTS = {
    7: ("cắt ngắn câu", lambda t: _cut(t, "; tái sử dụng")),
    16: ("đổi từ (Đẩy mạnh -> Tăng cường), bỏ \"Nhiệm vụ thường xuyên\"",
         lambda t: _cut(_sub(t, "Đẩy mạnh", "Tăng cường"), ". Nhiệm vụ thường xuyên", ".")),
    18: ("chữ thường toàn bộ, bỏ dấu chấm cuối", lambda t: t.lower().rstrip(".")),
    19: ("bỏ chủ ngữ \"Các địa phương\", cắt ngắn",
         lambda t: _cut(_sub(t, "Các địa phương chủ động", "Chủ động"), ", nhất là các thủ tục", "")),
    21: ("cắt ngắn câu", lambda t: _cut(t, "; tuyệt đối không")),
    22: ("đổi từ (Nghiêm túc thực hiện -> Thực hiện nghiêm; CSDL -> cơ sở dữ liệu)",
         lambda t: _sub(_sub(_sub(t, "Nghiêm túc thực hiện", "Thực hiện nghiêm"), "CSDL", "cơ sở dữ liệu"),
                        "CSDL", "cơ sở dữ liệu")),
    23: ("dấu câu khác (dấu phẩy -> chấm phẩy), bỏ dấu chấm cuối",
         lambda t: t.replace(", ", "; ").rstrip(".")),
    29: ("bỏ \"Chịu trách nhiệm\", đổi \"của mình\" -> \"của xã\"",
         lambda t: _sub(_sub(t, "Chịu trách nhiệm tiếp nhận", "Tiếp nhận"), "của mình", "của xã")),
    30: ("chữ in hoa toàn bộ", lambda t: t.upper()),
    31: ("bỏ \"Trực tiếp,\", viết tắt \"Nghị quyết số 57-NQ/TW\" -> \"NQ 57\"",
         lambda t: _sub(_sub(t, "Trực tiếp, thường xuyên", "Thường xuyên"), "Nghị quyết số 57-NQ/TW", "NQ 57")),
    37: ("chỉ chép câu đầu", lambda t: _cut(t, ". Lãnh đạo", ".")),
    38: ("đổi từ (16 giờ hằng ngày -> 16h hàng ngày)", lambda t: _sub(t, "16 giờ hằng ngày", "16h hàng ngày")),
}

COMMUNE_ROWS: list[Entry] = [
    Entry(7, "Đang thực hiện", "Đã số hóa 100% hồ sơ tiếp nhận tại Trung tâm Phục vụ hành chính công xã "
          "từ ngày 01/7/2025; tỷ lệ tái sử dụng dữ liệu số hóa đạt 61%."),
    Entry(16, "Đang thực hiện", "Tổ chức 04 lớp tập huấn kỹ năng số cho 320 người dân và 45 cán bộ, "
          "công chức xã; duy trì Tổ công nghệ số cộng đồng tại 12/12 thôn.", note="Nhiệm vụ thường xuyên"),
    Entry(18, "Đang thực hiện", "Đã bố trí 03 công chức làm việc tại Trung tâm Phục vụ hành chính công xã;\n"
          "còn thiếu máy lấy số xếp hàng tự động và màn hình hiển thị.",
          note="Đề nghị tỉnh hỗ trợ thiết bị"),
    Entry(19, "Đang thực hiện", "Cử 06 công chức tham gia các lớp tập huấn do tỉnh tổ chức.",
          note="Nhiệm vụ thường xuyên"),
    Entry(21, "Đã hoàn thành", "Đã cập nhật, niêm yết công khai quy trình điện tử tại Trung tâm Phục vụ "
          "hành chính công xã.", deadline="Thường xuyên"),
    Entry(22, "Đã hoàn thành", "Quán triệt cán bộ, công chức không yêu cầu người dân nộp giấy tờ đã có "
          "trong cơ sở dữ liệu quốc gia về dân cư.", deadline="Thường xuyên"),
    Entry(23, "Đang thực hiện", "Đường truyền mạng số liệu chuyên dùng đã kết nối đến UBND xã; "
          "đang đề xuất bổ sung máy tính cho bộ phận một cửa."),
    Entry(29, "Đang thực hiện", "Tiếp nhận 27 phản ánh, kiến nghị; đã giải quyết 25, đang xử lý 02."),
    Entry(None, "Đã hoàn thành", "Đã tổ chức ngày 15/8/2025 tại Trung tâm Phục vụ hành chính công xã, hơn "
          "300 người dân tham gia; hướng dẫn cài đặt VNeID và sử dụng dịch vụ công trực tuyến.",
          title=INVENTED_TASK, deadline="15/8/2025", note="Nhiệm vụ của xã"),
    Entry(30, "Đã hoàn thành", "Các chỉ số của xã trên Hệ thống thông tin giám sát, đánh giá việc thực "
          "hiện Nghị quyết số 57-NQ/TW đạt trạng thái Xanh."),
    Entry(31, "Đang thực hiện", "Chủ tịch UBND xã giao Văn phòng HĐND-UBND xã theo dõi hệ thống hằng ngày."),
    Entry(37, "Đang thực hiện", "Đã rà soát, không có nhiệm vụ quá hạn."),
    Entry(38, "Đang thực hiện", "seed"),
]
REPORTS[XA] = COMMUNE_ROWS

# --------------------------------------------------------------------------------------------
# Formatting helpers
# --------------------------------------------------------------------------------------------
FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
DATE_FMT = "dd/mm/yyyy"


def font(bold: bool = False, italic: bool = False, size: int = 12) -> Font:
    return Font(name=FONT, bold=bold, italic=italic, size=size)


def widths(ws: Worksheet, values: list[float]) -> None:
    for i, w in enumerate(values, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def title_line(ws: Worksheet, row: int, text: str, ncols: int, bold: bool = True, italic: bool = False,
               size: int = 12, merge: bool = True, col: int = 1, span: int | None = None) -> None:
    cell = ws.cell(row=row, column=col, value=text)
    cell.font = font(bold=bold, italic=italic, size=size)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    if merge:
        last = col + (span or ncols) - 1
        ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=last)


def header_row(ws: Worksheet, row: int, names: list[str]) -> None:
    for c, name in enumerate(names, start=1):
        cell = ws.cell(row=row, column=c, value=name)
        cell.font = font(bold=True)
        cell.alignment = CENTER
        cell.fill = HEAD_FILL
        cell.border = BORDER
    ws.row_dimensions[row].height = 45


def body_cell(ws: Worksheet, row: int, col: int, value: object, center: bool = False):
    cell = ws.cell(row=row, column=col, value=value)
    cell.font = font()
    cell.alignment = CENTER if center else WRAP_TOP
    cell.border = BORDER
    if isinstance(value, (date, datetime)):
        cell.number_format = DATE_FMT
        cell.alignment = Alignment(horizontal="center", vertical="top")
    return cell


def group_row(ws: Worksheet, row: int, text: str, ncols: int, merge: bool = True, col: int = 1) -> None:
    for c in range(1, ncols + 1):
        cell = ws.cell(row=row, column=c)
        cell.border = BORDER
        cell.fill = GROUP_FILL
    cell = ws.cell(row=row, column=col, value=text)
    cell.font = font(bold=True)
    # unmerged group rows overflow into the empty cells to their right, as typed by hand
    cell.alignment = Alignment(wrap_text=merge, vertical="center")
    if merge:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
        ws.row_dimensions[row].height = 33


def page_setup(ws: Worksheet, header_rows: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = header_rows


def instructions_sheet(ws: Worksheet, lines: list[str]) -> None:
    ws.column_dimensions["A"].width = 120
    for r, line in enumerate(lines, start=1):
        cell = ws.cell(row=r, column=1, value=line)
        cell.font = font(bold=(r == 1), size=13 if r == 1 else 12)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def new_workbook() -> Workbook:
    wb = Workbook()
    wb.properties.creator = "nq57 samples"
    wb.properties.created = datetime(2025, 8, 20, 8, 0, 0)
    return wb


# --------------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------------
OLD_TONE = {
    "óa": "oá", "òa": "oà", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "óe": "oé", "òe": "oè", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "úy": "uý", "ùy": "uỳ", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
    "Úy": "Uý", "Ùy": "Uỳ", "Ủy": "Uỷ", "Ũy": "Uỹ", "Ụy": "Uỵ",
    "ÓA": "OÁ", "ÒA": "OÀ", "ỦY": "UỶ",
}


def old_tone(text: str) -> str:
    """New tone placement -> old ("Ủy" -> "Uỷ", "hòa" -> "hoà", "hóa" -> "hoá") in open syllables."""
    out = unicodedata.normalize("NFC", text)
    for new, old in OLD_TONE.items():
        out = out.replace(new, old)
    return out


def messy(text: str) -> str:
    """The Văn phòng's text: old tone placement, doubled spaces, NFD."""
    if not text:
        return text
    out = old_tone(text).replace(" và ", "  và ").replace("; ", ";  ")
    return unicodedata.normalize("NFD", out)


def result_text(agency: str, e: Entry) -> str:
    if e.result == "seed":
        assert e.stt is not None
        return sd.SEED_RESULTS[e.stt][1]
    if e.result == "partner":
        assert e.stt is not None
        lead = ASSIGN[e.stt][0]
        assert lead != agency, (agency, e.stt)
        return PARTNER_TEXTS[(e.stt + AGENCIES.index(agency)) % len(PARTNER_TEXTS)].format(lead=lead)
    return e.result


# --------------------------------------------------------------------------------------------
# Bookkeeping for README / expected.json
# --------------------------------------------------------------------------------------------
@dataclass
class Problem:
    file: str
    where: str
    what: str


PROBLEMS: list[Problem] = []
LAYOUT: dict[str, dict] = {}  # file -> facts about its layout and rows


def problem(file: str, where: str, what: str) -> None:
    PROBLEMS.append(Problem(file, where, what))


# --------------------------------------------------------------------------------------------
# catalog.xlsx
# --------------------------------------------------------------------------------------------
CATALOG_HEADERS = ["Mã nhiệm vụ", "STT", "Nhiệm vụ cụ thể", "Văn bản giao nhiệm vụ", "Thời hạn hoàn thành",
                   "Cơ quan chủ trì", "Cơ quan phối hợp", "Ghi chú"]


def make_catalog() -> None:
    wb = new_workbook()
    guide = wb.active
    guide.title = "Hướng dẫn"
    instructions_sheet(guide, [
        "HƯỚNG DẪN SỬ DỤNG DANH MỤC NHIỆM VỤ",
        "1. Sheet \"Danh mục nhiệm vụ\" là danh mục gốc do Cơ quan Thường trực Ban Chỉ đạo (Sở Khoa học "
        "và Công nghệ) quản lý; không sửa, không đánh lại cột \"Mã nhiệm vụ\" (NQ57-01 ... NQ57-38).",
        "2. Các cơ quan, đơn vị báo cáo kết quả theo đúng \"Mã nhiệm vụ\"; mỗi nhiệm vụ một dòng.",
        "3. Tình trạng ghi một trong các giá trị: Đã hoàn thành; Đang thực hiện; Chưa thực hiện; "
        "Không thuộc nhiệm vụ; Đợi hướng dẫn của Trung ương.",
        "4. Ngày tháng ghi theo định dạng ngày/tháng/năm (dd/mm/yyyy).",
        "5. Dòng \"Nhóm ...\" là dòng tiêu đề nhóm nhiệm vụ, không phải nhiệm vụ. Nhóm 5 hiện không có "
        "nhiệm vụ.",
        "6. Thời hạn hoàn thành giữ nguyên cách ghi trong văn bản giao nhiệm vụ.",
        "Nguồn: Phụ lục 03 kèm theo Báo cáo của Đảng ủy UBND tỉnh Quảng Ngãi (tháng 9/2025).",
    ])
    ws = wb.create_sheet("Danh mục nhiệm vụ")
    n = len(CATALOG_HEADERS)
    widths(ws, [13, 6, 70, 24, 18, 26, 34, 24])
    title_line(ws, 1, "UBND TỈNH QUẢNG NGÃI", n, bold=False, merge=True, span=3)
    title_line(ws, 2, "SỞ KHOA HỌC VÀ CÔNG NGHỆ", n, merge=True, span=3)
    title_line(ws, 3, "DANH MỤC NHIỆM VỤ THEO CÁC THÔNG BÁO KẾT LUẬN CỦA BAN CHỈ ĐẠO, TỔ GIÚP VIỆC BAN "
               "CHỈ ĐẠO", n, size=13)
    title_line(ws, 4, "(Kèm theo Công văn số      /SKHCN-QLKH ngày      /8/2025 của Sở Khoa học và Công nghệ)",
               n, bold=False, italic=True)
    ws.row_dimensions[3].height = 36
    header_row(ws, 6, CATALOG_HEADERS)
    row = 7
    group_rows, task_rows = {}, {}
    for gno, _ in sd.GROUPS:
        group_row(ws, row, group_label(gno), n)
        group_rows[gno] = row
        row += 1
        for t in sd.TASKS:
            if t["group"] != gno:
                continue
            stt = int(t["stt"])
            lead, partners = ASSIGN[stt]
            deadline = REAL_DATE_DEADLINES.get(stt, t["deadline"])
            values = [tid(stt), stt, t["text"], t["document"], deadline, lead, "; ".join(partners),
                      CATALOG_NOTES.get(stt, "")]
            for c, v in enumerate(values, start=1):
                body_cell(ws, row, c, v if v != "" else None, center=c in (1, 2, 5))
            task_rows[stt] = row
            row += 1
    ws.freeze_panes = "C7"
    page_setup(ws, "6:6")
    wb.save(CATALOG)
    LAYOUT["catalog.xlsx"] = {
        "sheet": ws.title, "header_row": 6, "first_data_row": 7, "last_row": row - 1,
        "group_rows": group_rows, "task_rows": task_rows,
    }
    for stt, d in REAL_DATE_DEADLINES.items():
        problem("catalog.xlsx", f"{ws.title}!E{task_rows[stt]}",
                f"thời hạn là ngày Excel thật ({d:%d/%m/%Y}), các ô khác là chữ")
    for stt in sorted(TASKS):
        written = str(TASKS[stt]["deadline"])
        cell = f"{ws.title}!E{task_rows[stt]}"
        if stt == 4:
            problem("catalog.xlsx", cell, "thời hạn \"10-01-2025\": nhầm tháng-ngày (nhiệm vụ ghi \"trước ngày "
                    "01/10/2025\"); công cụ cần cảnh báo, không tự đoán")
        elif stt in REAL_DATE_DEADLINES:
            continue
        elif re.fullmatch(r"\d{1,2}-\d{1,2}-\d{4}", written):
            problem("catalog.xlsx", cell, f"thời hạn dạng chữ có gạch ngang \"{written}\"")
        elif not re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", written):
            problem("catalog.xlsx", cell, f"thời hạn không phải ngày thuần: \"{written}\"")
    problem("catalog.xlsx", f"{ws.title}!A{group_rows[5]}",
            "Nhóm 5 không có nhiệm vụ (dòng nhóm liền dòng Nhóm 6)")


# --------------------------------------------------------------------------------------------
# a. so-khoa-hoc-cong-nghe.xlsx: the tidy one
# --------------------------------------------------------------------------------------------
STD_HEADERS = ["Mã nhiệm vụ", "STT", "Nhiệm vụ cụ thể", "Văn bản giao nhiệm vụ", "Thời hạn hoàn thành",
               "Tình trạng", "Kết quả thực hiện", "Ngày hoàn thành thực tế", "Khó khăn, vướng mắc",
               "Đề xuất, kiến nghị"]


def groups_in(entries: list[Entry]) -> list[int]:
    return sorted({int(TASKS[e.stt]["group"]) for e in entries if e.stt is not None})


def catalog_deadline_text(stt: int) -> str:
    return str(TASKS[stt]["deadline"])


def make_skhcn() -> None:
    agency, fname = SKHCN, FILES[SKHCN]
    entries = REPORTS[agency]
    wb = new_workbook()
    guide = wb.active
    guide.title = "Hướng dẫn"
    instructions_sheet(guide, [
        "HƯỚNG DẪN ĐIỀN BIỂU MẪU",
        "- Sheet \"Báo cáo\": mỗi nhiệm vụ một dòng, giữ nguyên Mã nhiệm vụ theo Danh mục.",
        "- Tình trạng: Đã hoàn thành / Đang thực hiện (Đang triển khai) / Chưa thực hiện / Không thuộc nhiệm vụ "
        "/ Đợi hướng dẫn của Trung ương.",
        "- Ngày hoàn thành thực tế: ghi ngày (dd/mm/yyyy) đối với nhiệm vụ đã hoàn thành.",
        "- Kỳ báo cáo: tháng 8/2025. Hạn gửi: trước ngày 25/8/2025.",
    ])
    ws = wb.create_sheet("Báo cáo")
    n = len(STD_HEADERS)
    widths(ws, [13, 6, 55, 22, 15, 17, 70, 14, 30, 30])
    title_line(ws, 1, "UBND TỈNH QUẢNG NGÃI", n, bold=False, span=3)
    title_line(ws, 2, "SỞ KHOA HỌC VÀ CÔNG NGHỆ", n, span=3)
    title_line(ws, 3, "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO CÁC THÔNG BÁO KẾT LUẬN CỦA BAN CHỈ ĐẠO, "
               "TỔ GIÚP VIỆC BAN CHỈ ĐẠO", n, size=13)
    title_line(ws, 4, "(Kỳ báo cáo: tháng 8/2025)", n, bold=False, italic=True)
    ws.row_dimensions[3].height = 36
    header_row(ws, 6, STD_HEADERS)
    row = 7
    rows: dict[str, int] = {}
    group_rows = {}
    for gno in groups_in(entries):
        group_row(ws, row, group_label(gno), n)
        group_rows[gno] = row
        row += 1
        for e in entries:
            if TASKS[e.stt]["group"] != gno:
                continue
            t = TASKS[e.stt]
            values = [tid(e.stt), e.stt, t["text"], t["document"], catalog_deadline_text(e.stt), e.status,
                      result_text(agency, e), e.completed, e.difficulties, e.proposals]
            for c, v in enumerate(values, start=1):
                body_cell(ws, row, c, v if v != "" else None, center=c in (1, 2, 5, 6))
            rows[tid(e.stt)] = row
            row += 1
    problem(fname, "—", "tệp chuẩn, không có lỗi cố ý; kết quả nhiều dòng (xuống dòng trong ô), ví dụ "
            f"{ws.title}!G{rows[tid(12)]}; ngày hoàn thành là ngày Excel định dạng dd/mm/yyyy, ví dụ "
            f"{ws.title}!H{rows[tid(2)]}")
    ws.freeze_panes = "C7"
    page_setup(ws, "6:6")
    wb.save(SUBMISSIONS / fname)
    LAYOUT[fname] = {"agency": agency, "sheet": ws.title, "header_row": 6, "first_data_row": 7,
                     "task_rows": rows, "group_rows": group_rows, "data_rows": len(entries)}


# --------------------------------------------------------------------------------------------
# b. so-noi-vu.xlsx: two-row merged header, numbering row, group rows in the TT column only
# --------------------------------------------------------------------------------------------
def make_snv() -> None:
    agency, fname = SNV, FILES[SNV]
    entries = REPORTS[agency]
    wb = new_workbook()
    ws = wb.active
    ws.title = "BC Sở Nội vụ"
    n = 10
    widths(ws, [10, 12, 55, 22, 16, 16, 60, 16, 30, 30])
    title_line(ws, 1, "UBND TỈNH QUẢNG NGÃI", n, bold=False, span=3)
    title_line(ws, 2, "SỞ NỘI VỤ", n, span=3)
    title_line(ws, 4, "BÁO CÁO", n, size=13)
    title_line(ws, 5, "Kết quả thực hiện nhiệm vụ theo các Thông báo kết luận của Ban Chỉ đạo, Tổ giúp việc "
               "Ban Chỉ đạo Trung ương", n)
    top = {1: "TT", 2: "Mã nhiệm vụ", 3: "Tên nhiệm vụ", 4: "Văn bản giao nhiệm vụ", 5: "Thời hạn",
           6: "Kết quả", 8: "Ngày hoàn thành", 9: "Khó khăn, vướng mắc", 10: "Đề xuất, kiến nghị"}
    for c in range(1, n + 1):
        for r in (7, 8):
            cell = ws.cell(row=r, column=c)
            cell.font = font(bold=True)
            cell.alignment = CENTER
            cell.fill = HEAD_FILL
            cell.border = BORDER
    for c, name in top.items():
        ws.cell(row=7, column=c, value=name)
        if c != 6:
            ws.merge_cells(start_row=7, start_column=c, end_row=8, end_column=c)
    ws.merge_cells("F7:G7")
    ws["F8"] = "Tình trạng"
    ws["G8"] = "Mô tả"
    for c in range(1, n + 1):
        cell = ws.cell(row=9, column=c, value=f"({c})")
        cell.font = font(italic=True, size=11)
        cell.alignment = CENTER
        cell.border = BORDER
    ws.row_dimensions[7].height = 24
    ws.row_dimensions[8].height = 24
    problem(fname, f"{ws.title}!A7:J8", "tiêu đề cột 2 dòng, ô gộp dọc; \"Kết quả\" (F7:G7) gộp trên "
            "\"Tình trạng\" | \"Mô tả\"")
    problem(fname, f"{ws.title}!A9:J9", "dòng đánh số cột (1) (2) ... (10) dưới tiêu đề")
    problem(fname, f"{ws.title}!A7", "tên cột khác danh mục: \"TT\", \"Tên nhiệm vụ\", \"Thời hạn\", "
            "\"Ngày hoàn thành\"")
    row = 10
    rows: dict[str, int] = {}
    group_rows = {}
    for gno in groups_in(entries):
        group_row(ws, row, group_label(gno), n, merge=False)
        group_rows[gno] = row
        problem(fname, f"{ws.title}!A{row}", f"dòng nhóm chỉ ghi ở cột TT, không gộp ô (Nhóm {gno})")
        row += 1
        for e in entries:
            if TASKS[e.stt]["group"] != gno:
                continue
            t = TASKS[e.stt]
            deadline = e.deadline or catalog_deadline_text(e.stt)
            values = [e.stt, tid(e.stt), t["text"], t["document"], deadline, e.status, result_text(agency, e),
                      e.completed, e.difficulties, e.proposals]
            for c, v in enumerate(values, start=1):
                body_cell(ws, row, c, v if v not in ("", None) else None, center=c in (1, 2, 5, 6, 8))
            rows[tid(e.stt)] = row
            if e.deadline:
                problem(fname, f"{ws.title}!E{row}", f"thời hạn dạng chữ \"{e.deadline}\" (khác danh mục "
                        f"\"{catalog_deadline_text(e.stt)}\")")
            if isinstance(e.completed, str):
                problem(fname, f"{ws.title}!H{row}", f"ngày hoàn thành dạng chữ \"{e.completed}\"")
            row += 1
    ws.freeze_panes = "C10"
    page_setup(ws, "7:9")
    wb.save(SUBMISSIONS / fname)
    LAYOUT[fname] = {"agency": agency, "sheet": ws.title, "header_row": 7, "header_rows": [7, 8],
                     "numbering_row": 9, "first_data_row": 10, "task_rows": rows, "group_rows": group_rows,
                     "data_rows": len(entries)}


# --------------------------------------------------------------------------------------------
# c. van-phong-ubnd-tinh.xlsx: NFD, doubled spaces, odd headers, messy ids, old tone placement
# --------------------------------------------------------------------------------------------
VP_HEADERS = ["mã  nhiệm vụ", "stt", "nhiệm vụ cụ thể:", "văn bản giao nhiệm vụ", "thời hạn hoàn thành.",
              "tình  trạng", "kết quả thực hiện:", "ngày hoàn thành thực tế", "khó khăn , vướng mắc",
              "đề xuất, kiến nghị "]


def vp_id(stt: int, i: int) -> str:
    styles = (lambda s: s.lower() + " ", lambda s: " " + s, lambda s: s.lower(), lambda s: s.capitalize() + "  ")
    return styles[i % len(styles)](tid(stt))


def make_vp() -> None:
    agency, fname = VP, FILES[VP]
    entries = REPORTS[agency]
    wb = new_workbook()
    ws = wb.active
    ws.title = messy("Báo cáo")
    n = len(VP_HEADERS)
    widths(ws, [13, 6, 55, 22, 16, 18, 65, 14, 25, 25])

    def put(r: int, c: int, v: object, **kw):
        return body_cell(ws, r, c, messy(v) if isinstance(v, str) else v, **kw)

    for r, (left, right) in enumerate([("UỶ BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                                       ("VĂN PHÒNG UBND TỈNH", "Độc lập - Tự do - Hạnh phúc")], start=1):
        title_line(ws, r, unicodedata.normalize("NFD", left), n, bold=(r == 2), span=3)
        title_line(ws, r, unicodedata.normalize("NFD", right), n, col=6, span=5)
    title_line(ws, 3, messy("Báo cáo kết quả thực hiện nhiệm vụ theo các thông báo kết luận của Ban Chỉ đạo "
                            "(Uỷ ban nhân dân tỉnh giao Văn phòng chủ trì)"), n)
    ws.row_dimensions[3].height = 33
    for c, name in enumerate(VP_HEADERS, start=1):
        cell = ws.cell(row=5, column=c, value=unicodedata.normalize("NFD", name))
        cell.font = font(bold=True)
        cell.alignment = CENTER
        cell.border = BORDER
    problem(fname, f"{ws.title}!A5:J5", "tiêu đề cột chữ thường, dấu câu lạ: \"mã  nhiệm vụ\", \"nhiệm vụ cụ "
            "thể:\", \"tình  trạng\", \"thời hạn hoàn thành.\", \"khó khăn , vướng mắc\"")
    row = 6
    rows: dict[str, int] = {}
    group_rows = {}
    i = 0
    for gno in groups_in(entries):
        group_row(ws, row, messy(group_label(gno)), n)
        group_rows[gno] = row
        row += 1
        for e in entries:
            if TASKS[e.stt]["group"] != gno:
                continue
            t = TASKS[e.stt]
            written_id = vp_id(e.stt, i)
            i += 1
            values = [written_id, e.stt, t["text"], t["document"], catalog_deadline_text(e.stt), e.status,
                      result_text(agency, e), e.completed, e.difficulties, e.proposals]
            for c, v in enumerate(values, start=1):
                put(row, c, v if v != "" else None, center=c in (1, 2, 5, 6, 8))
            rows[tid(e.stt)] = row
            if written_id != tid(e.stt):
                problem(fname, f"{ws.title}!A{row}", f"mã nhiệm vụ viết \"{written_id}\" (= {tid(e.stt)})")
            if e.status in ("Đợi hướng dẫn của Trung ương", "Không thuộc nhiệm vụ"):
                problem(fname, f"{ws.title}!F{row}", f"tình trạng \"{e.status}\"")
            row += 1
    problem(fname, f"{ws.title}!A1:J{ws.max_row}", "toàn bộ chữ ở dạng Unicode NFD (tổ hợp), "
            "cách bỏ dấu cũ (\"Uỷ ban\", \"Cộng hoà\", \"số hoá\"), dấu cách kép")
    ws.freeze_panes = "C6"
    page_setup(ws, "5:5")
    wb.save(SUBMISSIONS / fname)
    LAYOUT[fname] = {"agency": agency, "sheet": ws.title, "header_row": 5, "first_data_row": 6,
                     "task_rows": rows, "group_rows": group_rows, "data_rows": len(entries),
                     "unicode_form": "NFD"}


# --------------------------------------------------------------------------------------------
# d. ubnd-xa-nghia-hanh.xlsx: no ids, own numbering, texts to be matched by fuzzy text
# --------------------------------------------------------------------------------------------
XA_HEADERS = ["TT", "Nội dung, nhiệm vụ", "Thời gian hoàn thành", "Kết quả", "Kết quả thực hiện", "Ghi chú"]


def make_xa() -> None:
    agency, fname = XA, FILES[XA]
    entries = REPORTS[agency]
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    widths(ws, [6, 60, 18, 16, 60, 22])
    cell = ws.cell(row=1, column=1, value="Đơn vị báo cáo: UBND xã Nghĩa Hành")
    cell.font = font(bold=True)
    header_row(ws, 3, XA_HEADERS)
    problem(fname, f"{ws.title}!A1", "không có khối tiêu đề, chỉ một dòng \"Đơn vị báo cáo: UBND xã Nghĩa "
            "Hành\"; tiêu đề cột ở dòng 3")
    problem(fname, f"{ws.title}!A3:F3", "không có cột Mã nhiệm vụ; cột \"TT\" là số thứ tự riêng của xã; "
            "\"Kết quả\" chứa tình trạng, \"Kết quả thực hiện\" chứa mô tả; \"Thời gian hoàn thành\" là "
            "thời hạn")
    rows: dict[str, int] = {}
    matches: dict[int, int | None] = {}
    for k, e in enumerate(entries, start=1):
        row = 3 + k
        if e.stt is None:
            title = e.title
            problem(fname, f"{ws.title}!B{row}", f"nhiệm vụ riêng của xã, không có trong danh mục: \"{title}\"")
        else:
            how, fn = COMMUNE_VARIANTS[e.stt]
            title = fn(str(TASKS[e.stt]["text"]))
            assert title != TASKS[e.stt]["text"]
            problem(fname, f"{ws.title}!B{row}", f"nội dung chép khác danh mục ({how}); khớp {tid(e.stt)}")
            rows[tid(e.stt)] = row
        matches[k] = e.stt
        deadline = e.deadline or (catalog_deadline_text(e.stt) if e.stt else "")
        values = [k, title, deadline, e.status, result_text(agency, e), e.note]
        for c, v in enumerate(values, start=1):
            body_cell(ws, row, c, v if v != "" else None, center=c in (1, 3, 4))
    ws.freeze_panes = "B4"
    page_setup(ws, "3:3")
    wb.save(SUBMISSIONS / fname)
    LAYOUT[fname] = {"agency": agency, "sheet": ws.title, "header_row": 3, "first_data_row": 4,
                     "task_rows": rows, "group_rows": {}, "data_rows": len(entries),
                     "own_stt_to_catalog": {k: (tid(v) if v else None) for k, v in matches.items()}}


# --------------------------------------------------------------------------------------------
# e. cong-an-tinh.xlsx: no title block, header on row 1, one of each deliberate problem
# --------------------------------------------------------------------------------------------
CA_HEADERS = ["Mã nhiệm vụ", "STT", "Nhiệm vụ cụ thể", "Thời hạn hoàn thành", "Tình trạng", "Kết quả thực hiện",
              "Ngày hoàn thành thực tế", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"]


def make_ca() -> None:
    agency, fname = CA, FILES[CA]
    entries = REPORTS[agency]
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    widths(ws, [13, 6, 55, 18, 16, 60, 16, 25, 25])
    header_row(ws, 1, CA_HEADERS)
    problem(fname, f"{ws.title}!A1", "không có khối tiêu đề: tiêu đề cột ở dòng 1, cơ quan báo cáo chỉ "
            "suy ra từ tên tệp")
    rows: dict[str, int] = {}
    seen: dict[str, int] = {}
    for k, e in enumerate(entries, start=1):
        row = 1 + k
        written_id = e.task_id or tid(e.stt)
        title = e.title or TASKS[e.stt]["text"]
        deadline = e.deadline or catalog_deadline_text(e.stt)
        result = result_text(agency, e)
        values = [written_id, k, title, deadline, e.status, result, e.completed, e.difficulties, e.proposals]
        for c, v in enumerate(values, start=1):
            body_cell(ws, row, c, v if v != "" else None, center=c in (1, 2, 4, 5, 7))
        if e.stt is None:
            problem(fname, f"{ws.title}!A{row}", f"mã nhiệm vụ không có trong danh mục {written_id}")
        elif written_id in seen:
            problem(fname, f"{ws.title}!A{row}", f"mã nhiệm vụ {written_id} lặp lại (lần đầu ở dòng "
                    f"{seen[written_id]})")
        else:
            seen[written_id] = row
            rows[written_id] = row
        if result.startswith("="):
            cell = ws.cell(row=row, column=6)
            cell.value = result
            cell.data_type = "s"
            problem(fname, f"{ws.title}!F{row}", f"kết quả bắt đầu bằng \"=\" nhưng là chữ, không phải công thức "
                    f"(\"{result[:25]}...\")")
        if isinstance(e.completed, str) and e.completed.startswith("="):
            problem(fname, f"{ws.title}!G{row}", f"công thức {e.completed} không có giá trị lưu sẵn "
                    "(data_only=True đọc ra None)")
        elif isinstance(e.completed, str):
            problem(fname, f"{ws.title}!G{row}", f"ngày không tồn tại \"{e.completed}\"")
        if e.status in ("Đã hoàn thành", "Hoàn thành") and not result:
            problem(fname, f"{ws.title}!F{row}", f"tình trạng \"{e.status}\" nhưng kết quả để trống "
                    f"({written_id})")
        if e.stt in REAL_DATE_DEADLINES and isinstance(e.completed, date) and e.completed > REAL_DATE_DEADLINES[e.stt]:
            problem(fname, f"{ws.title}!G{row}", f"\"{e.status}\" ngày {e.completed:%d/%m/%Y}, sau thời hạn "
                    f"{REAL_DATE_DEADLINES[e.stt]:%d/%m/%Y} trong danh mục: hoàn thành quá hạn ({written_id})")
    ws.freeze_panes = "C2"
    page_setup(ws, "1:1")
    wb.save(SUBMISSIONS / fname)
    LAYOUT[fname] = {"agency": agency, "sheet": ws.title, "header_row": 1, "first_data_row": 2,
                     "task_rows": rows, "group_rows": {}, "data_rows": len(entries)}


# --------------------------------------------------------------------------------------------
# f. so-tai-chinh.xlsx: header on row 5, "Đơn vị:" label, a Nhóm column, a month-first slip
# --------------------------------------------------------------------------------------------
STC_HEADERS = ["STT", "Mã nhiệm vụ", "Nhóm", "Nhiệm vụ cụ thể", "Thời hạn hoàn thành", "Tình trạng",
               "Kết quả thực hiện", "Ngày hoàn thành thực tế", "Ghi chú"]


def make_stc() -> None:
    agency, fname = STC, FILES[STC]
    entries = REPORTS[agency]
    wb = new_workbook()
    ws = wb.active
    ws.title = "Tiến độ NQ57"
    n = len(STC_HEADERS)
    widths(ws, [6, 13, 10, 55, 16, 16, 60, 16, 28])
    title_line(ws, 1, "UBND TỈNH QUẢNG NGÃI", n, bold=False, span=3)
    cell = ws.cell(row=2, column=1, value="Đơn vị: Sở Tài chính")
    cell.font = font(bold=True)
    title_line(ws, 3, "BÁO CÁO TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ THEO THÔNG BÁO KẾT LUẬN CỦA BAN CHỈ ĐẠO "
               "TRUNG ƯƠNG", n, size=13)
    header_row(ws, 5, STC_HEADERS)
    problem(fname, f"{ws.title}!A2", "tên cơ quan ghi dạng nhãn \"Đơn vị: Sở Tài chính\"; tiêu đề cột ở dòng 5")
    problem(fname, f"{ws.title}!C5", "cột \"Nhóm\" ghi nhóm trên từng dòng thay cho dòng nhóm")
    problem(fname, "—", f"không báo cáo {tid(23)} dù là cơ quan chủ trì (đơn vị khác có báo cáo)")
    rows: dict[str, int] = {}
    for k, e in enumerate(entries, start=1):
        row = 5 + k
        t = TASKS[e.stt]
        values = [k, tid(e.stt), f"Nhóm {t['group']}", t["text"], catalog_deadline_text(e.stt), e.status,
                  result_text(agency, e), e.completed, e.note]
        for c, v in enumerate(values, start=1):
            body_cell(ws, row, c, v if v != "" else None, center=c in (1, 2, 3, 5, 6, 8))
        rows[tid(e.stt)] = row
        if isinstance(e.completed, str):
            problem(fname, f"{ws.title}!H{row}", f"ngày hoàn thành dạng chữ \"{e.completed}\" nhầm tháng-ngày "
                    f"(nhiệm vụ ghi \"trước ngày 01/10/2025\"; đọc ngày-trước = 10/01/2025, trước cả ngày giao)")
    mixed = mixed_tasks()
    for e in entries:
        if e.stt in mixed:
            others = "; ".join(f"{a}: \"{st}\"" for a, st in statuses_by_task()[e.stt].items() if a != agency)
            problem(fname, f"{ws.title}!F{rows[tid(e.stt)]}", f"tình trạng \"{e.status}\" ({tid(e.stt)}) trái với "
                    f"đơn vị khác ({others}): tình trạng tổng hợp bị lẫn")
    ws.freeze_panes = "D6"
    page_setup(ws, "5:5")
    wb.save(SUBMISSIONS / fname)
    LAYOUT[fname] = {"agency": agency, "sheet": ws.title, "header_row": 5, "first_data_row": 6,
                     "task_rows": rows, "group_rows": {}, "data_rows": len(entries)}


# --------------------------------------------------------------------------------------------
# Cross-file facts, README and expected.json
# --------------------------------------------------------------------------------------------
COMPLETED = {"đã hoàn thành", "hoàn thành", "đã thực hiện"}
IN_PROGRESS = {"đang thực hiện", "đang triển khai"}


def statuses_by_task() -> dict[int, dict[str, str]]:
    out: dict[int, dict[str, str]] = {}
    for agency, entries in REPORTS.items():
        for e in entries:
            if e.stt is not None:
                out.setdefault(e.stt, {}).setdefault(agency, e.status)
    return out


def mixed_tasks() -> list[int]:
    out = []
    for stt, by in sorted(statuses_by_task().items()):
        kinds = {("done" if s.lower() in COMPLETED else "doing" if s.lower() in IN_PROGRESS else "other")
                 for s in by.values()}
        if {"done", "doing"} <= kinds:
            out.append(stt)
    return out


def check_consistency() -> None:
    for agency, entries in REPORTS.items():
        stts = sorted({e.stt for e in entries if e.stt is not None})
        assert stts == tasks_of(agency), (agency, stts, tasks_of(agency))
    for a in AGENCIES:
        assert sum(1 for s in ASSIGN if ASSIGN[s][0] == a) >= 3, a
    assert sorted(ASSIGN) == sorted(TASKS) == list(range(1, 39))
    assert len(sd.GROUPS) == 8
    assert mixed_tasks(), "some task must be completed by one agency and in progress by another"


def expected_facts() -> dict:
    per_file = {}
    for agency in AGENCIES:
        fname = FILES[agency]
        lay = LAYOUT[fname]
        per_file[fname] = {
            "agency": agency,
            "sheet": lay["sheet"],
            "header_row": lay["header_row"],
            "first_data_row": lay["first_data_row"],
            "data_rows": lay["data_rows"],
            "group_rows": len(lay["group_rows"]),
            "catalog_tasks_reported": [tid(s) for s in tasks_of(agency)],
            "task_rows": lay["task_rows"],
        }
        if "own_stt_to_catalog" in lay:
            per_file[fname]["own_stt_to_catalog"] = lay["own_stt_to_catalog"]
    group_counts = {f"Nhóm {g}": sum(1 for t in sd.TASKS if t["group"] == g) for g, _ in sd.GROUPS}
    return {
        "catalog": {
            "file": "catalog.xlsx",
            "sheet": LAYOUT["catalog.xlsx"]["sheet"],
            "header_row": 6,
            "tasks": len(sd.TASKS),
            "groups": len(sd.GROUPS),
            "tasks_per_group": group_counts,
            "task_rows": {tid(s): r for s, r in LAYOUT["catalog.xlsx"]["task_rows"].items()},
            "group_rows": {f"Nhóm {g}": r for g, r in LAYOUT["catalog.xlsx"]["group_rows"].items()},
            "deadlines_as_excel_dates": [tid(s) for s in sorted(REAL_DATE_DEADLINES)],
        },
        "lead": {tid(s): ASSIGN[s][0] for s in sorted(ASSIGN)},
        "partners": {tid(s): list(ASSIGN[s][1]) for s in sorted(ASSIGN)},
        "lead_tasks": {a: [tid(s) for s in sorted(ASSIGN) if ASSIGN[s][0] == a] for a in AGENCIES},
        "tasks_without_report": [tid(s) for s in NO_REPORT],
        "skipped_by_expected_agency": [{"agency": a, "task": tid(s)} for a, s in SKIPPED],
        "tasks_with_mixed_status": [tid(s) for s in mixed_tasks()],
        "statuses": {tid(s): by for s, by in sorted(statuses_by_task().items())},
        "submissions": per_file,
        "problems": [{"file": p.file, "where": p.where, "what": p.what} for p in PROBLEMS],
    }


def md_table(head: list[str], rows: list[list[object]]) -> str:
    def esc(v: object) -> str:
        return str(v).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(esc(v) for v in r) + " |" for r in rows]
    return "\n".join(lines)


def write_readme(facts: dict) -> None:
    files_rows = [["catalog.xlsx", "Danh mục gốc (Sở KHCN)", "Hướng dẫn, Danh mục nhiệm vụ", 6,
                   f"{len(sd.TASKS)} nhiệm vụ + {len(sd.GROUPS)} dòng nhóm"]]
    descr = {
        SKHCN: "tệp chuẩn: sheet Hướng dẫn + Báo cáo, dòng nhóm gộp ô, ngày là ngày Excel, kết quả nhiều dòng",
        SNV: "tiêu đề 2 dòng gộp ô + dòng đánh số (1)...(10), tên cột khác, ngày dạng chữ lẫn kiểu",
        VP: "Unicode NFD, dấu cách kép, tiêu đề chữ thường, mã nhiệm vụ viết lộn xộn, bỏ dấu kiểu cũ",
        STC: "tiêu đề ở dòng 5, \"Đơn vị: ...\", cột Nhóm, ngày nhầm tháng-ngày",
        CA: "không có khối tiêu đề, mỗi lỗi cố ý một lần",
        XA: "không có mã nhiệm vụ, số TT riêng, nội dung chép lệch, một nhiệm vụ riêng của xã",
    }
    for a in AGENCIES:
        f = facts["submissions"][FILES[a]]
        files_rows.append([f"submissions/{FILES[a]}", a, f["sheet"], f["header_row"],
                           f"{f['data_rows']} dòng nhiệm vụ"
                           + (f" + {f['group_rows']} dòng nhóm" if f["group_rows"] else "")
                           + f"; {descr[a]}"])
    lead_rows = [[a, len(facts["lead_tasks"][a]), ", ".join(facts["lead_tasks"][a])] for a in AGENCIES]
    task_rows = []
    for s in sorted(ASSIGN):
        lead, partners = ASSIGN[s]
        rep = reporters(s)
        task_rows.append([tid(s), f"Nhóm {TASKS[s]['group']}", TASKS[s]["deadline"], lead, "; ".join(partners),
                          "; ".join(f"{a}: {facts['statuses'].get(tid(s), {}).get(a, '')}" for a in rep)
                          or "— (không ai báo cáo)"])
    sub_rows = [[FILES[a], facts["submissions"][FILES[a]]["data_rows"],
                 ", ".join(facts["submissions"][FILES[a]]["catalog_tasks_reported"])] for a in AGENCIES]
    prob_rows = [[p.file, p.where, p.what] for p in PROBLEMS]
    mixed = ", ".join(facts["tasks_with_mixed_status"])
    no_rep = ", ".join(facts["tasks_without_report"])
    skipped = "; ".join(f"{d['agency']} bỏ {d['task']}" for d in facts["skipped_by_expected_agency"])
    xa_map = facts["submissions"][FILES[XA]]["own_stt_to_catalog"]
    xa_rows = [[k, v or "— (không có trong danh mục)"] for k, v in xa_map.items()]
    text = f"""# Dữ liệu mẫu nq57 / nq57 sample data

> Tệp này do `python samples/make_samples.py` sinh ra; đừng sửa tay. Mọi bảng dưới đây lấy từ dữ liệu
> của script nên luôn khớp với các tệp Excel. Dữ kiện dạng máy đọc: `samples/expected.json`.

## Tiếng Việt

### Nguồn dữ liệu
- `seed_data.py`: 38 nhiệm vụ, 8 nhóm và kết quả thực hiện / tình trạng chép từ Phụ lục 03
  (`shared/seeds/{sd.SEED_FILE}`). Nội dung nhiệm vụ nối lại các dòng bị ngắt của bản PDF; thời hạn giữ
  nguyên cách ghi (kể cả "10-01-2025", "Các bộ, cơ quan", "Các tỉnh ủy, thành ủy/31/12/2025"). Chỗ ghép
  kết quả với nhiệm vụ chưa rõ được ghi trong `ALIGNMENT_NOTES`.
- `make_samples.py`: cơ quan chủ trì / phối hợp, đơn vị nào báo cáo gì, và các lỗi cố ý. Chạy lại được
  từ bất kỳ thư mục nào; không dùng số ngẫu nhiên.

### Các tệp
{md_table(["Tệp", "Cơ quan", "Sheet", "Dòng tiêu đề cột", "Nội dung"], files_rows)}

### Dữ kiện để kiểm thử
- Danh mục: **{len(sd.TASKS)} nhiệm vụ** (NQ57-01 … NQ57-38), **{len(sd.GROUPS)} nhóm**; Nhóm 5 không có
  nhiệm vụ. Số nhiệm vụ theo nhóm: {", ".join(f"{k}: {v}" for k, v in facts["catalog"]["tasks_per_group"].items())}.
- Thời hạn là ngày Excel thật: {", ".join(facts["catalog"]["deadlines_as_excel_dates"])}; còn lại là chữ.
- Nhiệm vụ **không có đơn vị nào báo cáo**: {no_rep}.
- Đơn vị được giao nhưng bỏ không báo cáo: {skipped}.
- Nhiệm vụ có tình trạng lẫn (đơn vị này báo hoàn thành, đơn vị khác báo đang thực hiện): {mixed}.
- Mỗi cơ quan chủ trì ít nhất 3 nhiệm vụ:

{md_table(["Cơ quan chủ trì", "Số nhiệm vụ", "Nhiệm vụ"], lead_rows)}

- Số dòng nhiệm vụ của từng tệp báo cáo (không kể dòng nhóm):

{md_table(["Tệp", "Số dòng", "Nhiệm vụ trong danh mục được báo cáo"], sub_rows)}

- UBND xã Nghĩa Hành: số TT riêng của xã → mã nhiệm vụ trong danh mục (so khớp theo nội dung):

{md_table(["TT của xã", "Mã nhiệm vụ"], xa_rows)}

### Từng nhiệm vụ
{md_table(["Mã", "Nhóm", "Thời hạn (như danh mục)", "Chủ trì", "Phối hợp", "Tình trạng đã báo cáo"], task_rows)}

### Các lỗi / điểm bất thường cố ý
{md_table(["Tệp", "Vị trí", "Vấn đề"], prob_rows)}

## English summary

Sample inputs for `nq57`, generated by `python samples/make_samples.py` (deterministic; data tables in
`seed_data.py`, taken from the seed Phụ lục 03). `catalog.xlsx` is the office's master list: 38 tasks
NQ57-01..NQ57-38 in 8 groups (group 5 empty), header on row 6 of sheet "Danh mục nhiệm vụ", with lead
and partner agencies. `submissions/` holds six agency reports, each deliberately messy in its own way
(tidy reference file; two-row merged header; NFD text with odd headers and ids; commune file without ids
matched by fuzzy text plus one invented task; police file without a title block containing one of each
data error; finance file with a "Nhóm" column and a month-first date slip). Tasks with no report at all:
{no_rep}. Lead agency {skipped.replace(" bỏ ", " skipped ")} (a partner reported it). Tasks with mixed
completed/in-progress statuses: {mixed}. The tables above list every deliberate problem with its cell;
`expected.json` has the same facts for tests (task rows, lead map, rows per file, problems).
"""
    README.write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------------------------
# Read back and verify
# --------------------------------------------------------------------------------------------
def verify(facts: dict) -> list[str]:
    report = []
    wb = load_workbook(CATALOG)
    assert wb.sheetnames == ["Hướng dẫn", "Danh mục nhiệm vụ"], wb.sheetnames
    ws = wb["Danh mục nhiệm vụ"]
    assert [c.value for c in ws[6]] == CATALOG_HEADERS
    ids = [ws.cell(row=r, column=1).value for r in range(7, ws.max_row + 1)]
    task_ids = [v for v in ids if v and str(v).startswith("NQ57-")]
    groups = [ws.cell(row=r, column=1).value for r in range(7, ws.max_row + 1)
              if str(ws.cell(row=r, column=1).value or "").startswith("Nhóm ")]
    assert len(task_ids) == 38 and len(set(task_ids)) == 38 and len(groups) == 8, (len(task_ids), len(groups))
    assert ws.cell(row=facts["catalog"]["task_rows"]["NQ57-04"], column=5).value == "10-01-2025"
    assert ws.cell(row=facts["catalog"]["task_rows"]["NQ57-32"], column=5).value == "Các tỉnh ủy, thành ủy/31/12/2025"
    assert isinstance(ws.cell(row=facts["catalog"]["task_rows"]["NQ57-08"], column=5).value, datetime)
    report.append(f"catalog.xlsx: {len(task_ids)} tasks, {len(groups)} group rows, rows 7..{ws.max_row}")
    for agency in AGENCIES:
        fname = FILES[agency]
        f = facts["submissions"][fname]
        wb = load_workbook(SUBMISSIONS / fname)
        ws = wb[f["sheet"]]
        first = f["first_data_row"]
        n_rows = sum(1 for r in range(first, ws.max_row + 1) if ws.cell(row=r, column=2).value not in (None, ""))
        assert n_rows == f["data_rows"], (fname, n_rows, f["data_rows"])
        report.append(f"submissions/{fname}: sheet {ws.title!r}, {n_rows} task rows, {f['group_rows']} group rows")
    # every file but the Văn phòng's is NFC; the Văn phòng's data cells are NFD
    for agency in AGENCIES:
        wb = load_workbook(SUBMISSIONS / FILES[agency])
        texts = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        nfc = [t for t in texts if unicodedata.normalize("NFC", t) == t]
        if agency == VP:
            assert any(unicodedata.normalize("NFC", t) != t for t in texts)
        else:
            assert len(nfc) == len(texts), (agency, [t for t in texts if t not in nfc][:3])
    # spot checks of the deliberate problems
    ws = load_workbook(SUBMISSIONS / FILES[CA])["Sheet1"]
    assert ws["A7"].value == "NQ57-99"
    assert ws["A4"].value == ws["A5"].value == "NQ57-12"
    assert ws["G6"].value == "31/02/2025"
    assert ws["G8"].value == "=TODAY()" and ws["G8"].data_type == "f"
    assert ws["F3"].data_type == "s" and ws["F3"].value.startswith("=>")
    assert ws["E9"].value == "Đã hoàn thành" and ws["F9"].value is None
    assert ws["G2"].value == datetime(2025, 9, 10)
    cached = load_workbook(SUBMISSIONS / FILES[CA], data_only=True)["Sheet1"]
    assert cached["G8"].value is None
    vp = load_workbook(SUBMISSIONS / FILES[VP])
    ws = vp.worksheets[0]
    assert ws["C5"].value == unicodedata.normalize("NFD", "nhiệm vụ cụ thể:")
    assert ws.cell(row=6, column=1).value != unicodedata.normalize("NFC", ws.cell(row=6, column=1).value)
    snv = load_workbook(SUBMISSIONS / FILES[SNV]).worksheets[0]
    assert "F7:G7" in {str(r) for r in snv.merged_cells.ranges}
    assert snv["F8"].value == "Tình trạng" and snv["G8"].value == "Mô tả" and snv["A9"].value == "(1)"
    stc = load_workbook(SUBMISSIONS / FILES[STC]).worksheets[0]
    assert stc["A2"].value == "Đơn vị: Sở Tài chính" and stc["C5"].value == "Nhóm"
    xa = load_workbook(SUBMISSIONS / FILES[XA]).worksheets[0]
    assert [c.value for c in xa[3]] == XA_HEADERS and xa["A1"].value.startswith("Đơn vị báo cáo")
    return report


def main() -> None:
    SUBMISSIONS.mkdir(parents=True, exist_ok=True)
    check_consistency()
    make_catalog()
    make_skhcn()
    make_snv()
    make_vp()
    make_xa()
    make_ca()
    make_stc()
    for s in NO_REPORT:
        problem("(mọi tệp)", tid(s), "không đơn vị nào báo cáo nhiệm vụ này")
    facts = expected_facts()
    EXPECTED.write_text(json.dumps(facts, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    write_readme(facts)
    for line in verify(facts):
        print(line)
    print(f"tasks without report: {', '.join(facts['tasks_without_report'])}")
    print(f"{len(PROBLEMS)} deliberate problems listed in {README.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
