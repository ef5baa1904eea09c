"""Per-rule tests of the D rules (dates): D401–D406.

Every test asserts the exact [(code, line)] list, for firing cases and for
cases that must stay silent. Snippets are real-report sentences placed in the
clean frame of ``helpers.report`` (reg2008) or ``report6`` below (fmt2019 /
fmt2021, six sections).
"""

from __future__ import annotations

import textwrap

import pytest

from helpers import codes_lines, frame_line, lint, report
from reportlint.rule import Severity
from tablegen import tables_for


def loud(text: str) -> list[tuple[str, int]]:
    """(code, line) of the error- and warning-level findings (info hints are other rules' business)."""
    return sorted((d.code, d.line) for d in lint(text) if d.severity is not Severity.INFO)


def report6(title_year: int = 2020, body: str = "", *, agency: str = "某市某区某某局",
            closing: str | None = None) -> str:
    """A minimal clean fmt2019/fmt2021 report: the six sections of the national format."""
    y = title_year
    closing = closing if closing is not None else f"{y + 1}年1月20日"
    signature = f"{agency}\n\n" if agency else ""
    t2, t3, t4 = tables_for(y)
    return textwrap.dedent(f"""\
        {agency}{y}年政府信息公开工作年度报告

        本报告根据《中华人民共和国政府信息公开条例》编制，统计期限为{y}年1月1日至{y}年12月31日。

        一、总体情况

        {y}年，我局认真贯彻落实政府信息公开各项要求，主动公开政府信息120条。政务公开已纳入年度绩效考核，组织开展了社会评议，本年度未发生责任追究情况。

        """) + textwrap.dedent(body).strip("\n") + textwrap.dedent("""

        二、主动公开政府信息情况

        本年度我局主动公开政府信息的情况见下表。

        """) + t2 + textwrap.dedent("""

        三、收到和处理政府信息公开申请情况

        本年度政府信息公开申请的办理情况见下表。

        """) + t3 + textwrap.dedent("""

        四、政府信息公开行政复议、行政诉讼情况

        """) + t4 + textwrap.dedent("""

        五、存在的主要问题及改进情况

        公开内容还不够全面，下一步将进一步加强。

        六、其他需要报告的事项

        本年度未收取信息处理费。

        """) + signature + closing + "\n"


def with_period(sentence: str, year: int = 2017, body: str = "") -> str:
    """The reg2008 frame with its period sentence replaced (``""`` removes it)."""
    text = report(title_year=year, body=body)
    old = f"，统计期限为{year}年1月1日至{year}年12月31日。"
    assert old in text
    return text.replace(old, f"，{sentence}" if sentence else "。")


INTRO = "本报告根据"  # marker of the frame's period line


# --------------------------------------------------------------------------- frames


def test_report6_frame_is_clean():
    for year in (2019, 2020, 2021, 2023):
        assert codes_lines(report6(year)) == []


def test_report6_frame_is_clean_for_every_body_kind():
    for agency in ("某市某区人民政府", "某县某某镇人民政府", "某区某某街道办事处", "某市某区人民政府办公室"):
        assert codes_lines(report6(2021, agency=agency)) == []


# --------------------------------------------------------------------------- D401


@pytest.mark.parametrize("body", [
    "2017年2月30日，我局召开政务公开工作专题会议。",
    "2017年4月31日，我局组织开展政务公开业务培训。",
    "2017年6月31日，我局完成网站栏目调整。",
    "2017年2月29日，我局召开政务公开工作专题会议。",  # 2017 is not a leap year
    "2017年3月0日，我局召开政务公开工作专题会议。",
    "2017年13月，我局开展了政务公开自查。",
    "2017年0月，我局开展了政务公开自查。",
    "2017年13月5日，我局召开政务公开工作专题会议。",
    "4月31日，我局组织开展政务公开业务培训。",
    "13月5日，我局召开政务公开工作专题会议。",
    "二〇一八年二月三十日，我局召开政务公开工作专题会议。",
    "二〇一七年十三月一日，我局召开政务公开工作专题会议。",
    "2017 年 2 月 30 日，我局召开政务公开工作专题会议。",
])
def test_d401_fires_on_impossible_dates(body):
    text = report(body=body)
    assert codes_lines(text, select="D401") == [("D401", frame_line(body[-8:], text))]


