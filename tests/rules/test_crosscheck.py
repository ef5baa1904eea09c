"""N303 (text-table-mismatch): prose numbers against tables 二, 三 and 四.

The frame is ``tablegen.report_2021``: the prose under test is the paragraph
right under "三、收到和处理政府信息公开申请情况", before table 三. What the
tables say (tablegen): 三 — new 13, carried 1, granted 6, partial 1, refused
Σ 1 (4.保护第三方合法权益 1), unable Σ 3 (1.不掌握 3), rejected Σ 1
(2.重复申请 1), other Σ 0, （七）总计 12, carry_next 2; 四 — 行政复议 总计 2,
未经复议直接起诉 总计 1, 复议后起诉 总计 0; 二 — 行政规范性文件 3 / 1 / 25,
行政许可 120, 行政处罚 35, 行政强制 2.
"""

from __future__ import annotations

import pytest

import tablegen as g
from helpers import codes_lines, frame_line, lint, report

SECTION3 = "三、收到和处理政府信息公开申请情况"


def _text(prose: str, t3_values=None, **kw) -> str:
    return g.report_2021(g.t3_tabs(t3_values or g.t3_values()), prose3=prose, **kw)


def _n303(text: str) -> list[tuple[str, int]]:
    return codes_lines(text, select="N303", dedent=False)


def _prose_line(text: str) -> int:
    return frame_line(SECTION3, text) + 2


# --------------------------------------------------------------------------- the frame
def test_frame_without_prose_is_clean_for_every_rule():
    text = _text("")
    assert [(d.code, d.line) for d in lint(text, dedent=False) if d.severity.value != "info"] == []


def test_prose_agreeing_with_every_table_is_silent():
    prose = ("本年新收政府信息公开申请13件，上年结转1件。本年度办结12件：予以公开6件，部分公开1件，不予公开1件，"
             "无法提供3件，不予处理1件，其他处理0件；结转下年度继续办理2件。本年度因政府信息公开工作被申请行政复议2件，"
             "被提起行政诉讼1件。本年制发行政规范性文件3件，废止1件，现行有效的行政规范性文件25件；作出行政许可决定120件、"
             "行政处罚决定35件、行政强制决定2件。")
    text = _text(prose)
    assert _n303(text) == []
    assert [(d.code, d.line) for d in lint(text, dedent=False) if d.severity.value != "info"] == []


# --------------------------------------------------------------------------- firing
@pytest.mark.parametrize("prose,count", [
    # table 三, the 总计 column
    ("本年新收政府信息公开申请15件，上年结转1件。", 1),
    ("本年新收政府信息公开申请13件，上年结转2件。", 1),
    ("本年度新收申请15件。", 1),
    ("本年度共收到政府信息公开申请15件。", 1),  # neither 13 (新收) nor 14 (新收 + 结转)
    ("本年度共受理依申请公开15件。", 1),
    ("予以公开7件，部分公开2件，不予公开2件，无法提供4件，不予处理2件，其他处理1件。", 6),
    ("本年度办结13件，结转下年度继续办理3件。", 2),
    ("本年度办结12件，另有3件结转下年度继续办理。", 1),  # the category after the number
    ("有9件予以公开。", 1),
    ("予以公开9件，占69.2%。", 1),
    ("上年度结转的2件申请已全部办结。", 1),
    ("全年共受理政府信息公开申请14件，办结12件，结转下年度3件。", 1),
    ("不予公开5件，其中属于国家秘密1件。", 1),  # the total before 其中 is checked
    ("共收到政府信息公开申请13件，其中予以公开7件。", 1),  # 其中 + nothing but the category
    ("2021年，我局收到政府信息公开申请20件，2022年收到政府信息公开申请15件。", 1),  # the report year governs 15
    ("2022年1月1日至12月31日，共收到政府信息公开申请15件。", 1),  # the whole year
    ("本年新收政府信息公开申请１５件。", 1),  # full-width digits
    # a leaf row named with its parent
    ("因本机关不掌握相关政府信息而无法提供2件。", 1),
    ("因涉及第三方合法权益不予公开2件。", 1),
    ("因重复申请不予处理2件。", 1),
    # table 四
    ("本年度因政府信息公开工作被申请行政复议3件，被提起行政诉讼2件。", 2),
    ("本年度发生政府信息公开行政复议3起。", 1),
    ("本年度因政府信息公开被直接提起行政诉讼2件。", 1),
    # table 二
    ("本年制发行政规范性文件4件，废止2件，现行有效的行政规范性文件26件。", 2),
    ("作出行政许可决定121件、行政处罚决定36件、行政强制决定3件。", 3),
])
def test_n303_fires(prose, count):
    text = _text(prose)
    assert _n303(text) == [("N303", _prose_line(text))] * count


@pytest.mark.parametrize("layout", sorted(g.LAYOUTS))
def test_n303_reads_table_three_in_every_layout(layout):
    text = g.report_2021(g.LAYOUTS[layout](g.t3_values()), prose3="本年新收政府信息公开申请15件，予以公开6件。")
    assert _n303(text) == [("N303", _prose_line(text))]


def test_n303_finding_sits_on_the_number_and_names_both_sides():
    prose = "本年新收政府信息公开申请45件，上年结转1件。"
    text = _text(prose)
    [d] = lint(text, select="N303", dedent=False)
    line = text.splitlines()[d.line - 1]
    assert (d.line, line[d.column - 1:d.span.end_column - 1]) == (_prose_line(text), "45件")
    assert d.message.zh == "正文“本年新收政府信息公开申请45件”与表三（一、本年新收政府信息公开申请数量 总计 13）不符"
    assert "45" in d.message.en and "13" in d.message.en
    assert (d.evidence["prose"], d.evidence["table"], d.evidence["item"]) == (45, 13, "new")
    assert d.evidence["table_line"] == frame_line("一、本年新收政府信息公开申请数量", text)


