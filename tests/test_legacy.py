"""Legacy Vietnamese encodings (TCVN3/ABC, VNI): tables, round trips, detection by font and by text,
no false alarm on Unicode, and a TCVN3-typed submission merged against a Unicode catalog."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.styles import Font

from conftest import SAMPLES, write_xlsx
from nq57cli.read import encodings, legacy, legacyfonts
from nq57cli.read.encodings import TCVN3, VNI, decode, encode
from nq57cli.read.legacytext import detect
from nq57cli.tasks.matching import TextMatcher
from nq57cli.tasks.merge import merge
from nq57cli.domain.models import Task
from nq57cli.read.reader import read_table
from nq57cli.core.text import match_key

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"  # shared/ sits beside the repository (and in CI)
NON_ASCII = [ch for ch in encodings.VIETNAMESE_LETTERS if not ch.isascii()]
LOWER = [ch for ch in NON_ASCII if ch.islower()]
PLAIN_CAPITALS = list("ĂÂÊÔƠƯĐ")  # the only capitals with marks a plain TCVN3 font has


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def seed_lines(skip_ocr: bool = True) -> list[str]:
    if not SEEDS.is_dir():
        pytest.skip("shared/seeds not found beside the repository")
    lines = []
    for path in sorted(SEEDS.glob("*.txt")):
        if skip_ocr and path.name.startswith("002"):  # OCR of a scan: its diacritics are damaged
            continue
        lines += [nfc(line.strip()) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


# ---------------------------------------------------------------- the tables

@pytest.mark.parametrize("legacy_text, encoding, unicode", [
    ("Uû ban nh©n d©n", TCVN3, "Uỷ ban nhân dân"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", TCVN3, "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", TCVN3, "Độc lập - Tự do - Hạnh phúc"),
    ("Së Khoa häc vµ C«ng nghÖ tØnh Qu¶ng Ng·i", TCVN3, "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi"),
    ("Th\xadêng trùc Ban ChØ ®¹o, n¨m 2025, mÆt trËn, ch¾c ch¾n, kü thuËt", TCVN3,
     "Thường trực Ban Chỉ đạo, năm 2025, mặt trận, chắc chắn, kỹ thuật"),
    ("Xin chaøo", VNI, "Xin chào"),
    ("Ñaø Naüng", VNI, "Đà Nẵng"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", VNI, "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", VNI, "Độc lập - Tự do - Hạnh phúc"),
    ("UÛY BAN NHAÂN DAÂN TÆNH QUAÛNG NGAÕI", VNI, "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"),
    ("Sôû Khoa hoïc vaø Coâng ngheä; nöôùc; khaúng ñònh; Ñaëng", VNI,
     "Sở Khoa học và Công nghệ; nước; khẳng định; Đặng"),
])
def test_known_phrases(legacy_text: str, encoding: str, unicode: str) -> None:
    assert decode(legacy_text, encoding) == unicode
    assert detect(legacy_text) == encoding


def test_tcvn3_capital_fonts_draw_capitals() -> None:
    assert decode("uû ban nh©n d©n tØnh qu¶ng ng·i", TCVN3, capitals=True) == "UỶ BAN NHÂN DÂN TỈNH QUẢNG NGÃI"
    # capitals typed with a plain font: the word's ASCII capitals tell
    assert encodings.convert("UBND TØNH QU¶NG NG·I", TCVN3) == "UBND TỈNH QUẢNG NGÃI"


def test_tables_are_complete() -> None:
    assert len(NON_ASCII) == 134  # 12 vowels × 6 tones less the 6 plain ASCII ones, and đ; both cases
    for letter in NON_ASCII:  # VNI writes every letter, both cases
        assert decode(encode(letter, VNI), VNI) == letter
    for letter in LOWER + PLAIN_CAPITALS:  # TCVN3: one byte each
        code = encode(letter, TCVN3)
        assert len(code) == 1 and 0xA1 <= ord(code) <= 0xFE and decode(code, TCVN3) == letter
    assert len({encode(ch, TCVN3) for ch in LOWER + PLAIN_CAPITALS}) == len(LOWER) + len(PLAIN_CAPITALS)
    for capital in (ch for ch in NON_ASCII if ch.isupper() and ch not in PLAIN_CAPITALS):
        with pytest.raises(ValueError):
            encode(capital, TCVN3)  # needs an "H" font
        assert decode(encode(capital, TCVN3, capitals=True), TCVN3, capitals=True) == capital


def test_font_names() -> None:
    assert encodings.font_encoding(".VnTime") == (TCVN3, False)
    assert encodings.font_encoding(".VnTimeH") == (TCVN3, True)
    assert encodings.font_encoding(".VnArial NarrowH") == (TCVN3, True)
    assert encodings.font_encoding("VNI-Times") == (VNI, False)
    for name in ("Times New Roman", "Calibri", "Arial", "", None, "Vni"):
        assert encodings.font_encoding(name) is None


# ---------------------------------------------------------------- round trips

TEXT_EXTRA = list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:-/()%\"'\n–“”")


@given(st.text(alphabet=st.sampled_from(NON_ASCII + TEXT_EXTRA), max_size=80))
@settings(max_examples=400)
def test_vni_round_trip(text: str) -> None:
    assert decode(encode(text, VNI), VNI) == nfc(text)


@given(st.text(alphabet=st.sampled_from(LOWER + PLAIN_CAPITALS + TEXT_EXTRA), max_size=80))
@settings(max_examples=400)
def test_tcvn3_round_trip(text: str) -> None:
    assert decode(encode(text, TCVN3), TCVN3) == text


@given(st.text(alphabet=st.sampled_from(NON_ASCII + TEXT_EXTRA), max_size=80))
@settings(max_examples=200)
def test_tcvn3_capitals_round_trip(text: str) -> None:
    assert decode(encode(text, TCVN3, capitals=True), TCVN3, capitals=True) == text.upper()


@given(st.text(alphabet=st.sampled_from(NON_ASCII + TEXT_EXTRA), max_size=40))
@settings(max_examples=200)
def test_unicode_vietnamese_is_never_taken_for_legacy(text: str) -> None:
    """Text with a Vietnamese letter outside Latin-1 (ư, ạ, đ...) is Unicode: never converted."""
    if any(ord(ch) > 0xFF and ch in encodings.VIETNAMESE_LETTERS for ch in text):
        assert detect(text) is None


def test_seed_phrases_round_trip_and_are_detected() -> None:
    lines = seed_lines()
    counted = {TCVN3: [0, 0], VNI: [0, 0]}
    for line in lines:
        for encoding in (TCVN3, VNI):
            text = line.lower() if encoding == TCVN3 else line
            encoded = encode(text, encoding)
            assert decode(encoded, encoding) == text
            if encoding == TCVN3:
                assert decode(encode(line, TCVN3, capitals=True), TCVN3, capitals=True) == line.upper()
            if sum(1 for word in text.split() if not word.isascii()) >= 3:
                found = detect(encoded)
                assert found in (encoding, None), (line, found)  # never the wrong encoding
                counted[encoding][0] += 1
                counted[encoding][1] += found == encoding
    for encoding, (total, right) in counted.items():
        assert total > 1000 and right / total >= 0.97, (encoding, total, right)


def test_no_false_alarm_on_seed_texts() -> None:
    for line in seed_lines(skip_ocr=False):  # the OCR text too ("S¢ Khoa hoc", "k¥ ning")
        assert detect(line) is None, line


def sample_texts() -> list[str]:
    import python_calamine as calamine

    texts = []
    for path in [SAMPLES / "catalog.xlsx", *sorted((SAMPLES / "submissions").glob("*.xlsx"))]:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
        for name in workbook.sheet_names:
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            texts += [v for row in rows for v in row if isinstance(v, str) and v.strip()]
    return texts


def test_no_false_alarm_on_sample_workbooks() -> None:
    texts = sample_texts()
    assert len(texts) > 300
    for text in texts:
        assert detect(text) is None, text
        assert detect(unicodedata.normalize("NFD", text)) is None, text
    paths = [SAMPLES / "catalog.xlsx", *sorted((SAMPLES / "submissions").glob("*.xlsx"))]
    result = merge(paths[1:], catalog=paths[0])
    assert not [f for f in result.findings if f.code == "text.legacy_encoding"]


def test_no_false_alarm_on_english() -> None:
    for text in ("© 2025 ACME Corp.", "5µm thick", "Microsoft® Word — «draft»", "Café, naïve résumé, Müller",
                 "São Paulo; Bjørn Ångström", "2×3 ÷ 4 ¼ ½ §12", "Total: 957.600 VND (78,52%)"):
        assert detect(text) is None, text


def test_unicode_workbooks_do_not_open_the_font_path(monkeypatch) -> None:
    """Ordinary files pay one look at styles.xml; the sheet is never parsed again for fonts."""
    def fail(*args, **kwargs):
        raise AssertionError("font path entered for a Unicode workbook")

    monkeypatch.setattr(legacyfonts, "_sheet_runs", fail)
    for path in sorted((SAMPLES / "submissions").glob("*.xlsx")):
        assert read_table(path).table is not None


# ---------------------------------------------------------------- tone placement

@pytest.mark.parametrize("old, new", [("Uỷ ban", "Ủy ban"), ("hoà bình", "hòa bình"), ("Thuỷ lợi", "Thủy lợi"),
                                      ("khoẻ", "khỏe"), ("quý", "qúy")])
def test_old_and_new_tone_placement_match(old: str, new: str) -> None:
    assert match_key(old) == match_key(new)
    assert match_key(old) != match_key(strip_tones(old))  # the tone itself still counts


def strip_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return nfc("".join(ch for ch in decomposed if ch not in "\u0300\u0301\u0303\u0309\u0323"))


def test_converted_tcvn3_matches_the_unicode_catalog_text() -> None:
    task = Task(task_id="NV-01", order=1, title="Ủy ban nhân dân tỉnh chỉ đạo hòa giải cơ sở")
    typed = decode("Uû ban nh©n d©n tØnh chØ ®¹o hoµ gi¶i c¬ së", TCVN3)
    assert typed == "Uỷ ban nhân dân tỉnh chỉ đạo hoà giải cơ sở"
    assert TextMatcher([task]).score(typed, 0) == 100.0


# ---------------------------------------------------------------- in workbooks

def write_legacy_xlsx(path: Path, rows: list[list], font: str, encoding: str | None,
                      capitals_font: str | None = None) -> Path:
    """A workbook whose text cells are typed in `encoding` with font `font` (row 1 in `capitals_font`)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is None:
                continue
            capitals = capitals_font is not None and r == 1
            if isinstance(value, str) and encoding:
                value = encode(value, encoding, capitals=capitals)
            cell = ws.cell(r, c, value)
            cell.font = Font(name=capitals_font if capitals else font)
    wb.save(path)
    return path


