"""Repairing text that was *rendered* from a file, and mapping it back.

The HTML and Markdown readers render the file into text lines (tags, entities
and markup gone, one line per block, table rows as tab-separated cells) and
know for every rendered character where it stands in the original file. The
rendering goes through the same :func:`~reportlint.readers.repair.repair` as a
text file — so a table, a heading or a wrapped paragraph is recognised exactly
as in the text version — and the segments of the repaired logical lines, which
point into the rendering, are then translated into (line, column) of the
original file, split wherever the rendering skipped something (a tag, the rest
of an entity) so that every character still maps to its own place.
"""

from __future__ import annotations

import re

from reportlint import rx

from reportlint.readers.repair import repair
from reportlint.source import LogicalLine, Segment, Source, Suppression
from reportlint.records import Record

Position = tuple[int, int]  # 1-based (line, column) in the original file


class RenderedLine(Record):
    """One rendered line and, per character, its (line, column) in the original; built up by :meth:`add`.

    ``fallback`` is the position of a place in an empty line, ``end`` that of
    the place just past the last character (an empty last cell).
    """

    __slots__ = ("text", "positions", "fallback", "end")

    def __init__(self, text: str = "", positions: list[Position] | None = None, fallback: Position = (1, 1),
                 end: Position | None = None) -> None:
        self.text = text
        self.positions = [] if positions is None else positions
        self.fallback = fallback
        self.end = end

    def add(self, text: str, position: Position | list[Position]) -> None:
        """Append ``text``; a single position is given to every character of it."""
        self.text += text
        if isinstance(position, list):
            self.positions.extend(position)
        else:
            self.positions.extend([position] * len(text))

    def position(self, column: int) -> Position:
        """Original position of 1-based rendered ``column`` (past the end: one beyond the last)."""
        if 1 <= column <= len(self.positions):
            return self.positions[column - 1]
        if column == len(self.positions) + 1 and self.end is not None:
            return self.end
        if self.positions:
            line, col = self.positions[-1]
            return line, col + max(column - len(self.positions), 1)
        return self.fallback


def remap(line: LogicalLine, rendered: list[RenderedLine]) -> LogicalLine:
    """``line`` with its segments (into ``rendered``) translated into original positions."""
    bounds = [s.offset for s in line.segments] + [len(line.text)]
    segments: list[Segment] = []
    expect: tuple[int, int, int] | None = None  # (offset, line, column) continuing the last segment
    for i, seg in enumerate(line.segments):
        src = rendered[seg.line - 1] if 1 <= seg.line <= len(rendered) else RenderedLine()
        start, stop = bounds[i], max(bounds[i + 1], bounds[i])
        if stop == start:  # an empty cell still needs a place
            ln, col = src.position(seg.column)
            if not segments or segments[-1].offset < start:
                segments.append(Segment(start, ln, col))
            continue
        for k in range(start, stop):
            ln, col = src.position(seg.column + (k - start))
            if expect != (k, ln, col):
                if segments and segments[-1].offset == k:
                    segments[-1] = Segment(k, ln, col)
                else:
                    segments.append(Segment(k, ln, col))
            expect = (k + 1, ln, col + 1)
    if not segments:
        segments.append(Segment(0, *(rendered[0].fallback if rendered else (1, 1))))
    cells = tuple(remap(c, rendered) for c in line.cells)
    return LogicalLine(line.text, tuple(segments), line.kind, cells)


def source_from_rendered(path: str, rendered: list[RenderedLine], original_lines: list[str], *,
                         encoding: str, bom: bool = False, newline: str = "\n",
                         suppressions: tuple[Suppression, ...] = ()) -> Source:
    """A Source whose logical lines come from ``rendered`` but point into ``original_lines``."""
    logical, layout, roles = repair([r.text for r in rendered])
    return Source(
        path=path,
        lines=tuple(original_lines),
        logical=tuple(remap(ll, rendered) for ll in logical),
        encoding=encoding,
        bom=bom,
        newline=newline,
        layout=layout,
        roles=roles,
        suppressions=suppressions,
    )


# --------------------------------------------------------------------------- suppression comments
_COMMENT_RE = rx.compile(r"<!--\s*reportlint-(disable|enable)\b(.*?)-->", re.S)
_CODE_RE = rx.compile(r"[A-Za-z]+\d*")


def find_suppressions(text: str, position_of) -> tuple[Suppression, ...]:
    """Regions switched off by ``<!-- reportlint-disable [CODE …] -->`` … ``<!-- reportlint-enable [CODE …] -->``.

    ``position_of(offset)`` gives the (line, column) of an offset in ``text``. A
    disable without codes switches every code off; an enable without codes ends
    every open region, with codes only the regions opened for those codes. A
    region left open runs to the end of the file. Words in the comment that are
    not codes ("reason: …") are ignored after the codes.
    """
    open_: dict[tuple[str, ...], tuple[int, int]] = {}
    out: list[Suppression] = []
    end_of_file = (1 << 30, 0)
    for m in _COMMENT_RE.finditer(text):
        codes = []
        for word in re.split(r"[\s,，]+", m.group(2).strip()):
            if not word or not _CODE_RE.fullmatch(word):
                break
            codes.append("" if word.upper() == "ALL" else word.upper())
        key = () if "" in codes else tuple(codes)
        at = position_of(m.start())
        if m.group(1) == "disable":
            open_.setdefault(key, at)
        else:
            for k in [k for k in open_ if not key or k == key]:
                out.append(Suppression(open_.pop(k), at, k))
    for k, start in open_.items():
        out.append(Suppression(start, end_of_file, k))
    return tuple(sorted(out, key=lambda s: (s.start, s.codes)))


def line_starts(text: str) -> list[int]:
    """Offsets at which the lines of ``text`` (split on \\r\\n, \\r and \\n) start."""
    starts = [0]
    for m in re.finditer(r"\r\n|\r|\n", text):
        starts.append(m.end())
    return starts
