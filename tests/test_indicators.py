"""Indicators (chỉ tiêu): target/value parsing table-driven from seed 004 and the Vietnamese number
forms, exact evaluation at the boundaries, the hierarchy, conflicts, the samples end to end, the
`nq57 indicators` command, indicators.xlsx round trip, and the chi-tieu appendix read back."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm
from typer.testing import CliRunner

from conftest import SAMPLES, sha256, write_xlsx, office_config
from nq57cli.cli.app import app
from nq57cli.domain.config import ReportConfig
from nq57cli.domain.overrides import apply_overrides
from nq57cli.errors import UnreadableInputError, UsageError
from nq57cli.domain.forms import FORMS, builtin_templates_dir
from nq57cli.write.indicatorbook import INDICATORS_SHEET, read_indicator_book, write_indicators
from nq57cli.indicators.consolidate import merge_indicators
from nq57cli.indicators.evaluate import assessment_text, evaluate
from nq57cli.indicators.read import INDICATORS, field_for, load_indicator_catalog
from nq57cli.indicators.values import code_key, parse_code, parse_number, parse_target, parse_value
from nq57cli.domain.models import MergeResult, Task
from nq57cli.read.reader import read_table
from nq57cli.render.context import build_context
from nq57cli.render.document import render_document

FOLDER = SAMPLES / "indicators"
CATALOG = FOLDER / "chi-tieu.xlsx"
FILES = sorted(p for p in FOLDER.glob("*.xlsx") if p != CATALOG)
EXPECTED = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))
VH = "Phòng Văn hoá, Khoa học và Thông tin"
runner = CliRunner()


@pytest.fixture(scope="module")
def result():
    before = {p: sha256(p) for p in FILES + [CATALOG]}
    merged = merge_indicators(FILES, CATALOG, "2025")
    assert {p: sha256(p) for p in before} == before  # inputs untouched
    return merged


def by_code(result) -> dict:
    return {i.code: i for i in result.indicators}


def test_samples_are_what_their_script_makes(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_indicator_samples", SAMPLES / "make_indicator_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUT", tmp_path)
    monkeypatch.setattr(module, "CATALOG", tmp_path / "chi-tieu.xlsx")
    module.main()
    committed = sorted(p.name for p in FOLDER.iterdir())
    assert committed == sorted(p.name for p in tmp_path.iterdir())
    for name in committed:
        assert (tmp_path / name).read_bytes() == (FOLDER / name).read_bytes(), f"{name}: run the script again"


# ----------------------------------------------------------------------------------- targets

D = Decimal
# Every form of target cell in seed 004 (Phụ lục I), then the other forms agencies write.
TARGETS = [
    # raw, kind, operator, number, upper, unit
    ("≥ 01", "number", "≥", D(1), None, None),
    ("≥ 05", "number", "≥", D(5), None, None),
    ("≥ 10", "number", "≥", D(10), None, None),
    ("≥  70", "number", "≥", D(70), None, None),  # doubled space, as in the seed
    ("≥  25", "number", "≥", D(25), None, None),
    ("≥80", "number", "≥", D(80), None, None),  # no space
    ("≥50", "number", "≥", D(50), None, None),
    ("≥ 1,0", "number", "≥", D("1.0"), None, None),  # decimal comma
    ("≥ 1,5", "number", "≥", D("1.5"), None, None),
    ("≥ 2,5", "number", "≥", D("2.5"), None, None),
    ("100", "number", None, D(100), None, None),
    ("2", "number", None, D(2), None, None),
    (30, "number", None, D(30), None, None),  # a plain figure typed as a number in Excel
    (100.0, "number", None, D(100), None, None),
    ("-", "not_applicable", None, None, None, None),
    ("X", "to_do", None, None, None, None),
    ("x", "to_do", None, None, None, None),
    ("100 (Các hệ thống đảng số, chính quyền số vận hành hoàn toàn thông minh.)", "number", None, D(100), None, None),
    # other forms
    (">= 80", "number", "≥", D(80), None, None),
    ("=> 80", "number", "≥", D(80), None, None),
    ("≤5", "number", "≤", D(5), None, None),
    ("<= 5", "number", "≤", D(5), None, None),
    ("> 90", "number", ">", D(90), None, None),
    ("< 3", "number", "<", D(3), None, None),
    ("= 2", "number", "=", D(2), None, None),
    ("100%", "number", None, D(100), None, "%"),
    ("80% dân số", "number", None, D(80), None, "% dân số"),
    ("80-90", "number", "range", D(80), D(90), None),
    ("80 – 90", "number", "range", D(80), D(90), None),
    ("Từ 80 đến 90%", "number", "range", D(80), D(90), "%"),
    ("78,52%", "number", None, D("78.52"), None, "%"),
    ("957.600", "number", None, D(957600), None, None),
    ("1,5", "number", None, D("1.5"), None, None),
    ("Tối thiểu 80%", "number", "≥", D(80), None, "%"),
    ("Đạt 100%", "number", "≥", D(100), None, "%"),
    ("Không quá 5%", "number", "≤", D(5), None, "%"),
    ("Dưới 2", "number", "<", D(2), None, None),
    ("≥ 10 doanh nghiệp", "number", "≥", D(10), None, "doanh nghiệp"),
    ("(-)", "not_applicable", None, None, None, None),
    ("Dịch vụ y tế đạt chuẩn tiên tiến", "text", None, None, None, None),
    ("Hoàn thành trước năm 2030", "text", None, None, None, None),
    ("2 hệ thống được đưa vào vận hành và kết nối liên thông", "text", None, None, None, None),
]


@pytest.mark.parametrize("raw, kind, operator, number, upper, unit", TARGETS)
def test_parse_target(raw, kind, operator, number, upper, unit):
    target = parse_target(raw)
    assert (target.kind, target.operator, target.number, target.upper, target.unit) == (kind, operator, number, upper,
                                                                                         unit)
    assert target.raw  # the cell as written is always kept


def test_target_note_and_blank_cells():
    target = parse_target("100 (Các hệ thống đảng số, chính quyền số vận hành hoàn toàn thông minh.)")
    assert target.note == "Các hệ thống đảng số, chính quyền số vận hành hoàn toàn thông minh."
    assert parse_target(None) is None and parse_target("") is None and parse_target("   ") is None


def test_every_target_cell_of_the_seed_catalog_is_understood():
    catalog = load_indicator_catalog(CATALOG)
    cells = [(i.code, m, t) for i in catalog.indicators for m, t in i.targets.items()]
    assert len(cells) == 30 * 5 + 4 + 1  # 32 indicators below the 6 parents: 1.1 has no 2025, 2.6 only "X"
    assert [(c, m) for c, m, t in cells if t.kind == "text"] == []
    assert {t.kind for _, _, t in cells} == {"number", "not_applicable", "to_do"}


NUMBERS = [
    ("78,52", D("78.52")), ("957.600", D(957600)), ("1,5", D("1.5")), ("1.5", D("1.5")), ("1.500", D(1500)),
    ("0.500", D("0.5")), ("1.234.567", D(1234567)), ("1.234,5", D("1234.5")), ("1,234.5", D("1234.5")),
    ("957 600", D(957600)), ("01", D(1)), ("79,99", D("79.99")), ("1.2.3", None), ("1,2,3", None), ("12.34.5", None),
]


@pytest.mark.parametrize("text, number", NUMBERS)
def test_vietnamese_number_forms(text, number):
    """Decimal comma; a dot before exactly three digits groups thousands, any other dot is a decimal point."""
    assert parse_number(text) == number


VALUES = [
    ("80", "number", None, D(80), None),
    ("79,99%", "number", None, D("79.99"), "%"),
    (79.99, "number", None, D("79.99"), None),
    ("Đạt 85%", "number", None, D(85), "%"),  # a value "reached": exact
    ("Trên 90%", "number", ">", D(90), "%"),  # a lower bound
    ("957.600 hồ sơ", "number", None, D(957600), "hồ sơ"),
    ("X", "to_do", None, None, None),
    ("-", "not_applicable", None, None, None),
    ("Đang triển khai", "text", None, None, None),
    ("Đạt", "text", None, None, None),
]


@pytest.mark.parametrize("raw, kind, operator, number, unit", VALUES)
def test_parse_value(raw, kind, operator, number, unit):
    value = parse_value(raw)
    assert (value.kind, value.operator, value.number, value.unit) == (kind, operator, number, unit)


# -------------------------------------------------------------------------------- evaluation

EVALUATIONS = [
    # target, value, unit, status, gap, direction, reason
    ("≥ 80", "80", "%", "met", None, None, None),
    ("≥ 80", "79,99", "%", "not_met", D("0.01"), "below", None),
    ("≥ 80", 79.99, "%", "not_met", D("0.01"), "below", None),
    ("≥ 80", "80,01%", "%", "met", None, None, None),
    ("> 80", "80", "%", "not_met", D(0), "below", None),
    ("≤5", "5", "%", "met", None, None, None),
    ("≤5", "5,01", "%", "not_met", D("0.01"), "above", None),
    ("< 5", "5", None, "not_met", D(0), "above", None),
    ("80-90", "80", "%", "met", None, None, None),
    ("80-90", "90", "%", "met", None, None, None),
    ("80 – 90", "79,9", "%", "not_met", D("0.1"), "below", None),
    ("80 – 90", "90,5", "%", "not_met", D("0.5"), "above", None),
    ("= 2", "2", None, "met", None, None, None),
    ("= 2", "3", None, "not_met", D(1), "above", None),
    ("100", "100%", "%", "met", None, None, None),
    ("100", "99", "%", "not_met", D(1), "below", None),
    (30, 30.0, "%", "met", None, None, None),
    ("≥ 1,0", "1", "% tổng chi NSNN", "met", None, None, None),
    ("≥ 01", "0", "Sáng kiến", "not_met", D(1), "below", None),
    ("≥ 10", "12 doanh nghiệp", "Doanh nghiệp", "met", None, None, None),
    ("≥ 50", "55%", "% dân số", "met", None, None, None),
    ("≥ 80", "Trên 85%", "%", "met", None, None, None),  # a lower bound above the target proves it
    ("≥ 80", "Trên 70%", "%", "not_comparable", None, None, "value_bound"),
    ("-", "50", "%", "not_applicable", None, None, None),
    ("-", None, "%", "not_applicable", None, None, None),
    ("X", "Đã hoàn thành", "Hoàn thành", "not_comparable", None, None, "target_to_do"),
    ("X", None, "Hoàn thành", "not_reported", None, None, None),
    ("Dịch vụ y tế đạt chuẩn", "100", "%", "not_comparable", None, None, "target_text"),
    ("≥ 80", "Đang triển khai", "%", "not_comparable", None, None, "value_text"),
    ("≥ 80", "X", "%", "not_comparable", None, None, "value_text"),
    ("≥  70", "957.600 hồ sơ", "%", "not_comparable", None, None, "unit_mismatch"),
    ("≥ 10", "12%", "Doanh nghiệp", "not_comparable", None, None, "unit_mismatch"),
    (None, "5", "%", "no_target", None, None, None),
    ("≥ 80", None, "%", "not_reported", None, None, None),
]


@pytest.mark.parametrize("target, value, unit, status, gap, direction, reason", EVALUATIONS)
def test_evaluation(target, value, unit, status, gap, direction, reason):
    got = evaluate(parse_target(target), parse_value(value), unit)
    assert (got.status, got.gap, got.direction, got.reason) == (status, gap, direction, reason)


def test_assessment_text_in_the_indicator_unit():
    assert assessment_text("not_met", D("0.01"), "below", "%") == "Chưa đạt (thiếu 0,01%)"
    assert assessment_text("not_met", D("0.2"), "below", "% GRDP") == "Chưa đạt (thiếu 0,2% GRDP)"
    assert assessment_text("not_met", D(2), "below", "Doanh nghiệp") == "Chưa đạt (thiếu 2 doanh nghiệp)"
    assert assessment_text("not_met", D(957600), "above", None) == "Chưa đạt (vượt 957.600)"
    assert assessment_text("met", None, None, "%") == "Đạt"
    assert assessment_text("not_comparable", None, None, "%") == "Không so sánh được"
    assert assessment_text("not_reported", None, None, "%") == "Chưa báo cáo"
    assert assessment_text("not_met", D("1.5"), "below", "%", "en") == "Not met (short by 1,5%)"


# --------------------------------------------------------------------------------- hierarchy


def test_codes():
    assert [parse_code(v) for v in ("1", "1.1", "1.1.", " 2 ", "10.3", "01.1", 10.0, 2.1, 1, "Ghi chú", "I", None)] == \
        ["1", "1.1", "1.1", "2", "10.3", "1.1", "10", "2.1", "1", None, None, None]
    assert sorted(["10.3", "9", "10.1", "2", "10.2", "1.1", "1"], key=code_key) == \
        ["1", "1.1", "2", "9", "10.1", "10.2", "10.3"]


def test_catalog_hierarchy_parents_and_order():
    catalog = load_indicator_catalog(CATALOG)
    codes = [i.code for i in catalog.indicators]
    assert len(codes) == EXPECTED["catalog"]["indicators"] == 38
    assert codes[:6] == ["1", "1.1", "1.2", "1.3", "1.4", "2"]
    assert codes.index("10.3") == codes.index("10.2") + 1 and codes.index("10.1") == codes.index("9") + 1
    indicators = {i.code: i for i in catalog.indicators}
    assert indicators["1"].children == ["1.1", "1.2", "1.3", "1.4"]
    assert indicators["1.1"].parent == "1" and indicators["1.1"].level == 2
    assert indicators["12"].children == ["12.1"] and indicators["3"].children == []
    assert [c for c, i in indicators.items() if i.is_heading] == EXPECTED["catalog"]["headings"]
    assert indicators["1"].targets == {} and indicators["1"].unit is None  # parents kept without targets
    assert catalog.milestones == ["2025", "2030", "2035", "2040", "2045"]
    assert catalog.milestone_headers["2025"] == "Đến hết năm 2025"
    # "9 Hạ tầng số" then 10.1–10.3: the seed's slip is kept and flagged, never renumbered
    assert indicators["10.1"].parent == "10" and "10" not in indicators and indicators["9"].children == []
    missing = [f for f in catalog.findings if f.code == "indicator.missing_parent"]
    assert len(missing) == 1 and missing[0].params == {"parent": "10", "codes": "10.1, 10.2, 10.3"}
    assert (missing[0].sheet, missing[0].cell) == ("Phụ lục I", f"A{EXPECTED['catalog']['rows']['10.1']}")
    # a monitoring agency merged down 1.1–1.4 belongs to each row, addressed by the merged cell
    rows = EXPECTED["catalog"]["rows"]
    assert indicators["1.3"].monitor == VH and indicators["1.3"].cells["monitor"] == f"Phụ lục I!I{rows['1.1']}"
    assert indicators["2.6"].targets["2045"].kind == "to_do" and "2025" not in indicators["1.1"].targets


def test_hand_made_catalog_with_sections_and_one_header_row(tmp_path):
    rows = [
        ["DANH MỤC CHỈ TIÊU"],
        [],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2030", "Cơ quan theo dõi"],
        ["I", "CHỈ TIÊU VỀ KHOA HỌC, CÔNG NGHỆ"],
        [1, "Đổi mới sáng tạo"],
        ["1.1", "Số doanh nghiệp khởi nghiệp", "Doanh nghiệp", "≥ 5", "≥ 10", "Sở KHCN"],
        ["1.2", "Tỷ lệ doanh nghiệp ứng dụng công nghệ số", "%", 30, 60, "Sở KHCN"],
        ["II", "CHỈ TIÊU VỀ CHUYỂN ĐỔI SỐ"],
        [2, "Tỷ lệ hồ sơ trực tuyến", "%", "≥ 70", 100, "Văn phòng"],
        ["1.2", "Trùng số thứ tự", "%", 1, 2, None],
        ["Ghi chú: (-): Chưa thực hiện; (X): Thực hiện"],
    ]
    path = write_xlsx(tmp_path / "ct.xlsx", rows, sheet="Chỉ tiêu", merges=["A1:F1"])
    catalog = load_indicator_catalog(path)
    assert [i.code for i in catalog.indicators] == ["1", "1.1", "1.2", "2"]
    assert [g.title for g in catalog.groups] == ["I. CHỈ TIÊU VỀ KHOA HỌC, CÔNG NGHỆ", "II. CHỈ TIÊU VỀ CHUYỂN ĐỔI SỐ"]
    assert [i.group for i in catalog.indicators] == ["I", "I", "I", "II"]
    assert catalog.indicators[0].is_heading and not catalog.indicators[3].is_heading
    duplicate = [f for f in catalog.findings if f.code == "indicator.duplicate_code"]
    assert len(duplicate) == 1 and duplicate[0].cell == "A10" and duplicate[0].severity == "error"


def test_one_reader_two_schemas():
    """The shared reader finds the indicator table with the indicator schema and the task table with
    the default one; neither mistakes the other's table for its own."""
    indicators = read_table(CATALOG, schema=INDICATORS).table
    assert (indicators.sheet, indicators.header_row, indicators.data_row) == ("Phụ lục I", 5, 7)
    assert set(indicators.columns) == {"stt", "name", "unit", "monitor", "target_2025", "target_2030", "target_2035",
                                       "target_2040", "target_2045"}
    assert read_table(CATALOG).table is None and read_table(CATALOG).findings[0].code == "sheet.no_header"
    tasks = read_table(SAMPLES / "catalog.xlsx", schema=INDICATORS)
    assert tasks.table is None and tasks.findings[0].code == "indicator.no_header"


