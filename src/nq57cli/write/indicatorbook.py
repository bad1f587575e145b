"""The indicator workbook (indicators.xlsx): written by `nq57 indicators`, edited in Excel (the
"Kết quả đạt được" column), read back by `nq57 render --form chi-tieu -i indicators.xlsx`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nq57cli.errors import UnreadableInputError
from nq57cli.core.fileio import atomic_write
from nq57cli.indicators.consolidate import assess, choose_milestone, consolidated_text
from nq57cli.indicators.evaluate import STATUSES, status_label
from nq57cli.indicators.models import Indicator, IndicatorResult, IndicatorValue
from nq57cli.indicators.read import field_for, milestone_of
from nq57cli.indicators.values import json_number, parent_code, parse_code, parse_target, parse_value
from nq57cli.write.mergedbook import FINDING_COLUMNS, FINDINGS_SHEET, INPUT_COLUMNS, INPUTS_SHEET, SEVERITY_VI, row_value, sheet_rows
from nq57cli.domain.models import Finding, Group, InputFile
from nq57cli.core.text import clean, header_key, one_line
from nq57cli.core.cells import column_letter
from nq57cli.write.xlsxout import new_workbook, open_own_workbook, write_sheet

INDICATORS_SHEET = "Chỉ tiêu"
VALUES_SHEET = "Giá trị đơn vị"
SUMMARY_SHEET = "Tổng hợp chỉ tiêu"
MATCH_VI = {"code": "số thứ tự", "name": "tên chỉ tiêu", "none": "không khớp"}

# (header, width, wrapped); the milestone columns go between "Đơn vị" and the monitoring agency.
HEAD_COLUMNS = [("STT", 7, False), ("Thuộc chỉ tiêu", 8, False), ("Nhóm", 14, True), ("Tên chỉ tiêu", 60, True),
                ("Đơn vị", 12, True)]
TAIL_COLUMNS = [("Cơ quan chủ trì theo dõi, đánh giá", 26, True), ("Mốc đánh giá", 9, False),
                ("Kết quả đạt được", 16, True), ("Đơn vị có số liệu", 24, True), ("Đánh giá", 26, True),
                ("Chênh lệch", 10, False), ("Giá trị các đơn vị", 40, True), ("Ô nguồn", 28, True), ("Ghi chú", 20, True)]
VALUE_COLUMNS = [
    ("Mã chỉ tiêu", 9, False), ("Đơn vị báo cáo", 26, True), ("Giá trị (nguyên văn)", 18, True), ("Giá trị", 12, False),
    ("Đơn vị tính (đơn vị ghi)", 12, True), ("STT (đơn vị ghi)", 8, False), ("Tên chỉ tiêu (đơn vị ghi)", 50, True),
    ("Ghi chú", 24, True), ("Khớp theo", 12, False), ("Điểm khớp", 9, False), ("Tệp", 28, True), ("Ô nguồn", 18, False),
]
SUMMARY_COLUMNS = [("Nội dung", 44, True), ("Số chỉ tiêu", 12, False)]


def _group_titles(result: IndicatorResult) -> dict[str, str]:
    return {g.key: g.title for g in result.groups}


def write_indicators(result: IndicatorResult, path: Path, lang: str = "vi") -> Path:
    """Write the indicator workbook atomically: one row per indicator (parents included) with its
    targets, the value used and its assessment; every agency's value; findings; inputs."""
    milestones = result.milestones
    titles = _group_titles(result)
    columns = HEAD_COLUMNS + [(result.milestone_headers.get(m) or f"Đến năm {m}", 11, True) for m in milestones] \
        + TAIL_COLUMNS
    rows = []
    for ind in result.indicators:
        a = ind.assessment
        rows.append([
            ind.code, ind.parent, titles.get(ind.group or "", ind.group), ind.name, ind.unit,
            *[ind.targets[m].raw if m in ind.targets else None for m in milestones],
            ind.monitor, result.milestone, consolidated_text(ind), a.agency if a else None,
            a.text(ind.unit, "vi") if a else None, json_number(a.gap) if a else None,
            "\n".join(f"{v.agency}: {v.raw}" for v in ind.values) or None,
            "\n".join(f"{v.file}, {v.cell}" for v in ind.values) or None, ind.note,
        ])
    values = [v for ind in result.indicators for v in ind.values] + list(result.unmatched)
    value_rows = [
        [v.matched, v.agency, v.raw, json_number(v.value.number) if v.value.kind == "number" else None, v.unit,
         v.code, v.name, v.note, MATCH_VI[v.match_method], v.match_score, v.file, v.cell]
        for v in values
    ]
    counts = result.counts()
    summary_rows: list[list[Any]] = [["Mốc đánh giá", result.milestone_headers.get(result.milestone, result.milestone)]]
    summary_rows += [[status_label(s, "vi"), counts[s]] for s in STATUSES]
    summary_rows.append(["Tổng số chỉ tiêu được đánh giá", sum(counts.values())])
    finding_rows = [[SEVERITY_VI[f.severity], f.code, f.file, f.sheet, f.cell, f.column, f.value, f.message(lang)]
                    for f in result.findings]
    input_rows = [[i.name, i.role, i.agency, i.agency_source, i.sheet, i.header_row, i.rows, i.sha256, i.size,
                   "có" if i.readable else "không"] for i in result.inputs]
    input_rows.append([f"nq57 {result.tool_version}", "tool", None, None, None, None, None, None, None, None])

    def write(tmp: Path) -> None:
        workbook = new_workbook(tmp, len(rows) + len(value_rows), "Kết quả thực hiện các chỉ tiêu")
        write_sheet(workbook, INDICATORS_SHEET, columns, rows)
        write_sheet(workbook, VALUES_SHEET, VALUE_COLUMNS, value_rows)
        write_sheet(workbook, SUMMARY_SHEET, SUMMARY_COLUMNS, summary_rows)
        write_sheet(workbook, FINDINGS_SHEET, FINDING_COLUMNS, finding_rows)
        write_sheet(workbook, INPUTS_SHEET, INPUT_COLUMNS, input_rows)
        workbook.close()

    return atomic_write(path, write)


