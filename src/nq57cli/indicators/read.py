"""Reading indicator tables: header aliases, the catalog of targets per milestone, an agency's values."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from nq57cli.core.text import clean, header_key, match_key, one_line
from nq57cli.domain.agency import split_agencies
from nq57cli.domain.models import Finding, Group, InputFile
from nq57cli.domain.registry import Registry, as_registry
from nq57cli.errors import UnreadableInputError
from nq57cli.indicators.models import Indicator, IndicatorValue
from nq57cli.indicators.values import (format_number, measure_key, parent_code, parse_code, parse_target,
                                       parse_value)
from nq57cli.read.columns import header_lookup
from nq57cli.read.reader import read_table
from nq57cli.read.table import RawRow, Schema, SheetTable
from nq57cli.read.workbook import sha256_of
from nq57cli.read.rows import RowContext, read_groups_and_rows
from nq57cli.tasks.catalog import CatalogBase, unreadable_catalog
from nq57cli.tasks.matching import ID_TITLE_MISMATCH, STRONG_MATCH, WEAK_MATCH
from nq57cli.tasks.submissions import open_submission

# ------------------------------------------------------------------------------ header aliases

# field: aliases (compared like task headers: case, diacritics, spacing and punctuation ignored).
ALIASES: dict[str, tuple[str, ...]] = {
    "stt": ("STT", "TT", "Số TT", "Số thứ tự", "Mã chỉ tiêu", "Mã số chỉ tiêu"),
    "name": ("Tên chỉ tiêu", "Chỉ tiêu", "Nội dung chỉ tiêu", "Tên chỉ tiêu, chỉ số", "Chỉ tiêu cụ thể",
             "Tên chỉ số", "Chỉ số"),
    "unit": ("Đơn vị", "Đơn vị tính", "ĐVT", "Đơn vị đo"),
    "value": ("Kết quả đạt được", "Giá trị thực hiện", "Kết quả thực hiện", "Kết quả", "Giá trị đạt được",
              "Thực hiện", "Số liệu thực hiện", "Giá trị", "Số liệu", "Kết quả thực hiện chỉ tiêu"),
    "monitor": ("Cơ quan chủ trì theo dõi, đánh giá", "Cơ quan chủ trì theo dõi", "Cơ quan theo dõi, đánh giá",
                "Cơ quan theo dõi", "Đơn vị chủ trì theo dõi", "Đơn vị theo dõi", "Đơn vị chủ trì theo dõi, đánh giá",
                "Cơ quan chủ trì", "Đơn vị chủ trì"),
    "note": ("Ghi chú",),
    "group": ("Nhóm chỉ tiêu", "Lĩnh vực"),
}
_PREFIXED = ("name", "monitor", "note")  # "Tên chỉ tiêu (theo Kế hoạch ...)": a longer title still names them
_INDEX = {header_key(a): f for f, aliases in ALIASES.items() for a in aliases}
_PREFIXES = sorted((k for k, f in _INDEX.items() if f in _PREFIXED and len(k) >= 8), key=len, reverse=True)
_PARENTHESES = re.compile(r"\([^)]*\)")
YEAR_PATTERN = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
# Words around a year in a milestone header: "Đến hết năm 2025", "Chỉ tiêu năm 2025", "Kết quả 2025".
_VALUE_WORDS = ("ket qua", "dat duoc", "gia tri", "so lieu")
_TARGET_WORDS = ("muc tieu", "chi tieu", "ke hoach", "den nam", "den het")
_FILLER = {"den", "het", "nam", "giai", "doan", "moc", "thoi", "diem"}


def _words(key: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {key} "
    return any(f" {p} " in padded for p in phrases)


@lru_cache(maxsize=2048)
def _field_for(header: str) -> str | None:
    if re.fullmatch(r"20\d\d\.0", header.strip()):  # a year typed as a number
        header = header.strip()[:4]
    key = header_key(header)
    if not key:
        return None
    for candidate in (key, header_key(_PARENTHESES.sub(" ", header))):
        if candidate in _INDEX:
            return _INDEX[candidate]
    years = YEAR_PATTERN.findall(header)
    if years:
        year = years[-1]  # "Giai đoạn 2026-2030" → the end of the period
        rest = " ".join(w for w in key.split() if not YEAR_PATTERN.fullmatch(w))
        if _words(rest, _VALUE_WORDS):
            return f"value_{year}"
        if _words(rest, _TARGET_WORDS) or all(w in _FILLER for w in rest.split()):
            return f"target_{year}"
        if _words(rest, ("thuc hien", "uoc dat", "uoc thuc hien")):
            return f"value_{year}"
        return None
    for prefix in _PREFIXES:
        if key.startswith(prefix + " "):
            return _INDEX[prefix]
    return None


field_for = header_lookup(_field_for)
field_for.__doc__ = """The indicator field a header names: "stt", "name", "unit", "target_2025", "value",
"value_2025", "monitor", "note", "group"; None otherwise."""


INDICATORS = Schema(field_for=field_for, required=("name",), details=("unit", "value", "monitor"),
                    no_header="indicator.no_header")


def milestone_of(field_name: str) -> str | None:
    """"target_2025" → "2025"; None for other fields."""
    return field_name[7:] if field_name.startswith("target_") else None


# ------------------------------------------------------------------------------ catalog


@dataclass
class IndicatorCatalog(CatalogBase):
    """The indicator table read: indicators with their targets, milestones, findings, its input record."""

    indicators: list[Indicator]
    groups: list[Group]
    milestones: list[str]
    milestone_headers: dict[str, str]
    findings: list[Finding]
    input: InputFile
    _registry: Registry | None = field(default=None, repr=False)

    def make_registry(self) -> Registry:
        """The monitoring agencies the catalog names, in order."""
        names: dict[str, None] = {}
        for indicator in self.indicators:
            for name in split_agencies(indicator.monitor):
                names.setdefault(name, None)
        return as_registry(list(names))


def _fill_merged(table: SheetTable, keep: Iterable[str]) -> None:
    """Cells merged down several rows (a monitoring agency for 1.1–1.4) hold their text in the top
    cell only: give it to every row of the merge, with the top cell as its address."""
    by_row = {r.row: r for r in table.rows}
    by_col = {c: f for f, c in table.columns.items() if f not in keep}
    for (r0, c0), (r1, c1) in table.merged:
        if r1 <= r0 or c0 not in by_col or c0 != c1:
            continue
        name = by_col[c0]
        top = by_row.get(r0 + 1)
        if top is None or top.values.get(name) in (None, ""):
            continue
        for excel_row in range(r0 + 2, r1 + 2):
            row = by_row.get(excel_row)
            if row is not None and row.values.get(name) in (None, ""):
                row.values[name] = top.values[name]
                row.cells = {**row.cells, name: top.cells[name]}


def _legend(row: RawRow) -> bool:
    texts = [one_line(v) for v in row.values.values() if v not in (None, "")]
    return len(texts) == 1 and header_key(texts[0]).startswith("ghi chu")


def load_indicator_catalog(path: Path, display: str | None = None) -> IndicatorCatalog:
    """Read the indicator table (seed Phụ lục I); an unreadable one stops the run (exit code 3)."""
    display = display or path.name
    outcome = read_table(path, display, schema=INDICATORS)
    table = outcome.table
    if table is None:
        raise unreadable_catalog(path, outcome, "danh mục chỉ tiêu", "the indicator catalog")
    milestones = sorted({m for f in table.columns if (m := milestone_of(f))})
    if not milestones:
        raise UnreadableInputError(
            f"Danh mục chỉ tiêu {path} không có cột mục tiêu theo năm (ví dụ \"Đến hết năm 2025\", \"Đến năm 2030\").",
            f"The indicator catalog {path} has no target column per year (such as \"Đến hết năm 2025\").",
        )
    _fill_merged(table, keep=("stt", "name"))
    groups, rows = read_groups_and_rows(table)
    findings = list(outcome.findings)
    indicators: list[Indicator] = []
    seen: dict[str, str] = {}
    for row, group in rows:
        ctx = RowContext(table, row, findings)
        values = row.values
        name = clean(values.get("name"))
        code = parse_code(values.get("stt"))
        if not name:
            if code or any(values.get(f"target_{m}") not in (None, "") for m in milestones):
                ctx.add("warning", "indicator.no_name", "name", one_line(values.get("stt")))
            continue  # legend lines ("Ghi chú: (-): Chưa thực hiện"), blank rows
        if code is None:
            raw_stt = one_line(values.get("stt"))
            code = f"CT-{len(indicators) + 1:02d}"
            ctx.add("warning", "indicator.no_code", "stt", raw_stt, assigned=code)
        if code in seen:
            ctx.add("error", "indicator.duplicate_code", "stt", code, first=seen[code])
            continue
        seen[code] = row.cells.get("stt", f"A{row.row}")
        targets = {}
        for milestone in milestones:
            target = parse_target(values.get(f"target_{milestone}"))
            if target is not None:
                targets[milestone] = target
        indicators.append(Indicator(
            code=code, parent=parent_code(code), level=code.count(".") + 1, order=len(indicators) + 1, name=name,
            unit=one_line(values.get("unit")), targets=targets, monitor=one_line(values.get("monitor")),
            group=group, note=clean(values.get("note")),
            cells={f: f"{table.sheet}!{c}" for f, c in row.cells.items()},
        ))
    by_code = {i.code: i for i in indicators}
    orphans: dict[str, list[Indicator]] = {}
    for indicator in indicators:
        if indicator.parent in by_code:
            by_code[indicator.parent].children.append(indicator.code)
        elif indicator.parent:
            orphans.setdefault(indicator.parent, []).append(indicator)
    for parent, children in orphans.items():
        first = children[0]
        sheet, _, cell = first.cells.get("stt", f"{table.sheet}!A1").rpartition("!")
        findings.append(Finding(code="indicator.missing_parent", file=display, sheet=sheet,
                                cell=cell, column=table.headers.get("stt"), value=first.code,
                                params={"parent": parent, "codes": ", ".join(c.code for c in children)}))
    info = InputFile(path=str(path), name=display, sha256=sha256_of(path), size=path.stat().st_size, role="catalog",
                     sheet=table.sheet, header_row=table.header_row, rows=len(indicators))
    headers = {m: _milestone_header(table.headers.get(f"target_{m}", ""), m) for m in milestones}
    return IndicatorCatalog(indicators, groups, milestones, headers, findings, info)


def _milestone_header(header: str, milestone: str) -> str:
    """The column title naming a milestone ("Đến hết năm 2025"), out of a two-row header's readings."""
    for option in header.split(" / "):
        if field_for(option) == f"target_{milestone}":
            return option
    return f"Đến năm {milestone}"


