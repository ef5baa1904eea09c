"""Undo extraction damage: join physical lines into logical paragraphs.

Text copied out of PDFs and Word comes in two layouts:

* **paragraph** — one paragraph per line, blank lines between; only the odd
  paragraph is broken in the middle of a word (seed 000, lines 18/20).
* **wrapped** — one *visual* line per text line, usually with blank lines
  between, so most lines end in the middle of a sentence (seed 003).

The layout is decided per file from the share of prose lines that do not end a
sentence. Two lines are joined only when the first does not end its sentence
and the second is plain prose — never a heading, a table row, the title, or the
closing signature and date — so structure is never glued onto a paragraph.
Leading indentation is dropped; every kept character keeps its original line
and column through :class:`~reportlint.source.Segment`.

Every report line passes through here, so the work per line is kept small:
blank lines get no record at all (the gap between two line numbers stands for
them), cheap string tests come before regular expressions, and a line's
display width and whether it names a table label are worked out only when a
decision depends on them.
"""

from __future__ import annotations

from itertools import accumulate

import re

from reportlint import rx

from reportlint.patterns import (
    AGENCY_SUFFIX_RE,
    CLOSED,
    DATE_LINE_RE,
    HEADING_START,
    OPEN,
    SEMICOLON,
    display_width,
    display_widths,
    match_heading,
    sentence_end,
)
from reportlint.source import LogicalLine, Segment
from reportlint.tables.labels import TABLE_PHRASES
from reportlint.tables.normalise import norm_label, _ONE_CHAR

_SPACE = " \u3000\t\f\v\xa0"
# What a line may have stripped off its ends.
_EDGE = frozenset(_SPACE + "\r\n")
# Blank lines allowed between two halves of one paragraph.
_MAX_GAP = 3
# In paragraph layout only lines at least this long may continue on the next line:
# a short unterminated line there is a label ("主动公开政府信息审批单"), not a wrap.
_MIN_BROKEN_WIDTH = 40
_TITLE_SCAN = 4


class _Raw:
    """A line that is not blank; the repair fills in what it learns about it."""

    __slots__ = ("number", "text", "column", "kind", "end", "width", "role", "sep", "label")

    def __init__(self, number: int, text: str, column: int, kind: str, end: int = OPEN, sep: str | None = None) -> None:
        self.number = number  # 1-based original line
        self.text = text  # stripped
        self.column = column  # 1-based column of text[0] in the original line
        self.kind = kind  # row | heading | date | prose
        self.end = end  # how the line ends (patterns.sentence_end); never asked of a row
        self.width = -1  # display width; -1 until a decision needs it (see _width)
        self.role = ""  # title | signature | closing-date
        self.sep = sep  # cell separator of a row: "\t", "|" or None (one cell)
        self.label = -1  # 1 when it names a table label, 0 when not, -1 until asked (see _has_label)


# A markdown table's header separator: |---|:---:|
_MD_SEPARATOR_RE = rx.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
# A cell value standing alone on a line: a count, a signed change, money, or a placeholder.
VALUE_RE = rx.compile(r"^[+\-－＋]?\d+(?:\.\d+)?[ \u3000]*(?:万元|元)?$|^[/／\-－—–]+$")
# The six section headings of fmt2019/fmt2021 (and the reg2008 items) end a table region.
_SECTION_HEADING_RE = rx.compile(
    r"^[一二三四五六七八九十]+[、.．].*(?:总体情况|概述|主动公开政府信息|收到和处理|依申请|政府信息公开行政复议|"
    r"申请行政复议|被申请行政复议|存在的主要问题|存在问题|其他需要报告|收费及减免)"
)
_SECTION_START = frozenset("一二三四五六七八九十")
# How a lone value can begin, besides a digit (\d is a decimal digit, which str.isdigit includes).
_VALUE_START = frozenset("+-－＋/／—–")
# Prose stating a count ("共办理188件") is not a table label, whatever it mentions.
_COUNT_RE = rx.compile(r"\d+[ \u3000]*[件条个次项起]")

# Characters whose folding by norm_label can make or break a table phrase: whitespace
# (dropped), and the characters that fold into a character of a phrase or are one
# (Traditional 結轉 → 结转, ／ → /). TABLE_PHRASES is an alternation of plain phrases,
# so the characters of its pattern are those of the phrases. A line without any of
# them is searched as it is: folding would only touch characters no phrase contains
# ("，" → "、"), which cannot create or destroy a match — and most prose lines have a
# "，", so this saves folding nearly every line.
_PHRASE_CHARS = frozenset(TABLE_PHRASES.pattern)
_FOLDS_INTO_PHRASE_RE = rx.compile(
    "[" + re.escape("".join(sorted(c for c, v in _ONE_CHAR.items() if c in _PHRASE_CHARS or v in _PHRASE_CHARS)))
    + r"\s]"
)


