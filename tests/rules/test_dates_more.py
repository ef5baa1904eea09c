"""D407 date-style: zero padding (fixable), two-digit years, Chinese-numeral dates, 〇 written 0/O/○/零.

Every case asserts the exact (code, line) list, for firing and for silent text.
"""

from __future__ import annotations

import pytest
from fixapply import changed_lines, diags, doc_example, era_frames, fixed
from helpers import codes_lines, frame_line, line_no, report, wrapped_report


def _d407(body: str, year: int = 2017, **kw) -> list[tuple[str, int]]:
    return codes_lines(report(year, body, **kw), select="D407", dedent=False)


def _at(body: str, year: int = 2017) -> int:
    return frame_line(body[:10], report(year, body))


# --------------------------------------------------------------------------- zero padding

@pytest.mark.parametrize("body,want", [
    ("2017年09月05日，我局召开政务公开工作专题会议。", "2017年9月5日，我局召开政务公开工作专题会议。"),
    ("我局于09月召开政务公开工作专题会议。", "我局于9月召开政务公开工作专题会议。"),
    ("2017年9月05日，我局召开政务公开工作专题会议。", "2017年9月5日，我局召开政务公开工作专题会议。"),
    ("2017年10月08日，我局召开政务公开工作专题会议。", "2017年10月8日，我局召开政务公开工作专题会议。"),
    ("2017 年 09 月 05 日，我局召开政务公开工作专题会议。", "2017 年 9 月 5 日，我局召开政务公开工作专题会议。"),
])
def test_d407_zero_padding_fires_once_per_date_and_fixes_only_the_zeros(body, want):
    text = report(2017, body)
    assert _d407(body) == [("D407", _at(body))]
    (d,) = diags(text, "D407")
    assert all(e.replacement == "" for e in d.fix)
    assert changed_lines(text, fixed(text, "D407")) == [(body, want)]


def test_d407_zero_padded_date_split_over_wrapped_lines():
    lines = ["我局高度重视政务公开工作，认真组织学习，并于2017年09",
             "月05日召开政务公开工作专题会议，研究部署全",
             "年政务公开工作。"]
    text = wrapped_report(lines)
    first, second = line_no(text, lines[0]), line_no(text, lines[1])
    assert codes_lines(text, select="D407", dedent=False) == [("D407", first)]
    (d,) = diags(text, "D407")
    assert [(e.span.line, e.span.column) for e in d.fix] == [(first, lines[0].index("09") + 1), (second, 2)]
    assert changed_lines(text, fixed(text, "D407")) == [
        (lines[0], lines[0].replace("09", "9")), (lines[1], lines[1].replace("05日", "5日"))]


def test_d407_padded_closing_date():
    text = report(2017, "", closing="2018年01月20日")
    assert codes_lines(text, select="D407", dedent=False) == [("D407", frame_line("2018年01月20日", text))]
    assert changed_lines(text, fixed(text, "D407")) == [("2018年01月20日", "2018年1月20日")]


# --------------------------------------------------------------------------- two-digit years

@pytest.mark.parametrize("body", [
    "17年9月，我局召开政务公开工作专题会议。",
    "17年度，我局认真落实政务公开工作要点。",
    "截至17年底，我局政府信息公开目录共收录信息1035条。",
    "我局将于18年上半年完成门户网站改版。",
])
def test_d407_two_digit_year_fires(body):
    assert _d407(body) == [("D407", _at(body))]
    (d,) = diags(report(2017, body), "D407")
    assert d.fix == ()  # only the zero padding is fixed automatically


@pytest.mark.parametrize("body", [
    "17年来，我局始终坚持以公开为常态、不公开为例外。",
    "近17年，我局始终坚持以公开为常态。",
    "我局成立17年以来，始终坚持依法公开。",
    "我局成立17年，始终坚持依法公开。",
    "我局17年主动公开信息50条。",
    "老同志工作17年，经验丰富。",
    "我局17年前就建立了政务公开栏。",
    "该档案保存期限为30年，期满后移交档案馆。",
    "我局成立于2017年，现有工作人员17人。",
    "第17年度考核中，我局获评优秀。",
    # a year far from the report year is not taken as an abbreviation
    "35年度的档案已全部移交。",
])
def test_d407_durations_are_not_years(body):
    assert _d407(body) == []


# --------------------------------------------------------------------------- Chinese numerals

@pytest.mark.parametrize("body", [
    "二〇一七年十二月五日，我局召开政务公开工作专题会议。",
    "二〇一七年三月一日起，我局施行新的信息发布制度。",
])
def test_d407_chinese_numeral_date_after_2012(body):
    assert _d407(body) == [("D407", _at(body))]


def test_d407_chinese_numeral_closing_date():
    text = report(2017, "", closing="二〇一八年一月二十日")
    assert codes_lines(text, select="D407", dedent=False) == [("D407", frame_line("二〇一八年一月二十日", text))]


@pytest.mark.parametrize("body", [
    "二0一七年政务公开工作要点已经印发。",
    "二O一七年政务公开工作要点已经印发。",
    "二○一七年政务公开工作要点已经印发。",
    "二零一七年政务公开工作要点已经印发。",
])
def test_d407_zero_of_a_chinese_numeral_year(body):
    assert _d407(body) == [("D407", _at(body))]
    (d,) = diags(report(2017, body), "D407")
    assert "〇" in d.message.zh


def test_d407_mixed_zero_in_a_chinese_date_is_one_finding():
    body = "二0一七年十二月五日，我局召开政务公开工作专题会议。"
    assert _d407(body) == [("D407", _at(body))]


@pytest.mark.parametrize("body,year", [
    # before GB/T 9704-2012: a 2011 report may date in Chinese numerals
    ("二〇一一年三月五日，我局召开政务公开工作专题会议。", 2011),
    # a Chinese-numeral year alone (no date), correctly written
    ("二〇一七年政务公开工作要点已经印发。", 2017),
    ("二〇〇〇年以来的档案已全部数字化。", 2017),
    # a cited title is quoted as it stands
    ("我局认真贯彻《二〇一七年政务公开工作要点》。", 2017),
    # placeholders are W604's
    ("○○年○○月，我局召开会议。", 2017),
])
def test_d407_chinese_numerals_silent(body, year):
    assert _d407(body, year) == []


# --------------------------------------------------------------------------- silent

@pytest.mark.parametrize("body", [
    "2017年9月5日，我局召开政务公开工作专题会议。",
    "2017年10月10日至10月20日，我局开展了政务公开自查。",
    "2016年2月29日，我局召开政务公开工作专题会议。",
    "申请的截止日期为3月31日，我局于当日9:30前完成受理。",
    "我局政府信息公开目录共收录信息1035条，其中2017年新增105条。",
    "全年办结率100%，平均办理时间3.5个工作日。",
    "按照宁政办发〔2017〕105号文件要求，我局于10月完成目录更新。",
])
def test_d407_silent(body):
    assert _d407(body) == []


@pytest.mark.parametrize("body", [
    "2016年2月29日，我局召开政务公开工作专题会议。",
    "17年来，我局始终坚持以公开为常态、不公开为例外。",
    "申请的截止日期为3月31日。",
])
def test_d407_silent_cases_are_clean_for_all_rules(body):
    assert codes_lines(report(2017, body), dedent=False) == []


def test_d407_docstring_examples():
    wrong, right = doc_example("D407", "示例（错误）"), doc_example("D407", "示例（正确）")
    for frame in era_frames("D407", wrong):
        assert codes_lines(frame, select="D407", dedent=False)
    for frame in era_frames("D407", right):
        assert codes_lines(frame, select="D407", dedent=False) == []
