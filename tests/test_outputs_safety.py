"""Outputs that can be trusted: the same inputs give the same bytes (whatever the run time or the
hash seed), agency text starting with "=", "+", "-", "@" stays text in every XLSX nq57 writes,
nothing is written outside the paths given, and an interrupted write leaves the previous output whole."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from conftest import ROOT, SAMPLES, office_config
from nq57cli.write import mergedbook
from nq57cli.write import xlsxout
from nq57cli.write.annotate import annotate
from nq57cli.write.agencybook import write_agency_templates
from nq57cli.cli.app import app
from nq57cli.errors import OutputError
from nq57cli.tasks.catalog import load_catalog
from nq57cli.tasks.merge import merge
from nq57cli.write.mergedbook import write_merged
from nq57cli.render.overdue import write_letters, write_overdue_docx
from nq57cli.tasks.overduereport import classify
from nq57cli.write.overduebook import write_overdue_xlsx
from nq57cli.render.document import render_document

PAYLOADS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://evil.example\",\"x\")",
            "=1+1", "-cmd", "@cmd"]
HEADER = ["Mã nhiệm vụ", "STT", "Nhiệm vụ cụ thể", "Thời hạn hoàn thành", "Tình trạng", "Kết quả thực hiện",
          "Ngày hoàn thành thực tế", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"]
runner = CliRunner()


def write_text_xlsx(path: Path, rows: list[list], sheet: str = "Báo cáo") -> Path:
    """Like conftest.write_xlsx, but text is always stored as text (as Excel does for a typed "'=...")."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                cell = ws.cell(r, c, value)
                if isinstance(value, str):
                    cell.data_type = "s"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def hostile_submission(path: Path) -> Path:
    rows = [["UBND TỈNH QUẢNG NGÃI"], ["Đơn vị báo cáo: Sở Nội vụ"], [], HEADER,
            ["NV-01", 1, PAYLOADS[0], "31/12/2024", "Đang thực hiện", PAYLOADS[1], None, PAYLOADS[2], PAYLOADS[3]],
            ["NV-02", 2, PAYLOADS[1] + " nhiệm vụ", "30/6/2025", PAYLOADS[5], PAYLOADS[4], None, None, None],
            ["NV-03", 3, PAYLOADS[3] + " nhiệm vụ", "2025", "Hoàn thành", PAYLOADS[2], "=TODAY()", None, PAYLOADS[6]],
            ["NV-04", 4, PAYLOADS[2], "31/12/2024", "Chưa thực hiện", PAYLOADS[7], None, None, None],
            ["NV-05", 5, "Nhiệm vụ thường", "31/12/2024", "@Đang thực hiện", None, None, None, None]]
    return write_text_xlsx(path, rows)


def hostile_catalog(path: Path) -> Path:
    rows = [["UBND TỈNH QUẢNG NGÃI"], [],
            ["Mã nhiệm vụ", "STT", "Nhiệm vụ cụ thể", "Văn bản giao nhiệm vụ", "Thời hạn hoàn thành",
             "Cơ quan chủ trì", "Cơ quan phối hợp"],
            ["Nhóm 1 - " + PAYLOADS[0]],
            ["NV-01", 1, PAYLOADS[0], PAYLOADS[3], "31/12/2024", "Sở Nội vụ", "+Sở Tài chính"],
            ["NV-02", 2, PAYLOADS[4], "=Thông báo số 05-TB/BCĐTW", "-30/6/2025", "Sở Nội vụ", None]]
    return write_text_xlsx(path, rows, sheet="Danh mục")


def cell_types(path: Path) -> tuple[list[tuple[str, str, object]], list[str]]:
    """Every non-empty cell of every sheet as (sheet!cell, data_type, value), and the raw <f> elements."""
    cells = []
    workbook = load_workbook(path)
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    cells.append((f"{ws.title}!{cell.coordinate}", cell.data_type, cell.value))
    formulas = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                data = archive.read(name)
                if b"<f>" in data or b"<f " in data or b":f>" in data:
                    formulas.append(name)
    return cells, formulas


def assert_text_only(path: Path, expect: list[str] | None = None) -> list[str]:
    """No formula anywhere in `path`; every text starting with = + - @ is a string cell. Returns those texts."""
    cells, formulas = cell_types(path)
    assert formulas == [], f"{path.name}: formula elements in {formulas}"
    risky = [(ref, kind, value) for ref, kind, value in cells if isinstance(value, str) and value[:1] in "=+-@"]
    assert all(kind == "s" for _, kind, _ in risky), [r for r in risky if r[1] != "s"]
    assert not [c for c in cells if c[1] == "f"]
    found = [value for _, _, value in risky]
    for payload in expect or []:
        assert any(payload in value for value in found), f"{path.name}: {payload!r} not written as text"
    return found