@pytest.mark.parametrize("header, field", [
    ("Đến hết năm 2025", "target_2025"), ("Đến năm 2030", "target_2030"), ("Năm 2025", "target_2025"),
    ("2025", "target_2025"), ("Chỉ tiêu năm 2025", "target_2025"), ("Giai đoạn 2026 - 2030", "target_2030"),
    ("Kết quả đạt được", "value"), ("Giá trị thực hiện", "value"), ("Kết quả thực hiện", "value"),
    ("Kết quả năm 2025", "value_2025"), ("Tên chỉ tiêu", "name"), ("Chỉ tiêu", "name"), ("Đơn vị", "unit"),
    ("Đơn vị tính", "unit"), ("ĐVT", "unit"), ("Cơ quan chủ trì theo dõi, đánh giá", "monitor"), ("STT", "stt"),
    ("Ghi chú", "note"), ("Đơn vị báo cáo", None), ("Mốc đánh giá", None),
])
def test_indicator_header_aliases(header, field):
    assert field_for(header) == field


# ------------------------------------------------------------------------- samples end to end


def test_each_sample_evaluates_as_built(result):
    indicators = by_code(result)
    for code, expected in EXPECTED["evaluation"].items():
        a = indicators[code].assessment
        assert a is not None, code
        assert (a.status, str(a.gap) if a.gap is not None else None) == (expected["status"], expected["gap"]), code
    assert [c for c, i in indicators.items() if i.assessment is None] == EXPECTED["catalog"]["headings"]
    assert result.counts() == {s: EXPECTED["counts"].get(s, 0) for s in result.counts()}
    assert result.milestone == "2025"


