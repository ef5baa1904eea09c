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

Every report line passes through here, so the work per line is kept small.
The lines are held as columns (:class:`_Lines`: a list per property, not an
object per line); blank lines get no entry at all (the gap between two line
numbers stands for them); plain prose lines — nearly all of them — are told
apart from the rest by C-level passes over their first and last characters,
and only the others are classified in Python; a line's display width and
whether it names a table label are worked out only when a decision depends on
them.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, compress, count, repeat
from operator import itemgetter

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


class _Lines:
    """The lines that are not blank, as columns: entry ``k`` of each list is line ``k``'s.

    A report has hundreds of lines, nearly all plain prose: one object per line
    cost more than deciding what the line is. The repair fills in what it learns.
    """

    __slots__ = ("number", "text", "column", "kind", "end", "sep", "width", "label", "role", "special")

    def __init__(self, number: list[int], text: list[str], column: list[int], kind: list[str], end: list[int],
                 sep: dict[int, str | None], special: list[int]) -> None:
        self.number = number  # 1-based original line
        self.text = text  # stripped
        self.column = column  # 1-based column of text[0] in the original line
        self.kind = kind  # row | heading | date | prose
        self.end = end  # how the line ends (patterns.sentence_end); never asked of a row
        self.sep = sep  # a row's cell separator, by line: "\t", "|" or None (one cell)
        self.width = [-1] * len(text)  # display width; -1 until a decision needs it (see _width)
        self.label: dict[int, int] = {}  # 1 when the line names a table label, 0 when not (see _has_label)
        self.role: dict[int, str] = {}  # title | signature | closing-date
        self.special = special  # the lines that are not plain prose, in order (see _classify)


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

# A line is plain prose — kept as it is at column 1, of kind prose — unless its first
# character can begin something else or be stripped (whitespace: \s is what str.isspace
# and str.strip() take; a heading marker, a lone value's first character, a Markdown
# separator's), its last character can be stripped or end a date, or it holds a cell
# separator. Only those lines are classified one by one (_classify_line); the others'
# first and last characters are tested together, in one search of a string of them.
_SPECIAL_FIRST_RE = rx.compile(r"[\s\d|:\-+－＋/／—–" + re.escape("".join(sorted(HEADING_START))) + "]")
_SPECIAL_LAST_RE = rx.compile(r"[\s日]")
# From a cell separator to the end of its line (one match per line holding one). One
# pattern per separator: a single literal is found several times faster than a set.
_CELL_SEPARATOR_RES = (rx.compile(r"\t[^\n]*"), rx.compile(r"\|[^\n]*"))
# How a plain line ends, by its last character (patterns.sentence_end); None for a
# closing quote or bracket, where the character before decides.
_END_BY_LAST: dict[str, int | None] = {
    **{c: CLOSED for c in "。！？!?…"}, "；": SEMICOLON, ";": SEMICOLON, **{c: None for c in "”’）)」』》"}}
_first = itemgetter(0)
_last = itemgetter(-1)


def _is_pipe_row(text: str) -> bool:
    return text.count("|") >= 2 or " | " in text or (text.startswith("|") and text.endswith("|") and len(text) > 1)


def _classify_line(line: str) -> tuple[str, int, str, int, str | None] | None:
    """(text, column, kind, end, cell separator) of a line that may not be plain prose; None to drop it."""
    if line.isspace() and "\t" not in line:
        return None
    if line[0] in _EDGE or line[-1] in _EDGE or "\t" in line:
        # Trailing tabs are empty cells of a row, so only spaces are stripped first.
        body = line.rstrip(" \u3000\xa0\f\v\r\n")
        stripped = body.lstrip(" \u3000\xa0\f\v")
        if "\t" in stripped and ("\t" in stripped.strip("\t") or (stripped.endswith("\t") and stripped.strip())):
            # A tab-separated table row keeps its leading empty cells.
            return stripped, len(body) - len(stripped) + 1, "row", OPEN, "\t"
        text = stripped.strip(_SPACE)
        if not text:
            return None
        # The indentation is what the stripping of both ends left out on the left.
        column = len(body.rstrip(_SPACE)) - len(text) + 1
    else:  # nothing to strip: the stripping above would leave the line as it is
        text = line
        column = 1
    if "---" in text and _MD_SEPARATOR_RE.match(text):
        return None
    if "|" in text and _is_pipe_row(text):
        return text, column, "row", OPEN, "|"
    if text.endswith("日") and DATE_LINE_RE.match(text):
        return text, column, "date", sentence_end(text), None
    if text[0] in HEADING_START and match_heading(text):
        return text, column, "heading", sentence_end(text), None
    return text, column, "prose", sentence_end(text), None