@pytest.mark.parametrize("body", [
    "2016年2月29日，我局召开政务公开工作专题会议。",  # 2016 is a leap year
    "2月29日，我局召开政务公开工作专题会议。",  # no year: 2月29日 exists
    "2017年2月28日，我局召开政务公开工作专题会议。",
    "2017年4月30日，我局组织开展政务公开业务培训。",
    "2017年12月31日，我局完成年度信息公开目录更新。",
    "2017年12月，我局开展了政务公开自查。",
    "二〇一七年十二月三十一日，我局完成年度信息公开目录更新。",
    "3月15日至20日，我局开展政务公开业务培训。",
    "申请人应当在15日内补正，我局自收到申请之日起15个工作日内答复。",
    "全年12个月均按时更新政府信息公开目录。",
])
def test_d401_silent_on_real_dates(body):
    assert codes_lines(report(body=body), select="D401") == []


def test_d401_leap_day_in_a_leap_year_report_is_clean_overall():
    text = report(title_year=2016, body="2016年2月29日，我局召开政务公开工作专题会议。")
    assert codes_lines(text) == []


def test_d401_yearless_leap_day_is_clean_overall():
    assert codes_lines(report(body="2月29日，我局召开政务公开工作专题会议。")) == []


def test_d401_two_bad_dates_on_one_line_give_two_findings():
    body = "2017年2月30日召开专题会议，2017年4月31日开展业务培训。"
    text = report(body=body)
    line = frame_line("召开专题会议", text)
    assert codes_lines(text, select="D401") == [("D401", line), ("D401", line)]


def test_d401_in_the_period_sentence():
    text = with_period("统计期限为2017年1月1日至2017年2月30日。")
    assert codes_lines(text, select="D401") == [("D401", frame_line(INTRO, text))]


def test_d401_in_the_closing_date():
    text = report(closing="2018年2月30日")
    assert codes_lines(text, select="D401") == [("D401", frame_line("2018年2月30日", text))]


# --------------------------------------------------------------------------- D402


@pytest.mark.parametrize("body", [
    "审批时间：2017年 月 日",
    "审批时间：    年  月  日",
    "审批时间：年 月 日",
    "审批时间：2017年12月 日",
    "审批时间：2017年 月5日",
    "审批时间：____年__月__日",
    "审批时间：＿＿年＿＿月＿＿日",
    "审批时间：2017年\u3000月\u3000日",
    "本报告所列数据的统计期间为2017年1月1日至12月31止。",
    "自2017年1月1起至3月31日，我局开展了政务公开专项检查。",
    "本办法自2018年1月1起施行。",
])
def test_d402_fires_on_blank_or_incomplete_dates(body):
    text = report(body=body)
    assert codes_lines(text, select="D402") == [("D402", frame_line(body[-8:], text))]


def test_d402_two_blank_dates_on_one_line():
    body = "审批时间：2017年 月 日，签发时间：2017年 月 日"
    text = report(body=body)
    line = frame_line("审批时间", text)
    assert codes_lines(text, select="D402") == [("D402", line), ("D402", line)]


def test_d402_blank_dates_in_a_table_row():
    body = "拟主动公开的政府信息内容概要\t驾驶员管理制度\n保密审查意见\t同意公开 2017年 月 日\n领导审批意见\t同意 2017年 月 日"
    text = report(body=body)
    assert codes_lines(text, select="D402") == [("D402", frame_line("保密审查意见", text)),
                                                ("D402", frame_line("领导审批意见", text))]


def test_d402_blank_closing_date():
    text = report(closing="2018年 月 日")
    assert codes_lines(text, select="D402") == [("D402", frame_line("2018年 月 日", text))]
    # Without a closing date the deadline rules cannot decide and stay silent.
    assert codes_lines(text, select=("D404", "D405")) == []


@pytest.mark.parametrize("body", [
    "申请人应当填写姓名、出生年月日、身份证号码等基本信息。",
    "2017年12月，我局开展了政务公开自查。",
    "活动时间为2017年1月1日至12月31日止。",
    "3月15至20日，我局开展政务公开业务培训。",
    "3月15日至20日，我局开展政务公开业务培训。",
    "自2018年3月1日起施行。",
    "截至12月31日，共受理政府信息公开申请5件。",
    "每年1月至3月开展政务公开自查。",
    "审批时间：2017 年 12 月 5 日",
    "全年发生生产安全事故5起，其中1月3起，2月2起。",  # 起 is the counter of cases
    "审批时间：2017年3月6日",
])
def test_d402_silent_on_complete_dates_and_words(body):
    assert codes_lines(report(body=body), select="D402") == []


