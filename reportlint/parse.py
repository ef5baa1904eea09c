"""From a Source to a Report: line lexer → LALR tables of the lark grammar → blocks.

The grammar (``grammars/report.lark``) sees one token per logical line. A
custom line lexer classifies the lines, which is both the fast path (no
character-level scanning) and the right level: what a line *is* (heading,
table row, signature …) is decided by the reader's repair and the shared
patterns, and the grammar arranges those lines into a report. lark compiles
the grammar to LALR(1) tables; ``reportlint/lalr.py`` runs them (see there
why lark itself is not imported for every check).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from reportlint import lalr, rx
from reportlint.facts.dates import parse_date_line
from reportlint.facts.identity import agency_kind, find_periods, title_agency, title_year
from reportlint.model import Cell, Era, Heading, Paragraph, Report, Row, Section, Table
from reportlint.patterns import cn_number, match_heading
from reportlint.source import LogicalLine, Source

_META_RE = rx.compile(r"统计期限|统计时间|统计时限|电话|邮箱|地址|邮编|传真|网址")


class ParseError(Exception):
    """The lines could not be arranged into a report (a bug, reported as E002)."""


_ROLE_TOKENS = {"title": "TITLE", "signature": "SIGNATURE", "closing-date": "CLOSING_DATE"}
_HEADING_TOKENS = (None, "HEADING1", "HEADING2", "HEADING3", "HEADING4")


def _tokens(source: Source) -> Iterator[tuple]:
    """One (terminal, index of the logical line) pair per logical line.

    A heading's token carries its (level, match) as a third item, so that the
    heading is not matched a second time when its block is made.
    """
    seen_heading = False
    roles = source.roles
    for i, line in enumerate(source.logical):
        if i in roles and roles[i] in _ROLE_TOKENS:
            yield (_ROLE_TOKENS[roles[i]], i)
        elif line.kind == "row":
            yield ("ROW", i)
        else:
            h = match_heading(line.text)
            if h:
                seen_heading = True
                yield (_HEADING_TOKENS[h[0]], i, h)
            elif not seen_heading and _META_RE.search(line.text):
                yield ("META", i)
            else:
                yield ("TEXT", i)


_tables: lalr.Tables | None = None


def _get_tables() -> lalr.Tables:
    """The grammar's tables: the stored ones when they were built from this very grammar text.

    A grammar edited without writing the tables again (``python -m
    reportlint.lalr``) is compiled by lark here, so it is never run with stale tables.
    """
    global _tables
    if _tables is None:
        from reportlint import grammars
        from reportlint.grammars import report_lalr as stored

        with open(os.path.join(os.path.dirname(grammars.__file__), "report.lark"), encoding="utf-8") as fh:
            grammar = fh.read()
        if grammar == stored.GRAMMAR:
            _tables = lalr.Tables(stored.START, stored.ACCEPT, stored.RULES, stored.STATES)
        else:
            _tables = lalr.compile_grammar(grammar)
    return _tables


def _heading(line: LogicalLine, matched) -> Heading:
    level, m = matched  # match_heading(line.text)
    num_text = m.group("num")
    number = int(num_text) if num_text.isdigit() else cn_number(num_text)
    return Heading(line, level=level, number=number, marker=m.group(0).strip(" \u3000"),
                   separator=m.group("sep"), title=line.text[m.end():].strip())


def _callbacks(lines: tuple[LogicalLine, ...]) -> dict:
    """What each grammar rule makes of its children; a token is (terminal, line index)."""

    def title(items):
        return ("title", Paragraph(lines[items[0][1]], role="title"))

    def heading(items):
        token = items[0]
        return _heading(lines[token[1]], token[2])

    def paragraph(items):
        return Paragraph(lines[items[0][1]])

    def meta(items):
        return Paragraph(lines[items[0][1]], role="meta")

    def table(items):
        rows = []
        for _, i in items:
            line = lines[i]
            rows.append(Row(tuple(map(Cell, line.cells)), line))
        return Table(tuple(rows))

    def closing(items):
        return ("closing", tuple(Paragraph(lines[i], role="signature" if kind == "SIGNATURE" else "closing-date")
                                 for kind, i in items))

    def start(items):
        return items

    return {"title": title, "heading": heading, "paragraph": paragraph, "meta": meta, "table": table,
            "closing": closing, "start": start}


class _Node:
    __slots__ = ("heading", "items", "children")

    def __init__(self, heading):
        self.heading = heading
        self.items = []
        self.children = []

    def freeze(self) -> Section:
        return Section(self.heading, tuple(self.items), tuple(c.freeze() for c in self.children))


def _build_sections(blocks) -> tuple[Section, ...]:
    """Nest sections by heading level with a stack; never fails on odd orders."""
    root = _Node(None)
    stack = [root]
    for b in blocks:
        if isinstance(b, Heading):
            while len(stack) > 1 and stack[-1].heading.level >= b.level:
                stack.pop()
            node = _Node(b)
            stack[-1].children.append(node)
            stack.append(node)
        elif len(stack) > 1 and not (isinstance(b, Paragraph) and b.role):
            stack[-1].items.append(b)
    return tuple(c.freeze() for c in root.children)


def parse_source(source: Source) -> Report:
    """Build the Report for a Source. Raises :class:`ParseError` only on a grammar bug."""
    try:
        items = lalr.run(_get_tables(), _tokens(source), _callbacks(source.logical))
    except lalr.LalrError as exc:  # pragma: no cover - the lexer only emits valid sequences
        raise ParseError(str(exc)) from exc

    title = None
    closing: tuple[Paragraph, ...] = ()
    blocks = []
    for item in items:
        if isinstance(item, tuple) and item[0] == "title":
            title = item[1]
            blocks.append(title)
        elif isinstance(item, tuple) and item[0] == "closing":
            closing = item[1]
            blocks.extend(closing)
        else:
            blocks.append(item)

    year = title_year(title.text) if title else None
    periods = find_periods(b for b in blocks if isinstance(b, Paragraph))
    if year is None and periods:
        year = periods[0].end.year
    agency = title_agency(title.text) if title else None
    signature = [p for p in closing if p.role == "signature"]
    if agency is None and signature:
        agency = "".join(p.text for p in signature).replace(" ", "")
    date_block = next((p for p in closing if p.role == "closing-date"), None)
    closing_date = parse_date_line(date_block.text) if date_block else None

    return Report(
        path=source.path,
        source=source,
        blocks=tuple(blocks),
        sections=_build_sections(blocks),
        title=title,
        closing=closing,
        agency=agency,
        agency_kind=agency_kind(agency),
        year=year,
        era=Era.for_year(year) if year else None,
        periods=periods,
        closing_date=closing_date,
        closing_date_block=date_block,
    )