def test_samples_agencies_values_and_cells(result):
    agencies = {i.name: (i.agency, i.sheet, i.header_row) for i in result.inputs if i.role == "submission"}
    assert agencies == {name: (f["agency"], f["sheet"], f["header_row"]) for name, f in EXPECTED["submissions"].items()}
    indicators = by_code(result)
    nv = indicators["2.2"].values[0]
    assert (nv.agency, nv.file, nv.cell, nv.raw) == ("Phòng Nội vụ", "phong-noi-vu.xlsx", "Sheet1!D6", "79,99%")
    assert indicators["2.2"].assessment.text("%") == "Chưa đạt (thiếu 0,01%)"
    percent = indicators["4.3"].values[0]
    assert (percent.raw, percent.value.number, percent.cell) == ("70%", D(70), "Báo cáo!E7")
    assert [v.match_method for v in indicators["2.3"].values] == ["code", "name"]  # NV wrote no STT for 2.3


def test_conflicts_between_agencies(result):
    indicators = by_code(result)
    settled = indicators["2.3"]
    assert settled.assessment.agency == VH and settled.assessment.value.raw == "82,5" and settled.assessment.conflict
    assert settled.assessment.status == "met"
    unsettled = indicators["2.4"]
    assert unsettled.assessment.status == "not_comparable" and unsettled.assessment.reason == "conflict"
    assert unsettled.assessment.value is None
    codes = {(f.code, f.params.get("indicator")) for f in result.findings}
    assert ("indicator.conflict", "2.3") in codes and ("indicator.conflict_unresolved", "2.4") in codes
    same = [f for f in result.findings if f.code.startswith("indicator.conflict") and f.params["indicator"] not in
            ("2.3", "2.4")]
    assert same == []


