"""C-rules that find their candidates with whole-report passes and run the exact check only there:
the cases such a prefilter must not miss, and clean text it must leave silent.

Every case asserts the exact (code, line) list.
"""

from __future__ import annotations

from helpers import body_codes_lines, body_lines_of, codes_lines, frame_line, linter, report

from reportlint.parse import parse_source
from reportlint.readers.text import source_from_text
from reportlint.rules.citations import DocumentNumberBrackets
from reportlint.source import LogicalLine


# --------------------------------------------------------------------------- C504
# The prefilter deletes adjacent pairs until none is left; only the blocks where a bracket
# remains, or where a list marker stands, are checked exactly.

def test_c504_deep_nesting_of_every_kind_is_balanced():
    body = "我局（依照《关于印发〈办法〉的通知》（宁政办发〔2017〕1号）“（一）”【见附件】(含解读)）开展工作。"
    assert body_codes_lines(body, "C504") == []


def test_c504_full_width_bracket_with_half_width_partner_is_balanced_after_nesting():
    assert body_codes_lines(body="我局（含《条例》解读10条)开展工作。", code="C504") == []


def test_c504_bracket_left_after_the_pairs_are_deleted():
    body = "我局（依照《条例》（宁政办发〔2017〕1号）开展工作。"
    assert body_codes_lines(body, "C504") == body_lines_of(body, "C504", "我局（依照")


def test_c504_crossed_pairs_are_not_deleted_as_pairs():
    body = "我局认真贯彻（《条例）》的规定。"
    assert body_codes_lines(body, "C504") == body_lines_of(body, "C504", "我局认真贯彻")


def test_c504_only_the_unbalanced_one_of_several_blocks():
    body = "我局（依照《条例》）开展工作。\n\n我局依照《条例》）开展工作。\n\n我局“依照（条例）”开展工作。"
    assert body_codes_lines(body, "C504") == body_lines_of(body, "C504", "我局依照《条例》）")


def test_c504_list_marker_inside_a_pair_is_not_its_closing_bracket():
    # Deleting "（注：1）" as a pair would hide the unclosed "（": the marker's block is checked exactly.
    body = "我局开展工作（注：1）。"
    assert body_codes_lines(body, "C504") == body_lines_of(body, "C504", "我局开展工作")


def test_c504_half_width_list_marker_inside_a_pair():
    body = "我局开展工作（其中；a)。"
    assert body_codes_lines(body, "C504") == body_lines_of(body, "C504", "我局开展工作")


def test_c504_list_markers_at_block_start_and_after_a_clause_stay_silent():
    body = "1）我局开展工作，2）培训3次；十）宣传。\n\na）我局（依照《条例》）开展工作。"
    assert body_codes_lines(body, "C504") == []


def test_c504_bracket_after_a_numeral_that_is_no_list_marker_closes_its_pair():
    body = "我局（2017）开展工作，（一）培训，（三十）宣传。"
    assert body_codes_lines(body, "C504") == []


# --------------------------------------------------------------------------- C506
# The search passes over the accepted titles written exactly and over a title right after an
# opening mark; everything else that ends in 条例 and a closing mark, or holds the bare title, is
# checked exactly.

def test_c506_misquoted_titles_in_both_marks_and_with_spaces():
    lines = ["我局贯彻《中华人民共和国信息公开条例》。", "我局贯彻《关于实施〈政务公开条例〉的意见》。",
             "我局贯彻《政府信息公开管理条例　》。"]
    body = "\n\n".join(lines)
    assert body_codes_lines(body, "C506") == body_lines_of(body, "C506", *lines)


def test_c506_bare_titles_at_a_block_start_in_quotes_and_in_running_text():
    lines = ["政府信息公开条例规定了年度报告。", "我局贯彻“政府信息公开条例”。", "我局认真贯彻中华人民共和国政府信息公开条例。"]
    body = "\n\n".join(lines)
    assert body_codes_lines(body, "C506") == body_lines_of(body, "C506", *lines)


