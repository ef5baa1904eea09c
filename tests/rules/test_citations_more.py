"""C502 document-number-format, C505 doubled-punctuation, C506 regulation-title, C507 outdated-basis.

Every case asserts the exact (code, line) list, for firing and for silent text;
the fixes of C502 and C505 are applied to the original text and must make the
rule silent (idempotence) while touching only the reported characters.
"""

from __future__ import annotations

import pytest
from fixapply import changed_lines, diags, doc_example, era_frames, fixed
from helpers import codes_lines, frame_line, line_no, report, wrapped_report
from tablegen import report_2021, tables_for


def _lines(code: str, body: str, year: int = 2017) -> list[tuple[str, int]]:
    return codes_lines(report(year, body), select=code, dedent=False)


def _at(body: str, marker: str | None = None, year: int = 2017) -> int:
    return frame_line(marker or body[:12], report(year, body))


def fmt(body: str, year: int) -> str:
    """``body`` as the prose of section 三 of a fmt2019 (2020) or fmt2021 (2022) report with real tables."""
    t2, t3, t4 = tables_for(year)
    return report_2021(t3, t4, year=year, t2_text=t2, prose3=body)


# --------------------------------------------------------------------------- C502

@pytest.mark.parametrize("docno,want", [
    ("宁政办发〔2017〕第12号", "宁政办发〔2017〕12号"),
    ("宁政办发〔2017〕012号", "宁政办发〔2017〕12号"),
    ("宁政办发〔2017〕第012号", "宁政办发〔2017〕12号"),
    ("宁政办发〔2017〕0012号", "宁政办发〔2017〕12号"),
    ("宁政办发〔2017〕 第 12 号", "宁政办发〔2017〕  12 号"),
])
def test_c502_fires_and_fixes_only_the_wrong_characters(docno, want):
    body = f"按照《关于做好政务公开工作的通知》（{docno}）要求，我局进一步规范了信息发布程序。"
    text = report(2017, body)
    assert _lines("C502", body) == [("C502", _at(body))]
    assert changed_lines(text, fixed(text, "C502")) == [(body, body.replace(docno, want))]


def test_c502_with_wrong_brackets_too_fixes_do_not_overlap():
    body = "按照宁政办发[2017]第012号文件要求，我局进一步规范了信息发布程序。"
    text = report(2017, body)
    line = _at(body)
    assert codes_lines(text, select=("C501", "C502"), dedent=False) == [("C501", line), ("C502", line)]
    from fixapply import apply_edits

    both = apply_edits(text, diags(text, "C501") + diags(text, "C502"))
    assert "宁政办发〔2017〕12号" in both
    assert codes_lines(both, select=("C501", "C502"), dedent=False) == []


def test_c502_document_number_split_over_wrapped_lines():
    lines = ["按照《关于全面推进政务公开工作的实施意见》（宁党办〔2017〕第",
             "054号）文件要求，继续做好政务公开各项工作，以便更好地服",
             "务人民群众。"]
    text = wrapped_report(lines)
    first, second = line_no(text, lines[0]), line_no(text, lines[1])
    assert codes_lines(text, select="C502", dedent=False) == [("C502", first)]
    (d,) = diags(text, "C502")
    assert [(e.span.line, e.span.column, e.span.end_column) for e in d.fix] == [
        (first, len(lines[0]), len(lines[0]) + 1), (second, 1, 2)]
    assert changed_lines(text, fixed(text, "C502")) == [(lines[0], lines[0][:-1]), (lines[1], lines[1][1:])]


@pytest.mark.parametrize("body", [
    "按照《关于做好政务公开工作的通知》（宁政办发〔2017〕12号）要求，我局第一次全面梳理了信息发布程序。",
    "按照宁政办发〔2017〕10号、宁政办发〔2017〕100号文件要求开展工作。",
    "依据《中华人民共和国政府信息公开条例》（国务院令第492号），我局编制本报告。",
    "根据（2017）宁01行初012号行政判决书，我局重新作出答复。",
    "全年编发政务公开简报12期，其中2017年第1期专题报道政务公开工作。",
    "按照第12号文件的要求，我局第一时间作出部署。",
    "一是第一时间公开，二是第二十条第（一）项规定的信息全部公开。",
])
def test_c502_silent(body):
    assert _lines("C502", body) == []


def test_c502_silent_text_is_clean_for_all_rules():
    body = "按照宁政办发〔2017〕10号、宁政办发〔2017〕100号文件要求，我局第一时间作出部署。"
    assert codes_lines(report(2017, body), dedent=False) == []