SUBMISSION = [
    ["Uỷ ban nhân dân tỉnh Quảng Ngãi"],
    ["Sở Khoa học và Công nghệ"],
    [],
    ["STT", "Nhiệm vụ cụ thể", "Tình trạng", "Kết quả thực hiện", "Ngày hoàn thành thực tế"],
    [1, "Tiếp tục nâng cao tinh thần trách nhiệm, có quyết tâm chính trị cao", "Đã hoàn thành",
     "Đã ban hành Kế hoạch số 12/KH-SKHCN ngày 05/8/2025 về nâng cao nhận thức", "05/8/2025"],
    [2, "Đẩy mạnh hợp tác với doanh nghiệp, viện, trường trong và ngoài nước về khoa học", "Đang thực hiện",
     "Đã làm việc với 03 trường đại học; đang hoàn thiện dự thảo thỏa thuận hợp tác", None],
]


@pytest.mark.parametrize("encoding, font, by_font", [
    (TCVN3, ".VnTime", True), (VNI, "VNI-Times", True), (TCVN3, "Calibri", False), (VNI, "Arial", False),
])
def test_submission_typed_in_a_legacy_encoding_merges(tmp_path, catalog, encoding, font, by_font) -> None:
    path = write_legacy_xlsx(tmp_path / "skhcn.xlsx", SUBMISSION, font, encoding)
    assert "Nhiệm vụ" not in path.read_bytes().decode("latin-1")  # nothing in the file is Unicode Vietnamese
    result = merge([path], catalog=catalog)
    found = [f for f in result.findings if f.code == "text.legacy_encoding"]
    assert len(found) == 1
    assert found[0].severity == ("info" if by_font else "warning")
    assert found[0].params["encoding"] == encodings.NAMES[encoding] and found[0].params["count"] == 12
    assert found[0].sheet == "Báo cáo" and found[0].file == "skhcn.xlsx"
    message = found[0].message("vi")
    assert encodings.NAMES[encoding] in message and "A1" in message and "Unicode" in found[0].message("en")
    assert ("phông chữ " + font in message) if by_font else "nội dung chữ" in message
    assert result.errors() == []
    assert result.inputs[1].agency == "Sở Khoa học và Công nghệ"
    by_id = {t.task_id: t for t in result.tasks}
    assert by_id["NV-01"].status == "completed"
    assert by_id["NV-01"].result == "Sở Khoa học và Công nghệ: " + SUBMISSION[4][3]
    assert by_id["NV-03"].status == "in_progress"
    assert [r.match_method for r in by_id["NV-01"].reports] == ["text"]