def _classify(lines: list[str]) -> _Lines:
    """The lines that are not blank, classified; a blank line gets no entry.

    Every line is first taken for plain prose — at column 1, ending as its last
    character says — by passes in C over all lines; the few whose first or last
    character or a cell separator say otherwise are then classified one by one.
    """
    number = list(compress(count(1), lines))
    text = list(filter(None, lines))
    n = len(text)
    special = {m.start() for m in _SPECIAL_FIRST_RE.finditer("".join(map(_first, text)))}
    lasts = "".join(map(_last, text))
    special.update(m.start() for m in _SPECIAL_LAST_RE.finditer(lasts))
    special.update(_with_cell_separator(text))
    end = list(map(_END_BY_LAST.get, lasts, repeat(OPEN)))
    if None in end:  # a plain line closed by a quote or bracket: the character before decides
        k = end.index(None)
        try:
            while True:
                end[k] = sentence_end(text[k])
                k = end.index(None, k + 1)
        except ValueError:
            pass
    column = [1] * n
    kind = ["prose"] * n
    sep: dict[int, str | None] = {}
    dropped = []
    for k in sorted(special):
        classified = _classify_line(text[k])
        if classified is None:
            dropped.append(k)
            continue
        text[k], column[k], kind[k], end[k], s = classified
        if kind[k] == "row":
            sep[k] = s
    special = sorted(special.difference(dropped))
    if dropped:
        return _without(dropped, number, text, column, kind, end, sep, special)
    return _Lines(number, text, column, kind, end, sep, special)


def _with_cell_separator(text: list[str]) -> list[int]:
    """The lines holding a tab or a "|", found by one search of the lines joined."""
    joined = "\n".join(text)
    patterns = [p for p, sep in zip(_CELL_SEPARATOR_RES, "\t|") if sep in joined]
    if not patterns:
        return []
    if joined.count("\n") != len(text) - 1:  # a line holding a line break: the lines cannot be told apart
        return list(range(len(text)))
    starts = list(accumulate(map((1).__add__, map(len, text)), initial=0))
    return [bisect_right(starts, m.start()) - 1 for p in patterns for m in p.finditer(joined)]


def _without(dropped: list[int], number: list[int], text: list[str], column: list[int], kind: list[str],
             end: list[int], sep: dict[int, str | None], special: list[int]) -> _Lines:
    """The lines without those ``dropped`` (whitespace only, a Markdown separator): rare."""
    keep = [True] * len(text)
    for k in dropped:
        keep[k] = False
    index = [k - 1 for k in accumulate(keep)]  # the new index of each kept line
    return _Lines(list(compress(number, keep)), list(compress(text, keep)), list(compress(column, keep)),
                  list(compress(kind, keep)), list(compress(end, keep)), {index[k]: s for k, s in sep.items()},
                  [index[k] for k in special])


def _width(ls: _Lines, k: int) -> int:
    width = ls.width[k]
    if width < 0:
        width = ls.width[k] = display_width(ls.text[k])
    return width


def _width_at_most(ls: _Lines, k: int, limit: int) -> bool:
    """``display_width(text) <= limit`` of line ``k``, measured only when the length leaves it open.

    Every character is one or two columns wide, so the length alone decides most lines.
    """
    n = len(ls.text[k])
    if 2 * n <= limit:
        return True
    if n > limit:
        return False
    return _width(ls, k) <= limit


