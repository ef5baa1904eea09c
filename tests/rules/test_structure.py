"""S101, S103, S104, S106, S107 and E002/E003: exact (code, line) lists, firing and silent."""

from __future__ import annotations

from helpers import codes_lines, frame_line, report
from tablegen import tables_for

_T2, _T3, _T4 = tables_for(2020)

SIX = """\
某市某区某某局2020年政府信息公开工作年度报告

本报告统计期限为2020年1月1日至2020年12月31日。

一、总体情况

本年度我局认真贯彻《中华人民共和国政府信息公开条例》。

二、主动公开政府信息情况

本年度主动公开政府信息86条。

""" + _T2 + """

三、收到和处理政府信息公开申请情况

本年度政府信息公开申请的办理情况见下表。

""" + _T3 + """

四、政府信息公开行政复议、行政诉讼情况

""" + _T4 + """

五、存在的主要问题及改进情况

公开的及时性有待提高。

六、其他需要报告的事项

本年度未收取信息处理费。

某市某区某某局

2021年1月15日
"""


# --------------------------------------------------------------------------- S101
def test_s101_reg2008_complete_is_silent():
    assert codes_lines(report(), select="S101") == []


def test_s101_reg2008_each_missing_item_fires_once():
    text = report().replace("三、政府信息公开的收费及减免情况\n\n本年度未收取任何费用。\n", "")
    text = text.replace("四、因政府信息公开申请行政复议、提起行政诉讼的情况", "四、其他工作情况")
    text = text.replace("本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况。", "本年度工作平稳。")
    found = codes_lines(text, select="S101")
    assert [c for c, _ in found] == ["S101", "S101"]


def test_s101_reg2008_item_mentioned_in_text_counts():
    # reg2008 had no fixed format: an item stated in the text is present.
    text = report().replace("三、政府信息公开的收费及减免情况\n\n本年度未收取任何费用。\n", "")
    text = text.replace("本年度未收到政府信息公开申请，没有不予公开的情况。",
                        "本年度未收到政府信息公开申请，没有不予公开的情况，也未收取任何费用，没有减免。")
    assert codes_lines(text, select="S101") == []


def test_s101_fmt2019_six_sections_silent():
    assert codes_lines(SIX.replace("2020年", "2020年"), select="S1") == []


def test_s101_fmt2021_variant_headings_accepted():
    text = (SIX.replace("2020年1月1日至2020年12月31日", "2021年1月1日至2021年12月31日")
            .replace("2020年政府", "2021年政府").replace("2021年1月15日", "2022年1月15日")
            .replace("一、总体情况", "一、概述")
            .replace("四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况")
            .replace("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况"))
    assert codes_lines(text, select="S101") == []


def test_s101_fmt2019_missing_section_six_anchors_at_last_section():
    text = SIX.replace("六、其他需要报告的事项\n\n本年度未收取信息处理费。\n", "")
    assert codes_lines(text, select="S101") == [("S101", frame_line("五、存在", text))]


def test_s101_needs_year():
    text = report().replace("2017年政府信息公开工作年度报告", "政府信息公开工作年度报告")
    text = text.replace("统计期限为2017年1月1日至2017年12月31日", "统计期限为本年度")
    text = text.replace("六、其他需要报告的事项\n\n无。\n", "")
    assert codes_lines(text, select=("S101", "E003")) == [("E003", 1)]


# --------------------------------------------------------------------------- S103
def test_s103_gap_at_level_one():
    text = report().replace("四、因政府信息公开申请", "五、因政府信息公开申请").replace(
        "五、政府信息公开工作存在", "六、政府信息公开工作存在").replace("六、其他需要报告", "七、其他需要报告")
    assert codes_lines(text, select="S103") == [("S103", frame_line("五、因政府", text))]


def test_s103_repeat_and_wrong_start_at_level_two():
    body = """\
    （二）公开平台建设

    我局网站运行平稳。

    （二）公开制度建设

    制定了公开制度。"""
    text = report(body=body)
    lines = [i for i, l in enumerate(text.splitlines(), 1) if l.startswith("（二）")]
    assert codes_lines(text, select="S103") == [("S103", lines[0]), ("S103", lines[1])]


