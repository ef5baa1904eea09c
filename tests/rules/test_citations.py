"""C501 document-number-brackets, C503 nested-title-marks, C504 unbalanced-brackets.

Every case asserts the exact (code, line) list, for firing and for silent text.
"""

from __future__ import annotations

import inspect
import re

import pytest
from helpers import codes_lines, frame_line, line_no, linter, report, wrapped_report

from reportlint.readers.text import source_from_text
from reportlint.rules.citations import DocumentNumberBrackets, NestedTitleMarks, UnbalancedBrackets


def diags(text: str, code: str):
    return [d for d in linter((code,)).lint_source(source_from_text("snippet.txt", text)).diagnostics]


def col(line_text: str, ch: str, nth: int = 0) -> int:
    """1-based column of the ``nth`` occurrence of ``ch`` in ``line_text``."""
    idx = -1
    for _ in range(nth + 1):
        idx = line_text.index(ch, idx + 1)
    return idx + 1


def line_of(text: str, marker: str) -> str:
    return text.splitlines()[frame_line(marker, text) - 1]




def test_wrapped_helper_is_wrapped_and_clean():
    text = wrapped_report(["我局还通过政务微博发布信息30条，通过政务微信发布信息",
                           "20条，进一步拓宽了公开渠道。"])
    assert source_from_text("w.txt", text).layout == "wrapped"
    assert codes_lines(text, dedent=False) == []


# --------------------------------------------------------------------------- C501

C501_WRONG = [
    ("[", "]"),
    ("【", "】"),
    ("(", ")"),
    ("（", "）"),
    ("［", "］"),
    ("〔", "]"),  # mixed: only the wrong one is replaced
    ("[", "〕"),
]


@pytest.mark.parametrize("o,c", C501_WRONG)
def test_c501_wrong_brackets_fire_and_fix_only_the_brackets(o, c):
    body = f"按照《关于做好政务公开工作的通知》（宁政办发{o}2017{c}12号）要求，我局进一步规范了信息发布程序。"
    text = report(body=body)
    line = frame_line("宁政办发", text)
    assert codes_lines(text, select="C501") == [("C501", line)]
    (d,) = diags(text, "C501")
    src = line_of(text, "宁政办发")
    start = src.index("宁政办发") + len("宁政办发")
    assert (d.span.line, d.span.column, d.span.end_line, d.span.end_column) == (line, start + 1, line, start + 7)
    want = []
    if o != "〔":
        want.append(((line, start + 1, line, start + 2), "〔"))
    if c != "〕":
        want.append(((line, start + 6, line, start + 7), "〕"))
    got = [((e.span.line, e.span.column, e.span.end_line, e.span.end_column), e.replacement) for e in d.fix]
    assert got == want
    # Applying the edits gives the right document number.
    fixed = list(src)
    for (_, c0, _, _), rep in want:
        fixed[c0 - 1] = rep
    assert "宁政办发〔2017〕12号" in "".join(fixed)


def test_c501_several_numbers_in_one_sentence():
    text = report(body="根据吴利政办发[2017]54号、吴利政办发【2017】55号和宁党办〔2017〕54号文件，制定出台了实施方案。")
    line = frame_line("吴利政办发", text)
    assert codes_lines(text, select="C501") == [("C501", line), ("C501", line)]


def test_c501_spaces_from_extraction_still_a_document_number():
    text = report(body="按照宁政办发 [2017] 12 号文件要求，我局进一步规范了信息发布程序。")
    line = frame_line("宁政办发", text)
    assert codes_lines(text, select="C501") == [("C501", line)]
    (d,) = diags(text, "C501")
    src = line_of(text, "宁政办发")
    assert [(e.span.column, e.replacement) for e in d.fix] == [(col(src, "[") , "〔"), (col(src, "]"), "〕")]


def test_c501_serial_with_di_and_leading_zero_is_still_checked_for_brackets():
    text = report(body="按照宁政办发[2017]第012号文件要求，我局进一步规范了信息发布程序。")
    assert codes_lines(text, select="C501") == [("C501", frame_line("宁政办发", text))]


