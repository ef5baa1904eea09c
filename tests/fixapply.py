"""Apply a rule's Edits to the original text, the way ``--fix`` must: tests of the fixable rules.

Edits are sorted by position, must not overlap, must not cross a line break,
and must lie inside the span of the finding that carries them. Applying them
splices the replacements into the original text.
"""

from __future__ import annotations

from helpers import linter

from reportlint.readers.text import source_from_text


def diags(text: str, code: str):
    """The diagnostics of one rule for ``text`` (not dedented: spans refer to ``text`` as given)."""
    return linter((code,)).lint_source(source_from_text("snippet.txt", text)).diagnostics


def _offsets(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _inside(inner, outer) -> bool:
    return ((outer.line, outer.column) <= (inner.line, inner.column)
            and (inner.end_line, inner.end_column) <= (outer.end_line, outer.end_column))


def apply_edits(text: str, diagnostics) -> str:
    """Splice every fix of ``diagnostics`` into ``text`` after checking the edits are sound."""
    starts = _offsets(text)
    edits = []
    for d in diagnostics:
        for e in d.fix:
            s = e.span
            assert s.line == s.end_line, f"{d.code}: an edit crosses a line break: {s}"
            assert _inside(s, d.span), f"{d.code}: edit {s} lies outside the finding's span {d.span}"
            a = starts[s.line - 1] + s.column - 1
            b = starts[s.end_line - 1] + s.end_column - 1
            assert 0 <= a <= b <= len(text) and "\n" not in text[a:b]
            edits.append((a, b, e.replacement))
    edits.sort()
    for (a1, b1, _), (a2, b2, _) in zip(edits, edits[1:]):
        assert b1 <= a2 and (a1, b1) != (a2, b2), f"overlapping edits at {a1}–{b1} and {a2}–{b2}"
    out, pos = [], 0
    for a, b, rep in edits:
        out.append(text[pos:a])
        out.append(rep)
        pos = b
    out.append(text[pos:])
    return "".join(out)


def fixed(text: str, code: str) -> str:
    """``text`` after applying every fix of ``code``; asserts the fix is idempotent (the rule no longer fires)."""
    first = diags(text, code)
    assert first and all(d.fix for d in first), f"{code}: expected fixable findings"
    result = apply_edits(text, first)
    assert diags(result, code) == [], f"{code}: still fires after fixing"
    return result


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    """(old, new) for each line the fix changed (the fixes never add or remove lines)."""
    a, b = before.split("\n"), after.split("\n")
    assert len(a) == len(b)
    return [(x, y) for x, y in zip(a, b) if x != y]




def doc_example(code: str, heading: str) -> str:
    """The text under ``heading`` (示例（错误） / 示例（正确）) of rule ``code``'s docstring."""
    import re

    from reportlint.plugins import load_registry

    doc = load_registry().rules[code].doc()
    m = re.search(rf"^{heading}\n(.*?)(?=^\S|\Z)", doc, re.S | re.M)
    assert m, f"{code}: no {heading}"
    return "\n".join(line.strip() for line in m.group(1).strip("\n").splitlines())


def era_frames(code: str, body: str) -> list[str]:
    """``body`` placed as a body paragraph in a frame of each era the rule applies to."""
    from helpers import report
    from tablegen import report_2021, tables_for

    from reportlint.plugins import load_registry

    eras = {e.value for e in load_registry().rules[code].eras}
    out = []
    if "reg2008" in eras:
        out.append(report(2017, body))
    for era, year in (("fmt2019", 2020), ("fmt2021", 2022)):
        if era in eras:
            t2, t3, t4 = tables_for(year)
            out.append(report_2021(t3, t4, year=year, t2_text=t2, prose3=body))
    return out
