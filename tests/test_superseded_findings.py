"""Findings about rows an agency's newer file supersedes (tasks/resubmissions.py) go with those rows, also when
one finding describes several rows: the rows of a report written over several rows, the rows matched by text
(task.text_matches) and repeated findings grouped into one (submissions.group_repeats) keep only the rows still
in use, and disappear when none is; validate's counts and merged.xlsx's findings sheet agree."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from conftest import HEADER, write_xlsx
from nq57cli.cli.app import app
from nq57cli.tasks.merge import merge
from nq57cli.write.mergedbook import SEVERITY_VI
from test_resubmissions import noi_vu

runner = CliRunner()
TITLES = {  # the catalog fixture's tasks, written without IDs: matched by text
    "NV-01": "Tiếp tục nâng cao tinh thần trách nhiệm, có quyết tâm chính trị cao",
    "NV-02": "Rà soát, ban hành các văn bản thuộc lĩnh vực, chức năng làm căn cứ triển khai Đề án",
    "NV-03": "Đẩy mạnh hợp tác với doanh nghiệp, viện, trường trong và ngoài nước về khoa học",
}
FIRST_DATE, LATER_DATE = "Quảng Ngãi, ngày 20 tháng 9 năm 2025", "Quảng Ngãi, ngày 25 tháng 9 năm 2025"


def _first(folder: Path) -> Path:
    """Rows 5-8: NV-01; NV-02 over rows 6-7 (its second row says another status); NV-03; all by text."""
    return noi_vu(folder / "so-noi-vu.xlsx", [
        [None, 1, TITLES["NV-01"], None, "Đang thực hiện", "báo cáo NV-01", None],
        [None, 2, TITLES["NV-02"], None, "Đang thực hiện", "nội dung cũ NV-02", None],
        [None, None, None, None, "Đã hoàn thành", "viết tiếp NV-02", None],
        [None, 3, TITLES["NV-03"], None, "Đang thực hiện", "báo cáo NV-03", None],
    ], FIRST_DATE)


def _later(folder: Path, task_ids: list[str]) -> Path:
    return noi_vu(folder / "so-noi-vu-gui-lai.xlsx", [
        [t, int(t[-1]), TITLES[t], None, "Đã hoàn thành", f"nội dung mới {t}", "20/9/2025"] for t in task_ids],
        LATER_DATE)


def _about(result, name: str) -> list:
    return [f for f in result.findings if f.file == name and f.code != "agency.source"]


def test_the_first_files_findings_before_any_resubmission(tmp_path, catalog):
    result = merge([_first(tmp_path)], catalog=catalog)
    found = {f.code: f for f in _about(result, "so-noi-vu.xlsx")}
    assert found["task.text_matches"].params["count"] == 3 and found["task.text_matches"].params["rows"] == "5–6, 8"
    assert found["row.continued"].cell == "A6" and found["row.continued_value"].cell == "E7"


def test_a_superseded_report_over_two_rows_takes_every_finding_about_its_rows_along(tmp_path, catalog):
    result = merge([_first(tmp_path), _later(tmp_path, ["NV-02"])], catalog=catalog)
    codes = {f.code: f for f in _about(result, "so-noi-vu.xlsx")}
    assert "row.continued" not in codes and "row.continued_value" not in codes  # rows 6-7 are set aside
    matches = codes["task.text_matches"]  # rows 5 and 8 are still the first file's reports
    assert (matches.params["count"], matches.params["rows"]) == (2, "5, 8")
    assert matches.message("vi").startswith("2 dòng không ghi mã được khớp theo nội dung với danh mục (dòng 5, 8;")


def test_a_finding_describing_rows_all_superseded_disappears(tmp_path, catalog):
    result = merge([_first(tmp_path), _later(tmp_path, ["NV-01", "NV-02", "NV-03"])], catalog=catalog)
    assert [f.code for f in _about(result, "so-noi-vu.xlsx")] == []


def test_grouped_findings_list_only_the_cells_still_in_use_and_counts_agree(tmp_path):
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    noi_vu(folder / "noi-vu.xlsx", [[f"NV-{n:02d}", n, f"Việc số {n}", None, None, f"Kết quả {n}", None]
                                    for n in range(1, 9)], FIRST_DATE)  # rows 5-12: 8 results without a status
    noi_vu(folder / "noi-vu-gui-lai.xlsx", [[f"NV-{n:02d}", n, f"Việc số {n}", None, "Đã hoàn thành", f"Xong {n}",
                                             "1/9/2025"] for n in range(1, 6)], LATER_DATE)  # NV-01..05 again
    result = merge(sorted(folder.iterdir()))
    [grouped] = [f for f in result.findings if f.code == "status.missing"]
    assert grouped.cell == "E10" and grouped.message("vi").endswith("; cùng loại ở 2 ô khác: E11, E12")

    out = runner.invoke(app, ["validate", str(folder), "--json"])
    counts = json.loads(out.stdout)["counts"]
    merged = tmp_path / "merged.xlsx"
    assert runner.invoke(app, ["merge", str(folder), "-o", str(merged)]).exit_code == 0
    sheet = load_workbook(merged)["Phát hiện"]
    level = [c.value for c in sheet[1]].index("Mức độ")
    written = Counter(r[level] for r in sheet.iter_rows(min_row=2, values_only=True) if any(r))
    assert written == Counter({SEVERITY_VI[s]: n for s, n in counts.items() if n})
    assert sum(counts.values()) == len(result.findings)


def _legacy_round(folder: Path, task_ids: list[str]) -> list:
    from test_legacy import SUBMISSION, write_legacy_xlsx
    from nq57cli.read.encodings import VNI

    first = write_legacy_xlsx(folder / "skhcn.xlsx", SUBMISSION, "VNI-Times", VNI)  # rows 5 (NV-01), 6 (NV-03)
    again = write_xlsx(folder / "skhcn-unicode.xlsx", [
        ["UBND TỈNH QUẢNG NGÃI", None, None, None, LATER_DATE], ["SỞ KHOA HỌC VÀ CÔNG NGHỆ"], [], HEADER,
        *[[t, int(t[-1]), TITLES[t], None, "Đã hoàn thành", f"Xong {t}", "20/9/2025"] for t in task_ids]])
    return [first, again]


def test_an_old_encoding_finding_keeps_the_cells_of_rows_still_in_use(tmp_path, catalog):
    first, _ = files = _legacy_round(tmp_path, ["NV-01"])
    [alone] = [f for f in merge([first], catalog=catalog).findings if f.code == "text.legacy_encoding"]
    cells = alone.params["cells"].split(", ")
    assert "B5" in cells and "B6" in cells and alone.params["count"] == len(cells)  # all of them named
    [narrowed] = [f for f in merge(files, catalog=catalog).findings if f.code == "text.legacy_encoding"]
    left = [c for c in cells if not c[1:] == "5"]  # row 5 (NV-01) is the Unicode file's now
    assert narrowed.params["cells"] == ", ".join(left) and narrowed.params["count"] == len(left)
    assert narrowed.message("vi").startswith(f"chữ gõ bằng bảng mã cũ VNI (nhận ra qua phông chữ VNI-Times) đã "
                                             f"được chuyển sang Unicode ở {len(left)} ô: {', '.join(left)};")


def test_an_old_encoding_finding_goes_with_the_last_report_of_its_file(tmp_path, catalog):
    result = merge(_legacy_round(tmp_path, ["NV-01", "NV-03"]), catalog=catalog)
    assert "text.legacy_encoding" not in [f.code for f in result.findings]
    assert [f.code for f in _about(result, "skhcn.xlsx")] == []