def test_c501_in_a_heading():
    text = report(body="（一）贯彻落实宁党办[2017]54号文件情况\n\n我局按照文件要求开展工作。")
    assert codes_lines(text, select="C501") == [("C501", frame_line("宁党办", text))]


@pytest.mark.parametrize("body", [
    "按照《关于做好政务公开工作的通知》（宁政办发〔2017〕12号）要求，我局进一步规范了信息发布程序。",
    "根据宁夏回族自治区吴忠市中级人民法院（2017）宁03行终12号行政判决书，我局重新作出答复。",
    "根据（2017）宁01行初12号行政判决书，我局重新作出答复。",
    "本年度（2017年）共收到政府信息公开申请3件。",
    "本年度（2017）共收到政府信息公开申请3件。",
    "依据《中华人民共和国政府信息公开条例》（国务院令第492号），我局编制本报告。",
    "我局共收到申请12件（2017年1月至12月），均已按期答复。",
    "全年共发布信息【2017】期，其中简报12期。",
    "详见附件[1]。",
])
def test_c501_silent(body):
    text = report(body=body)
    assert codes_lines(text, select="C501") == []


def test_c501_correct_document_numbers_are_clean_for_all_rules():
    text = report(body="按照《关于做好政务公开工作的通知》（宁政办发〔2017〕12号）和《关于印发〈2017年政务公开工作要点〉的通知》"
                       "（吴利政办发〔2017〕54号）要求，我局进一步规范了信息发布程序。")
    assert codes_lines(text) == []


def test_c501_document_number_split_over_wrapped_lines():
    lines = ["按照《关于全面推进政务公开工作的实施意见》（宁党办",
             "[2017]54号）文件要求，继续做好政务公开各项工作，以便更",
             "好地服务人民群众。"]
    text = wrapped_report(lines)
    line = line_no(text, lines[1])
    assert codes_lines(text, select="C501", dedent=False) == [("C501", line)]
    (d,) = diags(text, "C501")
    assert [((e.span.line, e.span.column, e.span.end_column), e.replacement) for e in d.fix] == [
        ((line, 1, 2), "〔"), ((line, 6, 7), "〕")]


def test_c501_document_number_split_inside_the_brackets():
    lines = ["按照《关于全面推进政务公开工作的实施意见》（宁党办[2017",
             "]54号）文件要求，继续做好政务公开各项工作，以便更好地服",
             "务人民群众。"]
    text = wrapped_report(lines)
    first, second = line_no(text, lines[0]), line_no(text, lines[1])
    (d,) = diags(text, "C501")
    assert (d.span.line, d.span.end_line) == (first, second)
    assert [((e.span.line, e.span.column), e.replacement) for e in d.fix] == [
        ((first, col(lines[0], "[")), "〔"), ((second, 1), "〕")]


# --------------------------------------------------------------------------- C503

def test_c503_ascii_angle_brackets_inside_title_marks():
    body = "我局认真贯彻《宁夏回族自治区实施<中华人民共和国政府信息公开条例>办法》，坚持以公开为常态、不公开为例外。"
    text = report(body=body)
    line = frame_line("宁夏回族自治区实施", text)
    assert codes_lines(text, select="C503") == [("C503", line)]
    (d,) = diags(text, "C503")
    src = line_of(text, "宁夏回族自治区实施")
    assert (d.span.column, d.span.end_column) == (col(src, "<"), col(src, ">") + 1)
    assert [((e.span.line, e.span.column, e.span.end_column), e.replacement) for e in d.fix] == [
        ((line, col(src, "<"), col(src, "<") + 1), "〈"), ((line, col(src, ">"), col(src, ">") + 1), "〉")]


