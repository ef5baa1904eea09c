"""Who wrote the report, for which year, and over which period.

These facts decide which rules apply (era, deadline), so each is taken only
from a place that states it: the year from the title or the 统计期限 sentence,
the agency from the title or the signature. Where nothing states it, the fact
is None and the rules that need it stay silent (E003 says why).
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlint import rx
from reportlint.facts.dates import date_ranges
from reportlint.model import AgencyKind, Paragraph, Period

_SP = r"[ \u3000]*"
_TITLE_YEAR_RE = rx.compile(rf"(?<!\d)((?:19|20)\d{{2}}){_SP}年")
# A period sentence names the period right before the range: "统计期限为…",
# "数据统计时间为：…", "统计期限自…起至…止". A bare "统计" ("据统计，2017年1月1日至
# 6月30日，共受理…") dates a figure, and a range after a comma or bracket is some
# other range.
_PERIOD_CUE_RE = rx.compile(
    r"(?:统计|数据)[^，。；;,]{0,6}?(?:期限|时限|期间|时间|区间|周期|范围|时段|期)[^，。；;,（(]{0,8}$")
_TOWNSHIP_RE = rx.compile(r"(乡|镇|街道)(人民政府|政府)?$|街道办事处$|街道办$")
# A department is named by its organ ("…局", "…委员会", "…办公室"); a name that is
# only a place ("某市某区") says nothing about the kind of body.
_SPACES_RE = rx.compile(r"[\s\u3000]+")
_DEPARTMENT_RE = rx.compile(r"(?:局|委|办|厅|部|会|处|室|中心|站|所|队|馆|司|署|组|公司|院|台|社|校|行)$")


def title_year(title: str) -> int | None:
    """The first four-digit year followed by 年 in the title."""
    m = _TITLE_YEAR_RE.search(title)
    return int(m.group(1)) if m else None


def title_agency(title: str) -> str | None:
    """The agency named before the year in the title ("吴忠市利通区机关事务管理局 2017 年…")."""
    m = _TITLE_YEAR_RE.search(title)
    head = title[: m.start()] if m else ""
    head = _SPACES_RE.sub("", head).strip("：:，,")
    return head or None


def agency_kind(name: str | None) -> AgencyKind | None:
    """Township (乡、镇、街道), government (…人民政府), department (…局/委/办 …), or None."""
    if not name:
        return None
    if _TOWNSHIP_RE.search(name):
        return AgencyKind.TOWNSHIP
    if name.endswith("政府"):
        return AgencyKind.GOVERNMENT
    if _DEPARTMENT_RE.search(name):
        return AgencyKind.DEPARTMENT
    return None


def find_periods(paragraphs: Iterable[Paragraph]) -> tuple[Period, ...]:
    """Every statistical period the report states, in order.

    Only a range right after a cue naming it (统计期限/统计时间/数据…期间) counts.
    An impossible date in it ("2月30日") is read as the first of its month, so
    the period can still be judged while D401 reports the date.
    """
    from reportlint.datetype import date

    out = []
    for p in paragraphs:
        text = p.text
        if "统计" not in text and "数据" not in text:
            continue
        for rng in date_ranges(text):
            sentence_start = max(text.rfind(ch, 0, rng.start.start) for ch in "。；;") + 1
            if not _PERIOD_CUE_RE.search(text, sentence_start, rng.start.start):
                continue
            try:
                a = rng.start.as_date() or date(rng.start.year, rng.start.month, 1)
                b = rng.end.as_date() or date(rng.end.year, rng.end.month, 1)
            except (TypeError, ValueError):
                continue
            out.append(Period(a, b, p.span(rng.start.start, rng.end.end)))
    return tuple(out)
