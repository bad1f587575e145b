"""Exit codes and messages as documented: one JSON document under --json whatever the exit code, an
output that cannot be written is one line and exit 5, a defect one line and exit 6, usage and help in
the chosen language, one date parser for every date option, no ZipFile noise from .xlsm files."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from conftest import ROOT, SAMPLES, submission_rows, write_xlsx
from nq57cli.cli import lang as clilang
from nq57cli.cli.app import app
from nq57cli.errors import ExitCode, OutputError
from nq57cli.core.fileio import atomic_write

runner = CliRunner()
CATALOG = SAMPLES / "catalog.xlsx"
SUBMISSIONS = sorted((SAMPLES / "submissions").glob("*.xlsx"))


def run(*args: str, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def failure(result, code: int) -> dict:
    """The JSON document of a failed run: exactly one, on stdout."""
    assert result.exit_code == code, result.output
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["exit_code"] == code
    assert data["error"]["kind"] == ExitCode(code).name.lower() and data["error"]["message"]
    return data


@pytest.fixture()
def not_a_workbook(tmp_path: Path) -> Path:
    path = tmp_path / "so-noi-vu.xlsx"
    path.write_text("đây không phải tệp Excel", encoding="utf-8")
    return path


@pytest.fixture()
def small_submission(tmp_path: Path) -> Path:
    body = [["NV-01", 1, "Tiếp tục nâng cao tinh thần trách nhiệm", "31/12/2025", "Đang thực hiện", "Đã triển khai"]]
    return write_xlsx(tmp_path / "in" / "so-noi-vu.xlsx", submission_rows("SỞ NỘI VỤ", body))


@pytest.fixture(scope="module")
def merged(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("merged") / "merged.xlsx"
    assert run("merge", "--catalog", CATALOG, *SUBMISSIONS, "-o", out).exit_code == 1 and out.exists()
    return out


# ------------------------------------------------------------------ --json on exit 3 and exit 2

def test_merge_json_on_nothing_readable(tmp_path, catalog, not_a_workbook):
    data = failure(run("merge", "--catalog", catalog, not_a_workbook, "-o", tmp_path / "m.xlsx", "--json"), 3)
    assert any(f["file"] == "so-noi-vu.xlsx" and f["severity"] == "error" for f in data["findings"])
    assert not (tmp_path / "m.xlsx").exists()


@pytest.mark.parametrize("json_out", [True, False])
def test_validate_exits_3_when_nothing_could_be_read(tmp_path, not_a_workbook, json_out):
    result = run("validate", not_a_workbook, *(["--json"] if json_out else []))
    assert result.exit_code == 3
    if json_out:
        data = failure(result, 3)
        assert [f["file"] for f in data["findings"]] == ["so-noi-vu.xlsx"]
    else:
        assert "so-noi-vu.xlsx" in result.stderr and "Không đọc được tệp báo cáo nào" in result.stderr


def test_validate_with_one_readable_file_is_not_exit_3(small_submission, not_a_workbook):
    assert run("validate", small_submission, not_a_workbook, "--json").exit_code == 1


@pytest.mark.parametrize("command", ["missing", "overdue"])
def test_commands_merging_now_give_json_on_exit_3(catalog, not_a_workbook, command):
    data = failure(run(command, "--catalog", catalog, not_a_workbook, "--json"), 3)
    assert data["findings"] and data["findings"][0]["file"] == "so-noi-vu.xlsx"


def test_indicators_json_on_exit_3(tmp_path, not_a_workbook):
    data = failure(run("indicators", "--catalog", tmp_path / "khong-co.xlsx", not_a_workbook, "-o",
                       tmp_path / "i.xlsx", "--json", "--lang", "en"), 3)
    assert "khong-co.xlsx" in data["error"]["message"] and "Cannot read" in data["error"]["message"]


def test_missing_catalog_json_on_exit_3(tmp_path, small_submission):
    data = failure(run("merge", "--catalog", tmp_path / "khong-co.xlsx", small_submission, "-o", tmp_path / "m.xlsx",
                       "--json"), 3)
    assert "khong-co.xlsx" in data["error"]["message"]


@pytest.mark.parametrize("args", [
    ["merge", "x.xlsx", "--nope"],  # click's own usage error
    ["overdue", "--as-of", "hôm qua"],  # nq57's own
    ["template", "--catalog", "c.xlsx", "--return-by", "31/2/2025"],
    ["forms", "thừa"],
])
def test_usage_errors_under_json_print_one_json_document(args):
    data = failure(run(*args, "--json"), 2)
    assert data["findings"] == []


def test_json_is_the_only_stdout_on_failure(tmp_path, catalog, not_a_workbook):
    result = run("merge", "--catalog", catalog, not_a_workbook, "-o", tmp_path / "m.xlsx", "--json")
    json.loads(result.stdout)  # nothing else on stdout: one document that parses whole


# ------------------------------------------------------------------ outputs that cannot be written: exit 5

def _one_line(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_output_under_a_file_is_one_line_exit_5(tmp_path, catalog, small_submission):
    blocker = tmp_path / "bao-cao"
    blocker.write_text("một tệp, không phải thư mục")
    result = run("merge", "--catalog", catalog, small_submission, "-o", blocker / "merged.xlsx")
    assert result.exit_code == ExitCode.OUTPUT == 5
    line = _one_line(result)
    assert line.startswith("lỗi: Không ghi được") and str(blocker / "merged.xlsx") in line
    assert blocker.read_text() == "một tệp, không phải thư mục"


@pytest.mark.parametrize("args", [
    lambda out: ["template", "--catalog", CATALOG, "-o", out / "mau"],
    lambda out: ["init", out / "thu-muc"],
    lambda out: ["overdue", "--catalog", CATALOG, *SUBMISSIONS, "--as-of", "31/12/2025", "--letters", out / "cv"],
])
def test_every_writing_command_gives_exit_5_under_a_file(tmp_path, args):
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    result = run(*args(blocker))
    assert result.exit_code == 5
    assert "Không ghi được" in result.stderr and "Traceback" not in result.output


def test_output_error_json_and_english(tmp_path, catalog, small_submission):
    blocker = tmp_path / "f"
    blocker.write_text("x")
    data = failure(run("merge", "--catalog", catalog, small_submission, "-o", blocker / "m.xlsx", "--json", "--lang",
                       "en"), 5)
    assert data["error"]["message"].startswith("Cannot write ")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write into read-only folders")
def test_read_only_folder_is_one_line_exit_5(tmp_path, catalog, small_submission):
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = run("merge", "--catalog", catalog, small_submission, "-o", folder / "merged.xlsx")
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 5
    assert "không có quyền ghi" in _one_line(result)


def test_full_disk_is_one_line_exit_5(tmp_path, catalog, small_submission, monkeypatch):
    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("nq57cli.core.fileio.os.replace", full)
    out = tmp_path / "out" / "merged.xlsx"
    result = run("merge", "--catalog", catalog, small_submission, "-o", out)
    assert result.exit_code == 5
    assert "hết chỗ trên đĩa" in _one_line(result)
    assert list(out.parent.iterdir()) == []  # no temporary file left behind


def test_atomic_write_names_the_output_not_an_input(tmp_path):
    def write(tmp: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputError) as caught:
        atomic_write(tmp_path / "kq.xlsx", write)
    assert caught.value.exit_code == ExitCode.OUTPUT and str(tmp_path / "kq.xlsx") in caught.value.message("vi")

    def read_missing_input(tmp: Path) -> None:
        (tmp_path / "dau-vao.xlsx").read_bytes()

    with pytest.raises(FileNotFoundError):  # an input that cannot be read is not an output error
        atomic_write(tmp_path / "kq.xlsx", read_missing_input)


# ------------------------------------------------------------------ a defect: one line, exit 6

def test_unexpected_error_is_one_line_with_a_debug_hint(tmp_path, catalog, small_submission, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("hỏng")

    monkeypatch.setattr("nq57cli.tasks.merge.merge", broken)
    args = ["merge", "--catalog", catalog, small_submission, "-o", tmp_path / "m.xlsx"]
    result = run(*args)
    assert result.exit_code == ExitCode.INTERNAL == 6
    line = _one_line(result)
    assert "RuntimeError: hỏng" in line and "--debug" in line
    assert failure(run(*args, "--json"), 6)["error"]["kind"] == "internal"
    debug = run(*args, "--debug")
    assert isinstance(debug.exception, RuntimeError)  # the traceback only with --debug


# ------------------------------------------------------------------ usage and help in the chosen language

def test_help_is_vietnamese_by_default_and_english_with_lang_en():
    vi = run("merge", "--help")
    assert vi.exit_code == 0
    for text in ("Cách dùng: nq57 merge [TÙY CHỌN]", "Tùy chọn:", "Đối số:", "Hiện trợ giúp này rồi thoát.",
                 "Danh mục nhiệm vụ gốc", "[mặc định:"):
        assert text in vi.stdout
    for text in ("Usage", "Options", "Arguments", "Show this message", "default:"):
        assert text not in vi.stdout
    en = run("merge", "--help", "--lang", "en")
    for text in ("Usage: nq57 merge [OPTIONS]", "Options:", "Arguments:", "Show this message and exit.",
                 "The master task catalog", "[default:"):
        assert text in en.stdout
    assert "Danh mục nhiệm vụ gốc" not in en.stdout and "Cách dùng" not in en.stdout


@pytest.mark.parametrize("args, env", [(["--help", "--lang", "en"], {}), (["--lang", "en", "--help"], {}),
                                       (["--help"], {"NQ57_LANG": "en"})])
def test_top_level_help_in_english(args, env):
    result = run(*args, env=env)
    assert result.exit_code == 0
    assert "Usage: nq57 [OPTIONS] COMMAND [ARGS]..." in result.stdout and "Commands:" in result.stdout
    assert "Read, check and merge" in result.stdout


def test_top_level_help_in_vietnamese():
    result = run("--help", env={"NQ57_LANG": ""})
    assert "Cách dùng: nq57 [TÙY CHỌN] LỆNH [ĐỐI SỐ]..." in result.stdout and "Lệnh:" in result.stdout


def test_nq57_lang_sets_the_language_of_messages(tmp_path, not_a_workbook):
    result = run("validate", not_a_workbook, env={"NQ57_LANG": "en"})
    assert result.exit_code == 3 and "None of the submissions could be read" in result.stderr


@pytest.mark.parametrize("args, vi, en", [
    (["render"], "Lỗi: Thiếu tùy chọn '--form' / '-f'.", "Error: Missing option '--form' / '-f'."),
    (["merge", "x.xlsx", "--nope"], "Lỗi: Không có tùy chọn --nope", "Error: No such option: --nope"),
    (["overdue", "--within", "abc"], "Lỗi: Giá trị không hợp lệ cho '--within': 'abc' không phải là số nguyên.",
     "Error: Invalid value for '--within': 'abc' is not a valid int"),
    (["forms", "thừa"], "Lỗi: Thừa đối số không dùng đến (thừa)", "Error: Got unexpected extra argument(s) (thừa)"),
    (["merge", "--catalog"], "Lỗi: Tùy chọn '--catalog' cần một giá trị.", "Error: Option '--catalog' requires an"),
    (["bogus"], "Lỗi: Không có lệnh 'bogus'.", "Error: No such command 'bogus'."),
])
def test_usage_errors_in_both_languages(args, vi, en):
    result = run(*args)
    assert result.exit_code == 2
    assert vi in result.stderr
    assert "Error" not in result.stderr and "Usage" not in result.stderr and "Try '" not in result.stderr
    english = run("--lang", "en", *args)  # before the command: its own options may take the next word
    assert english.exit_code == 2 and en in english.stderr and "Lỗi" not in english.stderr


def test_usage_error_shows_the_usage_line_and_where_help_is():
    result = run("render")
    assert "Cách dùng: nq57 render [TÙY CHỌN]" in result.stderr
    assert "Xem 'nq57 render --help' để được trợ giúp." in result.stderr


def test_every_command_and_option_has_an_english_help():
    from typer.main import get_command

    group = get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert name in clilang.EN_COMMANDS, name
        for param in command.params:
            assert not param.help or param.help in clilang.EN_HELP, (name, param.name)


@pytest.mark.parametrize("args, lang", [(["merge", "--lang", "en"], "en"), (["merge", "--lang=en"], "en"),
                                        (["--lang", "en", "merge"], "en"), (["merge", "--lang", "fr"], "vi"),
                                        (["merge", "--", "--lang", "en"], "vi"), (["merge"], "vi")])
def test_language_chosen_before_parsing(args, lang):
    assert clilang.choose_language(args, {}) == lang
    assert clilang.choose_language(["merge"], {"NQ57_LANG": "en"}) == "en"


def test_help_stays_fast():
    """The README promises `nq57 --help` within 0.3 s: the language layer imports nothing heavy."""
    code = "import sys, nq57cli.cli.app; print(sorted(m for m in ('rich', 'openpyxl', 'pydantic') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# ------------------------------------------------------------------ one date parser for every date option

DATE_FORMS = ["30/9/2025", "30.9.2025", "30-9-2025", "2025-09-30", "30/09/2025", "ngày 30 tháng 9 năm 2025"]


@pytest.mark.parametrize("text", DATE_FORMS)
def test_overdue_as_of_accepts_every_form(merged, text):
    result = run("overdue", "-i", merged, "--as-of", text, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["as_of"] == "2025-09-30"


def _date_option_runs(merged: Path, out: Path, text: str) -> dict[str, list]:
    return {
        "--as-of (overdue)": ["overdue", "-i", merged, "--as-of", text],
        "--as-of (render)": ["render", "-f", "phu-luc-03", "-i", merged, "-o", out / "pl.docx", "--as-of", text],
        "--return-by": ["template", "--catalog", CATALOG, "--agency", "Sở Nội vụ", "-o", out / "mau", "--return-by", text],
        "--set document.date": ["render", "-f", "bao-cao", "-i", merged, "-o", out / "bc.docx", "--set",
                                f"document.date={text}"],
    }


@pytest.mark.parametrize("option", ["--as-of (overdue)", "--as-of (render)", "--return-by", "--set document.date"])
@pytest.mark.parametrize("text", ["30.9.2025", "ngày 30 tháng 9 năm 2025", "2025-09-30"])
def test_every_date_option_accepts_the_same_forms(tmp_path, merged, option, text):
    result = run(*_date_option_runs(merged, tmp_path, text)[option])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("option", ["--as-of (overdue)", "--as-of (render)", "--return-by", "--set document.date"])
def test_every_date_option_refuses_the_same_forms(tmp_path, merged, option):
    result = run(*_date_option_runs(merged, tmp_path, "31.9.2025")[option])
    assert result.exit_code == 2
    assert "31.9.2025" in result.stderr and "30/9/2025, 30.9.2025, 30-9-2025, 2025-09-30" in result.stderr
    assert all(word in result.stderr for word in option.split(" (")[0].split())  # the message names the option


def test_document_date_from_set_reaches_the_document(tmp_path, merged):
    from docx import Document

    out = tmp_path / "bc.docx"
    assert run("render", "-f", "bao-cao", "-i", merged, "-o", out, "--set", "document.date=30.9.2025").exit_code == 0
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "ngày 30/09/2025" in text  # one date style in documents (issue 17)


# ------------------------------------------------------------------ .xlsm: no ZipFile noise on stderr

def _macro_workbook(path: Path, source: Path) -> Path:
    """An .xlsm with a VBA project part, from an .xlsx."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                data = data.replace(b"<Default Extension=\"xml\"", b"<Default Extension=\"bin\" ContentType=\""
                                    b"application/vnd.ms-office.vbaProject\"/><Default Extension=\"xml\"")
            if item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b"<Relationship Id=\"rIdVBA\" Type=\"http://schemas.microsoft"
                                    b".com/office/2006/relationships/vbaProject\" Target=\"vbaProject.bin\"/>"
                                    b"</Relationships>")
            zout.writestr(item, data)
        zout.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    return path


