"""The repair's fast path: plain prose lines are told apart from the rest by their first and
last characters and their cell separators, tested together in C; every other line is
classified one by one. These inputs must take the slow path and give the lines the
one-by-one classification gives (the results were checked against it)."""

from __future__ import annotations

import re
import sys

from reportlint.readers.repair import repair

LONG = "这是一段很长的内容，这一行足够长足够长足够长足够长足够长足够长足够长"  # 34 characters, 68 columns: may be broken


def _lines(lines):
    logical, layout, roles = repair(lines)
    return ([(line.text, [(s.offset, s.line, s.column) for s in line.segments], line.kind,
              [(c.text, c.line, c.position(0)[1]) for c in line.cells]) for line in logical], layout, roles)


def test_whitespace_is_what_str_isspace_says():
    """The fast path takes \\s (regex) for the characters str.isspace and str.rstrip() know."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(r"\s", every) == [c for c in every if c.isspace()]


def test_a_leading_space_that_is_not_stripped_stays_in_the_text():
    assert _lines(["\u2003" + LONG, "接着的内容。"]) == (
        [("\u2003" + LONG + "接着的内容。", [(0, 1, 1), (35, 2, 1)], "text", [])], "paragraph", {})


def test_a_trailing_space_after_the_full_stop_still_ends_the_paragraph():
    assert _lines([LONG + "。\u2003", "下一段。"]) == (
        [(LONG + "。\u2003", [(0, 1, 1)], "text", []), ("下一段。", [(0, 2, 1)], "text", [])], "paragraph", {})


def test_a_closing_quote_or_bracket_looks_at_the_character_before():
    assert _lines([LONG + "。”", "下一段。", LONG + "（", "续上。", "）"]) == ([
        (LONG + "。”", [(0, 1, 1)], "text", []),
        ("下一段。", [(0, 2, 1)], "text", []),
        (LONG + "（续上。", [(0, 3, 1), (35, 4, 1)], "text", []),
        ("）", [(0, 5, 1)], "text", []),
    ], "paragraph", {})


def test_full_width_digits_are_lone_values_of_a_table():
    assert _lines(["本年新收", "１２", "上年结转", "３", "４"]) == ([
        ("本年新收", [(0, 1, 1)], "row", [("本年新收", 1, 1)]),
        ("１２", [(0, 2, 1)], "row", [("１２", 2, 1)]),
        ("上年结转", [(0, 3, 1)], "row", [("上年结转", 3, 1)]),
        ("３", [(0, 4, 1)], "row", [("３", 4, 1)]),
        ("４", [(0, 5, 1)], "row", [("４", 5, 1)]),
    ], "paragraph", {})


def test_a_line_holding_a_line_break_still_finds_the_rows():
    """Another reader's line may hold a \\n: the joined lines cannot be told apart, all are classified."""
    assert _lines(["一、概述", "项目\t数量\n续", "行政许可\t12"]) == ([
        ("一、概述", [(0, 1, 1)], "text", []),
        ("项目\t数量\n续", [(0, 2, 1)], "row", [("项目", 2, 1), ("数量\n续", 2, 4)]),
        ("行政许可\t12", [(0, 3, 1)], "row", [("行政许可", 3, 1), ("12", 3, 6)]),
    ], "paragraph", {})


def test_dropped_lines_keep_the_others_numbers_and_cells():
    """Space-only lines and a Markdown separator get no entry; the rows after them keep their cells."""
    assert _lines(["一、概述", "   ", "| 项目 | 数量 |", "|---|---|", "\t", "| 本年新收 | 12 |", "", "内容。"]) == ([
        ("一、概述", [(0, 1, 1)], "text", []),
        ("| 项目 | 数量 |", [(0, 3, 1)], "row", [("项目", 3, 3), ("数量", 3, 8)]),
        ("| 本年新收 | 12 |", [(0, 6, 1)], "row", [("本年新收", 6, 3), ("12", 6, 10)]),
        ("内容。", [(0, 8, 1)], "text", []),
    ], "paragraph", {})


def test_one_pipe_in_prose_is_not_a_row_and_a_date_closes():
    assert _lines(["甲|乙的内容。", "2023年1月5日"]) == ([
        ("甲|乙的内容。", [(0, 1, 1)], "text", []),
        ("2023年1月5日", [(0, 2, 1)], "text", []),
    ], "paragraph", {1: "closing-date"})


def test_wrapped_lines_are_counted_and_measured_together():
    """Wrapped layout: unterminated full lines, a gap of three blank lines joins, four do not."""
    wrap = "通过门户网站政务新媒体和政务服务大厅等渠道及时发布与"
    lines = ["安平市交通运输局2023年政府信息公开工作年度报告", "", wrap, "", wrap, "", "", "", wrap + "。",
             "", wrap, "", "", "", "", wrap, "", wrap, "", wrap + "。", "", "安平市交通运输局", "2024年1月5日"]
    logical, layout, roles = _lines(lines)
    assert layout == "wrapped"
    assert roles == {0: "title", 4: "signature", 5: "closing-date"}
    assert [(text[:3], [s[1] for s in segments]) for text, segments, _, _ in logical] == [
        ("安平市", [1]), ("通过门", [3, 5, 9]), ("通过门", [11]), ("通过门", [16, 18, 20]), ("安平市", [22]),
        ("202", [23])]
