"""From one period to the next (issue 18): the period merged.xlsx records, and `nq57 diff`."""

from __future__ import annotations

import json

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import SAMPLES
from periods_data import COPIED, SILENT, SUBMISSIONS, two_periods
from nq57cli.cli.app import app
from nq57cli.domain.period import check_period, period_end
from nq57cli.errors import UsageError
from nq57cli.tasks.periods import KINDS, compare
from nq57cli.write.changesbook import KIND_LABELS, diff_to_dict
from nq57cli.write.mergedbook import read_merged

runner = CliRunner()


@pytest.fixture(scope="module")
def periods(tmp_path_factory):
    return two_periods(tmp_path_factory.mktemp("periods"))


def test_period_labels_name_their_last_day():
    assert str(period_end("Quý III/2025")) == "2025-09-30"
    assert str(period_end("Tháng 2/2024")) == "2024-02-29"
    assert str(period_end("30/06/2025")) == "2025-06-30"
    assert period_end("Thường xuyên") is None and period_end(None) is None
    assert check_period("  Quý  III/2025 ") == "Quý III/2025"
    with pytest.raises(UsageError, match="Quý III/2025"):
        check_period("kỳ này")


def test_merge_period_recorded_in_inputs_sheet_json_and_read_back(tmp_path):
    out = tmp_path / "merged.xlsx"
    done = runner.invoke(app, ["merge", "--catalog", str(SAMPLES / "catalog.xlsx"), *map(str, SUBMISSIONS), "-o", str(out),
                               "--period", "Quý III/2025", "--json"])
    assert done.exit_code == 1  # the samples' deliberate errors
    period = json.loads(done.stdout)["period"]
    assert period["label"] == "Quý III/2025" and period["end"] == "2025-09-30"
    assert period["catalog"]["title"].startswith("DANH MỤC NHIỆM VỤ") and len(period["catalog"]["sha256"]) == 64
    rows = [(r[0], r[1]) for r in openpyxl.load_workbook(out)["Đầu vào"].iter_rows(values_only=True)]
    assert ("Quý III/2025", "period") in rows and (period["catalog"]["title"], "catalog_title") in rows
    result, _ = read_merged(out)
    assert (result.period, result.catalog_title) == ("Quý III/2025", period["catalog"]["title"])
    assert result.catalog_sha256() == period["catalog"]["sha256"] and result.tool_version


def test_merge_period_from_config_and_refused_when_unreadable(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "nq57.toml").write_text('[document]\nperiod = "Tháng 9/2025"\n', encoding="utf-8")
    done = runner.invoke(app, ["merge", "--catalog", str(SAMPLES / "catalog.xlsx"), *map(str, SUBMISSIONS), "-o", "m.xlsx"])
    assert done.exit_code == 1
    assert read_merged(tmp_path / "m.xlsx")[0].period == "Tháng 9/2025"
    bad = runner.invoke(app, ["merge", *map(str, SUBMISSIONS), "-o", "m2.xlsx", "--period", "quý này"])
    assert bad.exit_code == 2 and "Quý III/2025" in bad.stderr and not (tmp_path / "m2.xlsx").exists()
    (tmp_path / "nq57.toml").write_text('[document]\nperiod = "sớm"\n', encoding="utf-8")
    bad = runner.invoke(app, ["merge", *map(str, SUBMISSIONS), "-o", "m3.xlsx"])
    assert bad.exit_code == 2 and "document.period" in bad.stderr


def test_diff_finds_every_kind_of_change(periods):
    previous, current = periods
    diff = compare(read_merged(previous)[0], read_merged(current)[0], previous.name, current.name)
    data = diff_to_dict(diff)
    assert data["previous"]["period"] == "Quý II/2025" and data["current"]["end"] == "2025-09-30"
    assert data["counts"] == dict.fromkeys(KINDS, 1)
    changes = {kind: [(c["task_id"], c["before"], c["after"]) for c in items] for kind, items in data["changes"].items()
               if kind != "copied"}
    assert changes["completed"] == [("NQ57-01", "in_progress", "completed")]
    assert changes["regression"] == [("NQ57-02", "completed", "in_progress")]
    assert changes["status"] == [("NQ57-13", "waiting", "not_started")]
    assert changes["late"] == [("NQ57-08", "in_progress", "in_progress")]  # due 31/08/2025
    assert changes["deadline"] == [("NQ57-06", "31/12/2025", "30/06/2026")]
    assert changes["added"] == [("NQ57-39", None, "no_report")]
    assert changes["removed"] == [("NQ57-38", "in_progress", None)]
    silent = data["changes"]["silent_agency"][0]
    assert silent["agency"] == SILENT and silent["count"] == sum(
        1 for t in read_merged(previous)[0].tasks for r in t.reports if r.agency == SILENT)
    copied = data["changes"]["copied"][0]
    assert (copied["task_id"], copied["agency"]) == COPIED and copied["text"]
    codes = {(f["code"], f["severity"]) for f in data["findings"]}
    assert codes == {("period.regression", "warning"), ("period.agency_silent", "warning"),
                     ("period.copied_result", "info")}


