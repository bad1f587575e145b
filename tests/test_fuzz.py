"""Fuzz: the sample workbooks with their bytes mutated (seeded) — flipped, truncated, ranges
duplicated or zeroed, in the zip and inside its decompressed XML parts re-zipped — are read and
merged. Every outcome is a result or findings, never an exception, and never a hang: each case
runs in a forked child with a time and memory limit. Plus the files that go away while a run
reads them: locked (no read permission), vanished between listing and reading, a folder."""

from __future__ import annotations

import io
import multiprocessing
import os
import random
import re
import traceback
import warnings
import zipfile
from pathlib import Path

import pytest

from conftest import HEADER, SAMPLES, write_xlsx
from nq57cli.read import encodings
from nq57cli.tasks import submissions as merge_module
from nq57cli.read import workbook
from nq57cli.errors import Nq57Error
from nq57cli.tasks.merge import merge
from nq57cli.read.reader import read_table

CASE_SECONDS = 20  # a case taking longer is a hang
MEMORY_BYTES = 3 << 30  # a case needing more is a runaway allocation
SEED = 57
XML_PARTS = ("xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
             "xl/_rels/workbook.xml.rels", "[Content_Types].xml")


# ---------------------------------------------------------------- mutations

def flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def duplicate(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.randint(1, 4096))
    at = rng.randrange(len(data))
    return data[:at] + data[start:end] * rng.randint(1, 3) + data[at:]


def zero(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.randint(1, 2048))
    return data[:start] + b"\0" * (end - start) + data[end:]


BYTE_MUTATIONS = [flip, truncate, duplicate, zero]

# Structural mutations of XML text: values a hostile or broken writer could put there.
XML_MUTATIONS = [
    (rb'r="[A-Z]+\d+"', [b'r="XFD1048576"', b'r="A0"', b'r="ZZZZ1"', b'r="A99999999999"', b'r=""']),
    (rb's="\d+"', [b's="99999"', b's="-1"', b's="x"']),
    (rb't="\w+"', [b't="s"', b't="e"', b't="b"', b't="inlineStr"', b't="d"']),
    (rb"<v>[^<]*</v>", [b"<v>999999999</v>", b"<v>-1</v>", b"<v>1e308</v>", b"<v>nan</v>", b"<v></v>"]),
    (rb'ref="[^"]*"', [b'ref="A1:XFD1048576"', b'ref="B2:A1"', b'ref=":"']),
    (rb'fontId="\d+"', [b'fontId="99999"', b'fontId=""']),
    (rb'<name val="[^"]*"/>', [b'<name val=".VnTime"/>', b'<name val="VNI-Times"/>', b'<name val=".VnTimeH"/>']),
    (rb'count="\d+"', [b'count="2147483647"', b'count="-5"']),
    (rb'<row r="\d+"', [b'<row r="1048577"', b'<row r="0"', b'<row r="-3"']),
    (rb"</c>", [b"", b"</c></c>"]),
    (rb'sheetId="\d+"', [b'sheetId="0"', b'sheetId="999"']),
    (rb'Target="[^"]*"', [b'Target="../../../../etc/passwd"', b'Target="/xl/nothing.xml"', b'Target=""']),
]


def mutate_xml(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 3)):
        pattern, choices = rng.choice(XML_MUTATIONS)
        spots = list(re.finditer(pattern, data))
        if spots:
            spot = rng.choice(spots)
            data = data[:spot.start()] + rng.choice(choices) + data[spot.end():]
    return data


def rezip(source: bytes, rng: random.Random) -> bytes:
    """Mutate one decompressed part (bytes or XML structure) and zip the archive again."""
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    names = [info.filename for info, _ in items]
    preferred = [n for n in XML_PARTS if n in names]
    target = rng.choice(preferred or names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            if info.filename == target and data:
                data = mutate_xml(data, rng) if rng.random() < 0.5 else rng.choice(BYTE_MUTATIONS)(data, rng)
            archive.writestr(info.filename, data)
        if rng.random() < 0.1:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)
                archive.writestr(target, b"<x/>")  # a duplicate part name
    return out.getvalue()


