"""Regenerate the indicator samples of nq57: `python samples/make_indicator_samples.py`.

samples/indicators/ gets
- chi-tieu.xlsx: the indicator table of seed 004 (Phụ lục I "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ" of a district
  plan, shared/seeds/004_0f30438fdb31a57c.txt) as the catalog: STT 1, 1.1 ... 16 with its parents,
  units, the targets for 2025/2030/2035/2040/2045 exactly as the seed writes them ("≥ 01", "≥  70",
  "-", "X", "100 (Các hệ thống ...)"), and the monitoring agency (merged down several rows, as in
  the seed). The seed's own slips are kept: "9 Hạ tầng số" followed by 10.1–10.3 (no "10"), "Tỷ kệ".
- three agencies' reported values, each messy in its own way (see PROBLEMS and README.md);
- expected.json (the evaluation at 2025 per indicator, for the tests) and README.md.

Deterministic: fixed data, no randomness, fixed timestamps; the same data gives the same bytes. The folder is not
read by `nq57 demo` nor by the task sample tests (they read samples/submissions/).
"""

from __future__ import annotations

import io
import json
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # keep samples/ free of __pycache__

import make_samples as ms  # noqa: E402  (the task samples' cell styles)

OUT = HERE / "indicators"
CATALOG = OUT / "chi-tieu.xlsx"
MILESTONES = ["2025", "2030", "2035", "2040", "2045"]
MILESTONE_HEADERS = ["Đến hết năm 2025", "Đến năm 2030", "Đến năm 2035", "Đến năm 2040", "Đến năm 2045"]

VH = "Phòng Văn hoá, Khoa học và Thông tin"
NV = "Phòng Nội vụ"
VP = "VP HĐND và UBND huyện"