def test_capital_font_row_and_ambiguous_cell_by_font(tmp_path) -> None:
    """A title in .VnTimeH reads as capitals; "cã" (= "có") is converted because its font says so."""
    rows = [["uû ban nh©n d©n tØnh"], ["cã", "x"]]
    wb = Workbook()
    ws = wb.active
    ws["A1"] = rows[0][0]
    ws["A1"].font = Font(name=".VnTimeH")
    ws["A2"] = "cã"
    ws["A2"].font = Font(name=".VnTime")
    ws["B2"] = "có"  # Unicode text in a Unicode font: left alone
    path = tmp_path / "fonts.xlsx"
    wb.save(path)
    import python_calamine as calamine

    values = calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    out, conversions = legacy.convert_rows(path, "Sheet", values)
    assert out[0][0] == "UỶ BAN NHÂN DÂN TỈNH" and out[1][0] == "có" and out[1][1] == "có"
    assert [(c.encoding, c.by_font, sorted(c.cells)) for c in conversions] == [(TCVN3, True, [(0, 0), (1, 0)])]


def test_rich_text_runs_in_different_fonts(tmp_path) -> None:
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    wb = Workbook()
    ws = wb.active
    ws["A1"] = CellRichText([TextBlock(InlineFont(rFont=".VnTimeH"), "ubnd tØnh "),
                             TextBlock(InlineFont(rFont=".VnTime"), "Qu¶ng Ng·i "),
                             TextBlock(InlineFont(rFont="Times New Roman"), "(bản Unicode ©)")])
    ws["A2"] = "B¸o c¸o"  # the workbook's styles name the legacy font (as a whole .VnTime file does)
    ws["A2"].font = Font(name=".VnTime")
    path = tmp_path / "rich.xlsx"
    wb.save(path)
    import python_calamine as calamine

    values = calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    out, _ = legacy.convert_rows(path, "Sheet", values)
    assert out[0][0] == "UBND TỈNH Quảng Ngãi (bản Unicode ©)" and out[1][0] == "Báo cáo"


