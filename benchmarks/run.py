"""Benchmarks for nq57 at province and national scale: each target timed as a whole process (or call)
against a baseline in the same run, median of several runs, printed as absolute figures and ratios.

    python benchmarks/run.py                 # the full set (about 2–4 minutes on 2 cores)
    python benchmarks/run.py --quick         # tiny sizes, to check the script itself works
    python benchmarks/run.py --only merge    # one group: merge, national, render, startup, match, diff
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from generate import generate  # noqa: E402

NAIVE_MERGE = """
import sys, glob, pandas as pd
frames = []
for path in sorted(glob.glob(sys.argv[1] + "/*.xlsx")):
    frame = pd.read_excel(path, sheet_name=None, engine="openpyxl", header=None)
    for name, sheet in frame.items():
        sheet["file"] = path
        frames.append(sheet)
pd.concat(frames).to_excel(sys.argv[2], index=False)
"""


def run_process(args: list[str], env: dict | None = None) -> tuple[float, int]:
    """(seconds, peak RSS in MB of the process and its waited-for children) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args)} exited {proc.returncode}")
    return elapsed, usage.ru_maxrss // 1024


def median_of(repeat: int, func) -> tuple[float, int]:
    runs = [func() for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def nq57(*args: str) -> list[str]:
    return [sys.executable, "-m", "nq57cli", *args]


def env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))


def bench_merge(work: Path, files: int, tasks: int, repeat: int) -> dict:
    data = generate(work / f"merge-{files}", files, tasks)
    out = work / "merged.xlsx"
    ours = median_of(repeat, lambda: run_process(nq57("merge", "--catalog", str(data / "catalog.xlsx"),
                                                      str(data / "submissions"), "-o", str(out)), env()))
    naive = median_of(repeat, lambda: run_process([sys.executable, "-c", NAIVE_MERGE, str(data / "submissions"),
                                                   str(work / "naive.xlsx")], env()))
    import importlib.util

    writer = "xlsxwriter" if importlib.util.find_spec("xlsxwriter") else "openpyxl"  # what pandas picks
    return {"name": f"merge {files}×{tasks}", "seconds": ours[0], "peak_mb": ours[1],
            "baseline": f"pandas.read_excel(openpyxl) + concat + to_excel({writer})", "baseline_seconds": naive[0],
            "ratio": naive[0] / ours[0], "target": "≤ 2.5 s and ≥ 3× faster" if files <= 200 else "≤ 6 s, ≤ 1 GB"}


def bench_national(work: Path, files: int, tasks: int, repeat: int) -> dict:
    data = generate(work / f"national-{files}", files, tasks)
    out = work / "merged-national.xlsx"
    one = median_of(repeat, lambda: run_process(nq57("merge", "--catalog", str(data / "catalog.xlsx"),
                                                     str(data / "submissions"), "-o", str(out)),
                                                dict(env(), NQ57_WORKERS="1")))
    both = median_of(repeat, lambda: run_process(nq57("merge", "--catalog", str(data / "catalog.xlsx"),
                                                      str(data / "submissions"), "-o", str(out)), env()))
    return {"name": f"merge {files}×{tasks}, all cores", "seconds": both[0], "peak_mb": both[1],
            "baseline": "same, one process (NQ57_WORKERS=1)", "baseline_seconds": one[0],
            "ratio": one[0] / both[0], "target": "≤ 6 s, peak ≤ 1 GB"}


