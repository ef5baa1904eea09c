"""The built-in rules, registered through the ``reportlint`` entry-point group.

This module is the plugin object of the entry point ``builtin``; it is
installed as ``reportlint.rules`` (the repository keeps it at the top level so
engine, rules and grammar sit side by side). Like the core plugin, its hook is
a plain function, which reportlint.plugins marks for pluggy when pluggy is used.
"""

from __future__ import annotations


def reportlint_rules():
    from reportlint.rules import citations, crosscheck, crossreport, dates, input, numbers, sections, structure, tables, wording

    return [
        *input.RULES,
        *structure.RULES,
        *sections.RULES,
        *numbers.RULES,
        *crosscheck.RULES,
        *dates.RULES,
        *citations.RULES,
        *wording.RULES,
        *tables.RULES,
        *crossreport.RULES,
    ]
