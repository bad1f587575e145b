"""What tasks and indicators share: the list of extensions read, the "nothing readable: exit 3" policy,
the catalog base, the one submission reader, and the direction of the imports between the features."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SAMPLES, submission_rows, write_xlsx
from nq57cli.cli.app import app
from nq57cli.domain.models import Finding, InputFile
from nq57cli.errors import ExitCode, UnreadableInputError
from nq57cli.indicators.consolidate import merge_indicators
from nq57cli.indicators.read import load_indicator_catalog
from nq57cli.read.inputs import SUBMISSION_SUFFIXES, expand_inputs, require_readable
from nq57cli.tasks.catalog import CatalogBase, load_catalog
from nq57cli.tasks.merge import merge

CORPUS = Path(__file__).parent / "corpus"
PACKAGE = Path(__file__).parent.parent / "src" / "nq57cli"
INDICATOR_CATALOG = SAMPLES / "indicators" / "chi-tieu.xlsx"


def test_folder_listing_includes_xlsb(tmp_path):
    """A folder's .xlsb workbooks are listed (the reader reads them), in any case; lock files are not."""
    folder = tmp_path / "nop"
    folder.mkdir()
    for name in ["a.xlsx", "b.XLSB", "~$b.xlsb", "c.csv"]:
        (folder / name).write_bytes(b"x")
    assert [p.name for p in expand_inputs([str(folder)])] == ["a.xlsx", "b.XLSB"]
    assert ".xlsb" in SUBMISSION_SUFFIXES


def test_xlsb_in_a_folder_is_read_by_merge(tmp_path):
    """An .xlsb found in a folder is read like one named on the command line (an input of the run)."""
    folder = tmp_path / "nop"
    folder.mkdir()
    write_xlsx(folder / "so-a.xlsx", submission_rows("Sở A", [["NV-01", 1, "Việc một", None, "Hoàn thành", "x", None]]))
    shutil.copy(CORPUS / "calamine-any_sheets.xlsb", folder / "so-b.xlsb")
    result = merge(expand_inputs([str(folder)]))
    assert [i.name for i in result.inputs] == ["so-a.xlsx", "so-b.xlsb"]


@pytest.mark.parametrize("kind, vi, en", [
    ("tasks", "Không đọc được tệp báo cáo nào", "None of the submissions could be read"),
    ("indicators", "Không đọc được tệp số liệu chỉ tiêu nào", "None of the indicator files could be read"),
])
def test_require_readable_is_the_one_exit_3_policy(kind, vi, en):
    finding = Finding(severity="error", code="file.corrupt", file="hong.xlsx")
    unreadable = [InputFile(path="dm.xlsx", name="dm.xlsx", role="catalog"),
                  InputFile(path="hong.xlsx", name="hong.xlsx", readable=False)]
    with pytest.raises(UnreadableInputError) as caught:
        require_readable(unreadable, [finding], kind, writes=True)
    error = caught.value
    assert error.exit_code == ExitCode.UNREADABLE == 3
    assert error.findings == [finding]
    assert error.message("vi").startswith(vi) and error.message("vi").endswith("không ghi tệp tổng hợp.")
    assert error.message("en").startswith(en) and error.message("en").endswith("nothing written.")
    with pytest.raises(UnreadableInputError) as caught:
        require_readable(unreadable[1:], [finding], kind)
    assert caught.value.message("en") == en + " (see above)."
    require_readable(unreadable + [InputFile(path="tot.xlsx", name="tot.xlsx")], [finding], kind)  # one is enough


def test_indicators_command_with_nothing_readable_exits_3(tmp_path):
    bad = tmp_path / "hong.xlsx"
    bad.write_text("not excel", encoding="utf-8")
    result = CliRunner().invoke(app, ["indicators", str(bad), "--catalog", str(INDICATOR_CATALOG),
                                      "-o", str(tmp_path / "ct.xlsx")])
    assert result.exit_code == 3
    assert "Không đọc được tệp số liệu chỉ tiêu nào" in result.stderr and "hong.xlsx" in result.stderr
    assert not (tmp_path / "ct.xlsx").exists()


def test_both_catalogs_share_the_base_and_its_agencies():
    tasks = load_catalog(SAMPLES / "catalog.xlsx")
    indicators = load_indicator_catalog(INDICATOR_CATALOG)
    assert isinstance(tasks, CatalogBase) and isinstance(indicators, CatalogBase)
    assert tasks.agencies == tasks.registry.names and "Sở Khoa học và Công nghệ" in tasks.agencies
    monitors = list(dict.fromkeys(i.monitor for i in indicators.indicators if i.monitor))
    assert indicators.agencies == indicators.registry.names and indicators.agencies[0] == monitors[0]
    assert "Phòng Nội vụ" in indicators.agencies and len(set(indicators.agencies)) == len(indicators.agencies)
    assert indicators.registry is indicators.registry  # made once


def test_indicator_files_use_the_shared_reader(tmp_path):
    """An indicator file is read by the tasks' submission reader: same agency resolution (an --agency
    option wins) and the same agency.source finding, and the same duplicate-file rule."""
    source = SAMPLES / "indicators" / "phong-noi-vu.xlsx"
    copy = tmp_path / "ban-sao.xlsx"
    shutil.copy(source, copy)
    result = merge_indicators([source, copy], INDICATOR_CATALOG, agencies={"phong-noi-vu.xlsx": "Phòng Tư pháp"})
    first, second = result.inputs[1:]
    assert (first.agency, first.agency_source) == ("Phòng Tư pháp", "option")
    assert [f.params["agency"] for f in result.findings if f.code == "agency.source"] == ["Phòng Tư pháp"]
    assert [(f.code, f.file, f.params) for f in result.findings if f.code == "file.duplicate"] == [
        ("file.duplicate", "ban-sao.xlsx", {"other": "phong-noi-vu.xlsx"})]
    assert second.sha256 == first.sha256


def _imports(folder: Path) -> dict[str, set[str]]:
    """Every nq57cli module each file of `folder` imports, at any level (function-level imports too)."""
    found: dict[str, set[str]] = {}
    for path in sorted(folder.glob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
        found[path.name] = {n for n in names if n.startswith("nq57cli")}
    return found


def test_feature_imports_point_down():
    """indicators may use tasks' shared loader and catalog base, never render or write; tasks never
    imports indicators."""
    for name, modules in _imports(PACKAGE / "indicators").items():
        assert not {m for m in modules if m.startswith(("nq57cli.render", "nq57cli.write", "nq57cli.cli"))}, name
    for name, modules in _imports(PACKAGE / "tasks").items():
        assert not {m for m in modules if m.startswith("nq57cli.indicators")}, name
