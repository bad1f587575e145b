"""The benchmark script runs (tiny sizes); no timing is asserted here — machines are noisy."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT


def test_benchmark_script_runs_quick(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--json", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    results = json.loads(out.read_text(encoding="utf-8"))["results"]
    names = [r["name"] for r in results]
    assert any(n.startswith("merge 6×10") for n in names)
    assert any(n.startswith("text matching") for n in names)
    assert any(n.startswith("diff 8×10") for n in names)
    assert all(r["seconds"] > 0 and r["baseline_seconds"] > 0 for r in results)
    assert "ratio" in done.stdout