# code, name, unit, targets 2025..2045 (as in the seed: text where the seed has signs, numbers
# where it has plain figures), monitoring agency. Headings have neither unit nor targets.
SEED = [
    ("1", "Trình độ, năng lực công nghệ, đổi mới sáng tạo của doanh nghiệp", None, None, None),
    ("1.1", "Số lượng doanh nghiệp khoa học và công nghệ trên địa bàn", "Doanh nghiệp",
     [None, "≥ 01", "≥ 02", "≥ 03", "≥ 04"], VH),
    ("1.2", "Tỷ lệ doanh nghiệp sử dụng kết quả nghiên cứu từ viện, trường trong sản xuất/kinh doanh.", "%",
     ["≥ 10", "≥ 25", "≥ 40", "≥ 60", "≥ 70"], VH),
    ("1.3", "Tỷ lệ doanh nghiệp có hoạt động đổi mới quy trình, mô hình kinh doanh.", "%",
     ["≥ 10", "≥ 20", "≥ 25", "≥ 30", "≥ 35"], VH),
    ("1.4", "Tỷ lệ doanh nghiệp vừa và nhỏ địa phương ứng dụng công nghệ số", "%", [30, 60, 85, 95, 100], VH),
    ("2", "Xếp hạng chuyển đổi số cấp huyện (DTI)", None, None, None),
    ("2.1", "Tỷ lệ cán bộ, công chức cấp huyện được bồi dưỡng kỹ năng số căn bản", "%",
     [100, 100, 100, 100, 100], NV),
    ("2.2", "Tỷ lệ cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số căn bản", "%", ["≥ 80", 100, 100, 100, 100], NV),
    ("2.3", "Tỷ lệ cán bộ, công chức, viên chức làm chủ kỹ năng số, ứng dụng công nghệ trong quản lý, điều hành",
     "%", [80, 100, 100, 100, 100], VH),
    ("2.4", "Tỷ lệ dân số trưởng thành tiếp cận dịch vụ số trong y tế, giáo dục, bảo hiểm, giao thông", "%",
     [80, 90, 95, 97, 99], "Các phòng, ban ngành liên quan"),
    ("2.5", "Tỷ lệ dân số trưởng thành thường xuyên sử dụng dịch vụ số (chăm sóc sức khỏe từ xa, học trực tuyến "
     "nâng cao, giao dịch tài chính số,…)", "%", ["-", "-", "-", "≥80", "≥ 90"],
     "Các phòng: GD&ĐT, TC-KH, VP HĐND và UBND huyện"),
    ("2.6", "Dịch vụ y tế, giáo dục, an sinh xã hội đạt chuẩn tiên tiến, người dân hưởng thụ môi trường sống hiện "
     "đại, an toàn, tiện ích", "Hoàn thành", [None, None, None, None, "X"], "VP HĐND và UBND huyện và Phòng Nội vụ"),
    ("3", "Quy mô kinh tế số", "% GRDP", [7, 20, 30, 45, 50], "Sở Công Thương"),
    ("4", "Chỉ tiêu về thực hiện thủ tục hành chính, dịch vụ công và chỉ đạo, điều hành, quản trị nội bộ trên môi "
     "trường điện tử", None, None, None),
    ("4.1", "Tỷ lệ thủ tục hành chính được tiếp nhận, giải quyết phi địa giới hành chính giữa trung ương và địa "
     "phương, giữa các cấp chính quyền", "%", ["≥ 70", 100, 100, 100, 100], VP),
    ("4.2", "Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện", "%",
     ["≥ 80", 100, 100, 100, 100], VP),
    ("4.3", "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa", "%", ["≥  70", 100, 100, 100, 100], VP),
    ("4.4", "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến.", "%", ["≥  70", "≥  85", "≥  95", 100, 100], VP),
    ("4.5", "Tỷ lệ nhiệm vụ được theo dõi, quản lý, giám sát của các cơ quan hành chính thực hiện trên môi trường "
     "điện tử", "%", [50, 55, 60, 70, 100], VH),
    ("4.6", "Tỷ lệ các cơ quan nhà nước thực hiện chỉ đạo, điều hành, quản trị nội bộ trên môi trường điện tử", "%",
     [60, 90, 100, 100, 100], VH),
    ("4.7", "Tỷ lệ đảng ủy, chính quyền xã sử dụng phần mềm quản trị điều hành thống nhất.", "%",
     ["≥  60", "≥  90", 100, 100, "100 (Các hệ thống đảng số, chính quyền số vận hành hoàn toàn thông minh.)"], VH),
    ("5", "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo", None, None, None),
    ("5.1", "Số lượng doanh nghiệp khởi nghiệp sáng tạo", "Doanh nghiệp", ["≥ 10", "≥ 30", "≥ 40", "≥ 45", "≥ 45"], VH),
    ("5.2", "Số lượng sản phẩm đổi mới sáng tạo được thương mại hóa hàng năm", "Sản phẩm",
     ["≥ 5", "≥ 10", "≥ 15", "≥ 20", "≥  25"], VH),
    ("6", "Tổng chi ngân sách hằng năm cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", "% tổng chi NSNN",
     ["≥ 1,0", "≥ 1,5", "≥ 2", "≥ 2,5", "≥ 3"], "Phòng Văn hoá, Khoa học và Thông tin và Phòng TC-KH"),
    ("7", "Tỷ lệ chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", "% GRDP", [2, 3, 3, 3, 3], VH),
    ("8", "Số lượng sáng kiến trong khu vực công được công nhận hàng năm", "Sáng kiến",
     ["≥ 01", "≥ 02", "≥ 03", "≥ 04", "≥ 05"], VH),
    ("9", "Hạ tầng số", None, None, None),
    ("10.1", "Tỷ lệ người sử dụng có khả năng truy nhập băng rộng cố định với tốc độ trên 1Gb/s.", "%",
     [60, 100, 100, 100, 100], None),
    ("10.2", "Tỷ lệ phủ sóng 5G cho người dân", "% dân số", ["≥ 50", 100, 100, 100, 100], None),
    ("10.3", "Tỷ kệ phủ sóng 6G trên địa bàn", "% dân số", ["-", "-", 50, 80, 100], None),
    ("11", "Tỷ lệ cơ sở dữ liệu của tỉnh được số hóa và liên thông với Trung ương.", "%",
     ["≥50", "≥80", 100, 100, 100], VH),
    ("12", "Kết nối, chia sẻ đồng bộ cơ sở dữ liệu quốc gia, cơ sở dữ liệu các ngành", None, None, None),
    ("12.1", "Tỷ lệ dữ liệu của các phòng, ban, ngành được tích hợp trên nền tảng chia sẻ LGSP", "%",
     ["≥60", "≥80", 100, 100, 100], VH),
    ("13", "Tỷ lệ người dân có tài khoản định danh điện tử mức 2, cài đặt và sử dụng ứng dụng VNeID", "%",
     ["≥ 85", "≥ 90", "≥ 95", 100, 100], "Công an"),
    ("14", "Dân số từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng hoặc các tổ chức được phép khác", "%",
     [50, 80, 100, 100, 100], "Ngân hàng Nhà nước"),
    ("15", "Tỷ lệ người dân trưởng thành có chữ ký số hoặc chữ ký điện tử", "%", ["-", "≥ 10", 20, 30, 40], VH),
    ("16", "Tỷ lệ người dân có Sổ sức khỏe điện tử", "%", [80, 95, 100, 100, 100], VP),
]
# The seed prints one monitoring agency for several rows (a cell merged down): first code, last code.
MONITOR_MERGES = [("1.1", "1.4"), ("2.1", "2.2"), ("4.1", "4.4"), ("4.5", "4.7"), ("5.1", "5.2")]
NAME = {code: name for code, name, *_ in SEED}
UNIT = {code: unit for code, _, unit, *_ in SEED}
TARGET_2025 = {code: (targets[0] if targets else None) for code, _, _, targets, _ in SEED}

