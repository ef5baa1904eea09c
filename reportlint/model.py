"""The positioned report model that rules code against.

Rules never see lark trees or raw lines: they see these records (never changed once made), so
the grammar and the readers can change under them. Every block keeps its
:class:`~reportlint.source.LogicalLine`, which maps any offset in its text back
to the original file (``block.span(start, end)``).
"""

from __future__ import annotations

import bisect
import re

from reportlint import rx
from reportlint.records import Record
from collections.abc import Iterator
from reportlint.datetype import date
from enum import Enum
from functools import cached_property
from itertools import accumulate
from operator import add

from reportlint.source import LogicalLine, Source, Span

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: ~15 M instructions of every start
if TYPE_CHECKING:
    from typing import Union

    from reportlint.facts import Facts


class Era(str, Enum):
    """The legal era a report belongs to (DOMAIN.md §1)."""

    REG2008 = "reg2008"
    FMT2019 = "fmt2019"
    FMT2021 = "fmt2021"

    @classmethod
    def for_year(cls, year: int) -> "Era":
        if year <= 2018:
            return cls.REG2008
        if year <= 2020:
            return cls.FMT2019
        return cls.FMT2021


class AgencyKind(str, Enum):
    """Which deadline and content rules apply: a government, one of its departments, or a township."""

    GOVERNMENT = "government"
    DEPARTMENT = "department"
    TOWNSHIP = "township"


# Blocks, rows and tables are made by the hundred for every report: slotted records
# (reportlint.records.Record), made several times faster than frozen dataclasses.


class Block(Record):
    """A piece of the report's text: a paragraph, a heading, a table cell.

    ``text`` is the line's text, kept as a plain attribute (not a field) because
    rules read it thousands of times per report.
    """

    __slots__ = ("line", "text")

    def __init__(self, line: LogicalLine) -> None:
        self.line = line
        self.text = line.text

    @property
    def lineno(self) -> int:
        """The original line the block starts on."""
        return self.line.line

    def span(self, start: int = 0, end: int | None = None) -> Span:
        return self.line.span(start, end)


class Paragraph(Block):
    """Running text. ``role`` is "" for body text, or title / meta / signature / closing-date."""

    __slots__ = ("role",)

    def __init__(self, line: LogicalLine, role: str = "") -> None:
        self.line = line
        self.text = line.text
        self.role = role


class Heading(Block):
    """A numbered heading: ``level`` 1–4 for 一、 / （一） / 1. / （1）.

    ``number`` is the numeral's value, ``marker`` the marker as written
    (e.g. "（一）、"), ``separator`` the punctuation after the numeral or the
    closing bracket ("、", ".", "" …) and ``title`` the text after the marker.
    """

    __slots__ = ("level", "number", "marker", "separator", "title")

    def __init__(self, line: LogicalLine, level: int = 1, number: int | None = None, marker: str = "",
                 separator: str = "", title: str = "") -> None:
        self.line = line
        self.text = line.text
        self.level = level
        self.number = number
        self.marker = marker
        self.separator = separator
        self.title = title


class Cell(Block):
    """One table cell."""

    __slots__ = ()


class Row(Record):
    __slots__ = ("cells", "line")

    def __init__(self, cells: tuple[Cell, ...], line: LogicalLine) -> None:
        self.cells = cells
        self.line = line

    @property
    def lineno(self) -> int:
        return self.line.line

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(c.text for c in self.cells)


class Table(Record):
    __slots__ = ("rows",)

    def __init__(self, rows: tuple[Row, ...]) -> None:
        self.rows = rows

    @property
    def lineno(self) -> int:
        return self.rows[0].lineno

    @property
    def last_line(self) -> int:
        return self.rows[-1].line.last_line

    def span(self) -> Span:
        first = self.rows[0].line.span()
        last = self.rows[-1].line.span()
        return Span(first.line, first.column, last.end_line, last.end_column)


if TYPE_CHECKING:
    BodyItem = Union[Paragraph, Table]


class Section(Record):
    """A heading with the blocks under it and its subsections."""

    __slots__ = ("heading", "items", "children")

    def __init__(self, heading: Heading, items: tuple[BodyItem, ...] = (), children: tuple["Section", ...] = ()) -> None:
        self.heading = heading
        self.items = items
        self.children = children

    def walk(self) -> Iterator["Section"]:
        yield self
        for child in self.children:
            yield from child.walk()