def test_diff_cli_json_is_the_library_result_and_xlsx_has_a_sheet_per_kind(periods, tmp_path):
    previous, current = periods
    done = runner.invoke(app, ["diff", str(previous), str(current), "--json"])
    assert done.exit_code == 0
    library = diff_to_dict(compare(read_merged(previous)[0], read_merged(current)[0], previous.name, current.name))
    assert json.loads(done.stdout) == library
    out = tmp_path / "changes.xlsx"
    shown = runner.invoke(app, ["diff", str(previous), str(current), "-o", str(out)])
    assert shown.exit_code == 0
    assert "Hoàn thành rồi lùi lại" in shown.stdout and "NQ57-02" in shown.stdout and "Quý II/2025" in shown.stdout
    assert "cảnh báo" in shown.stderr and SILENT in shown.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Tổng hợp"] + [KIND_LABELS[k][0] for k in KINDS]
    assert [c.value for c in book[KIND_LABELS["regression"][0]][2]][:1] == ["NQ57-02"]  # header, row
    english = runner.invoke(app, ["diff", str(previous), str(current), "--lang", "en"])
    assert english.exit_code == 0 and "Completed, now not" in english.stdout and "completed last period" in english.stderr


def test_diff_json_writes_a_copied_text_once_as_the_xlsx_shows_it(periods, tmp_path):
    previous, current = periods
    out = tmp_path / "changes.xlsx"
    done = runner.invoke(app, ["diff", str(previous), str(current), "--json", "-o", str(out)])
    assert done.exit_code == 0
    data = json.loads(done.stdout)
    [copied] = data["changes"]["copied"]
    assert list(copied) == ["kind", "task_id", "title", "lead", "agency", "text", "count"]
    text = next(r.result for t in read_merged(current)[0].tasks if t.task_id == COPIED[0]
                for r in t.reports if r.agency == COPIED[1])
    assert copied["text"] == text and len(text) > 20
    assert done.stdout.count(json.dumps(text, ensure_ascii=False)) == 1  # once in the whole document
    for kind in KINDS:  # every other kind keeps before/after
        assert all(list(c) == ["kind", "task_id", "title", "lead", "agency", "before", "after", "count"]
                   for c in data["changes"][kind] if kind != "copied")
    rows = list(openpyxl.load_workbook(out)[KIND_LABELS["copied"][0]].iter_rows(min_row=2, values_only=True))
    assert rows == [(copied["task_id"], copied["title"], copied["agency"], copied["text"])]


def test_older_merged_without_period_reads_and_says_how_to_record_it(periods, tmp_path):
    previous, current = periods
    book = openpyxl.load_workbook(previous)
    inputs = book["Đầu vào"]
    for r in range(inputs.max_row, 1, -1):
        if inputs.cell(r, 2).value in ("period", "catalog_title"):
            inputs.delete_rows(r)
    old = tmp_path / "old.xlsx"
    book.save(old)
    result, _ = read_merged(old)
    assert result.period is None and result.catalog_title is None and result.tool_version
    done = runner.invoke(app, ["diff", str(old), str(current), "--json"])
    assert done.exit_code == 0
    data = json.loads(done.stdout)
    assert data["counts"]["late"] == 0 and data["counts"]["regression"] == 1
    unknown = [f for f in data["findings"] if f["code"] == "period.unknown"]
    assert len(unknown) == 1 and unknown[0]["file"] == "old.xlsx" and "--period" in unknown[0]["message"]
    assert result.tool_version in unknown[0]["message"]


def test_diff_refuses_to_write_over_an_input(periods):
    previous, current = periods
    done = runner.invoke(app, ["diff", str(previous), str(current), "-o", str(current)])
    assert done.exit_code == 2 and current.exists()