# What each agency reports: (STT as the agency wrote it, name as written, unit, value, note).
VH_ROWS = [
    ("1.1", NAME["1.1"], "Doanh nghiệp", 1, "Chưa có chỉ tiêu năm 2025"),
    ("1.2", NAME["1.2"], "%", 12, None),
    ("1.3", NAME["1.3"], "%", "8,5", "Số liệu sơ bộ"),
    ("1.4", NAME["1.4"], "%", "30%", None),
    ("2.3", NAME["2.3"], "%", "82,5", None),
    ("2.4", NAME["2.4"], "%", 80, None),
    ("4.5", NAME["4.5"], "%", "50", None),
    ("4.6", NAME["4.6"], "%", 55, None),
    ("4.7", NAME["4.7"], "%", "62%", None),
    ("5.1", NAME["5.1"], "Doanh nghiệp", 12, None),
    ("5.2", NAME["5.2"], "Sản phẩm", 5, None),
    ("6", NAME["6"], "% tổng chi NSNN", "1,2", None),
    ("7", NAME["7"], "% GRDP", 1.8, None),
    ("8", NAME["8"], "Sáng kiến", None, "Đang tổng hợp"),
    ("10.1", NAME["10.1"], "%", "62%", None),
    ("10.2", NAME["10.2"], "% dân số", "Đã phủ sóng 5G tại khu vực trung tâm huyện", None),
    ("10.3", NAME["10.3"], "% dân số", "-", None),
    ("11", NAME["11"], "%", "50%", None),
    ("12.1", NAME["12.1"], "%", 55, None),
    ("15", NAME["15"], "%", "5", None),
]
NV_ROWS = [
    (2.1, NAME["2.1"], "%", "100%", None),
    (2.2, NAME["2.2"], "%", "79,99%", "Còn 3 xã chưa hoàn thành"),
    (None, "Tỷ lệ cán bộ công chức viên chức làm chủ kỹ năng số, ứng dụng công nghệ trong quản lý điều hành",
     "%", "80", None),
]
VP_ROWS = [  # with the agency's copy of the 2025 target
    ("4.1", NAME["4.1"], "%", "≥ 70", "70%", None),
    ("4.2", NAME["4.2"], "%", "≥ 75", "80", None),
    ("4.3", NAME["4.3"], "%", "≥ 70", 0.7, None),
    ("4.4", NAME["4.4"], "%", "≥ 70", "957.600 hồ sơ", "Tổng số hồ sơ xử lý trực tuyến"),
    ("2.4", NAME["2.4"], "%", 80, "85", None),
    ("16", NAME["16"], "%", 80, "85,5", None),
    ("4.9", "Số cuộc họp trực tuyến của UBND huyện với các xã", "Cuộc họp", None, "24", None),
]
FILES = {
    VH: "phong-van-hoa-khoa-hoc-thong-tin.xlsx",
    NV: "phong-noi-vu.xlsx",
    "Văn phòng HĐND và UBND huyện": "van-phong-hdnd-ubnd-huyen.xlsx",
}