def test_findings_point_at_cells(result):
    got = {(f.file, f"{f.sheet}!{f.cell}", f.code) for f in result.findings}
    for expected in [
        ("van-phong-hdnd-ubnd-huyen.xlsx", "Báo cáo!E8", "indicator.unit_mismatch"),
        ("van-phong-hdnd-ubnd-huyen.xlsx", "Báo cáo!D6", "indicator.target_differs"),
        ("van-phong-hdnd-ubnd-huyen.xlsx", "Báo cáo!E7", "indicator.percent_cell"),
        ("phong-van-hoa-khoa-hoc-thong-tin.xlsx", "Chỉ tiêu!E22", "indicator.value_text"),
        ("phong-noi-vu.xlsx", "Sheet1!B7", "indicator.name_match"),
    ]:
        assert expected in got, expected
    errors = sorted([f.file, f"{f.sheet}!{f.cell}", f.code] for f in result.errors())
    assert errors == EXPECTED["errors"]
    assert [(v.code, v.raw) for v in result.unmatched] == [("4.9", "24")]
    english = next(f for f in result.findings if f.code == "indicator.unit_mismatch").message("en")
    assert "not comparable" in english and "957.600 hồ sơ" in english


def test_target_x_is_not_comparable_at_2045():
    later = merge_indicators(FILES, CATALOG, 2045)
    indicators = by_code(later)
    assert later.milestone == "2045"
    assert indicators["2.6"].assessment.status == "not_reported"  # X, but nobody reported
    finding_codes = {f.code for f in later.findings}
    assert "indicator.target_to_do" not in finding_codes
    assert indicators["2.2"].assessment.status == "not_met"  # 79,99 against 100
    assert indicators["2.2"].assessment.gap == D("20.01")


