"""--jobs: worker processes give the same output, in the same order, as one process.

The corpus: the bundled examples plus, per example, a copy with one number
changed (different findings per file, so any reordering shows), and a
two-year pair of one agency's 2021-format reports whose carried-over numbers
disagree (X701 must still be found when the reports were linted in workers).
"""

from __future__ import annotations

import os
import shutil

import pytest

import tablegen as g
from reportlint import batch
from reportlint.cli import main
from reportlint.engine import Linter, Settings
from reportlint.hookspecs import hookimpl
from reportlint.plugins import load_registry
from reportlint.rule import Finding, Message, Rule, Severity
from reportlint.source import Span

EXAMPLES = os.path.join(os.path.dirname(__file__), os.pardir, "examples")


def _corpus(tmp_path) -> str:
    root = tmp_path / "reports"
    root.mkdir()
    for name in sorted(os.listdir(EXAMPLES)):
        if name.endswith(".txt"):
            shutil.copy(os.path.join(EXAMPLES, name), root / name)
            text = (root / name).read_text(encoding="utf-8")
            (root / ("variant-" + name)).write_text(text.replace("1", "7", 3), encoding="utf-8")
    t3_2020 = g.t3_tabs(g.t3_values())
    v = g.t3_values()
    v["carried"] = [5, 0, 0, 0, 0, 0, 5]  # last year's 结转下年度 was [1, 1, 0, 0, 0, 0, 2]
    (root / "pair-2020.txt").write_text(g.report_2021(t3_2020, year=2020, agency="安平市某某局"), encoding="utf-8")
    (root / "pair-2021.txt").write_text(g.report_2021(g.t3_tabs(v), year=2021, agency="安平市某某局"), encoding="utf-8")
    return str(root)


def _run(capsys, *args) -> tuple[int, str]:
    code = main(["check", *args, "--no-cache"])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_jobs_do_not_change_output(tmp_path, capsys, fmt):
    root = _corpus(tmp_path)
    one = _run(capsys, root, "--format", fmt, "--jobs", "1")
    two = _run(capsys, root, "--format", fmt, "--jobs", "2")
    auto = _run(capsys, root, "--format", fmt)
    assert one == two == auto
    assert one[0] == 1
    assert "X701" in one[1]  # the cross-report pair survived the worker processes
    assert one[1].count("variant-") > 0


def test_results_keep_discovery_order_and_are_slim_from_workers(tmp_path):
    root = _corpus(tmp_path)
    linter = Linter(Settings())
    serial = linter.lint_paths([root], jobs=1)
    parallel = linter.lint_paths([root], jobs=2)
    assert [r.path for r in serial] == [r.path for r in parallel] == [p for p, _ in linter.discover([root])]
    assert [[(d.code, d.span) for d in r.diagnostics] for r in serial] == \
           [[(d.code, d.span) for d in r.diagnostics] for r in parallel]
    assert all(r.report is None for r in parallel if not r.path.endswith(("pair-2020.txt", "pair-2021.txt")))
    assert all(r.source.lines == s.source.lines for r, s in zip(parallel, serial))


def test_effective_jobs():
    assert batch.effective_jobs(None, 3) == 1  # too few files to pay for processes
    assert batch.effective_jobs(None, 100) == min(batch.available_cpus(), 50)
    assert batch.effective_jobs(4, 2) == 2  # never more workers than files
    assert batch.effective_jobs(1, 100) == 1


def test_progress_counts_every_file_once(tmp_path):
    root = _corpus(tmp_path)
    seen: list[tuple[int, int]] = []
    results = Linter(Settings()).lint_paths([root], jobs=2, progress=lambda done, total: seen.append((done, total)))
    n = len(results)
    assert seen == [(i, n) for i in range(1, n + 1)]


