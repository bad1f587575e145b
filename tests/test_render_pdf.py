"""Every form (state and Party style) and each letter through LibreOffice, read back from the PDF's
words with their positions (pdftotext -bbox): no date, document number, task ID, Roman numeral or
"STT" split across lines; "Nơi nhận" and the signature never start a page without the closing
sentence; Phụ lục 03 for 130 agencies x 60 tasks within its page target. Skipped without LibreOffice.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from conftest import SAMPLES, office_config
from nq57cli.domain.config import ReportConfig
from nq57cli.domain.forms import FORMS
from nq57cli.render.layout import UNBREAKABLE
from nq57cli.tasks.merge import merge
from nq57cli.render.overdue import write_letters, write_overdue_docx
from nq57cli.tasks.overduereport import classify
from nq57cli.render.pdf import convert_many, find_soffice
from nq57cli.render.document import render_document

pytestmark = pytest.mark.skipif(find_soffice() is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice or pdftotext is not installed")

ROOT = Path(__file__).resolve().parents[1]
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def pdf_pages(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """The words of each page with their boxes (pdftotext -bbox)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [[(float(a), float(b), float(c), float(d), html.unescape(t).replace("\u2011", "-"))
             for a, b, c, d, t in WORD.findall(page)] for page in out.split("<page ")[1:]]


def docx_paragraphs(path: Path) -> list[str]:
    document = Document(str(path))
    return ["".join(t.text or "" if t.tag == qn("w:t") else "-" for t in p.iter(qn("w:t"), qn("w:noBreakHyphen")))
            for p in document.element.body.iter(qn("w:p"))]


def split_tokens(docx: Path, pages: list) -> list[str]:
    """Tokens of the document that the PDF does not hold whole as often as the document does."""
    expected: dict[str, int] = {}
    for paragraph in docx_paragraphs(docx):
        for token in UNBREAKABLE.findall(paragraph):
            expected[token] = expected.get(token, 0) + 1
    words = [w[4] for page in pages for w in page]
    broken = [token for token, count in expected.items() if sum(token in w for w in words) < count]
    if any(w in ("ST", "ST|T") for w in words):
        broken.append("STT")
    return broken


def signature_alone(docx: Path, pages: list) -> bool:
    """True when the page that has "Nơi nhận:" lacks the last word of the closing sentence before it."""
    paragraphs = [p for p in docx_paragraphs(docx) if p.strip()]
    if "Nơi nhận:" not in paragraphs:
        return False
    closing = paragraphs[paragraphs.index("Nơi nhận:") - 1].split()[-1]
    for page in pages:
        words = [w[4] for w in page]
        if any(a == "Nơi" and b == "nhận:" for a, b in zip(words, words[1:])):
            return closing not in words
    return True


def sample_config(style: str) -> ReportConfig:
    data = {"style": style, "document.number": "5", "document.date": "2025-09-20",
            "report.appendices": "phu-luc-03, phu-luc-01"}  # the office: conftest.OFFICE
    if style == "party":
        data.update({"agency.parent": "ĐẢNG BỘ TỈNH QUẢNG NGÃI", "agency.name": "ĐẢNG ỦY UBND TỈNH",
                     "agency.code": "ĐUUBNDT", "signer.authority": "T/M", "signer.on_behalf": "Ban Thường vụ",
                     "signer.position": "Bí thư"})
    return office_config(data)


@pytest.fixture(scope="module")
def sample_pdfs(tmp_path_factory):
    from nq57cli.indicators.consolidate import merge_indicators

    folder = tmp_path_factory.mktemp("pdf")
    result = merge(sorted((SAMPLES / "submissions").glob("*.xlsx")), catalog=SAMPLES / "catalog.xlsx")
    indicators_dir = SAMPLES / "indicators"
    catalog = indicators_dir / "chi-tieu.xlsx"
    indicators = merge_indicators(sorted(p for p in indicators_dir.glob("*.xlsx") if p != catalog), catalog, "2025")
    docs: list[Path] = []
    for style in ("state", "party"):
        config = sample_config(style)
        for name in FORMS:
            docs.append(render_document(result, name, config, folder / f"{style}-{name}.docx",
                                        indicators=indicators))
    report = classify(result, date(2025, 12, 31))
    config = sample_config("state")
    docs.append(write_overdue_docx(report, folder / "state-qua-han.docx", config))
    docs += [p for p in write_letters(report, folder / "letters", config) if p.suffix == ".docx"]
    pdfs = convert_many(docs, folder / "out")
    return result, list(zip(docs, pdfs))