def test_c506_accepted_enclosed_and_local_titles_stay_silent():
    body = ("我局贯彻《中华人民共和国政府信息公开条例》和《政府信息公开条例》，"
            "落实《关于实施〈中华人民共和国政府信息公开条例〉的办法》、〈政府信息公开条例〉、"
            "《关于贯彻中华人民共和国政府信息公开条例的通知》、<中华人民共和国政府信息公开条例>、"
            "《 政府信息公开条例 》和市政府信息公开条例。")
    assert body_codes_lines(body, "C506") == []


# --------------------------------------------------------------------------- C503
# Flat titles 《…》 (alone or inside 〈…〉) are deleted from the whole text; the blocks where a
# title mark is left, or where an angle bracket follows a 《 before any title mark, are checked.

def test_c503_nested_titles_and_angles_inside_titles():
    lines = ["我局转发《关于学习《条例》的通知》。", "我局制定《实施<条例>的办法》。", "我局制定《实施＜条例＞的办法》。",
             "我局转发《关于〈决定〉和<条例>的通知》。", "我局转发〈关于《办法》的〈通知〉〉和《关于《条例》的说明》。"]
    body = "\n\n".join(lines)
    assert body_codes_lines(body, "C503") == body_lines_of(body, "C503", *lines)


def test_c503_only_the_nested_one_of_several_blocks():
    body = "我局转发《条例》〈办法〉。\n\n我局转发《关于《条例》的通知》。\n\n我局转发〈关于《条例》的说明〉。"
    assert body_codes_lines(body, "C503") == body_lines_of(body, "C503", "我局转发《关于")


def test_c503_flat_titles_third_levels_and_angles_outside_titles_stay_silent():
    body = ("我局转发《关于印发〈中华人民共和国政府信息公开条例〉的通知》、〈关于《条例》的说明〉、"
            "《A〈B《C》D〉E》和《条例》，a<b>c，《条例》<附件>，《条例》》。")
    assert body_codes_lines(body, "C503") == []


# --------------------------------------------------------------------------- C501, C502
# The document numbers are looked for only at the brackets the hints find: C501 at an opening
# bracket before a year (other than 〔, or 〔 closed by something other than 〕), C502 at a closing
# bracket followed by 第 or a zero.

def test_c501_every_wrong_bracket_pair():
    lines = ["依据宁党办[2017]54号文件。", "依据宁党办【2017】54号文件。", "依据宁党办(2017)54号文件。",
             "依据宁党办（2017）54号文件。", "依据宁党办［2017］54号文件。", "依据宁党办〔2017]54号文件。",
             "依据宁党办[2017〕54号文件。", "依据宁党办 （ 2017 ） 第 54 号文件。"]
    body = "\n\n".join(lines)
    assert body_codes_lines(body, "C501") == body_lines_of(body, "C501", *lines)


def test_c501_findings_in_text_order_whichever_hint_found_them():
    body = "依据宁党办〔2017】1号、宁党办[2017]2号和宁党办〔2017〕3号、宁党办（2017）4号文件。"
    parsed = parse_source(source_from_text("x.txt", report(body=body)))
    found = [f.evidence["found"] for f in DocumentNumberBrackets().check(parsed, None)]
    assert found == ["〔2017】", "[2017]", "（2017）"]


def test_c501_right_brackets_case_numbers_and_years_in_brackets_stay_silent():
    body = "依据宁党办〔2017〕54号文件，（2017）宁01行初12号判决，（2017年）的情况，[2017]年度，2017)54号。"
    assert body_codes_lines(body, "C501") == []


def test_c502_after_every_closing_bracket():
    lines = ["依据宁政办发〔2017〕第12号文件。", "依据宁政办发〔2017〕012号文件。", "依据宁政办发[2017] 第 12号文件。",
             "依据宁政办发【2017】0012号文件。", "依据宁政办发(2017)第3号文件。", "依据宁政办发（2017）05号文件。",
             "依据宁政办发［2017］第5号文件。"]
    body = "\n\n".join(lines)
    assert body_codes_lines(body, "C502") == body_lines_of(body, "C502", *lines)


