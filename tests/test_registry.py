"""Who is who (registry.py, agency.py): catalogs written the way a province writes them (seed 003's
appendices: comma-separated partners, names with commas and "và", several leads, collective phrases),
title blocks of every form, and every command naming each agency the same way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from conftest import HEADER, write_xlsx, office_config
from nq57cli.domain.agency import agency_key, display_name, is_collective, split_agencies
from nq57cli.write.agencybook import write_agency_templates
from nq57cli.write.agencyplan import plan_templates
from nq57cli.cli.app import app
from nq57cli.tasks.catalog import load_catalog
from nq57cli.tasks.merge import merge
from nq57cli.tasks.missing import missing_report
from nq57cli.domain.registry import Agency, Registry, identify_sender
from nq57cli.read.agencylist import read_agencies


@pytest.mark.parametrize("cell, names", [
    ("Sở Nội vụ, Sở Tài chính, Sở Tư pháp", ["Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp"]),
    ("Sở Văn hóa, Thể thao và Du lịch, Sở Y tế và Công an tỉnh",
     ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế", "Công an tỉnh"]),
    ("Sở Nông nghiệp và Môi trường; Ban Quản lý các Khu công nghiệp",
     ["Sở Nông nghiệp và Môi trường", "Ban Quản lý các Khu công nghiệp"]),
    ("BQL KKT Dung Quất và các KCN Quảng Ngãi; Các sở, ngành; địa phương",
     ["BQL KKT Dung Quất và các KCN Quảng Ngãi", "Các sở, ngành", "địa phương"]),
    ("Sở Khoa học và Công nghệ\nSở Giáo dục và Đào tạo", ["Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo"]),
    ("Sở Y tế và các cơ quan, đơn vị liên quan", ["Sở Y tế", "các cơ quan, đơn vị liên quan"]),
    ("Sở, ngành, địa phương liên quan", ["Sở, ngành, địa phương liên quan"]),
    ("VP HĐND và UBND huyện và Phòng Nội vụ", ["VP HĐND và UBND huyện", "Phòng Nội vụ"]),
    ("Sở Lao động, Thương binh và Xã hội, Sở Nội vụ", ["Sở Lao động, Thương binh và Xã hội", "Sở Nội vụ"]),
])
def test_agency_cells_split_as_a_province_writes_them(cell, names):
    assert split_agencies(cell) == names


@pytest.mark.parametrize("phrase, collective", [
    ("Các sở, ngành", True), ("UBND các xã, phường", True), ("các cơ quan, đơn vị liên quan", True),
    ("Các bộ, ngành", True), ("địa phương", True), ("Thành viên Ban Chỉ đạo", True),
    ("Sở Nội vụ", False), ("Ban Quản lý các Khu công nghiệp", False), ("UBND xã Nghĩa Hành", False),
    ("Sở Ban ngành số 1", False), ("Sở, ban, ngành", True),  # numbered: one agency (benchmarks/generate.py)
])
def test_collective_phrases(phrase, collective):
    assert is_collective(phrase) is collective


SEED_HEADER = ["Mã nhiệm vụ", "STT", "Nhiệm vụ cụ thể", "Thời hạn hoàn thành", "Cơ quan chủ trì", "Cơ quan phối hợp"]


@pytest.fixture()
def seed_catalog(tmp_path: Path) -> Path:
    """Five tasks written like seed 003's appendix: commas between partners, a comma-bearing name,
    two leads in one cell, collective phrases."""
    rows = [
        ["UBND TỈNH QUẢNG NGÃI"], ["BAN CHỈ ĐẠO"], [], SEED_HEADER,
        ["Nhóm 1 - Công tác chỉ đạo"],
        ["NV-01", 1, "Ban hành kế hoạch hoạt động Quý IV năm 2025", "31/12/2025", "Sở Khoa học và Công nghệ",
         "Sở Nội vụ, Sở Tài chính, Sở Tư pháp"],
        ["NV-02", 2, "Tổ chức Ngày hội đổi mới sáng tạo tỉnh", "31/12/2025", "Sở Khoa học và Công nghệ; Công an tỉnh",
         "Sở Văn hóa, Thể thao và Du lịch, UBND xã Nghĩa Hành"],
        ["NV-03", 3, "Rà soát thủ tục hành chính trên Cổng dịch vụ công", "31/12/2025", "Văn phòng UBND tỉnh",
         "Các sở, ngành; UBND các xã, phường"],
        ["NV-04", 4, "Triển khai nền tảng số dùng chung cấp tỉnh", "31/12/2025", "Sở Tài chính",
         "các cơ quan, đơn vị liên quan"],
        ["NV-05", 5, "Báo cáo Bộ Khoa học và Công nghệ", "31/12/2025", "Sở Khoa học và Công nghệ", "Các bộ, ngành"],
    ]
    return write_xlsx(tmp_path / "danh-muc.xlsx", rows, sheet="Danh mục", merges=["A5:F5"])


ROSTER = ["Sở Khoa học và Công nghệ", "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Công an tỉnh",
          "Sở Văn hóa, Thể thao và Du lịch", "UBND xã Nghĩa Hành", "Văn phòng UBND tỉnh"]


def report(path: Path, title: list[list[object]], rows: list[list[object]]) -> Path:
    return write_xlsx(path, title + [[], HEADER] + rows)


def test_roster_from_the_catalog(seed_catalog):
    catalog = load_catalog(seed_catalog)
    assert catalog.agencies == ROSTER
    assert catalog.tasks[0].partners == ["Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp"]
    assert catalog.tasks[2].partners == ["Các sở, ngành", "UBND các xã, phường"]  # kept as written


def test_missing_counts_the_roster_and_lists_partners_silent_tasks(seed_catalog, tmp_path):
    science = report(tmp_path / "a.xlsx", [["UBND TỈNH QUẢNG NGÃI"], ["SỞ KHOA HỌC VÀ CÔNG NGHỆ"]],
                     [["NV-01", 1, "x", None, "Đang thực hiện"], ["NV-02", 2, "x", None, "Đang thực hiện"],
                      ["NV-05", 5, "x", None, "Hoàn thành", "Đã báo cáo", "01/10/2025"]])
    finance = report(tmp_path / "b.xlsx", [["UBND TỈNH QUẢNG NGÃI\nSỞ TÀI CHÍNH"]],
                     [["NV-01", 1, "x", None, "Đang thực hiện"], ["NV-03", 3, "x", None, "Đang thực hiện"]])
    result = merge([science, finance], catalog=seed_catalog)
    gaps = missing_report(result)
    assert gaps.expected == ROSTER
    assert gaps.summary().startswith("2/8 đơn vị")
    by_agency = {g.agency: g for g in gaps.agencies}
    assert by_agency["Sở Tư pháp"].silent_tasks == ["NV-01", "NV-03"]  # named, and one of "Các sở, ngành"
    assert by_agency["UBND xã Nghĩa Hành"].silent_tasks == ["NV-02", "NV-03"]  # "UBND các xã, phường"
    assert by_agency["Sở Tài chính"].silent_tasks == ["NV-04"]  # its own lead task; NV-03 reported
    assert by_agency["Công an tỉnh"].silent_lead_tasks == ["NV-02"]
    assert gaps.unexpected == []
    nv3 = next(t for t in result.tasks if t.task_id == "NV-03")
    assert "Văn phòng UBND tỉnh" in nv3.silent and "Các sở, ngành" not in nv3.silent
    assert all(not is_collective(a) for t in result.tasks for a in t.silent)


def test_template_gives_each_partner_its_tasks(seed_catalog):
    plans = {p.agency: [t.task_id for t in p.tasks] for p in plan_templates(load_catalog(seed_catalog))}
    assert list(plans) == ROSTER  # one template per agency, none for a collective phrase
    assert plans["Sở Tư pháp"] == ["NV-01", "NV-03"]
    assert plans["Sở Văn hóa, Thể thao và Du lịch"] == ["NV-02", "NV-03"]
    assert plans["UBND xã Nghĩa Hành"] == ["NV-02", "NV-03"]
    assert plans["Công an tỉnh"] == ["NV-02", "NV-03"]


# ----------------------------------------------------------------------------- the sender


def sender(tmp_path: Path, lines: list[str], name: str = "bao-cao.xlsx", roster: list[str] | None = None,
           overrides: dict[str, str] | None = None):
    registry = Registry([Agency(n) for n in (ROSTER if roster is None else roster)])
    return identify_sender(tmp_path / name, lines, overrides or {}, registry)


@pytest.mark.parametrize("lines, name, source", [
    (["UBND TỈNH QUẢNG NGÃI", "SỞ TÀI CHÍNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], "Sở Tài chính", "title"),
    (["UBND TỈNH QUẢNG NGÃI", "SỞ TÀI CHÍNH"], "Sở Tài chính", "title"),
    (["UBND TỈNH QUẢNG NGÃI\nSỞ TÀI CHÍNH"], "Sở Tài chính", "title"),  # one cell, a line break
    (["VĂN PHÒNG UBND TỈNH QUẢNG NGÃI"], "Văn phòng UBND tỉnh", "title"),
    (["UBND TỈNH QUẢNG NGÃI", "CÔNG AN TỈNH QUẢNG NGÃI"], "Công an tỉnh", "title"),
    (["UBND XÃ NGHĨA HÀNH - BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ (PHỤ LỤC 03)"], "UBND xã Nghĩa Hành", "title"),
    (["SỞ KH&CN", "Số: 12/BC-SKHCN"], "Sở Khoa học và Công nghệ", "title"),
    (["SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH QUẢNG NGÃI"], "Sở Văn hóa, Thể thao và Du lịch", "title"),
    (["BÁO CÁO KẾT QUẢ", "Đơn vị: Sở Tư pháp"], "Sở Tư pháp", "label"),
    (["Cơ quan báo cáo: SỞ NỘI VỤ"], "Sở Nội vụ", "label"),
])
def test_title_blocks_of_every_form(tmp_path, lines, name, source):
    found = sender(tmp_path, lines)
    assert (found.name, found.source, found.ambiguous) == (name, source, [])


@pytest.mark.parametrize("file_name, name", [
    ("01 so khcn.xlsx", "Sở Khoa học và Công nghệ"), ("so-khcn_quy4.xlsx", "Sở Khoa học và Công nghệ"),
    ("SYT_baocao.xlsx", "Sở Y tế"), ("VPUBND-bc.xlsx", "Văn phòng UBND tỉnh"), ("stp.xlsx", "Sở Tư pháp"),
])
def test_file_names_with_abbreviations(tmp_path, file_name, name):
    found = sender(tmp_path, [], file_name, roster=[*ROSTER, "Sở Y tế"])
    assert (found.name, found.source) == (name, "filename")


def test_file_name_abbreviation_without_roster(tmp_path):
    assert sender(tmp_path, [], "03_SYT.xlsx", roster=[]).name == "Sở Y tế"


def test_properties_name_a_roster_agency(tmp_path):
    path = tmp_path / "bao-cao-quy-4.xlsx"
    wb = Workbook()
    wb.active.append(["x"])
    wb.properties.title = "Báo cáo kết quả thực hiện — Sở Tư pháp"
    wb.save(path)
    found = identify_sender(path, [], {}, Registry([Agency(n) for n in ROSTER]))
    assert (found.name, found.source) == ("Sở Tư pháp", "properties")
    wb.properties.title, wb.properties.creator = "Báo cáo", "Nguyễn Văn A"  # weak: names no roster agency
    wb.save(path)
    assert identify_sender(path, [], {}, Registry([Agency(n) for n in ROSTER])).source == "filename"


def test_two_roster_agencies_fitting_equally_are_a_warning(tmp_path):
    found = sender(tmp_path, [], "stc-stp.xlsx")
    assert found.ambiguous == ["Sở Tài chính", "Sở Tư pháp"]
    chosen = sender(tmp_path, [], "stc-stp.xlsx", overrides={"stc-stp.xlsx": "sở tư pháp"})
    assert (chosen.name, chosen.source, chosen.ambiguous) == ("Sở Tư pháp", "option", [])


def test_ambiguous_file_is_a_merge_warning(seed_catalog, tmp_path):
    path = report(tmp_path / "stc-stp.xlsx", [], [["NV-01", 1, "x", None, "Đang thực hiện"]])
    result = merge([path], catalog=seed_catalog)
    hits = [f for f in result.findings if f.code == "agency.ambiguous"]
    assert len(hits) == 1 and hits[0].params["choices"] == "Sở Tài chính; Sở Tư pháp"
    assert "Sở Tư pháp" in hits[0].message("vi")


@pytest.mark.parametrize("written, shown", [
    ("SỞ TÀI CHÍNH", "Sở Tài chính"), ("UBND XÃ NGHĨA HÀNH", "UBND xã Nghĩa Hành"), ("SỞ KH&CN", "Sở KH&CN"),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"),
    ("HĐND XÃ BA TƠ", "HĐND xã Ba Tơ"), ("Ban quản lý dự án", "Ban quản lý dự án"),
])
def test_names_without_roster_in_vietnamese_capitalisation(written, shown):
    assert display_name(written) == shown


def test_agency_key_is_the_one_comparison():
    assert agency_key("SỞ KH&CN") == agency_key("Sở Khoa học và Công nghệ")
    assert agency_key("BQL KKT Dung Quất và các KCN Quảng Ngãi") == agency_key(
        "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi")


def test_agency_list_with_short_names_aliases_kinds(tmp_path):
    path = write_xlsx(tmp_path / "agencies.xlsx", [
        ["Tên đơn vị", "Tên viết tắt", "Tên khác", "Loại", "Email"],
        ["Sở Khoa học và Công nghệ", "SKHCN", "Sở KH&CN; Sở Khoa học Công nghệ", "sở/ngành", "skhcn@x.vn"],
        ["UBND phường Trương Quang Trọng", None, None, "xã/phường", None],
        ["Các sở, ngành", None, None, None, None],
    ])
    agencies = read_agencies(path)
    assert [(a.name, a.short, a.kind, a.email) for a in agencies] == [
        ("Sở Khoa học và Công nghệ", "SKHCN", "so_nganh", "skhcn@x.vn"),
        ("UBND phường Trương Quang Trọng", None, "xa_phuong", None)]
    registry = Registry(agencies)
    assert registry.snap("Sở Khoa học Công nghệ") == "Sở Khoa học và Công nghệ"  # an alias
    assert registry.expand(["UBND các xã, phường"]) == ["UBND phường Trương Quang Trọng"]


# ----------------------------------------------------------------------------- one name everywhere


def test_filled_template_validates_without_warnings_when_the_catalog_names_no_agency(tmp_path):
    rows = [["DANH MỤC"], [], SEED_HEADER,
            ["NV-01", 1, "Triển khai Đề án 06", "31/12/2025", "Các bộ, ngành", "Các sở, ngành"],
            ["NV-02", 2, "Cắt giảm thủ tục hành chính", "31/12/2025", None, None]]
    catalog_path = write_xlsx(tmp_path / "dm.xlsx", rows, sheet="Danh mục")
    catalog = load_catalog(catalog_path)
    assert catalog.agencies == []
    out = write_agency_templates(catalog, tmp_path / "out", ["SỞ TƯ PHÁP"])[0]
    wb = load_workbook(out)
    ws = wb["Báo cáo"]
    for row in ws.iter_rows(min_row=1):
        if row[0].value in ("NV-01", "NV-02"):
            ws.cell(row[0].row, 5, "Đang thực hiện")
    wb.save(out)
    result = CliRunner().invoke(app, ["validate", str(out), "--catalog", str(catalog_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    problems = [f for f in all_findings(data) if f["severity"] in ("error", "warning")]
    assert problems == []
    merged = merge([out], catalog=catalog_path)
    assert [i.agency for i in merged.inputs if i.role == "submission"] == ["Sở Tư pháp"]


def all_findings(data: dict) -> list[dict]:
    return [f for file in data["files"] for f in file["findings"]] + data["general"]


def test_commands_agree_on_every_agency_name(seed_catalog, tmp_path):
    science = report(tmp_path / "01 so khcn.xlsx", [], [["NV-01", 1, "x", None, "Đang thực hiện"]])
    justice = report(tmp_path / "tp.xlsx", [["UBND TỈNH QUẢNG NGÃI\nSỞ TƯ PHÁP TỈNH QUẢNG NGÃI"]],
                     [["NV-01", 1, "x", None, "Đang thực hiện"]])
    runner = CliRunner()
    args = [str(science), str(justice), "--catalog", str(seed_catalog), "--json"]
    validated = json.loads(runner.invoke(app, ["validate", *args]).stdout)
    names = {f["agency"] for f in validated["files"] if f["role"] == "submission"}
    assert names == {"Sở Khoa học và Công nghệ", "Sở Tư pháp"}
    merged = merge([science, justice], catalog=seed_catalog)
    assert {i.agency for i in merged.inputs if i.role == "submission"} == names
    gaps = missing_report(merged)
    assert {g.agency for g in gaps.agencies if g.sent} == names
    assert not any(f.code == "agency.unexpected" for f in merged.findings)


# ----------------------------------------------------------------------------- groups by number


@pytest.mark.parametrize("numbers", [[1, 1, 2], [1.0, 1.0, 2.0], ["I", "I", "II"], ["1", "Nhóm 1", "2"]])
def test_group_column_numbers_link_tasks_to_their_headings(tmp_path, numbers):
    from docx import Document

    from nq57cli.render.document import render_document

    header = ["Nhóm", "Mã nhiệm vụ", "Nhiệm vụ cụ thể", "Thời hạn hoàn thành", "Cơ quan chủ trì"]
    rows = [["DANH MỤC"], [], header,
            [None, None, "Nhóm 1 - Nâng cao nhận thức"],
            [numbers[0], "NV-01", "Tuyên truyền Nghị quyết 57", "31/12/2025", "Sở Nội vụ"],
            [numbers[1], "NV-02", "Tập huấn kỹ năng số", "31/12/2025", "Sở Nội vụ"],
            [2, None, "Nhóm 2 - Hoàn thiện thể chế"],
            [numbers[2], "NV-03", "Rà soát văn bản quy phạm pháp luật", "31/12/2025", "Sở Tư pháp"]]
    catalog_path = write_xlsx(tmp_path / "dm.xlsx", rows, sheet="Danh mục")
    catalog = load_catalog(catalog_path)
    assert [(g.key, g.title) for g in catalog.groups] == [("Nhóm 1", "Nhóm 1 - Nâng cao nhận thức"),
                                                          ("Nhóm 2", "Nhóm 2 - Hoàn thiện thể chế")]
    assert [t.group for t in catalog.tasks] == ["Nhóm 1", "Nhóm 1", "Nhóm 2"]
    result = merge([], catalog=catalog_path)
    config = office_config({"document.number": "1", "document.date": "2025-09-20"})
    doc = Document(str(render_document(result, "phu-luc-03", config, tmp_path / "pl03.docx")))
    texts = [row.cells[0].text for row in doc.tables[0].rows[1:]]
    assert texts == ["Nhóm 1 - Nâng cao nhận thức", "1", "2", "Nhóm 2 - Hoàn thiện thể chế", "3"]
    assert not any(".0" in cell.text for row in doc.tables[0].rows for cell in row.cells)


# ----------------------------------------------------------------------------- text matching


TWINS = [
    ("NV-01", "Tổ chức Phiên họp thứ II của Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và "
              "chuyển đổi số tỉnh năm 2025"),
    ("NV-02", "Tổ chức Phiên họp thứ III của Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và "
              "chuyển đổi số tỉnh năm 2025"),
    ("NV-03", "Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình, số hóa hồ sơ thủ tục hành chính của Ủy ban "
              "nhân dân các cấp"),
    ("NV-04", "Rà soát, cắt giảm thủ tục hành chính nội bộ trong hệ thống hành chính nhà nước thuộc phạm vi quản "
              "lý của tỉnh"),
    ("NV-05", "Rà soát, cắt giảm thủ tục hành chính nội bộ trong hệ thống hành chính nhà nước thuộc phạm vi quản "
              "lý của xã"),
]


@pytest.fixture()
def twin_catalog(tmp_path):
    rows = [["DANH MỤC"], [], ["Mã nhiệm vụ", "Nhiệm vụ cụ thể", "Thời hạn hoàn thành", "Cơ quan chủ trì"]]
    rows += [[i, t, "31/12/2025", "Sở Khoa học và Công nghệ"] for i, t in TWINS]
    return write_xlsx(tmp_path / "dm.xlsx", rows, sheet="Danh mục")


def matched(catalog, tmp_path, titles):
    rows = [["SỞ KHOA HỌC VÀ CÔNG NGHỆ"], [], ["TT", "Nội dung, nhiệm vụ", "Tình trạng"]]
    rows += [[n, t, "Đang thực hiện"] for n, t in enumerate(titles, start=1)]
    result = merge([write_xlsx(tmp_path / "bc.xlsx", rows)], catalog=catalog)
    reports = {r.title: r.matched_id for t in result.tasks for r in t.reports}
    return [reports.get(t) for t in titles], result


def test_shortened_near_twins_match_the_right_twin(twin_catalog, tmp_path):
    ids, result = matched(twin_catalog, tmp_path, [
        "Phiên họp thứ III Ban Chỉ đạo KHCN, ĐMST và CĐS tỉnh năm 2025",
        "Phiên họp thứ II Ban Chỉ đạo KHCN, ĐMST và CĐS tỉnh năm 2025",
    ])
    assert ids == ["NV-02", "NV-01"]
    assert not [f for f in result.findings if f.code in ("task.weak_match", "task.no_match", "task.ambiguous_match")]


def test_abbreviations_are_written_out_both_ways(twin_catalog, tmp_path):
    ids, result = matched(twin_catalog, tmp_path, [
        "Đẩy mạnh cung cấp DVCTT toàn trình, số hóa hồ sơ TTHC của UBND các cấp"])
    assert ids == ["NV-03"]
    assert not [f for f in result.findings if f.code in ("task.weak_match", "task.no_match")]


def test_a_near_tie_names_both_tasks_instead_of_guessing(twin_catalog, tmp_path):
    ids, result = matched(twin_catalog, tmp_path, ["Rà soát, cắt giảm TTHC nội bộ trong hệ thống hành chính nhà nước"])
    assert ids == [None]
    hit = next(f for f in result.findings if f.code == "task.ambiguous_match")
    assert (hit.params["task_id"], hit.params["other_id"], hit.cell) == ("NV-04", "NV-05", "B4")
    assert "NV-04" in hit.message("vi") and "NV-05" in hit.message("vi")
    assert len(result.unmatched) == 1


# ----------------------------------------------------------------------------- letters


@pytest.mark.parametrize("lead, issuer", [
    ("Sở Khoa học và Công nghệ", True), ("Sở KH&CN", True), ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", True),
    ("Sở Khoa học và Công nghệ tỉnh Quảng Ngãi", True), ("Sở Nội vụ", False), ("Bộ Khoa học và Công nghệ", False),
])
def test_the_issuing_agency_is_told_by_agency_key(lead, issuer):
    from nq57cli.tasks.overdue import is_issuer

    assert is_issuer(lead, office_config()) is issuer


def test_no_letter_to_the_issuing_agency(seed_catalog, tmp_path):
    from datetime import date

    from nq57cli.render.overdue import write_letters
    from nq57cli.tasks.overduereport import classify
    from nq57cli.write.overduebook import INTERNAL_LIST_FILE, INTERNAL_SHEET

    result = merge([], catalog=seed_catalog)
    written = write_letters(classify(result, date(2026, 1, 15)), tmp_path / "cv", office_config())
    names = [p.name for p in written]
    assert "cong-van-don-doc-so-khoa-hoc-va-cong-nghe.docx" not in names
    assert names[-1] == INTERNAL_LIST_FILE
    assert "cong-van-don-doc-cong-an-tinh.docx" in names  # a co-lead of NV-02 still gets its letter
    sheet = load_workbook(written[-1])[INTERNAL_SHEET]
    assert sorted(row[2] for row in sheet.iter_rows(min_row=3, values_only=True)) == ["NV-01", "NV-02", "NV-05"]


def test_agency_list_and_catalog_together(seed_catalog, tmp_path):
    agencies = write_xlsx(tmp_path / "agencies.xlsx", [
        ["Tên đơn vị", "Tên viết tắt", "Tên khác", "Loại"],
        ["Sở Khoa học và Công nghệ", "SKHCN", None, "sở/ngành"],
        ["Sở Y tế", "SYT", None, "sở/ngành"],
        ["UBND phường Trương Quang Trọng", None, "Phường TQT", "xã/phường"],
    ])
    tqt = report(tmp_path / "bc-tqt.xlsx", [["Đơn vị: Phường TQT"]], [["NV-03", 3, "x", None, "Đang thực hiện"]])
    health = report(tmp_path / "SYT_q4.xlsx", [], [["NV-03", 3, "x", None, "Đang thực hiện"]])
    run = CliRunner().invoke(app, ["missing", str(tqt), str(health), "--catalog", str(seed_catalog),
                                   "--agencies", str(agencies), "--json"])
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    by_agency = {a["agency"]: a for a in data["agencies"]}
    assert data["expected"] == ["Sở Khoa học và Công nghệ", "Sở Y tế", "UBND phường Trương Quang Trọng"]
    assert by_agency["UBND phường Trương Quang Trọng"]["files"] == ["bc-tqt.xlsx"]
    assert by_agency["Sở Y tế"]["files"] == ["SYT_q4.xlsx"]
    assert data["unexpected"] == []
    assert by_agency["Sở Khoa học và Công nghệ"]["silent_tasks"] == ["NV-01", "NV-02", "NV-03", "NV-05"]


@pytest.mark.parametrize("written, shown", [
    ("BAN QUẢN LÝ KHU KINH TẾ TỈNH", "Ban Quản lý khu kinh tế tỉnh"), ("VĂN PHÒNG TỈNH ỦY", "Văn phòng Tỉnh ủy"),
    ("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH QUẢNG NGÃI", "Trung tâm Phục vụ hành chính công tỉnh Quảng Ngãi"),
])
def test_no_word_by_word_title_case(written, shown):
    assert display_name(written) == shown


def test_template_with_an_agency_list_expands_collectives_to_its_members(seed_catalog, tmp_path):
    agencies = write_xlsx(tmp_path / "agencies.xlsx", [["Tên đơn vị", "Loại"],
                                                       ["UBND phường Trương Quang Trọng", "xã/phường"]])
    run = CliRunner().invoke(app, ["template", "--catalog", str(seed_catalog), "--agencies", str(agencies),
                                   "-o", str(tmp_path / "out"), "--json"])
    assert run.exit_code == 0, run.output
    files = json.loads(run.stdout)["files"]
    assert [(f["agency"], f["tasks"], f["named"]) for f in files] == [("UBND phường Trương Quang Trọng", 1, True)]


def test_the_parent_body_never_stands_for_the_sender(tmp_path):
    # "UBND tỉnh" leads tasks; a department outside the roster is not taken for it
    found = sender(tmp_path, ["UBND TỈNH QUẢNG NGÃI", "SỞ NGOẠI VỤ"], roster=[*ROSTER, "UBND tỉnh"])
    assert (found.name, found.source) == ("Sở Ngoại vụ", "title")
    alone = sender(tmp_path, ["ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"], roster=[*ROSTER, "UBND tỉnh Quảng Ngãi"])
    assert alone.name == "UBND tỉnh Quảng Ngãi"
    council = sender(tmp_path, ["HĐND XÃ NGHĨA HÀNH"], roster=[*ROSTER, "HĐND xã Nghĩa Hành"])
    assert (council.name, council.source) == ("HĐND xã Nghĩa Hành", "title")