# ---------------------------------------------------------------- injection

def test_agency_text_stays_text_in_every_xlsx(tmp_path):
    submission = hostile_submission(tmp_path / "in" / "so-noi-vu.xlsx")
    result = merge([submission], agencies={"so-noi-vu.xlsx": "=AGENCY()"}, workers=1)
    assert result.tasks and any(f.value == PAYLOADS[5] for f in result.findings)  # "=1+1" as a status

    merged = write_merged(result, tmp_path / "out" / "merged.xlsx")
    assert_text_only(merged, PAYLOADS[:6] + ["=AGENCY()", "=TODAY()"])
    assert len(load_workbook(merged).sheetnames) == 5  # every sheet was checked

    report = classify(result, date(2025, 12, 31), within=400)
    assert report.overdue
    overdue = write_overdue_xlsx(report, tmp_path / "out" / "overdue.xlsx")
    assert_text_only(overdue, [PAYLOADS[0], PAYLOADS[2], "=AGENCY()"])

    copy = annotate(submission, result.findings, tmp_path / "out" / "annotated")
    texts = assert_text_only(copy, PAYLOADS[:4] + [PAYLOADS[5]])
    assert "Lỗi cần sửa" in load_workbook(copy).sheetnames and "=1+1" in texts

    separate = annotate(tmp_path / "in" / "so-noi-vu.xls", [f.model_copy(update={"file": "so-noi-vu.xls"})
                                                           for f in result.findings], tmp_path / "out" / "annotated")
    assert separate.name == "so-noi-vu-loi-can-sua.xlsx"
    assert_text_only(separate, [PAYLOADS[5]])

    catalog = load_catalog(hostile_catalog(tmp_path / "in" / "danh-muc.xlsx"))
    for template in write_agency_templates(catalog, tmp_path / "out" / "templates", agencies=["Sở Nội vụ", "=X()"]):
        assert_text_only(template)
    texts = assert_text_only(tmp_path / "out" / "templates" / "so-noi-vu.xlsx", [PAYLOADS[0], PAYLOADS[3], PAYLOADS[4]])
    assert "=Thông báo số 05-TB/BCĐTW" in texts


def test_merged_workbook_read_back_keeps_the_text(tmp_path):
    submission = hostile_submission(tmp_path / "so-noi-vu.xlsx")
    merged = write_merged(merge([submission], workers=1), tmp_path / "merged.xlsx")
    back, _ = mergedbook.read_merged(merged)
    titles = {t.task_id: t.title for t in back.tasks}
    assert titles["NV-01"] == PAYLOADS[0] and titles["NV-04"] == PAYLOADS[2]


@pytest.mark.skipif(not (SAMPLES / "indicators" / "chi-tieu.xlsx").is_file(), reason="no indicator samples")
def test_indicator_workbook_keeps_agency_text_as_text(tmp_path):
    folder = tmp_path / "indicators"
    shutil.copytree(SAMPLES / "indicators", folder, ignore=shutil.ignore_patterns("*.md", "*.json"))
    path = folder / "phong-noi-vu.xlsx"
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    changed = 0
    for row in ws.iter_rows(min_row=5):
        for cell in row[3:5]:  # "Giá trị thực hiện", "Ghi chú"
            cell.value = PAYLOADS[changed % len(PAYLOADS)]
            cell.data_type = "s"
            changed += 1
    wb.save(path)
    out = tmp_path / "out" / "chi-tieu-tong-hop.xlsx"
    done = runner.invoke(app, ["indicators", "--catalog", str(folder / "chi-tieu.xlsx"), str(folder),
                               "--milestone", "2025", "-o", str(out)])
    assert done.exit_code in (0, 1), done.output
    assert_text_only(out, [PAYLOADS[1]])


# ---------------------------------------------------------------- determinism

