"""Facts extracted from a report once, lazily, and shared by every rule.

A rule that needs the dates of a report asks ``report.facts.dates`` instead of
running its own regex, so no text is parsed twice and all rules agree.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property

try:  # the C type ``weakref.ref`` is; the weakref module (WeakSet, finalize …) costs ~2.5 M instructions of a start
    from _weakref import ref as _weak_ref
except ImportError:  # not CPython
    from weakref import ref as _weak_ref

from reportlint.facts.dates import (
    CN_DATE_HINT_RE,
    CN_DATE_RE,
    DAY_DATE_RE,
    DAY_HINT_RE,
    DateMention,
    cn_year,
)
from reportlint.patterns import cn_number
from reportlint.records import Record

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: ~15 M instructions of every start
if TYPE_CHECKING:
    import re
    from typing import TypeVar

    from reportlint.model import Block, Report
    from reportlint.tables.extract import Tables

    T = TypeVar("T")

# How far before its "月" a date is first looked for: "2017 年 12 " fits. The search starts
# earlier only when the character before this reach could belong to the date.
_DATE_REACH = 12
_BEFORE_MONTH = "年 \u3000"  # with the digits, what a date holds before its "月"


class Located(Record):
    """A fact together with the block it was found in."""

    __slots__ = ("block", "value")

    def __init__(self, block: "Block", value: DateMention) -> None:
        self.block = block
        self.value = value


def matches_containing(index: tuple[str, list[int], list["Block"]], positions: Iterable[int],
                       pattern: "re.Pattern[str]", inside: str, reach: int = 12) -> Iterator[tuple[int, "re.Match[str]"]]:
    """The matches of ``pattern`` that contain one of ``positions``, in order, each once.

    Yields (position of the block in ``index``'s list, match on the joined text): spans are
    offsets in the joined text. ``positions`` (in the joined text, ascending) are where a
    literal hint found by one search of the whole text stands, so ``pattern`` — slow to
    search for when it begins with a look-behind, a class or an optional part — is tried only
    in a few characters before each. The same matches as ``pattern.finditer`` over each
    block, for patterns whose matches

    - are made only of decimal digits and the characters of ``inside``, and contain a hint;
    - are the same wherever in front of them the search begins (each is anchored by a
      character that only it holds, as a date by its 年 or 月, so none overlaps another).

    The search begins ``reach`` characters before the hint, or at the block's start (or the
    previous match's end) when the character before that could be part of a match.
    """
    text, starts, blocks = index
    covered = 0  # the end of the previous match: matches do not overlap
    for c in positions:
        if c < covered:
            continue
        i = bisect_right(starts, c) - 1
        base = starts[i]
        earliest = base if base > covered else covered
        lo = c - reach
        if lo <= earliest:
            lo = earliest
        elif text[lo - 1].isdecimal() or text[lo - 1] in inside:
            lo = earliest
        for m in pattern.finditer(text, lo, base + len(blocks[i].text)):
            if m.end() <= c:
                continue  # a match before the hint, without one of its own
            if m.start() <= c:
                yield i, m
                covered = m.end()
            break


class Facts:
    """The facts of one report; the report caches its Facts (``report.facts``).

    The report is held by a weak reference: a strong one would make every report
    a reference cycle, which only the garbage collector can free — it then ran
    every few reports and took a fifth of the linting time.
    """

    def __init__(self, report: "Report") -> None:
        self._ref = _weak_ref(report)
        self._shared: dict[Callable, object] = {}

    @property
    def _report(self) -> "Report":
        return self._ref()  # type: ignore[return-value]  # alive while report.facts is being asked

    def shared(self, compute: Callable[["Report"], T]) -> T:
        """``compute(report)``, computed once per report for every rule that asks with the same function.

        For what several rules work out alike (the six sections' headings, the sibling groups
        of headings): the first rule to ask pays. ``compute`` must be a module-level function
        and its result must not refer to the report (that would be a reference cycle again);
        the result is shared, so it must not be changed by those who ask.
        """
        try:
            return self._shared[compute]  # type: ignore[return-value]
        except KeyError:
            value = self._shared[compute] = compute(self._report)
            return value

    @cached_property
    def _day_dates(self) -> tuple[list[tuple[int, Located]], tuple[Located, ...]]:
        """(full dates in Arabic numerals with their block's position, month-day dates), in order.

        Every such date ends in a "月…日" (DAY_HINT_RE), and each of those ends at most one
        date: one search of the whole text for the hint, then the exact pattern only in the
        few characters before each hint.
        """
        text, starts, blocks = self._report._index_all
        full: list[tuple[int, Located]] = []
        month_days: list[Located] = []
        after_previous = 0  # a date cannot begin before the end of the previous hint
        for h in DAY_HINT_RE.finditer(text):
            month, end = h.span()
            i = bisect_right(starts, month) - 1
            base = starts[i]
            earliest = base if base > after_previous else after_previous
            start = month - _DATE_REACH
            if start <= earliest:
                start = earliest
            elif text[start - 1].isdecimal() or text[start - 1] in _BEFORE_MONTH:
                start = earliest  # the date may begin before the reach
            after_previous = end
            m = DAY_DATE_RE.search(text, start, end)
            if m is None:
                continue
            s = m.start()
            if m["y3"] is None:
                month_days.append(Located(blocks[i], DateMention(
                    None, int(text[s:m.end("md")]), int(m["d"]), s - base, end - base)))
            else:
                full.append((i, Located(blocks[i], DateMention(
                    int(text[s:s + 4]), int(m["m"]), int(m["d"]), s - base, end - base))))
        return full, tuple(month_days)

    def _chinese_dates(self) -> list[tuple[int, Located]]:
        """Full dates in Chinese numerals with their block's position, in order.

        Such a date has its 年 four characters after its start, right before the hint
        (CN_DATE_HINT_RE): the exact pattern is tried at that one place per hint.
        """
        text, starts, blocks = self._report._index_all
        out = []
        for h in CN_DATE_HINT_RE.finditer(text):
            year_end = h.start()
            if year_end < 4:
                continue
            m = CN_DATE_RE.match(text, year_end - 4)
            if m is not None:
                i = bisect_right(starts, year_end) - 1
                base = starts[i]
                out.append((i, Located(blocks[i], DateMention(cn_year(m["y"]), cn_number(m["m"]), cn_number(m["d"]),
                                                              m.start() - base, m.end() - base))))
        return out

    @cached_property
    def dates(self) -> tuple[Located, ...]:
        """Every full date (year-month-day) in running text and table cells, in order."""
        found = self._day_dates[0]
        chinese = self._chinese_dates()
        if chinese:  # each list is in reading order already; only merging them needs sorting
            found = sorted(found + chinese, key=lambda x: (x[0], x[1].value.start))
        return tuple(loc for _, loc in found)

    @cached_property
    def month_days(self) -> tuple[Located, ...]:
        """Dates written without a year ("2月30日"), outside any full date."""
        return self._day_dates[1]

    @cached_property
    def tables(self) -> "Tables":
        """Tables 二, 三 and 四 by canonical label (each None when the report has none)."""
        from reportlint.tables.extract import extract_tables

        return extract_tables(self._report.tables, self._report.era)