def test_d402_silent_cases_are_clean_overall():
    body = "申请人应当填写姓名、出生年月日、身份证号码等基本信息。3月15至20日，我局开展政务公开业务培训。"
    assert codes_lines(report(body=body)) == []


# --------------------------------------------------------------------------- D403


@pytest.mark.parametrize("sentence", [
    "统计期限为2017年1月1日至2017年11月30日。",
    "统计期限为2017年2月1日至2017年12月31日。",
    "统计期限为2016年7月1日至2017年6月30日。",
    "统计期限为2017年1月1日至11月30日。",
    "本报告所列数据的统计期限自2017年1月1日起至2017年11月30日止。",
    "所列数据统计时间为2017年1月1日至2017年6月30日。",
])
def test_d403_fires_on_a_period_that_is_not_the_full_year(sentence):
    text = with_period(sentence)
    assert codes_lines(text, select="D403") == [("D403", frame_line(INTRO, text))]


def test_d403_impossible_end_date_is_still_a_wrong_period():
    text = with_period("统计期限为2017年1月1日至2017年2月30日。")
    assert codes_lines(text, select=("D401", "D403")) == [("D401", 3), ("D403", 3)]


def test_d403_a_second_wrong_period_statement_in_the_body():
    body = "本报告所列数据的统计期限自2017年1月1日起至2017年11月30日止。"
    text = report(body=body)
    assert codes_lines(text, select="D403") == [("D403", frame_line("本报告所列数据", text))]


@pytest.mark.parametrize("sentence", [
    "统计期限为2017年1月1日至2017年12月31日。",
    "所列政府信息公开数据统计期限为 2017 年 1 月 1 日至 2017 年 12 月 31 日。",
    "本报告所列数据的统计期限自 2017年 1月 1日起至 2017年 12月 31日止。",
    "所列数据统计时间为2017年1月1日至12月31日。",
    "统计期限为2017年1月1日—2017年12月31日。",
    "",  # no period stated
])
def test_d403_silent_on_a_correct_or_missing_period(sentence):
    # Silent at error and warning level; the info hint W603 (mixed digit spacing) may show.
    assert loud(with_period(sentence)) == []


@pytest.mark.parametrize("body", [
    "据统计，2017年1月1日至2017年6月30日，我局共受理政府信息公开申请5件。",
    "我局统计了2017年1月1日至2017年6月30日期间的申请办理情况。",
    "2017年3月1日至2017年5月31日，我局开展了政务公开专项检查。",
])
def test_d403_silent_on_other_ranges_when_no_period_is_stated(body):
    assert codes_lines(with_period("", body=body)) == []


def test_d403_leaves_a_full_year_of_the_wrong_year_to_d406():
    text = with_period("统计期限为2016年1月1日至2016年12月31日。")
    assert codes_lines(text) == [("D406", frame_line(INTRO, text))]


def test_d403_in_a_fmt2021_report():
    text = report6(2021).replace("统计期限为2021年1月1日至2021年12月31日", "统计期限为2021年1月1日至2021年11月30日")
    assert codes_lines(text) == [("D403", frame_line(INTRO, text))]


# --------------------------------------------------------------------------- D404


def _closing_line(text: str, closing: str) -> int:
    return [i for i, line in enumerate(text.splitlines(), 1) if line.strip() == closing][-1]


@pytest.mark.parametrize("agency", ["某市某区某某局", "某市某区人民政府", "某县某某镇人民政府", "某区某某街道办事处"])
def test_d404_reg2008_every_body_by_31_march(agency):
    on_time = report(agency=agency, closing="2018年3月31日")
    assert codes_lines(on_time) == []
    late = report(agency=agency, closing="2018年4月1日")
    assert codes_lines(late) == [("D404", _closing_line(late, "2018年4月1日"))]


@pytest.mark.parametrize("year", [2019, 2020, 2021, 2023])
def test_d404_fmt2019_fmt2021_department_by_31_january(year):
    on_time = report6(year, closing=f"{year + 1}年1月31日")
    assert codes_lines(on_time) == []
    for closing in (f"{year + 1}年2月1日", f"{year + 1}年3月15日", f"{year + 1}年3月31日"):
        late = report6(year, closing=closing)
        assert codes_lines(late) == [("D404", _closing_line(late, closing))], closing


@pytest.mark.parametrize("agency", ["某市某区人民政府办公室", "某县发展和改革委员会", "某市某区政务服务中心",
                                    "某市气象台", "某县卫生健康委"])
