"""A new office's first period (issue 19): no invented identity, templates that are picked up,
catalog guard rails, terminal tables that fit, outputs named as what they are, exit codes."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from typer.testing import CliRunner

from conftest import SAMPLES
from nq57cli.cli.app import app

runner = CliRunner()
SUBMISSIONS = sorted((SAMPLES / "submissions").glob("*.xlsx"))


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def merged(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("merged") / "merged.xlsx"
    result = run("merge", "--catalog", str(SAMPLES / "catalog.xlsx"), *map(str, SUBMISSIONS), "-o", str(out))
    assert result.exit_code == 1 and out.exists()  # the samples carry error-level findings on purpose
    return out


def all_runs(path: Path) -> list:
    doc = Document(str(path))
    paragraphs = list(doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    return [run_ for paragraph in paragraphs for run_ in paragraph.runs]


# --------------------------------------------------------------------------------- identity


def test_render_without_config_shows_highlighted_placeholders_and_lists_missing_fields(merged, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no nq57.toml here
    result = run("render", "--form", "bao-cao", "-i", str(merged), "-o", "bc.docx")
    assert result.exit_code == 0, result.output
    assert "signer.name" in result.stderr and "signer.position" in result.stderr and "agency.name" in result.stderr
    assert result.stderr.count("nq57.toml chưa ghi") == 1 and "nq57 init" in result.stderr
    runs = all_runs(tmp_path / "bc.docx")
    text = "".join(r.text for r in runs)
    doc = Document(str(tmp_path / "bc.docx"))
    signature = next(t for t in doc.tables if "Nơi nhận" in t.rows[0].cells[0].text)
    issuer = " ".join(c.text for t in (doc.tables[0], signature) for row in t.rows for c in row.cells)
    assert "[CƠ QUAN CHỦ QUẢN]" in issuer and "[Họ và tên]" in issuer
    assert "QUẢNG NGÃI" not in issuer.upper() and "SỞ KHOA HỌC" not in issuer.upper() and "GIÁM ĐỐC" not in issuer
    highlighted = {r.text for r in runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW}
    assert "[Họ và tên]" in highlighted and "[Chức vụ người ký]" in highlighted and "…" in highlighted
    assert "\ue000" not in text and "\ue001" not in text  # the marks are gone
    assert re.search(r"Số: +/BC-…", text)


def test_configured_office_prints_no_placeholder(merged, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    init = run("init", ".", "--agency", "Sở Khoa học và Công nghệ tỉnh X", "--signer", "Trần Thị B",
               "--position", "Giám đốc")
    assert init.exit_code == 0, init.output
    toml = (tmp_path / "nq57.toml").read_text(encoding="utf-8")
    assert 'name = "Trần Thị B"' in toml and 'position = "GIÁM ĐỐC"' in toml
    result = run("render", "--form", "bao-cao", "-i", str(merged), "-o", "bc.docx",
                 "--set", "agency.parent=UBND TỈNH X", "--set", "agency.code=SKHCN", "--set", "document.place=X")
    assert result.exit_code == 0 and "chưa ghi" not in result.stderr, result.output
    runs = all_runs(tmp_path / "bc.docx")
    text = "".join(r.text for r in runs)
    assert "Trần Thị B" in text and "Sở Khoa học và Công nghệ tỉnh X kính báo cáo./." in text and "[" + "Họ" not in text
    assert not [r.text for r in runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW and r.text.startswith("[Họ")]


def test_starter_toml_leaves_every_identity_field_empty(tmp_path):
    from nq57cli.domain.config import PLACEHOLDERS, missing_identity
    from nq57cli.domain.configfile import load_config

    assert run("init", str(tmp_path)).exit_code == 0
    config = load_config(tmp_path / "nq57.toml")
    assert missing_identity(config) == list(PLACEHOLDERS)
    assert "Nguyễn Tấn Liêm" not in (tmp_path / "nq57.toml").read_text(encoding="utf-8")


def test_init_templates_then_an_edited_template_changes_the_document(merged, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("init", ".", "--templates").exit_code == 0
    toml = (tmp_path / "nq57.toml").read_text(encoding="utf-8")
    assert re.search(r'^template_dir = "templates"$', toml, re.M)  # uncommented, where the copies are
    copy = tmp_path / "templates" / "phu-luc-03.docx"
    doc = Document(str(copy))
    doc.add_paragraph("Bản mẫu đã sửa của văn phòng")
    doc.save(str(copy))
    result = run("render", "--form", "phu-luc-03", "-i", str(merged), "-o", "pl.docx", "-v")
    assert result.exit_code == 0, result.output
    assert f"Mẫu phu-luc-03: {copy.resolve()}" in result.stderr
    assert "Bản mẫu đã sửa của văn phòng" in [p.text for p in Document(str(tmp_path / "pl.docx")).paragraphs]


# ----------------------------------------------------------------------------------- catalog


def test_catalog_given_as_submission_is_refused_with_the_hint(tmp_path):
    catalog = tmp_path / "danh-muc.xlsx"
    shutil.copy(SAMPLES / "catalog.xlsx", catalog)
    result = run("merge", str(catalog), str(SUBMISSIONS[0]), "-o", str(tmp_path / "m.xlsx"))
    assert result.exit_code == 1, result.output
    assert "danh mục nhiệm vụ" in result.stderr and f"--catalog {catalog}" in result.stderr
    assert "danh-muc.xlsx, Danh mục nhiệm vụ!A" in result.stderr  # file, sheet and the header row's cell
    alone = run("merge", str(catalog), "-o", str(tmp_path / "m2.xlsx"), "--lang", "en")
    assert alone.exit_code == 3 and "give it as --catalog" in alone.stderr


def test_merge_without_catalog_says_once_where_tasks_come_from(tmp_path):
    result = run("merge", *map(str, SUBMISSIONS), "-o", str(tmp_path / "m.xlsx"))
    assert result.stderr.count("Không có danh mục (--catalog)") == 1
    assert "49 nhiệm vụ được lập từ hợp các tệp báo cáo (6 tệp)" in result.stderr


def test_nq57_toml_names_catalog_and_submissions_so_merge_alone_works(tmp_path, monkeypatch):
    shutil.copytree(SAMPLES / "submissions", tmp_path / "nop")
    shutil.copy(SAMPLES / "catalog.xlsx", tmp_path / "danh-muc.xlsx")
    (tmp_path / "nq57.toml").write_text('catalog = "danh-muc.xlsx"\nsubmissions = "nop"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("merge", "--json")
    assert result.exit_code == 1 and (tmp_path / "merged.xlsx").exists()
    assert '"tasks": 38' in result.stdout.replace("\n", " ") or '"tasks":38' in result.stdout
    assert "Không có danh mục" not in result.stderr


# ------------------------------------------------------------------------------------ tables


@pytest.fixture(scope="module")
def overdue_table():
    from nq57cli.tasks.merge import merge
    from nq57cli.tasks.overduereport import classify
    from nq57cli.tasks.overduetext import terminal_table
    from datetime import date

    result = merge(SUBMISSIONS, catalog=SAMPLES / "catalog.xlsx")
    return terminal_table(classify(result, date(2025, 12, 31)), "vi")


@pytest.mark.parametrize("width", [80, 120, 200])
def test_overdue_table_never_wider_than_the_terminal(overdue_table, width):
    from rich.console import Console

    from nq57cli.cli.output import print_overdue

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=width, highlight=False, soft_wrap=True,
                      color_system=None)
    print_overdue(overdue_table, "vi", console)
    lines = buffer.getvalue().splitlines()
    assert max(len(line) for line in lines) <= width
    assert any(line.rstrip().endswith("┃") and "Đơn vị" in line for line in lines)  # the last column is there
    assert sum("NQ57-08" in line for line in lines) == 1  # the ID column is not cut


def test_overdue_piped_keeps_every_column_whole(merged):
    result = run("overdue", "-i", str(merged), "--as-of", "31/12/2025")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == ["Nhóm", "Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Tình trạng",
                                    "Quá hạn (ngày)", "Đơn vị chưa hoàn thành"]
    rows = [line.split("\t") for line in lines[1:-1]]
    assert len(rows) == 3 and all(len(row) == 8 for row in rows)
    late = next(row for row in rows if row[1] == "NQ57-07")
    assert late[7] == "Văn phòng UBND tỉnh, Sở Khoa học và Công nghệ, UBND xã Nghĩa Hành"
    assert len(late[2]) > 160  # the task's whole text, not cut
    assert lines[-1].startswith("Tính đến ngày 31/12/2025")


# ----------------------------------------------------------------------------------- outputs


def test_render_output_named_as_what_it_is(merged, tmp_path):
    pdf = run("render", "--form", "phu-luc-03", "-i", str(merged), "-o", str(tmp_path / "bao-cao.pdf"))
    assert pdf.exit_code == 2 and "--pdf" in pdf.stderr and not (tmp_path / "bao-cao.pdf").exists()
    folder = run("render", "--form", "phu-luc-03", "-i", str(merged), "-o", str(tmp_path / "ra") + "/")
    assert folder.exit_code == 0, folder.output
    assert (tmp_path / "ra" / "phu-luc-03.docx").is_file()
    bare = run("render", "--form", "phu-luc-03", "-i", str(merged), "-o", str(tmp_path / "ban-in"))
    assert bare.exit_code == 0 and (tmp_path / "ban-in.docx").is_file()


def test_merge_output_folder_gets_the_default_name(tmp_path):
    (tmp_path / "ra").mkdir()
    result = run("merge", "--catalog", str(SAMPLES / "catalog.xlsx"), str(SUBMISSIONS[0]), "-o", str(tmp_path / "ra"))
    assert result.exit_code in (0, 1) and (tmp_path / "ra" / "merged.xlsx").is_file()


def test_every_single_file_output_takes_a_folder_and_refuses_another_format(merged, tmp_path):
    """-o / --xlsx / --docx of overdue, diff and indicators: a folder gets the default name inside it, a
    name without extension gets the right one, an extension of another kind of output is refused (2)."""
    (tmp_path / "ra").mkdir()
    late = run("overdue", "-i", str(merged), "--as-of", "31/12/2025", "--xlsx", str(tmp_path / "ra") + "/",
               "--docx", str(tmp_path / "ra"), "--config", str(SAMPLES / "nq57.toml"))
    assert late.exit_code == 0, late.output
    assert (tmp_path / "ra" / "qua-han.xlsx").is_file() and (tmp_path / "ra" / "qua-han.docx").is_file()
    wrong = run("overdue", "-i", str(merged), "--as-of", "31/12/2025", "--xlsx", str(tmp_path / "ds.docx"))
    assert wrong.exit_code == 2 and "--xlsx" in wrong.stderr and not (tmp_path / "ds.docx").exists()
    changes = run("diff", str(merged), str(merged), "-o", str(tmp_path / "ra") + "/")
    assert changes.exit_code == 0, changes.output
    assert (tmp_path / "ra" / "changes.xlsx").is_file()
    bare = run("diff", str(merged), str(merged), "-o", str(tmp_path / "thay-doi"))
    assert bare.exit_code == 0 and (tmp_path / "thay-doi.xlsx").is_file()
    folder = SAMPLES / "indicators"
    indicators = run("indicators", "--catalog", str(folder / "chi-tieu.xlsx"), str(folder / "phong-noi-vu.xlsx"),
                     str(folder / "van-phong-hdnd-ubnd-huyen.xlsx"), "-o", str(tmp_path / "ra"))
    assert indicators.exit_code in (0, 1), indicators.output
    assert (tmp_path / "ra" / "indicators.xlsx").is_file()


# -------------------------------------------------------------------------------- exit codes


def test_error_findings_exit_1_when_commands_read_submissions_directly(tmp_path):
    """README: 1 = error-level findings (the output still written), for every command reading submissions."""
    catalog = str(SAMPLES / "catalog.xlsx")
    files = list(map(str, SUBMISSIONS))
    assert run("missing", "--catalog", catalog, *files).exit_code == 1
    assert run("missing", "--catalog", catalog, *files, "--json").exit_code == 1
    assert run("render", "--form", "phu-luc-03", "--catalog", catalog, *files,
               "-o", str(tmp_path / "a.docx")).exit_code == 1
    assert run("validate", "--catalog", catalog, *files).exit_code == 1
    assert run("merge", "--catalog", catalog, *files, "-o", str(tmp_path / "m.xlsx")).exit_code == 1


@pytest.mark.parametrize("command", [["merge"], ["validate"], ["missing", "--catalog", str(SAMPLES / "catalog.xlsx")],
                                     ["render", "--form", "phu-luc-03", "--catalog", str(SAMPLES / "catalog.xlsx")]])
def test_empty_folder_exits_3(tmp_path, command):
    (tmp_path / "rong").mkdir()
    result = run(*command, str(tmp_path / "rong"))
    assert result.exit_code == 3, result.output
    assert "không có tệp Excel nào" in result.stderr


def test_overdue_letters_without_config_say_which_fields_are_placeholders(merged, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no nq57.toml here
    result = run("overdue", "-i", str(merged), "--as-of", "31/12/2025", "--letters", "cong-van", "--docx", "ds.docx")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("nq57.toml chưa ghi") == 1 and "signer.name" in result.stderr
    assert any((tmp_path / "cong-van").glob("*.docx"))
    plain = run("overdue", "-i", str(merged), "--as-of", "31/12/2025")  # no document: nothing to warn about
    assert plain.exit_code == 0 and "chưa ghi" not in plain.stderr
