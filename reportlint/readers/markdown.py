"""Markdown reports (.md): the text reader plus Markdown's own marks and suppression comments.

A Markdown report is a text report with a little markup on top. The markup is
removed before the repair sees the text — ATX heading marks (``## 一、总体情况``),
block quotes, bullet marks, ``**strong**``/``__strong__``, ``<br>`` and HTML
comments, image and link syntax (a link keeps its text) — so headings and
paragraphs read as in the .txt version, while every remaining character keeps
its own line and column in the .md file. Pipe tables are read by the text
repair as they are (the ``|---|`` separator row counts as blank).

``<!-- reportlint-disable CODE … -->`` … ``<!-- reportlint-enable -->`` switch
findings off between the two comments (see :func:`~reportlint.readers.mapped.find_suppressions`).
"""

from __future__ import annotations

import bisect
import re

from reportlint import rx

from reportlint.readers import check_text_bytes
from reportlint.readers.decode import decode
from reportlint.readers.mapped import RenderedLine, find_suppressions, line_starts, source_from_rendered
from reportlint.readers.text import newline_style
from reportlint.source import Source

_NEWLINE_RE = rx.compile(r"\r\n|\r|\n")
_COMMENT_RE = rx.compile(r"<!--.*?(?:-->|\Z)", re.S)
_ATX_RE = rx.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE_RE = rx.compile(r"[ \t]+#+[ \t]*$")
_QUOTE_RE = rx.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_BULLET_RE = rx.compile(r"^[ \t]{0,3}[-*+][ \t]+(?=\S)")
_RULE_RE = rx.compile(r"^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
_FENCE_RE = rx.compile(r"^[ \t]{0,3}(?:```|~~~)")
# Inline marks dropped wherever they stand: strong emphasis and line breaks.
_INLINE_RE = rx.compile(r"\*\*|__|<br\s*/?>", re.I)
_IMAGE_RE = rx.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK_RE = rx.compile(r"\[([^\]]*)\]\([^)]*\)")


def _keep(line: str) -> list[bool]:
    """Which characters of ``line`` are text (True) rather than Markdown marks."""
    keep = [True] * len(line)

    def drop(a: int, b: int) -> None:
        for i in range(a, b):
            keep[i] = False

    if _RULE_RE.match(line) and line.strip():
        return [False] * len(line)
    for pattern in (_ATX_RE, _QUOTE_RE):
        m = pattern.match(line)
        if m:
            drop(m.start(), m.end())
            if pattern is _ATX_RE:
                close = _ATX_CLOSE_RE.search(line, m.end())
                if close:
                    drop(close.start(), close.end())
    m = _BULLET_RE.match(line)
    if m:
        drop(m.start(), m.end())
    for m in _IMAGE_RE.finditer(line):
        drop(m.start(), m.end())
    for m in _LINK_RE.finditer(line):
        drop(m.start(), m.start(1))
        drop(m.end(1), m.end())
    if line.count("**") >= 2 or line.count("__") >= 2 or "<br" in line.lower():
        for m in _INLINE_RE.finditer(line):
            if m.group(0) in ("**", "__") and line.count(m.group(0)) < 2:
                continue
            drop(m.start(), m.end())
    return keep


def render_markdown(text: str) -> list[RenderedLine]:
    """One rendered line per line of ``text``, marks and comments removed."""
    # Comments first: they may span lines. Their characters become "\0" markers
    # that are then dropped, so line structure is untouched.
    masked = _COMMENT_RE.sub(lambda m: re.sub(r"[^\r\n]", "\0", m.group(0)), text)
    out: list[RenderedLine] = []
    in_fence = False
    for number, line in enumerate(_NEWLINE_RE.split(masked), 1):
        r = RenderedLine(fallback=(number, 1))
        out.append(r)
        if _FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            keep = [True] * len(line)
        else:
            keep = _keep(line)
        for i, ch in enumerate(line):
            if keep[i] and ch != "\0":
                r.add(ch, (number, i + 1))
    if len(out) > 1 and not out[-1].text and not out[-1].positions:
        out.pop()
    return out


def read_markdown(path: str, data: bytes) -> Source:
    """Reader for Markdown reports."""
    check_text_bytes(data)
    decoded = decode(data)
    text = decoded.text
    starts = line_starts(text)

    def position_of(offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i] + 1

    lines = _NEWLINE_RE.split(text)
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return source_from_rendered(path, render_markdown(text), lines, encoding=decoded.encoding,
                                bom=decoded.bom, newline=newline_style(text),
                                suppressions=find_suppressions(text, position_of))
