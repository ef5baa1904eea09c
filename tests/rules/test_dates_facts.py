"""The shared date facts (report.facts.dates / month_days): one search for the "月…日" hint,
then the exact pattern only just before each hint. These cases pin what the exact patterns
(FULL_DATE_RE, MONTH_DAY_RE outside full dates, CN_DATE_RE) find, including the places where
a date begins further before its 月 than the first reach of the search."""

from __future__ import annotations

from reportlint.facts.dates import CN_DATE_RE, FULL_DATE_RE, MONTH_DAY_RE, cn_year
from reportlint.parse import parse_source
from reportlint.patterns import cn_number
from reportlint.readers.text import source_from_text


def _report(body: str):
    text = "某市某区某某局2017年政府信息公开工作年度报告\n\n" + body + "\n"
    return parse_source(source_from_text("facts.txt", text))


def _expected(report):
    """The dates as the exact patterns find them, block by block."""
    full, month_days = [], []
    for b in report._index_all[2]:
        mine = [(m.start(), (int(m["y"]), int(m["m"]), int(m["d"]), m.start(), m.end())) for m in FULL_DATE_RE.finditer(b.text)]
        mine += [(m.start(), (cn_year(m["y"]), cn_number(m["m"]), cn_number(m["d"]), m.start(), m.end()))
                 for m in CN_DATE_RE.finditer(b.text)]
        full += [(b.text, d) for _, d in sorted(mine)]
        taken = {p for _, (_, _, _, s, e) in mine for p in range(s, e)}
        month_days += [(b.text, (None, int(m["m"]), int(m["d"]), m.start(), m.end()))
                       for m in MONTH_DAY_RE.finditer(b.text) if m.start() not in taken]
    return full, month_days


def _found(locs):
    return [(loc.block.text, (loc.value.year, loc.value.month, loc.value.day, loc.value.start, loc.value.end)) for loc in locs]


CASES = [
    "2017年1月1日至12月31日，共受理申请13件。",
    "统计期限为2017 年 1 月 1 日至 2017 年 12 月 31 日。",
    "日期：2017" + " " * 20 + "年" + "\u3000" * 15 + "2" + " " * 9 + "月30日",  # a date reaching far before its 月
    "编号12017年1月1日与1月2日、12月3日、123月4日、1月123日",
    "2017年1月2017年1月1日，二〇一八年二月二十八日，一二〇一八年三月一日",
    "二0一八年二月二十八日和２０１７年１２月３１日",
    "3月1起施行，1月5日止，7月8日",
]


def test_dates_and_month_days_are_those_of_the_exact_patterns():
    for body in CASES:
        report = _report(body)
        full, month_days = _expected(report)
        assert _found(report.facts.dates) == full, body
        assert _found(report.facts.month_days) == month_days, body


def test_a_date_far_from_its_month_is_found_whole():
    report = _report("日期：2017" + " " * 20 + "年" + " " * 15 + "12" + " " * 9 + "月31日")
    (loc,) = report.facts.dates
    assert (loc.value.year, loc.value.month, loc.value.day) == (2017, 12, 31)
    assert report.facts.month_days == ()


def test_dates_in_table_cells_and_their_order():
    body = "说明：2017年3月1日。\n\n项目\t日期\n审批\t2017年2月3日\n\n二〇一七年一月五日，3月4日。"
    report = _report(body)
    assert [(d.value.year, d.value.month, d.value.day) for d in report.facts.dates] == [
        (2017, 3, 1), (2017, 2, 3), (2017, 1, 5)]
    assert [(d.value.month, d.value.day) for d in report.facts.month_days] == [(3, 4)]