def sources(tmp: Path) -> list[Path]:
    """The sample workbooks, plus one with shared strings and legacy fonts (the font path)."""
    paths = [SAMPLES / "catalog.xlsx", *sorted((SAMPLES / "submissions").glob("*.xlsx"))]
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    rows = [["Së Khoa häc vµ C«ng nghÖ"], [], [encodings.encode(h, encodings.TCVN3) for h in HEADER],
            ["NV-01", 1, encodings.encode("Tiếp tục nâng cao tinh thần trách nhiệm", encodings.TCVN3), "31/12/2025",
             encodings.encode("Đã hoàn thành", encodings.TCVN3), "xong", None]]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value).font = Font(name=".VnTime" if c % 2 else ".VnTimeH")
    legacy_path = tmp / "legacy-fonts.xlsx"
    wb.save(legacy_path)
    plain = write_xlsx(tmp / "plain.xlsx", [HEADER, ["NV-01", 1, "Nhiệm vụ một", "2025", "Hoàn thành", "x", None]])
    return paths + [legacy_path, plain]


def cases(tmp: Path, count: int) -> list[tuple[str, Path]]:
    rng = random.Random(SEED)
    originals = [(p.name, p.read_bytes()) for p in sources(tmp)]
    out = []
    for number in range(count):
        name, data = originals[number % len(originals)]
        if number % 2:
            mutated, how = rezip(data, rng), "part"
        else:
            mutation = rng.choice(BYTE_MUTATIONS)
            mutated, how = mutation(data, rng), mutation.__name__
        path = tmp / f"{number:03d}-{how}-{name}"
        path.write_bytes(mutated)
        out.append((f"{number} {how} {name}", path))
    return out


# ---------------------------------------------------------------- the guard

def _child(path: str, catalog: str, pipe) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    except (ImportError, ValueError, OSError):
        pass
    try:
        outcome = read_table(Path(path))
        assert outcome.table is not None or outcome.findings, "neither a table nor a finding"
        result = merge([Path(path)], workers=1)
        assert result.inputs and (result.tasks or result.findings)
        result.model_dump_json()
        try:
            merge([Path(catalog)], catalog=Path(path), workers=1)  # the mutated file as the catalog
        except Nq57Error:
            pass  # an unreadable catalog stops the run with its own message (exit code 3): intended
        pipe.send("ok")
    except BaseException:  # report everything, including MemoryError and assertion failures
        pipe.send(traceback.format_exc())
    finally:
        pipe.close()


