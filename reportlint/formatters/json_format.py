"""Machine-readable output: ``{"diagnostics": [...], "summary": {...}}``.

The shape is a promise to scripts, so it is written down as a JSON Schema shipped
in the package (reportlint/schemas/output.schema.json) and the tests validate the
output on the examples against it: change both together.
"""

from __future__ import annotations

import json

from reportlint.formatters import FormatOptions, summarize


def format_results(results, options: FormatOptions) -> str:
    diagnostics = [d.to_dict(options.lang) for r in results for d in r.diagnostics]
    summary = summarize(results)
    baselines = getattr(options, "baselines", ())  # reportlint.baseline.BaselineFormatOptions
    if baselines:
        from reportlint.baseline import summary_dict

        summary["baseline"] = summary_dict(baselines)
    return json.dumps({"diagnostics": diagnostics, "summary": summary}, ensure_ascii=False, indent=2) + "\n"
