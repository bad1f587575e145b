"""Matching agencies' rows to the catalog's tasks: by ID, else by text (rapidfuzz), with the findings."""

from __future__ import annotations

import re
from functools import lru_cache

from nq57cli.core.text import match_key
from nq57cli.domain.models import Finding, Report, Task
from nq57cli.tasks.catalog import Catalog

STRONG_MATCH = 85.0  # text matches at or above this are taken without comment
WEAK_MATCH = 70.0  # between WEAK and STRONG: taken, with a warning; below: no match
ID_TITLE_MISMATCH = 50.0


class TextMatcher:
    """Fuzzy matching of task texts against the catalog, vectorised with rapidfuzz.

    Score = the better of (a) word-order-insensitive similarity of the whole texts and (b) how well
    the row's text sits inside the catalog text (an agency that copied only the first sentence),
    scaled down when the row covers less than half of the catalog text. Texts are compared with
    their abbreviations written out (text_key: UBND, TTHC, CĐS… both ways), and a distinguishing
    token of the row (a number, a Roman numeral, a year: "Phiên thứ III", "Đề án 06") that a task
    lacks costs that task DISTINCT_PENALTY points, so near twins are told apart by what differs.
    """

    TOP_K = 5
    DISTINCT_PENALTY = 10.0
    TIE = 1.0  # the two best tasks this close (after the penalty): ambiguous, not guessed

    def __init__(self, tasks: list[Task]) -> None:
        self.tasks = tasks
        self.keys = [text_key(t.title) for t in tasks]
        self.distinct = [_distinct(k) for k in self.keys]
        self.sorted_keys = [_sorted_words(k) for k in self.keys]
        self.exact: dict[str, int] = {}  # key → the one task with exactly that text
        repeated = set()
        for index, key in enumerate(self.keys):
            if key in self.exact:
                repeated.add(key)
            self.exact.setdefault(key, index)
        for key in repeated:
            del self.exact[key]
        self._twins: list[float] | None = None

    def twin_scores(self) -> list[float]:
        """Per task, the best score of another task when that is ≥ 98 (else 0): what decides whether
        an exact copy of a task's text is still ambiguous."""
        if self._twins is None:
            from rapidfuzz import fuzz, process

            self._twins = [
                max((float(score) for _, score, j in process.extract(key, self.sorted_keys, scorer=fuzz.ratio,
                                                                     limit=3, score_cutoff=98) if j != i),
                    default=0.0)
                for i, key in enumerate(self.sorted_keys)
            ]
        return self._twins

    def best(self, titles: list[str]) -> list[tuple[int, float, float, int]]:
        """For each title: (index of best task, its score, the runner-up's score, the runner-up's index).

        rapidfuzz's process.extract scores a title against every task in one native call (no numpy,
        whose import alone would cost more than matching a province's files)."""
        if not titles or not self.keys:
            return [(-1, 0.0, 0.0, -1) for _ in titles]
        from rapidfuzz import fuzz, process

        out = []
        for query in map(text_key, titles):
            index = self.exact.get(query)
            if index is not None:  # an exact copy of one task's text needs no search
                out.append((index, 100.0, self.twin_scores()[index], -1))
                continue
            top = process.extract(_sorted_words(query), self.sorted_keys, scorer=fuzz.ratio, limit=self.TOP_K)
            scores = {j: float(score) for _, score, j in top}
            if scores and max(scores.values()) < STRONG_MATCH:  # maybe a truncated copy: look inside
                for j in scores:
                    scores[j] = max(scores[j], self._inside(query, self.keys[j]))
            wanted = _distinct(query)
            if wanted:  # "Phiên thứ III" is not the task of "Phiên thứ II"
                for j in scores:
                    missing = len(wanted - self.distinct[j])
                    if missing:
                        scores[j] = max(0.0, scores[j] - self.DISTINCT_PENALTY * min(missing, 3))
            ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
            second, other = (ranked[1][1], ranked[1][0]) if len(ranked) > 1 else (0.0, -1)
            out.append((ranked[0][0], ranked[0][1], second, other) if ranked else (-1, 0.0, 0.0, -1))
        return out

    @staticmethod
    def _inside(query: str, key: str) -> float:
        from rapidfuzz import fuzz

        if not query or not key:
            return 0.0
        if len(query) > len(key):
            return 0.0
        coverage = min(1.0, len(query) / (0.5 * len(key)))
        # A copied passage starts near the beginning; bounding the window keeps this fast.
        return float(fuzz.partial_ratio(query, key[: int(len(query) * 1.5) + 40])) * coverage

    def score(self, title: str, index: int) -> float:
        """Similarity of a row's text with catalog task `index` (same scale as best())."""
        from rapidfuzz import fuzz

        query = text_key(title)
        if query == self.keys[index]:
            return 100.0
        whole = float(fuzz.ratio(_sorted_words(query), self.sorted_keys[index]))
        return whole if whole >= STRONG_MATCH else max(whole, self._inside(query, self.keys[index]))