# ------------------------------------------------------------------------------ submissions


@dataclass
class IndicatorSubmission:
    info: InputFile
    values: list[IndicatorValue]
    findings: list[Finding]


def _similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.token_sort_ratio(match_key(a), match_key(b)))


def _best_by_name(name: str, catalog: IndicatorCatalog) -> tuple[Indicator | None, float, float]:
    """Best catalog indicator for a name, its score and the runner-up's. Short, similar sibling
    names ("... cấp huyện ...", "... cấp xã ...") make the runner-up matter."""
    scored = sorted(((_similarity(name, i.name), i.order, i) for i in catalog.indicators),
                    key=lambda item: (-item[0], item[1]))
    if not scored:
        return None, 0.0, 0.0
    return scored[0][2], scored[0][0], scored[1][0] if len(scored) > 1 else 0.0


def _match(ctx: RowContext, code: str | None, name: str | None, catalog: IndicatorCatalog,
           by_code: dict[str, Indicator]) -> tuple[Indicator | None, str, float | None]:
    """The catalog indicator of a submission row: by its STT when the name agrees, else by name."""
    if code and code in by_code:
        indicator = by_code[code]
        if not name:
            return indicator, "code", None
        score = _similarity(name, indicator.name)
        if score >= ID_TITLE_MISMATCH:
            return indicator, "code", round(score, 1)
        best, best_score, second = _best_by_name(name, catalog)
        if best is not None and best_score >= STRONG_MATCH and best_score - second >= 3:
            ctx.add("warning", "indicator.code_name_mismatch", "name", None, written=code, matched=best.code,
                    score=best_score)
            return best, "name", round(best_score, 1)
        ctx.add("warning", "indicator.code_name_mismatch", "name", None, written=code, matched=code, score=score)
        return indicator, "code", round(score, 1)
    if not name:
        ctx.add("error", "indicator.unknown_code", "stt", code)
        return None, "none", None
    best, score, second = _best_by_name(name, catalog)
    if best is None or score < WEAK_MATCH:
        ctx.add("error", "indicator.no_match", "name", None, best=best.code if best else "-", score=score)
        return None, "none", round(score, 1)
    weak = score < STRONG_MATCH or second >= score - 2
    ctx.add("warning" if weak else "info", "indicator.weak_match" if weak else "indicator.name_match", "name", None,
            indicator=best.code, score=score)
    return best, "name", round(score, 1)


