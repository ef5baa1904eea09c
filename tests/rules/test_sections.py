"""S102, S108, S109 and S110: exact (code, line) lists, firing and silent.

The fmt2019/fmt2021 frame is ``tablegen.report_2021`` (six sections, tables 二, 三
and 四 in tab layout); the reg2008 frame is ``helpers.report``.
"""

from __future__ import annotations

import pytest

import tablegen as g
from helpers import codes_lines, frame_line, lint, report

SECTIONS = ("S102", "S108", "S109", "S110")


def _fmt(year: int = 2022, **kw) -> str:
    t2, t3, t4 = g.tables_for(year)
    kw.setdefault("t4_text", t4)
    return g.report_2021(t3, year=year, t2_text=t2, **kw)


def _lines(text: str, select=SECTIONS) -> list[tuple[str, int]]:
    return codes_lines(text, select=select, dedent=False)


def _move_section(text: str, heading: str, before: str) -> str:
    """Cut the section starting at ``heading`` (up to the next level-1 heading) and paste it before ``before``."""
    start = text.index(heading)
    nxt = min(text.index(h, start + 1) for h in ("一、", "二、", "三、", "四、", "五、", "六、", "\n安平市")
              if h in text[start + 1:])
    block = text[start:nxt]
    text = text[:start] + text[nxt:]
    i = text.index(before)
    return text[:i] + block + text[i:]


# --------------------------------------------------------------------------- frames
@pytest.mark.parametrize("year", [2019, 2020, 2021, 2022])
def test_clean_fmt_frames_are_silent(year):
    assert _lines(_fmt(year)) == []


def test_clean_reg2008_frame_is_silent():
    assert codes_lines(report(), select=SECTIONS) == []


def test_clean_fmt_frame_has_no_loud_finding_at_all():
    text = _fmt()
    assert [(d.code, d.line) for d in lint(text, dedent=False) if d.severity.value != "info"] == []


# --------------------------------------------------------------------------- S102
def test_s102_swapped_sections_fire_once_at_the_first_out_of_order_heading():
    text = _move_section(_fmt(), "四、政府信息公开行政复议", "三、收到和处理")
    # 一 二 四 三 五 六: 三 is the first heading that goes back.
    assert _lines(text, "S102") == [("S102", frame_line("三、收到和处理", text))]


def test_s102_section_six_before_five():
    text = _move_section(_fmt(), "六、其他需要报告的事项", "五、存在的主要问题")
    assert _lines(text, "S102") == [("S102", frame_line("五、存在的主要问题", text))]


def test_s102_section_one_last_fires_once():
    text = _move_section(_fmt(), "一、总体情况", "\n安平市某某局\n")
    assert _lines(text, "S102") == [("S102", frame_line("一、总体情况", text))]


def test_s102_message_names_both_sections():
    text = _move_section(_fmt(), "四、政府信息公开行政复议", "三、收到和处理")
    d = next(d for d in lint(text, select="S102", dedent=False))
    assert "第三部分" in d.message.zh and "第四部分" in d.message.zh
    assert d.evidence["section"] == "三" and d.evidence["after"] == "四"


def test_s102_canonical_order_with_variant_headings_is_silent():
    text = (_fmt(2021)
            .replace("二、主动公开政府信息情况", "二、行政机关主动公开政府信息情况")
            .replace("四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼的情况")
            .replace("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况"))
    assert _lines(text, "S102") == []


def test_s102_missing_section_is_not_an_order_problem():
    text = _fmt().replace("五、存在的主要问题及改进情况\n\n主动公开的及时性还需提高。\n\n", "")
    assert _lines(text, "S102") == []


def test_s102_only_for_fmt_eras():
    text = report()
    a = text.index("五、政府信息公开工作存在的主要问题")
    b = text.index("六、其他需要报告的事项")
    c = text.index("\n某市某区某某局\n")
    swapped = text[:a] + text[b:c] + "\n" + text[a:b] + text[c:]
    assert codes_lines(swapped, select="S102", dedent=False) == []


# --------------------------------------------------------------------------- S108
def test_s108_empty_level_one_section():
    text = _fmt().replace("主动公开的及时性还需提高。\n", "")
    assert _lines(text, "S108") == [("S108", frame_line("五、存在的主要问题", text))]


