"""Test-only driver: SIGKILL ``reportlint check --fix`` at many moments of its write.

Run as ``python killfix.py WORKDIR N SOURCE`` (POSIX). It lints once to warm up, then
for each kill point forks a child that runs ``reportlint.cli.main(["check",
"--fix", …])`` on a fresh copy of a faulty report, with reportlint.fix's ``os``
slowed down (the temporary file is written 64 bytes at a time, fsync and replace
wait a little). The child SIGKILLs itself right after a chosen step of the write
(every step, every few chunks), or the parent SIGKILLs it after one of N delays spread
evenly over a whole run. It prints one JSON line per kill: the delay, the last
step the child reached, which version the file holds and the files left beside it.
Nothing here is imported by reportlint itself.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time


class _SlowFile:
    def __init__(self, fh, log):
        self._fh, self._log = fh, log

    def write(self, data):
        self._log("write")
        for i in range(0, len(data), 64):
            self._fh.write(data[i:i + 64])
            self._fh.flush()  # a kill leaves a partly written temporary file on disk
            self._log("chunk")
            time.sleep(0.001)
        return len(data)

    def __getattr__(self, name):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self._fh.__exit__(*exc)


class _SlowOS:
    """reportlint.fix's view of ``os``: the steps of an atomic write, slowed and logged."""

    def __init__(self, log):
        self._log = log

    def __getattr__(self, name):
        return getattr(os, name)

    def fdopen(self, fd, *a, **kw):
        self._log("tempfile")
        return _SlowFile(os.fdopen(fd, *a, **kw), self._log)

    def fsync(self, fd):
        self._log("fsync")
        time.sleep(0.01)
        os.fsync(fd)

    def replace(self, src, dst):
        self._log("replace")
        time.sleep(0.01)
        os.replace(src, dst)
        self._log("replaced")
        time.sleep(0.01)


def _child(path: str, steps: str, kill_at: tuple[str, int] | None) -> None:
    import reportlint.fix as fix
    from reportlint.cli import main

    fd = os.open(steps, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    seen: dict[str, int] = {}

    def log(step: str) -> None:
        os.write(fd, step.encode() + b"\n")
        seen[step] = seen.get(step, 0) + 1
        if kill_at == (step, seen[step]):
            os.kill(os.getpid(), signal.SIGKILL)  # a kill exactly after this step

    fix.os = _SlowOS(log)
    log("start")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    code = main(["check", "--fix", "--isolated", "--no-cache", "--jobs", "1", path])
    log(f"exit {code}")
    os._exit(0)


def _run_child(path: str, steps: str, delay: float | None, kill_at: tuple[str, int] | None = None) -> None:
    pid = os.fork()
    if pid == 0:
        try:
            _child(path, steps, kill_at)
        finally:
            os._exit(3)
    if delay is None:
        os.waitpid(pid, 0)
        return
    deadline = time.perf_counter() + delay
    while time.perf_counter() < deadline:
        if os.waitpid(pid, os.WNOHANG)[0]:
            return  # ended (or killed itself) before the deadline
        time.sleep(0.0005)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)


def main() -> None:
    work, n, source = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    original = open(source, "rb").read()
    from reportlint.engine import Linter  # warm up in the parent: every child starts with rules and grammar loaded

    Linter().lint_file(source)
    # Warm up and learn the fully fixed bytes and how long a whole run takes.
    ref = os.path.join(work, "reference")
    os.makedirs(ref)
    target = os.path.join(ref, "report.txt")
    open(target, "wb").write(original)
    start = time.perf_counter()
    _run_child(target, os.path.join(ref, "steps"), None)
    whole = time.perf_counter() - start
    fixed = open(target, "rb").read()
    chunks = open(os.path.join(ref, "steps")).read().splitlines().count("chunk")
    print(json.dumps({"whole": whole, "changed": fixed != original, "chunks": chunks}), flush=True)
    # Kills right after each step of the write (every few chunks of the temporary file) …
    plan: list[tuple[float | None, tuple[str, int] | None]] = [
        (None, step) for step in [("start", 1), ("tempfile", 1), ("write", 1)]
        + [("chunk", k) for k in range(1, chunks + 1, max(1, chunks // 8))]
        + [("fsync", 1), ("replace", 1), ("replaced", 1), ("fsync", 2)]]
    # … and at moments spread evenly over the whole run.
    plan += [(whole * (i + 0.5) / n, None) for i in range(n)]
    for i, (delay, kill_at) in enumerate(plan):
        folder = os.path.join(work, f"kill{i:02d}")
        os.makedirs(folder)
        path = os.path.join(folder, "report.txt")
        open(path, "wb").write(original)
        steps = os.path.join(work, f"steps{i:02d}")
        _run_child(path, steps, delay if delay is not None else 60.0, kill_at)
        data = open(path, "rb").read()
        state = "original" if data == original else "fixed" if data == fixed else "torn"
        reached = open(steps).read().splitlines() if os.path.exists(steps) else []
        print(json.dumps({"delay": delay, "kill_at": kill_at, "reached": reached[-1] if reached else "",
                          "state": state, "beside": sorted(os.listdir(folder))}), flush=True)


if __name__ == "__main__":
    main()
