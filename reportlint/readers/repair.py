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
"""

from __future__ import annotations

from dataclasses import dataclass

import re

from reportlint import rx

from reportlint.patterns import (
    AGENCY_SUFFIX_RE,
    DATE_LINE_RE,
    display_width,
    ends_sentence,
    match_heading,
)
from reportlint.source import LogicalLine, Segment
from reportlint.tables.labels import TABLE_PHRASES
from reportlint.tables.normalise import norm_label

_SPACE = " \u3000\t\f\v\xa0"
# Blank lines allowed between two halves of one paragraph.
_MAX_GAP = 3
# In paragraph layout only lines at least this long may continue on the next line:
# a short unterminated line there is a label ("主动公开政府信息审批单"), not a wrap.
_MIN_BROKEN_WIDTH = 40
_TITLE_SCAN = 4


@dataclass(slots=True)
class _Raw:
    number: int  # 1-based original line
    text: str  # stripped
    column: int  # 1-based column of text[0] in the original line
    kind: str  # blank | row | heading | date | prose
    width: int
    role: str = ""  # title | signature | closing-date
    sep: str | None = None  # cell separator of a row: "\t", "|" or None (one cell)


# A markdown table's header separator: |---|:---:|
_MD_SEPARATOR_RE = rx.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
# A cell value standing alone on a line: a count, a signed change, money, or a placeholder.
VALUE_RE = rx.compile(r"^[+\-－＋]?\d+(?:\.\d+)?[ \u3000]*(?:万元|元)?$|^[/／\-－—–]+$")
# The six section headings of fmt2019/fmt2021 (and the reg2008 items) end a table region.
_SECTION_HEADING_RE = rx.compile(
    r"^[一二三四五六七八九十]+[、.．].*(?:总体情况|概述|主动公开政府信息|收到和处理|依申请|政府信息公开行政复议|"
    r"申请行政复议|被申请行政复议|存在的主要问题|存在问题|其他需要报告|收费及减免)"
)


def _is_pipe_row(text: str) -> bool:
    return text.count("|") >= 2 or " | " in text or (text.startswith("|") and text.endswith("|") and len(text) > 1)


def _classify(number: int, line: str) -> _Raw:
    if not line or line.isspace() and "\t" not in line:
        return _Raw(number, "", 1, "blank", 0)  # most lines of a wrapped file: decided first
    # Trailing tabs are empty cells of a row, so only spaces are stripped first.
    body = line.rstrip(" \u3000\xa0\f\v\r\n")
    stripped = body.lstrip(" \u3000\xa0\f\v")
    if "\t" in stripped.strip("\t") or (stripped.endswith("\t") and stripped.strip()):
        # A tab-separated table row keeps its leading empty cells.
        col = len(body) - len(stripped) + 1
        return _Raw(number, stripped, col, "row", 0, sep="\t")  # a row's width is never asked
    body = body.rstrip(_SPACE)
    text = stripped.strip(_SPACE)
    col = len(body) - len(body.lstrip(_SPACE)) + 1
    if not text or _MD_SEPARATOR_RE.match(text):
        return _Raw(number, "", 1, "blank", 0)
    if _is_pipe_row(text):
        return _Raw(number, text, col, "row", 0, sep="|")
    if text.endswith("日") and DATE_LINE_RE.match(text):
        kind = "date"
    elif match_heading(text):
        kind = "heading"
    else:
        kind = "prose"
    return _Raw(number, text, col, kind, display_width(text))


def _mark_title(raws: list[_Raw]) -> None:
    """The title block: the first few short lines up to one containing 报告."""
    nonblank = [r for r in raws if r.kind != "blank"][:_TITLE_SCAN]
    for i, r in enumerate(nonblank):
        if r.kind not in ("prose",) or ends_sentence(r.text, semicolon=True) or r.width > 120:
            return
        if "报告" in r.text:
            for t in nonblank[: i + 1]:
                t.role = "title"
            return


def _mark_closing(raws: list[_Raw]) -> None:
    """The closing block: a last line that is a date, and the agency lines above it."""
    nonblank = [r for r in raws if r.kind != "blank"]
    if not nonblank or nonblank[-1].kind != "date":
        return
    nonblank[-1].role = "closing-date"
    for r in reversed(nonblank[-3:-1]):
        if (r.kind == "prose" and not r.role and r.width <= 60 and not ends_sentence(r.text, semicolon=True)
                and AGENCY_SUFFIX_RE.search(r.text.replace(" ", ""))):
            r.role = "signature"
        else:
            break


def _detect_layout(raws: list[_Raw]) -> str:
    """Wrapped text has many unterminated lines that fill the line width.

    Short unterminated lines (labels such as "主动公开政府信息审批单") do not count:
    they appear in paragraph-layout files too.
    """
    prose = [r for r in raws if r.kind == "prose" and not r.role]
    if len(prose) < 5:
        return "paragraph"
    full = _full_width(raws)
    wrapped_lines = sum(1 for r in prose if not ends_sentence(r.text) and r.width >= full * 0.7)
    return "wrapped" if wrapped_lines >= 3 and wrapped_lines * 2 >= len(prose) else "paragraph"


def _full_width(raws: list[_Raw]) -> int:
    widths = sorted(r.width for r in raws if r.kind in ("prose", "heading") and not r.role)
    if not widths:
        return 0
    return widths[(len(widths) * 3) // 4]


def _line_of(raw: _Raw, kind: str = "text") -> LogicalLine:
    return LogicalLine(raw.text, (Segment(0, raw.number, raw.column),), kind)


def _row_of(raw: _Raw) -> LogicalLine:
    cells = []
    offset = 0
    parts = raw.text.split(raw.sep) if raw.sep else [raw.text]
    for k, part in enumerate(parts):
        lead = len(part) - len(part.lstrip(_SPACE))
        cell_text = part.strip(_SPACE)
        outer = k in (0, len(parts) - 1) and len(parts) > 1
        if not (raw.sep == "|" and outer and not cell_text):  # markdown's outer pipes
            cells.append(LogicalLine(cell_text, (Segment(0, raw.number, raw.column + offset + lead),), "cell"))
        offset += len(part) + 1
    return LogicalLine(raw.text, (Segment(0, raw.number, raw.column),), "row", tuple(cells))


def _tableish(r: _Raw) -> bool:
    """A line that can only belong to a table: a row, a lone value, or a table label."""
    if r.kind == "row":
        return True
    if r.kind == "blank" or r.role or r.width > 80 or _SECTION_HEADING_RE.match(r.text):
        return False
    if VALUE_RE.match(r.text):
        return True
    if r.text.endswith("。") or re.search(r"\d+[ \u3000]*[件条个次项起]", r.text):
        return False  # prose stating a count
    return bool(TABLE_PHRASES.search(norm_label(r.text)))


def _values_in(r: _Raw) -> int:
    if r.kind == "row":
        parts = r.text.split(r.sep) if r.sep else [r.text]
        return sum(1 for p in parts if VALUE_RE.match(p.strip(_SPACE)))
    return 1 if VALUE_RE.match(r.text) else 0


def _mark_table_regions(raws: list[_Raw]) -> None:
    """Turn unstructured table text (one cell per line, label line + numbers line) into rows.

    A region starts at a table-ish line and extends over table-ish lines and
    short fragments (a label split over two lines); it ends before anything
    else, and trailing fragments are given back. It is a table only when it
    holds at least three values and two table labels — prose never does.
    """
    nonblank = [r for r in raws if r.kind != "blank"]
    tableish = [_tableish(r) for r in nonblank]  # once per line: the scan below revisits lines
    i = 0
    while i < len(nonblank):
        if not tableish[i] or nonblank[i].kind == "date":
            i += 1
            continue
        last = i
        j = i + 1
        while j < len(nonblank):
            r = nonblank[j]
            if tableish[j]:
                last = j
            elif not (r.kind in ("prose", "heading") and not r.role and r.width <= 40 and not ends_sentence(r.text)
                      and not _SECTION_HEADING_RE.match(r.text)):
                break
            j += 1
        region = nonblank[i: last + 1]
        values = sum(_values_in(r) for r in region)
        labels = sum(1 for r in region if TABLE_PHRASES.search(norm_label(r.text)))
        if values >= 3 and labels >= 2 and any(r.kind != "row" for r in region):
            for r in region:
                if r.kind != "row":
                    r.kind, r.sep = "row", None
        i = last + 1


def _join(parts: list[_Raw], kind: str) -> LogicalLine:
    text = ""
    segments = []
    for p in parts:
        segments.append(Segment(len(text), p.number, p.column))
        text += p.text
    return LogicalLine(text, tuple(segments), kind)


def repair(lines: list[str]) -> tuple[tuple[LogicalLine, ...], str, dict[int, str]]:
    """Join physical ``lines`` into logical lines.

    Returns the logical lines, the detected layout and a map from the index of
    each logical line to its role (``title``, ``signature``, ``closing-date``)
    where it has one.
    """
    raws = [_classify(i + 1, line) for i, line in enumerate(lines)]
    _mark_table_regions(raws)
    _mark_title(raws)
    _mark_closing(raws)
    layout = _detect_layout(raws)
    full = _full_width(raws)
    wrapped = layout == "wrapped"

    out: list[LogicalLine] = []
    roles: dict[int, str] = {}
    i = 0
    n = len(raws)
    while i < n:
        r = raws[i]
        if r.kind == "blank":
            i += 1
            continue
        if r.role == "title":
            group = [r]
            j = i + 1
            while j < n and (raws[j].kind == "blank" or raws[j].role == "title"):
                if raws[j].role == "title":
                    group.append(raws[j])
                j += 1
            roles[len(out)] = "title"
            out.append(_join(group, "text"))
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
        group = [r]
        j = i + 1
        while True:
            last = group[-1]
            if not _may_continue(last, wrapped, full):
                break
            k, gap = j, 0
            while k < n and raws[k].kind == "blank" and gap <= _MAX_GAP:
                k += 1
                gap += 1
            if k >= n or gap > _MAX_GAP or raws[k].kind != "prose" or raws[k].role:
                break
            group.append(raws[k])
            j = k + 1
        out.append(_join(group, "text"))
        i = j
    return tuple(out), layout, roles


_PAIRS = {"（": "）", "《": "》", "“": "”", "〔": "〕", "【": "】", "(": ")"}


def _leaves_open(text: str) -> bool:
    """True when an opening bracket or quote in ``text`` is not closed in it."""
    return any(text.count(o) > text.count(c) for o, c in _PAIRS.items())


def _may_continue(raw: _Raw, wrapped: bool, full: int) -> bool:
    """Can the paragraph that ends with ``raw`` go on on the next line?"""
    if ends_sentence(raw.text, semicolon=not wrapped):
        return False
    if raw.kind == "heading":
        # A heading as wide as the wrapped lines may be a numbered paragraph that
        # wraps on, or just a long heading: only sentence punctuation or a bracket
        # left open tells them apart.
        if not (wrapped and full > 0 and raw.width >= full * 0.9):
            return False
        return any(p in raw.text for p in "，,；;。") or _leaves_open(raw.text)
    if raw.kind != "prose":
        return False
    return wrapped or raw.width >= _MIN_BROKEN_WIDTH