def _paragraphs(path) -> list[str]:
    from docx import Document

    return [p.text for p in Document(str(path)).paragraphs]


def test_render_previous_prints_the_comparison_figures_and_the_trend(periods, tmp_path):
    previous, current = periods
    out = tmp_path / "bao-cao.docx"
    done = runner.invoke(app, ["render", "--form", "bao-cao", "-i", str(current), "--previous", str(previous),
                               "-o", str(out), "--set", "document.date=2025-09-30"])
    assert done.exit_code == 0, done.output
    text = "\n".join(_paragraphs(out))
    # Quý II: 8 completed, no task late as of 30/06; Quý III: NQ57-01 completed, NQ57-02 not (8 → 8), NQ57-08 late
    assert "So với kỳ trước (Quý II/2025): số nhiệm vụ đã hoàn thành không đổi (8 → 8 nhiệm vụ), " \
           "số nhiệm vụ quá hạn +1 (0 → 1 nhiệm vụ)." in text
    q3 = read_merged(current)[0]
    titles = {t.task_id: t.title for t in q3.tasks}
    completed = text.split("Các nhiệm vụ hoàn thành trong kỳ:")[1].split("Các nhiệm vụ kỳ trước đã hoàn thành")[0]
    assert titles["NQ57-01"][:40] in completed and titles["NQ57-02"][:40] not in completed
    assert "Biểu đồ: Tình trạng thực hiện nhiệm vụ qua các kỳ báo cáo" in text
    from docx import Document

    assert len(Document(str(out)).inline_shapes) == 2  # the status chart and the trend chart
    plain = tmp_path / "plain.docx"
    assert runner.invoke(app, ["render", "--form", "bao-cao", "-i", str(current), "-o", str(plain)]).exit_code == 0
    assert "So với kỳ trước" not in "\n".join(_paragraphs(plain)) and len(Document(str(plain)).inline_shapes) == 1


def test_render_previous_trend_over_several_periods_and_limit(periods, tmp_path):
    from nq57cli.render.context import build_context
    from nq57cli.domain.config import ReportConfig
    from nq57cli.write.periodbook import read_periods

    previous, current = periods
    records = read_periods([previous, previous])
    context = build_context(read_merged(current)[0], ReportConfig(), "bao-cao", previous=records)
    trend = context["previous"]["periods"]
    assert [p["label"] for p in trend] == ["Quý II/2025", "Quý II/2025", "Quý III/2025"]
    assert trend[-1]["overdue"] is None and context["previous"]["overdue_change_text"] == ""  # no as-of date
    assert [t["id"] for t in context["previous"]["regressions"]] == ["NQ57-02"]
    too_many = runner.invoke(app, ["render", "--form", "bao-cao", "-i", str(current), "-o", str(tmp_path / "x.docx"),
                                   *[a for _ in range(8) for a in ("--previous", str(previous))]])
    assert too_many.exit_code == 2 and "7" in too_many.stderr


def test_overdue_previous_marks_tasks_late_in_consecutive_periods(periods, tmp_path):
    previous, current = periods
    # As of 31/12/2025: NQ57-08 (due 31/08) was late at the end of Quý III too, not of Quý II → 2 periods;
    # NQ57-07 (due 30/09) is late now only (not late on its own deadline day).
    done = runner.invoke(app, ["overdue", "-i", str(current), "--as-of", "31/12/2025", "--previous", str(previous),
                               "--previous", str(current), "--json"])
    assert done.exit_code == 0, done.output
    tasks = {t["task_id"]: t for t in json.loads(done.stdout)["tasks"]}
    assert (tasks["NQ57-08"]["late_periods"], tasks["NQ57-08"]["late_since"]) == (2, "Quý III/2025")
    assert "overdue.persistent" in [n["code"] for n in tasks["NQ57-08"]["notes"]]
    assert tasks["NQ57-07"]["overdue"] and tasks["NQ57-07"]["late_periods"] == 1
    assert "overdue.persistent" not in [n["code"] for n in tasks["NQ57-07"]["notes"]]
    assert tasks["NQ57-01"]["late_periods"] == 0  # not late
    assert "1 nhiệm vụ quá hạn kéo dài" in json.loads(done.stdout)["summary_text"]
    letters = tmp_path / "cong-van"
    shown = runner.invoke(app, ["overdue", "-i", str(current), "--as-of", "31/12/2025", "--previous", str(previous),
                                "--previous", str(current), "--previous", str(current), "--letters", str(letters)])
    assert shown.exit_code == 0 and "(3 kỳ liên tiếp)" in shown.stdout
    from docx import Document

    letter = Document(str(letters / "cong-van-don-doc-cong-an-tinh.docx"))
    cells = [c.text for t in letter.tables for r in t.rows for c in r.cells]
    assert "122 (3 kỳ liên tiếp)" in cells  # 31/08 → 31/12: 122 days, late at Q3 twice and now
    plain = runner.invoke(app, ["overdue", "-i", str(current), "--as-of", "31/12/2025", "--json"])
    assert {t["task_id"]: t for t in json.loads(plain.stdout)["tasks"]}["NQ57-08"]["late_periods"] == 0


