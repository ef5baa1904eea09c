"""Facts extracted from a report once, lazily, and shared by every rule.

A rule that needs the dates of a report asks ``report.facts.dates`` instead of
running its own regex, so no text is parsed twice and all rules agree.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from reportlint.facts.dates import (
    CN_DATE_HINT_RE,
    CN_DATE_RE,
    DAY_HINT_RE,
    FULL_DATE_RE,
    MONTH_DAY_RE,
    DateMention,
    cn_year,
)
from reportlint.patterns import cn_number

if TYPE_CHECKING:
    from reportlint.model import Block, Report
    from reportlint.tables.extract import Tables


@dataclass(frozen=True)
class Located:
    """A fact together with the block it was found in."""

    block: "Block"
    value: DateMention


class Facts:
    """The facts of one report; the report caches its Facts (``report.facts``).

    The report is held by a weak reference: a strong one would make every report
    a reference cycle, which only the garbage collector can free — it then ran
    every few reports and took a fifth of the linting time.
    """

    def __init__(self, report: "Report") -> None:
        self._ref = weakref.ref(report)

    @property
    def _report(self) -> "Report":
        return self._ref()  # type: ignore[return-value]  # alive while report.facts is being asked

    @cached_property
    def dates(self) -> tuple[Located, ...]:
        """Every full date (year-month-day) in running text and table cells, in order."""
        r = self._report
        found = [(b, DateMention(int(m["y"]), int(m["m"]), int(m["d"]), s, e))
                 for b, s, e, m in r.scan_hinted(FULL_DATE_RE, DAY_HINT_RE)]
        chinese = [(b, DateMention(cn_year(m["y"]), cn_number(m["m"]), cn_number(m["d"]), s, e))
                   for b, s, e, m in r.scan_hinted(CN_DATE_RE, CN_DATE_HINT_RE)]
        if chinese:  # each list is in reading order already; only merging them needs sorting
            found += chinese
            order = {id(b): i for i, b in enumerate(r._index_all[2])}
            found.sort(key=lambda x: (order[id(x[0])], x[1].start))
        return tuple(Located(b, d) for b, d in found)

    @cached_property
    def month_days(self) -> tuple[Located, ...]:
        """Dates written without a year ("2月30日"), outside any full date."""
        taken = {(id(loc.block), p) for loc in self.dates for p in range(loc.value.start, loc.value.end)}
        return tuple(Located(b, DateMention(None, int(m["m"]), int(m["d"]), s, e))
                     for b, s, e, m in self._report.scan_hinted(MONTH_DAY_RE, DAY_HINT_RE)
                     if (id(b), s) not in taken)

    @cached_property
    def tables(self) -> "Tables":
        """Tables 二, 三 and 四 by canonical label (each None when the report has none)."""
        from reportlint.tables.extract import extract_tables

        return extract_tables(self._report.tables, self._report.era)