def _is_pipe_row(text: str) -> bool:
    return text.count("|") >= 2 or " | " in text or (text.startswith("|") and text.endswith("|") and len(text) > 1)


def _classify(lines: list[str]) -> list[_Raw]:
    """The lines that are not blank, classified; a blank line gets no record."""
    raws = []
    append = raws.append
    for number, line in enumerate(lines, 1):
        if not line or line.isspace() and "\t" not in line:
            continue  # most lines of a wrapped file: decided first
        if line[0] in _EDGE or line[-1] in _EDGE or "\t" in line:
            # Trailing tabs are empty cells of a row, so only spaces are stripped first.
            body = line.rstrip(" \u3000\xa0\f\v\r\n")
            stripped = body.lstrip(" \u3000\xa0\f\v")
            if "\t" in stripped and ("\t" in stripped.strip("\t") or (stripped.endswith("\t") and stripped.strip())):
                # A tab-separated table row keeps its leading empty cells.
                append(_Raw(number, stripped, len(body) - len(stripped) + 1, "row", sep="\t"))
                continue
            text = stripped.strip(_SPACE)
            if not text:
                continue
            # The indentation is what the stripping of both ends left out on the left.
            column = len(body.rstrip(_SPACE)) - len(text) + 1
        else:  # nothing to strip (most lines): the stripping above would leave the line as it is
            text = line
            column = 1
        if "---" in text and _MD_SEPARATOR_RE.match(text):
            continue
        if "|" in text and _is_pipe_row(text):
            append(_Raw(number, text, column, "row", sep="|"))
        elif text.endswith("日") and DATE_LINE_RE.match(text):
            append(_Raw(number, text, column, "date", sentence_end(text)))
        elif text[0] in HEADING_START and match_heading(text):
            append(_Raw(number, text, column, "heading", sentence_end(text)))
        else:
            append(_Raw(number, text, column, "prose", sentence_end(text)))
    return raws


def _width(r: _Raw) -> int:
    if r.width < 0:
        r.width = display_width(r.text)
    return r.width


def _width_at_most(r: _Raw, limit: int) -> bool:
    """``display_width(r.text) <= limit``, measured only when the length leaves it open.

    Every character is one or two columns wide, so the length alone decides most lines.
    """
    n = len(r.text)
    if 2 * n <= limit:
        return True
    if n > limit:
        return False
    return _width(r) <= limit


def _measure(raws: list[_Raw]) -> None:
    """Measure the lines not yet measured, all at once."""
    todo = [r for r in raws if r.width < 0]
    for r, width in zip(todo, display_widths([r.text for r in todo])):
        r.width = width


def _has_label(r: _Raw) -> int:
    """1 when the line names a table label (asked of a line up to twice: remembered)."""
    if r.label < 0:
        text = norm_label(r.text) if _FOLDS_INTO_PHRASE_RE.search(r.text) else r.text
        r.label = 1 if TABLE_PHRASES.search(text) else 0
    return r.label


def _mark_title(raws: list[_Raw]) -> None:
    """The title block: the first few short lines up to one containing 报告."""
    head = raws[:_TITLE_SCAN]
    for i, r in enumerate(head):
        if r.kind != "prose" or r.end != OPEN or not _width_at_most(r, 120):
            return
        if "报告" in r.text:
            for t in head[: i + 1]:
                t.role = "title"
            return


def _mark_closing(raws: list[_Raw]) -> None:
    """The closing block: a last line that is a date, and the agency lines above it."""
    if not raws or raws[-1].kind != "date":
        return
    raws[-1].role = "closing-date"
    for r in reversed(raws[-3:-1]):
        if (r.kind == "prose" and not r.role and _width_at_most(r, 60) and r.end == OPEN
                and AGENCY_SUFFIX_RE.search(r.text.replace(" ", ""))):
            r.role = "signature"
        else:
            break