def test_c503_title_marks_nested_in_title_marks():
    body = "贯彻落实区委、政府《关于印发《关于全面推进政务公开工作的实施意见》的通知》精神，制定工作方案。"
    text = report(body=body)
    line = frame_line("关于印发", text)
    assert codes_lines(text, select="C503") == [("C503", line)]
    (d,) = diags(text, "C503")
    src = line_of(text, "关于印发")
    inner_open, inner_close = col(src, "《", 1), col(src, "》")
    assert [(e.span.column, e.replacement) for e in d.fix] == [(inner_open, "〈"), (inner_close, "〉")]


def test_c503_two_inner_titles_give_two_findings():
    body = "认真学习《关于印发<2017年政务公开工作要点>和<政务公开工作考核办法>的通知》，逐项抓好落实。"
    text = report(body=body)
    line = frame_line("关于印发", text)
    assert codes_lines(text, select="C503") == [("C503", line), ("C503", line)]


def test_c503_fullwidth_angle_brackets():
    body = "认真学习《关于印发＜2017年政务公开工作要点＞的通知》，逐项抓好落实。"
    text = report(body=body)
    assert codes_lines(text, select="C503") == [("C503", frame_line("关于印发", text))]


def test_c503_nested_closing_doubled_is_still_nested():
    # "《关于《条例》》": the inner title is nested (C503); the "》》" is C505's business.
    text = report(body="认真贯彻《关于贯彻落实《中华人民共和国政府信息公开条例》》的要求。")
    assert codes_lines(text, select="C503") == [("C503", frame_line("关于贯彻落实", text))]


@pytest.mark.parametrize("body", [
    "我局认真贯彻《宁夏回族自治区实施〈中华人民共和国政府信息公开条例〉办法》，坚持以公开为常态。",
    # third level: 《〈《》〉》 is the correct alternation
    "认真学习《关于印发〈关于贯彻落实《中华人民共和国政府信息公开条例》的意见〉的通知》。",
    # doubled opening marks: C505, not C503
    "认真贯彻《《中华人民共和国政府信息公开条例》》，做好各项工作。",
    # "<" and ">" outside any title
    "当申请数量a<b且c>d时，应优先办理。",
    "认真贯彻《中华人民共和国政府信息公开条例》，当a<b时c>d。",
    "《中华人民共和国政府信息公开条例》<第三十二条>规定了报告内容。",
    # "<" inside a title whose ">" lies outside it: cannot decide
    "认真贯彻《关于a<b的说明》，其中c>d。",
    # outer title never closed: the nesting cannot be decided (C504 reports the bracket)
    "认真学习《关于印发《2017年政务公开工作要点》的通知，逐项抓好落实。",
    "认真学习《关于印发<2017年政务公开工作要点>的通知，逐项抓好落实。",
    # "<<…>>": cannot tell which marks pair up
    "认真学习《关于印发<<2017年政务公开工作要点>>的通知》，逐项抓好落实。",
    "认真学习《关于印发<>的通知》。",
    # two titles side by side
    "认真贯彻《中华人民共和国政府信息公开条例》《宁夏回族自治区政务公开规定》。",
])
def test_c503_silent(body):
    assert codes_lines(report(body=body), select="C503") == []


def test_c503_correct_nesting_is_clean_for_all_rules():
    text = report(body="我局认真贯彻《宁夏回族自治区实施〈中华人民共和国政府信息公开条例〉办法》，坚持以公开为常态、不公开为例外。")
    assert codes_lines(text) == []


def test_c503_split_over_wrapped_lines_points_at_the_right_lines():
    lines = ["我局认真贯彻《中华人民共和国政府信息公开条例》《宁夏回族自治",
             "区实施<中华人民共和国政府信息公开条例>办法》，坚持以",
             "公开为常态、不公开为例外，贯彻落实区委、政府《关于印",
             "发<关于全面推进政务公开工作的实施意见>的通知》（吴利",
             "党办综〔2016〕78号）要求，全面推进政务公开工作。"]
    text = wrapped_report(lines)
    l2, l4 = line_no(text, lines[1]), line_no(text, lines[3])
    assert codes_lines(text, select="C503", dedent=False) == [("C503", l2), ("C503", l4)]
    first, second = diags(text, "C503")
    assert (first.span.line, first.span.column, first.span.end_line) == (l2, col(lines[1], "<"), l2)
    assert (second.span.line, second.span.column) == (l4, 2)
    assert [(e.span.line, e.span.column, e.replacement) for e in second.fix] == [
        (l4, 2, "〈"), (l4, col(lines[3], ">"), "〉")]