def run_guarded(path: Path, catalog: Path) -> str:
    """Run one case in a forked child: "ok", a traceback, or "hang"."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(str(path), str(catalog), sender))
    child.start()
    sender.close()
    try:
        outcome = receiver.recv() if receiver.poll(CASE_SECONDS) else "hang"
    except EOFError:  # the child died without a word: a crash in native code
        outcome = "died"
    if child.is_alive():
        child.kill()
    child.join(5)
    return outcome if outcome == "ok" else f"{outcome} (exit code {child.exitcode})"


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_mutated_workbooks_give_results_or_findings(tmp_path):
    failures = []
    for label, path in cases(tmp_path, 300):
        outcome = run_guarded(path, SAMPLES / "submissions" / "so-noi-vu.xlsx")
        if outcome != "ok":
            failures.append(f"--- {label}\n{outcome}")
    assert not failures, f"{len(failures)} cases failed:\n" + "\n".join(failures[:5])


# ---------------------------------------------------------------- files that go away

def _good(path: Path) -> Path:
    """A small valid submission; its content differs by name, so two are never duplicates."""
    return write_xlsx(path, [HEADER, ["NV-01", 1, "Nhiệm vụ một", "2025", "Hoàn thành", f"xong ({path.stem})", None]])


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_locked_file_is_a_finding(tmp_path):
    locked = _good(tmp_path / "khoa.xlsx")
    other = _good(tmp_path / "mo.xlsx")
    locked.chmod(0)
    try:
        try:
            locked.open("rb").close()
            pytest.skip("running as root: a chmod 000 file is still readable")
        except PermissionError:
            pass
        result = merge([locked, other], workers=1)
    finally:
        locked.chmod(0o644)
    found = [f for f in result.findings if f.file == "khoa.xlsx"]
    assert [f.code for f in found] == ["file.locked"]
    assert len(result.tasks) == 1


def test_permission_error_anywhere_in_reading_is_a_finding(tmp_path, monkeypatch):
    """Locked by another program (Windows) or unreadable: simulated where root ignores permissions."""
    locked = _good(tmp_path / "khoa.xlsx")
    other = _good(tmp_path / "mo.xlsx")
    real_open = Path.open

    def guarded(self, *args, **kwargs):
        if self.name == "khoa.xlsx":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    result = merge([locked, other], workers=1)
    found = [f for f in result.findings if f.file == "khoa.xlsx"]
    assert [f.code for f in found] == ["file.locked"]
    assert "khóa" in found[0].message("vi") and "locked" in found[0].message("en")
    assert [i.readable for i in result.inputs] == [False, True]
    assert len(result.tasks) == 1


@pytest.mark.parametrize("stage", ["before_hash", "before_read", "before_open"])
def test_file_deleted_mid_run_is_a_finding(tmp_path, monkeypatch, stage):
    going = _good(tmp_path / "di.xlsx")
    staying = _good(tmp_path / "o-lai.xlsx")
    if stage == "before_hash":  # gone between listing and hashing
        real = merge_module.sha256_of
        monkeypatch.setattr(merge_module, "sha256_of", lambda p: (going.unlink(missing_ok=True), real(p))[1])
    elif stage == "before_read":  # gone after hashing, before the workbook is opened
        real_read = merge_module.read_table

        def read(path, *args, **kwargs):
            if path == going:
                going.unlink(missing_ok=True)
            return real_read(path, *args, **kwargs)

        monkeypatch.setattr(merge_module, "read_table", read)
    else:  # gone after the checks, while the archive is being opened
        real_check = workbook._check_archive

        def check(path, *args):
            real_check(path, *args)
            if path == going:
                going.unlink(missing_ok=True)

        monkeypatch.setattr(workbook, "_check_archive", check)
    result = merge([going, staying], workers=1)
    found = [f for f in result.findings if f.file == "di.xlsx"]
    assert found and found[0].severity == "error"
    assert found[0].code in ("file.not_found", "file.unreadable", "file.corrupt")
    assert len(result.tasks) == 1 and result.inputs[1].readable


def test_a_folder_named_like_a_workbook(tmp_path):
    folder = tmp_path / "thu-muc.xlsx"
    folder.mkdir()
    result = merge([folder, _good(tmp_path / "mo.xlsx")], workers=1)
    assert [f.code for f in result.findings if f.file == "thu-muc.xlsx"] == ["file.not_a_file"]


def test_is_a_directory_error_while_opening(tmp_path, monkeypatch):
    path = _good(tmp_path / "x.xlsx")
    real_open = Path.open

    def guarded(self, *args, **kwargs):
        if self == path:
            raise IsADirectoryError(21, "Is a directory", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    outcome = read_table(path)
    assert outcome.table is None and [f.code for f in outcome.findings] == ["file.not_a_file"]


# ---------------------------------------------------------------- what the fuzzer found

def _with_far_cell(tmp_path: Path, ref: str) -> Path:
    """A valid submission plus one cell at `ref`: the reader would allocate every cell in between."""
    good = _good(tmp_path / "good.xlsx")
    far = tmp_path / f"far-{ref}.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(far, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                row = re.sub(r"\D", "", ref)
                data = data.replace(b"</sheetData>", f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>x</t></is>'
                                    f"</c></row></sheetData>".encode())
            dst.writestr(item, data)
    return far


@pytest.mark.parametrize("ref, code", [("XFD1048576", "sheet.too_many_rows"), ("XFD50000", "sheet.too_many_cells"),
                                       ("ZZ45000", "sheet.too_many_cells")])
def test_cells_far_apart_are_refused_before_the_grid_is_allocated(tmp_path, ref, code):
    """Found by the fuzzer: one cell at XFD1048576 made python-calamine ask for 350 GB and abort
    the whole process (no exception). Now refused from the sheet's XML, naming the limit."""
    outcome = read_table(_with_far_cell(tmp_path, ref))
    assert outcome.table is None and [f.code for f in outcome.findings] == [code]
    message = outcome.findings[0].message("vi")
    assert ("NQ57_MAX_ROWS" if code == "sheet.too_many_rows" else "NQ57_MAX_CELLS") in message
    assert "Báo cáo" in message  # the sheet's name, not its part


def test_wide_and_long_but_honest_sheets_are_read(tmp_path):
    rows = [HEADER + [f"Cột {i}" for i in range(30)]]
    rows += [[f"NV-{i}", i, f"Nhiệm vụ {i}", "2025", "Hoàn thành", "x", None] + [i] * 30 for i in range(1, 1200)]
    outcome = read_table(write_xlsx(tmp_path / "wide.xlsx", rows))  # 1200 rows × 37 columns: AK
    assert outcome.table is not None and len(outcome.table.rows) == 1199
