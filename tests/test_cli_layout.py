"""The command line's shape: its words in one table (both languages), the library's orchestration in
nq57cli.pipeline (returns data, never prints, never imports the CLI), the commands in their order."""

from __future__ import annotations

import string
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import submission_rows, write_xlsx
from typer.testing import CliRunner

from nq57cli import pipeline
from nq57cli.cli.app import app
from nq57cli.cli.texts import TEXTS, text
from nq57cli.errors import ExitCode, UnreadableInputError, UsageError

runner = CliRunner()


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_cli_text_has_both_languages_with_the_same_placeholders(key):
    vi, en = TEXTS[key]
    assert vi.strip() and en.strip() and vi != en
    assert _fields(vi) == _fields(en)


def test_text_fills_its_placeholders_in_the_language_asked_for():
    assert text("more_findings", "en", hidden=3) == '  … and 3 more (see the "Phát hiện" sheet, or use -v)'
    assert text("general", "en") == "(general)"
    assert text("written", "en") == "Written: "


def test_pipeline_hands_findings_to_the_caller_and_prints_nothing(tmp_path, catalog, capfd):
    good = write_xlsx(tmp_path / "in" / "so-noi-vu.xlsx", submission_rows("SỞ NỘI VỤ", [
        ["NV-01", 1, "Tiếp tục nâng cao tinh thần trách nhiệm", "31/12/2025", "Đang thực hiện", "Đã triển khai"]]))
    broken = tmp_path / "in" / "hong.xlsx"
    broken.write_bytes(b"not a workbook")
    shown: list[list] = []
    result = pipeline.load_result(None, catalog, [str(good), str(broken)], [], show=shown.append)
    assert capfd.readouterr() == ("", "")
    assert len(shown) == 1 and shown[0] == [f for f in result.findings if f.severity == "error"]
    assert any(f.file == "hong.xlsx" for f in shown[0])
    assert [r.agency for r in result.tasks[0].reports] == ["Sở Nội vụ"]


def test_pipeline_without_data_raises_exit_3_and_bad_options_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UnreadableInputError) as missing:
        pipeline.load_result(None, None, None, [])
    assert missing.value.exit_code == ExitCode.UNREADABLE and "merged.xlsx" in missing.value.message("en")
    with pytest.raises(UsageError):
        pipeline.parse_agency_options(["no-equals-sign"])
    assert pipeline.parse_agency_options([" a.xlsx = Sở Nội vụ "]) == {"a.xlsx": "Sở Nội vụ"}
    with pytest.raises(UsageError):
        pipeline.load_report_config(None, ["document.number"])


def test_the_library_never_imports_the_cli():
    code = ("import sys, nq57cli.pipeline; "
            "print(sorted(m for m in sys.modules if m in ('typer', 'rich') or m.startswith('nq57cli.cli')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_help_lists_the_commands_in_their_order():
    done = runner.invoke(app, ["--help", "--lang", "en"])
    assert done.exit_code == 0
    lines = done.stdout.split("Commands:", 1)[1].splitlines()
    names = [line.split()[0] for line in lines if line.startswith("  ") and not line.startswith("   ")]
    assert names == ["merge", "template", "validate", "missing", "render", "forms", "init", "overdue", "demo",
                     "indicators", "diff"]
    assert Path(pipeline.samples_folder(), "catalog.xlsx").is_file()