def test_d404_departments_by_31_january(agency):
    late = report6(2021, agency=agency, closing="2022年2月1日")
    assert codes_lines(late, select="D404") == [("D404", _closing_line(late, "2022年2月1日"))]


@pytest.mark.parametrize("agency", ["某市某区人民政府", "某县某某镇人民政府", "某县某某乡人民政府", "某区某某街道办事处"])
@pytest.mark.parametrize("year", [2020, 2022])
def test_d404_government_and_township_by_31_march(agency, year):
    for closing in (f"{year + 1}年2月1日", f"{year + 1}年3月15日", f"{year + 1}年3月31日"):
        assert codes_lines(report6(year, agency=agency, closing=closing)) == [], closing
    late = report6(year, agency=agency, closing=f"{year + 1}年4月1日")
    assert codes_lines(late) == [("D404", _closing_line(late, f"{year + 1}年4月1日"))]


def test_d404_unknown_body_only_after_31_march():
    # No agency in the title and no signature: the body kind is unknown.
    on_time = report6(2020, agency="", closing="2021年3月15日")
    assert codes_lines(on_time, select="D404") == []
    late = report6(2020, agency="", closing="2021年4月1日")
    assert codes_lines(late, select="D404") == [("D404", _closing_line(late, "2021年4月1日"))]


def test_d404_title_naming_only_a_place_is_not_taken_for_a_department():
    # "某市某区2020年…报告" is the district government's own report (deadline 31 March).
    on_time = report6(2020, agency="某市某区", closing="2021年3月15日")
    assert codes_lines(on_time, select="D404") == []
    late = report6(2020, agency="某市某区", closing="2021年4月1日")
    assert codes_lines(late, select="D404") == [("D404", _closing_line(late, "2021年4月1日"))]


def test_d404_chinese_numeral_closing_date():
    late = report6(2020, closing="二〇二一年二月一日")
    assert codes_lines(late, select="D404") == [("D404", _closing_line(late, "二〇二一年二月一日"))]


def test_d404_silent_without_a_closing_date():
    text = report6(2020, closing="")
    assert codes_lines(text, select="D404") == []


# --------------------------------------------------------------------------- D405


@pytest.mark.parametrize("closing", ["2017年12月20日", "2017年6月30日", "2017年1月20日"])
def test_d405_closing_date_before_the_period_end(closing):
    text = report(closing=closing)
    assert codes_lines(text) == [("D405", _closing_line(text, closing))]


def test_d405_wrong_closing_year_is_reported_once_not_for_every_body_date():
    body = "2017年3月5日，我局召开政务公开工作专题会议。2017年6月8日，我局组织开展业务培训。"
    text = report(body=body, closing="2017年1月20日")
    assert codes_lines(text, select="D405") == [("D405", _closing_line(text, "2017年1月20日"))]


def test_d405_closing_on_the_period_end_is_silent():
    assert codes_lines(report(closing="2017年12月31日")) == []


@pytest.mark.parametrize("body", [
    "2018年2月5日，我局召开政务公开工作专题会议。",
    "我局已于2018年2月5日完成门户网站改版。",
    "二〇一八年二月五日，我局召开政务公开工作专题会议。",
    "2018年2月5日，我局召开政务公开工作专题会议；计划于2018年6月完成整改。",
])
def test_d405_body_date_after_the_closing_date(body):
    text = report(body=body)  # closing 2018年1月20日
    assert loud(text) == [("D405", frame_line(body[-8:], text))]


@pytest.mark.parametrize("body", [
    "我局将于2018年6月30日前完成政府网站集约化改造。",
    "2018年，我局将继续加强政务公开工作，确保2018年6月30日前完成网站改版。",
    "2018年2月5日前，各科室报送2018年政务公开工作计划。",
    "新修订的《中华人民共和国政府信息公开条例》自2019年5月15日起施行。",
    "2018年1月20日，我局完成本年度报告的编制。",  # on the closing date
    "2018年1月15日，我局召开政务公开工作专题会议。",
    "发布时间：2018年1月25日",  # the report goes online after it is signed
    "本报告于2018年1月25日在区政府门户网站公开发布。",
])
def test_d405_silent_on_plans_deadlines_and_earlier_dates(body):
    assert codes_lines(report(body=body)) == []