def test_same_figure_written_differently_is_no_conflict(tmp_path):
    header = ["STT", "Tên chỉ tiêu", "Đơn vị", "Kết quả đạt được"]
    name = "Tỷ lệ cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số căn bản"
    a = write_xlsx(tmp_path / "a.xlsx", [["Đơn vị: Phòng Nội vụ"], header, ["2.2", name, "%", "80%"]])
    b = write_xlsx(tmp_path / "b.xlsx", [["Đơn vị: Phòng Tư pháp"], header, ["2.2", name, "%", 80]])
    c = write_xlsx(tmp_path / "c.xlsx", [["Đơn vị: Phòng Y tế"], header, ["2.2", name, "%", "80,0"]])
    merged = merge_indicators([a, b, c], CATALOG)
    indicator = by_code(merged)["2.2"]
    assert len(indicator.values) == 3 and not indicator.assessment.conflict
    assert indicator.assessment.status == "met" and indicator.assessment.agency == "Phòng Nội vụ"  # the monitor first
    assert not [f for f in merged.findings if f.code.startswith("indicator.conflict")]
    d = write_xlsx(tmp_path / "d.xlsx", [["Đơn vị: Phòng Y tế"], header, ["2.2", name, "%", "78"]])
    again = by_code(merge_indicators([a, d], CATALOG))["2.2"]
    assert again.assessment.conflict and again.assessment.value.raw == "80%"  # Phòng Nội vụ monitors 2.2


