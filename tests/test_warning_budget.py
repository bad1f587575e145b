"""A warning is something to act on (issue 20): day-first dates with dots and dashes, collective tasks with many
completion dates and repeated problems in one file give no noise; fixtures written like seeds 002–004."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from conftest import HEADER, submission_rows, write_xlsx
from nq57cli.cli.app import app
from nq57cli.tasks.merge import merge

runner = CliRunner()
DATED_HEADER = [*HEADER, "Văn bản giao nhiệm vụ"]


def _codes(result, severity=None) -> list[str]:
    return [f.code for f in result.findings if severity is None or f.severity == severity]


def test_day_first_dates_with_dots_and_dashes_give_no_warning(tmp_path):
    rows = submission_rows("UBND XÃ NGHĨA HÀNH", [  # written the way seed 002 writes them
        ["NV-01", 1, "Ban hành kế hoạch chuyển đổi số", "03-09-2025", "Đã hoàn thành", "Đã ban hành", "03-09-2025"],
        ["NV-02", 2, "Tập huấn kỹ năng số", "7.9.2025", "Đã hoàn thành", "Đã tập huấn", "7.9.2025"],
        ["NV-03", 3, "Rà soát thủ tục", "05.11.2025", "Đã hoàn thành", "Đã rà soát", "04-10-2025"],
    ])
    result = merge([write_xlsx(tmp_path / "xa.xlsx", rows)])
    assert "date.ambiguous" not in _codes(result) and "date.month_first" not in _codes(result)
    reports = {t.task_id: t.reports[0] for t in result.tasks}
    assert reports["NV-01"].completed_on == date(2025, 9, 3) and reports["NV-02"].completed_on == date(2025, 9, 7)
    assert reports["NV-03"].deadline.due == date(2025, 11, 5)  # day first, silently: it is how dates are written


def test_a_day_first_date_the_row_contradicts_is_a_warning(tmp_path):
    rows = [["UBND TỈNH QUẢNG NGÃI", None, None, None, "Quảng Ngãi, ngày 20 tháng 9 năm 2025"], ["SỞ NỘI VỤ"], [],
            DATED_HEADER,
            # completed 8 July, before the task was assigned on 1 August: 7 August fits
            ["NV-01", 1, "Việc một", None, "Đã hoàn thành", "Xong", "08-07-2025", "Thông báo số 05-TB/BCĐTW ngày 01/08/2025"],
            # completed 9 October, after the report's own date (20 September): 10 September fits
            ["NV-02", 2, "Việc hai", None, "Đã hoàn thành", "Xong", "09-10-2025", None],
            # fits day first
            ["NV-03", 3, "Việc ba", None, "Đã hoàn thành", "Xong", "03-09-2025", None]]
    result = merge([write_xlsx(tmp_path / "noi-vu.xlsx", rows)])
    ambiguous = [f for f in result.findings if f.code == "date.ambiguous"]
    assert [(f.cell, f.severity) for f in ambiguous] == [("G5", "warning"), ("G6", "warning")]


def test_a_file_that_also_writes_month_first_gets_its_ambiguous_dates_flagged(tmp_path):
    rows = submission_rows("SỞ NỘI VỤ", [
        ["NV-01", 1, "Việc một", None, "Đã hoàn thành", "Xong", "09-25-2025"],  # month first only
        ["NV-02", 2, "Việc hai", None, "Đã hoàn thành", "Xong", "03-09-2025"],  # then this may be 9 March
    ])
    result = merge([write_xlsx(tmp_path / "noi-vu.xlsx", rows)])
    assert [f.cell for f in result.findings if f.code == "date.ambiguous"] == ["G6"]


def _collective_catalog(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "danh-muc.xlsx", [  # seed 003's appendix: a task for every commune
        ["Mã nhiệm vụ", "STT", "Nhiệm vụ cụ thể", "Thời hạn hoàn thành", "Cơ quan chủ trì", "Cơ quan phối hợp"],
        ["NV-01", 1, "Triển khai nền tảng số cấp xã", "Tháng 9/2025", "UBND các xã, phường", None],
        ["NV-02", 2, "Xây dựng cơ sở dữ liệu dân cư", "Quý IV/2025", "Sở Nội vụ", "Sở Tài chính"],
    ])


def test_a_collective_task_with_many_completion_dates_is_no_conflict(tmp_path):
    catalog = _collective_catalog(tmp_path)
    files = [write_xlsx(tmp_path / f"xa-{day}.xlsx", submission_rows(f"UBND XÃ SỐ {day}", [
        ["NV-01", 1, "Triển khai nền tảng số cấp xã", "Tháng 9/2025", "Đã hoàn thành", "Xong", f"{day}/9/2025"]]))
        for day in range(1, 9)]
    result = merge(files, catalog=catalog)
    assert "conflict.completion_date" not in _codes(result)
    task = result.tasks[0]
    assert task.status == "completed" and task.completed_on == date(2025, 9, 8)  # completed when all are


@pytest.mark.parametrize("lead_done, partner_done, conflict", [
    ("10/11/2025", "20/11/2025", True),  # the partner finished later than the lead says the task did
    ("20/11/2025", "10/11/2025", False),  # the partner's part was done first: the lead's date stands
])
def test_lead_and_partner_conflict_only_when_the_task_date_changes(tmp_path, lead_done, partner_done, conflict):
    catalog = _collective_catalog(tmp_path)
    files = [write_xlsx(tmp_path / f"{name}.xlsx", submission_rows(agency, [
        ["NV-02", 2, "Xây dựng cơ sở dữ liệu dân cư", None, "Đã hoàn thành", "Xong", done]]))
        for name, agency, done in (("nv", "SỞ NỘI VỤ", lead_done), ("tc", "SỞ TÀI CHÍNH", partner_done))]
    result = merge(files, catalog=catalog)
    assert _codes(result).count("conflict.completion_date") == int(conflict)
    assert result.tasks[1].completed_on == date(2025, 11, 20)


def test_twenty_repeated_problems_in_one_file_are_one_finding_listing_the_rows(tmp_path):
    rows = submission_rows("SỞ NỘI VỤ", [[f"NV-{n:02d}", n, f"Việc số {n}", None, None, f"Kết quả {n}", None]
                                         for n in range(1, 21)])  # 20 results without a status
    path = write_xlsx(tmp_path / "noi-vu.xlsx", rows)
    result = merge([path])
    [finding] = [f for f in result.findings if f.code == "status.missing"]
    cells = [f"E{row}" for row in range(6, 25)]
    assert finding.cell == "E5" and finding.message("vi").endswith("; cùng loại ở 19 ô khác: " + ", ".join(cells))
    assert "the same kind in 19 more cells" in finding.message("en")

    out = runner.invoke(app, ["validate", str(path), "--annotate", str(tmp_path / "can-sua")])
    assert out.exit_code == 0, out.output
    assert out.output.count("status") + out.output.count("chưa ghi tình trạng") <= 1  # printed once
    marked = load_workbook(tmp_path / "can-sua" / "noi-vu.xlsx")["Báo cáo"]
    assert all(marked[f"E{row}"].comment is not None for row in range(5, 25))  # every cell still marked


def _seedlike_round(folder: Path) -> list[Path]:
    """A round of reports as communes and departments send them: collective tasks, dates with dots and dashes,
    a corrected file sent again with a later date, an identical copy, a report over two rows."""
    def report(name: str, agency: str, body: list[list], dated: str) -> Path:
        top = [["UBND TỈNH QUẢNG NGÃI", None, None, None, f"Quảng Ngãi, ngày {dated}"], [agency], []]
        return write_xlsx(folder / name, top + [HEADER] + body)

    files = [report(f"UBND xa {n}.xlsx", f"UBND XÃ SỐ {n}", [
        ["NV-01", 1, "Triển khai nền tảng số cấp xã", "30-09-2025", "Đã hoàn thành", f"Xã {n} đã triển khai",
         f"{n:02d}.9.2025"]], f"{20 + n} tháng 9 năm 2025") for n in range(1, 7)]
    files.append(report("so-noi-vu.xlsx", "SỞ NỘI VỤ", [
        ["NV-02", 2, "Xây dựng cơ sở dữ liệu dân cư", "Quý IV/2025", "Đang thực hiện", "Đang nhập liệu", None]],
        "20 tháng 9 năm 2025"))
    files.append(report("so-noi-vu (1).xlsx", "SỞ NỘI VỤ", [
        ["NV-02", 2, "Xây dựng cơ sở dữ liệu dân cư", "Quý IV/2025", "Đã hoàn thành", "Đã nhập xong", "3-10-2025"],
        [None, None, None, None, None, "và đã kiểm tra", None]], "5 tháng 10 năm 2025"))
    files.append(report("so-tai-chinh.xlsx", "SỞ TÀI CHÍNH", [
        ["NV-02", 2, "Xây dựng cơ sở dữ liệu dân cư", "Quý IV/2025", "Đã hoàn thành", "Đã bố trí kinh phí", "01.10.2025"]],
        "2 tháng 10 năm 2025"))
    copy = folder / "so-tai-chinh - Copy.xlsx"
    copy.write_bytes(files[-1].read_bytes())
    return [*files, copy]


def test_every_warning_validate_prints_on_a_seedlike_round_is_one_to_act_on(tmp_path):
    folder = tmp_path / "submissions"
    folder.mkdir()
    _seedlike_round(folder)
    catalog = _collective_catalog(tmp_path)
    out = runner.invoke(app, ["validate", "--catalog", str(catalog), str(folder), "--json"])
    assert out.exit_code == 0, out.output
    import json

    data = json.loads(out.stdout)
    warnings = [(f["file"], f["message"]) for item in data["files"] for f in item["findings"]
                if f["severity"] == "warning"] + [(None, f["message"]) for f in data["general"]
                                                  if f["severity"] == "warning"]
    assert warnings == []  # nothing here needs the clerk: the round is normal
    assert data["counts"]["error"] == 0

    # one real slip among them: a month-first date the task text contradicts is the one warning
    slip = write_xlsx(folder / "UBND xa 9.xlsx", [["UBND XÃ SỐ 9"], [], HEADER, [
        "NV-01", 1, "Triển khai nền tảng số cấp xã trước ngày 01/10/2025", "30-09-2025", "Đã hoàn thành", "Xong",
        "10-01-2025"]])
    out = runner.invoke(app, ["validate", "--catalog", str(catalog), str(folder), "--json"])
    data = json.loads(out.stdout)
    warnings = [(item["file"], f["message"]) for item in data["files"] for f in item["findings"]
                if f["severity"] == "warning"]
    assert [file for file, _ in warnings] == [slip.name]
    assert "tháng trước ngày" in warnings[0][1]


def test_findings_that_say_different_things_are_not_grouped():
    """Weak matches to three different tasks stay three findings (the first one's message would name the
    wrong task for the others); three identical problems in one column are one finding."""
    from nq57cli.domain.findings import REPEATS
    from nq57cli.domain.models import Finding
    from nq57cli.tasks.submissions import group_repeats

    weak = [Finding(code="task.weak_match", file="xa.xlsx", sheet="Sheet1", cell=f"B{row}", column="Nhiệm vụ",
                    params={"task_id": task, "score": 79}) for row, task in ((5, "NQ57-16"), (7, "NQ57-19"), (16, "NQ57-38"))]
    assert group_repeats(weak) == weak
    same = [Finding(code="task.weak_match", file="xa.xlsx", sheet="Sheet1", cell=f"B{row}", column="Nhiệm vụ",
                    params={"task_id": "NQ57-16", "score": 79}) for row in (5, 7, 16)]
    grouped = group_repeats(same)
    assert len(grouped) == 1 and [cell for cell, _, _ in grouped[0].params[REPEATS]] == ["B7", "B16"]
    assert grouped[0].message("vi").endswith("cùng loại ở 2 ô khác: B7, B16")
