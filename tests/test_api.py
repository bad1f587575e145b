"""The public Python API (`import nq57cli`): a notebook-style walk-through on the bundled samples,
docstrings and lazy loading, DataFrames only on request, and mypy over the package."""

from __future__ import annotations

import inspect
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from docx import Document

import nq57cli

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
PUBLIC = ["merge", "read_merged", "validate", "overdue", "merge_indicators", "render", "Finding", "MergeResult",
          "Nq57Error", "OverdueReport", "IndicatorResult", "ValidationReport"]


def _imported_modules(*args: str) -> set[str]:
    """The modules a fresh interpreter imports running `python -X importtime args...`."""
    done = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True, cwd=ROOT)
    return {m.group(1) for m in re.finditer(r"^import time:.*\|\s*(\S+)\s*$", done.stderr, re.M)}


@pytest.fixture(scope="module")
def merged():
    return nq57cli.merge(SAMPLES / "submissions", catalog=SAMPLES / "catalog.xlsx")


def test_notebook_walk_through(merged, tmp_path):
    """merge → frames → overdue → render, as the README's example does."""
    result = merged
    assert isinstance(result, nq57cli.MergeResult)
    tasks = result.tasks_frame()
    assert list(tasks["task_id"]) == [t.task_id for t in result.tasks]
    assert tasks["status"].value_counts().to_dict() == result.status_counts()
    reports = result.reports_frame()
    assert len(reports) == sum(len(t.reports) for t in result.tasks) + len(result.unmatched)
    assert set(reports["agency"]) == {r.agency for t in result.tasks for r in t.reports} | \
        {r.agency for r in result.unmatched}
    findings = result.findings_frame()
    assert len(findings) == len(result.findings)
    assert (findings["severity"] == "error").sum() == len(result.errors())
    assert findings["message"].iloc[0] == result.findings[0].message("vi")
    assert result.findings_frame("en")["message"].iloc[0] == result.findings[0].message("en")

    late = nq57cli.overdue(result, as_of="31/12/2025")
    assert late.as_of == date(2025, 12, 31)
    assert nq57cli.overdue(result, as_of=date(2025, 12, 31)) == late
    items = late.items_frame()
    assert len(items) == len(result.tasks)
    assert int(items["overdue"].sum()) == late.summary.overdue
    assert sorted(items.loc[items["overdue"], "task_id"]) == sorted(i.task_id for i in late.overdue)

    written = nq57cli.render("phu-luc-03", result, tmp_path / "phu-luc-03.docx")
    assert written == tmp_path / "phu-luc-03.docx"
    text = "\n".join(cell.text for table in Document(written).tables for row in table.rows for cell in row.cells)
    assert result.tasks[0].title.split("\n")[0][:40] in text
    assert callable(nq57cli.render)  # the render/ subpackage, imported by render(), does not replace the function


def test_merge_takes_one_path_or_a_pattern_and_leaves_the_catalog_out(merged):
    by_pattern = nq57cli.merge([str(SAMPLES / "submissions" / "*.xlsx")], catalog=str(SAMPLES / "catalog.xlsx"))
    assert [t.task_id for t in by_pattern.tasks] == [t.task_id for t in merged.tasks]
    assert [i.name for i in by_pattern.readable_submissions()] == [i.name for i in merged.readable_submissions()]


def test_read_merged_gives_back_what_merge_wrote(merged, tmp_path):
    from nq57cli.write.mergedbook import write_merged

    path = write_merged(merged, tmp_path / "merged.xlsx", "vi")
    back = nq57cli.read_merged(path)
    assert isinstance(back, nq57cli.MergeResult)
    assert [(t.task_id, t.status) for t in back.tasks] == [(t.task_id, t.status) for t in merged.tasks]


def test_validate_groups_the_findings_by_file(merged):
    report = nq57cli.validate(SAMPLES / "submissions", catalog=SAMPLES / "catalog.xlsx")
    assert sorted(f.code for f in report.findings) == sorted(f.code for f in merged.findings)
    assert {f.file for f in report.files if f.role == "submission"} == {i.name for i in merged.readable_submissions()}


def test_indicators_and_their_frames():
    folder = SAMPLES / "indicators"
    result = nq57cli.merge_indicators(sorted(folder.glob("phong-*.xlsx")) + [folder / "van-phong-hdnd-ubnd-huyen.xlsx"],
                                      folder / "chi-tieu.xlsx")
    frame = result.indicators_frame()
    assert list(frame["code"]) == [i.code for i in result.indicators]
    assessed = frame.dropna(subset=["status"])
    assert assessed["status"].value_counts().to_dict() == {k: v for k, v in result.counts().items() if v}
    values = result.values_frame()
    assert len(values) == sum(len(i.values) for i in result.indicators) + len(result.unmatched)
    assert len(result.findings_frame()) == len(result.findings)


def test_overdue_reads_a_bad_date_as_a_usage_error(merged):
    with pytest.raises(nq57cli.Nq57Error):
        nq57cli.overdue(merged, as_of="31/13/2025")


def test_frames_without_pandas_say_how_to_install_it(merged, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas → ImportError
    with pytest.raises(nq57cli.Nq57Error, match=re.escape("pip install 'nq57cli[analysis]'")):
        merged.tasks_frame()


@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_name_is_documented(name):
    value = getattr(nq57cli, name)
    assert name in nq57cli.__all__ and name in dir(nq57cli)
    assert inspect.getdoc(value) and len(inspect.getdoc(value)) > 20
    if inspect.isfunction(value):
        hints = inspect.get_annotations(value)
        assert "return" in hints and set(inspect.signature(value).parameters) <= set(hints)


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_thing"):
        nq57cli.no_such_thing  # noqa: B018


def test_import_nq57cli_loads_no_library():
    modules = _imported_modules("-c", "import nq57cli")
    assert "nq57cli" in modules
    assert not modules & {"pandas", "openpyxl", "docx", "docxtpl", "pydantic", "nq57cli.api"}


def test_the_command_line_never_imports_pandas(tmp_path):
    modules = _imported_modules("-m", "nq57cli", "merge", "--catalog", str(SAMPLES / "catalog.xlsx"),
                                str(SAMPLES / "submissions"), "-o", str(tmp_path / "merged.xlsx"))
    assert (tmp_path / "merged.xlsx").exists() and "nq57cli.tasks.merge" in modules  # it did merge
    assert "pandas" not in modules


@pytest.mark.skipif(shutil.which("mypy", path=str(Path(sys.executable).parent)) is None, reason="mypy not installed")
def test_mypy_passes_on_the_package():
    done = subprocess.run([shutil.which("mypy", path=str(Path(sys.executable).parent)), "src/nq57cli"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout[-4000:]


def test_the_readme_example_runs(tmp_path, monkeypatch):
    """The README's "Dùng trong Python / Jupyter" example, run as written from a folder holding the samples."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- api-example:begin -->")[1].split("<!-- api-example:end -->")[0]
    code = block.split("```python\n")[1].split("```")[0]
    (tmp_path / "samples").symlink_to(SAMPLES)
    monkeypatch.chdir(tmp_path)
    names: dict = {}
    exec(compile(code, "README.md", "exec"), names)  # noqa: S102 - our own documentation
    assert (tmp_path / "bao-cao.docx").is_file()
    assert names["late"].summary.overdue == int(names["late"].items_frame()["overdue"].sum())


def test_all_lists_exactly_the_lazy_names():
    assert set(nq57cli.__all__) == {"__version__", *PUBLIC}
