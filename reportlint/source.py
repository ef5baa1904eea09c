"""The reader's product: logical lines that remember where every character came from.

Extraction damage (a paragraph wrapped one visual line per text line, words
split across lines, stray indentation) is undone by joining physical lines into
logical ones. Rules read the joined text, but findings must point at the line a
person sees in the original file, so each logical line carries segments that
map an offset in the joined text back to (line, column) in the original.
"""

from __future__ import annotations

import bisect

from reportlint import rx
from reportlint.records import Record


# Span, Segment and LogicalLine are made by the thousand for every report (the
# reader makes several per line, rules a span per finding): slotted records.


class Span(Record):
    """A region of the original file: 1-based lines and columns, end column exclusive.

    Spans order as (line, column, end line, end column).
    """

    __slots__ = ("line", "column", "end_line", "end_column")

    def __init__(self, line: int, column: int, end_line: int, end_column: int) -> None:
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column

    def _key(self) -> tuple[int, int, int, int]:
        return (self.line, self.column, self.end_line, self.end_column)

    def __lt__(self, other: "Span") -> bool:
        return self._key() < other._key() if other.__class__ is Span else NotImplemented

    def __le__(self, other: "Span") -> bool:
        return self._key() <= other._key() if other.__class__ is Span else NotImplemented

    def __gt__(self, other: "Span") -> bool:
        return self._key() > other._key() if other.__class__ is Span else NotImplemented

    def __ge__(self, other: "Span") -> bool:
        return self._key() >= other._key() if other.__class__ is Span else NotImplemented


class Segment(Record):
    """From ``offset`` in the logical text on, characters come from ``line`` starting at ``column``."""

    __slots__ = ("offset", "line", "column")

    def __init__(self, offset: int, line: int, column: int) -> None:
        self.offset = offset
        self.line = line
        self.column = column


class LogicalLine:
    """One paragraph, heading, or table row after repair, with its position map.

    ``kind`` is ``"text"`` for prose and ``"row"`` for a tab-separated table row
    (whose ``cells`` are logical lines of their own).

    A report has hundreds of lines and table cells, and most are never asked for
    a position, so this is a plain class with ``__slots__`` (half the cost of
    creating a frozen dataclass) and a line that comes from one original line —
    nearly every line, and every cell — is made by :meth:`single` with its line
    and column, its one :class:`Segment` only made when asked for. Nothing
    changes a logical line once the reader has made it; equality and hashing
    are by value, as for the dataclass it was.
    """

    __slots__ = ("text", "kind", "cells", "line", "_column", "_segments", "_offsets")

    def __init__(self, text: str, segments: tuple[Segment, ...], kind: str = "text",
                 cells: tuple["LogicalLine", ...] = ()) -> None:
        self.text = text
        self.kind = kind
        self.cells = cells
        self.line = segments[0].line if segments else 1  # the original line the logical line starts on
        self._column = 0
        self._segments = segments
        self._offsets = None

    @classmethod
    def single(cls, text: str, line: int, column: int, kind: str = "text",
               cells: tuple["LogicalLine", ...] = ()) -> "LogicalLine":
        """The logical line of ``text`` standing at ``line``, ``column`` of the original, in one piece."""
        self = _new(cls)
        self.text = text
        self.kind = kind
        self.cells = cells
        self.line = line
        self._column = column
        self._segments = None
        self._offsets = None
        return self

    @property
    def segments(self) -> tuple[Segment, ...]:
        if self._segments is None:
            self._segments = (Segment(0, self.line, self._column),)
        return self._segments

    @property
    def last_line(self) -> int:
        if self._segments is None:
            return self.line
        return self._segments[-1].line if self._segments else 1

    def breaks_before(self, offset: int) -> bool:
        """True when the character at ``offset`` begins another original line (a joined wrap)."""
        if self._segments is None:
            return False
        if self._offsets is None:
            self._offsets = tuple(s.offset for s in self._segments)
        return offset > 0 and offset in self._offsets

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) in the original file of the character at ``offset``."""
        if self._segments is None:
            return self.line, self._column + offset
        if not self._segments:
            return (1, 1)
        if self._offsets is None:
            self._offsets = tuple(s.offset for s in self._segments)
        i = max(bisect.bisect_right(self._offsets, offset) - 1, 0)
        seg = self._segments[i]
        return seg.line, seg.column + (offset - seg.offset)

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """Span of ``text[start:end]`` in the original file."""
        n = len(self.text)
        if end is None or end > n:
            end = n
        start = 0 if start < 0 else n if start > n else start
        line, col = self.position(start)
        if end <= start:
            return Span(line, col, line, col)
        end_line, end_col = self.position(end - 1)
        return Span(line, col, end_line, end_col + 1)

    def _key(self) -> tuple:
        return (self.text, self.segments, self.kind, self.cells)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"LogicalLine(text={self.text!r}, segments={self.segments!r}, kind={self.kind!r}, cells={self.cells!r})"

    def __reduce__(self):
        return (LogicalLine, (self.text, self.segments, self.kind, self.cells))


_new = object.__new__


def original_lines(text: str) -> list[str]:
    """The lines of a text file, split at \\r\\n, \\r and \\n; a final line break ends the last line.

    ``str.split`` is several times faster than a regular expression, and most
    files have no \\r: they are split as they are. The result cache
    (reportlint/cache.py) splits a cached file's bytes the same way.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


