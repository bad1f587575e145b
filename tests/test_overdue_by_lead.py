"""`overdue --by lead` groups by the agency the registry resolves a lead to (issue 16's registry): "Sở KH&CN",
"Sở Khoa học và Công nghệ" and "SKHCN" in the catalog's lead column are one group, under the registry's name,
in the terminal table, --json, --xlsx and --docx alike; a lead the registry does not know keeps its name."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from conftest import OFFICE, submission_rows, write_xlsx
from nq57cli.cli.app import app
from nq57cli.tasks.merge import merge
from nq57cli.tasks.overdue import NO_REPORT_GROUP, letter_agencies
from nq57cli.tasks.overduereport import classify

runner = CliRunner()
KHCN, SNV, BQL = "Sở Khoa học và Công nghệ", "Sở Nội vụ", "BQLKKT"


def _round(tmp_path: Path) -> list[str]:
    catalog = write_xlsx(tmp_path / "danh-muc.xlsx", [
        ["Mã nhiệm vụ", "STT", "Nhiệm vụ cụ thể", "Thời hạn hoàn thành", "Cơ quan chủ trì", "Cơ quan phối hợp"],
        ["NV-01", 1, "Xây dựng nền tảng dữ liệu khoa học", "30/6/2025", KHCN, None],
        ["NV-02", 2, "Ban hành quy chế quản lý nhiệm vụ", "31/7/2025", "Sở KH&CN", SNV],
        ["NV-03", 3, "Tổ chức ngày hội đổi mới sáng tạo", "31/8/2025", "SKHCN", None],
        ["NV-04", 4, "Rà soát thủ tục hành chính nội bộ", "15/9/2025", SNV, None],
        ["NV-05", 5, "Lập quy hoạch khu kinh tế số", "10/9/2025", BQL, None],  # known to no registry
    ])
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    write_xlsx(folder / "khcn.xlsx", submission_rows("SỞ KHOA HỌC VÀ CÔNG NGHỆ", [
        [f"NV-0{n}", n, None, None, "Đang thực hiện", f"Đang làm việc {n}", None] for n in (1, 2, 3)]))
    write_xlsx(folder / "noi-vu.xlsx", submission_rows("SỞ NỘI VỤ", [
        ["NV-02", 2, None, None, "Đã hoàn thành", "Đã góp ý quy chế", "01/7/2025"],
        ["NV-04", 4, None, None, "Đang thực hiện", "Đang rà soát", None]]))
    return ["--catalog", str(catalog), str(folder), "--as-of", "1/10/2025"]


BY_LEAD = [(KHCN, ["NV-01", "NV-02", "NV-03"]), (BQL, ["NV-05"]), (SNV, ["NV-04"])]


def test_by_lead_groups_every_spelling_of_an_agency_under_the_registrys_name(tmp_path):
    given = _round(tmp_path)
    out = runner.invoke(app, ["overdue", *given, "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert [(g["key"], g["title"], g["overdue"]) for g in data["groups"]] == [(k, k, ids) for k, ids in BY_LEAD]
    tasks = {t["task_id"]: t for t in data["tasks"]}
    assert tasks["NV-03"]["lead"] == "SKHCN" and tasks["NV-03"]["lead_agencies"] == [KHCN]  # as written, and resolved
    assert tasks["NV-05"]["lead_agencies"] == [BQL]

    out = runner.invoke(app, ["overdue", *given])  # piped: one line per task, the group first, tab-separated
    assert out.exit_code == 0, out.output
    rows = [line.split("\t") for line in out.stdout.splitlines() if line.count("\t") > 3]
    assert [(row[0], row[1]) for row in rows[1:]] == [(k, i) for k, ids in BY_LEAD for i in ids]  # after the header
    assert "SKHCN" not in out.stdout and "Sở KH&CN" not in out.stdout

    xlsx, docx = tmp_path / "qua-han.xlsx", tmp_path / "qua-han.docx"
    sets = [arg for key, value in OFFICE.items() for arg in ("--set", f"{key}={value}")]
    out = runner.invoke(app, ["overdue", *given, "--xlsx", str(xlsx), "--docx", str(docx), *sets])
    assert out.exit_code == 0, out.output
    sheet = load_workbook(xlsx).worksheets[0]
    header = [c.value for c in sheet[2]]
    lead, task_id = header.index("Cơ quan chủ trì"), header.index("Mã nhiệm vụ")
    leads = {row[task_id]: row[lead] for row in sheet.iter_rows(min_row=3, values_only=True) if row[task_id]}
    assert leads == {"NV-01": KHCN, "NV-02": KHCN, "NV-03": KHCN, "NV-04": SNV, "NV-05": BQL}
    table = Document(str(docx)).tables[-1]
    body = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert [r[0] for r in body if len(set(r)) == 1] == [
        f"I. {KHCN} (3 nhiệm vụ)", f"II. {BQL} (1 nhiệm vụ)", f"III. {SNV} (1 nhiệm vụ)"]


def test_by_agency_resolves_the_same_way_and_letters_go_to_one_agency(tmp_path):
    given = _round(tmp_path)
    out = runner.invoke(app, ["overdue", *given, "--by", "agency", "--json"])
    assert out.exit_code == 0, out.output
    groups = [(g["key"], g["overdue"]) for g in json.loads(out.stdout)["groups"]]
    assert groups == [(KHCN, ["NV-01", "NV-02", "NV-03"]), (SNV, ["NV-04"]), (NO_REPORT_GROUP, ["NV-05"])]
    catalog, folder = Path(given[1]), Path(given[2])
    report = classify(merge(sorted(folder.iterdir()), catalog=catalog), date(2025, 10, 1))
    assert letter_agencies(report) == [KHCN, BQL, SNV]  # one letter for the three spellings


def test_without_a_roster_spellings_of_one_name_are_one_group_as_first_written(tmp_path):
    rows = submission_rows("SỞ NỘI VỤ", [["NV-01", 1, "Việc một", "30/6/2025", "Đang thực hiện", "Đang làm", None]])
    path = write_xlsx(tmp_path / "noi-vu.xlsx", rows)
    result = merge([path])
    result.tasks[0].lead = "Sở Nội vụ"
    twin = result.tasks[0].model_copy(update={"task_id": "NV-02", "order": 2, "lead": "SỞ NỘI VỤ"})
    result.tasks.append(twin)
    report = classify(result, date(2025, 10, 1))
    assert [(g.key, g.overdue) for g in report.groups] == [("Sở Nội vụ", ["NV-01", "NV-02"])]


def test_a_lead_written_as_initials_is_not_one_more_agency_of_the_roster(tmp_path):
    given = _round(tmp_path)
    result = merge(sorted(Path(given[2]).iterdir()), catalog=Path(given[1]))
    assert result.expected_agencies == [KHCN, SNV, BQL]  # "Sở KH&CN" and "SKHCN" are the first one
    out = runner.invoke(app, ["missing", *given[:3], "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["expected"] == [KHCN, SNV, BQL]
