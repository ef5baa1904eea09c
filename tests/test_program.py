"""The program ends at once when nothing waits for the exit, and never loses output or an exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from helpers import report

EXAMPLES = os.path.join(os.path.dirname(__file__), os.pardir, "examples")

_WATCH = """\
import atexit, os, threading
# threading's own exit functions run first thing in the interpreter's usual exit (a frozen
# collector keeps module globals from being freed, so a __del__ would not tell).
threading._register_atexit(lambda: open(os.path.join({folder!r}, "usual-exit"), "w").close())
if os.environ.get("REGISTER_ATEXIT"):
    atexit.register(lambda: open(os.path.join({folder!r}, "atexit-ran"), "w").close())
"""


def _program(tmp_path, *args: str, atexit: bool = False) -> subprocess.CompletedProcess:
    """``python -m reportlint ARGS`` with a sitecustomize that notes whether the interpreter's usual exit ran."""
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(_WATCH.format(folder=str(tmp_path)), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(site), REGISTER_ATEXIT="1" if atexit else "")
    return subprocess.run([sys.executable, "-m", "reportlint", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=tmp_path, env=env, timeout=120)


def test_nothing_waiting_the_process_ends_at_once_with_all_its_output(tmp_path):
    # Output larger than a pipe's buffer: flushed to the last byte before the process ends.
    with open(os.path.join(EXAMPLES, "faulty-2017-bureau.txt"), "rb") as fh:
        faulty = fh.read()
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(40):
        (folder / f"r{i:02d}.txt").write_bytes(faulty)
    done = _program(tmp_path, "check", "--no-cache", "--jobs", "1", "--format", "json", str(folder))
    assert done.returncode == 1, done.stderr[-2000:]
    assert len(done.stdout.encode("utf-8")) > 65536
    per_file = {}
    for d in json.loads(done.stdout)["diagnostics"]:
        per_file[d["path"]] = per_file.get(d["path"], 0) + 1
    assert len(per_file) == 40 and len(set(per_file.values())) == 1
    assert not (tmp_path / "usual-exit").exists()  # the objects were not freed one by one: ~7 M instructions


def test_atexit_functions_run_before_the_process_ends(tmp_path):
    # Environments register them at start-up (CI's Python: certifi's clean-up, from a .pth file).
    (tmp_path / "r.txt").write_text(report(body="截止目前，我局共召开会议3次。"), encoding="utf-8")
    done = _program(tmp_path, "check", "--no-cache", "r.txt", atexit=True)
    assert done.returncode == 0 and "W601" in done.stdout
    assert (tmp_path / "atexit-ran").exists()
    assert not (tmp_path / "usual-exit").exists()


def test_exit_codes_of_usage_errors_help_and_findings(tmp_path):
    (tmp_path / "r.txt").write_text(report(body="截止目前，我局共召开会议3次。"), encoding="utf-8")
    refused = _program(tmp_path, "check", "--jobs", "none", "r.txt")
    assert refused.returncode == 2 and "--jobs" in refused.stderr  # argparse's SystemExit(2)
    helped = _program(tmp_path, "check", "--help")
    assert helped.returncode == 0 and "--no-cache" in helped.stdout
    failing = _program(tmp_path, "check", "--no-cache", "--fail-on", "warning", "r.txt")
    assert failing.returncode == 1 and "W601" in failing.stdout
    nothing = _program(tmp_path)
    assert nothing.returncode == 2 and "check" in nothing.stdout  # no command: the help, exit 2
    assert not (tmp_path / "usual-exit").exists()


def test_a_closed_pipe_is_not_an_error_of_the_program(tmp_path):
    # `reportlint check … | head -1`: the reader goes away; exit as before, no traceback of ours.
    proc = subprocess.Popen([sys.executable, "-m", "reportlint", "check", "--no-cache", os.path.abspath(EXAMPLES)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.wait(timeout=120)
    assert "Traceback" not in err


def test_worker_processes_are_gone_when_the_program_ends(tmp_path):
    # multiprocessing's atexit function joins its workers; a worker left over would hold the
    # output pipe open and this run would not return.
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(8):
        (folder / f"r{i}.txt").write_text(report(body="截止目前，我局共召开会议3次。"), encoding="utf-8")
    done = _program(tmp_path, "check", "--no-cache", "--jobs", "2", "--format", "json", str(folder))
    assert done.returncode == 0, done.stderr[-2000:]
    assert [d["code"] for d in json.loads(done.stdout)["diagnostics"]] == ["W601"] * 8
    assert "Traceback" not in done.stderr


def test_a_local_plugin_gets_the_usual_exit(tmp_path):
    # Code that is not reportlint's own may count on the interpreter's exit (finalizers, __del__).
    (tmp_path / "r.txt").write_text(report(), encoding="utf-8")
    (tmp_path / "local_plugin.py").write_text("def reportlint_rules():\n    return []\n", encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('plugins = ["local_plugin.py"]\n', encoding="utf-8")
    done = _program(tmp_path, "check", "--no-cache", "r.txt")
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "usual-exit").exists()
    (tmp_path / "reportlint.toml").unlink()
    (tmp_path / "usual-exit").unlink()
    assert _program(tmp_path, "check", "--no-cache", "r.txt").returncode == 0
    assert not (tmp_path / "usual-exit").exists()  # the same check without the plugin: at once