def _sorted_words(key: str) -> str:
    return " ".join(sorted(key.split()))


# Abbreviations agencies write in task texts, and what they stand for: compared written out, both ways.
TEXT_ABBREVIATIONS = {
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "TTHC": "thủ tục hành chính",
    "DVCTT": "dịch vụ công trực tuyến", "DVC": "dịch vụ công", "CĐS": "chuyển đổi số",
    "KHCN": "khoa học và công nghệ", "KH&CN": "khoa học và công nghệ", "KH-CN": "khoa học và công nghệ",
    "ĐMST": "đổi mới sáng tạo", "CSDL": "cơ sở dữ liệu", "CNTT": "công nghệ thông tin",
    "BCĐ": "Ban Chỉ đạo", "CCHC": "cải cách hành chính", "ATTT": "an toàn thông tin",
    "TTĐT": "thông tin điện tử", "KT-XH": "kinh tế - xã hội", "KTXH": "kinh tế - xã hội",
    "VBQPPL": "văn bản quy phạm pháp luật", "QPPL": "quy phạm pháp luật", "NSNN": "ngân sách nhà nước",
    "CQNN": "cơ quan nhà nước", "DN": "doanh nghiệp", "DNNVV": "doanh nghiệp nhỏ và vừa",
    "HTTT": "hệ thống thông tin", "TW": "Trung ương", "BCH": "Ban Chấp hành", "NCKH": "nghiên cứu khoa học",
    "ĐVHC": "đơn vị hành chính", "CBCCVC": "cán bộ, công chức, viên chức", "TTDL": "trung tâm dữ liệu",
}


def _abbreviation_table() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {match_key(short): match_key(full) for short, full in TEXT_ABBREVIATIONS.items()}
    alternatives = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<!\S)(?:{alternatives})(?!\S)"), table


_ABBREVIATION_RE, _ABBREVIATION_FULL = _abbreviation_table()
_NOTHING: frozenset[str] = frozenset()
_ROMAN_TOKEN = re.compile(r"^(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")


def text_key(title: object) -> str:
    """A task text as compared: match_key with the usual abbreviations written out (UBND, TTHC…)."""
    return _text_key(title) if isinstance(title, str) else _expand(match_key(title))


@lru_cache(maxsize=16384)  # a catalog's texts are keyed once per run, not once per file
def _text_key(title: str) -> str:
    return _expand(match_key(title))


def _expand(key: str) -> str:
    return _ABBREVIATION_RE.sub(lambda m: _ABBREVIATION_FULL[m.group(0)], key) if key else key


@lru_cache(maxsize=16384)
def _distinct(key: str) -> frozenset[str]:
    """What tells a task from its near twins: numbers, years, document numbers and Roman numerals."""
    found = [w for w in key.split() if not w.isalpha() or (w[0] in "ivxlc" and _ROMAN_TOKEN.match(w))]
    return frozenset(found) if found else _NOTHING