def test_s108_empty_last_section_before_the_signature():
    text = report().replace("六、其他需要报告的事项\n\n无。\n", "六、其他需要报告的事项\n")
    assert codes_lines(text, select="S108", dedent=False) == [("S108", frame_line("六、其他需要报告的事项", text))]


def test_s108_lone_empty_subsection_among_filled_ones():
    body = "（一）公开数量\n\n本年度公开政府信息120条。\n\n（二）公开渠道\n\n（三）政策解读\n\n本年度解读政策3件。"
    text = report(body=body)
    assert codes_lines(text, select="S108", dedent=False) == [("S108", frame_line("（二）公开渠道", text))]


def test_s108_two_empty_subsections_between_filled_ones():
    body = ("（一）公开数量\n\n本年度公开政府信息120条。\n\n（二）公开渠道\n\n（三）政策解读\n\n"
            "（四）回应关切\n\n本年度回应关切5次。")
    text = report(body=body)
    assert codes_lines(text, select="S108", dedent=False) == [("S108", frame_line("（二）公开渠道", text)),
                                                               ("S108", frame_line("（三）政策解读", text))]


@pytest.mark.parametrize("body", [
    # headings that are numbered paragraphs themselves
    "（一）加强组织领导。成立了以局长为组长的领导小组。",
    "（一）公开数量：全年公开政府信息120条",
    "（一）健全工作机制；明确专人负责，及时更新网站栏目",
    "（一）进一步加强对政务公开工作的领导和监督健全有关检查制度和反馈制度确保工作落到实处",
    # a list of short points written as headings
    "（一）加强组织领导\n\n（二）健全工作制度\n\n（三）强化业务培训",
    "（一）改进措施\n\n1.加强组织领导\n\n2.健全工作制度\n\n下一步我局将逐项落实。",
])
def test_s108_silent_on_content_headings_and_lists(body):
    assert codes_lines(report(body=body), select="S108", dedent=False) == []


def test_s108_table_section_without_its_table():
    text = _fmt(t4_text="本年度未发生政府信息公开行政复议、行政诉讼。")
    assert _lines(text, "S108") == [("S108", frame_line("四、政府信息公开行政复议", text))]


def test_s108_table_two_missing():
    text = _fmt().replace(g.T2_2021, "本年度主动公开政府信息86条。")
    assert _lines(text, "S108") == [("S108", frame_line("二、主动公开政府信息情况", text))]


def test_s108_empty_table_section_is_reported_once():
    text = g.report_2021("", year=2022)  # section 三: no prose, no table
    assert _lines(text, "S108") == [("S108", frame_line("三、收到和处理", text))]


def test_s108_table_found_elsewhere_is_silent():
    text = _fmt(t4_text="本年度行政复议、行政诉讼情况见文末附表。")
    text = text.replace("本年度未收取信息处理费。", "本年度未收取信息处理费。\n\n" + g.t4_tabs(g.t4_values()))
    assert _lines(text, "S108") == []


def test_s108_table_check_only_for_fmt_eras():
    # reg2008 reports have no fixed tables: sections with prose only are fine.
    assert codes_lines(report(), select="S108") == []


def test_s108_message_names_the_table():
    text = _fmt(t4_text="本年度未发生政府信息公开行政复议、行政诉讼。")
    d = next(d for d in lint(text, select="S108", dedent=False))
    assert "表四" in d.message.zh and d.evidence["table"] == "四"


# --------------------------------------------------------------------------- S109
def test_s109_gaishu_as_section_one():
    text = _fmt().replace("一、总体情况", "一、概述")
    assert _lines(text, "S109") == [("S109", frame_line("一、概述", text))]


def test_s109_fee_section():
    text = _fmt().replace("五、存在的主要问题及改进情况",
                          "五、政府信息公开的收费及减免情况\n\n本年度未收取任何费用。\n\n六、存在的主要问题及改进情况")
    text = text.replace("六、其他需要报告的事项", "七、其他需要报告的事项")
    assert _lines(text, "S109") == [("S109", frame_line("五、政府信息公开的收费及减免情况", text))]


