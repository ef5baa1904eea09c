"""Faulty plugin rules: a rule that raises, returns garbage or runs too long gives E900
for that rule and file; the other rules and files still run and the exit code says so."""

from __future__ import annotations

import json
import signal
import statistics
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from helpers import report
from hostile.plugins import SOURCE, module
from reportlint.cli import main
from reportlint.engine import Linter, Settings
from reportlint.plugins import load_registry
from reportlint.readers.text import source_from_text
from reportlint.timelimit import DEFAULT_RULE_TIMEOUT, RuleClock

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "faulty-2017-bureau.txt"
LIMIT = 0.3


@pytest.fixture(scope="module")
def registry():
    return load_registry(extra=[("hostile_rules", module())])


def _lint(registry, text, *, select=("ALL",), timeout=LIMIT, options=None, path="r.txt"):
    linter = Linter(Settings(select=select, rule_timeout=timeout, rule_options=options or {}), registry)
    return linter.lint_source(source_from_text(path, text)).diagnostics


def _e900(diags):
    return {d.evidence["rule"]: d.message for d in diags if d.code == "E900"}


def test_default_limit_is_five_seconds():
    assert Settings().rule_timeout == DEFAULT_RULE_TIMEOUT == 5.0


def test_spinning_and_sleeping_rules_are_stopped_the_others_still_report(registry):
    text = EXAMPLE.read_text(encoding="utf-8")
    builtin = sorted((d.code, d.line) for d in Linter(Settings()).lint_source(source_from_text("r.txt", text)).diagnostics)
    start = time.perf_counter()
    diags = _lint(registry, text)
    elapsed = time.perf_counter() - start
    # Two rules each stopped at the limit; generous slack for a loaded machine.
    assert elapsed < 2 * LIMIT + 3, elapsed
    e900 = _e900(diags)
    assert set(e900) == {"XX901", "XX902", "XX903", "XX904"}
    for code in ("XX901", "XX902"):
        assert "exceeded the time limit of 0.3 s" in e900[code].en
        assert "运行超过时间上限 0.3 秒" in e900[code].zh
    assert "ZeroDivisionError" in e900["XX903"].en
    assert "not a Finding" in e900["XX904"].en
    assert [d.code for d in diags].count("XX906") == 1  # the well-behaved plugin rule still reports
    rest = sorted((d.code, d.line) for d in diags if not d.code.startswith(("XX", "E900")))
    assert rest == builtin  # every built-in rule ran and found what it finds alone
    assert all(d.severity.value == "error" for d in diags if d.code == "E900")


def test_a_rule_that_finishes_within_the_limit_is_not_affected(registry):
    diags = _lint(registry, report(2017), select=("XX902", "XX906", "E900"), options={"XX902": {"seconds": 0.05}})
    assert [d.code for d in diags] == ["XX906"]


def test_cross_report_rule_that_never_ends_is_stopped(registry):
    linter = Linter(Settings(select=("XX905", "XX906", "E900"), rule_timeout=LIMIT), registry)
    prev = linter.lint_source(source_from_text("2016.txt", report(2016)))
    cur = linter.lint_source(source_from_text("2017.txt", report(2017)))
    start = time.perf_counter()
    linter.lint_across([prev, cur])
    assert time.perf_counter() - start < LIMIT + 3
    assert [d.code for d in prev.diagnostics] == ["XX906"]
    assert sorted(d.code for d in cur.diagnostics) == ["E900", "XX906"]
    assert "exceeded the time limit" in _e900(cur.diagnostics)["XX905"].en


