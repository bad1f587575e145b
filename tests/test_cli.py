"""The CLI through typer's CliRunner: exit codes, stdout/stderr split, --json = library result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SAMPLES, sha256, submission_rows, write_xlsx
from nq57cli.write.jsonout import merge_result_to_dict
from nq57cli.cli.app import app
from nq57cli.errors import UnreadableInputError
from nq57cli.tasks.merge import merge

runner = CliRunner()
SUBMISSIONS = sorted((SAMPLES / "submissions").glob("*.xlsx"))


def run(*args: str):
    return runner.invoke(app, list(args))


def test_help_lists_commands_with_text():
    result = run("--help")
    assert result.exit_code == 0
    for name in ("merge", "demo"):
        assert name in result.output


def _commands() -> list[str]:
    from typer.main import get_command

    return sorted(get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help(name):
    result = run(name, "--help")
    assert result.exit_code == 0
    assert "Cách dùng" in result.output and "Usage" not in result.output and len(result.output) > 200
    english = run(name, "--help", "--lang", "en")
    assert english.exit_code == 0
    assert "Usage" in english.output and "Cách dùng" not in english.output and len(english.output) > 200


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.output.startswith("nq57 ")


def test_merge_samples_writes_workbook_and_exits_1_for_deliberate_errors(tmp_path):
    out = tmp_path / "out" / "merged.xlsx"
    result = run("merge", "--catalog", str(SAMPLES / "catalog.xlsx"), *map(str, SUBMISSIONS), "-o", str(out))
    assert result.exit_code == 1  # the samples hold deliberate error-level findings
    assert out.exists()
    assert "38" in result.stdout and "Đã ghi" in result.stdout
    assert "NQ57-99" in result.stderr and "cong-an-tinh.xlsx" in result.stderr
    unknown = [line for line in result.stderr.splitlines() if "NQ57-99" in line]
    assert unknown and "cong-an-tinh.xlsx, Sheet1!A7:" in unknown[0]  # one line: file, sheet, cell
    assert "NQ57-99" not in result.stdout  # diagnostics on stderr only


def test_merge_clean_exit_0_and_english(tmp_path, catalog):
    good = write_xlsx(tmp_path / "good.xlsx", submission_rows("SỞ NỘI VỤ", [
        ["NV-02", 2, "Rà soát", "Tháng 9/2025", "Đang thực hiện", "Đang rà soát", None]]))
    result = run("merge", "--catalog", str(catalog), str(good), "-o", str(tmp_path / "m.xlsx"), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Summary" in result.stdout and "Tasks" in result.stdout


def test_json_equals_library_result(tmp_path):
    out = tmp_path / "merged.xlsx"
    result = run("merge", "--catalog", str(SAMPLES / "catalog.xlsx"), *map(str, SUBMISSIONS), "-o", str(out), "--json")
    data = json.loads(result.stdout)
    library = merge_result_to_dict(merge(SUBMISSIONS, catalog=SAMPLES / "catalog.xlsx"), "vi")
    assert data == json.loads(json.dumps(library, ensure_ascii=False))
    task = data["tasks"][0]
    assert set(task) >= {"task_id", "group", "title", "deadline", "status", "agencies"}
    assert set(task["deadline"]) >= {"kind", "due", "raw"}
    assert set(data["findings"][0]) >= {"severity", "code", "file", "sheet", "cell", "column", "message"}
    assert data["summary"]["tasks"] == 38


def test_folder_input_and_glob(tmp_path, samples_dir):
    out = tmp_path / "m.xlsx"
    by_folder = run("merge", "--catalog", str(samples_dir / "catalog.xlsx"), str(samples_dir / "submissions"),
                    "-o", str(out), "--json")
    by_glob = run("merge", "--catalog", str(samples_dir / "catalog.xlsx"), str(samples_dir / "submissions" / "*.xlsx"),
                  "-o", str(out), "--json")
    assert json.loads(by_folder.stdout)["summary"]["files"] == 6
    assert json.loads(by_glob.stdout)["summary"]["files"] == 6


def test_folder_listing(tmp_path):
    """A folder gives its workbooks by name, the extension in any case; hidden files, Excel lock files
    and other files are left out; a link to a file already listed and the output are not read twice."""
    from nq57cli.read.inputs import expand_inputs

    folder = tmp_path / "nop"
    folder.mkdir()
    for name in ["b.xlsx", "A.XLSX", "c.ods", "d.Xls", ".an.xlsx", "~$b.xlsx", "ghi-chu.txt", "merged.xlsx"]:
        (folder / name).write_bytes(b"x")
    (folder / "link.xlsx").symlink_to(folder / "b.xlsx")
    found = expand_inputs([str(folder), str(folder / "c.ods")], exclude=[folder / "merged.xlsx"])
    assert [p.name for p in found] == ["A.XLSX", "b.xlsx", "c.ods", "d.Xls"]
    assert found[0] == folder / "A.XLSX"
    (tmp_path / "rong").mkdir()
    (tmp_path / "rong" / "ghi-chu.txt").write_bytes(b"x")
    with pytest.raises(UnreadableInputError, match="không có tệp Excel"):
        expand_inputs([str(tmp_path / "rong")], exclude=[])


@pytest.mark.parametrize(
    "args, code, text",
    [
        (["merge"], 2, "Chưa có tệp báo cáo nào để gộp"),  # nor submissions = "..." in nq57.toml
        (["merge", "--lang", "en"], 2, "No submission files to merge"),
        (["merge", "nothing-here-*.xlsx"], 2, "Không có tệp nào khớp"),
        (["merge", "x.xlsx", "--lang", "fr"], 2, "--lang"),
        (["merge", "x.xlsx", "--agency", "novalue"], 2, "TỆP=TÊN"),
        (["bogus"], 2, "Không có lệnh 'bogus'"),
        (["bogus", "--lang", "en"], 2, "No such command"),
    ],
)
def test_usage_errors_exit_2(args, code, text):
    result = run(*args)
    assert result.exit_code == code
    assert text in result.output


def test_missing_catalog_exits_3(tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", submission_rows(None, [["NV-01", 1, "x", None, "Hoàn thành", "y", None]]))
    result = run("merge", "--catalog", str(tmp_path / "missing.xlsx"), str(good), "-o", str(tmp_path / "m.xlsx"))
    assert result.exit_code == 3
    assert "missing.xlsx" in result.stderr


def test_nothing_readable_exits_3_and_says_why(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not excel", encoding="utf-8")
    result = run("merge", str(bad), "-o", str(tmp_path / "m.xlsx"))
    assert result.exit_code == 3
    assert "bad.xlsx" in result.stderr and "hỏng" in result.stderr
    assert not (tmp_path / "m.xlsx").exists()


def test_output_that_is_an_input_is_refused(tmp_path, catalog):
    before = sha256(catalog)
    result = run("merge", "--catalog", str(catalog), str(catalog), "-o", str(catalog))
    assert result.exit_code == 2
    assert sha256(catalog) == before


def test_existing_output_survives_a_failed_run(tmp_path):
    out = tmp_path / "merged.xlsx"
    out.write_bytes(b"previous good output")
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not excel", encoding="utf-8")
    result = run("merge", str(bad), "-o", str(out))
    assert result.exit_code == 3
    assert out.read_bytes() == b"previous good output"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_demo_runs_on_bundled_samples(tmp_path):
    result = run("demo", "--out", str(tmp_path / "demo"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "demo" / "merged.xlsx").exists()


def test_template_validate_missing_loop(tmp_path):
    """template → (agencies fill) → validate --annotate → merge → missing, through the CLI."""
    import openpyxl

    out = tmp_path / "mau"
    made = run("template", "--catalog", str(SAMPLES / "catalog.xlsx"), "-o", str(out), "--period", "Quý III/2025",
               "--return-by", "25/9/2025", "--json")
    assert made.exit_code == 0, made.output
    files = json.loads(made.stdout)["files"]
    assert len(files) == 6 and all(Path(f["path"]).exists() for f in files)
    first = Path(files[0]["path"])
    wb = openpyxl.load_workbook(first)
    ws = wb["Báo cáo"]
    for row in ws.iter_rows():
        if row[0].value and str(row[0].value).startswith("NQ57-"):
            row[5].value = "Đang thực hiện"
            row[6].value = "Đã triển khai theo kế hoạch"
    wb.save(first)
    checked = run("validate", "--catalog", str(SAMPLES / "catalog.xlsx"), str(first), "--json")
    assert checked.exit_code == 0, checked.output
    data = json.loads(checked.stdout)
    assert data["clean_files"] == [first.name]

    annotated = tmp_path / "sua"
    before = sha256(SAMPLES / "submissions" / "cong-an-tinh.xlsx")
    bad = run("validate", "--catalog", str(SAMPLES / "catalog.xlsx"), str(SAMPLES / "submissions" / "cong-an-tinh.xlsx"),
              "--annotate", str(annotated))
    assert bad.exit_code == 1
    assert (annotated / "cong-an-tinh.xlsx").exists()
    assert sha256(SAMPLES / "submissions" / "cong-an-tinh.xlsx") == before

    merged = tmp_path / "merged.xlsx"
    assert run("merge", "--catalog", str(SAMPLES / "catalog.xlsx"), str(first), "-o", str(merged)).exit_code == 0
    gaps = run("missing", "-i", str(merged), "--json")
    assert gaps.exit_code == 0, gaps.output
    report = json.loads(gaps.stdout)
    assert len(report["not_sent"]) == 5


@pytest.fixture(scope="module")
def merged_samples(tmp_path_factory):
    out = tmp_path_factory.mktemp("merged") / "merged.xlsx"
    result = run("merge", "--catalog", str(SAMPLES / "catalog.xlsx"), *map(str, SUBMISSIONS), "-o", str(out))
    assert result.exit_code == 1 and out.exists()
    return out


def test_forms_lists_every_form_one_line_each():
    result = run("forms")
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert [line.split()[0] for line in lines] == ["phu-luc-03", "phu-luc-chi-tiet", "phu-luc-01", "phu-luc-02",
                                                   "bao-cao", "ke-hoach", "chi-tieu"]


def test_render_phu_luc_03_from_merged(merged_samples, tmp_path):
    from docx import Document

    out = tmp_path / "pl03.docx"
    result = run("render", "--form", "phu-luc-03", "-i", str(merged_samples), "-o", str(out),
                 "--set", "document.number=127")
    assert result.exit_code == 0, result.output
    doc = Document(out)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "PHỤ LỤC 03" in text and "127" in text
    table = doc.tables[-1]
    rows = [r for r in table.rows[1:] if not r.cells[1].text.startswith("(tiếp theo)")]  # tall rows are cut
    assert len(rows) == 38 + 8  # tasks + groups



def test_render_pauses_the_cycle_collector_and_gives_it_back(merged_samples, tmp_path, monkeypatch):
    """gc off while a merged.xlsx is rendered, on again after (also after a failure), left as it was
    when the caller had it off, and on throughout when submissions are merged first."""
    import gc

    from nq57cli.cli.commands import render as render_module

    seen: list[bool] = []
    real = render_module.cycle_collection_paused

    def watched(paused: bool = True):
        seen.append(paused)
        return real(paused)

    monkeypatch.setattr(render_module, "cycle_collection_paused", watched)
    assert gc.isenabled()
    assert run("render", "--form", "phu-luc-03", "-i", str(merged_samples), "-o", str(tmp_path / "a.docx")).exit_code == 0
    assert run("render", "--form", "no-such-form", "-i", str(merged_samples)).exit_code == 2
    assert seen == [True, True] and gc.isenabled()
    with real():
        assert not gc.isenabled()
    assert gc.isenabled()
    with real(paused=False):
        assert gc.isenabled()
    gc.disable()
    try:
        with real():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()

def test_render_from_submissions_directly(tmp_path):
    out = tmp_path / "kh.docx"
    result = run("render", "--form", "ke-hoach", "--catalog", str(SAMPLES / "catalog.xlsx"), *map(str, SUBMISSIONS),
                 "-o", str(out))
    assert result.exit_code == 1, result.output  # the samples' error-level findings, as merge's exit code
    assert out.exists()


def test_render_usage_and_template_errors(merged_samples, tmp_path):
    from docx import Document

    assert run("render", "--form", "nope", "-i", str(merged_samples)).exit_code == 2
    assert run("render", "--form", "phu-luc-03", "-i", str(tmp_path / "none.xlsx")).exit_code == 3
    bad = tmp_path / "bad.docx"
    doc = Document()
    doc.add_paragraph("Số nhiệm vụ: {{ so_nhiem_vu_khong_co }}")
    doc.save(bad)
    result = run("render", "--form", "phu-luc-03", "-i", str(merged_samples), "--template", str(bad),
                 "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 4
    assert "so_nhiem_vu_khong_co" in result.stderr
    assert not (tmp_path / "x.docx").exists()


def test_init_writes_config_and_never_overwrites(tmp_path):
    first = run("init", str(tmp_path / "ky-bao-cao"))
    assert first.exit_code == 0
    config = tmp_path / "ky-bao-cao" / "nq57.toml"
    assert config.exists() and "#" in config.read_text(encoding="utf-8")
    config.write_text("# của tôi\n", encoding="utf-8")
    again = run("init", str(tmp_path / "ky-bao-cao"))
    assert again.exit_code == 0 and "giữ nguyên" in again.stdout
    assert config.read_text(encoding="utf-8") == "# của tôi\n"


def test_overdue_json_equals_library_and_exit_codes(merged_samples, tmp_path):
    from datetime import date

    from nq57cli.write.mergedbook import read_merged
    from nq57cli.tasks.overduereport import classify
    from nq57cli.write.overduejson import to_json_dict

    result = run("overdue", "-i", str(merged_samples), "--as-of", "30/9/2025", "--json")
    assert result.exit_code == 0, result.output
    library = to_json_dict(classify(read_merged(merged_samples)[0], date(2025, 9, 30)), "vi")
    assert json.loads(result.stdout) == json.loads(json.dumps(library, ensure_ascii=False))
    assert json.loads(result.stdout)["overdue"] == ["NQ57-08"]  # NQ57-04: deadline to check (day/month)

    assert run("overdue", "-i", str(merged_samples), "--as-of", "2025-12-31", "--fail-on-overdue").exit_code == 1
    assert run("overdue", "-i", str(merged_samples), "--as-of", "2025-01-01", "--fail-on-overdue").exit_code == 0
    assert run("overdue", "-i", str(merged_samples), "--as-of", "31/31/2025").exit_code == 2
    assert run("overdue", "-i", str(merged_samples), "--by", "nobody").exit_code == 2

    table = run("overdue", "-i", str(merged_samples), "--as-of", "2025-12-31", "--by", "group")
    assert table.exit_code == 0 and "3/38" in table.stdout and "31/12/2025" in table.stdout
    assert "1 nhiệm vụ có thời hạn cần xác minh" in " ".join(table.stdout.split())  # NQ57-04, not overdue


def test_overdue_writes_list_appendix_and_letters(merged_samples, tmp_path):
    from docx import Document

    result = run("overdue", "-i", str(merged_samples), "--as-of", "2025-12-31", "--xlsx", str(tmp_path / "qh.xlsx"),
                 "--docx", str(tmp_path / "qh.docx"), "--letters", str(tmp_path / "cv"),
                 "--config", str(SAMPLES / "nq57.toml"))  # the sample office issues the letters
    assert result.exit_code == 0, result.output
    letters = sorted(p.name for p in (tmp_path / "cv").glob("*.docx"))
    assert letters == ["cong-van-don-doc-cong-an-tinh.docx", "cong-van-don-doc-van-phong-ubnd-tinh.docx"]
    assert (tmp_path / "cv" / "viec-qua-han-cua-don-vi.xlsx").exists()  # the issuer's own: no letter to itself
    for name in letters:
        doc = Document(tmp_path / "cv" / name)
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        text = "\n".join([p.text for p in doc.paragraphs] + cells)
        assert "V/v đôn đốc thực hiện nhiệm vụ quá hạn" in text and "Kính gửi" in text
    assert (tmp_path / "qh.xlsx").exists() and (tmp_path / "qh.docx").exists()
