"""The reader's product: logical lines that remember where every character came from.

Extraction damage (a paragraph wrapped one visual line per text line, words
split across lines, stray indentation) is undone by joining physical lines into
logical ones. Rules read the joined text, but findings must point at the line a
person sees in the original file, so each logical line carries segments that
map an offset in the joined text back to (line, column) in the original.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    """A region of the original file: 1-based lines and columns, end column exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Segment:
    """From ``offset`` in the logical text on, characters come from ``line`` starting at ``column``."""

    offset: int
    line: int
    column: int


@dataclass(frozen=True)
class LogicalLine:
    """One paragraph, heading, or table row after repair, with its position map.

    ``kind`` is ``"text"`` for prose and ``"row"`` for a tab-separated table row
    (whose ``cells`` are logical lines of their own).
    """

    text: str
    segments: tuple[Segment, ...]
    kind: str = "text"
    cells: tuple["LogicalLine", ...] = ()
    _offsets: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_offsets", tuple(s.offset for s in self.segments))

    @property
    def line(self) -> int:
        """The original line the logical line starts on."""
        return self.segments[0].line if self.segments else 1

    @property
    def last_line(self) -> int:
        return self.segments[-1].line if self.segments else 1

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) in the original file of the character at ``offset``."""
        if not self.segments:
            return (1, 1)
        i = max(bisect.bisect_right(self._offsets, offset) - 1, 0)
        seg = self.segments[i]
        return seg.line, seg.column + (offset - seg.offset)

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """Span of ``text[start:end]`` in the original file."""
        if end is None:
            end = len(self.text)
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        line, col = self.position(start)
        if end <= start:
            return Span(line, col, line, col)
        end_line, end_col = self.position(end - 1)
        return Span(line, col, end_line, end_col + 1)


@dataclass(frozen=True)
class Source:
    """A decoded file: its original lines and the repaired logical lines.

    ``layout`` records what the repair recognised ("paragraph" or "wrapped") so
    a later stage can explain its choices; nothing after the reader needs to
    know the file format.
    """

    path: str
    lines: tuple[str, ...]
    logical: tuple[LogicalLine, ...]
    encoding: str
    bom: bool = False
    newline: str = "\n"
    layout: str = "paragraph"
    roles: dict[int, str] = field(default_factory=dict, compare=False)

    def line_text(self, line: int) -> str:
        """The original text of a 1-based line ('' when out of range)."""
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1]
        return ""
