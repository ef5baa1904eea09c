"""W601 jiezhi-misuse and W604 template-residue.

Every case asserts the exact (code, line) list, for firing and for silent text.
"""

from __future__ import annotations

import inspect
import re

import pytest
from helpers import codes_lines, frame_line, line_no, linter, report, wrapped_report

from reportlint.readers.text import source_from_text
from reportlint.rules.wording import JiezhiMisuse, TemplateResidue


def diags(text: str, code: str):
    return [d for d in linter((code,)).lint_source(source_from_text("snippet.txt", text)).diagnostics]


def line_of(text: str, marker: str) -> str:
    return text.splitlines()[frame_line(marker, text) - 1]




# --------------------------------------------------------------------------- W601

@pytest.mark.parametrize("body", [
    "截止目前，我局召开政务公开工作专题会议1次，举办培训班2期。",
    "截止2017年底，我局累计主动公开政府信息120条。",
    "截止12月31日，我局累计主动公开政府信息120条。",
    "截止当前，我局累计主动公开政府信息120条。",
    "截止 2017 年 12 月 31 日，我局累计主动公开政府信息120条。",
    "截止年底，我局累计主动公开政府信息120条。",
    "截止本年度末，我局累计主动公开政府信息120条。",
    "截止二〇一七年底，我局累计主动公开政府信息120条。",
    "截止十二月底，我局累计主动公开政府信息120条。",
    "我局网站栏目建设截止目前已基本完成。",
])
def test_w601_fires(body):
    text = report(body=body)
    assert codes_lines(text, select="W601") == [("W601", frame_line("截止", text))]


def test_w601_fix_replaces_only_zhi():
    text = report(body="我局网站栏目建设截止目前已基本完成。")
    line = frame_line("截止", text)
    (d,) = diags(text, "W601")
    c = line_of(text, "截止").index("截止") + 1
    assert (d.span.line, d.span.column, d.span.end_line, d.span.end_column) == (line, c, line, c + 2)
    assert [((e.span.line, e.span.column, e.span.end_line, e.span.end_column), e.replacement) for e in d.fix] == [
        ((line, c + 1, line, c + 2), "至")]


def test_w601_two_in_one_paragraph():
    text = report(body="截止目前，我局召开专题会议1次；截止2017年底，累计主动公开政府信息120条。")
    line = frame_line("截止", text)
    assert codes_lines(text, select="W601") == [("W601", line), ("W601", line)]


@pytest.mark.parametrize("body", [
    "截至目前，我局召开政务公开工作专题会议1次，举办培训班2期。",
    "截至2017年12月31日，我局累计主动公开政府信息120条。",
    "政府信息公开申请的截止日期为每年3月31日。",
    "报名截止时间为2017年12月31日。",
    "统计数据截止到2017年12月31日。",
    "征求意见已截止，共收到意见12条。",
    "征求意见于12月31日截止，共收到意见12条。",
    "征求意见截止日为2017年12月31日。",
    "征求意见截止期限为30日。",
    "本年度申请办理截止，后续申请转入下一年度。",
    "征求意见已截止，2017年共收到意见12条。",
])
def test_w601_silent(body):
    assert codes_lines(report(body=body), select="W601") == []


def test_w601_correct_text_is_clean_for_all_rules():
    text = report(body="截至目前，我局召开政务公开工作专题会议1次。申请的截止日期为每年3月31日。")
    assert codes_lines(text) == []


def test_w601_split_over_wrapped_lines():
    # Seed 003 lines 97/99: "…顺利推进。截" / "止目前，我局召开…"
    lines = ["研究成立政务公开工作领导小组，有效保障了此项工作顺利推进。截",
             "止目前，我局召开政务公开工作专题会议 1次，举办局政务公开",
             "培训班2期。"]
    text = wrapped_report(lines)
    first, second = line_no(text, lines[0]), line_no(text, lines[1])
    assert codes_lines(text, select="W601", dedent=False) == [("W601", first)]
    (d,) = diags(text, "W601")
    c = lines[0].index("截") + 1
    assert (d.span.line, d.span.column, d.span.end_line, d.span.end_column) == (first, c, second, 2)
    assert [((e.span.line, e.span.column, e.span.end_line, e.span.end_column), e.replacement) for e in d.fix] == [
        ((second, 1, second, 2), "至")]


def test_w601_split_between_jiezhi_and_the_date():
    lines = ["研究成立政务公开工作领导小组，有效保障了此项工作顺利推进。截止",
             "2017年底，我局召开政务公开工作专题会议1次，举办局政务公开",
             "培训班2期。"]
    text = wrapped_report(lines)
    first = line_no(text, lines[0])
    (d,) = diags(text, "W601")
    assert (d.span.line, d.span.end_line) == (first, first)
    assert [(e.span.line, e.span.column, e.replacement) for e in d.fix] == [(first, len(lines[0]), "至")]


# --------------------------------------------------------------------------- W604

@pytest.mark.parametrize("body,marker", [
    ("XX局2017年主动公开政府信息120条。", "XX局"),
    ("××市人民政府办公室转发了有关文件。", "××市"),
    ("○○年，我局主动公开政府信息120条。", "○○年"),
    ("20XX年，我局主动公开政府信息120条。", "20XX"),
    ("按照吴利政办发〔2017〕XX号文件要求开展工作。", "XX号"),
    ("××镇人民政府转发了有关文件。", "××镇"),
    ("本报告由【单位名称】负责解释。", "单位名称"),
    ("本报告发布日期为[日期]。", "[日期]"),
    ("现将我局2017年政府信息公开工作情况报告贵办。", "贵办"),
    ("拟采取的公开形式（画√选定）：门户网站。", "画√"),
    ("拟采取的公开形式（请打√）：门户网站。", "打√"),
    ("承办人：", "承办人"),
    ("经办人:", "经办人"),
    ("承办人：张三   审核人：", "审核人"),
    ("××同志负责信息公开工作。", "××同志"),
    ("××局长负责信息公开工作。", "××局长"),
])
def test_w604_fires(body, marker):
    text = report(body=body)
    assert codes_lines(text, select="W604") == [("W604", frame_line(marker, text))]


