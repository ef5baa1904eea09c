"""Formatters turn a run's results into text. Each is ``(results, options) -> str``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from reportlint.rule import Severity


@dataclass(frozen=True)
class FormatOptions:
    lang: str = "zh"
    color: bool = False


def summarize(results: Iterable) -> dict:
    """Counts shared by every formatter's summary."""
    results = list(results)
    by_sev = Counter(d.severity.value for r in results for d in r.diagnostics)
    by_code = Counter(d.code for r in results for d in r.diagnostics)
    return {
        "files": len(results),
        "files_with_findings": sum(1 for r in results if r.diagnostics),
        "total": sum(by_sev.values()),
        "by_severity": {s.value: by_sev.get(s.value, 0) for s in Severity},
        "by_code": dict(sorted(by_code.items())),
    }