# Evaluation at the 2025 milestone that the samples are built to give (checked by the tests).
EXPECTED_2025 = {
    "1.1": ("no_target", None), "1.2": ("met", None), "1.3": ("not_met", "1.5"), "1.4": ("met", None),
    "2.1": ("met", None), "2.2": ("not_met", "0.01"), "2.3": ("met", None), "2.4": ("not_comparable", None),
    "2.5": ("not_applicable", None), "2.6": ("no_target", None), "3": ("not_reported", None),
    "4.1": ("met", None), "4.2": ("met", None), "4.3": ("met", None), "4.4": ("not_comparable", None),
    "4.5": ("met", None), "4.6": ("not_met", "5"), "4.7": ("met", None), "5.1": ("met", None),
    "5.2": ("met", None), "6": ("met", None), "7": ("not_met", "0.2"), "8": ("not_reported", None),
    "10.1": ("met", None), "10.2": ("not_comparable", None), "10.3": ("not_applicable", None),
    "11": ("met", None), "12.1": ("not_met", "5"), "13": ("not_reported", None), "14": ("not_reported", None),
    "15": ("not_applicable", None), "16": ("met", None),
}
HEADINGS = ["1", "2", "4", "5", "9", "12"]
PROBLEMS: list[tuple[str, str, str]] = []  # (file, where, what)


def save(wb, path: Path) -> None:
    """Save with fixed zip timestamps and document dates: the same data gives the same bytes."""
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-08-20T08:00:00Z", data)
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, data)


def problem(file: str, where: str, what: str) -> None:
    PROBLEMS.append((file, where, what))


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def two_row_header(ws, row: int, single: list[tuple[int, str]], grouped: tuple[int, str, list[str]]) -> None:
    """A two-row header: `single` columns merged down both rows, `grouped` a title over sub-columns."""
    for col, text in single:
        ws.cell(row=row, column=col, value=text)
        ws.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
    start, title, subs = grouped
    ws.cell(row=row, column=start, value=title)
    ws.merge_cells(start_row=row, start_column=start, end_row=row, end_column=start + len(subs) - 1)
    for offset, text in enumerate(subs):
        ws.cell(row=row + 1, column=start + offset, value=text)
    last = max([c for c, _ in single] + [start + len(subs) - 1])
    for r in (row, row + 1):
        for c in range(1, last + 1):
            cell = ws.cell(row=r, column=c)
            cell.font = ms.font(bold=True)
            cell.alignment = ms.CENTER
            cell.fill = ms.HEAD_FILL
            cell.border = ms.BORDER


def make_catalog() -> dict[str, str]:
    """The seed's Phụ lục I; returns code → Excel row."""
    wb = ms.new_workbook()
    ws = wb.active
    ws.title = "Phụ lục I"
    ms.widths(ws, [7, 58, 12, 11, 11, 11, 11, 22, 26])
    ms.title_line(ws, 1, "PHỤ LỤC I", 9)
    ms.title_line(ws, 2, "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ", 9)
    ms.title_line(ws, 3, "(Kèm theo Kế hoạch số        /KH-UBND ngày        /6/2025 của UBND huyện)", 9,
                  bold=False, italic=True)
    two_row_header(ws, 5, [(1, "STT"), (2, "Tên chỉ tiêu"), (3, "Đơn vị"), (9, "Cơ quan chủ trì theo dõi, đánh giá")],
                   (4, "Kết quả", MILESTONE_HEADERS))
    rows: dict[str, str] = {}
    r = 7
    for code, name, unit, targets, monitor in SEED:
        heading = targets is None
        stt = int(code) if code.isdigit() else code  # top-level numbers typed as numbers, "1.1" as text
        ms.body_cell(ws, r, 1, stt, center=True)
        ms.body_cell(ws, r, 2, name).font = ms.font(bold=heading)
        ms.body_cell(ws, r, 3, unit, center=True)
        for offset, target in enumerate(targets or [None] * 5):
            ms.body_cell(ws, r, 4 + offset, target, center=True)
        ms.body_cell(ws, r, 9, monitor, center=True)
        rows[code] = str(r)
        r += 1
    for first, last in MONITOR_MERGES:
        ws.merge_cells(f"I{rows[first]}:I{rows[last]}")
    legend = ws.cell(row=r + 1, column=1, value="Ghi chú: (-): Chưa thực hiện; (X): Thực hiện")
    legend.font = ms.font(italic=True)
    ms.page_setup(ws, "5:6")
    save(wb, CATALOG)
    problem("chi-tieu.xlsx", "Phụ lục I!A5:I6", "tiêu đề 2 dòng: \"Kết quả\" (D5:H5) gộp trên 5 cột mốc năm; "
            "các cột khác gộp dọc")
    problem("chi-tieu.xlsx", f"Phụ lục I!A{rows['10.1']}",
            "như bản gốc: sau \"9 Hạ tầng số\" là 10.1–10.3, không có chỉ tiêu 10 (cảnh báo thiếu chỉ tiêu cha)")
    for first, last in MONITOR_MERGES:
        problem("chi-tieu.xlsx", f"Phụ lục I!I{rows[first]}:I{rows[last]}",
                f"cơ quan theo dõi gộp dọc cho {first}–{last}")
    problem("chi-tieu.xlsx", f"Phụ lục I!H{rows['2.6']}", "mục tiêu \"X\" (thực hiện): không so sánh được với số")
    problem("chi-tieu.xlsx", f"Phụ lục I!H{rows['4.7']}", "mục tiêu có lời giải thích: \"100 (Các hệ thống ...)\"")
    problem("chi-tieu.xlsx", f"Phụ lục I!D{rows['1.1']}", "1.1 không có mục tiêu năm 2025 (ô trống)")
    return rows


