"""The built-in rules, registered through the ``reportlint`` entry-point group.

This module is the plugin object of the entry point ``builtin``; it is
installed as ``reportlint.rules`` (the repository keeps it at the top level so
engine, rules and grammar sit side by side).
"""

from __future__ import annotations

from reportlint.hookspecs import hookimpl


@hookimpl
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
