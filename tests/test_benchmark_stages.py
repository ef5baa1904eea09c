"""benchmarks/stages.py names every stage and the slowest rules (a tiny run, no timing asserted)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_a_small_run_names_every_stage_and_the_slowest_rules():
    done = subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks", "stages.py"), "--reports", "6",
                           "--repeat", "1", "--top", "3"], capture_output=True, text=True, encoding="utf-8",
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("6 reports, ")
    stages = dict(re.findall(r"([a-z][a-z (),]*?) (-?\d+\.\d\d)(?: \||$)", lines[1].strip()))
    assert list(stages) == ["read", "parse", "facts", "rules", "all", "the rest (engine, cycle collector)"]
    assert all(float(v) > 0 for k, v in stages.items() if not k.startswith("the rest"))
    assert lines[2].startswith("  each rule alone, its lazy facts already cached (together ")
    rules = lines[3:]
    assert len(rules) == 3 and all(re.fullmatch(r"  [A-Z]\d{3} \d+\.\d{3}", line) for line in rules)