class Period(Record):
    """The statistical period the report states (统计期限)."""

    __slots__ = ("start", "end", "span")

    def __init__(self, start: date, end: date, span: Span) -> None:
        self.start = start
        self.end = end
        self.span = span


class Report(Record):
    """A parsed report: structure plus the facts every rule needs.

    ``blocks`` holds every block in document order (title, paragraphs,
    headings, tables, closing lines), so rules that do not care about the
    section tree can simply iterate it. A report has an instance dictionary
    (no ``__slots__``): it holds what is computed once per report on demand.
    """

    def __init__(self, path: str, source: Source, blocks: tuple[Union[Paragraph, Heading, Table], ...],
                 sections: tuple[Section, ...], title: Paragraph | None = None, closing: tuple[Paragraph, ...] = (),
                 agency: str | None = None, agency_kind: AgencyKind | None = None, year: int | None = None,
                 era: Era | None = None, periods: tuple[Period, ...] = (), closing_date: date | None = None,
                 closing_date_block: Paragraph | None = None) -> None:
        self.path = path
        self.source = source
        self.blocks = blocks
        self.sections = sections
        self.title = title
        self.closing = closing
        self.agency = agency
        self.agency_kind = agency_kind
        self.year = year
        self.era = era
        self.periods = periods
        self.closing_date = closing_date
        self.closing_date_block = closing_date_block

    @property
    def period(self) -> Period | None:
        """The first statistical period stated (the one the report's figures use)."""
        return self.periods[0] if self.periods else None

    # Computed once per report: every rule (and the engine, for each rule) asks.
    @cached_property
    def headings(self) -> tuple[Heading, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Heading))

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Paragraph))

    @cached_property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Table))

    def text_blocks(self) -> Iterator[Block]:
        """Every block of running text: paragraphs, headings and table cells, in order."""
        for b in self.blocks:
            if isinstance(b, Table):
                for row in b.rows:
                    yield from row.cells
            else:
                yield b

    @cached_property
    def _index_all(self) -> tuple[str, list[int], list[Block]]:
        blocks: list[Block] = []
        for b in self.blocks:  # text_blocks(), without a generator's step per block
            if isinstance(b, Table):
                for row in b.rows:
                    blocks += row.cells
            else:
                blocks.append(b)
        return _index(blocks)

    @cached_property
    def _index_prose(self) -> tuple[str, list[int], list[Block]]:
        return _index([b for b in self.blocks if not isinstance(b, Table)])

    def scan(self, pattern: re.Pattern[str], *, cells: bool = True) -> Iterator[tuple[Block, int, int, re.Match[str]]]:
        """Every match of ``pattern`` in the report's text, as (block, start, end, match).

        The text of all blocks is joined with newlines and searched in one pass,
        which is many times faster than a regex call per block; ``start`` and
        ``end`` are offsets in the block's own text. "^" and "$" match at the
        start and end of each block. A match that would run across two blocks is
        not reported. ``cells=False`` leaves table cells out.
        """
        text, starts, blocks = self._index_all if cells else self._index_prose
        pattern = _per_block(pattern)
        n = len(starts)
        if not n:
            return
        base = end = -1  # the current block's start and end in ``text``
        block = None
        for m in pattern.finditer(text):
            s = m.start()
            if s > end:  # matches come in order: a block is looked up only when a match leaves the last one
                i = bisect.bisect_right(starts, s) - 1
                base, block = starts[i], blocks[i]
                end = starts[i + 1] - 1 if i + 1 < n else len(text)
            e = m.end()
            if e <= end:
                yield block, s - base, e - base, m

    def blocks_with(self, pattern: re.Pattern[str], *, cells: bool = True) -> list[Block]:
        """The blocks in which ``pattern`` matches, in order, each once.

        A cheap prefilter for rules whose exact logic works block by block: one
        pass over the whole text picks the few blocks worth looking at. The
        blocks are those of :meth:`scan`'s matches; the other matches in a block
        already found are passed over without a look.
        """
        index = self._index_all if cells else self._index_prose
        blocks = index[2]
        return [blocks[i] for i in _blocks_hit(index, pattern)]

    def blocks_with_any(self, patterns: tuple[re.Pattern[str], ...], *, cells: bool = True) -> list[Block]:
        """The blocks in which any of ``patterns`` matches, in order, each once.

        One whole-report search per pattern: several patterns that each begin with a
        literal character are found many times faster than one alternation of them.
        """
        index = self._index_all if cells else self._index_prose
        blocks = index[2]
        hits = [_blocks_hit(index, p) for p in patterns]
        found = hits[0] if len(hits) == 1 else sorted(set().union(*hits))
        return [blocks[i] for i in found]

    def blocks_with_hints(self, hints: tuple[tuple[str, re.Pattern[str]], ...], *,
                          cells: bool = True) -> list[Block]:
        """:meth:`blocks_with_any` of the patterns of ``hints``, (string, pattern) pairs whose
        string — a character or a few — stands in every match of its pattern: a pattern is searched
        for only when its string occurs in the report's text at all, a test tens of times faster
        than any search."""
        text = (self._index_all if cells else self._index_prose)[0]
        return self.blocks_with_any(tuple(p for needle, p in hints if needle in text), cells=cells)

    def scan_hinted(self, pattern: re.Pattern[str], hint: re.Pattern[str], *,
                    cells: bool = True) -> Iterator[tuple[Block, int, int, re.Match[str]]]:
        """``scan(pattern)``, searching only the blocks in which ``hint`` matches.

        ``hint`` must match wherever ``pattern`` does: a piece every match contains,
        beginning with a literal character (for a full date, the "月" and the day after
        it). A pattern that begins with a look-behind, a class of digits or an
        alternation is tried at every position of the text, which is tens of times
        slower than looking for a literal; the hint finds the few blocks worth that
        search. Blocks are searched one by one, so this equals ``scan`` for patterns
        that neither match nor look at a line break.
        """
        pattern = _per_block(pattern)  # as in scan
        for block in self.blocks_with(hint, cells=cells):
            for m in pattern.finditer(block.text):
                yield block, m.start(), m.end(), m

    @cached_property
    def facts(self) -> "Facts":
        """Extracted once, lazily, shared by all rules (dates, quantities …)."""
        from reportlint.facts import Facts

        return Facts(self)


