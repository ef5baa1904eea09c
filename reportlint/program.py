"""The ``reportlint`` program (and ``python -m reportlint``): the command line as a process of its own.

Why not ``sys.exit(main())``: at exit the interpreter frees every module,
class and object one by one and runs the cycle collector three times, for
memory the operating system takes back anyway. For a one-file check — a
pre-commit hook's run — that was ~16 M instructions (~5 ms, a tenth of the
run). So when nothing waits for the exit, the program flushes its output and
ends the process at once with ``os._exit``.

Something may wait when an ``atexit`` function is registered (multiprocessing,
logging, tempfile's clean-up and coverage register one), when a tracer or
profiler is on, when another thread runs, under ``python -i``, or when any
plugin other than reportlint's own was loaded (its code may count on the
interpreter's exit, say to flush a log file it never closed); then the exit is
the usual one. Every file reportlint writes is closed (and
renamed into place) before :func:`reportlint.cli.main` returns, so nothing of
ours is lost. ``main()`` itself, called from Python, never exits the process.
"""

from __future__ import annotations

import os
import sys


def run() -> None:
    """The console script: run the command line, then end the process."""
    from reportlint.cli import main

    try:
        code = main()
    except SystemExit as stop:  # argparse's usage errors and --help
        code = stop.code
    finish(code)


def finish(code: object) -> None:
    """End the process with ``code``, at once when nothing waits for the interpreter's exit."""
    if code is None:
        code = 0
    if isinstance(code, int) and _flushed() and nothing_waits_for_exit():
        os._exit(code & 0xFF)
    sys.exit(code)


def _flushed() -> bool:
    """Flush stdout and stderr; False when that fails (a closed pipe: the usual exit reports it)."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return False
    return True


def nothing_waits_for_exit() -> bool:
    """No atexit function, tracer, profiler, other thread, ``-i`` or foreign plugin: the exit would only free memory."""
    import atexit

    pending = getattr(atexit, "_ncallbacks", None)  # CPython's count of registered functions
    if pending is None or pending():
        return False
    if sys.gettrace() is not None or sys.getprofile() is not None or sys.flags.inspect:
        return False
    plugins = sys.modules.get("reportlint.plugins")
    if plugins is not None and plugins.foreign_plugins_loaded:
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1
