"""SARIF 2.1.0, for GitHub code scanning and other tools that read static-analysis logs.

One run; ``tool.driver.rules`` describes every rule that has a finding (id, name,
one-line description, the documentation page as help, default level), each result
points at its rule by ``ruleId`` and ``ruleIndex``, and its location is the file
(relative URI, forward slashes, percent-encoded) with a region in the file's own
lines and columns. A .docx/.pdf finding also carries its locator as a logical
location ("t2r3c4", with the description in the run's language), because its
region counts the reader's rendered lines, not anything in the binary file.
Texts are in the run's language, which ``run.language`` records.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from reportlint.formatters import FormatOptions, rule_summary

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """``path`` as a URI reference relative to the working folder (forward slashes,
    percent-encoded), or a ``file:`` URI when it lies outside that folder."""
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute)
    except ValueError:  # another drive (Windows)
        rel = os.pardir
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return Path(absolute).as_uri()
    return quote(rel.replace(os.sep, "/"), safe="/")


def _descriptor(code: str, d, options: FormatOptions) -> dict:
    rule = options.rules.get(code)
    if rule is None:  # a finding of a rule the registry does not know (should not happen)
        return {"id": code, "name": d.name, "shortDescription": {"text": d.name},
                "defaultConfiguration": {"level": LEVELS[d.severity.value]}}
    short = rule_summary(options, code) or rule.name
    page = rule.doc(options.lang).strip()
    first = page.split("\n\n", 1)[0].strip() if page else short
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": first},
        "help": {"text": page or short},
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": {"fixable": bool(getattr(rule, "fixable", False))},
    }


def _result(d, index: int, options: FormatOptions) -> dict:
    s = d.span
    end_line, end_column = max(s.end_line, s.line), s.end_column
    if end_line == s.line and end_column < s.column:
        end_column = s.column
    location: dict = {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(d.path)},
            "region": {"startLine": s.line, "startColumn": s.column, "endLine": end_line, "endColumn": end_column},
        }
    }
    if getattr(d, "locator", None):
        from reportlint.source import describe_locator

        location["logicalLocations"] = [{"name": describe_locator(d.locator, options.lang),
                                         "fullyQualifiedName": d.locator, "kind": "element"}]
    return {
        "ruleId": d.code,
        "ruleIndex": index,
        "level": LEVELS[d.severity.value],
        "message": {"text": d.message.get(options.lang)},
        "locations": [location],
        "properties": {"severity": d.severity.value, "fixable": bool(d.fix)},
    }


def sarif_log(results, options: FormatOptions) -> dict:
    """The SARIF log as a dict (the formatter serializes it)."""
    from reportlint import __version__

    diagnostics = [d for r in results for d in r.diagnostics]
    first = {}
    for d in diagnostics:
        first.setdefault(d.code, d)
    codes = sorted(first)
    index = {c: i for i, c in enumerate(codes)}
    driver = {
        "name": "reportlint",
        "version": __version__,
        "rules": [_descriptor(c, first[c], options) for c in codes],
    }
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "language": "zh-CN" if options.lang == "zh" else "en-US",
            "columnKind": "unicodeCodePoints",
            "results": [_result(d, index[d.code], options) for d in diagnostics],
        }],
    }


def format_results(results, options: FormatOptions) -> str:
    return json.dumps(sarif_log(results, options), ensure_ascii=False, indent=2) + "\n"