def test_no_token_split_and_no_lonely_signature(sample_pdfs):
    result, pairs = sample_pdfs
    # forms x styles, the overdue appendix, two letters (the issuer's own late task goes into its internal list)
    assert len(pairs) == 2 * len(FORMS) + 1 + 2
    for docx, pdf in pairs:
        pages = pdf_pages(pdf)
        assert pages, docx.name
        assert split_tokens(docx, pages) == [], docx.name
        assert not signature_alone(docx, pages), docx.name


def test_month_first_deadline_is_never_called_overdue(sample_pdfs):
    """NQ57-04: catalog "10-01-2025" for a task due "trước ngày 01/10/2025": the report prints it as
    written with a note and counts it apart; no letter calls it overdue."""
    result, pairs = sample_pdfs
    task = next(t for t in result.tasks if t.task_id == "NQ57-04")
    text = {d.name: " ".join(" ".join(w[4] for w in page) for page in pdf_pages(p)) for d, p in pairs}
    report = text["state-bao-cao.docx"]
    assert "1 nhiệm vụ có thời hạn cần xác minh" in report
    assert "Thời hạn cần xác minh: có thể là 10/01/2025 hoặc 01/10/2025" in report
    overdue_section = report.split("3. Các nhiệm vụ quá hạn")[1].split("II. KHÓ KHĂN")[0]
    assert task.title.split()[0] not in overdue_section.split("Các nhiệm vụ có thời hạn cần xác minh")[0]
    for name, body in text.items():
        if name.startswith("cong-van") or name == "state-qua-han.docx":
            assert "10-01-2025" not in body and "10/01/2025" not in body, name


def test_report_quotes_the_agencies_difficulties_and_proposals(sample_pdfs):
    result, pairs = sample_pdfs
    docx = next(d for d, _ in pairs if d.name == "state-bao-cao.docx")
    paragraphs = docx_paragraphs(docx)
    section_2 = paragraphs[paragraphs.index("II. KHÓ KHĂN, VƯỚNG MẮC"):paragraphs.index("III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI")]
    section_4 = paragraphs[paragraphs.index("IV. ĐỀ XUẤT, KIẾN NGHỊ"):]
    difficulties = {r.agency: r.difficulties for t in result.tasks for r in t.reports if r.difficulties}
    proposals = {r.agency: r.proposals for t in result.tasks for r in t.reports if r.proposals}
    assert difficulties and proposals
    for agency in difficulties:
        assert any(p.endswith(agency) for p in section_2), agency
    for agency, value in proposals.items():
        assert any(p.endswith(agency) for p in section_4), agency
        assert any(" ".join(value.split())[:40] in " ".join(p.split()) for p in section_4), agency


def table_tops(pages: list) -> list[tuple[int, list[str], list[str]]]:
    """For each page with a task table: (page index, the words in the STT column on the first line
    below the header row, every word of that line)."""
    out = []
    for index, page in enumerate(pages):
        stt = next((w for w in page if w[4] == "STT"), None)
        last = min((w for w in page if w[4] == "trạng"), key=lambda w: w[1], default=None)  # "Tình trạng"
        if stt is None or last is None:
            continue
        below = [w for w in page if w[1] > last[1] + 5]  # (boxes of adjacent lines overlap)
        if not below:
            continue
        top = min(w[1] for w in below)
        line = sorted((w for w in below if abs(w[1] - top) < 3), key=lambda w: w[0])
        out.append((index, [w[4] for w in line if w[0] >= stt[0] - 4 and w[2] <= stt[2] + 4], [w[4] for w in line]))
    return out


def row_tops(page: list) -> list[tuple[float, str]]:
    """(top, first word) of each table row on a page: its number in the STT column, or "Nhóm"."""
    stt = next((w for w in page if w[4] == "STT"), None)
    last = min((w for w in page if w[4] == "trạng"), key=lambda w: w[1], default=None)  # "Tình trạng"
    if stt is None or last is None:
        return []
    return [(w[1], w[4]) for w in sorted(page, key=lambda w: (w[1], w[0])) if w[1] > last[1] + 5 and (
        (w[4].isdigit() and w[0] >= stt[0] - 4 and w[2] <= stt[2] + 4) or (w[4] == "Nhóm" and w[0] < stt[0] + 4))]