def test_d405_period_end_from_the_stated_period():
    # The stated period ends 30 November (D403); a closing date on 10 December is after it.
    text = with_period("统计期限为2017年1月1日至2017年11月30日。")
    text = text.replace("2018年1月20日", "2017年12月10日")
    assert codes_lines(text, select="D405") == []


def test_d405_fmt2021_body_date_after_closing():
    body = "2022年2月10日，我局召开政务公开工作专题会议。"
    text = report6(2021, body=body)
    assert codes_lines(text) == [("D405", frame_line("2022年2月10日", text))]


# --------------------------------------------------------------------------- D406


def test_d406_period_year_differs_from_title_year():
    text = with_period("统计期限为2016年1月1日至2016年12月31日。")
    assert codes_lines(text, select="D406") == [("D406", frame_line(INTRO, text))]


def _with_heading5(heading: str, year: int = 2017) -> str:
    text = report(title_year=year)
    return text.replace("五、政府信息公开工作存在的主要问题及改进情况", heading)


@pytest.mark.parametrize("heading", [
    "五、存在问题与2017年工作思路",
    "五、存在的主要问题及2019年工作计划",
    "五、存在的主要问题及2016年工作打算",
    "五、存在的主要问题和2017年度工作设想",
])
def test_d406_next_year_plan_heading_with_the_wrong_year(heading):
    text = _with_heading5(heading)
    assert codes_lines(text) == [("D406", frame_line(heading, text))]


@pytest.mark.parametrize("heading", [
    "五、存在问题与2018年工作思路",
    "五、存在的主要问题及2018年工作打算",
    "五、存在问题与2018 年工作思路",
    "五、存在的主要问题及下一步工作计划",
    "五、存在问题与2017年工作计划完成情况",
    "五、2017年问题和2018年工作思路",  # the plan year is the second year
])
def test_d406_silent_on_correct_or_looking_back_plan_headings(heading):
    assert loud(_with_heading5(heading)) == []


@pytest.mark.parametrize("body", [
    "（一）2017年重点工作推进情况\n\n我局按计划推进各项重点工作。",
    "（一）贯彻落实2017年工作安排\n\n我局按计划推进各项重点工作。",
    "（一）2017年政务公开工作安排部署\n\n我局按计划推进各项重点工作。",
    "（一）2016年工作计划落实情况\n\n我局按计划推进各项重点工作。",
    "我局认真落实《2017年政务公开工作要点》，按要求完成各项任务。",
    "我局认真落实2017年政务公开工作要点，并制定了2018年工作计划。",
])
def test_d406_silent_on_this_years_work_and_body_years(body):
    assert codes_lines(report(body=body)) == []


def test_d406_subheading_with_this_year_as_next_year_plan():
    body = "（一）2017年工作思路\n\n继续加强政务公开工作。"
    text = report(body=body)
    assert codes_lines(text, select="D406") == [("D406", frame_line("（一）2017年工作思路", text))]


def test_d406_silent_on_a_range_that_is_not_the_period():
    body = "据统计，2016年1月1日至2016年12月31日，我局共受理政府信息公开申请5件。"
    assert codes_lines(with_period("", body=body)) == []


def test_d406_fmt2021_plan_heading():
    text = report6(2021).replace("五、存在的主要问题及改进情况", "五、存在的主要问题及2021年工作思路")
    assert codes_lines(text) == [("D406", frame_line("2021年工作思路", text))]


# --------------------------------------------------------------------------- docstrings


def _example(rule_code: str, heading: str) -> str:
    from reportlint.plugins import load_registry

    doc = load_registry().rules[rule_code].doc()
    block = doc.split(heading, 1)[1].split("\n\n", 1)[0]
    return textwrap.dedent(block.split("\n", 1)[1]).strip()


@pytest.mark.parametrize("code", ["D401", "D402", "D403", "D405", "D406"])
def test_docstring_examples(code):
    wrong = report(body=_example(code, "示例（错误）"))
    right = report(body=_example(code, "示例（正确）"))
    assert codes_lines(wrong, select=code), code
    assert codes_lines(right, select=code) == [], code


def test_d404_docstring_examples_as_closing_dates():
    import re

    dates = [re.search(r"\d{4}年\d{1,2}月\d{1,2}日", _example("D404", h)).group(0) for h in ("示例（错误）", "示例（正确）")]
    wrong, right = (report6(2020, closing=d) for d in dates)
    assert codes_lines(wrong, select="D404") == [("D404", _closing_line(wrong, dates[0]))]
    assert codes_lines(right, select="D404") == []
