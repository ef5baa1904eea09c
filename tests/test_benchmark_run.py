"""benchmarks/run.py prints and writes every figure issue 8 asks for (a tiny run, no timing asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_a_small_run_reports_every_figure(tmp_path):
    out = tmp_path / "b.json"
    done = subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks", "run.py"), "--reports", "8", "--runs", "1",
                           "--repeat", "1", "--here", "--json", str(out)], capture_output=True, text=True,
                          encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    for line_start in ("cold start", "throughput", "result cache", "in process", "linearity", "peak RSS"):
        assert any(line.startswith(line_start) for line in done.stdout.splitlines()), line_start
    data = json.loads(out.read_text(encoding="utf-8"))
    cold = data["cold_start"]
    assert {"reportlint_ms", "python_pass_ms", "floor_ms", "x_floor", "cache_hit_ms"} <= set(cold)
    assert cold["x_floor"] == pytest.approx(cold["reportlint_ms"] / cold["floor_ms"])
    throughput = data["throughput"]
    assert throughput["reports"] == 8
    assert {"jobs1_reports_per_s", "jobs2_reports_per_s", "floor_reports_per_s", "jobs1_mb_per_s", "jobs2_speedup",
            "x_floor"} <= set(throughput)
    assert set(data["linearity"]) == {"1", "4", "16", "64"}
    assert data["cache"]["speedup"] > 0 and data["peak_rss_mb"] > 0 and data["in_process_ms_per_20kb"] > 0
