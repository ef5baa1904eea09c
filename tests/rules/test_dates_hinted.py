"""D-rules that look for a literal hint in the whole report and run their exact pattern only
just before each hint: the cases where the date begins far before its hint, where two hints
belong to one date, and the order of the findings within a block."""

from __future__ import annotations

import textwrap

from helpers import lint, report
from reportlint.parse import parse_source
from reportlint.readers.text import source_from_text
from reportlint.rules.dates import IncompleteDate


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