def test_duplicate_row_and_unknown_milestone(tmp_path):
    header = ["STT", "Tên chỉ tiêu", "Đơn vị", "Kết quả đạt được"]
    path = write_xlsx(tmp_path / "dup.xlsx", [header, ["3", "Quy mô kinh tế số", "% GRDP", 7],
                                              ["3", "Quy mô kinh tế số", "% GRDP", 8]])
    merged = merge_indicators([path], CATALOG)
    duplicate = [f for f in merged.errors() if f.code == "indicator.duplicate_report"]
    assert len(duplicate) == 1 and duplicate[0].cell == "D3"
    assert by_code(merged)["3"].assessment.status == "met"
    with pytest.raises(UsageError, match="2027"):
        merge_indicators([path], CATALOG, "2027")
    with pytest.raises(UnreadableInputError):
        merge_indicators([path], tmp_path / "missing.xlsx")


def test_the_unit_column_of_the_agency_counts(tmp_path):
    header = ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Kết quả đạt được"]
    rows = [header, ["4.4", "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến.", "Hồ sơ", "957.600"],
            ["4.3", "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa", "Tỷ lệ (%)", "71"]]
    indicators = by_code(merge_indicators([write_xlsx(tmp_path / "vp.xlsx", rows)], CATALOG))
    assert indicators["4.4"].assessment.reason == "unit_mismatch"
    assert indicators["4.3"].assessment.status == "met"


# ------------------------------------------------------------------------------------- CLI


def run(*args: str):
    return runner.invoke(app, list(args))


def test_cli_json_equals_library_and_exit_1_for_the_deliberate_error(tmp_path):
    out = tmp_path / "indicators.xlsx"
    done = run("indicators", "--catalog", str(CATALOG), *map(str, FILES), "--milestone", "2025", "-o", str(out),
               "--json")
    assert done.exit_code == 1  # the sample's unknown indicator 4.9
    assert json.loads(done.stdout) == merge_indicators(FILES, CATALOG, "2025").to_json_dict("vi")
    assert out.exists()
    assert "4.9" in done.stderr or "B11" in done.stderr


def test_cli_table_folder_input_and_clean_exit_0(tmp_path):
    clean = [p for p in FILES if "van-phong" not in p.name]
    done = run("indicators", "-c", str(CATALOG), *map(str, clean), "-o", str(tmp_path / "a.xlsx"))
    assert done.exit_code == 0, done.output
    assert "Đến hết năm 2025" in done.stdout and "Chưa đạt" in done.stdout and "Đã ghi" in done.stdout
    folder = run("indicators", "-c", str(CATALOG), str(FOLDER), "-o", str(tmp_path / "b.xlsx"), "--lang", "en")
    assert folder.exit_code == 1 and "Not met" in folder.stdout  # the folder's own catalog is not a submission
    assert "Written" in folder.stdout