def _detect_layout(raws: list[_Raw]) -> tuple[str, int]:
    """Wrapped text has many unterminated lines that fill the line width.

    Short unterminated lines (labels such as "主动公开政府信息审批单") do not count:
    they appear in paragraph-layout files too. Returns the layout and, for a
    wrapped file, the full line width (see _full_width).
    """
    prose = [r for r in raws if r.kind == "prose" and not r.role]
    if len(prose) < 5:
        return "paragraph", 0
    unterminated = [r for r in prose if r.end != CLOSED]
    if len(unterminated) < 3 or len(unterminated) * 2 < len(prose):
        return "paragraph", 0  # too few even if all were full width: no need to measure the lines
    full = _full_width(raws)  # measures every prose line
    wide = full * 0.7
    wrapped_lines = sum(1 for r in unterminated if r.width >= wide)
    if wrapped_lines >= 3 and wrapped_lines * 2 >= len(prose):
        return "wrapped", full
    return "paragraph", 0


def _full_width(raws: list[_Raw]) -> int:
    measured = [r for r in raws if r.kind in ("prose", "heading") and not r.role]
    _measure(measured)
    widths = sorted(r.width for r in measured)
    if not widths:
        return 0
    return widths[(len(widths) * 3) // 4]


def _line_of(raw: _Raw, kind: str = "text") -> LogicalLine:
    return _single(raw.text, raw.number, raw.column, kind)


_single = LogicalLine.single


def _row_of(raw: _Raw) -> LogicalLine:
    number = raw.number
    if raw.sep is None:  # one cell: the whole (stripped) line, at the row's own place
        return _single(raw.text, number, raw.column, "row", (_single(raw.text, number, raw.column, "cell"),))
    parts = raw.text.split(raw.sep)
    last = len(parts) - 1
    outer_pipes = raw.sep == "|" and last > 0  # Markdown's: they leave an empty first and last part, no cells
    cells = []
    column = raw.column
    for k, part in enumerate(parts):
        cell_text = part.strip(_SPACE)
        if cell_text or not outer_pipes or 0 < k < last:
            # Most cells have no space to strip: the stripped text is the part, nothing before it.
            lead = 0 if len(cell_text) == len(part) else len(part) - len(part.lstrip(_SPACE))
            cells.append(_single(cell_text, number, column + lead, "cell"))
        column += len(part) + 1
    return _single(raw.text, number, raw.column, "row", tuple(cells))


# A line is table-ish when it can only belong to a table: a row, a lone value, or a table label.

def _tableish_by_kind(r: _Raw) -> bool | None:
    """Whether a row or a lone value is table-ish; None for another line (see _tableish_by_label)."""
    if r.kind == "row":
        return True
    first = r.text[0]
    if (first in _VALUE_START or first.isdigit()) and VALUE_RE.match(r.text):  # never like a section heading
        return not r.role and _width_at_most(r, 80)
    return None


def _tableish_by_label(r: _Raw) -> bool:
    """Whether a line that is neither a row nor a lone value is table-ish: it names a table label.

    The tests that are cheap, or rarely passed, come first (few prose lines name
    a table label); the width limit comes last: it needs the line measured.
    """
    text = r.text
    return (not r.role and not text.endswith("。") and not (text[0] in _SECTION_START and _SECTION_HEADING_RE.match(text))
            and bool(_has_label(r)) and not _COUNT_RE.search(text) and _width_at_most(r, 80))


def _values_in(r: _Raw) -> int:
    if r.kind == "row":
        parts = r.text.split(r.sep) if r.sep else [r.text]
        return sum(1 for p in parts if VALUE_RE.match(p.strip(_SPACE)))
    return 1 if VALUE_RE.match(r.text) else 0


def _is_fragment(r: _Raw) -> bool:
    """A short piece of text inside a table region (a label split over two lines)."""
    return (r.kind in ("prose", "heading") and not r.role and _width_at_most(r, 40) and r.end != CLOSED
            and not (r.text[0] in _SECTION_START and _SECTION_HEADING_RE.match(r.text)))


def _mark_table_regions(raws: list[_Raw]) -> None:
    """Turn unstructured table text (one cell per line, label line + numbers line) into rows.

    A region starts at a table-ish line and extends over table-ish lines and
    short fragments (a label split over two lines); it ends before anything
    else, and trailing fragments are given back. It is a table only when it
    holds at least three values and two table labels — prose never does.

    So a region lies in a stretch of lines that are each table-ish or a
    fragment, and fills it from its first table-ish line that is not a date to
    its last table-ish line. Values are only found in rows and lone values:
    only the stretches around those are worked out, and most prose lines are
    never asked whether they name a table label (the costliest test).
    """
    by_kind = [_tableish_by_kind(r) for r in raws]  # None: neither a row nor a lone value
    tableish = list(by_kind)  # the others are worked out once, when first asked

    def in_stretch(k: int) -> bool:
        if tableish[k] is None:
            tableish[k] = _tableish_by_label(raws[k])
        return tableish[k] or _is_fragment(raws[k])

    stretches = []
    end = -1
    n = len(raws)
    for k in range(n):
        if k > end and by_kind[k] is not None and in_stretch(k):
            start = k
            while start > 0 and (tableish[start - 1] or in_stretch(start - 1)):
                start -= 1
            end = k
            while end + 1 < n and (tableish[end + 1] or in_stretch(end + 1)):  # the cells of a table: no call
                end += 1
            stretches.append((start, end))
    # Worked out for every stretch before any line is turned into a row, as a line's
    # kind decides whether it is table-ish.
    for start, end in stretches:
        ends = [k for k in range(start, end + 1) if tableish[k]]
        firsts = [k for k in ends if raws[k].kind != "date"]
        if not firsts:
            continue
        region = raws[firsts[0]: ends[-1] + 1]
        # A region of rows only has nothing to convert: its values and labels need no counting.
        if any(r.kind != "row" for r in region) and _holds_table(region):
            for r in region:
                if r.kind != "row":
                    r.kind, r.sep = "row", None


def _holds_table(region: list[_Raw]) -> bool:
    """At least three values and two table labels (counted only as far as needed: a table has hundreds)."""
    return _at_least(3, map(_values_in, region)) and _at_least(2, map(_has_label, region))


def _at_least(limit: int, counts) -> bool:
    total = 0
    for count in counts:
        total += count
        if total >= limit:
            return True
    return False


def _join(parts: list[_Raw], kind: str) -> LogicalLine:
    if len(parts) == 1:
        return _line_of(parts[0], kind)
    texts = [p.text for p in parts]
    offsets = accumulate(map(len, texts[:-1]), initial=0)
    segments = tuple(map(Segment, offsets, [p.number for p in parts], [p.column for p in parts]))
    return LogicalLine("".join(texts), segments, kind)


def repair(lines: list[str]) -> tuple[tuple[LogicalLine, ...], str, dict[int, str]]:
    """Join physical ``lines`` into logical lines.

    Returns the logical lines, the detected layout and a map from the index of
    each logical line to its role (``title``, ``signature``, ``closing-date``)
    where it has one.
    """
    raws = _classify(lines)
    _mark_table_regions(raws)
    _mark_title(raws)
    _mark_closing(raws)
    layout, full = _detect_layout(raws)  # only a wrapped file's headings are compared with the full width
    wrapped = layout == "wrapped"

    out: list[LogicalLine] = []
    roles: dict[int, str] = {}
    i = 0
    n = len(raws)
    while i < n:
        r = raws[i]
        if r.role == "title":
            j = i + 1
            while j < n and raws[j].role == "title":
                j += 1
            roles[len(out)] = "title"
            out.append(_join(raws[i:j], "text"))
            i = j
            continue
        if r.kind == "row":
            out.append(_row_of(r))
            i += 1
            continue
        if r.role:
            roles[len(out)] = r.role
            out.append(_line_of(r))
            i += 1
            continue
        last = r
        j = i + 1
        while j < n:
            nxt = raws[j]
            # The blank lines between two lines are the numbers skipped between them.
            if (nxt.kind != "prose" or nxt.role or nxt.number - last.number - 1 > _MAX_GAP
                    or not _may_continue(last, wrapped, full)):
                break
            last = nxt
            j += 1
        out.append(_line_of(r) if last is r else _join(raws[i:j], "text"))
        i = j
    return tuple(out), layout, roles


_PAIRS = {"（": "）", "《": "》", "“": "”", "〔": "〕", "【": "】", "(": ")"}


def _leaves_open(text: str) -> bool:
    """True when an opening bracket or quote in ``text`` is not closed in it."""
    return any(text.count(o) > text.count(c) for o, c in _PAIRS.items())


def _may_continue(raw: _Raw, wrapped: bool, full: int) -> bool:
    """Can the paragraph that ends with ``raw`` go on on the next line?"""
    if raw.end == CLOSED or raw.end == SEMICOLON and not wrapped:
        return False
    if raw.kind == "heading":
        # A heading as wide as the wrapped lines may be a numbered paragraph that
        # wraps on, or just a long heading: only sentence punctuation or a bracket
        # left open tells them apart.
        if not (wrapped and full > 0 and _width(raw) >= full * 0.9):
            return False
        return any(p in raw.text for p in "，,；;。") or _leaves_open(raw.text)
    if raw.kind != "prose":
        return False
    return wrapped or not _width_at_most(raw, _MIN_BROKEN_WIDTH - 1)
