"""Generate N realistic synthetic submissions (seeded): Vietnamese text from the seed Phụ lục 03,
the messy forms of the samples (title blocks, two-row headers, NFD text, no-ID files, text dates).

    python benchmarks/generate.py OUT_DIR --files 130 --tasks 60 [--seed 57]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import unicodedata
import zipfile
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "samples"))
from seed_data import GROUPS, SEED_RESULTS, TASKS  # noqa: E402

STATUSES = ["Đã hoàn thành", "Đang thực hiện", "Đang triển khai", "Chưa thực hiện", "Hoàn thành",
            "Đã thực hiện", "Không thuộc nhiệm vụ", "Chờ hướng dẫn"]
DEADLINES = ["31/12/2025", "Tháng 9/2025", "Quý IV/2025", "2025", "Thường xuyên", "31-12-2025",
             "Trước ngày 20/12/2025", "Sau khi Trung ương ban hành", "30/9/2025"]
RESULTS = [r for _, r in SEED_RESULTS.values() if r] or ["Đã triển khai thực hiện."]


DEPARTMENTS = 30  # the first 30 files come from departments (Sở), the rest from communes


def agency_name(index: int) -> str:
    return f"Sở Ban ngành số {index + 1}" if index < DEPARTMENTS else f"UBND xã Số {index - DEPARTMENTS + 1}"


def catalog_tasks(count: int) -> list[dict]:
    """`count` distinct tasks built from the seed's 38 (a suffix keeps texts distinct); each led by
    one department, with two others in support."""
    tasks = []
    for i in range(count):
        seed = TASKS[i % len(TASKS)]
        round_ = i // len(TASKS)
        text = seed["text"] if round_ == 0 else f"{seed['text']} (giai đoạn {round_ + 1}, địa bàn số {i})"
        tasks.append({"id": f"NV-{i + 1:04d}", "group": (i * 8) // count + 1, "text": text,
                      "document": seed["document"], "deadline": DEADLINES[i % len(DEADLINES)],
                      "lead": agency_name(i % DEPARTMENTS),
                      "partners": f"{agency_name((i + 7) % DEPARTMENTS)}; {agency_name((i + 13) % DEPARTMENTS)}"})
    return tasks


def write_catalog(path: Path, tasks: list[dict]) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh mục")
    ws.append(["UBND TỈNH QUẢNG NGÃI"])
    ws.append(["SỞ KHOA HỌC VÀ CÔNG NGHỆ"])
    ws.append([])
    ws.append(["Mã nhiệm vụ", "STT", "Nhiệm vụ cụ thể", "Văn bản giao nhiệm vụ", "Thời hạn hoàn thành",
               "Cơ quan chủ trì", "Cơ quan phối hợp"])
    current = None
    for n, task in enumerate(tasks, start=1):
        if task["group"] != current:
            current = task["group"]
            number, title = GROUPS[(current - 1) % len(GROUPS)]
            ws.append([f"Nhóm {current} - {title}"])
        ws.append([task["id"], n, task["text"], task["document"], task["deadline"], task["lead"], task["partners"]])
    wb.save(path)


_INLINE = re.compile(rb'<c ([^>]*?)t="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)</t></is></c>', re.S)
_CHAR_REF = re.compile(rb"&#(\d+);")


def as_saved_by_excel(path: Path) -> None:
    """Rewrite an openpyxl file the way Excel saves it: text in a shared-strings table, UTF-8."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    strings: dict[bytes, int] = {}

    def shared(match: re.Match) -> bytes:
        text = _CHAR_REF.sub(lambda m: chr(int(m.group(1))).encode("utf-8"), match.group(2))
        index = strings.setdefault(text, len(strings))
        return b'<c ' + match.group(1) + b't="s"><v>' + str(index).encode() + b"</v></c>"

    for name in [n for n in parts if n.startswith("xl/worksheets/")]:
        parts[name] = _INLINE.sub(shared, parts[name])
    items = b"".join(b'<si><t xml:space="preserve">' + text + b"</t></si>" for text in strings)
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(strings), len(strings)) + items + b"</sst>")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def write_submission(path: Path, agency: str, tasks: list[dict], rng: random.Random, form: str) -> None:
    """One agency's file. Most are saved as Excel saves them (shared strings); the "exported" form is
    left as other software streams a file out (inline strings)."""
    wb = Workbook(write_only=True)
    guide = wb.create_sheet("Hướng dẫn")
    guide.append(["Điền cột Tình trạng theo danh mục; ngày theo dạng dd/mm/yyyy."])
    ws = wb.create_sheet("Báo cáo")
    text = (lambda s: unicodedata.normalize("NFD", s)) if form == "nfd" else (lambda s: s)
    ws.append([text("UBND TỈNH QUẢNG NGÃI")])
    ws.append([text(agency.upper())])
    ws.append([text("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NGHỊ QUYẾT 57-NQ/TW")])
    ws.append([])
    with_ids = form != "noid"
    if form == "tworow":
        ws.append(["Mã nhiệm vụ", "TT", "Tên nhiệm vụ", "Thời hạn", "Kết quả", None, "Ngày hoàn thành thực tế",
                   "Khó khăn, vướng mắc"])
        ws.append([None, None, None, None, "Tình trạng", "Mô tả", None, None])
        ws.append([f"({i})" for i in range(1, 9)])
    else:
        header = ["Mã nhiệm vụ"] if with_ids else []
        ws.append(header + ["STT", "Nhiệm vụ cụ thể", "Thời hạn hoàn thành", "Tình trạng", "Kết quả thực hiện",
                            "Ngày hoàn thành thực tế", "Khó khăn, vướng mắc"])
    current = None
    for n, task in enumerate(tasks, start=1):
        if task["group"] != current:
            current = task["group"]
            ws.append([f"Nhóm {current}"])
        status = rng.choice(STATUSES)
        done = date(2025, 1, 1) + timedelta(days=rng.randrange(300))
        done_cell = done if rng.random() < 0.5 else done.strftime(rng.choice(["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d 00:00:00"]))
        result = text(rng.choice(RESULTS))
        row = [task["id"]] if with_ids else []
        row += [n, text(task["text"]), task["deadline"], text(status), result,
                done_cell if status in ("Đã hoàn thành", "Hoàn thành", "Đã thực hiện") else None, None]
        if form == "tworow":
            row = [task["id"], n, text(task["text"]), task["deadline"], text(status), result, row[-2], None]
        ws.append(row)
    wb.save(path)
    if form != "exported":
        as_saved_by_excel(path)


def generate(folder: Path, files: int, tasks: int = 60, seed: int = 57, catalog_tasks_count: int | None = None) -> Path:
    """Write catalog.xlsx and submissions/*.xlsx into folder; return folder."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    catalog = catalog_tasks(max(tasks, catalog_tasks_count or tasks))
    write_catalog(folder / "catalog.xlsx", catalog)
    subs = folder / "submissions"
    subs.mkdir(exist_ok=True)
    forms = ["tidy", "tidy", "exported", "tworow", "nfd", "noid"]
    for i in range(files):
        agency = agency_name(i)
        form = forms[i % len(forms)] if i % 10 else "noid"
        chosen = sorted(rng.sample(range(len(catalog)), tasks))
        write_submission(subs / f"bao-cao-{i + 1:04d}.xlsx", agency, [catalog[j] for j in chosen], rng, form)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=130)
    parser.add_argument("--tasks", type=int, default=60)
    parser.add_argument("--catalog-tasks", type=int, default=None)
    parser.add_argument("--seed", type=int, default=57)
    args = parser.parse_args()
    generate(args.out, args.files, args.tasks, args.seed, args.catalog_tasks)


if __name__ == "__main__":
    main()