def test_c502_plain_serials_decrees_and_running_text_stay_silent():
    body = "依据宁政办发〔2017〕12号、〔2017〕0号文件，国务院令第492号，（一）第一次，第12号文件，（注）0元。"
    assert body_codes_lines(body, "C502") == []


# --------------------------------------------------------------------------- C505
# One search per mark for the mark followed by itself picks the blocks.

def test_c505_every_doubled_mark():
    lines = ["我局公开信息，，并及时更新。", "我局公开信息。。", "我局公开通知、、公告。", "我局公开信息；；及时更新。",
             "我局公开信息：：通知。", "我局贯彻《《条例》。", "我局贯彻《条例》》。", "我局公开信息，，，并及时更新。"]
    body = "\n\n".join(lines)
    assert body_codes_lines(body, "C505") == body_lines_of(body, "C505", *lines)


def test_c505_single_marks_ellipses_dashes_and_balanced_doubled_titles_stay_silent():
    body = "我局公开信息，并及时更新……工作——公开、公告；通知：《条例》《A《B》》和《《A》B》。"
    assert body_codes_lines(body, "C505") == []


# --------------------------------------------------------------------------- C507
# The blocks are picked by 国务院令 and 第三十一条/第三十二条, and in 2021-format reports by
# 国办公开办函 and 试行.

def _c507(year: int, body: str) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    text = report(year, body=body)
    return codes_lines(text, select="C507"), text


def test_c507_every_superseded_basis_in_a_2021_report():
    lines = ["本报告按照国办公开办函〔2019〕60号的要求编制。", "本报告按照年度报告格式（试行）编制。",
             "本报告依据国务院令第492号编制。", "本报告根据《条例》第三十一条、第三十二条的规定编制。"]
    found, text = _c507(2021, "\n\n".join(lines))
    assert found == sorted(("C507", frame_line(m, text)) for m in lines)


def test_c507_the_trial_format_only_in_2021_format_reports():
    lines = ["本报告按照国办公开办函〔2019〕60号的要求编制。", "本报告按照年度报告格式（试行）编制。",
             "本报告依据国务院令第492号编制。"]
    found, text = _c507(2019, "\n\n".join(lines))
    assert found == [("C507", frame_line(lines[2], text))]


def test_c507_history_and_other_articles_stay_silent():
    body = ("2008年的国务院令第492号已被修订。本报告依据《条例》第五十条编制。"
            "按照《条例》第三十二条征求了第三方意见。本期试行新的公开目录。")
    assert _c507(2021, body)[0] == []


# --------------------------------------------------------------------------- a block's own line break
# C503 and C504 find their candidate blocks by line in the blocks' joined text. A reader of a plugin
# may give a logical line a line break of its own; the blocks after it must not shift by a line.

def test_c503_c504_a_line_break_inside_an_earlier_block_shifts_no_candidate():
    body = "我局依照《条例》开展工作。\n\n我局依照《条例》）开展工作。\n\n我局依照《办法《细则》》开展工作。"
    text = report(body=body)
    source = source_from_text("snippet.txt", text)
    first = next(i for i, line in enumerate(source.logical) if line.text == "我局依照《条例》开展工作。")
    line = source.logical[first]
    broken = LogicalLine(line.text.replace("开", "\n"), line.segments, line.kind, line.cells)  # same length
    source = source.replace(logical=source.logical[:first] + (broken,) + source.logical[first + 1:])
    found = sorted((d.code, d.line) for d in linter(("C503", "C504")).lint_source(source).diagnostics)
    assert found == [("C503", frame_line("我局依照《办法", text)), ("C504", frame_line("我局依照《条例》）", text))]