def test_c503_angle_brackets_split_over_lines():
    lines = ["我局认真贯彻《宁夏回族自治区实施<中华人民共和国政府信息公",
             "开条例>办法》，坚持以公开为常态、不公开为例外，全面推进政务公开。"]
    text = wrapped_report(lines)
    l1, l2 = line_no(text, lines[0]), line_no(text, lines[1])
    (d,) = diags(text, "C503")
    assert (d.span.line, d.span.end_line) == (l1, l2)
    assert [(e.span.line, e.span.column, e.replacement) for e in d.fix] == [
        (l1, col(lines[0], "<"), "〈"), (l2, col(lines[1], ">"), "〉")]


# --------------------------------------------------------------------------- C504

def _c504_columns(text, marker):
    line = frame_line(marker, text)
    return [(d.line, d.span.column) for d in diags(text, "C504")], line, line_of(text, marker)


def test_c504_unmatched_closing_bracket():
    text = report(body="根据吴利政办发〔2017〕54号、吴利政办发〔2017〕55号）文件，制定出台了政务公开工作实施方案。")
    got, line, src = _c504_columns(text, "吴利政办发")
    assert got == [(line, col(src, "）"))]


def test_c504_unclosed_round_bracket():
    text = report(body="根据（吴利政办发〔2017〕54号文件，制定出台了政务公开工作实施方案。")
    got, line, src = _c504_columns(text, "吴利政办发")
    assert got == [(line, col(src, "（"))]


def test_c504_unclosed_title_mark():
    text = report(body="我局认真贯彻《中华人民共和国政府信息公开条例，做好政务公开各项工作。")
    got, line, src = _c504_columns(text, "认真贯彻")
    assert got == [(line, col(src, "《"))]


def test_c504_crossed_brackets_reported_once():
    text = report(body="我局认真贯彻（《中华人民共和国政府信息公开条例）》精神，做好政务公开各项工作。")
    got, line, src = _c504_columns(text, "认真贯彻")
    assert got == [(line, col(src, "《"))]


def test_c504_two_crossings_in_one_paragraph():
    text = report(body="我局认真贯彻（《条例）》和（《意见）》精神，做好政务公开各项工作。")
    got, line, src = _c504_columns(text, "认真贯彻")
    assert got == [(line, col(src, "《")), (line, col(src, "《", 1))]


def test_c504_unbalanced_quotation_marks():
    text = report(body="群众普遍反映“办事更方便了，信息更透明了。")
    got, line, src = _c504_columns(text, "群众普遍反映")
    assert got == [(line, col(src, "“"))]


def test_c504_extra_closing_quotation_mark():
    text = report(body="做到“应公开、尽公开”，群众满意”。")
    got, line, src = _c504_columns(text, "应公开")
    assert got == [(line, col(src, "”", 1))]


def test_c504_hexagonal_and_lenticular_brackets():
    text = report(body="根据吴利政办发〔2017〕54号、吴利政办发〔2017 55号文件和【通知要求，制定出台了实施方案。")
    got, line, src = _c504_columns(text, "吴利政办发")
    assert got == [(line, col(src, "〔", 1)), (line, col(src, "【"))]


def test_c504_half_width_partner_does_not_hide_a_crossing():
    text = report(body="我局认真贯彻（《中华人民共和国政府信息公开条例)》精神，做好政务公开各项工作。")
    got, line, src = _c504_columns(text, "认真贯彻")
    assert got == [(line, col(src, "《"))]


def test_c504_in_a_heading():
    text = report(body="（一）贯彻落实《政务公开工作要点情况\n\n我局按照文件要求开展工作。")
    assert codes_lines(text, select="C504") == [("C504", frame_line("贯彻落实《", text))]