def _header_cells(workbook: Any) -> list[str]:
    rows = workbook.get_sheet_by_name(INDICATORS_SHEET).to_python(skip_empty_area=False)
    return [one_line(h) or "" for h in (rows[0] if rows else [])]


def read_indicator_book(path: Path, milestone: str | None = None) -> IndicatorResult:
    """Read indicators.xlsx back and evaluate again, with whatever a person changed in Excel (the
    "Kết quả đạt được" column is the value used); `milestone` re-evaluates against another year."""
    workbook = open_own_workbook(path, INDICATORS_SHEET, "tệp chỉ tiêu", "indicator workbook",
                                 "; hãy chạy \"nq57 indicators\".", "; run \"nq57 indicators\".")
    headers = _header_cells(workbook)
    columns = {header_key(h): i for i, h in enumerate(headers) if h}
    milestone_columns = {m: (h, i) for i, h in enumerate(headers) if (m := milestone_of(field_for(h) or ""))}
    milestones = sorted(milestone_columns)
    records = sheet_rows(workbook, INDICATORS_SHEET)
    stored = next((str(row_value(r, "Mốc đánh giá")).split(".")[0] for _, r in records if row_value(r, "Mốc đánh giá")), None)
    if not milestones:
        raise UnreadableInputError(f"Tệp chỉ tiêu {path} không có cột mục tiêu theo năm.",
                                   f"The indicator workbook {path} has no target column per year.")
    chosen = choose_milestone(milestone or stored, milestones)
    findings: list[Finding] = []
    indicators: list[Indicator] = []
    groups: dict[str, Group] = {}
    consolidated: dict[str, tuple[Any, str | None, int]] = {}
    value_col = column_letter(columns.get(header_key("Kết quả đạt được"), 0))
    for number, record in records:
        code = parse_code(row_value(record, "STT"))
        name = clean(row_value(record, "Tên chỉ tiêu"))
        if not code or not name:
            continue
        group = one_line(row_value(record, "Nhóm"))
        if group and group not in groups:
            groups[group] = Group(key=group, order=len(groups) + 1, title=group)
        targets = {}
        cells = {}
        for m, (header, index) in milestone_columns.items():
            target = parse_target(record.get(header_key(header)))
            if target is not None:
                targets[m] = target
            cells[f"target_{m}"] = f"{INDICATORS_SHEET}!{column_letter(index)}{number}"
        indicators.append(Indicator(
            code=code, parent=parent_code(code), level=code.count(".") + 1, order=len(indicators) + 1, name=name,
            unit=one_line(row_value(record, "Đơn vị")), targets=targets,
            monitor=one_line(row_value(record, "Cơ quan chủ trì theo dõi, đánh giá")), group=group,
            note=clean(row_value(record, "Ghi chú")), cells=cells,
        ))
        consolidated[code] = (row_value(record, "Kết quả đạt được"), one_line(row_value(record, "Đơn vị có số liệu")), number)
    by_code = {i.code: i for i in indicators}
    for ind in indicators:
        if ind.parent in by_code:
            by_code[ind.parent].children.append(ind.code)
    unmatched: list[IndicatorValue] = []
    for number, record in sheet_rows(workbook, VALUES_SHEET) if VALUES_SHEET in workbook.sheet_names else []:
        raw = row_value(record, "Giá trị (nguyên văn)")
        value = parse_value(raw)
        if value is None:
            continue
        source = one_line(row_value(record, "Ô nguồn")) or ""
        sheet, _, _ = source.rpartition("!")
        matched = one_line(row_value(record, "Mã chỉ tiêu"))
        item = IndicatorValue(
            agency=one_line(row_value(record, "Đơn vị báo cáo")) or "", file=one_line(row_value(record, "Tệp")) or path.name,
            sheet=sheet or VALUES_SHEET, row=number, cell=source or f"{VALUES_SHEET}!A{number}",
            raw=(one_line(raw) or "") if isinstance(raw, str) else value.raw, value=value,
            code=parse_code(row_value(record, "STT (đơn vị ghi)")), name=clean(row_value(record, "Tên chỉ tiêu (đơn vị ghi)")),
            unit=one_line(row_value(record, "Đơn vị tính (đơn vị ghi)")), note=clean(row_value(record, "Ghi chú")),
            matched=matched if matched in by_code else None,
            match_method={v: k for k, v in MATCH_VI.items()}.get(one_line(row_value(record, "Khớp theo")) or "", "none"),  # type: ignore[arg-type]
        )
        (by_code[matched].values if matched in by_code else unmatched).append(item)
    for ind in indicators:
        raw, agency, number = consolidated[ind.code]
        value = parse_value(raw)
        used = None
        if value is not None:
            used = IndicatorValue(agency=agency or "", file=path.name, sheet=INDICATORS_SHEET, row=number,
                                  cell=f"{INDICATORS_SHEET}!{value_col}{number}",
                                  raw=(one_line(raw) or "") if isinstance(raw, str) else value.raw, value=value,
                                  matched=ind.code)
        ind.assessment = assess(ind, chosen, used, False, path.name, findings)
    headers_by_milestone = {m: h for m, (h, _) in milestone_columns.items()}
    info = InputFile(path=str(path), name=path.name, role="merged", rows=len(indicators))
    return IndicatorResult(milestone=chosen, milestones=milestones, milestone_headers=headers_by_milestone,
                           indicators=indicators, groups=list(groups.values()), unmatched=unmatched,
                           findings=findings, inputs=[info])