# --------------------------------------------------------------------------- C505

@pytest.mark.parametrize("body,want", [
    ("我局认真贯彻《《中华人民共和国政府信息公开条例》，坚持以公开为常态。",
     "我局认真贯彻《中华人民共和国政府信息公开条例》，坚持以公开为常态。"),
    ("我局认真贯彻《中华人民共和国政府信息公开条例》》，坚持以公开为常态。",
     "我局认真贯彻《中华人民共和国政府信息公开条例》，坚持以公开为常态。"),
    ("我局认真贯彻《条例》，，坚持以公开为常态。", "我局认真贯彻《条例》，坚持以公开为常态。"),
    ("我局认真贯彻《条例》，坚持以公开为常态。。", "我局认真贯彻《条例》，坚持以公开为常态。"),
    ("我局通过门户网站、、政务微博发布信息。", "我局通过门户网站、政务微博发布信息。"),
    ("主要做法如下：：一是加强领导；；二是完善制度。", "主要做法如下：一是加强领导；二是完善制度。"),
    ("我局认真贯彻《条例》，，，坚持以公开为常态。", "我局认真贯彻《条例》，坚持以公开为常态。"),
])
def test_c505_fires_and_fix_deletes_the_extra_marks(body, want):
    text = report(2017, body)
    n = sum(1 for pair in ("《《", "》》", "，，", "。。", "、、", "：：", "；；") if pair in body)
    assert _lines("C505", body) == [("C505", _at(body))] * n
    assert changed_lines(text, fixed(text, "C505")) == [(body, want)]


def test_c505_doubled_mark_split_over_wrapped_lines():
    lines = ["我局认真贯彻《中华人民共和国政府信息公开条例》，认真落实，",
             "，坚持以公开为常态、不公开为例外，推进决策、执行、管理",
             "、服务、结果公开。"]
    text = wrapped_report(lines)
    first, second = line_no(text, lines[0]), line_no(text, lines[1])
    assert codes_lines(text, select="C505", dedent=False) == [("C505", first)]
    (d,) = diags(text, "C505")
    assert [(e.span.line, e.span.column) for e in d.fix] == [(second, 1)]
    assert changed_lines(text, fixed(text, "C505")) == [(lines[1], lines[1][1:])]


@pytest.mark.parametrize("body", [
    "我局认真贯彻《条例》……坚持以公开为常态——不公开为例外。",
    "按照《关于印发〈2017年政务公开工作要点〉的通知》要求开展工作。",
    # correctly nested 《》 in 《》 is C503's (it fixes them to 〈〉), not a doubled mark
    "按照《关于印发《2017年政务公开工作要点》》要求开展工作。",
    "我局认真贯彻《条例》。“公开为常态”的要求得到落实！！",
    "英文摘要见附件,,第二部分。",
])
def test_c505_silent(body):
    assert _lines("C505", body) == []


def test_c505_and_c503_do_not_both_fix_nested_titles():
    body = "按照《关于印发《2017年政务公开工作要点》》要求开展工作。"
    line = _at(body)
    assert codes_lines(report(2017, body), select=("C503", "C505"), dedent=False) == [("C503", line)]


# --------------------------------------------------------------------------- C506

@pytest.mark.parametrize("body,marker", [
    ("本年度报告依据《中华人民共和国信息公开条例》编制。", "本年度报告依据"),
    ("本年度报告依据《政府信息公开管理条例》编制。", "本年度报告依据"),
    ("本年度报告依据《中华人民共和国政府信息公开管理条例》编制。", "本年度报告依据"),
    ("本年度报告依据《政府公开信息条例》编制。", "本年度报告依据"),
    ("本年度报告依据《信息公开条例》编制。", "本年度报告依据"),
    ("我局认真贯彻中华人民共和国政府信息公开条例，坚持以公开为常态。", "我局认真贯彻"),
    ("我局认真贯彻政府信息公开条例，坚持以公开为常态。", "我局认真贯彻"),
    ("我局认真贯彻“中华人民共和国政府信息公开条例”，坚持以公开为常态。", "我局认真贯彻"),
    ("我局认真贯彻《宁夏回族自治区实施〈中华人民共和国信息公开条例〉办法》。", "我局认真贯彻"),
])
def test_c506_fires(body, marker):
    assert _lines("C506", body) == [("C506", _at(body, marker))]


