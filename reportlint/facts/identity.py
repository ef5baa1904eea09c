"""Who wrote the report, for which year, and over which period.

These facts decide which rules apply (era, deadline), so each is taken only
from a place that states it: the year from the title or the 统计期限 sentence,
the agency from the title or the signature. Where nothing states it, the fact
is None and the rules that need it stay silent (E003 says why).
"""

from __future__ import annotations

import re
from typing import Iterable

from reportlint.facts.dates import date_ranges
from reportlint.model import AgencyKind, Paragraph, Period

_SP = r"[ \u3000]*"
_TITLE_YEAR_RE = re.compile(rf"(?<!\d)((?:19|20)\d{{2}}){_SP}年")
_PERIOD_CUE_RE = re.compile(r"统计(?:期限|时限|期间|时间|区间|周期|范围)?|数据(?:期限|时限|期间)")
_TOWNSHIP_RE = re.compile(r"(乡|镇|街道)(人民政府|政府)?$|街道办事处$|街道办$")


def title_year(title: str) -> int | None:
    """The first four-digit year followed by 年 in the title."""
    m = _TITLE_YEAR_RE.search(title)
    return int(m.group(1)) if m else None


def title_agency(title: str) -> str | None:
    """The agency named before the year in the title ("吴忠市利通区机关事务管理局 2017 年…")."""
    m = _TITLE_YEAR_RE.search(title)
    head = title[: m.start()] if m else ""
    head = re.sub(r"[\s\u3000]+", "", head).strip("：:，,")
    return head or None


def agency_kind(name: str | None) -> AgencyKind | None:
    """Township (乡、镇、街道), government (…人民政府) or department (everything else)."""
    if not name:
        return None
    if _TOWNSHIP_RE.search(name):
        return AgencyKind.TOWNSHIP
    if name.endswith("人民政府"):
        return AgencyKind.GOVERNMENT
    return AgencyKind.DEPARTMENT


def find_period(paragraphs: Iterable[Paragraph]) -> Period | None:
    """The first date range stated in a sentence about the statistics (统计期限/统计时间 …)."""
    from datetime import date

    for p in paragraphs:
        text = p.text
        if not _PERIOD_CUE_RE.search(text):
            continue
        for rng in date_ranges(text):
            sentence_start = max(text.rfind(ch, 0, rng.start.start) for ch in "。；;") + 1
            if not _PERIOD_CUE_RE.search(text, sentence_start, rng.start.start):
                continue
            a, b = rng.start.as_date(), rng.end.as_date()
            if a is None or b is None:
                # An impossible date in the period is D401's business; fall back to the parts.
                try:
                    a = a or date(rng.start.year, rng.start.month, 1)
                    b = b or date(rng.end.year, rng.end.month, 1)
                except (TypeError, ValueError):
                    continue
            return Period(a, b, p.span(rng.start.start, rng.end.end))
    return None
