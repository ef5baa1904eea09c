"""Where a report's time goes: each stage of the pipeline and each rule, in ms per 20 KB.

    python benchmarks/stages.py [--reports 200] [--repeat 5] [--top 20]

``run.py`` says how fast reportlint is; this says where to look when it is not
fast enough. Everything runs in this process on the benchmark corpus, each
stage over all reports at once and repeated, keeping the fastest repeat (the
machine is shared: the minimum is the figure least disturbed by others):

- read: decode the bytes and repair the layout (``Source``);
- parse: line tokens, the LALR tables, the model (``Report``);
- facts: what rules share and compute lazily — the joined texts, dates,
  tables — paid here once so that no rule is charged for them;
- rules: every rule's ``check`` on reports whose shared facts are ready, so
  that what the rules compute lazily the first time is counted here;
- each rule alone, on reports where its lazy facts are already cached (its
  own work only: the sum is less than the rules stage);
- all: ``Linter.lint_bytes`` as a check runs it; what it takes beyond the
  stages is the engine's own work and the cycle collector's (this process
  keeps Python's default collector, and the stage keeps all its results).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from benchmarks.corpus import generate  # noqa: E402


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _facts(report) -> None:
    report.headings, report.paragraphs, report.tables, report._index_all, report._index_prose
    facts = report.facts
    facts.dates, facts.month_days, facts.tables


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--top", type=int, default=20, help="rules listed (the slowest first)")
    args = ap.parse_args(argv)

    from reportlint.engine import Linter
    from reportlint.parse import parse_source
    from reportlint.readers.text import read_text

    docs = [(n, t.encode("utf-8")) for n, t in generate(args.reports)]
    scale = 20 * 1024 * len(docs) / sum(len(d) for _, d in docs)  # per report -> per 20 KB
    linter = Linter()
    for n, d in docs[:10]:
        linter.lint_bytes(n, d)  # warm every lazy table and memory once

    def per20(seconds: float) -> float:
        return seconds / len(docs) * scale * 1e3

    sources = [read_text(n, d) for n, d in docs]
    stages = {
        "read": _best(lambda: [read_text(n, d) for n, d in docs], args.repeat),
        "parse": _best(lambda: [parse_source(s) for s in sources], args.repeat),
    }

    def parsed():
        return [parse_source(s) for s in sources]

    batches = [parsed() for _ in range(args.repeat)]
    stages["facts"] = _best(lambda: [_facts(r) for r in batches.pop()], args.repeat)

    def with_facts():
        reports = parsed()
        for r in reports:
            _facts(r)
        return reports

    def run_rules(reports) -> None:
        for r in reports:
            for rule, ctx, _ in linter._per_report:
                if linter._applies(rule, r):
                    list(rule.check(r, ctx) or ())

    # All rules on reports with only the shared facts ready: what a rule computes
    # lazily (and caches on the report) the first time is paid here, once.
    batches = [with_facts() for _ in range(args.repeat)]
    stages["rules"] = _best(lambda: run_rules(batches.pop()), args.repeat)
    rules = {}
    ready = with_facts()
    for rule, ctx, _ in linter._per_report:
        applies = [r for r in ready if linter._applies(rule, r)]
        rules[rule.code] = _best(lambda: [list(rule.check(r, ctx) or ()) for r in applies], args.repeat)
    stages["all"] = _best(lambda: [linter.lint_bytes(n, d) for n, d in docs], args.repeat)

    print(f"{len(docs)} reports, {sum(len(d) for _, d in docs) / len(docs) / 1024:.1f} KB on average; "
          f"ms per 20 KB, fastest of {args.repeat}")
    rest = stages["all"] - sum(v for k, v in stages.items() if k != "all")
    print("  " + " | ".join(f"{k} {per20(v):.2f}" for k, v in stages.items())
          + f" | the rest (engine, cycle collector) {per20(rest):.2f}")
    print(f"  each rule alone, its lazy facts already cached (together {per20(sum(rules.values())):.2f}):")
    for code, t in sorted(rules.items(), key=lambda x: -x[1])[: args.top]:
        print(f"  {code} {per20(t):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
