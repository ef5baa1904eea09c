"""N302 percentage-mismatch and N304 missing-number.

Every case asserts the exact (code, line) list, for firing and for silent text.
Precision first: a percentage that is a correct rounding (or truncation), or a
share of another base, must not be reported.
"""

from __future__ import annotations

import pytest
from fixapply import diags, doc_example, era_frames
from helpers import codes_lines, frame_line, line_no, report, wrapped_report


def _lines(code: str, body: str) -> list[tuple[str, int]]:
    return codes_lines(report(body=body), select=code, dedent=False)


def _at(body: str, marker: str | None = None) -> int:
    return frame_line(marker or body[:12], report(body=body))


# --------------------------------------------------------------------------- N302 fires

@pytest.mark.parametrize("body", [
    # a/N wrong for one part (4 / 71 = 5.6%)
    "主动公开政府信息71条，其中政策类信息4条，占15.6%；工作动态40条，占56.3%；其他信息27条，占38.0%。",
    # 8 / 12 = 66.7%
    "共受理政府信息公开申请12件，其中予以公开8件，占80%。",
    # the total stated in an earlier sentence with 共; the base named as the whole
    "2017年，我局共主动公开政府信息156条。涉及就业创业的政策信息47条，占全部主动公开信息的35.1%。",
    "共受理政府信息公开申请12件，其中自然人申请10件，占全年申请总数的73.3%。",
    # parenthesised share, full-width percent sign
    "共受理政府信息公开申请12件，其中予以公开8件（占76.7％），其他4件。",
    # the share written with 占比 / 比例为
    "共受理政府信息公开申请12件，其中予以公开8件，占比76.7%。",
    # the shares of a complete breakdown (with 其他) add up to 95%
    "共收到政府信息公开申请12件，其中自然人申请占60%，法人或其他组织申请占30%，其他占5%。",
])
def test_n302_fires(body):
    assert _lines("N302", body) == [("N302", _at(body))]


def test_n302_two_wrong_parts_give_two_findings_with_the_arithmetic():
    body = "主动公开政府信息71条，其中政策类信息4条，占15.6%；工作动态40条，占46.3%；其他信息27条，占38.0%。"
    line = _at(body)
    assert _lines("N302", body) == [("N302", line), ("N302", line)]
    first = diags(report(body=body), "N302")[0]
    assert (first.evidence["part"], first.evidence["total"], first.evidence["written"]) == (4, 71, 15.6)
    assert "5.6%" in first.message.zh and "15.6%" in first.message.zh


def test_n302_points_at_the_part_in_wrapped_text():
    lines = ["我局全年共受理政府信息公开申请12件，其中",
             "予以公开8件，占80%，其他4件，占33.3%，均",
             "在法定期限内答复。"]
    text = wrapped_report(lines)
    assert codes_lines(text, select="N302", dedent=False) == [("N302", line_no(text, lines[1]))]


# --------------------------------------------------------------------------- N302 silent

@pytest.mark.parametrize("body", [
    # correct to one decimal: 4/71 = 5.63, 40/71 = 56.34, 27/71 = 38.03
    "主动公开政府信息71条，其中政策类信息4条，占5.6%；工作动态40条，占56.3%；其他信息27条，占38.0%。",
    # ±0.1: truncated or rounded either way
    "主动公开政府信息71条，其中政策类信息4条，占5.7%；工作动态40条，占56.4%；其他信息27条，占38.1%。",
    # two decimals, and integers (rounded 5.63 → 6, truncated 56.34 → 56)
    "主动公开政府信息71条，其中政策类信息4条，占5.63%；工作动态40条，占56%；其他信息27条，占38%。",
    # the clean 2017 example: 47 / 156 = 30.13%
    "2017年，我局共主动公开政府信息156条。涉及就业创业的政策信息47条，占全部主动公开信息的30.1%。",
    # a share of another count in the paragraph (8 / 16 办结 = 50%)
    "全年共受理申请20件，办结16件。予以公开8件，占50%。",
    # the parts describe the second count before 其中 (8 / 10 = 80%)
    "共受理申请12件，办结10件，其中予以公开8件，占80%。",
    # a base that is not the total ("占全市的")
    "共受理政府信息公开申请12件，其中予以公开8件，占全市同类申请的20%。",
    # the share of the total itself in some wider base
    "2017年，我局共发布信息50条，占全市政务信息的20%。",
    # no total to compare with
    "涉及就业创业的政策信息47条，占30.1%。",
    # changes and rates, not shares
    "全年共发布信息120条，同比增长20%，办结率100%。",
    "共受理申请12件，较上年增长50%。",
    # an approximate total
    "共发布信息约50条，其中门户网站30条，占70%，其他20条。",
    # shares of a complete breakdown adding to 99.9 / 100
    "共收到政府信息公开申请12件，其中自然人申请占33.3%，法人或其他组织申请占33.3%，其他占33.3%。",
    "共收到政府信息公开申请12件，其中自然人申请占60%，法人或其他组织申请占30%，其他占10%。",
    # shares without a residual item: a partial listing
    "共收到政府信息公开申请12件，其中自然人申请占60%，商业企业申请占30%。",
    # a total of another unit
    "共召开会议5次，其中专题会议2次，占40%；发布信息50条，其中政策解读10条，占20%。",
])
def test_n302_silent(body):
    assert _lines("N302", body) == []


