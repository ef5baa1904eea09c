"""Facts extracted from a report once, lazily, and shared by every rule.

A rule that needs the dates of a report asks ``report.facts.dates`` instead of
running its own regex, so no text is parsed twice and all rules agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from reportlint.facts.dates import DateMention, full_dates, month_day_dates

if TYPE_CHECKING:
    from reportlint.model import Block, Report
    from reportlint.tables.extract import Tables


@dataclass(frozen=True)
class Located:
    """A fact together with the block it was found in."""

    block: "Block"
    value: DateMention


class Facts:
    def __init__(self, report: "Report") -> None:
        self._report = report

    @cached_property
    def dates(self) -> tuple[Located, ...]:
        """Every full date (year-month-day) in running text and table cells, in order."""
        return tuple(Located(b, d) for b in self._report.text_blocks() for d in full_dates(b.text))

    @cached_property
    def month_days(self) -> tuple[Located, ...]:
        """Dates written without a year ("2月30日")."""
        return tuple(Located(b, d) for b in self._report.text_blocks() for d in month_day_dates(b.text))

    @cached_property
    def tables(self) -> "Tables":
        """Tables 二, 三 and 四 by canonical label (each None when the report has none)."""
        from reportlint.tables.extract import extract_tables

        return extract_tables(self._report.tables, self._report.era)