def test_s109_reg2008_application_heading():
    text = _fmt().replace("三、收到和处理政府信息公开申请情况", "三、依申请公开政府信息和不予公开政府信息的情况")
    assert _lines(text, "S109") == [("S109", frame_line("三、依申请公开政府信息和不予公开", text))]


def test_s109_whole_reg2008_structure_one_finding_per_legacy_heading():
    # The reg2008 frame's headings, in a 2020 report with the fmt2019 tables.
    t2, t3, t4 = g.tables_for(2020)
    text = report(2020).replace("本年度未收到政府信息公开申请，没有不予公开的情况。", t3)
    text = text.replace("一、主动公开政府信息的情况", "一、概述\n\n本年度工作平稳。\n\n二、主动公开政府信息的情况")
    for old, new in (("二、依申请", "三、依申请"), ("三、政府信息公开的收费", "四、政府信息公开的收费"),
                     ("四、因政府", "五、因政府"), ("五、政府信息公开工作存在", "六、政府信息公开工作存在"),
                     ("六、其他需要", "七、其他需要")):
        text = text.replace(old, new)
    assert codes_lines(text, select="S109", dedent=False) == sorted([
        ("S109", frame_line("一、概述", text)),
        ("S109", frame_line("三、依申请公开政府信息和不予公开", text)),
        ("S109", frame_line("四、政府信息公开的收费及减免", text)),
    ])


@pytest.mark.parametrize("old,new", [
    ("一、总体情况\n\n", "一、总体情况\n\n（一）概述\n\n本年度我局工作平稳。\n\n"),  # 概述 as a subsection
    ("本年度未收取信息处理费。", "（一）信息处理费收取情况\n\n本年度未收取信息处理费。"),
    ("主动公开的及时性还需提高。", "主动公开的及时性还需提高，收费及减免的规定执行到位。"),  # prose, not a heading
])
def test_s109_silent(old, new):
    assert _lines(_fmt().replace(old, new), "S109") == []


def test_s109_only_for_fmt_eras():
    text = report().replace("一、主动公开政府信息的情况", "一、概述\n\n本年度工作平稳。\n\n二、主动公开政府信息的情况")
    assert codes_lines(text, select="S109", dedent=False) == []


# --------------------------------------------------------------------------- S110
GOV = "安平市南湖区人民政府"


def test_s110_government_without_accountability():
    text = _fmt(agency=GOV)
    assert _lines(text, "S110") == [("S110", 1)]
    d = next(d for d in lint(text, select="S110", dedent=False))
    assert d.evidence["missing"] == ["考核", "评议", "追究"]


def test_s110_names_only_what_is_missing():
    text = _fmt(agency=GOV).replace("本年度我局认真贯彻落实", "区政府将政务公开纳入年度考核，组织开展社会评议。本年度我局认真贯彻落实")
    d = [d for d in lint(text, select="S110", dedent=False)]
    assert [(x.code, x.line) for x in d] == [("S110", 1)] and d[0].evidence["missing"] == ["追究"]


@pytest.mark.parametrize("old,new", [
    # the fmt2019 subsection heading
    ("本年度我局认真贯彻落实《中华人民共和国政府信息公开条例》。",
     "本年度我局认真贯彻落实《中华人民共和国政府信息公开条例》。\n\n（一）工作考核、社会评议和责任追究结果情况\n\n"
     "本年度未发生责任追究的情况。"),
    # scattered through the prose, in any order
    ("本年度我局认真贯彻落实",
     "本年度未发生因政府信息公开工作被追究责任的情况；组织群众代表开展社会评议；政务公开已纳入绩效考核。本年度我局认真贯彻落实"),
])
def test_s110_silent_when_reported(old, new):
    assert _lines(_fmt(agency=GOV).replace(old, new), "S110") == []


@pytest.mark.parametrize("agency", ["安平市南湖区人民政府办公室", "安平市某某局", "安平市南湖区柳泉镇人民政府",
                                    "安平市南湖区湖滨街道办事处"])
def test_s110_only_for_governments(agency):
    assert _lines(_fmt(agency=agency), "S110") == []


def test_s110_only_for_fmt_eras():
    assert codes_lines(report(agency=GOV), select="S110", dedent=False) == []