SCRIPT = r"""
import sys
from pathlib import Path
from nq57cli.cli.app import app
out, samples = Path(sys.argv[1]), Path(sys.argv[2])
for args in (
    ["merge", str(samples / "submissions"), "-c", str(samples / "catalog.xlsx"), "-o", str(out / "merged.xlsx")],
    ["render", "-f", "phu-luc-03", "-i", str(out / "merged.xlsx"), "-o", str(out / "phu-luc-03.docx")],
    ["render", "-f", "bao-cao", "-i", str(out / "merged.xlsx"), "-o", str(out / "bao-cao.docx"), "--as-of", "31/12/2025"],
    ["overdue", "-i", str(out / "merged.xlsx"), "--as-of", "2025-12-31", "--within", "30", "--xlsx",
     str(out / "overdue.xlsx"), "--docx", str(out / "overdue.docx"), "--letters", str(out / "letters")],
    ["template", "-c", str(samples / "catalog.xlsx"), "-o", str(out / "templates")],
    ["validate", str(samples / "submissions"), "-c", str(samples / "catalog.xlsx"), "--annotate", str(out / "annotated")],
):
    try:
        app(args, prog_name="nq57", standalone_mode=False)
    except SystemExit:
        pass
"""


def run_once(out: Path, seed: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")]),
               NQ57_WORKERS="1")
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(out), str(SAMPLES)], env=env, capture_output=True,
                          text=True, timeout=300, cwd=out)
    assert done.returncode == 0, done.stderr[-3000:]


def package_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_two_runs_give_the_same_bytes(tmp_path):
    """Two processes (other hash seeds, other times) on the same inputs write identical files."""
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    run_once(first, "1")
    import time

    time.sleep(1.1)  # a stamped run time would now differ
    run_once(second, "2")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert {"merged.xlsx", "phu-luc-03.docx", "bao-cao.docx", "overdue.xlsx", "overdue.docx"} <= {str(f) for f in files}
    assert any(str(f).startswith("templates/") for f in files) and any(str(f).startswith("annotated/") for f in files)
    assert any(str(f).startswith("letters/") for f in files)
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in files:
        a, b = first / name, second / name
        if a.suffix == ".docx":  # the parts the issue names, then the whole file
            pa, pb = package_parts(a), package_parts(b)
            assert pa["word/document.xml"] == pb["word/document.xml"], name
            assert pa["docProps/core.xml"] == pb["docProps/core.xml"], name
        assert a.read_bytes() == b.read_bytes(), f"{name} differs between two runs"


def test_openpyxl_outputs_carry_no_run_time(tmp_path):
    catalog = load_catalog(SAMPLES / "catalog.xlsx")
    path = write_agency_templates(catalog, tmp_path, agencies=["Sở Nội vụ"])[0]
    core = package_parts(path)["docProps/core.xml"].decode()
    assert "2025-01-01T00:00:00Z" in core and str(date.today().year + 1) not in core
    with zipfile.ZipFile(path) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# ---------------------------------------------------------------- nothing written elsewhere

def tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}


def test_commands_write_only_where_told(tmp_path, monkeypatch):
    inputs = tmp_path / "in"
    shutil.copytree(SAMPLES, inputs, ignore=shutil.ignore_patterns("*.py", "__pycache__", "*.md"))
    work = tmp_path / "cwd"
    work.mkdir()
    out = tmp_path / "out"
    monkeypatch.chdir(work)
    monkeypatch.setenv("NQ57_WORKERS", "1")
    before_inputs = tree(inputs)
    system_tmp = Path(os.environ.get("TMPDIR", "/tmp"))
    tmp_before = {p.name for p in system_tmp.iterdir() if p.name.startswith(".merged")} if system_tmp.is_dir() else set()
    commands = [
        ["merge", str(inputs / "submissions"), "-c", str(inputs / "catalog.xlsx"), "-o", str(out / "merged.xlsx")],
        ["validate", str(inputs / "submissions"), "-c", str(inputs / "catalog.xlsx"), "--annotate", str(out / "ann")],
        ["template", "-c", str(inputs / "catalog.xlsx"), "-o", str(out / "templates")],
        ["render", "-f", "phu-luc-03", "-i", str(out / "merged.xlsx"), "-o", str(out / "pl03.docx")],
        ["overdue", "-i", str(out / "merged.xlsx"), "--as-of", "2025-12-31", "--xlsx", str(out / "od.xlsx"),
         "--docx", str(out / "od.docx"), "--letters", str(out / "letters"), "--json"],
        ["missing", "-i", str(out / "merged.xlsx"), "--json"],
        ["forms"],
    ]
    if (inputs / "indicators").is_dir():
        commands.append(["indicators", "-c", str(inputs / "indicators" / "chi-tieu.xlsx"),
                         str(inputs / "indicators"), "--milestone", "2025", "-o", str(out / "ind.xlsx")])
    for args in commands:
        done = runner.invoke(app, args)
        assert done.exit_code in (0, 1), (args, done.output)
    assert tree(work) == {}, "written into the working folder"
    assert tree(inputs) == before_inputs, "an input was changed"
    written = tree(out)
    assert not [name for name in written if name.endswith(".tmp") or Path(name).name.startswith(".")]
    tops = {Path(name).parts[0] for name in written}
    assert tops <= {"merged.xlsx", "ann", "templates", "pl03.docx", "od.xlsx", "od.docx", "letters", "ind.xlsx"}
    if system_tmp.is_dir():
        assert {p.name for p in system_tmp.iterdir() if p.name.startswith(".merged")} == tmp_before


