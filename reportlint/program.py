"""The ``reportlint`` program (and ``python -m reportlint``): the command line as a process of its own.

Why not ``sys.exit(main())``: at exit the interpreter frees every module,
class and object one by one and runs the cycle collector three times, for
memory the operating system takes back anyway. For a one-file check — a
pre-commit hook's run — that was ~7 M instructions (~2–3 ms). So the program
ends the process itself, the way the interpreter's exit begins: it flushes the
output, runs the ``atexit`` functions (multiprocessing's, which joins its
workers; tempfile's or certifi's clean-up; coverage's …), flushes again and
calls ``os._exit``; only the freeing is skipped.

It takes the usual exit when that freeing may matter or the order would
differ: a tracer or profiler is on, another thread runs (the interpreter
would wait for it first), ``python -i``, or a plugin other than reportlint's
own was loaded (its objects' finalizers and ``__del__`` methods run while the
interpreter frees them). Every file reportlint writes is closed (and renamed
into place) before :func:`reportlint.cli.main` returns, so nothing of ours is
lost. ``main()`` itself, called from Python, never exits the process.
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
    """End the process with ``code``: without freeing every object when that is safe, else the usual exit."""
    if code is None:
        code = 0
    if isinstance(code, int) and _flushed() and freeing_can_be_skipped():
        import atexit

        run_exit_functions = getattr(atexit, "_run_exitfuncs", None)  # what the usual exit calls first
        if run_exit_functions is not None:
            run_exit_functions()  # also forgets them: the usual exit below would not run them twice
            if _flushed():  # they may have printed
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


def freeing_can_be_skipped() -> bool:
    """No tracer, profiler, other thread, ``-i`` or foreign plugin: freeing the objects would only free memory."""
    if sys.gettrace() is not None or sys.getprofile() is not None or sys.flags.inspect:
        return False
    plugins = sys.modules.get("reportlint.plugins")
    if plugins is not None and plugins.foreign_plugins_loaded:
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1
