"""D-rules that look for a literal hint in the whole report and run their exact pattern only
just before each hint: the cases where the date begins far before its hint, where two hints
belong to one date, and the order of the findings within a block."""

from __future__ import annotations

import textwrap

from helpers import lint, report
from reportlint.parse import parse_source
from reportlint.readers.text import source_from_text
from reportlint.rules.dates import DateStyle, IncompleteDate


def _found(body: str, code: str) -> list[tuple[int, str]]:
    """(column, evidence text) of each ``code`` finding on the line of ``body``, in output order."""
    text = report(body=body)
    return [(d.column, d.message.zh) for d in lint(text, select=code)]


def _col(body: str, piece: str) -> int:
    return body.index(piece) + 1


def test_d402_blank_date_with_both_hints_is_reported_once():
    body = "时间：2017年" + " " * 20 + "月    日。"
    assert [c for c, _ in _found(body, "D402")] == [_col(body, "2017")]


def test_d402_blank_day_far_after_the_year():
    # Only the 月…日 blank is a hint here, and the year stands 20 characters before the 月.
    body = "时间：2017" + " " * 15 + "年12月  日。"
    assert [c for c, _ in _found(body, "D402")] == [_col(body, "2017")]


def test_d402_missing_day_far_after_the_month_digits():
    body = "本期自12" + " " * 15 + "月31止。"
    assert [c for c, _ in _found(body, "D402")] == [_col(body, "12")]


def test_d402_blank_dates_come_before_missing_days_in_a_block():
    body = "12月31止；审批时间：2018年 月 日；2018年1月1起施行；3月3起案件；2019年  月  日。"
    parsed = parse_source(source_from_text("x.txt", textwrap.dedent(report(body=body)).lstrip("\n")))
    spans = [f.span.column for f in IncompleteDate().check(parsed, None)]  # the rule's own order
    assert spans == [_col(body, "2018年 "), _col(body, "2019"), _col(body, "12月"), _col(body, "1月1起")]


def test_d402_digits_right_before_the_reach_are_part_of_the_date():
    body = "编号" + "1" * 9 + "2017年 月 日"  # five digits and more: no year, the blank date starts at 年
    assert [c for c, _ in _found(body, "D402")] == [_col(body, "年 月")]


def _d407(body: str, title_year: int = 2017) -> list[tuple[int, str]]:
    """(column, found) of the D407 findings of ``body``, in the rule's own order."""
    parsed = parse_source(source_from_text("x.txt", textwrap.dedent(report(title_year, body=body)).lstrip("\n")))
    line = next(b for b in parsed._index_all[2] if b.text.startswith(body[:6]))
    return [(f.span.column, f.evidence["found"]) for f in DateStyle().check(parsed, None)
            if f.span.line == line.lineno]


def test_d407_padded_day_far_after_its_month():
    body = "会议于9月" + " " * 14 + "05日召开。"
    assert _d407(body) == [(_col(body, "9月"), "9月" + " " * 14 + "05日")]


def test_d407_padding_two_digit_year_and_chinese_year_in_one_block_keep_their_order():
    body = "17年度工作于二〇一七年三月一日部署，18年9月完成，2017年09月05日验收，二0一六年 的资料。"
    assert _d407(body) == [
        (_col(body, "09月05日"), "09月05日"),
        (_col(body, "18年9月"), "18年"),
        (_col(body, "17年度"), "17年"),
        (_col(body, "二〇一七"), "二〇一七年三月一日"),
        (_col(body, "二0一六"), "二0一六年"),
    ]


def test_d407_year_with_spaces_before_its_year_sign():
    body = "本局17 年\u3000度的工作，二〇一八   年的资料。"
    assert _d407(body) == [(_col(body, "17 年"), "17年")]


def test_d407_chinese_year_inside_title_marks_is_silent():
    body = "依据《二0一六年工作要点》，18年上半年完成。"
    assert _d407(body) == [(_col(body, "18年"), "18年")]


def test_d401_months_that_do_not_exist_in_any_digits():
    body = ("2017年13月起，２０１７年１３月，2017年0月，2017年 00 月，2017" + " " * 14 + "年 14月，"
            "2017年12月、2017年０９月与2017年10月都存在。")
    found = [c for c, _ in _found(body, "D401")]
    assert found == [_col(body, "2017年13"), _col(body, "２０１７"), _col(body, "2017年0月"),
                     _col(body, "2017年 00"), _col(body, "2017" + " " * 14)]