_MULTILINE = int(re.MULTILINE)  # a plain int: an operation on a RegexFlag runs enum's Python code, every scan


def _per_block(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with "^" and "$" anchoring at each block of the joined text, as they would in the
    block's own text: compiled again with MULTILINE when it has an anchor and lacks the flag."""
    source = pattern.pattern
    if not pattern.flags & _MULTILINE and ("^" in source or "$" in source):
        return rx.compile(source, pattern.flags | _MULTILINE)
    return pattern


def _blocks_hit(index: tuple[str, list[int], list[Block]], pattern: re.Pattern[str]) -> list[int]:
    """The positions in ``index``'s blocks of those in which ``pattern`` matches, in order, each once.

    A match that would run across two blocks does not count (as in Report.scan).
    """
    text, starts, _ = index
    n = len(starts)
    if not n:
        return []
    pattern = _per_block(pattern)
    out: list[int] = []
    end = -1
    found = True  # the current block is in ``out``
    i = 0
    for m in pattern.finditer(text):
        s = m.start()
        if s > end:  # matches come in order: a block is looked up only when a match leaves the last one
            i = bisect.bisect_right(starts, s) - 1
            end = starts[i + 1] - 1 if i + 1 < n else len(text)
            found = False
        elif found:
            continue
        if m.end() <= end:
            found = True
            out.append(i)
    return out


def _index(blocks: list[Block]) -> tuple[str, list[int], list[Block]]:
    """The blocks' texts joined by line breaks, where each block starts, and the blocks.

    Line i of the joined text is block i: rules count line breaks to find a block, and "^"/"$"
    anchor at each block. A line break inside a block (only a plugin's reader can make one) is
    a space in the joined text, which keeps every offset.
    """
    texts = [b.text for b in blocks]
    # Block i starts after the texts before it and one "\n" each: computed in C, no loop per block.
    starts = list(map(add, accumulate(map(len, texts), initial=0), range(len(texts))))
    joined = "\n".join(texts)
    if joined.count("\n") >= len(texts):
        joined = "\n".join([t.replace("\n", " ") for t in texts])
    return joined, starts, blocks
