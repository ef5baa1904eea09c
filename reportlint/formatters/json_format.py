"""Machine-readable output: ``{"diagnostics": [...], "summary": {...}}``."""

from __future__ import annotations

import json

from reportlint.formatters import FormatOptions, summarize


def format_results(results, options: FormatOptions) -> str:
    diagnostics = [d.to_dict(options.lang) for r in results for d in r.diagnostics]
    return json.dumps({"diagnostics": diagnostics, "summary": summarize(results)}, ensure_ascii=False, indent=2) + "\n"