def test_template_previous_prefills_an_agency_form_that_merges_with_the_expected_warnings(periods, tmp_path):
    from nq57cli.read.prefilled import PREVIOUS_COLUMNS, PREVIOUS_SHEET
    from nq57cli.write.agencybook import COLUMNS

    previous, _ = periods
    agency = "Sở Khoa học và Công nghệ"
    out = tmp_path / "mau"
    done = runner.invoke(app, ["template", "--catalog", str(SAMPLES / "catalog.xlsx"), "--agency", agency,
                               "--previous", str(previous), "--period", "Quý III/2025", "-o", str(out)])
    assert done.exit_code == 0, done.output
    form = out / "so-khoa-hoc-va-cong-nghe.xlsx"
    book = openpyxl.load_workbook(form)
    sheet = book["Báo cáo"]
    assert book[PREVIOUS_SHEET].sheet_state == "hidden"
    assert {n: i - 1 for i, (n, *_) in enumerate(COLUMNS, start=1) if n in PREVIOUS_COLUMNS} == PREVIOUS_COLUMNS
    rows = {sheet.cell(r, 1).value: r for r in range(1, sheet.max_row + 1) if str(sheet.cell(r, 1).value).startswith("NQ57-")}
    last = {t.task_id: next((r for r in t.reports if r.agency == agency), None) for t in read_merged(previous)[0].tasks}
    mine = {task_id: r for task_id, r in last.items() if r is not None}
    for task_id, report in mine.items():  # its own last status and result, marked as last period's
        row = rows[task_id]
        assert sheet.cell(row, 6).value == {"completed": "Đã hoàn thành", "in_progress": "Đang thực hiện",
                                            "not_started": "Chưa thực hiện", "waiting": "Chờ hướng dẫn của Trung ương",
                                            "not_applicable": "Không thuộc nhiệm vụ"}[report.status]
        assert (sheet.cell(row, 7).value or None) == report.result
        assert "kỳ trước (Quý II/2025)" in sheet.cell(row, 6).comment.text
    untouched = next(task_id for task_id in rows if task_id not in mine)
    assert sheet.cell(rows[untouched], 6).value is None and sheet.cell(rows[untouched], 6).comment is None
    rules = [r for rng in sheet.conditional_formatting for r in rng.rules]
    assert any(f"'{PREVIOUS_SHEET}'!F" in r.formula[0] for r in rules)
    assert any("điền sẵn theo báo cáo kỳ trước (Quý II/2025)" in str(sheet.cell(r, 1).value) for r in range(1, 5))

    expected = {task_id for task_id, r in mine.items() if r.status != "completed"}
    assert "NQ57-02" in mine and "NQ57-02" not in expected  # completed stays completed, no warning
    merged = runner.invoke(app, ["merge", "--catalog", str(SAMPLES / "catalog.xlsx"), str(form),
                                 "-o", str(tmp_path / "m.xlsx"), "--json"])
    assert merged.exit_code == 0, merged.stderr
    found = [f for f in json.loads(merged.stdout)["findings"] if f["code"] == "template.prefill_unchanged"]
    assert {f["message"].split(":")[0].removeprefix("nhiệm vụ ") for f in found} == expected
    assert all(f["severity"] == "warning" and f["cell"].startswith("F") for f in found)

    edited = next(iter(sorted(expected)))
    sheet.cell(rows[edited], 7).value = "Kết quả cập nhật quý III/2025."
    book.save(form)
    checked = runner.invoke(app, ["validate", "--catalog", str(SAMPLES / "catalog.xlsx"), str(form), "--json"])
    assert checked.exit_code == 0
    assert f"nhiệm vụ {edited}:" not in checked.stdout and checked.stdout.count("template.prefill_unchanged") == len(expected) - 1


