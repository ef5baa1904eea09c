"""Per-rule tests of N301 (breakdown-sum): a total and its parts in the prose.

Every test asserts the exact [(code, line)] list. The rule may only check a
breakdown it can read completely: a 其中 list with a residual 其他/其余 item, or
a sentence of nothing but "name + count" right after a total sentence.
"""

from __future__ import annotations

import textwrap

import pytest

from helpers import codes_lines, frame_line, report


def _n301(body: str) -> list[tuple[str, int]]:
    return codes_lines(report(body=body), select="N301")


def _line(body: str) -> int:
    return frame_line(body.splitlines()[0][:10], report(body=body))


# --------------------------------------------------------------------------- firing


@pytest.mark.parametrize("body", [
    # 其中 in the next sentence, residual 其他
    "主动公开政府信息71条。其中：政策类信息4条，工作动态40条，其他信息26条。",
    # 其中 in the same sentence, separated by ， or 、
    "主动公开政府信息71条，其中政策类信息4条，工作动态40条，其他信息26条。",
    "主动公开政府信息71条，其中政策类信息4条、工作动态40条、其他信息26条。",
    # residual 其余 / parts separated by ；
    "共计发布信息50条。其中门户网站30条；政务微博10条；其余9条。",
    # 件 and 共受理
    "共受理政府信息公开申请12件，其中自然人申请10件，其他1件。",
    "共受理政府信息公开申请12件。其中，予以公开8件，不予公开2件，其他处理1件。",
    # the total is the last count before 其中 ("3次" has another unit)
    "我局全年召开会议3次，共发布信息50条，其中通知公告30条，其他信息10条。",
    # parts with their percentages
    "主动公开政府信息71条，其中政策类信息4条，占5.6%；工作动态40条，占56.3%；其他信息26条，占36.6%。",
    # no 其中: a total sentence followed by a sentence of parts only (seed 000 style)
    "2017年，我局累计公开政府信息38条。主动公开的信息28条；依申请公开的信息0条；删减后公开的信息0条；不公开的信息9条。",
    "全年共发布信息50条。门户网站30条，政务微博10条，其他渠道5条。",
    "合计受理申请15件。自然人申请10件，法人或其他组织申请4件。",
    # a change amount before 其中 is not the total
    "全年共发布信息120条，较上年增加20条。其中，政策文件30条，其他80条。",
    # several counts before 其中 and the parts match none of them
    "共受理申请12件，办结10件，其中予以公开8件，其他3件。",
])
def test_n301_fires_when_the_parts_do_not_add_up(body):
    assert _n301(body) == [("N301", _line(body))]


def test_n301_two_breakdowns_in_one_paragraph():
    body = ("主动公开政府信息71条，其中政策类信息4条，工作动态40条，其他信息26条。"
            "共受理政府信息公开申请12件，其中自然人申请10件，其他1件。")
    assert _n301(body) == [("N301", _line(body)), ("N301", _line(body))]


def test_n301_points_at_the_total_line_in_wrapped_text():
    # Seed 003 layout: one visual line per text line, blank lines between.
    lines = ["特编制并向社会公布本局政府信息公开工作年度报告，通过政府门户",
             "网站、政务微博、局政务公开栏等渠道主动公",
             "开政府信息 71条。其中：政策类信息 4条，工作动态 40条，",
             "其他信息 26 条。同时，我局设立了政府信息公开查阅点，",
             "为公众查阅政府信息提供方便。"]
    body = "\n\n".join(lines)
    text = report(body=body)
    assert codes_lines(text, select="N301") == [("N301", frame_line("开政府信息 71条", text))]


# --------------------------------------------------------------------------- silent


