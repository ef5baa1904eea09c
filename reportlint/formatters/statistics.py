"""``--statistics``: how often each rule fired, most frequent first.

Like ruff, the statistics replace the listing of findings: the question "what
kinds of problems, how many" is a different view of the run, not an appendix to
it. Lines are ``count  code  name  description`` (description in the run's
language), sorted by count descending, then code; with ``--format json`` the same
rows are a JSON array of ``{"code", "name", "severity", "count", "fixable",
"description"}``. Every other format prints the text table.
"""

from __future__ import annotations

import json
from collections import Counter

from reportlint.formatters import FormatOptions, rule_summary, summary_line


def rows(results, options: FormatOptions) -> list[dict]:
    counts: Counter = Counter()
    first: dict = {}
    fixable: Counter = Counter()
    for r in results:
        for d in r.diagnostics:
            counts[d.code] += 1
            first.setdefault(d.code, d)
            fixable[d.code] += bool(d.fix)
    return [{"code": code, "name": first[code].name, "severity": first[code].severity.value, "count": n,
             "fixable": fixable[code] > 0, "description": rule_summary(options, code)}
            for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def format_statistics(results, options: FormatOptions, *, as_json: bool = False) -> str:
    table = rows(results, options)
    if as_json:
        return json.dumps(table, ensure_ascii=False, indent=2) + "\n"
    width = max((len(str(row["count"])) for row in table), default=1)
    code_width = max((len(row["code"]) for row in table), default=4)
    name_width = max((len(row["name"]) for row in table), default=4)
    out = [f"{row['count']:>{width + 2}}  {row['code']:<{code_width}}  {row['name']:<{name_width}}  {row['description']}".rstrip()
           for row in table]
    out.append(summary_line(results, options.lang))
    return "\n".join(out) + "\n"