def test_w604_each_placeholder_reported():
    text = report(body="本报告于XX年XX月XX日发布。")
    line = frame_line("XX年", text)
    assert codes_lines(text, select="W604") == [("W604", line)] * 3


def test_w604_check_boxes_one_finding_per_line():
    text = report(body="拟采取的公开形式 ①门户网站() ②报刊() ③广播（ ） ④电视（）")
    line = frame_line("拟采取的公开形式", text)
    assert codes_lines(text, select="W604") == [("W604", line)]
    (d,) = diags(text, "W604")
    src = line_of(text, "拟采取的公开形式")
    assert (d.span.column, d.span.end_column) == (src.index("()") + 1, len(src) + 1)
    assert d.evidence["count"] == 4


def test_w604_check_boxes_and_tick_hint():
    text = report(body="拟采取的公开形式 ①门户网站() ②报刊() （画√选定）")
    line = frame_line("拟采取的公开形式", text)
    assert codes_lines(text, select="W604") == [("W604", line), ("W604", line)]


def test_w604_check_boxes_on_two_wrapped_lines_give_one_finding_each():
    lines = ["拟采取的公开形式：①区内外相关网站() ②门户网站() ③区委政府信息()",
             "④报刊() ⑤广播() ⑥电视() ⑦其他()，请认真填写并报送审批。"]
    text = wrapped_report(lines)
    first, second = line_no(text, lines[0]), line_no(text, lines[1])
    assert codes_lines(text, select="W604", dedent=False) == [("W604", first), ("W604", second)]
    assert sorted(d.evidence["count"] for d in diags(text, "W604")) == [3, 4]


def test_w604_approval_form_table():
    # Seed 000 lines 58/59: a Word table pasted as tab-separated lines.
    body = ("主动公开政府信息审批单\n\n"
            "拟主动公开的政府信息内容概要\t利通区机关公务用车服务中心驾驶员管理制度\n"
            "拟采取的公开形式\t① 区内外相关网站() ②门户网站() ③报刊() (画√选定)\n"
            "承办人：\t公开时间：2017年1月5日")
    text = report(body=body)
    boxes, signer = frame_line("拟采取的公开形式", text), frame_line("承办人", text)
    assert codes_lines(text, select="W604") == [("W604", boxes), ("W604", boxes), ("W604", signer)]
    (d,) = [d for d in diags(text, "W604") if d.line == signer]
    assert (d.span.column, d.span.end_column) == (1, 5)


def test_w604_empty_signer_followed_by_next_label_on_the_same_line():
    text = report(body="承办人：        公开时间：2017年1月5日")
    assert codes_lines(text, select="W604") == [("W604", frame_line("承办人", text))]


@pytest.mark.parametrize("body", [
    "王××申请公开其房屋征收补偿信息，我局已依法答复。",
    "由王××同志具体负责政府信息公开工作。",
    "李××局长主持召开政务公开工作专题会议。",
    "申请人张××对答复不服，申请行政复议。",
    "承办人：张三",
    "承办人：张三 审核人：李四",
    "承办人：张三审核人：李四",
    "联系人：王伟，联系电话：0953-1234567。",
    "我局门户网站网址为http://www.XXgov.cn/xxgk，欢迎查阅。",
    "详见 www.nx.gov.cn/XXX/index.html 页面。",
    "The XXL project and XX items were reviewed.",
    "自二〇〇〇年起，我局即开展政务公开工作。",
    "二○○○年以来，我局持续推进政务公开工作。",
    "群众提出了许多宝贵意见和宝贵办事经验。",
    "**市本级**主动公开政府信息120条。",
    "拟采取的公开形式：门户网站",
    "全年共发布信息120条（含图片新闻20条）。",
    "申请的截止日期为每年3月31日。",
])
def test_w604_silent(body):
    assert codes_lines(report(body=body), select="W604") == []


def test_w604_filled_form_is_clean_for_all_rules():
    text = report(body="王××申请公开其房屋征收补偿信息，我局已依法答复。\n\n"
                       "承办人：张三\n\n"
                       "联系人：王伟，联系电话：0953-1234567。")
    assert codes_lines(text) == []


def test_w604_placeholder_agency_in_title():
    text = report(agency="XX局")
    signature = [i for i, line in enumerate(text.splitlines(), 1) if line == "XX局"]
    assert codes_lines(text, select="W604") == [("W604", 1), *[("W604", n) for n in signature]]
    assert len(signature) == 1


# --------------------------------------------------------------------------- docstrings

def _example(rule, heading: str) -> str:
    doc = inspect.cleandoc(rule.__doc__)
    m = re.search(rf"^{heading}\n(.*?)(?=^\S|\Z)", doc, re.S | re.M)
    assert m, heading
    return "\n".join(line.strip() for line in m.group(1).strip("\n").splitlines())


@pytest.mark.parametrize("rule", [JiezhiMisuse, TemplateResidue])
def test_docstring_examples(rule):
    wrong = report(body=_example(rule, "示例（错误）"))
    right = report(body=_example(rule, "示例（正确）"))
    assert codes_lines(wrong, select=rule.code)
    assert codes_lines(right, select=rule.code) == []
    # Each line of the wrong example on its own paragraph fires too.
    for line in _example(rule, "示例（错误）").splitlines():
        assert codes_lines(report(body=line), select=rule.code), line