def test_n303_message_for_a_sum_and_for_litigation():
    text = _text("无法提供4件。本年度因政府信息公开工作被提起行政诉讼2件。")
    msgs = [d.message.zh for d in lint(text, select="N303", dedent=False)]
    assert msgs == ["正文“无法提供4件”与表三（（四）无法提供 各项总计之和 3）不符",
                    "正文“本年度因政府信息公开工作被提起行政诉讼2件”与表四（行政诉讼 未经复议直接起诉 总计 1 + "
                    "复议后起诉 总计 0 = 1）不符"]


def test_n303_prose_in_section_four_about_review():
    text = _text("", t4_text="本年度发生行政复议3件，行政诉讼1件。\n\n" + g.t4_tabs(g.t4_values()))
    assert _n303(text) == [("N303", frame_line("本年度发生行政复议3件", text))]


def test_n303_fmt2019_tables():
    t2, t3, t4 = g.tables_for(2020)
    prose = "本年新制作规范性文件4件，作出行政许可处理决定121件。其他处理1件。"
    text = g.report_2021(t3, t4, year=2020, t2_text=t2, prose3=prose)
    assert _n303(text) == [("N303", _prose_line(text))] * 3
    # the fmt2021 verb 制发 is not a column of the fmt2019 table
    text = g.report_2021(t3, t4, year=2020, t2_text=t2, prose3="本年制发规范性文件4件。")
    assert _n303(text) == []


# --------------------------------------------------------------------------- silent
@pytest.mark.parametrize("prose", [
    "本年新收政府信息公开申请13件，上年结转1件。",
    # 收到/受理 may include the carried-over applications: 13 + 1
    "全年共受理政府信息公开申请14件，办结12件，结转下年度2件。",
    "本年度共受理政府信息公开申请14件，其中新收13件，上年结转1件。",
    # a subset after 其中, or narrowed by applicant, channel, topic, body
    "本年新收政府信息公开申请13件，其中自然人申请10件，法人或其他组织申请5件。",
    "共收到政府信息公开申请13件，其中网上申请15件。",
    "通过信函方式收到政府信息公开申请5件。",
    "涉及征地拆迁的申请予以公开3件。",
    "区政府本级收到政府信息公开申请35件，各部门收到84件。",
    "全区各级行政机关共收到政府信息公开申请119件，上年结转6件。",
    "不予公开1件（保护第三方合法权益）。",
    # other years, changes, parts of the year
    "2021年收到政府信息公开申请20件。",
    "上年收到政府信息公开申请20件。",
    "本年新收政府信息公开申请数量较上年增加5件。",
    "同比增加5件。",
    "结转至2023年继续办理3件。",
    "一季度收到政府信息公开申请5件。",
    "1-6月收到政府信息公开申请5件。",
    "上半年收到政府信息公开申请5件。",
    # one number for several categories, compounds, totals of totals
    "予以公开和部分公开共9件。",
    "本年新收和上年结转的申请共15件。",
    "共收到政府信息公开申请14件（含上年结转1件）。",
    "本年新收政府信息公开申请13件，上年结转1件，共计14件。",
    "因政府信息公开申请行政复议、提起行政诉讼共3件。",
    # approximate, ordinal, percentage, manner
    "约15件申请予以公开。",
    "本年收到政府信息公开申请15件左右。",
    "第15件申请予以公开。",
    "本年新收政府信息公开申请13件，予以公开6件，公开率46.2%。",
    "按时办结13件。",
    # other kinds of cases and counts
    "受理行政许可申请300件。",
    "受理行政许可申请130件，作出行政许可决定120件，当场办结80件。",
    "办理人大代表建议9件，均已办结。",
    "承办建议提案21件，全部予以公开。",
    "收到群众来信15件。",
    "主动公开政府信息15条。",
    "全年办理行政复议案件35件。",
    "行政复议结果维持3件。",
    "制定规章制度5件。",
    "公示行政处罚决定214件。",
    "废止2件。",
])
def test_n303_silent(prose):
    assert _n303(_text(prose)) == []


def test_n303_silent_when_the_cell_is_not_a_number():
    v = g.t3_values()
    v["new"][6] = "/"
    assert _n303(_text("本年新收政府信息公开申请15件。", v)) == []


def test_n303_silent_without_table_three():
    text = g.report_2021("", prose3="本年新收政府信息公开申请15件，予以公开9件。")
    assert _n303(text) == []


def test_n303_needs_an_application_context_for_table_three():
    # Section 五 says nothing about applications: "予以公开" there is not table 三's.
    text = _text("").replace("主动公开的及时性还需提高。", "予以公开9件。")
    assert _n303(text) == []
    text = _text("").replace("主动公开的及时性还需提高。", "依申请予以公开9件。")
    assert _n303(text) == [("N303", frame_line("依申请予以公开9件", text))]


def test_n303_only_for_fmt_eras():
    assert codes_lines(report(body="本年新收政府信息公开申请15件。"), select="N303") == []


def test_the_category_hint_keeps_only_words_that_hold_no_other():
    import random

    from reportlint.rules.crosscheck import _without_longer

    rng = random.Random(303)
    for _ in range(2000):
        words = {"".join(rng.choice("申请公开信息") for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 12))}
        assert _without_longer(words) == {w for w in words if not any(v != w and v in w for v in words)}, words
    assert _without_longer({"不予公开", "公开", "答复"}) == {"公开", "答复"}
