"""Issue 17: the result cell consolidated (6 agencies quoted, 130 summed up), the BC's sections II
and IV from the agencies' texts, layout from contents, Decree 30 details, nq57's own base document."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pydantic import ValidationError
from typer.testing import CliRunner

from nq57cli.domain.config import ResultsConfig
from nq57cli.domain.configfile import load_config
from nq57cli.domain.overrides import apply_overrides
from nq57cli.errors import UsageError
from nq57cli.core.text import natural_sorted
from nq57cli.render.consolidate import agency_texts, consolidate, status_summary
from nq57cli.domain.forms import FORMS, builtin_templates_dir
from nq57cli.render.layout import column_widths, text_width
from nq57cli.domain.models import Deadline, Group, MergeResult, Report, Task
from nq57cli.render.context import build_context
from nq57cli.render.document import document_findings, render_document
from conftest import office_config

LEAD, PARTNER = "Sở Khoa học và Công nghệ", "Sở Nội vụ"
COMMON = "Đã quán triệt, triển khai thực hiện nghiêm túc nội dung nhiệm vụ tại địa phương."


def report(agency: str, status: str, result: str | None, **fields) -> Report:
    return Report(agency=agency, file=f"{agency}.xlsx", sheet="Báo cáo", row=5, status=status, result=result,
                  **fields)


def province_task(communes: int = 127) -> Task:
    """A lead, a partner, one other department and `communes` communes writing the same text
    (some with a trailing space or a typo), a few of them not done."""
    reports = [report(LEAD, "in_progress", "Sở đã ban hành kế hoạch số 12/KH-SKHCN."),
               report(PARTNER, "completed", "Đã phối hợp."),
               report("Sở Tài chính", "completed", "Đã bố trí kinh phí cho nhiệm vụ.")]
    for n in range(1, communes + 1):
        status = "not_started" if n % 40 == 0 else "in_progress" if n % 3 == 0 else "completed"
        text = COMMON if n % 7 else COMMON.replace("nghiêm túc", "nghiêm tuc") + " "
        reports.append(report(f"UBND xã Số {n}", status, text))
    return Task(task_id="NV-01", order=1, group="g1", stt="1", title="Triển khai", lead=LEAD, partners=[PARTNER],
                status="in_progress", reports=reports, deadline=Deadline(kind="date", due=date(2025, 12, 31),
                                                                          raw="31/12/2025"))


def one_task(task: Task) -> MergeResult:
    return MergeResult(tasks=[task], groups=[Group(key="g1", order=1, label="Nhóm 1", title="Nhóm 1")],
                       findings=[], inputs=[])


def test_six_agencies_are_quoted_each_in_its_paragraph():
    task = province_task(communes=3)
    parts = consolidate(task, ResultsConfig())
    assert [p["agency"] for p in parts] == [f"{r.agency}: " for r in task.reports]
    assert [p["text"] for p in parts] == [r.result for r in task.reports]


def test_province_task_quotes_lead_and_partner_and_counts_everyone():
    task = province_task()
    parts = consolidate(task, ResultsConfig())
    assert [p["agency"] for p in parts[:2]] == [f"{LEAD}: ", f"{PARTNER}: "]
    summary = parts[2]["text"]
    counts = [int(part.split()[0].split("/")[0]) for part in summary.rstrip(".").split("; ")]
    assert summary.startswith("85/130 đơn vị đã hoàn thành; 42 đang thực hiện: Sở Khoa học và Công nghệ, UBND xã Số 3,") and sum(counts) == 130
    assert "3 chưa thực hiện: UBND xã Số 40, UBND xã Số 80, UBND xã Số 120" in summary  # named, Số 40 < Số 120
    common = [p for p in parts if p["kind"] == "common"]
    assert len(common) == 1 and common[0]["agency"] == "127 đơn vị cùng báo cáo"  # near-identical texts once
    assert COMMON[:40] in common[0]["text"] and "UBND xã Số 2, UBND xã Số 3" in common[0]["text"]
    assert sum(len(p["text"]) for p in parts) < 6000  # was 130 texts verbatim
    assert any("Sở Tài chính" in p["agency"] for p in parts)  # quoted within the budget


def test_summary_mode_and_full_mode_from_the_config(tmp_path):
    toml = tmp_path / "nq57.toml"
    toml.write_text('[results]\nmode = "summary"\nnames_max = 2\n', encoding="utf-8")
    config = load_config(toml)
    parts = consolidate(province_task(), config.results)
    assert parts[0]["kind"] == "summary" and not any(p["kind"] == "quote" for p in parts)
    assert "42 đang thực hiện: Sở Khoa học và Công nghệ, UBND xã Số 3 và 40 đơn vị khác;" in parts[0]["text"]
    full = consolidate(province_task(), config.results, mode="full")
    assert len(full) == 130
    with pytest.raises(ValidationError):
        ResultsConfig(mode="some")


def test_detailed_appendix_prints_every_text(tmp_path):
    result = one_task(province_task())
    short = Document(str(render_document(result, "phu-luc-03", office_config(), tmp_path / "a.docx")))
    detailed = Document(str(render_document(result, "phu-luc-chi-tiet", office_config(), tmp_path / "b.docx")))
    pieces = detailed.tables[0].rows[2:]  # the task's row, cut where pages end (pagination.split_row)
    paragraphs = [p for row in pieces for p in row.cells[4].paragraphs if p.text]
    assert len(paragraphs) == 130 and len(pieces) > 3
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in pieces)  # each a page at most
    assert [row.cells[0].text for row in pieces] == ["1"] * len(pieces)  # each piece names its task
    marks = [next(p for p in row.cells[1].paragraphs if p.text == "(tiếp theo)") for row in pieces[1:]]
    assert all(p.runs[0].italic for p in marks)
    assert len(short.tables[0].rows[2].cells[4].paragraphs) < 10
    bold = [r.text for r in paragraphs[0].runs if r.bold]
    assert bold == [f"{LEAD}: "]


def test_agency_texts_grouped_by_agency_in_natural_order():
    tasks = [province_task()]
    tasks[0].reports[0].difficulties = "Thiếu kinh phí."
    for r in tasks[0].reports[3:6]:
        r.difficulties = "Thiếu nhân lực chuyên trách."
    tasks[0].reports[12].difficulties = "Thiếu nhân lực chuyên trách"
    out = agency_texts(tasks, "difficulties", 90, 40)
    assert [e["agency"] for e in out] == [LEAD, "UBND xã Số 1"]
    shared = out[1]["items"][0]
    assert shared["text"] == "Thiếu nhân lực chuyên trách" and shared["also"] == "UBND xã Số 2, UBND xã Số 3, UBND xã Số 10"


def test_natural_sort_and_status_summary():
    assert natural_sorted(["Số 10", "Số 2", "Số 1", "Số 100", "Số 11"]) == ["Số 1", "Số 2", "Số 10", "Số 11", "Số 100"]
    reports = [report("B", "completed", None), report("A", "not_started", None)]
    assert status_summary(reports, ["C"], 10) == "1/3 đơn vị đã hoàn thành; 1 chưa thực hiện: A; 1 chưa báo cáo: C."


def test_column_widths_keep_tokens_whole():
    date_width = text_width("31/12/2025", 11)
    widths = column_widths([text_width("STT", 11, True), 400, date_width], [300, 90000, 5000],
                           [text_width("STT", 11, True), 90000, 5000], 14287)
    assert sum(widths) == 14287
    assert widths[2] >= date_width + 216 and widths[0] >= text_width("STT", 11, True) + 216
    assert widths[0] < 900 and widths[1] == max(widths)
    assert column_widths([9000, 9000], [1, 1], [1, 1], 14287) is None  # cannot fit: template widths kept


def test_decree_30_details(tmp_path):
    config = office_config({"document.number": "5", "document.date": "20/09/2025",
                                              "report.appendices": "phu-luc-03, phu-luc-01"})
    result = one_task(province_task(3))
    context = build_context(result, config, "bao-cao")
    assert context["doc"]["symbol"] == "05/BC-SKHCN"
    assert [a["title"] for a in context["appendices"]] == ["PHỤ LỤC I", "PHỤ LỤC II"]
    assert "ngày 20/09/2025" in context["appendices"][0]["attached"]
    with pytest.raises(UsageError, match="T/M, K/T hoặc T/L"):
        apply_overrides(config, {"style": "party", "signer.authority": "TUQ", "signer.on_behalf": "Ban"})
    party = apply_overrides(config, {"style": "party", "signer.authority": "K/T", "signer.on_behalf": "Ban"})
    assert build_context(result, party, "bao-cao")["signer"]["authority_line"].startswith("K/T ")
    [finding] = document_findings(config, date(2025, 9, 30))
    assert finding.code == "render.date_before_as_of" and "20/09/2025" in finding.message("vi")
    assert document_findings(config, date(2025, 9, 20)) == []


def test_render_warns_when_the_document_predates_its_figures(tmp_path):
    from nq57cli.cli.app import app
    from nq57cli.write.mergedbook import write_merged

    result = one_task(province_task(3))
    merged = write_merged(result, tmp_path / "merged.xlsx")
    out = CliRunner().invoke(app, ["render", "-f", "phu-luc-03", "-i", str(merged), "-o", str(tmp_path / "a.docx"),
                                   "--set", "document.date=20/09/2025", "--as-of", "30/09/2025"])
    assert out.exit_code == 0, out.output
    assert "trước ngày tính số liệu (30/09/2025)" in out.stderr


@pytest.mark.parametrize("template", sorted({f.template for f in FORMS.values()} | {"qua-han.docx",
                                                                                     "cong-van-don-doc.docx"}))
def test_templates_are_nq57_documents(template):
    with zipfile.ZipFile(builtin_templates_dir() / template) as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode()
        settings = package.read("word/settings.xml").decode()
        theme = package.read("word/theme/theme1.xml").decode()
        fonts = package.read("word/fontTable.xml").decode()
    assert "<Application>nq57</Application>" in app and "Normal.dotm" not in app
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in settings
    assert "Calibri" not in theme + fonts and "Cambria" not in theme + fonts
    assert not any(n.startswith(("customXml/", "docProps/thumbnail")) or "stylesWithEffects" in n for n in names)


def test_rendered_rows_keep_together_and_signature_stays_with_closing(tmp_path):
    result = one_task(province_task(3))
    doc = Document(str(render_document(result, "bao-cao", office_config(), tmp_path / "bc.docx")))
    closing = next(p for p in doc.paragraphs if p.text.endswith("kính báo cáo./."))
    assert closing.paragraph_format.keep_with_next
    signature = next(t for t in doc.tables if "Nơi nhận:" in t.rows[0].cells[0].text)
    assert signature.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_samples_report_quotes_difficulties(tmp_path):
    from conftest import SAMPLES
    from nq57cli.tasks.merge import merge

    result = merge(sorted((SAMPLES / "submissions").glob("*.xlsx")), catalog=SAMPLES / "catalog.xlsx")
    doc = Document(str(render_document(result, "bao-cao", office_config(), Path(tmp_path) / "bc.docx")))
    texts = [p.text for p in doc.paragraphs]
    section_2 = texts[texts.index("II. KHÓ KHĂN, VƯỚNG MẮC"):texts.index("III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI")]
    assert "1. Sở Khoa học và Công nghệ" in section_2
    assert any(t.startswith("- Chưa có hướng dẫn về Danh mục công nghệ chiến lược") for t in section_2)


def test_short_rules_are_a_third_to_a_half_of_their_text(tmp_path):
    doc = Document(str(render_document(one_task(province_task(3)), "bao-cao",
                                       office_config({"agency.name": "SỞ NỘI VỤ"}), tmp_path / "a.docx")))
    cell = doc.tables[0].rows[0].cells[0]
    name = next(p for p in cell.paragraphs if p.text == "SỞ NỘI VỤ")
    rule = next(p for p in cell.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None)
    ind = rule._p.pPr.find(qn("w:ind"))
    length = int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) - 216 - 2 * int(ind.get(qn("w:left")))
    width = text_width(name.text, 13, True)
    assert width / 3 <= length <= width / 2 + 1


def busy_task() -> Task:
    """A lead and 60 communes still working on a task, all writing the same sentence."""
    reports = [report(LEAD, "in_progress", "Sở đã ban hành kế hoạch số 12/KH-SKHCN.")]
    reports += [report(f"UBND xã Số {n}", "in_progress", COMMON) for n in range(1, 61)]
    return Task(task_id="NQ57-01", order=1, group="g1", title="Nhiệm vụ chung của các xã", lead=LEAD,
                deadline=Deadline(kind="date", due=date(2025, 12, 31), raw="31/12/2025"), reports=reports,
                status="in_progress")


def result_text(document: Document) -> str:
    return " ".join(p.text for row in document.tables[0].rows[2:] for cell in row.cells for p in cell.paragraphs)


def test_phu_luc_ii_scales_its_summary_to_its_narrower_column(tmp_path):
    """Phụ lục II's text column is two thirds of Phụ lục 03's: it names fewer agencies and quotes less,
    and still counts every one."""
    assert FORMS["phu-luc-02"].results_share == 0.6 and FORMS["phu-luc-03"].results_share == 1
    scaled = ResultsConfig().scaled(0.6)
    assert (scaled.names_max, scaled.quote_chars, scaled.lead_chars, scaled.excerpt_chars) == (24, 720, 900, 180)
    assert ResultsConfig(names_max=1, excerpt_chars=50).scaled(0.1).names_max == 1  # never under the minimums
    result = one_task(busy_task())
    wide = result_text(Document(str(render_document(result, "phu-luc-03", office_config(), tmp_path / "a.docx"))))
    narrow = result_text(Document(str(render_document(result, "phu-luc-02", office_config(), tmp_path / "b.docx"))))
    assert "61/61 đơn vị đang thực hiện" in wide and "61/61 đơn vị đang thực hiện" in narrow
    # the status summary names 40 of 61, then 24; the sentence the communes share names 40 of 60, then 24
    assert "và 21 đơn vị khác" in wide and "và 20 đơn vị khác" in wide
    assert "và 37 đơn vị khác" in narrow and "và 36 đơn vị khác" in narrow


def test_an_appendix_of_a_report_sums_up_results_as_its_own_form_does(tmp_path):
    """bao-cao with phu-luc-chi-tiet appended quotes every agency in full, as the form alone does; with
    phu-luc-03 it prints the summary."""
    result = one_task(province_task())
    full = Document(str(render_document(result, "bao-cao", office_config({"report.appendices": "phu-luc-chi-tiet"}),
                                        tmp_path / "a.docx")))
    short = Document(str(render_document(result, "bao-cao", office_config({"report.appendices": "phu-luc-03"}),
                                         tmp_path / "b.docx")))

    def quoted(document: Document) -> int:
        table = next(t for t in document.tables if t.rows[0].cells[0].text == "STT" and len(t.columns) >= 5)
        return sum(1 for row in table.rows[2:] for p in row.cells[4].paragraphs if p.text)

    assert quoted(full) == 130 and quoted(short) < 10
