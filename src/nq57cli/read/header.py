"""Finding a table's header: the one- or two-row header among the first rows of a sheet that names the most
fields of a Schema, and the columns it maps ("Kết quả": statuses or result text, decided on the values)."""

from __future__ import annotations

from typing import Any

from nq57cli.read.table import TASKS, Schema
from nq57cli.core.text import SHORT_TEXT, one_line_recurring

HEADER_SEARCH_ROWS = 30


def _candidates(rows: list[list[Any]], merged: list[tuple],
                schema: Schema = TASKS) -> list[tuple[int, int, int, dict[str, int], dict[str, str]]]:
    """(score, header_row, height, columns, headers) for each one- and two-row header in the first rows."""
    spans: dict[tuple[int, int], Any] = {}
    for (r0, c0), (r1, c1) in merged:
        if r0 < HEADER_SEARCH_ROWS and r0 < len(rows) and c0 < len(rows[r0]):
            for r in range(r0, min(r1, HEADER_SEARCH_ROWS) + 1):
                for c in range(c0, c1 + 1):
                    spans[(r, c)] = rows[r0][c0]
    candidates = []
    limit = min(len(rows), HEADER_SEARCH_ROWS)
    texts = [[header_text(v) for v in rows[r]] for r in range(min(len(rows), limit + 1))]
    named = [sum(1 for t in row if t and schema.field_for(t)) for row in texts]
    for r in range(limit):
        if named[r] >= 2:
            candidates.append(_score(r, 1, texts[r], schema))
        # A two-row header needs header words in its top row (e.g. "Kết quả" over "Tình trạng").
        if r + 1 < len(texts) and named[r] >= 1 and named[r] + named[r + 1] >= 2:
            top = [header_text(spans[(r, c)]) if (r, c) in spans else t for c, t in enumerate(texts[r])]
            bottom = texts[r + 1]
            if not merged:  # no merge data (e.g. .xls): carry a top cell right over empty ones
                last = ""
                for c in range(len(top)):
                    if top[c]:
                        last = top[c]
                    elif c < len(bottom) and bottom[c]:
                        top[c] = last
            width = max(len(top), len(bottom))
            combined = []
            for c in range(width):
                t = top[c] if c < len(top) else ""
                b = bottom[c] if c < len(bottom) else ""
                combined.append((t, b))
            candidates.append(_score(r, 2, combined, schema))
    return [c for c in candidates if c[0] > 0]


def header_text(value: Any) -> str:
    if value is None or value == "":
        return ""
    if not isinstance(value, str):
        return str(value)
    if len(value) > SHORT_TEXT:  # long texts are data, never a column title
        return "\u2026"
    return one_line_recurring(value) or ""  # headers, statuses, IDs, group rows: the same file after file


def _score(r: int, height: int, cells: list,
           schema: Schema = TASKS) -> tuple[int, int, int, dict[str, int], dict[str, str]]:
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    for c, cell in enumerate(cells):
        if height == 1:
            options = [cell]
        else:
            top, bottom = cell
            # "Kết quả" over "Tình trạng" | "Mô tả": the lower line names the field.
            options = [bottom, f"{top} {bottom}".strip(), top] if bottom != top else [top]
        for text in options:
            if not text:
                continue
            name = schema.field_for(text)
            if name and name not in columns:
                columns[name] = c
                headers[name] = " / ".join(x for x in dict.fromkeys(options) if x) if height == 2 else text
                break
    has_key = any(key in columns for key in schema.required)
    score = len(columns) if has_key and len(columns) >= 2 else 0
    # Prefer the two-row reading only when it names more fields than one row does.
    return (score * 2 - (height - 1), r, height, columns, headers)


def locate_header(rows: list[list[Any]], merged: list[tuple],
            schema: Schema = TASKS) -> tuple[int, int, dict[str, int], dict[str, str]] | None:
    candidates = _candidates(rows, merged, schema)
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (c[0], -c[1]))
    _, r, height, columns, headers = best
    return r, height, columns, headers


def resolve_ambiguous(columns: dict[str, int], headers: dict[str, str], body: list[list[Any]]) -> None:
    """Decide whether a column headed "Kết quả" holds statuses or result text."""
    if "?result" not in columns:
        return
    from nq57cli.domain.status import looks_like_status_column

    col = columns.pop("?result")
    header = headers.pop("?result")
    values = [row[col] for row in body if col < len(row) and row[col] not in ("", None)]
    target = "status" if looks_like_status_column(values) else "result"
    if target not in columns:
        columns[target] = col
        headers[target] = header