def _has_label(ls: _Lines, k: int) -> int:
    """1 when line ``k`` names a table label (asked of a line up to twice: remembered)."""
    label = ls.label.get(k)
    if label is None:
        text = ls.text[k]
        if _FOLDS_INTO_PHRASE_RE.search(text):
            text = norm_label(text)
        label = ls.label[k] = 1 if TABLE_PHRASES.search(text) else 0
    return label


def _mark_title(ls: _Lines) -> None:
    """The title block: the first few short lines up to one containing 报告."""
    for i in range(min(_TITLE_SCAN, len(ls.text))):
        if ls.kind[i] != "prose" or ls.end[i] != OPEN or not _width_at_most(ls, i, 120):
            return
        if "报告" in ls.text[i]:
            for t in range(i + 1):
                ls.role[t] = "title"
            return


def _mark_closing(ls: _Lines) -> None:
    """The closing block: a last line that is a date, and the agency lines above it."""
    n = len(ls.text)
    if not n or ls.kind[-1] != "date":
        return
    ls.role[n - 1] = "closing-date"
    for k in range(n - 2, max(n - 4, -1), -1):
        if (ls.kind[k] == "prose" and k not in ls.role and _width_at_most(ls, k, 60) and ls.end[k] == OPEN
                and AGENCY_SUFFIX_RE.search(ls.text[k].replace(" ", ""))):
            ls.role[k] = "signature"
        else:
            break


def _detect_layout(ls: _Lines) -> tuple[str, int]:
    """Wrapped text has many unterminated lines that fill the line width.

    Short unterminated lines (labels such as "主动公开政府信息审批单") do not count:
    they appear in paragraph-layout files too. Returns the layout and, for a
    wrapped file, the full line width (see _full_width).

    The lines are counted and measured by passes in C over the columns.
    """
    prose_lines = list(map("prose".__eq__, ls.kind))
    for k in ls.role:
        prose_lines[k] = False  # prose lines without a role
    prose = prose_lines.count(True)
    if prose < 5:
        return "paragraph", 0
    ends = list(compress(ls.end, prose_lines))
    unterminated = prose - ends.count(CLOSED)
    if unterminated < 3 or unterminated * 2 < prose:
        return "paragraph", 0  # too few even if all were full width: no need to measure the lines
    full = _full_width(ls)  # measures every line
    widths = compress(compress(ls.width, prose_lines), map(CLOSED.__ne__, ends))  # of the unterminated prose lines
    wrapped_lines = sum(map((full * 0.7).__le__, widths))
    if wrapped_lines >= 3 and wrapped_lines * 2 >= prose:
        return "wrapped", full
    return "paragraph", 0


_MEASURED = frozenset(("prose", "heading"))