def test_cli_usage_and_unreadable_exit_codes(tmp_path):
    assert run("indicators", str(FOLDER), "-o", str(tmp_path / "x.xlsx")).exit_code == 2  # --catalog is required
    bad = run("indicators", "-c", str(CATALOG), str(FILES[0]), "--milestone", "2027", "-o", str(tmp_path / "x.xlsx"))
    assert bad.exit_code == 2 and "2027" in bad.stderr
    missing = run("indicators", "-c", str(tmp_path / "nope.xlsx"), str(FILES[0]), "-o", str(tmp_path / "x.xlsx"))
    assert missing.exit_code == 3
    overwrite = run("indicators", "-c", str(CATALOG), str(FILES[0]), "-o", str(FILES[0]))
    assert overwrite.exit_code == 2 and sha256(FILES[0])


# --------------------------------------------------------------------------- indicators.xlsx


def test_workbook_round_trip_and_an_edit_in_excel(result, tmp_path):
    from openpyxl import load_workbook

    path = write_indicators(result, tmp_path / "indicators.xlsx")
    back = read_indicator_book(path)
    assert back.milestone == "2025" and back.milestones == result.milestones
    assert [i.code for i in back.indicators] == [i.code for i in result.indicators]
    assert back.counts() == result.counts()
    assert {i.code: i.assessment.status for i in back.indicators if i.assessment} == \
        {i.code: i.assessment.status for i in result.indicators if i.assessment}
    assert by_code(back)["2.3"].values[1].agency == "Phòng Nội vụ"  # every agency's value comes back too
    book = load_workbook(path)
    sheet = book[INDICATORS_SHEET]
    headers = [c.value for c in sheet[1]]
    value_col = headers.index("Kết quả đạt được") + 1
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == "2.4")
    assert sheet.cell(row, value_col).value == "80 / 85"  # the unsettled conflict, to be edited
    sheet.cell(row, value_col).value = "85"
    row22 = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == "2.2")
    sheet.cell(row22, value_col).value = 80
    book.save(path)
    edited = by_code(read_indicator_book(path))
    assert edited["2.4"].assessment.status == "met" and edited["2.2"].assessment.status == "met"
    later = read_indicator_book(path, milestone="2030")
    assert later.milestone == "2030" and by_code(later)["2.4"].assessment.gap == D(5)


def test_not_an_indicator_workbook(tmp_path):
    with pytest.raises(UnreadableInputError, match="nq57 indicators"):
        read_indicator_book(SAMPLES / "catalog.xlsx")


# --------------------------------------------------------------------------------- chi-tieu


@pytest.fixture()
def config() -> ReportConfig:
    return office_config({"document.number": "300", "document.date": "2025-09-20"})


EMPTY = MergeResult(tasks=[], groups=[], findings=[], inputs=[])


def test_chi_tieu_form_is_registered():
    form = FORMS["chi-tieu"]
    assert form.data == "indicators" and form.orientation == "landscape" and form.kind == "appendix"
    assert (builtin_templates_dir() / form.template).is_file()


def test_chi_tieu_appendix_read_back(result, config, tmp_path):
    path = render_document(EMPTY, "chi-tieu", config, tmp_path / "chi-tieu.docx", indicators=result)
    doc = Document(str(path))
    assert len(doc.sections) == 1
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert abs(section.page_width - Mm(297)) <= Mm(0.1) and abs(section.left_margin - Mm(30)) <= Mm(0.1)
    texts = [p.text for p in doc.paragraphs]
    assert texts[:2] == ["PHỤ LỤC", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỤ THỂ"]
    assert texts[2] == ("(Kèm theo Báo cáo số 300/BC-SKHCN ngày 20/09/2025 của Sở Khoa học và Công nghệ tỉnh "
                        "Quảng Ngãi)")
    assert "Ghi chú: (-): Chưa thực hiện; (X): Thực hiện." in texts
    assert any(t.startswith("Đánh giá so với mục tiêu “Đến hết năm 2025”: 15 chỉ tiêu đạt, 5 chưa đạt, 3 không so "
                            "sánh được, 4 chưa báo cáo") for t in texts)
    table = doc.tables[0]
    assert len(table.rows) == 2 + len(result.indicators) == 40  # two header rows + every indicator, parents too
    top, bottom = table.rows[0], table.rows[1]
    for header in (top, bottom):
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in bottom.cells] == [
        "STT", "Tên chỉ tiêu", "Đơn vị", "Đến hết năm 2025", "Đến năm 2030", "Đến năm 2035", "Đến năm 2040",
        "Đến năm 2045", "Cơ quan chủ trì theo dõi, đánh giá", "Kết quả đạt được", "Đánh giá"]
    assert top.cells[3].text == "Mục tiêu" and top.cells[3]._tc is top.cells[7]._tc
    rows = {r.cells[0].text: r for r in list(table.rows)[2:]}
    for code in EXPECTED["catalog"]["headings"]:
        runs = [run for cell in rows[code].cells for p in cell.paragraphs for run in p.runs if run.text]
        assert runs and all(run.bold for run in runs), code
        assert runs[0].font.name == "Times New Roman"
    assert not any(run.bold for p in rows["2.2"].cells[1].paragraphs for run in p.runs)
    assert [c.text for c in rows["2.2"].cells] == [
        "2.2", "Tỷ lệ cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số căn bản", "%", "≥ 80", "100", "100", "100",
        "100", "Phòng Nội vụ", "79,99%", "Chưa đạt (thiếu 0,01%)"]
    assert rows["4.7"].cells[7].text == "100 (Các hệ thống đảng số, chính quyền số vận hành hoàn toàn thông minh.)"
    assert [rows["2.4"].cells[9].text, rows["2.4"].cells[10].text] == ["80 / 85", "Không so sánh được"]
    assert [rows["3"].cells[9].text, rows["3"].cells[10].text] == ["", "Chưa báo cáo"]
    assert [rows["1.1"].cells[3].text, rows["10.3"].cells[3].text] == ["", "-"]
    assert rows["2.6"].cells[7].text == "X"
    assert list(rows)[list(rows).index("10.2") + 1] == "10.3"