def test_jobs_argument_is_validated(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", EXAMPLES, "--jobs", "0"])
    assert exc.value.code == 2
    assert "positive" in capsys.readouterr().err


class _DiesInWorkers(Rule):
    """作用：测试用：在工作进程中直接退出，模拟崩溃的工作进程。"""

    code, name, severity = "ZZ990", "dies-in-workers", Severity.INFO
    parent = os.getpid()

    def check(self, report, ctx):
        if os.getpid() != self.parent:
            os._exit(3)
        yield Finding(Span(1, 1, 1, 2), Message("到此一游", "was here"))


class _Plugin:
    @staticmethod
    @hookimpl
    def reportlint_rules():
        return [_DiesInWorkers]


def test_a_dead_worker_does_not_lose_files(tmp_path):
    root = _corpus(tmp_path)
    registry = load_registry([("dies", _Plugin)])
    linter = Linter(Settings(select=("ZZ990", "E")), registry)
    results = linter.lint_paths([root], jobs=2)
    assert len(results) == len(linter.discover([root]))
    structured = [r for r in results if r.structured]
    assert structured and all("ZZ990" in [d.code for d in r.diagnostics] for r in structured)
    assert not any(d.code == "E900" for r in results for d in r.diagnostics)


def test_spawned_workers_rebuild_the_configured_linter(tmp_path, capsys, monkeypatch):
    """Where fork is not available (macOS, Windows) workers are spawned and build the linter anew."""
    import multiprocessing

    root = _corpus(tmp_path)
    expected = _run(capsys, root, "--format", "json", "--jobs", "1")
    monkeypatch.setattr(batch, "_context", lambda: (multiprocessing.get_context("spawn"), False))
    assert _run(capsys, root, "--format", "json", "--jobs", "2") == expected


def test_slim_results_keep_memory_bounded_and_findings_equal(tmp_path):
    """The CLI asks for slim results: no parsed report is kept per file, findings are the same."""
    root = _corpus(tmp_path)
    linter = Linter(Settings())
    full = linter.lint_paths([root], jobs=1)
    slim = linter.lint_paths([root], jobs=1, slim=True)
    assert [[(d.code, d.span, d.message) for d in r.diagnostics] for r in full] == \
           [[(d.code, d.span, d.message) for d in r.diagnostics] for r in slim]
    kept = [os.path.basename(r.path) for r in slim if r.report is not None]
    assert kept == ["pair-2020.txt", "pair-2021.txt"]  # parsed again for their cross-report rules only
    assert all(r.source.logical == () for r in slim)


def _years(tmp_path, agencies: int = 5):
    """Each of ``agencies`` agencies' 2020 and 2021 reports, 2021 carrying over what 2020 did not pass on."""
    root = tmp_path / "years"
    root.mkdir()
    for k in range(agencies):
        last, this = g.t3_values(), g.t3_values()
        this["carried"] = [5 + k, 0, 0, 0, 0, 0, 5 + k]
        agency = f"安平市第{k + 1}局"
        (root / f"{k}-2020.txt").write_text(g.report_2021(g.t3_tabs(last), year=2020, agency=agency), encoding="utf-8")
        (root / f"{k}-2021.txt").write_text(g.report_2021(g.t3_tabs(this), year=2021, agency=agency), encoding="utf-8")
    return str(root)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_cross_report_pairs_are_computed_in_workers_with_the_same_output(tmp_path, capsys, monkeypatch, fmt):
    root = _years(tmp_path)
    one = _run(capsys, root, "--format", fmt, "--jobs", "1")
    here = []
    real = Linter.pair_findings
    monkeypatch.setattr(Linter, "pair_findings", lambda self, p, c: here.append(c.path) or real(self, p, c))
    two = _run(capsys, root, "--format", fmt, "--jobs", "2")
    assert one == two and one[1].count("X701") >= 5  # one per agency, at least
    assert here == []  # forked workers ran every pair (the parent's patched method was never called)


def test_pairs_are_computed_here_when_workers_cannot_be_used(tmp_path, capsys, monkeypatch):
    root = _years(tmp_path)
    one = _run(capsys, root, "--format", "json", "--jobs", "1")
    monkeypatch.setattr(batch, "_map_in_workers", lambda *a: None)
    assert _run(capsys, root, "--format", "json", "--jobs", "2") == one


def test_spawned_workers_compute_the_pairs_too(tmp_path, capsys, monkeypatch):
    import multiprocessing

    root = _years(tmp_path)
    one = _run(capsys, root, "--format", "json", "--jobs", "1")
    monkeypatch.setattr(batch, "_context", lambda: (multiprocessing.get_context("spawn"), False))
    monkeypatch.setattr(batch, "_serial", None)  # every file linted in the spawned workers, or this fails

    def not_here(self, prev, cur):
        raise AssertionError("a pair computed in the parent")

    monkeypatch.setattr(Linter, "pair_findings", not_here)  # spawned workers import the real one
    assert _run(capsys, root, "--format", "json", "--jobs", "2") == one