def check_rows_on_pages(pages: list, label: str) -> None:
    """Every page starts with a group row or a task's number (STT) and none ends with a group row;
    "(tiếp theo)" only atop a page, below a full page; a page left part blank is followed by a row
    (with its group row) that would not have fit in the blank."""
    tops = table_tops(pages)
    assert len(tops) == len(pages), label
    assert [i for i, page in enumerate(pages[:-1]) if row_tops(page)[-1][1] == "Nhóm"] == [], label
    assert all(line[0] == "Nhóm" or (numbers and numbers[0].isdigit()) for _, numbers, line in tops), label
    marks = sum((w[4], after[4]) == ("(tiếp", "theo)") for page in pages for w, after in zip(page, page[1:]))
    continued = [index for index, _, line in tops if line[1:3] == ["(tiếp", "theo)"]]
    assert continued and marks == len(continued), label  # (no mark anywhere but atop a page)
    bottom = max(max(w[3] for w in page) for page in pages)
    line = 14  # points: a line of the table's 12-point text
    for index, page in enumerate(pages[:-1]):
        blank = bottom - max(w[3] for w in page)
        if index + 1 in continued:
            assert blank < 4 * line, (label, index)  # a cut row fills the page before its piece
            continue
        rows = row_tops(pages[index + 1])
        moved = 2 if rows[0][1] == "Nhóm" else 1  # a group row keeps with its next row
        end = rows[moved][0] if len(rows) > moved else max(w[3] for w in pages[index + 1])
        assert end - rows[0][0] > blank - line, (label, index, blank)


def test_rows_that_fit_on_a_page_are_whole_and_every_page_says_which_task_it_continues(sample_pdfs):
    """Phụ lục 03 of the samples through LibreOffice, both styles (pages looked at: 1-8, 13, 22-25)."""
    _, pairs = sample_pdfs
    for style in ("state", "party"):
        pdf = next(p for d, p in pairs if d.name == f"{style}-phu-luc-03.docx")
        pages = pdf_pages(pdf)
        assert len(pages) >= 10
        check_rows_on_pages(pages, style)


@pytest.mark.slow
def test_phu_luc_03_at_province_scale_fits(tmp_path):
    """130 agencies x 60 tasks: at most 3 landscape pages a task on average and 6 for any task,
    every agency quoted or counted, Phụ lục I and II within 3 pages a task too (about a minute); the
    reminder letters (19) each on one page, none followed by a blank one (one was: its signature
    block ended at the foot of page 1 and the empty paragraph after it made page 2)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    data = generate(tmp_path / "g", 130, 60)
    result = merge(sorted((data / "submissions").glob("*.xlsx")), catalog=data / "catalog.xlsx")
    docx = render_document(result, "phu-luc-03", sample_config("state"), tmp_path / "pl03.docx")
    letters = [p for p in write_letters(classify(result, date(2025, 12, 31)), tmp_path / "letters",
                                        sample_config("state")) if p.suffix == ".docx"]
    first, second = (render_document(result, name, sample_config("state"), tmp_path / f"{name}.docx")
                     for name in ("phu-luc-01", "phu-luc-02"))
    [pdf, pdf_i, pdf_ii, *letter_pdfs] = convert_many([docx, first, second, *letters], tmp_path / "out")
    assert len(pdf_pages(pdf_i)) <= 3 * 60 and len(pdf_pages(pdf_ii)) <= 3 * 60  # Phụ lục I and II too
    assert len(letter_pdfs) == 19
    assert [len(pdf_pages(p)) for p in letter_pdfs] == [1] * 19
    pages = pdf_pages(pdf)
    check_rows_on_pages(pages, "130 x 60")
    first_page: dict[int, int] = {}  # the page each task's row starts on: its number in the STT column
    for index, page in enumerate(pages):  # (a task cut into rows repeats its number: the first counts)
        header = next((w for w in page if w[4] == "STT"), None)
        if header is None:
            continue
        for word in page:
            if word[1] > header[3] and word[0] >= header[0] - 4 and word[2] <= header[2] + 4 and word[4].isdigit():
                first_page.setdefault(int(word[4]), index)
    starts = sorted(first_page.values())
    assert len(starts) == 60
    spans = [b - a + 1 for a, b in zip(starts, starts[1:] + [len(pages) - 1])]
    assert len(pages) <= 3 * 60 and max(spans) <= 6, (len(pages), max(spans))
    # every agency quoted or counted: each task's status counts add up to its 130 agencies
    table = Document(str(docx)).tables[0]
    results: dict[str, list[str]] = {}  # a task's result cell, over the rows it was cut into
    for row in table.rows[1:]:
        if row.cells[0].text.isdigit():
            results.setdefault(row.cells[0].text, []).extend(p.text for p in row.cells[-2].paragraphs)
    joined = [" ".join(texts) for texts in results.values()]
    summaries = [text[text.index(m.group()):].split(".")[0] for text in joined
                 for m in [re.search(r"\d+/130 đơn vị", text)] if m]
    assert len(results) == len(summaries) == 60
    for summary in summaries:
        counts = [int(re.match(r"\d+", part).group()) for part in summary.rstrip(".").split("; ")]
        assert sum(counts) == 130, summary[:200]