def test_demo_includes_a_previous_period(tmp_path):
    out = tmp_path / "demo"
    done = runner.invoke(app, ["demo", "--out", str(out)])
    assert done.exit_code == 0, done.output
    earlier, now = read_merged(out / "ky-truoc.xlsx")[0], read_merged(out / "merged.xlsx")[0]
    assert (earlier.period, now.period) == ("Quý III/2025", "Quý IV/2025")
    completed = [t.task_id for t in now.tasks if t.status == "completed"]
    assert [t.task_id for t in earlier.tasks if t.status == "completed"] == completed[1::2]
    changes = openpyxl.load_workbook(out / "thay-doi.xlsx")[KIND_LABELS["completed"][0]]
    assert [r[0] for r in changes.iter_rows(min_row=2, values_only=True)] == completed[::2]
    assert any(p.startswith("So với kỳ trước (Quý III/2025): số nhiệm vụ đã hoàn thành +")
               for p in _paragraphs(out / "bao-cao.docx"))


def test_diff_warns_when_periods_are_swapped_or_catalogs_differ(periods, tmp_path):
    previous, current = periods
    swapped = json.loads(runner.invoke(app, ["diff", str(current), str(previous), "--json"]).stdout)
    assert "period.order" in {f["code"] for f in swapped["findings"]}
    assert swapped["changes"]["regression"][0]["task_id"] == "NQ57-01"  # read backwards, 01 went back
    book = openpyxl.load_workbook(previous)
    inputs = book["Đầu vào"]
    row = next(r for r in range(2, inputs.max_row + 1) if inputs.cell(r, 2).value == "catalog")
    inputs.cell(row, 8).value = "0" * 64
    other = tmp_path / "other-catalog.xlsx"
    book.save(other)
    data = json.loads(runner.invoke(app, ["diff", str(other), str(current), "--json"]).stdout)
    changed = [f for f in data["findings"] if f["code"] == "period.catalog_changed"]
    assert len(changed) == 1 and changed[0]["severity"] == "info" and "DANH MỤC" in changed[0]["message"]
    assert data["previous"]["catalog"]["sha256"] == "0" * 64


def test_diff_unreadable_or_foreign_workbook_exits_3(periods):
    _, current = periods
    missing = runner.invoke(app, ["diff", str(current.parent / "nope.xlsx"), str(current)])
    assert missing.exit_code == 3 and "nope.xlsx" in missing.stderr
    foreign = runner.invoke(app, ["diff", str(SAMPLES / "catalog.xlsx"), str(current)])
    assert foreign.exit_code == 3 and "Nhiệm vụ" in foreign.stderr


def test_a_period_record_is_small_to_send_and_keeps_what_comparing_needs(periods):
    """The record sent back by a helper reading one merge: no joined texts (a national merge's tasks hold
    every agency's text again), but statuses, deadlines and each agency's own report."""
    import pickle

    from nq57cli.tasks.periods import record_of

    result, _ = read_merged(periods[1])
    record = record_of(result, periods[1].name)
    assert all(t.result is None and t.difficulties is None and t.proposals is None for t in record.tasks)
    assert [(t.task_id, t.status, t.deadline) for t in record.tasks] == \
        [(t.task_id, t.status, t.deadline) for t in result.tasks]
    assert sum(len(v) for v in record.reports.values()) == sum(len(t.reports) for t in result.tasks)
    assert any(text for reports in record.reports.values() for _, _, text, _ in reports)
    joined = sum(len(t.result or "") for t in result.tasks)
    assert len(pickle.dumps(record)) < len(pickle.dumps(result.tasks)) and joined > 0


def test_the_hidden_sheet_is_read_back_at_the_columns_the_form_writes():
    """read/prefilled.py cannot import the form's writer (layers): its column map must agree with it."""
    from nq57cli.read.prefilled import PREVIOUS_COLUMNS
    from nq57cli.write.agencybook import COLUMNS

    written = {name: index for index, (name, _, _, _) in enumerate(COLUMNS)}
    assert {name: written[name] for name in PREVIOUS_COLUMNS} == PREVIOUS_COLUMNS
