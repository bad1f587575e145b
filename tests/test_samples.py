"""The bundled samples: header detection on each file and the end-to-end merge, against expected.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SAMPLES, sha256
from nq57cli.tasks.merge import merge
from nq57cli.read.reader import read_table
from nq57cli.domain.status import parse_status

EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
SUBMISSIONS = sorted((SAMPLES / "submissions").glob("*.xlsx"))


@pytest.fixture(scope="module")
def result():
    before = {p: sha256(p) for p in SUBMISSIONS + [SAMPLES / "catalog.xlsx"]}
    merged = merge(SUBMISSIONS, catalog=SAMPLES / "catalog.xlsx")
    assert {p: sha256(p) for p in before} == before  # inputs untouched
    return merged


@pytest.mark.parametrize("name", sorted(EXPECTED["submissions"]))
def test_header_detection_on_each_sample(name):
    facts = EXPECTED["submissions"][name]
    table = read_table(SAMPLES / "submissions" / name).table
    assert table is not None
    assert (table.sheet, table.header_row, table.data_row) == (facts["sheet"], facts["header_row"], facts["first_data_row"])
    assert sum(1 for r in table.rows if r.group) == facts["group_rows"]
    assert sum(1 for r in table.rows if not r.group) == facts["data_rows"]


def test_catalog_header_and_groups():
    facts = EXPECTED["catalog"]
    table = read_table(SAMPLES / "catalog.xlsx").table
    assert (table.sheet, table.header_row) == (facts["sheet"], facts["header_row"])
    groups = {r.group_label: r.row for r in table.rows if r.group}
    assert groups == {k: v for k, v in facts["group_rows"].items()}


def test_tasks_groups_and_leads(result):
    assert len(result.tasks) == EXPECTED["catalog"]["tasks"] == 38
    assert [g.key for g in result.groups] == [f"Nhóm {i}" for i in range(1, 9)]
    per_group = {g.key: sum(1 for t in result.tasks if t.group == g.key) for g in result.groups}
    assert per_group == EXPECTED["catalog"]["tasks_per_group"]
    assert {t.task_id: t.lead for t in result.tasks} == EXPECTED["lead"]
    assert {t.task_id: t.partners for t in result.tasks} == EXPECTED["partners"]


def test_agencies_resolved(result):
    agencies = {i.name: i.agency for i in result.inputs if i.role == "submission"}
    assert agencies == {name: facts["agency"] for name, facts in EXPECTED["submissions"].items()}
    sources = {i.name: i.agency_source for i in result.inputs if i.role == "submission"}
    assert sources["cong-an-tinh.xlsx"] == "filename"
    assert sources["so-khoa-hoc-cong-nghe.xlsx"] == "title"


def test_every_report_lands_on_its_task(result):
    for name, facts in EXPECTED["submissions"].items():
        agency = facts["agency"]
        reported = sorted(t.task_id for t in result.tasks if agency in t.agencies and
                          any(r.file == name for r in t.reports))
        assert reported == sorted(set(facts["catalog_tasks_reported"])), name


def test_statuses_per_agency_and_combined(result):
    tasks = {t.task_id: t for t in result.tasks}
    for task_id, by_agency in EXPECTED["statuses"].items():
        got = {r.agency: r.status for r in tasks[task_id].reports}
        want = {agency: parse_status(text) for agency, text in by_agency.items()}
        for agency, status in want.items():
            assert got.get(agency) == status, (task_id, agency)
    for task_id in EXPECTED["tasks_without_report"]:
        assert tasks[task_id].status == "no_report" and tasks[task_id].reports == []
    for task_id in EXPECTED["tasks_with_mixed_status"]:
        assert tasks[task_id].status == "in_progress", task_id
    skipped = EXPECTED["skipped_by_expected_agency"][0]
    assert skipped["agency"] in tasks[skipped["task"]].silent


LOCATED = [
    ("cong-an-tinh.xlsx", "Sheet1!A5", "task.duplicate_id"),
    ("cong-an-tinh.xlsx", "Sheet1!G6", "date.invalid"),
    ("cong-an-tinh.xlsx", "Sheet1!A7", "task.unknown_id"),
    ("cong-an-tinh.xlsx", "Sheet1!G8", "cell.formula_no_value"),
    ("cong-an-tinh.xlsx", "Sheet1!F9", "status.completed_no_result"),
    ("ubnd-xa-nghia-hanh.xlsx", "Sheet1!B12", "task.no_match"),
    ("so-tai-chinh.xlsx", "Tiến độ NQ57!H6", "date.month_first"),
    ("catalog.xlsx", "Danh mục nhiệm vụ!E12", "date.month_first"),
]


@pytest.mark.parametrize("file, where, code", LOCATED)
def test_deliberate_problems_are_found_where_they_are(result, file, where, code):
    for problem in EXPECTED["problems"]:  # the sample's own record says the problem is there
        if Path(problem["file"]).name == file and problem["where"] == where:
            break
    else:
        pytest.fail(f"samples/expected.json lists no problem at {file} {where}")
    got = {(f.file, f"{f.sheet}!{f.cell}", f.code) for f in result.findings}
    assert (file, where, code) in got


def test_commune_rows_match_catalog_by_text(result):
    expected = {}
    for problem in EXPECTED["problems"]:
        if problem["file"].endswith("ubnd-xa-nghia-hanh.xlsx") and "khớp NQ57-" in problem["what"]:
            expected[problem["where"].split("!")[1]] = problem["what"].rsplit("khớp ", 1)[1]
    assert len(expected) == 12
    got = {r.cells["title"].split("!")[1]: r.matched_id for t in result.tasks for r in t.reports
           if r.file == "ubnd-xa-nghia-hanh.xlsx"}
    assert got == expected


def test_only_the_deliberate_errors(result):
    errors = sorted((f.file, f.code) for f in result.errors())
    assert errors == [
        ("cong-an-tinh.xlsx", "date.invalid"),
        ("cong-an-tinh.xlsx", "task.duplicate_id"),
        ("cong-an-tinh.xlsx", "task.unknown_id"),
        ("ubnd-xa-nghia-hanh.xlsx", "task.no_match"),
    ]


def test_text_result_starting_with_equals_stays_text(result):
    texts = [r.result for t in result.tasks for r in t.reports if r.result and r.result.startswith("=")]
    assert texts, "the sample has a result starting with '='"