class Source(Record):
    """A decoded file: its original lines and the repaired logical lines.

    ``layout`` records what the repair recognised ("paragraph" or "wrapped") so
    a later stage can explain its choices; nothing after the reader needs to
    know the file format.

    Formats whose places are not text lines (.docx, .pdf) render one line per
    paragraph / table row / page line into ``lines`` and give each line a
    stable ``locators`` entry ("p12", "t2r3", "pg3l5"; see
    :func:`describe_locator`); it is empty for text, Markdown and HTML, whose
    (line, column) are the file's own. ``suppressions`` come from inline
    ``<!-- reportlint-disable CODE … -->`` comments.
    """

    __slots__ = ("path", "lines", "logical", "encoding", "bom", "newline", "layout", "roles", "locators",
                 "suppressions")

    def __init__(self, path: str, lines: tuple[str, ...], logical: tuple[LogicalLine, ...], encoding: str,
                 bom: bool = False, newline: str = "\n", layout: str = "paragraph", roles: dict[int, str] | None = None,
                 locators: tuple[str, ...] = (), suppressions: tuple["Suppression", ...] = ()) -> None:
        self.path = path
        self.lines = lines
        self.logical = logical
        self.encoding = encoding
        self.bom = bom
        self.newline = newline
        self.layout = layout
        self.roles = {} if roles is None else roles
        self.locators = locators
        self.suppressions = suppressions

    def line_text(self, line: int) -> str:
        """The original text of a 1-based line ('' when out of range)."""
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1]
        return ""

    def locator(self, line: int, column: int = 1) -> str | None:
        """The stable locator of (line, column), or None when the format has none.

        A table-row locator ("t2r3") gets the cell appended ("t2r3c4"): the row's
        cells are joined by tabs in ``lines``, so the cell is one more than the
        tabs before ``column``.
        """
        if not (1 <= line <= len(self.locators)):
            return None
        loc = self.locators[line - 1]
        if _ROW_LOCATOR_RE.search(loc):
            loc += f"c{self.lines[line - 1][: max(column - 1, 0)].count(chr(9)) + 1}"
        return loc

    def suppressed(self, code: str, span: Span) -> bool:
        """True when an inline suppression comment switches ``code`` off at ``span``."""
        at = (span.line, span.column)
        return any(s.start <= at < s.end and s.covers(code) for s in self.suppressions)


class Suppression(Record):
    """Codes switched off from ``start`` up to (not including) ``end``, both (line, column).

    ``codes`` are prefixes as in ``--ignore`` ("D4" covers D401…); empty means all codes.
    """

    __slots__ = ("start", "end", "codes")

    def __init__(self, start: tuple[int, int], end: tuple[int, int], codes: tuple[str, ...] = ()) -> None:
        self.start = start
        self.end = end
        self.codes = codes

    def covers(self, code: str) -> bool:
        return not self.codes or any(code.startswith(c) for c in self.codes)


_ROW_LOCATOR_RE = rx.compile(r"r\d+$")
_LOCATOR_PART_RE = rx.compile(r"(pg|p|t|r|c|l)(\d+)")
_LOCATOR_WORDS = {
    "zh": {"pg": "第 {} 页", "p": "第 {} 段", "t": "表格 {} ", "r": "第 {} 行", "c": "第 {} 列", "l": "第 {} 行"},
    "en": {"pg": "page {} ", "p": "paragraph {} ", "t": "table {} ", "r": "row {} ", "c": "column {} ", "l": "line {} "},
}


def describe_locator(locator: str, lang: str = "zh") -> str:
    """A locator for people: "t2r3c4" → "表格 2 第 3 行第 4 列" / "table 2 row 3 column 4".

    Locators are ``pg`` page, ``p`` paragraph, ``t`` table, ``r`` row, ``c`` column
    (cell), ``l`` line on a page — each followed by its 1-based number.
    """
    words = _LOCATOR_WORDS["en" if lang == "en" else "zh"]
    parts = _LOCATOR_PART_RE.findall(locator)
    if not parts:
        return locator
    return "".join(words[k].format(n) for k, n in parts).strip()
