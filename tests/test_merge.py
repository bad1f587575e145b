"""merge(): reading, validating and combining, on small real workbooks."""

from __future__ import annotations

import os

from datetime import date
from pathlib import Path

import pytest

from conftest import HEADER, encrypt, sha256, submission_rows, write_xlsx
from nq57cli.errors import UnreadableInputError
from nq57cli.domain.status import combine_status
from nq57cli.tasks.merge import merge
from nq57cli.read.reader import read_table


def codes(result, severity=None):
    return [f.code for f in result.findings if severity is None or f.severity == severity]


def find(result, code):
    hits = [f for f in result.findings if f.code == code]
    assert hits, f"no finding {code}: {[f.code for f in result.findings]}"
    return hits[0]


@pytest.mark.parametrize(
    "statuses, expected",
    [
        ([], "no_report"),
        (["not_applicable"], "not_applicable"),
        (["completed", "not_applicable"], "completed"),
        (["completed", "completed"], "completed"),
        (["completed", "in_progress"], "in_progress"),
        (["completed", "not_started"], "in_progress"),
        (["completed", "waiting"], "in_progress"),
        (["in_progress", "not_started"], "in_progress"),
        (["not_started", "not_started"], "not_started"),
        (["waiting", "waiting", "not_applicable"], "waiting"),
        (["not_started", "waiting"], "not_started"),
        ([None, "completed"], "completed"),
    ],
)
def test_combined_status_rule(statuses, expected):
    assert combine_status(statuses) == expected


def test_merge_by_id_combines_agencies(tmp_path, catalog):
    a = write_xlsx(tmp_path / "a.xlsx", submission_rows("SỞ KHOA HỌC VÀ CÔNG NGHỆ", [
        ["NV-01", 1, "Tiếp tục nâng cao tinh thần trách nhiệm", "31/12/2025", "Đã hoàn thành",
         "Đã ban hành kế hoạch.\nĐã tổ chức hội nghị.", date(2025, 8, 1)],
        ["NV-03", 3, "Đẩy mạnh hợp tác", "Quý IV/2025", "Đang triển khai", "Đang làm việc với các trường", None],
    ]))
    b = write_xlsx(tmp_path / "b.xlsx", submission_rows("SỞ NỘI VỤ", [
        ["NV-01", 1, "Tiếp tục nâng cao tinh thần trách nhiệm", "31/12/2025", "Đang thực hiện", "Đang rà soát", None],
        ["NV-02", 2, "Rà soát, ban hành các văn bản", "Tháng 9/2025", "Không thuộc nhiệm vụ", None, None],
    ]))
    result = merge([a, b], catalog=catalog)
    tasks = {t.task_id: t for t in result.tasks}
    assert [t.task_id for t in result.tasks] == ["NV-01", "NV-02", "NV-03"]
    assert [g.key for g in result.groups] == ["Nhóm 1", "Nhóm 2", "Nhóm 3"]
    assert tasks["NV-01"].status == "in_progress"
    assert tasks["NV-01"].agencies == ["Sở Khoa học và Công nghệ", "Sở Nội vụ"]  # lead first
    assert tasks["NV-01"].result == (
        "Sở Khoa học và Công nghệ: Đã ban hành kế hoạch.\nĐã tổ chức hội nghị.\nSở Nội vụ: Đang rà soát"
    )
    assert tasks["NV-02"].status == "not_applicable"
    assert tasks["NV-03"].status == "in_progress"
    assert tasks["NV-03"].silent == ["Sở Tài chính"]
    assert tasks["NV-02"].deadline.due == date(2025, 9, 30)
    assert tasks["NV-03"].deadline.kind == "quarter"
    report = tasks["NV-01"].reports[0]
    assert report.cells["status"] == "Báo cáo!E5"
    assert report.completed_on == date(2025, 8, 1)
    assert result.errors() == []
    agencies = [f.params["agency"] for f in result.findings if f.code == "agency.source"]
    assert agencies == ["Sở Khoa học và Công nghệ", "Sở Nội vụ"]