def make_vh() -> None:
    """Phòng Văn hoá, KH&TT: two-row header "Năm 2025" over "Chỉ tiêu" | "Kết quả đạt được"."""
    name = FILES[VH]
    wb = ms.new_workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ms.widths(ws, [7, 58, 14, 12, 16, 24])
    ms.title_line(ws, 1, "UBND HUYỆN SƠN TỊNH", 3, span=2)
    ms.title_line(ws, 2, "PHÒNG VĂN HOÁ, KHOA HỌC VÀ THÔNG TIN", 3, span=2)
    ms.title_line(ws, 3, "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2025", 6)
    two_row_header(ws, 5, [(1, "STT"), (2, "Tên chỉ tiêu"), (3, "Đơn vị tính"), (6, "Ghi chú")],
                   (4, "Năm 2025", ["Chỉ tiêu", "Kết quả đạt được"]))
    for r, (code, title, unit, value, note) in enumerate(VH_ROWS, start=7):
        ms.body_cell(ws, r, 1, code, center=True)
        ms.body_cell(ws, r, 2, title)
        ms.body_cell(ws, r, 3, unit, center=True)
        ms.body_cell(ws, r, 4, TARGET_2025[code], center=True)
        ms.body_cell(ws, r, 5, value, center=True)
        ms.body_cell(ws, r, 6, note)
        where = f"Chỉ tiêu!E{r}"
        if isinstance(value, str) and "," in value:
            problem(name, where, f"số thập phân dấu phẩy \"{value}\"")
        elif isinstance(value, str) and value.endswith("%"):
            problem(name, where, f"dấu % trong ô \"{value}\"")
        elif value is None:
            problem(name, where, f"bỏ trống kết quả chỉ tiêu {code} (cơ quan theo dõi chưa báo cáo)")
        elif code == "10.2":
            problem(name, where, "kết quả là lời văn: không so sánh được với \"≥ 50\"")
        elif code == "7":
            problem(name, where, "số Excel 1,8 < mục tiêu 2: chưa đạt, thiếu 0,2")
        elif code == "2.4":
            problem(name, where, "2.4: ghi 80, Văn phòng HĐND và UBND huyện ghi 85; cơ quan theo dõi (các phòng, "
                                 "ban ngành liên quan) không báo cáo → xung đột không tự giải quyết")
    ms.page_setup(ws, "5:6")
    save(wb, OUT / name)


