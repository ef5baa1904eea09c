"""From a Source to a Report: line lexer → lark LALR grammar → transformer.

The grammar (``grammars/report.lark``) sees one token per logical line. A
custom line lexer classifies the lines, which is both the fast path (no
character-level scanning by lark) and the right level: what a line *is*
(heading, table row, signature …) is decided by the reader's repair and the
shared patterns, and the grammar arranges those lines into a report.
"""

from __future__ import annotations

import os

from reportlint import rx
import sys
from importlib import resources
from typing import Iterator

# lark imports the third-party ``regex`` module whenever it is installed (it is, for
# rule packs), which costs a cold start ~15 ms although this grammar never uses it.
# Hide it while lark is imported; a rule pack imports it on its own when needed.
_HIDE_REGEX = "regex" not in sys.modules
if _HIDE_REGEX:
    sys.modules["regex"] = None  # type: ignore[assignment]  # makes "import regex" fail
try:
    from lark import Lark, Token, Transformer
    from lark import __version__ as _LARK_VERSION
    from lark.exceptions import LarkError
    from lark.lexer import Lexer
finally:
    if _HIDE_REGEX:
        del sys.modules["regex"]

from reportlint.facts.dates import parse_date_line
from reportlint.facts.identity import agency_kind, find_periods, title_agency, title_year
from reportlint.model import Cell, Era, Heading, Paragraph, Report, Row, Section, Table
from reportlint.patterns import cn_number, match_heading
from reportlint.source import LogicalLine, Source

_META_RE = rx.compile(r"统计期限|统计时间|统计时限|电话|邮箱|地址|邮编|传真|网址")


class ParseError(Exception):
    """The lines could not be arranged into a report (a bug, reported as E002)."""


class _LineLexer(Lexer):
    """Yields one token per logical line; ``start_pos`` is the line's index."""

    def __init__(self, lexer_conf) -> None:  # noqa: D401 - lark's signature
        pass

    def lex(self, source: Source) -> Iterator[Token]:  # type: ignore[override]
        seen_heading = False
        for i, line in enumerate(source.logical):
            role = source.roles.get(i, "")
            if role == "title":
                kind = "TITLE"
            elif role == "signature":
                kind = "SIGNATURE"
            elif role == "closing-date":
                kind = "CLOSING_DATE"
            elif line.kind == "row":
                kind = "ROW"
            else:
                h = match_heading(line.text)
                if h:
                    kind = f"HEADING{h[0]}"
                    seen_heading = True
                elif not seen_heading and _META_RE.search(line.text):
                    kind = "META"
                else:
                    kind = "TEXT"
            yield Token(kind, line.text, start_pos=i)


_parser: Lark | None = None


def _grammar_cache() -> str | bool:
    """Where lark keeps the built LALR tables between runs (2 ms to load instead of ~12 ms to build).

    In the user's own cache folder, not lark's default of the shared temporary
    folder: the file is a pickle, and a pickle is only loaded from a place only
    this user can write. Lark checks a hash of the grammar, its options and its
    version in the file and rebuilds when they differ or the file is damaged.
    """
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "reportlint")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return False
    return os.path.join(folder, f"grammar-lark{_LARK_VERSION}-py{sys.version_info[0]}{sys.version_info[1]}.pickle")


def _get_parser() -> Lark:
    global _parser
    if _parser is None:
        grammar = resources.files("reportlint.grammars").joinpath("report.lark").read_text(encoding="utf-8")
        # The transformer runs inside the LALR parser, on each reduction: no parse
        # tree is built and walked again (a third of the parse time).
        _parser = Lark(grammar, parser="lalr", lexer=_LineLexer, transformer=_TO_BLOCKS, cache=_grammar_cache())
    return _parser


def _heading(line: LogicalLine) -> Heading:
    level, m = match_heading(line.text)  # type: ignore[misc]
    num_text = m.group("num")
    number = int(num_text) if num_text.isdigit() else cn_number(num_text)
    return Heading(line, level=level, number=number, marker=m.group(0).strip(" \u3000"),
                   separator=m.group("sep"), title=line.text[m.end():].strip())


class _ToBlocks(Transformer):
    """Tokens to blocks. One instance lives in the parser; ``_lines`` is set before each parse."""

    _lines: tuple[LogicalLine, ...] = ()

    def _line(self, tok: Token) -> LogicalLine:
        return self._lines[tok.start_pos]

    def title(self, items):
        return ("title", Paragraph(self._line(items[0]), role="title"))

    def heading(self, items):
        return _heading(self._line(items[0]))

    def paragraph(self, items):
        return Paragraph(self._line(items[0]))

    def meta(self, items):
        return Paragraph(self._line(items[0]), role="meta")

    def table(self, items):
        rows = []
        for tok in items:
            line = self._line(tok)
            rows.append(Row(tuple(Cell(c) for c in line.cells), line))
        return Table(tuple(rows))

    def closing(self, items):
        blocks = []
        for tok in items:
            role = "signature" if tok.type == "SIGNATURE" else "closing-date"
            blocks.append(Paragraph(self._line(tok), role=role))
        return ("closing", tuple(blocks))

    def start(self, items):
        return items


_TO_BLOCKS = _ToBlocks()


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
    parser = _get_parser()
    _TO_BLOCKS._lines = source.logical
    try:
        items = parser.parse(source)
    except LarkError as exc:  # pragma: no cover - the lexer only emits valid sequences
        raise ParseError(str(exc)) from exc
    finally:
        _TO_BLOCKS._lines = ()

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