def _full_width(ls: _Lines) -> int:
    """The width of the lines that fill the line: the upper quartile of the prose and headings without a role."""
    ls.width = display_widths(ls.text)  # all at once: cheaper than picking out the lines to measure
    measured = list(map(_MEASURED.__contains__, ls.kind))
    for k in ls.role:
        measured[k] = False
    widths = sorted(compress(ls.width, measured))
    if not widths:
        return 0
    return widths[(len(widths) * 3) // 4]


_single = LogicalLine.single


def _row_of(ls: _Lines, k: int) -> LogicalLine:
    text, number, column, sep = ls.text[k], ls.number[k], ls.column[k], ls.sep[k]
    if sep is None:  # one cell: the whole (stripped) line, at the row's own place
        return _single(text, number, column, "row", (_single(text, number, column, "cell"),))
    parts = text.split(sep)
    last = len(parts) - 1
    outer_pipes = sep == "|" and last > 0  # Markdown's: they leave an empty first and last part, no cells
    cells = []
    at = column
    for i, part in enumerate(parts):
        cell_text = part.strip(_SPACE)
        if cell_text or not outer_pipes or 0 < i < last:
            # Most cells have no space to strip: the stripped text is the part, nothing before it.
            lead = 0 if len(cell_text) == len(part) else len(part) - len(part.lstrip(_SPACE))
            cells.append(_single(cell_text, number, at + lead, "cell"))
        at += len(part) + 1
    return _single(text, number, column, "row", tuple(cells))


# A line is table-ish when it can only belong to a table: a row, a lone value, or a table label.
# Table regions are worked out before the title and the closing block are marked: no line has a role yet.

def _tableish_by_kind(ls: _Lines, k: int) -> bool | None:
    """Whether a row or a lone value is table-ish; None for another line (see _tableish_by_label)."""
    if ls.kind[k] == "row":
        return True
    text = ls.text[k]
    first = text[0]
    if (first in _VALUE_START or first.isdigit()) and VALUE_RE.match(text):  # never like a section heading
        return _width_at_most(ls, k, 80)
    return None


def _tableish_by_label(ls: _Lines, k: int) -> bool:
    """Whether a line that is neither a row nor a lone value is table-ish: it names a table label.

    The tests that are cheap, or rarely passed, come first (few prose lines name
    a table label); the width limit comes last: it needs the line measured.
    """
    text = ls.text[k]
    return (not text.endswith("。") and not (text[0] in _SECTION_START and _SECTION_HEADING_RE.match(text))
            and bool(_has_label(ls, k)) and not _COUNT_RE.search(text) and _width_at_most(ls, k, 80))


def _values_in(ls: _Lines, k: int) -> int:
    text = ls.text[k]
    if ls.kind[k] == "row":
        sep = ls.sep[k]
        parts = text.split(sep) if sep else [text]
        return sum(1 for p in parts if VALUE_RE.match(p.strip(_SPACE)))
    return 1 if VALUE_RE.match(text) else 0


def _is_fragment(ls: _Lines, k: int) -> bool:
    """A short piece of text inside a table region (a label split over two lines)."""
    text = ls.text[k]
    return (ls.kind[k] in ("prose", "heading") and _width_at_most(ls, k, 40) and ls.end[k] != CLOSED
            and not (text[0] in _SECTION_START and _SECTION_HEADING_RE.match(text)))


def _mark_table_regions(ls: _Lines) -> None:
    """Turn unstructured table text (one cell per line, label line + numbers line) into rows.

    A region starts at a table-ish line and extends over table-ish lines and
    short fragments (a label split over two lines); it ends before anything
    else, and trailing fragments are given back. It is a table only when it
    holds at least three values and two table labels — prose never does.

    So a region lies in a stretch of lines that are each table-ish or a
    fragment, and fills it from its first table-ish line that is not a date to
    its last table-ish line. Values are only found in rows and lone values,
    which are never plain prose (_classify): only the stretches around those
    are worked out, and most prose lines are never asked whether they name a
    table label (the costliest test).
    """
    tableish: dict[int, bool] = {}  # by line, once worked out
    starts = []  # the rows and lone values
    for k in ls.special:
        by_kind = _tableish_by_kind(ls, k)
        if by_kind is not None:
            tableish[k] = by_kind
            starts.append(k)

    def in_stretch(k: int) -> bool:
        t = tableish.get(k)
        if t is None:
            t = tableish[k] = _tableish_by_label(ls, k)
        return t or _is_fragment(ls, k)

    stretches = []
    end = -1
    n = len(ls.text)
    for k in starts:
        if k > end and in_stretch(k):
            start = k
            while start > 0 and (tableish.get(start - 1) or in_stretch(start - 1)):
                start -= 1
            end = k
            while end + 1 < n and (tableish.get(end + 1) or in_stretch(end + 1)):  # the cells of a table: no call
                end += 1
            stretches.append((start, end))
    # Worked out for every stretch before any line is turned into a row, as a line's
    # kind decides whether it is table-ish.
    kind = ls.kind
    for start, end in stretches:
        ends = [k for k in range(start, end + 1) if tableish[k]]
        firsts = [k for k in ends if kind[k] != "date"]
        if not firsts:
            continue
        region = range(firsts[0], ends[-1] + 1)
        # A region of rows only has nothing to convert: its values and labels need no counting.
        if any(kind[k] != "row" for k in region) and _holds_table(ls, region):
            for k in region:
                if kind[k] != "row":
                    kind[k] = "row"
                    ls.sep[k] = None


def _holds_table(ls: _Lines, region: range) -> bool:
    """At least three values and two table labels (counted only as far as needed: a table has hundreds)."""
    return (_at_least(3, map(_values_in, repeat(ls), region))
            and _at_least(2, map(_has_label, repeat(ls), region)))


def _at_least(limit: int, counts) -> bool:
    total = 0
    for count_ in counts:
        total += count_
        if total >= limit:
            return True
    return False


def _join(ls: _Lines, i: int, j: int, kind: str = "text") -> LogicalLine:
    """The logical line of lines ``i`` to ``j`` (exclusive)."""
    if j - i == 1:
        return _single(ls.text[i], ls.number[i], ls.column[i], kind)
    texts = ls.text[i:j]
    offsets = accumulate(map(len, texts), initial=0)  # one more than the lines: map stops at the last line
    segments = tuple(map(Segment, offsets, ls.number[i:j], ls.column[i:j]))
    return LogicalLine("".join(texts), segments, kind)


def repair(lines: list[str]) -> tuple[tuple[LogicalLine, ...], str, dict[int, str]]:
    """Join physical ``lines`` into logical lines.

    Returns the logical lines, the detected layout and a map from the index of
    each logical line to its role (``title``, ``signature``, ``closing-date``)
    where it has one.
    """
    ls = _classify(lines)
    _mark_table_regions(ls)
    _mark_title(ls)
    _mark_closing(ls)
    layout, full = _detect_layout(ls)  # only a wrapped file's headings are compared with the full width
    wrapped = layout == "wrapped"

    out: list[LogicalLine] = []
    roles: dict[int, str] = {}
    kind, role, number, end = ls.kind, ls.role, ls.number, ls.end
    i = 0
    n = len(kind)
    while i < n:
        r = role.get(i)
        if r == "title":
            j = i + 1
            while j < n and role.get(j) == "title":
                j += 1
            roles[len(out)] = "title"
            out.append(_join(ls, i, j))
            i = j
            continue
        if kind[i] == "row":
            out.append(_row_of(ls, i))
            i += 1
            continue
        if r:
            roles[len(out)] = r
            out.append(_join(ls, i, i + 1))
            i += 1
            continue
        j = i + 1
        # A prose line's own test is the one the loop makes of every line it goes on from.
        if kind[i] == "prose" or _may_continue(ls, i, wrapped, full):
            # The blank lines between two lines are the numbers skipped between them.
            if wrapped:
                while (j < n and kind[j] == "prose" and j not in role and number[j] - number[j - 1] <= _MAX_GAP + 1
                       and end[j - 1] != CLOSED):
                    j += 1
            else:
                while (j < n and kind[j] == "prose" and j not in role and number[j] - number[j - 1] <= _MAX_GAP + 1
                       and end[j - 1] == OPEN and not _width_at_most(ls, j - 1, _MIN_BROKEN_WIDTH - 1)):
                    j += 1
        out.append(_join(ls, i, j))
        i = j
    return tuple(out), layout, roles


_PAIRS = {"（": "）", "《": "》", "“": "”", "〔": "〕", "【": "】", "(": ")"}


def _leaves_open(text: str) -> bool:
    """True when an opening bracket or quote in ``text`` is not closed in it."""
    return any(text.count(o) > text.count(c) for o, c in _PAIRS.items())


def _may_continue(ls: _Lines, k: int, wrapped: bool, full: int) -> bool:
    """Can the paragraph that ends with line ``k`` go on on the next line?"""
    end = ls.end[k]
    if end == CLOSED or end == SEMICOLON and not wrapped:
        return False
    kind = ls.kind[k]
    if kind == "heading":
        # A heading as wide as the wrapped lines may be a numbered paragraph that
        # wraps on, or just a long heading: only sentence punctuation or a bracket
        # left open tells them apart.
        if not (wrapped and full > 0 and _width(ls, k) >= full * 0.9):
            return False
        return any(p in ls.text[k] for p in "，,；;。") or _leaves_open(ls.text[k])
    if kind != "prose":
        return False
    return wrapped or not _width_at_most(ls, k, _MIN_BROKEN_WIDTH - 1)