def test_s103_restart_under_each_parent_is_silent():
    body = """\
    （一）平台建设

    1. 网站建设

    2. 微信建设

    （二）制度建设

    1. 审查制度

    2. 发布制度"""
    assert codes_lines(report(body=body), select=("S103", "S104")) == []


def test_s103_half_width_and_dunhao_markers():
    body = """\
    (一)平台建设

    1、网站建设

    2、微信建设

    (二)制度建设"""
    assert codes_lines(report(body=body), select=("S103", "S104")) == []


# --------------------------------------------------------------------------- S104
def test_s104_inversion_reported_once_at_first_inverted_heading():
    body = """\
    1. 存在的问题

    信息更新不够及时。

    2. 改进措施

    （一）进一步加强领导。

    （二）进一步规范内容。"""
    text = report(body=body)
    assert codes_lines(text, select=("S104", "S103")) == [("S104", frame_line("（一）进一步加强", text))]


def test_s104_skipping_a_level_is_not_an_inversion():
    body = """\
    1. 网站建设

    （1）栏目调整

    2. 微信建设"""
    assert codes_lines(report(body=body), select="S104") == []


# --------------------------------------------------------------------------- S106
def test_s106_wrong_name():
    text = report().replace("政府信息公开工作年度报告", "政府工作信息年度报告", 1)
    assert codes_lines(text, select="S106") == [("S106", 1)]


def test_s106_missing_year_and_agency():
    text = report().replace("某市某区某某局2017年政府信息公开工作年度报告", "政府信息公开工作年度报告", 1)
    assert codes_lines(text, select="S106") == [("S106", 1)]


def test_s106_title_over_two_lines_and_nianduo_variant_silent():
    text = report().replace("某市某区某某局2017年政府信息公开工作年度报告", "某市某区某某局\n2017年度政府信息公开工作报告", 1)
    assert codes_lines(text, select="S106") == []


def test_s106_no_title():
    text = report().split("\n", 2)[2]
    assert codes_lines(text, select="S106") == [("S106", 1)]


# --------------------------------------------------------------------------- S107
def test_s107_repeated_paragraph():
    para = "我局严格落实保密审查制度，所有拟公开的政府信息均经科室负责人初审、分管领导复核后方予公开。"
    text = report(body=f"{para}\n\n（一）其他\n\n{para}")
    lines = [i for i, l in enumerate(text.splitlines(), 1) if l == para]
    assert codes_lines(text, select="S107") == [("S107", lines[1])]


def test_s107_short_repeated_sentence_silent():
    text = report(body="本年度无此类情况。\n\n（一）其他\n\n本年度无此类情况。")
    assert codes_lines(text, select="S107") == []


def test_s107_repeated_run_of_lines():
    block = ("主动公开政府信息审批单\n\n填报单位：某某局办公室\n\n"
             "拟公开的信息内容\t公务用车管理制度\n保密审查意见\t同意公开\n领导审批意见\t同意\n")
    text = report(body=block + "\n" + block)
    second = [i for i, l in enumerate(text.splitlines(), 1) if l == "主动公开政府信息审批单"][1]
    assert codes_lines(text, select="S107") == [("S107", second)]


def test_s107_tables_with_same_zero_rows_silent():
    table = "项目\t数量\n行政许可\t0\n行政处罚\t0\n"
    other = "项目\t数量\n行政强制\t0\n行政收费\t0\n"
    assert codes_lines(report(body=table + "\n" + other), select="S107") == []


# --------------------------------------------------------------------------- E002 / E003
def test_e002_no_headings():
    assert codes_lines("这是一段普通的文字，没有任何编号标题。\n\n第二段文字。\n") == [("E002", 1)]


def test_e002_empty_file():
    assert codes_lines("") == [("E002", 1)]
    assert codes_lines("   \n\n\t\n") == [("E002", 1)]


def test_e003_unknown_year_skips_year_rules():
    text = report().replace("2017年政府", "政府").replace("统计期限为2017年1月1日至2017年12月31日", "统计期限为上一年度")
    # The title lacks the year, so S106 is right too; nothing year-dependent runs.
    assert codes_lines(text) == [("E003", 1), ("S106", 1)]


def test_year_from_period_when_title_has_none():
    text = report().replace("2017年政府信息公开工作年度报告", "政府信息公开工作年度报告")
    assert codes_lines(text) == [("S106", 1)]