@pytest.mark.parametrize("body", [
    # adds up
    "主动公开政府信息71条。其中：政策类信息4条，工作动态40条，其他信息27条。",
    "主动公开政府信息71条，其中政策类信息4条，占5.6%；工作动态40条，占56.3%；其他信息27条，占38.0%。",
    "共受理政府信息公开申请12件，其中自然人申请10件，其他2件。",
    "2017年，我局累计公开政府信息38条。主动公开的信息28条；依申请公开的信息0条；删减后公开的信息0条；不公开的信息10条。",
    "全年共发布信息120条，较上年增加20条。其中，政策文件30条，其他90条。",
    # the parts describe the second count ("办结10件")
    "共受理申请12件，办结10件，其中予以公开8件，其他2件。",
    # 其中 without a residual item is a partial listing
    "主动公开政府信息71条，其中政策类信息4条，工作动态40条。",
    "共受理政府信息公开申请12件，其中予以公开8件，不予公开2件。",
    # units do not match
    "主动公开政府信息71条，其中政策类信息4条，工作动态40件，其他信息26条。",
    # nested 其中
    "主动公开政府信息71条，其中政策类信息4条，工作动态40条（其中通知公告12条，其他28条），其他信息26条。",
    "主动公开政府信息71条，其中政策类信息4条，工作动态40条，其中图片新闻12条，其他信息26条。",
    # approximate totals or parts
    "共发布信息约50条，其中门户网站30条，其他10条。",
    "共发布信息近50条，其中门户网站30条，其他10条。",
    "共发布信息50条左右，其中门户网站30条，其他10条。",
    "共发布信息1000余条，其中门户网站600条，政务微博300条，其他100条。",
    "共发布信息50多条，其中门户网站30条，其他10条。",
    "共发布信息50条，其中门户网站30条，其他约10条。",
    # parts that are not one count each
    "共发布信息50条，其中2017年第一季度门户网站30条，其他10条。",
    "主动公开政府信息71条，其中政策类信息4条，同比增长10%；其他信息60条。",
    "共受理申请12件，其中自然人申请10件，其他2件，平均办理时间5个工作日。",
    # a parts sentence after a sentence that is not a total
    "全年共发布信息50条，通过门户网站发布30条，通过政务微博发布10条，其他渠道发布5条。",
    "共发布信息50条，较上年增长10%。门户网站30条，政务微博10条。",
    "全年共发布信息50条。门户网站30条，政务微博20条。",
    # 共 inside 公共 is not a total
    "我局在公共服务平台发布信息50条。门户网站30条，政务微博10条。",
    # thousands separators are not read as small numbers
    "全年共发布信息1,200条。门户网站1000条，其他渠道200条。",
    # a lone count with no breakdown
    "2017年，我局累计公开政府信息38条。",
])
def test_n301_silent(body):
    assert _n301(body) == []


@pytest.mark.parametrize("body", [
    "主动公开政府信息71条。其中：政策类信息4条，工作动态40条，其他信息27条。",
    "2017年，我局累计公开政府信息38条。主动公开的信息28条；依申请公开的信息0条；删减后公开的信息0条；不公开的信息10条。",
    "主动公开政府信息71条，其中政策类信息4条，工作动态40条。",
    "共发布信息约50条，其中门户网站30条，其他10条。",
])
def test_n301_silent_cases_are_clean_overall(body):
    assert codes_lines(report(body=body)) == []


def test_n301_in_a_table_cell_is_not_prose():
    # Table cells are checked by the T rules, not by N301.
    body = "信息类别\t说明\n政策类\t共发布信息50条。门户网站30条，政务微博10条。"
    assert _n301(body) == []


# --------------------------------------------------------------------------- docstring


def _example(heading: str) -> str:
    from reportlint.plugins import load_registry

    doc = load_registry().rules["N301"].doc()
    block = doc.split(heading, 1)[1].split("\n\n", 1)[0]
    return textwrap.dedent(block.split("\n", 1)[1]).strip()


def test_n301_docstring_examples():
    wrong, right = _example("示例（错误）"), _example("示例（正确）")
    assert _n301(wrong) == [("N301", _line(wrong))]
    assert _n301(right) == []