@pytest.mark.parametrize("body", [
    "我局认真贯彻《关于印发〈2017年政务公开工作要点〉的通知》（吴利政办发〔2017〕54号）精神，做到“应公开、尽公开”。",
    "根据（吴利政办发〔2017〕54号、吴利政办发〔2017〕55号）文件，制定出台了政务公开工作实施方案。",
    "主要做法：1）完善制度；2）加强培训；3）强化监督。",
    "主要做法：一）完善制度；二）加强培训；三）强化监督。",
    "1）完善制度，明确专人负责信息发布工作。",
    "主要做法：a）完善制度；b）加强培训。",
    "我局按照（1）完善制度（2）加强培训的思路推进工作。",
    "全年共发布信息120条（其中工作动态80条（含图片新闻20条）、通知公告40条）。",
    "【工作动态】全年共发布信息80条。",
    # a full-width bracket with a half-width partner is balanced (half-width is not C504's business)
    "全年共发布信息120条（含政策解读10条)，进一步拓宽了公开渠道。",
    "全年共发布信息120条(含政策解读10条），进一步拓宽了公开渠道。",
    "(二）政策解读和舆情回应情况\n\n本年度我局没有印发政策解读文件。",
    # half-width brackets alone are not checked
    "全年共发布信息120条(含政策解读10条，进一步拓宽了公开渠道。",
    "主要做法：1)完善制度；2)加强培训。",
    "我局门户网站网址为http://www.example.gov.cn/xxgk/index.htm?id=1)。",
])
def test_c504_silent(body):
    assert codes_lines(report(body=body), select="C504") == []


def test_c504_balanced_text_is_clean_for_all_rules():
    text = report(body="全年共发布信息120条（其中工作动态80条、通知公告40条），做到“应公开、尽公开”。")
    assert codes_lines(text) == []


def test_c504_table_cells_not_checked():
    body = ("主动公开政府信息审批单\n\n"
            "拟主动公开的政府信息内容概要\t关于印发《驾驶员管理制度的通知（试行\n"
            "保密审查意见\t同意公开")
    text = report(body=body)
    assert codes_lines(text, select="C504") == []


def test_c504_seed_003_number_split_over_lines():
    # Seed 003 lines 127/128: "…〔2017〕55" / " 号）文件" — the ")" closes nothing.
    lines = ["根据吴利政办发〔2017〕54号、吴利政办发〔2017〕55",
             " 号）文件，制定出台《利通区安全生产监督管理局 2017 年",
             "政务公开工作实施方案》，对我局政务公开工作任务进行细化。"]
    text = wrapped_report(lines)
    line = line_no(text, lines[1])
    assert codes_lines(text, select="C504", dedent=False) == [("C504", line)]
    (d,) = diags(text, "C504")
    assert (d.span.line, d.span.column, d.span.end_line, d.span.end_column) == (line, 3, line, 4)


def test_c504_bracket_closed_on_a_later_wrapped_line_is_silent():
    lines = ["全年共发布信息120条（其中工作动态80条、通知公告40条、政策",
             "解读10条），做到“应公开、尽公开”，进一步拓宽了公开渠道。"]
    assert codes_lines(wrapped_report(lines), select="C504", dedent=False) == []


# --------------------------------------------------------------------------- docstrings

def _example(rule, heading: str) -> str:
    doc = inspect.cleandoc(rule.__doc__)
    m = re.search(rf"^{heading}\n(.*?)(?=^\S|\Z)", doc, re.S | re.M)
    assert m, heading
    return "\n".join(line.strip() for line in m.group(1).strip("\n").splitlines())


@pytest.mark.parametrize("rule", [DocumentNumberBrackets, NestedTitleMarks, UnbalancedBrackets])
def test_docstring_examples(rule):
    wrong = report(body=_example(rule, "示例（错误）"))
    right = report(body=_example(rule, "示例（正确）"))
    assert [c for c, _ in codes_lines(wrong, select=rule.code)] == [rule.code]
    assert codes_lines(right, select=rule.code) == []