@pytest.mark.parametrize("body", [
    "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制，认真贯彻《条例》的各项规定。",
    "我局认真贯彻《政府信息公开条例》，坚持以公开为常态。",
    "我局认真贯彻《宁夏回族自治区实施〈中华人民共和国政府信息公开条例〉办法》。",
    # extraction spaces inside the title
    "我局认真贯彻《中华人民共和国政府信息 公开条例》，坚持以公开为常态。",
    # other regulations and the revised title with a note
    "我局认真贯彻《宁夏回族自治区政府信息公开规定》和《上海市政府信息公开条例》。",
    "我局认真贯彻《中华人民共和国政府信息公开条例（2019年修订）》。",
    # <…> inside 《》 is C503's
    "我局认真贯彻《宁夏回族自治区实施<中华人民共和国政府信息公开条例>办法》。",
    "本报告是政府信息公开工作年度报告。",
])
def test_c506_silent(body):
    assert _lines("C506", body) == []


def test_c506_silent_text_is_clean_for_all_rules():
    body = "我局认真贯彻《政府信息公开条例》和《宁夏回族自治区实施〈中华人民共和国政府信息公开条例〉办法》。"
    assert codes_lines(report(2017, body), dedent=False) == []


# --------------------------------------------------------------------------- C507

@pytest.mark.parametrize("body,years", [
    ("本报告按照国办公开办函〔2019〕60号的要求编制。", (2022,)),
    ("本报告按照国办公开办函[2019]60号的要求编制。", (2022,)),
    ("本报告按照《中华人民共和国政府信息公开工作年度报告格式（试行）》编制。", (2022,)),
    ("本报告依据《中华人民共和国政府信息公开条例》（国务院令第492号）编制。", (2020, 2022)),
    ("本报告根据《中华人民共和国政府信息公开条例》第三十一条、第三十二条的规定编制。", (2020, 2022)),
])
def test_c507_fires(body, years):
    for year in years:
        text = fmt(body, year)
        assert codes_lines(text, select="C507", dedent=False) == [("C507", frame_line(body[:12], text))], year


def test_c507_two_outdated_citations_in_one_sentence():
    body = "本报告根据《中华人民共和国政府信息公开条例》第三十一条、第三十二条的规定，按照国办公开办函〔2019〕60号的要求编制。"
    text = fmt(body, 2022)
    line = frame_line(body[:12], text)
    assert codes_lines(text, select="C507", dedent=False) == [("C507", line), ("C507", line)]


@pytest.mark.parametrize("body,year", [
    # the 2019 format is right for 2019 and 2020 reports
    ("本报告按照国办公开办函〔2019〕60号的要求编制。", 2020),
    ("本报告按照《中华人民共和国政府信息公开工作年度报告格式（试行）》编制。", 2020),
    ("本报告按照国办公开办函〔2021〕30号的要求编制。", 2022),
    ("本报告根据《中华人民共和国政府信息公开条例》第四十九条、第五十条的规定编制。", 2022),
    # art. 32 of the revised Regulation (third-party opinions), outside the report's basis
    ("对涉及第三方权益的申请，我局依据《条例》第三十二条的规定书面征求第三方意见。", 2022),
    ("本报告期内，我局依据《条例》第三十二条的规定书面征求第三方意见3次。", 2022),
    # history, not a basis
    ("新修订的《条例》（国务院令第711号）取代了原《条例》（国务院令第492号）。", 2022),
    ("国办公开办函〔2021〕30号取代了国办公开办函〔2019〕60号。", 2022),
])
def test_c507_silent(body, year):
    assert codes_lines(fmt(body, year), select="C507", dedent=False) == []


def test_c507_reg2008_reports_cite_the_2008_basis():
    body = "本报告依据《中华人民共和国政府信息公开条例》（国务院令第492号）第三十一条、第三十二条的规定编制。"
    assert codes_lines(report(2017, body), dedent=False) == []


def test_c507_silent_text_is_clean_for_all_rules():
    body = "本报告根据《中华人民共和国政府信息公开条例》第五十条的规定，按照国办公开办函〔2021〕30号的要求编制。"
    assert codes_lines(fmt(body, 2022), dedent=False) == []


# --------------------------------------------------------------------------- docstrings

@pytest.mark.parametrize("code", ["C502", "C505", "C506", "C507"])
def test_docstring_examples(code):
    wrong, right = doc_example(code, "示例（错误）"), doc_example(code, "示例（正确）")
    frames = era_frames(code, wrong)
    assert frames
    for frame in frames:
        assert codes_lines(frame, select=code, dedent=False), frame
    for frame in era_frames(code, right):
        assert codes_lines(frame, select=code, dedent=False) == []