def make_nv() -> None:
    """Phòng Nội vụ: one header row with other titles, STT typed as numbers, NFD text, a row without STT."""
    name = FILES[NV]
    wb = ms.new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ms.widths(ws, [6, 60, 8, 18, 30])
    ws.cell(row=1, column=1, value=nfd("UBND HUYỆN SƠN TỊNH")).font = ms.font(bold=True)
    ws.cell(row=2, column=1, value=nfd("PHÒNG NỘI VỤ")).font = ms.font(bold=True)
    ms.header_row(ws, 4, [nfd(h) for h in ("TT", "Chỉ tiêu", "ĐVT", "Giá trị thực hiện", "Ghi chú")])
    for r, (code, title, unit, value, note) in enumerate(NV_ROWS, start=5):
        ms.body_cell(ws, r, 1, code, center=True)
        ms.body_cell(ws, r, 2, nfd(title))
        ms.body_cell(ws, r, 3, unit, center=True)
        ms.body_cell(ws, r, 4, value, center=True)
        ms.body_cell(ws, r, 5, nfd(note) if note else None)
    problem(name, "Sheet1!A1:E7", "toàn bộ chữ ở dạng Unicode NFD; tiêu đề cột \"TT\", \"Chỉ tiêu\", \"ĐVT\", "
                                  "\"Giá trị thực hiện\"")
    problem(name, "Sheet1!A5", "số thứ tự gõ thành số Excel 2,1 / 2,2 (đọc là 2.1 / 2.2)")
    problem(name, "Sheet1!D6", "2.2: \"79,99%\" so với \"≥ 80\": chưa đạt, thiếu 0,01")
    problem(name, "Sheet1!B7", "không có số thứ tự, tên chỉ tiêu chép khác (bỏ dấu phẩy): khớp 2.3 theo tên; "
                               "ghi 80 trong khi cơ quan theo dõi (Phòng Văn hoá, KH&TT) ghi 82,5 → dùng 82,5")
    save(wb, OUT / name)


def make_vp() -> None:
    """Văn phòng HĐND và UBND: "Đơn vị:" label, copied targets (one changed), a percent cell, a count."""
    agency = "Văn phòng HĐND và UBND huyện"
    name = FILES[agency]
    wb = ms.new_workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    ms.widths(ws, [7, 58, 10, 16, 18, 28])
    ws.cell(row=1, column=1, value=f"Đơn vị: {agency}").font = ms.font(bold=True)
    ms.title_line(ws, 2, "KẾT QUẢ THỰC HIỆN CHỈ TIÊU ĐẾN HẾT NĂM 2025", 6)
    ms.header_row(ws, 4, ["STT", "Tên chỉ tiêu", "Đơn vị", "Đến hết năm 2025", "Kết quả thực hiện", "Ghi chú"])
    for r, (code, title, unit, target, value, note) in enumerate(VP_ROWS, start=5):
        ms.body_cell(ws, r, 1, code, center=True)
        ms.body_cell(ws, r, 2, title)
        ms.body_cell(ws, r, 3, unit, center=True)
        ms.body_cell(ws, r, 4, target, center=True)
        cell = ms.body_cell(ws, r, 5, value, center=True)
        ms.body_cell(ws, r, 6, note)
        if isinstance(value, float):
            cell.number_format = "0%"
            problem(name, f"Báo cáo!E{r}", "ô số 0,7 định dạng phần trăm (Excel hiện 70%): đọc là 70%")
    problem(name, "Báo cáo!A1", "tên đơn vị ghi dạng nhãn \"Đơn vị: ...\"")
    problem(name, "Báo cáo!D6", "mục tiêu chép lại \"≥ 75\" khác danh mục \"≥ 80\": dùng danh mục")
    problem(name, "Báo cáo!E6", "4.2: 80 so với \"≥ 80\": đạt (đúng bằng mức)")
    problem(name, "Báo cáo!E8", "4.4: \"957.600 hồ sơ\" (dấu chấm hàng nghìn) là số hồ sơ, không phải tỷ lệ %: "
                                "khác đơn vị, không so sánh được")
    problem(name, "Báo cáo!E9", "2.4: ghi 85, khác Phòng Văn hoá, KH&TT (80)")
    problem(name, "Báo cáo!B11", "chỉ tiêu 4.9 không có trong danh mục (lỗi cố ý)")
    save(wb, OUT / name)


