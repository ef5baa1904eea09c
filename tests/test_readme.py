"""The README's rule table is generated from the rules, never copied by hand."""

from __future__ import annotations

import os
import re

from reportlint.docs import rules_table
from reportlint.plugins import load_registry

README = os.path.join(os.path.dirname(__file__), "..", "README.md")


def test_readme_rule_table_is_current():
    text = open(README, encoding="utf-8").read()
    m = re.search(r"<!-- rules:start -->\n(.*?)\n<!-- rules:end -->", text, re.S)
    assert m, "README lacks the generated rule table markers"
    registry = load_registry()
    builtin = type(registry)({c: r for c, r in registry.rules.items() if registry.rule_plugins[c] == "builtin"},
                             registry.rule_plugins, {}, {}, {}, {})
    assert m.group(1).strip() == rules_table(builtin, markdown=True).strip(), \
        "regenerate with: reportlint rules --format markdown"


def test_readme_starts_with_the_two_setup_commands():
    text = open(README, encoding="utf-8").read()
    block = re.search(r"```sh\n(.*?)```", text, re.S).group(1).splitlines()
    assert block[0] == "python -m pip install . && reportlint check examples/"
    assert block[1] == 'python -m pip install -e ".[dev]" && python -m pytest'
    ci = open(os.path.join(os.path.dirname(__file__), "..", ".ci", "run"), encoding="utf-8").read()
    assert block[1] in ci