def _percent_cells(path: Path, sheet: str, refs: list[str]) -> set[str]:
    """Of the given cells of an .xlsx sheet, those formatted as a percentage (0,7852 shown as 78,52%)."""
    if not refs or path.suffix.lower() not in (".xlsx", ".xlsm"):
        return set()
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # the reader has read this file already; a style problem only loses the hint
        return set()
    try:
        ws = workbook[sheet]
        return {ref for ref in refs if "%" in str(ws[ref].number_format or "")}
    except Exception:
        return set()
    finally:
        workbook.close()


def load_indicator_submission(path: Path, catalog: IndicatorCatalog, milestone: str,
                              overrides: dict[str, str] | None = None, display: str | None = None) -> IndicatorSubmission:
    """Read one agency's indicator file: its agency and a value per filled row; never raises on bad input."""
    display = display or path.name
    info, table, sender, findings = open_submission(path, display, overrides or {}, catalog.registry,
                                                    schema=INDICATORS)
    if table is None or sender is None:
        return IndicatorSubmission(info, [], findings)
    agency = sender.name
    value_field = next((f for f in (f"value_{milestone}", "value") if f in table.columns), None)
    if value_field is None:
        findings.append(Finding(code="indicator.no_value_column", file=display, sheet=table.sheet,
                                params={"milestone": milestone}))
        return IndicatorSubmission(info, [], findings)
    by_code = {i.code: i for i in catalog.indicators}
    percent_refs = _percent_cells(path, table.sheet, [
        r.cells[value_field] for r in table.rows
        if isinstance(r.values.get(value_field), (int, float)) and not isinstance(r.values.get(value_field), bool)
        and abs(r.values[value_field]) <= 10])
    values: list[IndicatorValue] = []
    first_of: dict[str, str] = {}
    for row in table.rows:
        if row.group or _legend(row):
            continue
        ctx = RowContext(table, row, findings)
        raw = row.values.get(value_field)
        if raw in (None, ""):
            if ctx.formula_check(value_field):
                continue
            continue  # a listed indicator the agency did not fill in: not a report
        code = parse_code(row.values.get("stt"))
        name = clean(row.values.get("name"))
        value = parse_value(raw)
        if value is None:
            continue
        cell = row.cells[value_field]
        if cell in percent_refs and value.number is not None:
            value = value.model_copy(update={"number": (value.number * 100).normalize(), "unit": "%",
                                             "raw": format_number((value.number * 100).normalize()) + "%"})
            ctx.add("info", "indicator.percent_cell", value_field, format_number(Decimal(str(raw))), shown=value.raw)
        indicator, method, score = _match(ctx, code, name, catalog, by_code)
        if indicator is not None:
            if indicator.code in first_of:
                ctx.add("error", "indicator.duplicate_report", value_field, value.raw, indicator=indicator.code,
                        first=first_of[indicator.code])
                continue
            first_of[indicator.code] = cell
            copy = parse_target(row.values.get(f"target_{milestone}"))
            target = indicator.targets.get(milestone)
            if copy is not None and (target is None or measure_key(copy) != measure_key(target)):
                ctx.add("warning", "indicator.target_differs", f"target_{milestone}", copy.raw, indicator=indicator.code,
                        catalog=target.raw if target else "")
        values.append(IndicatorValue(
            agency=agency, file=display, sheet=table.sheet, row=row.row, cell=f"{table.sheet}!{cell}",
            raw=value.raw if cell in percent_refs else ((one_line(raw) or "") if isinstance(raw, str) else value.raw),
            value=value, code=code, name=name, unit=one_line(row.values.get("unit")), note=clean(row.values.get("note")),
            matched=indicator.code if indicator else None, match_method=method, match_score=score,  # type: ignore[arg-type]
        ))
    info.rows = len(values)
    return IndicatorSubmission(info, values, findings)