def test_xlsm_merge_and_annotate_print_no_zipfile_noise(tmp_path):
    import openpyxl

    xlsm = _macro_workbook(tmp_path / "cong-an-tinh.xlsm", SUBMISSIONS[0])
    assert openpyxl.load_workbook(xlsm, keep_vba=True).vba_archive is not None
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    merge = subprocess.run([sys.executable, "-m", "nq57cli", "merge", "--catalog", str(CATALOG), str(xlsm), "-o",
                            str(tmp_path / "m.xlsx")], capture_output=True, text=True, env=env)
    assert merge.returncode == 1 and "Exception ignored" not in merge.stderr and "Traceback" not in merge.stderr
    # The library in a script that ends normally, with the workbook's cycles left to the end of the run:
    # an unclosed zip then fails in ZipFile.__del__ at interpreter exit.
    script = ("import gc, sys; from pathlib import Path; gc.disable()\n"
              "from nq57cli.tasks.filereport import validate_files; from nq57cli.write.annotate import annotate\n"
              "report = validate_files([Path(sys.argv[1])])\n"
              "for item in report.files_with_problems:\n"
              "    print(annotate(Path(item.path), item.findings, Path(sys.argv[2]), 'vi'))\n")
    done = subprocess.run([sys.executable, "-c", script, str(xlsm), str(tmp_path / "ann")], capture_output=True,
                          text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "Exception ignored" not in done.stderr and "Traceback" not in done.stderr
    copy = tmp_path / "ann" / "cong-an-tinh.xlsm"
    assert "xl/vbaProject.bin" in zipfile.ZipFile(copy).namelist()  # the macros are kept



# ---------------------------------------------------------------- Ctrl-C outside the command body
# Where Ctrl-C lands: (class of the click typer runs on, method raising it, the name it raises at). The
# root's own option, a command's option, the root context closing after the command, the shell-completion
# check that typer runs outside its handlers. typer 0.28 ended the first three with exit 130 and no
# message; typer on click (< 0.23) with click's "Aborted!" and exit 1.
INTERRUPTIONS = {
    "root option": ("Parameter", "handle_parse_result", "version"),
    "command option": ("Parameter", "handle_parse_result", "json_out"),
    "root context closing": ("Context", "__exit__", None),
    "completion check": ("TyperGroup", "_main_shell_completion", None),
}
INTERRUPT_AT = """
import typer.core
from nq57cli.cli.lang import click
OWNERS = {"Parameter": click.core.Parameter, "Context": click.core.Context, "TyperGroup": typer.core.TyperGroup}
def interrupt_at(owner, method, name):
    cls = OWNERS[owner]
    real = getattr(cls, method)
    def patched(self, *args, **kwargs):
        if name == getattr(self, "name", None) or (name is None and getattr(self, "parent", None) is None):
            raise KeyboardInterrupt
        return real(self, *args, **kwargs)
    setattr(cls, method, patched)
"""


@pytest.mark.parametrize("place", INTERRUPTIONS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_ctrl_c_while_click_parses_ends_like_any_interruption(monkeypatch, place, lang):
    from nq57cli.cli.texts import text

    monkeypatch.delenv(clilang.ENV_VAR, raising=False)
    owner, method, name = INTERRUPTIONS[place]
    scope: dict = {}
    exec(INTERRUPT_AT, scope)  # the same patch as in the process of the next test
    cls = scope["OWNERS"][owner]
    monkeypatch.setattr(cls, method, cls.__dict__[method])  # put back after the test
    scope["interrupt_at"](owner, method, name)
    done = run("forms", "--json", *(["--lang", "en"] if lang == "en" else []))
    assert done.exit_code == 130, done.output
    assert done.stderr == text("interrupted", lang) + "\n"  # the one line: no "Aborted!", no traceback


@pytest.mark.parametrize("place", INTERRUPTIONS)
def test_ctrl_c_while_click_parses_in_a_real_process(place):
    from nq57cli.cli.texts import text

    env = {k: v for k, v in os.environ.items() if k != clilang.ENV_VAR} | {"PYTHONPATH": str(ROOT / "src")}
    script = INTERRUPT_AT + f"interrupt_at(*{INTERRUPTIONS[place]!r})\nfrom nq57cli.cli.app import main\nmain()\n"
    for args, lang in ((["forms", "--json"], "vi"), (["--lang", "en", "forms", "--json"], "en")):
        done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env)
        assert done.returncode == 130, done.stderr
        assert done.stderr == text("interrupted", lang) + "\n"


def test_click_abort_from_ctrl_c_is_the_interruption_and_any_other_abort_is_click_s(capsys):
    """typer on click (< 0.23) turns Ctrl-C while parsing into click's Abort: it ends as Ctrl-C does."""
    from nq57cli.cli.texts import text
    from nq57cli.cli.translate import aborted

    try:
        raise typer.Abort() from KeyboardInterrupt()
    except typer.Abort as exc:
        with pytest.raises(SystemExit) as done:
            aborted(exc, "en")
    assert done.value.code == 130 and capsys.readouterr().err == text("interrupted", "en") + "\n"
    with pytest.raises(SystemExit) as done:
        aborted(typer.Abort(), "en")
    assert done.value.code == 1 and capsys.readouterr().err == "Aborted!\n"


def test_ctrl_c_while_the_last_output_drains_ends_like_any_interruption(monkeypatch, capsys):
    import gc
    import io

    import nq57cli.cli.app as app_module
    from nq57cli.cli.texts import text

    class SlowReader(io.StringIO):
        def flush(self) -> None:
            if sys._getframe(1).f_code is app_module.main.__code__:  # main()'s last flush, not the command's
                raise KeyboardInterrupt

    def exit_now(code: int) -> None:
        raise SystemExit(code)

    thresholds = gc.get_threshold()
    monkeypatch.setattr(app_module, "_exit_without_freeing", False)
    monkeypatch.setattr(sys, "argv", ["nq57", "forms", "--lang", "en"])
    monkeypatch.setattr(sys, "stdout", SlowReader())
    monkeypatch.setattr(os, "_exit", exit_now)
    try:
        with pytest.raises(SystemExit) as done:
            app_module.main()
    finally:
        gc.set_threshold(*thresholds)
    assert done.value.code == 130 and capsys.readouterr().err == text("interrupted", "en") + "\n"