def bench_render(work: Path, tasks: int, repeat: int) -> dict | None:
    probe = subprocess.run(nq57("render", "--help"), capture_output=True, env=env())
    if probe.returncode != 0:
        return None
    data = generate(work / f"render-{tasks}", 3, min(tasks, 60), catalog_tasks_count=tasks)
    merged = work / f"render-{tasks}.xlsx"
    run_process(nq57("merge", "--catalog", str(data / "catalog.xlsx"), str(data / "submissions"), "-o", str(merged)), env())
    out = work / f"phu-luc-03-{tasks}.docx"
    ours = median_of(repeat, lambda: run_process(nq57("render", "--form", "phu-luc-03", "-i", str(merged),
                                                      "-o", str(out)), env()))
    baseline_rows = min(tasks, 500)
    naive = median_of(1, lambda: run_process([sys.executable, "-c", NAIVE_DOCX, str(baseline_rows),
                                              str(work / "naive.docx")], env()))
    scale = tasks / baseline_rows
    return {"name": f"render phu-luc-03, {tasks} tasks", "seconds": ours[0], "peak_mb": ours[1],
            "baseline": f"python-docx cell by cell ({baseline_rows} rows" + (", scaled)" if scale > 1 else ")"),
            "baseline_seconds": naive[0] * scale, "ratio": naive[0] * scale / ours[0],
            "target": "≤ 1 s" if tasks <= 500 else "≤ 4 s"}


def bench_render_national(work: Path, files: int, tasks: int, repeat: int) -> dict:
    """Phụ lục 03 from a national merge (a task has `files` reports): consolidated results against
    the same data with every agency's text in full (phu-luc-chi-tiet, what phu-luc-03 printed before)."""
    folder = work / f"national-{files}"
    data = folder if (folder / "catalog.xlsx").is_file() else generate(folder, files, tasks)
    merged = work / f"render-national-{files}.xlsx"
    run_process(nq57("merge", "--catalog", str(data / "catalog.xlsx"), str(data / "submissions"), "-o", str(merged)),
                env())
    out = work / "national.docx"
    ours = median_of(repeat, lambda: run_process(nq57("render", "--form", "phu-luc-03", "-i", str(merged),
                                                      "-o", str(out)), env()))
    full = median_of(1, lambda: run_process(nq57("render", "--form", "phu-luc-chi-tiet", "-i", str(merged),
                                                 "-o", str(out)), env()))
    return {"name": f"render phu-luc-03, {files}×{tasks} merge", "seconds": ours[0], "peak_mb": ours[1],
            "baseline": f"full texts (phu-luc-chi-tiet), {full[1]} MB", "baseline_seconds": full[0],
            "ratio": full[0] / ours[0], "target": "≤ 4 s, ≤ 500 MB"}


READ_MERGED = """
import sys
from pathlib import Path
from nq57cli.write.mergedbook import read_merged
read_merged(Path(sys.argv[1]))
"""


def bench_diff(work: Path, files: int, tasks: int, repeat: int) -> dict:
    """`nq57 diff` of two national merges (the same data twice: every text is "copied", the most work)
    against reading one of them back (read_merged in a process of its own)."""
    import shutil

    folder = work / f"national-{files}"
    data = folder if (folder / "catalog.xlsx").is_file() else generate(folder, files, tasks)
    previous, current = work / f"diff-{files}-q2.xlsx", work / f"diff-{files}-q3.xlsx"
    run_process(nq57("merge", "--catalog", str(data / "catalog.xlsx"), str(data / "submissions"), "-o", str(previous),
                     "--period", "Quý II/2025"), env())
    shutil.copyfile(previous, current)
    ours = median_of(repeat, lambda: run_process(nq57("diff", str(previous), str(current)), env()))
    one = median_of(repeat, lambda: run_process([sys.executable, "-c", READ_MERGED, str(previous)], env()))
    return {"name": f"diff {files}×{tasks} merges", "seconds": ours[0], "peak_mb": ours[1],
            "baseline": "read_merged of one of them", "baseline_seconds": one[0], "ratio": one[0] / ours[0],
            "target": "≤ 2 s"}


NAIVE_DOCX = """
import sys
from docx import Document
rows = int(sys.argv[1])
doc = Document()
table = doc.add_table(rows=1, cols=6)
for i in range(rows):
    cells = table.add_row().cells
    for j, cell in enumerate(cells):
        cell.text = f"Nhiệm vụ {i} cột {j} " * 6
doc.save(sys.argv[2])
"""