# ---------------------------------------------------------------- interrupted writes

def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


@pytest.fixture()
def merged_result(tmp_path):
    paths = sorted((SAMPLES / "submissions").glob("*.xlsx"))
    return merge(paths, catalog=SAMPLES / "catalog.xlsx", workers=1)


def test_interrupted_merge_write_keeps_the_previous_file(tmp_path, merged_result, monkeypatch):
    target = tmp_path / "merged.xlsx"
    write_merged(merged_result, target)
    before = target.read_bytes()
    calls = []
    real = mergedbook.write_sheet

    def failing(*args, **kwargs):
        calls.append(args[1])
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(mergedbook, "write_sheet", failing)
    with pytest.raises(OutputError) as caught:  # a full disk: one line naming the output, exit 5
        write_merged(merged_result, target)
    assert str(target) in caught.value.message("en") and caught.value.exit_code == 5
    assert len(calls) == 3  # it stopped midway, after two sheets
    assert target.read_bytes() == before
    assert leftovers(tmp_path, {"merged.xlsx"}) == []


def test_interrupted_merge_command_exits_130_and_keeps_the_file(tmp_path, monkeypatch):
    target = tmp_path / "merged.xlsx"
    args = ["merge", str(SAMPLES / "submissions"), "-c", str(SAMPLES / "catalog.xlsx"), "-o", str(target)]
    monkeypatch.setenv("NQ57_WORKERS", "1")
    assert runner.invoke(app, args).exit_code in (0, 1)
    before = target.read_bytes()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(mergedbook, "write_sheet", interrupted)
    done = runner.invoke(app, args)
    assert done.exit_code == 130
    assert target.read_bytes() == before and leftovers(tmp_path, {"merged.xlsx"}) == []


def half_then_fail(monkeypatch) -> list[Path]:
    """Path.write_bytes writes half its data, then the disk is full."""
    touched: list[Path] = []
    real = Path.write_bytes

    def write_bytes(self, data):
        touched.append(self)
        real(self, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    return touched


def test_interrupted_render_keeps_the_previous_document(tmp_path, merged_result, monkeypatch):
    target = tmp_path / "phu-luc-03.docx"
    render_document(merged_result, "phu-luc-03", office_config(), target)
    before = target.read_bytes()
    touched = half_then_fail(monkeypatch)
    with pytest.raises(OutputError):  # the full disk, named with the output (exit 5)
        render_document(merged_result, "phu-luc-03", office_config(), target)
    assert touched and all(p != target for p in touched)  # the half file was a temporary one
    assert target.read_bytes() == before and leftovers(tmp_path, {"phu-luc-03.docx"}) == []


def test_interrupted_overdue_outputs_keep_the_previous_files(tmp_path, merged_result, monkeypatch):
    report = classify(merged_result, date(2025, 12, 31))
    xlsx, docx, letters = tmp_path / "overdue.xlsx", tmp_path / "overdue.docx", tmp_path / "letters"
    write_overdue_xlsx(report, xlsx)
    write_overdue_docx(report, docx, office_config())
    written = write_letters(report, letters, office_config())
    assert written
    before = {p: p.read_bytes() for p in [xlsx, docx, *written]}
    real = xlsxout.write_sheet
    calls = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(xlsxout, "write_sheet", failing)
    with pytest.raises(OutputError):  # the full disk, named with the output (exit 5)
        write_overdue_xlsx(report, xlsx)
    half_then_fail(monkeypatch)
    with pytest.raises(OutputError):  # the full disk, named with the output (exit 5)
        write_overdue_docx(report, docx, office_config())
    with pytest.raises(OutputError):  # the full disk, named with the output (exit 5)
        write_letters(report, letters, office_config())
    assert {p: p.read_bytes() for p in before} == before
    assert leftovers(tmp_path, {"overdue.xlsx", "overdue.docx", "letters"}) == []
    assert leftovers(letters, {p.name for p in written}) == []
