"""The program runs the cycle collector less often; a caller of main() keeps its own settings."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

from reportlint.cli import main

EXAMPLE = os.path.join(os.path.dirname(__file__), os.pardir, "examples", "faulty-2017-bureau.txt")


def test_the_program_collects_less_often_and_still_finds_the_same():
    code = ("import gc, sys\nfrom reportlint.cli import main\nsys.argv = ['reportlint', 'check', '--no-cache', %r]\n"
            "rc = main()\nprint(gc.get_threshold()[0], gc.get_freeze_count() > 0, rc, file=sys.stderr)\n" % EXAMPLE)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.stderr.split()[-3:] == ["10000", "True", "1"]
    plain = subprocess.run([sys.executable, "-m", "reportlint", "check", "--no-cache", EXAMPLE],
                           capture_output=True, text=True, check=False)
    assert run.stdout == plain.stdout and "C501" in plain.stdout


def test_main_called_with_arguments_leaves_the_collector_alone(capsys):
    before = gc.get_threshold(), gc.get_freeze_count()
    assert main(["check", "--no-cache", EXAMPLE]) == 1
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
