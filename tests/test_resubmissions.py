"""An agency that sends again (issue 20): its corrected file supersedes the first for the tasks both cover,
everywhere (merged.xlsx, render, overdue, missing); an identical copy is one sender."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from conftest import HEADER, write_xlsx
from nq57cli.cli.app import app
from nq57cli.errors import UsageError
from nq57cli.pipeline import expected_agencies
from nq57cli.tasks.merge import merge
from nq57cli.tasks.missing import missing_report
from nq57cli.tasks.resubmissions import FINAL, version_rank
from nq57cli.write.jsonout import merge_result_to_dict
from nq57cli.write.mergedbook import read_merged, write_merged

runner = CliRunner()
OLD_TIME, NEW_TIME = 1_750_000_000, 1_760_000_000


def noi_vu(path: Path, rows: list[list], dated: str | None = None) -> Path:
    """A Sở Nội vụ report; `dated`: its place-date line ("Quảng Ngãi, ngày 25 tháng 9 năm 2025")."""
    top = [["UBND TỈNH QUẢNG NGÃI", None, None, None, dated], ["SỞ NỘI VỤ"], []]
    return write_xlsx(path, top + [HEADER] + rows)


FIRST = [  # NV-01 only here; NV-02 in progress (the corrected file says completed)
    ["NV-01", 1, "Tiếp tục nâng cao tinh thần trách nhiệm", None, "Đang thực hiện", "báo cáo NV-01 lần đầu", None],
    ["NV-02", 2, "Rà soát, ban hành các văn bản", None, "Đang thực hiện", "nội dung cũ NV-02", None],
]
CORRECTED = [
    ["NV-02", 2, "Rà soát, ban hành các văn bản", None, "Đã hoàn thành", "nội dung mới NV-02", "20/9/2025"],
]


def _task(result, task_id):
    return next(t for t in result.tasks if t.task_id == task_id)


def _check_superseded(result, first: str, corrected: str) -> None:
    nv02, nv01 = _task(result, "NV-02"), _task(result, "NV-01")
    assert [(r.file, r.result) for r in nv02.reports] == [(corrected, "nội dung mới NV-02")]
    assert nv02.status == "completed" and nv02.completed_on == date(2025, 9, 20)
    assert [(r.file, r.result) for r in nv01.reports] == [(first, "báo cáo NV-01 lần đầu")]  # only in the first
    assert not [f for f in result.findings if f.code.startswith("conflict.")]


def test_a_later_document_date_supersedes_even_when_the_file_is_older_on_disk(tmp_path, catalog):
    first = noi_vu(tmp_path / "sonoivu-bao-cao.xlsx", FIRST, "Quảng Ngãi, ngày 20 tháng 9 năm 2025")
    corrected = noi_vu(tmp_path / "sonoivu-gui-lai.xlsx", CORRECTED, "Quảng Ngãi, ngày 25 tháng 9 năm 2025")
    os.utime(first, (NEW_TIME, NEW_TIME))  # the first file was copied last: its date on disk says nothing
    os.utime(corrected, (OLD_TIME, OLD_TIME))
    result = merge([corrected, first], catalog=catalog)
    _check_superseded(result, first.name, corrected.name)
    [finding] = [f for f in result.findings if f.code.startswith("agency.resubmitted")]
    assert finding.code == "agency.resubmitted" and finding.severity == "info"
    message = finding.message("vi")
    assert "dùng tệp mới nhất sonoivu-gui-lai.xlsx (theo ngày văn bản 25/09/2025) cho NV-02" in message
    assert "báo cáo cũ được thay: sonoivu-bao-cao.xlsx (NV-02)" in message
    assert "giữ báo cáo cũ: sonoivu-bao-cao.xlsx (NV-01)" in message
    inputs = {i.name: i for i in result.inputs}
    assert inputs[first.name].superseded_by == corrected.name and inputs[corrected.name].superseded_by is None
    assert inputs[corrected.name].document_date == date(2025, 9, 25)
    data = merge_result_to_dict(result)  # --json records it
    assert {i["name"]: i["superseded_by"] for i in data["inputs"]}[first.name] == corrected.name


def test_the_place_date_line_under_the_signature_dates_the_document(tmp_path, catalog):
    rows = [*CORRECTED, [], [None, None, None, None, "Quảng Ngãi, ngày 02 tháng 10 năm 2025"],
            [None, None, None, None, "GIÁM ĐỐC"]]
    signed = noi_vu(tmp_path / "a.xlsx", rows)
    result = merge([signed], catalog=catalog)
    assert result.inputs[1].document_date == date(2025, 10, 2)


@pytest.mark.parametrize("name, rank", [
    ("BC_Q3.xlsx", 0), ("BC_Q3 (1).xlsx", 1), ("BC_Q3 (2).xlsx", 2), ("bao-cao-v2.xlsx", 2), ("Báo cáo lần 3.xlsx", 3),
    ("BC_bổ sung.xlsx", 1), ("BC sửa.xlsx", 1), ("BC_Q3_final.xlsx", FINAL), ("Báo cáo 57 quý 3.xlsx", 0),
    ("so-noi-vu-2025.xlsx", 0),
])
def test_version_marks_in_file_names(name, rank):
    assert version_rank(name) == rank


def test_file_name_marks_decide_when_no_document_dates(tmp_path, catalog):
    first = noi_vu(tmp_path / "BC_Q3_SoNoiVu.xlsx", FIRST)
    corrected = noi_vu(tmp_path / "BC_Q3_SoNoiVu (1).xlsx", CORRECTED)
    os.utime(first, (NEW_TIME, NEW_TIME))
    os.utime(corrected, (OLD_TIME, OLD_TIME))
    result = merge([first, corrected], catalog=catalog)
    _check_superseded(result, first.name, corrected.name)
    [finding] = [f for f in result.findings if f.code.startswith("agency.resubmitted")]
    assert finding.params["basis"] == "name" and "(theo tên tệp)" in finding.message("vi")


def test_modification_time_decides_last_with_a_warning_and_use_overrides(tmp_path, catalog):
    first = noi_vu(tmp_path / "noivu-a.xlsx", FIRST)
    corrected = noi_vu(tmp_path / "noivu-b.xlsx", CORRECTED)
    os.utime(first, (OLD_TIME, OLD_TIME))
    os.utime(corrected, (NEW_TIME, NEW_TIME))
    result = merge([first, corrected], catalog=catalog)
    _check_superseded(result, first.name, corrected.name)
    [finding] = [f for f in result.findings if f.code.startswith("agency.resubmitted")]
    assert finding.code == "agency.resubmitted_by_time" and finding.severity == "warning"
    assert "--use" in finding.message("vi")
    chosen = merge([first, corrected], catalog=catalog, use=[first.name])  # the user says the first is right
    assert [r.result for r in _task(chosen, "NV-02").reports] == ["nội dung cũ NV-02"]
    assert [f.code for f in chosen.findings if f.code.startswith("agency.resubmitted")] == ["agency.resubmitted"]
    with pytest.raises(UsageError):
        merge([first, corrected], catalog=catalog, use=["khong-co.xlsx"])


def test_corrected_file_supersedes_in_merged_xlsx_render_overdue_and_missing(tmp_path, catalog):
    folder = tmp_path / "submissions"
    folder.mkdir()
    first = noi_vu(folder / "BC_Q3 Sở Nội vụ.xlsx", FIRST, "Quảng Ngãi, ngày 20 tháng 9 năm 2025")
    corrected = noi_vu(folder / "BC_Q3 Sở Nội vụ (1).xlsx", CORRECTED, "Quảng Ngãi, ngày 25 tháng 9 năm 2025")
    merged = tmp_path / "merged.xlsx"
    out = runner.invoke(app, ["merge", "--catalog", str(catalog), str(folder), "-o", str(merged)])
    assert out.exit_code == 0, out.output
    result, _ = read_merged(merged)
    _check_superseded(result, first.name, corrected.name)
    assert {i.name: i.superseded_by for i in result.inputs}[first.name] == corrected.name

    docx = tmp_path / "phu-luc.docx"
    out = runner.invoke(app, ["render", "--form", "phu-luc-03", "-i", str(merged), "-o", str(docx)])
    assert out.exit_code == 0, out.output
    document = Document(str(docx))
    text = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "nội dung mới NV-02" in text and "nội dung cũ NV-02" not in text

    out = runner.invoke(app, ["overdue", "-i", str(merged), "--as-of", "15/10/2025", "--json"])
    late = json.loads(out.stdout)
    nv02 = next(item for item in late["tasks"] if item["task_id"] == "NV-02")  # due "Tháng 9/2025"
    assert nv02["status"] == "completed" and nv02["overdue"] is False

    out = runner.invoke(app, ["missing", "-i", str(merged), "--json"])
    gaps = json.loads(out.stdout)
    noi = next(a for a in gaps["agencies"] if a["agency"] == "Sở Nội vụ")
    assert noi["sent"] and "NV-02" not in noi["silent_tasks"] and gaps["unexpected"] == []


def test_an_identical_copy_is_one_sender(tmp_path, catalog):
    original = write_xlsx(tmp_path / "so-noi-vu.xlsx", [HEADER, *CORRECTED])
    copy = tmp_path / "Bản sao báo cáo.xlsx"
    shutil.copyfile(original, copy)
    result = merge([original, copy], catalog=catalog)
    inputs = {i.name: i for i in result.inputs}
    assert inputs[copy.name].role == "copy" and inputs[copy.name].superseded_by == original.name
    assert [f.severity for f in result.findings if f.code == "file.duplicate"] == ["info"]
    assert len(_task(result, "NV-02").reports) == 1
    gaps = missing_report(result)
    assert gaps.unexpected == [] and gaps.unreadable_files == []
    assert next(a for a in gaps.agencies if a.agency == "Sở Nội vụ").files == [original.name]
    assert merge_result_to_dict(result)["summary"]["files"] == 1
    merged = write_merged(result, tmp_path / "merged.xlsx")
    back, _ = read_merged(merged)
    assert {i.name: i.role for i in back.inputs}[copy.name] == "copy"
    assert missing_report(back, expected_agencies(back, None)).unexpected == []  # as `nq57 missing -i`


def _use_help(command: str) -> str:
    import typer

    [option] = [p for p in typer.main.get_command(app).commands[command].params if "--use" in p.opts]
    return option.help


def test_render_overdue_and_missing_given_submissions_take_use_as_merge_does(tmp_path, catalog):
    folder = tmp_path / "submissions"
    folder.mkdir()
    first = noi_vu(folder / "noivu-a.xlsx", FIRST)
    noi_vu(folder / "noivu-b.xlsx", CORRECTED)
    os.utime(first, (OLD_TIME, OLD_TIME))  # only the modification time tells them apart: b is newer
    os.utime(folder / "noivu-b.xlsx", (NEW_TIME, NEW_TIME))
    given = ["--catalog", str(catalog), str(folder)]

    def phu_luc(*use: str) -> str:
        docx = tmp_path / "phu-luc.docx"
        out = runner.invoke(app, ["render", "--form", "phu-luc-03", *given, *use, "-o", str(docx)])
        assert out.exit_code == 0, out.output
        return "\n".join(c.text for t in Document(str(docx)).tables for r in t.rows for c in r.cells)

    assert "nội dung mới NV-02" in phu_luc() and "nội dung cũ NV-02" not in phu_luc()
    chosen = phu_luc("--use", first.name)
    assert "nội dung cũ NV-02" in chosen and "nội dung mới NV-02" not in chosen

    def nv02(*use: str) -> dict:
        out = runner.invoke(app, ["overdue", *given, *use, "--as-of", "15/10/2025", "--json"])
        assert out.exit_code == 0, out.output
        return next(item for item in json.loads(out.stdout)["tasks"] if item["task_id"] == "NV-02")

    assert nv02()["status"] == "completed" and nv02()["overdue"] is False
    assert nv02("--use", str(first))["overdue"] is True  # a path names it too; the first says in progress

    out = runner.invoke(app, ["missing", *given, "--use", first.name, "--json"])
    assert out.exit_code == 0, out.output
    noi = next(a for a in json.loads(out.stdout)["agencies"] if a["agency"] == "Sở Nội vụ")
    assert noi["sent"] and sorted(noi["files"]) == ["noivu-a.xlsx", "noivu-b.xlsx"]

    assert len({_use_help(name) for name in ("merge", "validate", "render", "overdue", "missing")}) == 1
    import nq57cli  # the library's validate takes it too

    report = nq57cli.validate(folder, catalog=catalog, use=[first.name])
    assert [f.params["basis"] for f in report.findings if f.code == "agency.resubmitted"] == ["option"]


@pytest.mark.parametrize("command", ["render", "overdue", "missing"])
def test_use_naming_a_file_not_among_the_inputs_is_the_usage_error_of_merge(tmp_path, catalog, command):
    noi_vu(tmp_path / "noivu-a.xlsx", FIRST)
    form = ["--form", "phu-luc-03", "-o", str(tmp_path / "x.docx")] if command == "render" else []
    expected = runner.invoke(app, ["merge", "--catalog", str(catalog), str(tmp_path / "noivu-a.xlsx"),
                                   "--use", "khong-co.xlsx", "-o", str(tmp_path / "m.xlsx")])
    out = runner.invoke(app, [command, *form, "--catalog", str(catalog), str(tmp_path / "noivu-a.xlsx"),
                              "--use", "khong-co.xlsx"])
    assert expected.exit_code == out.exit_code == 2
    assert "--use khong-co.xlsx: không phải một trong các tệp báo cáo đã cho" in out.output
    assert out.output == expected.output
    merged = tmp_path / "merged.xlsx"  # read back from a merged.xlsx, there is nothing to choose from
    write_merged(merge([tmp_path / "noivu-a.xlsx"], catalog=catalog), merged)
    out = runner.invoke(app, [command, *form, "-i", str(merged), "--use", "noivu-a.xlsx"])
    assert out.exit_code == 2 and "--use noivu-a.xlsx: không phải một trong các tệp báo cáo đã cho" in out.output
