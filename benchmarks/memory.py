"""Peak memory (RSS) of nq57 on the largest input the limits allow, with and without --json, and on
.ods files formatted or filled down, each a child process measured by os.wait4 (getrusage of the
child), against baselines in the same run (`python -c pass`, validate of a one-table sample).

    python benchmarks/memory.py            # rows = NQ57_MAX_ROWS (50,000 by default)
    python benchmarks/memory.py --quick    # 2,000 rows: checks the script works
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from generate import catalog_tasks, write_submission  # noqa: E402
from run import env, nq57  # noqa: E402

TARGET_MB = 1024


# Run from a small intermediate process: a child forked from this one would inherit its resident
# pages (openpyxl, the generator) in its peak, so the floor would be this process's size.
_MEASURE = """
import os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss // 1024, time.perf_counter() - start)
"""


def peak(args: list[str]) -> tuple[int, int, float]:
    """(exit code, peak RSS in MB, seconds) of one command run as a child process."""
    import subprocess

    done = subprocess.run([sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True, env=env(),
                          check=True)
    code, mb, seconds = done.stdout.split()
    return int(code), int(mb), float(seconds)


def ods(path: Path, value_rows: int, tail: str) -> Path:
    """An .ods of a header, `value_rows` task rows and `tail` (raw table XML) under them."""
    row = ('<table:table-row table:number-rows-repeated="{n}">' + "".join(
        f'<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>'
        for t in ("NV01", "Xây dựng kế hoạch", "Đã hoàn thành")) + "</table:table-row>")
    header = "".join(f'<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>'
                     for t in ("Mã nhiệm vụ", "Nhiệm vụ cụ thể", "Tình trạng"))
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               f'<table:table table:name="Báo cáo"><table:table-row>{header}</table:table-row>'
               + row.format(n=value_rows) + tail + "</table:table></office:spreadsheet></office:body>"
               "</office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    from nq57cli.read.workbook import MAX_ROWS

    rows = 2_000 if args.quick else MAX_ROWS * 98 // 100  # the header and title lines fill the rest
    with tempfile.TemporaryDirectory(prefix="nq57-memory-") as tmp:
        work = Path(tmp)
        big = work / "bao-cao-lon-nhat.xlsx"
        write_submission(big, "Sở Ban ngành số 1", catalog_tasks(rows), random.Random(57), "tidy")
        small = ROOT / "samples" / "submissions" / "so-khoa-hoc-cong-nghe.xlsx"
        styled = ('<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:style-name="ce1" '
                  'table:number-columns-repeated="1024"/></table:table-row>')
        formatted = ods(work / "to-dam-xuong.ods", 30, styled)
        filled = ods(work / "keo-xuong.ods", 1_048_000, "")
        out = work / "merged.xlsx"
        cases = [
            ("python -c pass (baseline)", [sys.executable, "-c", "pass"]),
            ("validate one sample file (baseline)", nq57("validate", str(small))),
            (f"validate, {rows:,} rows", nq57("validate", str(big))),
            (f"validate --json, {rows:,} rows", nq57("validate", "--json", str(big))),
            (f"merge, {rows:,} rows", nq57("merge", str(big), "-o", str(out))),
            (f"merge --json, {rows:,} rows", nq57("merge", "--json", str(big), "-o", str(out))),
            (f".ods formatted down ({formatted.stat().st_size:,} B)", nq57("validate", "--json", str(formatted))),
            (f".ods filled down ({filled.stat().st_size:,} B)", nq57("validate", "--json", str(filled))),
        ]
        print(f"nq57 peak memory — input {big.stat().st_size / 1048576:.1f} MB, {rows:,} rows; goal < {TARGET_MB} MB")
        print(f"{'case':44} {'exit':>4} {'peak':>9} {'time':>8}")
        for name, command in cases:
            code, mb, seconds = peak(command)
            flag = "" if mb < TARGET_MB or "baseline" in name else "  OVER"
            print(f"{name:44} {code:>4} {mb:>6} MB {seconds:7.1f}s{flag}", flush=True)


if __name__ == "__main__":
    main()
