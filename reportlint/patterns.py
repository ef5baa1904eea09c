"""Line-level patterns shared by the text repair and the grammar's line lexer.

They live in one place because both stages must agree on what a heading, a
table row or a closing date looks like: the repair step must never glue a
paragraph onto a heading that the lexer will later recognise.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from reportlint import rx

CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}

# Heading markers, one per level: 一、 → （一） → 1. → （1）. Half-width brackets,
# "1、" and the slips "一." / "（一）、" are accepted so that S105 can report them.
HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, rx.compile(r"(?P<num>[一二三四五六七八九十]{1,3})[ \u3000]*(?P<sep>[、.．])[ \u3000]*")),
    (2, rx.compile(r"[（(][ \u3000]*(?P<num>[一二三四五六七八九十]{1,3})[ \u3000]*[）)](?P<sep>[、.．，,]?)[ \u3000]*")),
    (3, rx.compile(r"(?P<num>\d{1,2})[ \u3000]*(?P<sep>[.．、])(?!\d)[ \u3000]*")),
    (4, rx.compile(r"[（(][ \u3000]*(?P<num>\d{1,2})[ \u3000]*[）)](?P<sep>[、.．，,]?)[ \u3000]*")),
)

# A line that is nothing but a date (the 落款日期), including a blank template date.
DATE_LINE_RE = rx.compile(
    r"^(?:\d{4}|[〇零○O0一二三四五六七八九]{4})[ \u3000]*年[ \u3000]*"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})?[ \u3000]*月[ \u3000]*"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})?[ \u3000]*日$"
)

# Sentence-final punctuation: a line ending in one of these ends its paragraph.
_FINAL = "。！？!?…"
_CLOSERS = "”’）)」』》"

# Typical endings of an agency name, used to recognise the signature above the
# closing date without mistaking a short last sentence ("特此报告") for it.
AGENCY_SUFFIX_RE = rx.compile(
    r"(局|委|办|厅|院|部|府|会|处|室|中心|站|所|队|馆|街道|办事处|乡|镇|司|署|组|公司|委员会|管委会|政府)$"
)


def cn_number(text: str) -> int | None:
    """Value of a Chinese numeral up to 99 (一, 十, 十二, 二十, 二十三), else None."""
    if not text:
        return None
    if "十" in text:
        head, _, tail = text.partition("十")
        if "十" in tail or len(head) > 1 or len(tail) > 1:
            return None
        tens = CN_DIGITS.get(head, None) if head else 1
        ones = CN_DIGITS.get(tail, None) if tail else 0
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    if len(text) == 1 and text in CN_DIGITS:
        return CN_DIGITS[text]
    return None


# Every heading marker starts with one of these (checked first: most lines are not headings).
HEADING_START = frozenset("一二三四五六七八九十（(0123456789")
# The patterns, in order, that a line starting with each of those characters can match:
# a numeral 一…十 only level 1's, a bracket levels 2 and 4, a digit level 3 (many
# lines of a table are numbers: they are tried against one pattern, not four).
_PATTERNS_BY_START = {
    **{c: HEADING_PATTERNS[0:1] for c in "一二三四五六七八九十"},
    **{c: HEADING_PATTERNS[1:2] + HEADING_PATTERNS[3:4] for c in "（("},
    **{c: HEADING_PATTERNS[2:3] for c in "0123456789"},
}


def match_heading(text: str) -> tuple[int, re.Match[str]] | None:
    """Return (level, match) when ``text`` starts with a heading marker."""
    if not text or text[0] not in HEADING_START:
        return None
    for level, pattern in _PATTERNS_BY_START[text[0]]:
        m = pattern.match(text)
        if m:
            return level, m
    return None


# How a line ends (sentence_end): open, at a semicolon, or closing a sentence.
OPEN, SEMICOLON, CLOSED = 0, 1, 2


def sentence_end(text: str) -> int:
    """How the line ends: ``CLOSED`` by sentence-final punctuation (before closing
    quotes or brackets, if any), at a ``SEMICOLON`` ("；", ";"), or ``OPEN``.

    An empty line counts as closed.
    """
    t = text.rstrip()
    if not t:
        return CLOSED
    last = t[-1]
    if last in _CLOSERS:
        if len(t) == 1:
            return OPEN
        last = t[-2]
    if last in _FINAL:
        return CLOSED
    return SEMICOLON if last in "；;" else OPEN


def ends_sentence(text: str, *, semicolon: bool = False) -> bool:
    """True when the line's last character closes a sentence.

    ``semicolon`` also counts "；" as final (used for paragraph-layout files,
    where a list item per line ends in "；").
    """
    return sentence_end(text) >= (SEMICOLON if semicolon else CLOSED)


# Characters a terminal shows two columns wide (CJK, full-width forms, Hangul …).
_WIDE = ("\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f"
         "\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd")
# Runs of the other characters: report lines are mostly wide, so counting the few
# narrow runs is cheaper than collecting every wide character.
_NARROW_RUN_RE = rx.compile(f"[^{_WIDE}]+")
# The narrow characters outside ASCII: few in a report (“”—…○).
_NON_ASCII_NARROW_RE = rx.compile(f"[^\\x00-\\x7f{_WIDE}]")


def display_width(text: str) -> int:
    """Columns the text occupies in a terminal (CJK and full-width count two)."""
    return 2 * len(text) - sum(map(len, _NARROW_RUN_RE.findall(text)))


def display_widths(texts: list[str]) -> list[int]:
    """``display_width`` of each of ``texts``, measured together (for a few hundred lines).

    Each character is two columns but the narrow ones, which are counted over
    the joined text: ASCII by encoding (C speed), the few others by one regex
    search, placed in their lines by their offset. About twice as fast as a
    regex call per line.
    """
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # a text holding a line break: the lines cannot be told apart
        return [display_width(t) for t in texts]
    ascii_parts = joined.encode("ascii", "ignore").split(b"\n")
    widths = [2 * len(t) - len(a) for t, a in zip(texts, ascii_parts)]
    others = [m.start() for m in _NON_ASCII_NARROW_RE.finditer(joined)]
    if others:
        starts = list(accumulate([len(t) + 1 for t in texts[:-1]], initial=0))
        for at in others:
            widths[bisect_right(starts, at) - 1] -= 1
    return widths