def expected_facts(rows: dict[str, str]) -> dict:
    counts: dict[str, int] = {}
    for status, _ in EXPECTED_2025.values():
        counts[status] = counts.get(status, 0) + 1
    return {
        "catalog": {"file": CATALOG.name, "sheet": "Phụ lục I", "header_row": 5, "indicators": len(SEED),
                    "headings": HEADINGS, "milestones": MILESTONES, "rows": rows,
                    "missing_parent": {"parent": "10", "codes": ["10.1", "10.2", "10.3"]}},
        "submissions": {
            FILES[VH]: {"agency": VH, "sheet": "Chỉ tiêu", "header_row": 5, "values": sum(1 for r in VH_ROWS if r[3] is not None)},
            FILES[NV]: {"agency": NV, "sheet": "Sheet1", "header_row": 4, "values": len(NV_ROWS)},
            FILES["Văn phòng HĐND và UBND huyện"]: {"agency": VP, "sheet": "Báo cáo",  # the catalog's spelling
                                                   "header_row": 4, "values": len(VP_ROWS)},
        },
        "milestone": "2025",
        "evaluation": {code: {"status": status, "gap": gap} for code, (status, gap) in EXPECTED_2025.items()},
        "counts": counts,
        "conflicts": {"2.3": {"resolved_by": VH, "used": "82,5"}, "2.4": {"resolved_by": None}},
        "errors": [[FILES["Văn phòng HĐND và UBND huyện"], "Báo cáo!B11", "indicator.no_match"]],
        "problems": [{"file": f, "where": w, "what": t} for f, w, t in PROBLEMS],
    }


def write_readme(facts: dict) -> None:
    labels = {"met": "Đạt", "not_met": "Chưa đạt", "not_comparable": "Không so sánh được",
              "not_reported": "Chưa báo cáo", "not_applicable": "Không áp dụng (-)", "no_target": "Chưa có chỉ tiêu"}
    lines = [
        "# Dữ liệu mẫu chỉ tiêu / indicator samples",
        "",
        "> Tệp này do `python samples/make_indicator_samples.py` sinh ra; đừng sửa tay. Dữ kiện dạng máy đọc:",
        "> `expected.json`.",
        "",
        "Bảng chỉ tiêu (Phụ lục I \"DANH MỤC CÁC CHỈ TIÊU CỤ THỂ\") của kế hoạch cấp huyện trong",
        "`shared/seeds/004_0f30438fdb31a57c.txt` làm danh mục, và số liệu của ba đơn vị:",
        "",
        "```bash",
        "nq57 indicators --catalog samples/indicators/chi-tieu.xlsx samples/indicators/ --milestone 2025 -o chi-tieu-tong-hop.xlsx",
        "nq57 render --form chi-tieu -i chi-tieu-tong-hop.xlsx -o phu-luc-chi-tieu.docx",
        "```",
        "",
        "| Tệp | Đơn vị | Sheet | Dòng tiêu đề |",
        "|---|---|---|---|",
        f"| chi-tieu.xlsx | danh mục ({facts['catalog']['indicators']} chỉ tiêu, kể cả {len(HEADINGS)} chỉ tiêu cha) | "
        f"Phụ lục I | 5–6 |",
    ]
    for file, f in facts["submissions"].items():
        lines.append(f"| {file} | {f['agency']} | {f['sheet']} | {f['header_row']} |")
    lines += ["", "## Đánh giá mốc 2025 mà dữ liệu mẫu cho ra", "", "| Đánh giá | Số chỉ tiêu | Chỉ tiêu |", "|---|---|---|"]
    for status, label in labels.items():
        codes = [c for c, e in facts["evaluation"].items() if e["status"] == status]
        lines.append(f"| {label} | {len(codes)} | {', '.join(codes)} |")
    lines += ["", "## Các điểm lộn xộn cố ý", "", "| Tệp | Vị trí | Vấn đề |", "|---|---|---|"]
    lines += [f"| {p['file']} | {p['where']} | {p['what'].replace('|', '/')} |" for p in facts["problems"]]
    lines += ["", "## English summary", "",
              "The indicator table of seed 004 as the catalog (targets as written: \"≥ 01\", \"≥  70\", \"-\", \"X\",",
              "a target with an explanation in brackets; the seed's missing \"10\" kept) and three agencies' values with",
              "decimal commas, \"%\" in cells, a percent-formatted cell, a thousands dot in a count of another unit, a",
              "text value, a blank value, a settled conflict (2.3, the monitoring agency's value wins) and an unsettled",
              "one (2.4), a copied target that differs from the catalog, and one unknown indicator (the only error).", ""]
    (OUT / "README.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rows = make_catalog()
    make_vh()
    make_nv()
    make_vp()
    facts = expected_facts(rows)
    (OUT / "expected.json").write_text(json.dumps(facts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_readme(facts)
    print(f"{len(SEED)} indicators, {len(FILES)} agencies, {len(PROBLEMS)} deliberate problems → {OUT}")


if __name__ == "__main__":
    main()