def test_in_a_worker_thread_the_overrun_is_measured_and_reported_after_the_fact(registry):
    # No SIGALRM outside the main thread: the rule runs to its end (0.5 s) and is then reported.
    out = {}
    t = threading.Thread(target=lambda: out.update(d=_lint(registry, report(2017), select=("XX902", "XX906", "E900"),
                                                            timeout=0.1, options={"XX902": {"seconds": 0.5}})))
    t.start()
    t.join(30)
    assert sorted(d.code for d in out["d"]) == ["E900", "XX906"]
    assert "exceeded the time limit of 0.1 s" in _e900(out["d"])["XX902"].en


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="POSIX interval timers")
def test_someone_elses_alarm_is_left_alone(registry):
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *a: fired.append(1))
    signal.setitimer(signal.ITIMER_REAL, 30)
    try:
        diags = _lint(registry, report(2017), select=("XX902", "E900"), timeout=0.1, options={"XX902": {"seconds": 0.3}})
        assert "exceeded the time limit" in _e900(diags)["XX902"].en  # measured instead
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 20  # their timer still runs
        assert signal.getsignal(signal.SIGALRM) is not None and not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="POSIX interval timers")
def test_the_clock_restores_the_signal_state():
    before = signal.getsignal(signal.SIGALRM)
    with RuleClock(5) as clock:
        assert clock.interrupting
        clock.enter()
        clock.leave()
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_clock_overhead_per_file_is_well_under_a_tenth_of_a_millisecond():
    # One file = one clock block with ~50 rule calls (two syscalls per file, not per rule).
    samples = []
    for _ in range(300):
        start = time.perf_counter()
        with RuleClock(5) as clock:
            for _ in range(50):
                clock.enter()
                clock.leave()
        samples.append(time.perf_counter() - start)
    assert statistics.median(samples) < 1e-4, statistics.median(samples)


@pytest.fixture
def plugin_dir(tmp_path):
    name = f"hostile_rules_{uuid.uuid4().hex[:8]}"
    (tmp_path / f"{name}.py").write_text(SOURCE, encoding="utf-8")
    yield tmp_path, name
    sys.modules.pop(name, None)


def test_cli_exit_code_and_second_file_with_a_configured_time_limit(plugin_dir, capsys, monkeypatch):
    folder, name = plugin_dir
    (folder / "reportlint.toml").write_text(
        f'select = ["XX901", "XX906", "W601", "E"]\nplugins = ["{name}.py"]\nrule-timeout = {LIMIT}\n', encoding="utf-8")
    (folder / "a.txt").write_text(report(2017, "截止目前，共3条。"), encoding="utf-8")
    (folder / "b.txt").write_text(report(2018), encoding="utf-8")
    monkeypatch.chdir(folder)
    start = time.perf_counter()
    code = main(["check", "a.txt", "b.txt", "--format", "json", "--no-cache", "--jobs", "1", "--lang", "en"])
    elapsed = time.perf_counter() - start
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    found = sorted((d["path"], d["code"]) for d in json.loads(out)["diagnostics"])
    assert found == [("a.txt", "E900"), ("a.txt", "W601"), ("a.txt", "XX906"), ("b.txt", "E900"), ("b.txt", "XX906")]
    assert code == 1  # E900 is an error
    assert elapsed < 2 * LIMIT + 5, elapsed


def test_cli_time_limit_in_worker_processes(plugin_dir, capsys, monkeypatch):
    # --jobs runs files in worker processes, whose main thread interrupts with SIGALRM too.
    folder, name = plugin_dir
    (folder / "reportlint.toml").write_text(
        f'select = ["XX901", "XX906", "E"]\nplugins = ["{name}.py"]\nrule-timeout = {LIMIT}\n', encoding="utf-8")
    for year in (2015, 2017, 2019):
        (folder / f"{year}.txt").write_text(report(year, agency=f"某{year}局"), encoding="utf-8")
    monkeypatch.chdir(folder)
    code = main(["check", ".", "--format", "json", "--no-cache", "--jobs", "2", "--lang", "en"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    found = sorted((d["path"], d["code"]) for d in json.loads(out)["diagnostics"])
    assert [c for _, c in found] == ["E900", "XX906"] * 3, found
    assert code == 1