def bench_startup(repeat: int) -> list[dict]:
    base = median_of(repeat * 3, lambda: run_process([sys.executable, "-c", "pass"], env()))
    out = []
    for args in (["--help"], ["forms"]):
        if subprocess.run(nq57(*args), capture_output=True, env=env()).returncode != 0:
            continue  # command not there (yet)
        ours = median_of(repeat * 3, lambda: run_process(nq57(*args), env()))
        out.append({"name": "nq57 " + " ".join(args), "seconds": ours[0], "peak_mb": ours[1],
                    "baseline": "python -c pass", "baseline_seconds": base[0], "ratio": ours[0] / base[0],
                    "target": "≤ 0.3 s"})
    return out


def bench_match(catalog_size: int, rows: int, repeat: int) -> dict:
    from rapidfuzz import fuzz

    from nq57cli.tasks.matching import TextMatcher
    from nq57cli.domain.models import Task
    from nq57cli.core.text import match_key
    from generate import catalog_tasks

    tasks = [Task(task_id=t["id"], order=i, title=t["text"]) for i, t in enumerate(catalog_tasks(catalog_size))]
    queries = [t.title[: len(t.title) * 3 // 4] for t in tasks[: rows]]

    def ours() -> tuple[float, int]:
        start = time.perf_counter()
        TextMatcher(tasks).best(queries)
        return time.perf_counter() - start, 0

    def naive() -> tuple[float, int]:
        start = time.perf_counter()
        keys = [match_key(t.title) for t in tasks]
        for q in queries:
            qk = match_key(q)
            max(range(len(keys)), key=lambda j: fuzz.token_set_ratio(qk, keys[j]))
        return time.perf_counter() - start, 0

    a, b = median_of(repeat, ours), median_of(1, naive)
    return {"name": f"text matching {rows} rows × {catalog_size} tasks", "seconds": a[0], "peak_mb": None,
            "baseline": "Python loop of token_set_ratio", "baseline_seconds": b[0], "ratio": b[0] / a[0],
            "target": "≤ 0.2 s"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one run: checks the script works")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=["merge", "national", "render", "startup", "match", "diff"])
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    results: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="nq57-bench-") as tmp:
        work = Path(tmp)
        wanted = lambda name: args.only in (None, name)  # noqa: E731
        if wanted("merge"):
            results.append(bench_merge(work, 6 if args.quick else 130, 10 if args.quick else 60, repeat))
        if wanted("national"):
            results.append(bench_national(work, 8 if args.quick else 1000, 10 if args.quick else 60, repeat))
        if wanted("render"):
            for size in ((20,) if args.quick else (500, 5000)):
                found = bench_render(work, size, repeat)
                if found:
                    results.append(found)
            results.append(bench_render_national(work, 8 if args.quick else 1000, 10 if args.quick else 60, repeat))
        if wanted("diff"):
            results.append(bench_diff(work, 8 if args.quick else 1000, 10 if args.quick else 60, repeat))
        if wanted("startup"):
            results.extend(bench_startup(repeat))
        if wanted("match"):
            results.append(bench_match(40 if args.quick else 500, 10 if args.quick else 60, repeat))
    machine = f"{platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}"
    print(f"nq57 benchmarks — {machine} — median of {repeat}")
    print(f"{'target':44} {'nq57':>9} {'baseline':>9} {'ratio':>7} {'peak':>8}  goal / baseline")
    for r in results:
        peak = f"{r['peak_mb']} MB" if r.get("peak_mb") else "-"
        print(f"{r['name']:44} {r['seconds']:8.2f}s {r['baseline_seconds']:8.2f}s {r['ratio']:6.1f}× {peak:>8}  "
              f"{r['target']} / {r['baseline']}")
    if args.json:
        args.json.write_text(json.dumps({"machine": machine, "repeat": repeat, "results": results}, indent=2,
                                        ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