def test_mixed_sheet_converts_only_the_legacy_cells(tmp_path) -> None:
    """A Unicode template whose answers were typed with an old TCVN3 keyboard."""
    rows = [["STT", "Nhiệm vụ cụ thể", "Tình trạng", "Kết quả thực hiện"],
            [1, "Tiếp tục nâng cao tinh thần trách nhiệm", encode("Đã hoàn thành", TCVN3),
             encode("Đã tổ chức hội nghị quán triệt cho cán bộ", TCVN3)],
            [2, "Hoà bình có", "Đang thực hiện", "Café"]]
    path = write_xlsx(tmp_path / "mixed.xlsx", rows)
    outcome = read_table(path)
    values = [list(r.values.values()) for r in outcome.table.rows]
    assert values[0][2:] == ["Đã hoàn thành", "Đã tổ chức hội nghị quán triệt cho cán bộ"]
    assert values[1][1:] == ["Hoà bình có", "Đang thực hiện", "Café"]
    found = [f for f in outcome.findings if f.code == "text.legacy_encoding"]
    assert [(f.params["count"], f.params["cells"]) for f in found] == [(2, "C2, D2")]


def test_damaged_styles_fall_back_to_the_text(tmp_path) -> None:
    import zipfile

    good = write_legacy_xlsx(tmp_path / "good.xlsx", SUBMISSION, ".VnTime", TCVN3)
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, data.replace(b"<cellXfs", b"<cellXfs><broken") if item.filename.endswith("styles.xml")
                         else data)
    assert legacyfonts.font_runs(bad, "Báo cáo") == {}