def test_chi_tieu_through_the_cli(tmp_path):
    book = tmp_path / "indicators.xlsx"
    assert run("indicators", "-c", str(CATALOG), *map(str, FILES), "-o", str(book)).exit_code == 1
    out = tmp_path / "pl.docx"
    done = run("render", "--form", "chi-tieu", "-i", str(book), "-o", str(out))
    assert done.exit_code == 0, done.output
    assert len(Document(str(out)).tables[0].rows) == 40
    now = run("render", "--form", "chi-tieu", "--catalog", str(CATALOG), *map(str, FILES), "--milestone", "2030",
              "-o", str(tmp_path / "pl2030.docx"))
    assert now.exit_code == 0, now.output
    assert any("“Đến năm 2030”" in p.text for p in Document(str(tmp_path / "pl2030.docx")).paragraphs)
    missing = run("render", "--form", "chi-tieu", "-i", str(tmp_path / "nope.xlsx"), "-o", str(tmp_path / "x.docx"))
    assert missing.exit_code == 3


def test_bao_cao_gets_indicator_figures_only_when_given(result, config, tmp_path):
    task = Task(task_id="NV-01", order=1, title="Nhiệm vụ thử", status="completed")
    tasks = MergeResult(tasks=[task], groups=[], findings=[], inputs=[])
    assert build_context(tasks, config, "bao-cao")["indicators"] is None
    figures = build_context(tasks, config, "bao-cao", indicators=result)["indicators"]
    assert (figures["met"], figures["not_met"], figures["total"], figures["percent_met"]) == (15, 5, 32, "46,88%")
    assert [s["code"] for s in figures["by_status"]] == ["met", "not_met", "not_comparable", "not_reported",
                                                         "not_applicable", "no_target"]
    plain = render_document(tasks, "bao-cao", config, tmp_path / "a.docx")
    with_figures = render_document(tasks, "bao-cao", config, tmp_path / "b.docx", indicators=result)
    assert plain.read_bytes() == with_figures.read_bytes()  # the built-in BC does not change
    with_appendix = apply_overrides(config, {"report.appendices": "phu-luc-03,chi-tieu"})
    with pytest.raises(UsageError, match="chi-tieu"):
        render_document(tasks, "bao-cao", with_appendix, tmp_path / "c.docx")
    doc = Document(str(render_document(tasks, "bao-cao", with_appendix, tmp_path / "c.docx", indicators=result)))
    assert [s.orientation for s in doc.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.LANDSCAPE]
    assert len(doc.tables[-1].rows) == 40


def test_user_template_prints_the_figures(result, config, tmp_path):
    template = Document()
    template.add_paragraph("{% if indicators %}Mốc {{ indicators.milestone_label }}: {{ indicators.met }}/"
                           "{{ indicators.total }} chỉ tiêu đạt ({{ indicators.percent_met }}){% endif %}")
    path = tmp_path / "mine.docx"
    template.save(str(path))
    doc = Document(str(render_document(EMPTY, "bao-cao", apply_overrides(config, {"report.appendices": "[]"}),
                                       tmp_path / "out.docx", template=path, indicators=result)))
    assert doc.paragraphs[0].text == "Mốc Đến hết năm 2025: 15/32 chỉ tiêu đạt (46,88%)"