def test_reports_are_ordered_lead_partners_then_by_name_file_and_row(tmp_path, catalog):
    """Whatever order the files come in: the lead, the partners, then the others by name (compared by
    match key, so "Đ" comes after "X"), one agency's files by file name and rows by row."""
    def one(name, agency, results):
        rows = [["NV-01", 1, "Tiếp tục nâng cao tinh thần trách nhiệm", "31/12/2025", "Đang thực hiện", text, None]
                for text in results]
        return write_xlsx(tmp_path / name, submission_rows(agency, rows))

    files = [
        one("z.xlsx", "SỞ XÂY DỰNG", ["xd"]),
        one("c2.xlsx", "SỞ CÔNG THƯƠNG", ["ct2"]),
        one("n.xlsx", "SỞ NỘI VỤ", ["nv"]),
        one("c1.xlsx", "SỞ CÔNG THƯƠNG", ["ct1 dòng 5", "ct1 dòng 6"]),
        one("k.xlsx", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", ["kh"]),
        one("a.xlsx", "SỞ ĐỊA CHÍNH", ["đc"]),
    ]
    os.utime(files[1], (1_700_000_000, 1_700_000_000))  # c2.xlsx: the agency's older file, superseded by c1
    for order in (files, files[::-1]):
        task = merge(order, catalog=catalog).tasks[0]
        assert [r.result for r in task.reports] == ["kh", "nv", "ct1 dòng 5", "ct1 dòng 6", "xd", "đc"]
        assert [r.result for r in merge(order, catalog=catalog, workers=1).tasks[0].reports] == \
            [r.result for r in task.reports]


def test_without_catalog_tasks_are_the_union(tmp_path):
    a = write_xlsx(tmp_path / "so-a.xlsx", [HEADER, [None, 1, "Nhiệm vụ một", "2025", "Hoàn thành", "xong", None]])
    b = write_xlsx(tmp_path / "so-b.xlsx", [HEADER, [None, 1, "Nhiệm  vụ MỘT", "2025", "Chưa thực hiện", None, None],
                                             [None, 2, "Nhiệm vụ hai", "Thường xuyên", "Đang thực hiện", "x", None]])
    result = merge([a, b])
    assert [t.title for t in result.tasks] == ["Nhiệm vụ một", "Nhiệm vụ hai"]
    assert result.tasks[0].status == "in_progress"
    assert result.tasks[1].deadline.kind == "recurring"
    assert {i.agency_source for i in result.inputs} == {"filename"}


def test_text_matching_without_ids(tmp_path, catalog):
    commune = write_xlsx(tmp_path / "xa.xlsx", [
        ["Đơn vị báo cáo: UBND xã Nghĩa Hành"],
        ["TT", "Nội dung, nhiệm vụ", "Kết quả", "Kết quả thực hiện"],
        [1, "Đẩy mạnh hợp tác với doanh nghiệp, viện, trường trong nước về khoa học", "Đang thực hiện", "Ký kết 2 thỏa thuận"],
        [2, "Tổ chức hội thi tin học trẻ cấp xã năm 2025", "Hoàn thành", "Đã tổ chức"],
    ])
    result = merge([commune], catalog=catalog)
    nv3 = next(t for t in result.tasks if t.task_id == "NV-03")
    assert nv3.reports[0].agency == "UBND xã Nghĩa Hành"
    assert nv3.reports[0].match_method == "text"
    assert nv3.reports[0].match_score >= 70
    assert nv3.reports[0].stt == "1"  # the agency's own STT is kept but not used for matching
    no_match = find(result, "task.no_match")
    assert (no_match.file, no_match.sheet, no_match.cell) == ("xa.xlsx", "Báo cáo", "B4")
    assert len(result.unmatched) == 1 and result.unmatched[0].title.startswith("Tổ chức hội thi")
    source = find(result, "agency.source")
    assert source.params["source"] == "label"  # a key, shown per language when printed
    assert source.message("vi").endswith("(lấy từ dòng \"Đơn vị:\" ở đầu văn bản)")
    assert source.message("en").endswith("(taken from the \"Đơn vị:\" label line)")


def test_sure_text_matches_are_one_finding_per_file(tmp_path, catalog):
    """Rows matched by text without doubt are summed up in one info line per file (each row's task and
    score are in the reports sheet); doubtful ones stay a warning on their own cell."""
    commune = write_xlsx(tmp_path / "xa.xlsx", [
        ["TT", "Nội dung, nhiệm vụ", "Kết quả", "Kết quả thực hiện"],
        [1, "Tiếp tục nâng cao tinh thần trách nhiệm, có quyết tâm chính trị cao", "Đang thực hiện", "a"],
        [2, "Rà soát, ban hành các văn bản thuộc lĩnh vực, chức năng làm căn cứ triển khai", "Đang thực hiện", "b"],
        [3, "Ghi chú riêng", None, None],
        [4, "Đẩy mạnh hợp tác với doanh nghiệp, viện, trường trong và ngoài nước về khoa học", "Đang thực hiện", "c"],
        [5, "Hợp tác với doanh nghiệp trong nước", "Đang thực hiện", "d"],
    ])
    result = merge([commune], catalog=catalog)
    assert [r.match_method for t in result.tasks for r in t.reports] == ["text", "text", "text", "text"]
    weak = find(result, "task.weak_match")
    assert (weak.severity, weak.cell, weak.params["task_id"]) == ("warning", "B6", "NV-03")
    summary = [f for f in result.findings if f.code == "task.text_matches"]
    assert len(summary) == 1
    assert (summary[0].severity, summary[0].file, summary[0].sheet, summary[0].cell) == ("info", "xa.xlsx", "Báo cáo",
                                                                                        None)
    assert summary[0].params["count"] == 3 and summary[0].params["rows"] == "2–3, 5"
    assert summary[0].message("vi").startswith("3 dòng không ghi mã được khớp theo nội dung với danh mục (dòng 2–3, 5;")
    assert "task.text_match" not in codes(result)


def test_header_on_row_6_two_row_merged_header_and_numbering_row(tmp_path, catalog):
    rows = [["UBND TỈNH QUẢNG NGÃI"], ["SỞ NỘI VỤ"], [], [], ["BÁO CÁO"],
            ["Mã nhiệm vụ", "TT", "Tên nhiệm vụ", "Thời hạn", "Kết quả", None],
            [None, None, None, None, "Tình trạng", "Mô tả"],
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
            ["Nhóm 1 - Nâng cao nhận thức"],
            ["NV-02", 1, "Rà soát văn bản", "31-12-2025", "Đã thực hiện", "Đã ban hành 3 văn bản"]]
    path = write_xlsx(tmp_path / "noi-vu.xlsx", rows, before=["Hướng dẫn"],
                      merges=["A6:A7", "B6:B7", "C6:C7", "D6:D7", "E6:F6", "A9:F9"])
    table = read_table(path).table
    assert table.sheet == "Báo cáo" and table.header_row == 6 and table.data_row == 9
    assert table.columns["status"] == 4 and table.columns["result"] == 5
    result = merge([path], catalog=catalog)
    nv2 = next(t for t in result.tasks if t.task_id == "NV-02")
    assert nv2.status == "completed" and nv2.result == "Sở Nội vụ: Đã ban hành 3 văn bản"
    assert nv2.reports[0].cells["result"] == "Báo cáo!F10"


def test_nfd_text_and_old_tone_placement(tmp_path, catalog):
    import unicodedata

    nfd = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
    rows = [[nfd("Đơn vị: Sở Khoa học và Công nghệ")], [nfd("mã nhiệm vụ"), nfd("nhiệm vụ cụ thể:"), nfd("tình  trạng")],
            [" nv-01 ", nfd("Tiếp tục nâng cao tinh thần trách nhiệm"), nfd("Hoàn  thành")]]
    result = merge([write_xlsx(tmp_path / "nfd.xlsx", rows)], catalog=catalog)
    nv1 = result.tasks[0]
    assert nv1.status == "completed"
    assert nv1.reports[0].agency == "Sở Khoa học và Công nghệ"
    assert nv1.reports[0].title == unicodedata.normalize("NFC", "Tiếp tục nâng cao tinh thần trách nhiệm")


# --- bad input: every case is a finding naming the file (and cell), and the run goes on ---

def _good(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "good.xlsx", submission_rows("SỞ NỘI VỤ", [
        ["NV-02", 2, "Rà soát", "Tháng 9/2025", "Đang thực hiện", "Đang rà soát", None]]))


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    good = _good(tmp_path)
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    text = tmp_path / "text.xlsx"
    text.write_text("Đây là một tệp văn bản, không phải Excel", encoding="utf-8")
    empty = write_xlsx(tmp_path / "empty.xlsx", [])
    no_header = write_xlsx(tmp_path / "no-header.xlsx", [["Kính gửi Sở Khoa học và Công nghệ"], ["Nội dung báo cáo ở tệp Word"]])
    locked = encrypt(good, tmp_path / "locked.xlsx")
    return {"file.corrupt": truncated, "file.corrupt ": text, "file.empty": empty, "sheet.no_header": no_header,
            "file.encrypted": locked}


def test_unreadable_files_are_findings_and_the_run_goes_on(tmp_path, catalog):
    bad = _bad_files(tmp_path)
    before = {p: sha256(p) for p in bad.values()}
    result = merge(list(bad.values()) + [_good(tmp_path)], catalog=catalog)
    for code, path in bad.items():
        hits = [f for f in result.findings if f.file == path.name and f.severity == "error"]
        assert [f.code for f in hits] == [code.strip()], path.name
        assert hits[0].message("vi") and hits[0].message("en") != hits[0].message("vi")
    assert next(t for t in result.tasks if t.task_id == "NV-02").status == "in_progress"
    assert {p: sha256(p) for p in bad.values()} == before  # inputs never modified


def test_all_unreadable_gives_each_reason(tmp_path):
    text = tmp_path / "text.xlsx"
    text.write_text("hello", encoding="utf-8")
    result = merge([text, tmp_path / "missing.xlsx"])
    assert result.readable_submissions() == []
    assert [(f.file, f.code) for f in result.errors()] == [("text.xlsx", "file.corrupt"), ("missing.xlsx", "file.not_found")]


def test_same_name_in_two_folders_is_told_apart(tmp_path):
    a = write_xlsx(tmp_path / "a" / "bao-cao.xlsx",
                   submission_rows("SỞ TÀI CHÍNH", [["NV-01", 1, "x", None, "Xong xuôi rồi đó", "y", None]]))
    b = write_xlsx(tmp_path / "b" / "bao-cao.xlsx",
                   submission_rows("SỞ NỘI VỤ", [["NV-01", 1, "x", None, "Hoàn thành", "y", None]]))
    result = merge([a, b])
    assert [i.name for i in result.inputs] == [str(a), str(b)]
    assert [f.file for f in result.findings if f.code == "status.unknown"] == [str(a)]


def test_group_rows_in_the_id_column_are_groups(tmp_path):
    rows = [["Mã nhiệm vụ", "Nhiệm vụ cụ thể", "Tình trạng"], ["Nhóm 1"], ["NV-01", "Việc một", "Hoàn thành"],
            ["II. Thể chế"], ["NV-02", "Việc hai", "Đang thực hiện"]]
    table = read_table(write_xlsx(tmp_path / "g.xlsx", rows, merges=["A2:C2", "A4:C4"])).table
    assert [(r.group, r.group_label) for r in table.rows if r.group] == [("Nhóm 1", "Nhóm 1"), ("II. Thể chế", "II")]


def test_unreadable_catalog_raises(tmp_path):
    bad = tmp_path / "catalog.xlsx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(UnreadableInputError) as info:
        merge([_good(tmp_path)], catalog=bad)
    assert "catalog.xlsx" in info.value.message("vi")


def test_row_level_problems_name_their_cells(tmp_path, catalog):
    rows = submission_rows(None, [
        ["NV-99", 1, "Nhiệm vụ không có trong danh mục", "31/12/2025", "Đang thực hiện", "x", None],   # row 3
        ["NV-01", 2, "Tiếp tục nâng cao tinh thần trách nhiệm", "31/12/2025", "Đã hoàn thành", None, "31/02/2025"],  # 4
        ["NV-01", 3, "Tiếp tục nâng cao tinh thần trách nhiệm", "31/12/2025", "Đang thực hiện", "lần hai", None],  # 5
        ["NV-03", 4, "Đẩy mạnh hợp tác", "Quý IV/2025", "Xong xuôi rồi đó", "abc", "=TODAY()"],  # 6
    ])
    path = write_xlsx(tmp_path / "cong-an-tinh.xlsx", rows)
    result = merge([path], catalog=catalog)
    where = {f.code: (f.file, f.sheet, f.cell) for f in result.findings if f.file == "cong-an-tinh.xlsx"}
    assert where["task.unknown_id"] == ("cong-an-tinh.xlsx", "Báo cáo", "A3")
    assert where["date.invalid"] == ("cong-an-tinh.xlsx", "Báo cáo", "G4")
    assert where["status.completed_no_result"] == ("cong-an-tinh.xlsx", "Báo cáo", "F4")
    assert where["task.duplicate_id"] == ("cong-an-tinh.xlsx", "Báo cáo", "A5")
    assert where["status.unknown"] == ("cong-an-tinh.xlsx", "Báo cáo", "E6")
    assert where["cell.formula_no_value"] == ("cong-an-tinh.xlsx", "Báo cáo", "G6")
    assert find(result, "agency.source").params["source"] == "filename"
    assert find(result, "agency.source").message("en").endswith("(taken from the file name)")
    assert result.inputs[-1].agency == "cong an tinh"
    assert "NV-99" in find(result, "task.unknown_id").message("vi")


def test_agency_option_wins(tmp_path, catalog):
    path = _good(tmp_path)
    result = merge([path], catalog=catalog, agencies={"good.xlsx": "Sở Tài chính"})
    assert result.inputs[-1].agency == "Sở Tài chính" and result.inputs[-1].agency_source == "option"


def test_same_file_twice_is_read_once(tmp_path, catalog):
    path = _good(tmp_path)
    copy = tmp_path / "copy.xlsx"
    copy.write_bytes(path.read_bytes())
    result = merge([path, copy], catalog=catalog)
    assert "file.duplicate" in codes(result)
    assert sum(len(t.reports) for t in result.tasks) == 1


@pytest.mark.parametrize("workers", [2, 3])
def test_parallel_reading_gives_the_same_result_as_one_process(tmp_path, monkeypatch, workers):
    """Worker processes read part of the files and this process the rest: same result, same order."""
    import shutil as sh

    from conftest import SAMPLES
    from nq57cli.tasks import submissions as merge_module

    files = []
    for copy in range(3):  # 18 files, with a damaged one among them
        for source in sorted((SAMPLES / "submissions").glob("*.xlsx")):
            target = tmp_path / f"{copy}-{source.name}"
            sh.copy(source, target)
            files.append(target)
    (tmp_path / "hong.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    files.insert(5, tmp_path / "hong.xlsx")
    monkeypatch.setattr(merge_module, "PARALLEL_FROM", 4)
    catalog = SAMPLES / "catalog.xlsx"
    alone = merge(files, catalog=catalog, workers=1)
    together = merge(files, catalog=catalog, workers=workers)
    assert together.model_dump() == alone.model_dump()
    assert [i.name for i in together.inputs][1:] == [f.name for f in files]
    assert "file.corrupt" in codes(together, "error")


def test_with_another_thread_running_workers_are_spawned_not_forked(tmp_path, monkeypatch):
    """A process running threads must not fork: the workers are spawned, and the result is the same."""
    import shutil as sh

    from conftest import SAMPLES, another_thread_running
    from nq57cli.tasks import submissions as merge_module
    from nq57cli.core.parallel import fork_context

    files = []
    for copy in range(2):
        for source in sorted((SAMPLES / "submissions").glob("*.xlsx")):
            target = tmp_path / f"{copy}-{source.name}"
            sh.copy(source, target)
            files.append(target)
    monkeypatch.setattr(merge_module, "PARALLEL_FROM", 4)
    catalog = SAMPLES / "catalog.xlsx"
    alone = merge(files, catalog=catalog, workers=1)
    with another_thread_running():
        assert fork_context() is None
        together = merge(files, catalog=catalog, workers=2)
    assert together.model_dump() == alone.model_dump()


@pytest.mark.parametrize("requested, env, expected", [(3, "1", 3), (None, "1", 1), (None, "0", 1), (0, "", 1),
                                                       (None, "abc", None)])
def test_worker_count(monkeypatch, requested, env, expected):
    import os

    from nq57cli.core.parallel import worker_count

    monkeypatch.setenv("NQ57_WORKERS", env)
    assert worker_count(requested) == (expected if expected is not None else max(1, os.cpu_count() or 1))


def test_many_completion_dates_are_summed_up(tmp_path):
    """A lead and seven partners on one piece of work, eight completion dates: the conflict names how many,
    the first three and the last two."""
    catalog = write_xlsx(tmp_path / "danh-muc.xlsx", [
        ["Mã nhiệm vụ", "STT", "Nhiệm vụ cụ thể", "Thời hạn hoàn thành", "Cơ quan chủ trì", "Cơ quan phối hợp"],
        ["NV-02", 2, "Rà soát, ban hành các văn bản thuộc lĩnh vực", "Tháng 9/2025", "UBND xã Số 1",
         "; ".join(f"UBND xã Số {day}" for day in range(2, 9))]])
    files = []
    for day in range(1, 9):
        files.append(write_xlsx(tmp_path / f"{day}.xlsx", submission_rows(f"UBND XÃ SỐ {day}", [
            ["NV-02", 2, "Rà soát, ban hành các văn bản", "Tháng 9/2025", "Đã hoàn thành", "Xong", date(2025, 9, day)]])))
    result = merge(files, catalog=catalog)
    conflict = find(result, "conflict.completion_date")
    assert conflict.params["count"] == 8
    assert conflict.params["dates"] == "01/09/2025, 02/09/2025, 03/09/2025, …, 07/09/2025, 08/09/2025"
    assert conflict.message("vi").startswith("nhiệm vụ NV-02: các đơn vị ghi 8 ngày hoàn thành khác nhau")
    assert next(t for t in result.tasks if t.task_id == "NV-02").completed_on == date(2025, 9, 8)


@pytest.mark.parametrize("written, known", [
    ("SỞ KH&CN", "Sở Khoa học và Công nghệ"),
    ("Sở KHCN", "Sở Khoa học và Công nghệ"),
    ("ỦY BAN NHÂN DÂN XÃ NGHĨA HÀNH", "UBND xã Nghĩa Hành"),
    ("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"),
    ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
    ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
    ("Sở Tài chính", "Sở Tài chính"),
])
def test_agency_names_snap_to_the_catalog_through_abbreviations(written, known):
    from nq57cli.domain.registry import canonical

    catalog = ["Sở Khoa học và Công nghệ", "UBND xã Nghĩa Hành", "Sở KH&ĐT", "Sở Lao động - Thương binh và Xã hội",
               "Sở Giáo dục và Đào tạo", "Sở Tài chính", "Sở Tư pháp"]
    assert canonical(written, catalog) == known
    assert canonical("Sở Y tế", catalog) == "Sở Y tế"  # not in the catalog: kept as written


def test_an_abbreviated_title_block_is_the_catalogs_lead(tmp_path, catalog):
    """A file headed "SỞ KH&CN" is the catalog's "Sở Khoa học và Công nghệ": its report counts for the lead,
    which is then not listed as silent, and the agency is not unexpected."""
    path = write_xlsx(tmp_path / "skhcn.xlsx", submission_rows("SỞ KH&CN", [
        ["NV-01", 1, "Tiếp tục nâng cao tinh thần trách nhiệm", "31/12/2025", "Đang thực hiện", "Đang làm", None]]))
    result = merge([path], catalog=catalog)
    nv1 = result.tasks[0]
    assert [r.agency for r in nv1.reports] == ["Sở Khoa học và Công nghệ"]
    assert "Sở Khoa học và Công nghệ" not in nv1.silent
    assert "agency.unexpected" not in codes(result)