def match_reports(reports: list[Report], catalog: Catalog, matcher: TextMatcher, findings: list[Finding]) -> None:
    by_id = {t.task_id: t for t in catalog.tasks}
    index_of = {t.task_id: i for i, t in enumerate(catalog.tasks)}
    need_text = [r for r in reports if not r.task_id and r.title]
    for report in reports:
        if report.task_id:
            task = by_id.get(report.task_id)
            if task is None:
                findings.append(_at(report, "error", "task.unknown_id", "task_id", report.task_id))
                continue
            _set_match(report, task.task_id, "id", 100.0)
            if report.title and task.title and report.title != task.title:
                score = matcher.score(report.title, index_of[task.task_id])
                if score < ID_TITLE_MISMATCH:
                    findings.append(_at(report, "warning", "task.id_title_mismatch", "title", None,
                                        task_id=task.task_id, score=score))
    sure: list[tuple[Report, float]] = []
    for report, (index, score, runner_up, other) in zip(need_text, matcher.best([r.title or "" for r in need_text])):
        task = catalog.tasks[index] if index >= 0 else None
        if task is None or score < WEAK_MATCH:
            findings.append(_at(report, "error", "task.no_match", "title", None,
                                best_id=task.task_id if task else "-", score=score))
            continue
        if other >= 0 and runner_up >= score - matcher.TIE:  # two tasks fit equally: say so, do not guess
            twin = catalog.tasks[other]
            first, second = sorted((task, twin), key=lambda t: t.order)
            findings.append(_at(report, "warning", "task.ambiguous_match", "title", None, task_id=first.task_id,
                                other_id=second.task_id, score=score))
            continue
        _set_match(report, task.task_id, "text", round(score, 1))
        if score < STRONG_MATCH or runner_up >= score - 2:
            findings.append(_at(report, "warning", "task.weak_match", "title", None, task_id=task.task_id, score=score))
        else:
            sure.append((report, score))
    if sure:  # one line per file: each row's task and score are in the reports sheet ("Khớp theo", "Điểm khớp")
        first_report, scores = sure[0][0], [score for _, score in sure]
        findings.append(Finding(code="task.text_matches", file=first_report.file, sheet=first_report.sheet,
                                params={"count": len(sure), "low": min(scores), "high": max(scores),
                                        "rows": row_ranges([report.row for report, _ in sure])}))


def row_ranges(rows: list[int]) -> str:
    """[12, 13, 14, 20] → "12–14, 20"."""
    spans: list[list[int]] = []
    for row in sorted(rows):
        if spans and row == spans[-1][1] + 1:
            spans[-1][1] = row
        else:
            spans.append([row, row])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


_MATCH_FIELDS = ("matched_id", "match_method", "match_score")


def _set_match(report: Report, task_id: str, method: str, score: float) -> None:
    """What pydantic's attribute assignment does for these three (typed) fields, without its cost
    (a few µs per assignment, on every row of every file)."""
    state = report.__dict__
    state["matched_id"], state["match_method"], state["match_score"] = task_id, method, score
    report.__pydantic_fields_set__.update(_MATCH_FIELDS)


def _at(report: Report, severity: str, code: str, field: str, value: object, **params: object) -> Finding:
    ref = report.cells.get(field) or report.cells.get("title") or f"{report.sheet}!A{report.row}"
    sheet, _, cell = ref.rpartition("!")
    column = report.headers.get(field) if report.cells.get(field) else report.headers.get("title")
    return Finding(severity=severity, code=code, file=report.file, sheet=sheet or report.sheet,  # type: ignore[arg-type]
                   cell=cell, column=column, value=None if value is None else str(value), params=dict(params))



def flag_duplicates(reports: list[Report], findings: list[Finding]) -> None:
    first: dict[str, Report] = {}
    for report in reports:
        if report.matched_id is None:
            continue
        if report.matched_id in first:
            earlier = first[report.matched_id]
            if report.task_id is None or report.task_id != earlier.task_id:  # same ID: flagged on reading
                findings.append(_at(report, "error", "task.duplicate_match", "title", None,
                                    task_id=report.matched_id,
                                    first=earlier.cells.get("title", "").rpartition("!")[2]))
        else:
            first[report.matched_id] = report

