"""Dates in report text: full dates, month-day dates, Chinese-numeral dates, ranges.

Kept in one module so D-rules, the statistical period and the closing date all
read dates the same way (spaces inside "2017 年 1 月 1 日" are common in
extracted text and are allowed everywhere).
"""

from __future__ import annotations

from reportlint.datetype import date

from reportlint import rx
from reportlint.patterns import CN_DIGITS, cn_number
from reportlint.records import Record

_SP = r"[ \u3000]*"
FULL_DATE = (rf"(?<!\d)(?P<y>\d{{4}}){_SP}年{_SP}(?P<m>\d{{1,2}}){_SP}月{_SP}(?P<d>\d{{1,2}}){_SP}日")
FULL_DATE_RE = rx.compile(FULL_DATE)
CN_DATE_RE = rx.compile(
    r"(?P<y>[〇零○O0一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月(?P<d>[一二三四五六七八九十]{1,3})日"
)
# "2月30日" with no year in front of it (matches inside full dates are dropped in code).
MONTH_DAY_RE = rx.compile(rf"(?<!\d)(?P<m>\d{{1,2}}){_SP}月{_SP}(?P<d>\d{{1,2}}){_SP}日")
# Hints: each begins with a character, not a look-behind or a class, so a whole report is
# searched for them many times faster than for the patterns themselves.
DAY_HINT_RE = rx.compile(rf"月{_SP}\d{{1,2}}{_SP}日")  # in every FULL_DATE_RE and MONTH_DAY_RE match
CN_DATE_HINT_RE = rx.compile(r"年[一二三四五六七八九十]{1,2}月")  # in every CN_DATE_RE match
# A full date or a month-day date, the full one where both could match (as FULL_DATE_RE, then
# MONTH_DAY_RE outside its matches, find them). Both begin with the same digit, written first
# with the look-behind after it ("\d(?<!\d\d)" is "(?<!\d)\d"): a pattern that begins with a
# class is searched by skipping to the next digit instead of being tried at every character.
# The year is the match's first four characters ("y3" holds the last three); "md" is set for a
# month-day date (the month's digits after the first).
DAY_DATE_RE = rx.compile(
    rf"\d(?<!\d\d)(?:(?P<y3>\d{{3}}){_SP}年{_SP}(?P<m>\d{{1,2}})|(?P<md>\d?)){_SP}月{_SP}(?P<d>\d{{1,2}}){_SP}日")
_RANGE_SEP = rf"{_SP}(?:起)?{_SP}(?:至|到|—|－|-|~|～){_SP}"


def _named(prefix: str) -> str:
    return FULL_DATE.replace("?P<", f"?P<{prefix}")


# The end may omit its year ("2017年1月1日至12月31日", common in real reports): it is
# then the start's year.
_END_DATE = (rf"(?:(?P<by>\d{{4}}){_SP}年{_SP})?(?P<bm>\d{{1,2}}){_SP}月{_SP}(?P<bd>\d{{1,2}}){_SP}日")
RANGE_RE = rx.compile(f"(?P<A>{_named('a')})" + _RANGE_SEP + rf"(?P<B>(?<!\d){_END_DATE})" + rf"(?:{_SP}止)?")


class DateMention(Record):
    """A date as written: its parts (None when absent) and where it stands in its block's text."""

    __slots__ = ("year", "month", "day", "start", "end")

    def __init__(self, year: int | None, month: int | None, day: int | None, start: int, end: int) -> None:
        self.year = year
        self.month = month
        self.day = day
        self.start = start
        self.end = end

    def as_date(self) -> date | None:
        """The calendar date, or None when a part is missing or no such date exists."""
        if self.year is None or self.month is None or self.day is None:
            return None
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None


def cn_year(text: str) -> int | None:
    """二〇一八 → 2018 (digit by digit, as dates write years)."""
    digits = [CN_DIGITS.get(ch, 0 if ch in "O0" else None) for ch in text]
    if any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))


def full_dates(text: str) -> list[DateMention]:
    """Every year-month-day date in ``text`` (Arabic or Chinese numerals)."""
    found = [DateMention(int(m["y"]), int(m["m"]), int(m["d"]), m.start(), m.end())
             for m in FULL_DATE_RE.finditer(text)]
    for m in CN_DATE_RE.finditer(text):
        found.append(DateMention(cn_year(m["y"]), cn_number(m["m"]), cn_number(m["d"]), m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


def month_day_dates(text: str) -> list[DateMention]:
    """Dates written without a year ("2月30日"), outside any full date."""
    taken = [(d.start, d.end) for d in full_dates(text)]
    out = []
    for m in MONTH_DAY_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        out.append(DateMention(None, int(m["m"]), int(m["d"]), m.start(), m.end()))
    return out


def parse_date_line(text: str) -> date | None:
    """The date of a closing line such as "2018年 2月 28日" or "二〇一八年二月二十八日"."""
    for mention in full_dates(text):
        return mention.as_date()
    return None


class DateRange(Record):
    """A period written as two dates ("2017年1月1日至12月31日")."""

    __slots__ = ("start", "end")

    def __init__(self, start: DateMention, end: DateMention) -> None:
        self.start = start
        self.end = end


def date_ranges(text: str) -> list[DateRange]:
    """"2017年1月1日至2017年12月31日"-style ranges in ``text`` (the end's year may be omitted)."""
    out = []
    for m in RANGE_RE.finditer(text):
        a = DateMention(int(m["ay"]), int(m["am"]), int(m["ad"]), m.start("A"), m.end("A"))
        b = DateMention(int(m["by"] or m["ay"]), int(m["bm"]), int(m["bd"]), m.start("B"), m.end("B"))
        out.append(DateRange(a, b))
    return out
