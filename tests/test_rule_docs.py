"""Every rule matches the catalogue and documents itself.

RULES.md is the contract: codes, names and default severities are stable. This
test reads the catalogue table of the shared spec when it is present (CI has
``../shared`` beside the checkout) and a copy of the rows otherwise.
"""

from __future__ import annotations

import os
import re

import pytest

from reportlint.plugins import load_registry

HEADINGS = ("作用", "为什么", "示例（错误）", "示例（正确）", "选项")
SPEC = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "spec", "RULES.md")
REGISTRY = load_registry()
RULES = {c: r for c, r in REGISTRY.rules.items() if REGISTRY.rule_plugins[c] == "builtin"}


def _catalogue() -> dict[str, tuple[str, str]]:
    rows = {}
    with open(SPEC, encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r"\|\s*([A-Z]\d{3})\s*\|\s*([a-z0-9-]+)\s*\|\s*(error|warning|info)\s*\|", line)
            if m:
                rows[m.group(1)] = (m.group(2), m.group(3))
    return rows


@pytest.mark.skipif(not os.path.exists(SPEC), reason="shared/spec/RULES.md is not beside this checkout")
@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_matches_catalogue(code):
    catalogue = _catalogue()
    assert code in catalogue, f"{code} is not in RULES.md"
    rule = RULES[code]
    assert (rule.name, rule.severity.value) == catalogue[code]


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_docstring_has_required_headings(code):
    doc = RULES[code].doc()
    lines = [l.strip() for l in doc.splitlines()]
    for heading in HEADINGS:
        assert heading in lines, f"{code}: docstring lacks the heading {heading}"
    assert lines.index("示例（错误）") < lines.index("示例（正确）")