@pytest.mark.parametrize("body", [
    "主动公开政府信息71条，其中政策类信息4条，占5.6%；工作动态40条，占56.3%；其他信息27条，占38.0%。",
    "2017年，我局共主动公开政府信息156条。涉及就业创业的政策信息47条，占全部主动公开信息的30.1%。",
    "全年共发布信息120条，同比增长20%，办结率100%。",
])
def test_n302_silent_cases_are_clean_for_all_rules(body):
    assert codes_lines(report(body=body), dedent=False) == []


def test_n302_table_cells_are_not_prose():
    body = "信息类别\t说明\n政策类\t共发布信息50条，其中政策解读10条，占50%。"
    assert _lines("N302", body) == []


# --------------------------------------------------------------------------- N304

@pytest.mark.parametrize("body,marker", [
    ("2017年，我局共主动公开政府信息条，其中政策类信息4条。", "共主动公开"),
    ("本年度收到政府信息公开申请  件，均已按时答复。", "本年度收到"),
    ("本年度共受理政府信息公开申请___件。", "本年度共受理"),
    ("全年召开政务公开专题会议次，研究部署相关工作。", "全年召开"),
    ("全年累计发布信息 条。", "全年累计"),
    ("其中政策解读信息占全部信息的%。", "其中政策解读"),
    ("共受理申请12件，其中予以公开件，不予公开4件。", "共受理申请"),
])
def test_n304_fires(body, marker):
    assert _lines("N304", body) == [("N304", _at(body, marker))]


def test_n304_two_gaps_in_one_sentence():
    body = "共主动公开政府信息条，其中政策类信息条，其他信息4条。"
    assert _lines("N304", body) == [("N304", _at(body)), ("N304", _at(body))]


@pytest.mark.parametrize("body", [
    "我局认真贯彻《条例》，依据《条例》第十条公开条例全文。",
    "我局共收到各类文件，按照条件逐条逐项办理。",
    "主动公开事项目录已经更新，本次会议研究了各项工作。",
    "我局政府信息公开目录共收录信息条目1035条。",
    "本年度申请件数与上年持平，信息条数有所增加。",
    "共发布信息几十条，接受咨询百余次。",
    "全年共发布信息一百二十条。",
    "2017年，我局共主动公开政府信息71条，其中政策类信息4条。",
    "对公开申请，我局逐件登记、逐件答复。",
    "政府信息公开申请的处理期限为20个工作日。",
    # units that make words with the counted noun
    "在培训期，学员们认真学习了《条例》。",
    "邀请社会活动家，参与政务开放日活动。",
])
def test_n304_silent(body):
    assert _lines("N304", body) == []


def test_n304_silent_cases_are_clean_for_all_rules():
    body = "我局政府信息公开目录共收录信息条目1035条，全年共发布信息一百二十条，逐条逐项办理。"
    assert codes_lines(report(body=body), dedent=False) == []


# --------------------------------------------------------------------------- docstrings

@pytest.mark.parametrize("code", ["N302", "N304"])
def test_docstring_examples(code):
    wrong, right = doc_example(code, "示例（错误）"), doc_example(code, "示例（正确）")
    for frame in era_frames(code, wrong):
        assert codes_lines(frame, select=code, dedent=False), frame
    for frame in era_frames(code, right):
        assert codes_lines(frame, select=code, dedent=False) == []
