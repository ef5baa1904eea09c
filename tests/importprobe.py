"""Which modules a reportlint run imports, apart from those the interpreter had already imported at start-up.

The start-up tests ("a one-file check does not import pluggy, typing, jsonschema …")
are about reportlint's own imports. What the interpreter imports before reportlint
runs depends on the environment, not on us: a ``.pth`` file in site-packages may
import anything (CI's Python has one that imports certifi, which imports typing
and importlib.resources). So the probe records ``sys.modules`` before importing
reportlint and reports only the modules that appeared after.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

_PROBE = """\
import sys
before = set(sys.modules)
from reportlint.cli import main
try:
    code = main(sys.argv[2:])
except SystemExit as stop:
    code = stop.code
with open(sys.argv[1], "w", encoding="utf-8") as fh:
    fh.write(__import__("json").dumps({"code": code, "new": sorted(set(sys.modules) - before)}))
"""


class Probe:
    """One run: its exit code, its output and the modules it imported."""

    def __init__(self, proc: subprocess.CompletedProcess, code: int, new: set[str]):
        self.proc = proc
        self.code = code
        self.new = new
        self.stdout = proc.stdout
        self.stderr = proc.stderr


def probe(argv: list[str], *, cwd, env_extra: dict | None = None) -> Probe:
    """Run ``reportlint ARGV`` in a fresh interpreter; a crash fails the calling test with its stderr."""
    env = dict(os.environ, **(env_extra or {}))
    fd, result = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    try:
        proc = subprocess.run([sys.executable, "-c", _PROBE, result, *argv], capture_output=True, text=True,
                              encoding="utf-8", cwd=str(cwd), env=env, timeout=120)
        with open(result, encoding="utf-8") as fh:
            text = fh.read()
    finally:
        os.unlink(result)
    assert text, f"the probe did not finish (exit {proc.returncode}):\n{proc.stderr[-3000:]}"
    data = json.loads(text)
    return Probe(proc, data["code"], set(data["new"]))
