"""Decoding and the repair of extraction damage, with positions back to the original."""

from __future__ import annotations

import codecs

import pytest

from reportlint.readers import ReadError
from reportlint.readers.decode import decode
from reportlint.readers.text import newline_style, read_text, source_from_text

TEXT = "某局2017年政府信息公开工作年度报告\n\n一、概述\n\n本年度我局主动公开政府信息71条。\n"


@pytest.mark.parametrize("encoding,bom", [("utf-8", False), ("gb18030", False), ("gbk", False),
                                          ("utf-8-sig", True), ("utf-16", True), ("utf-16-be", False)])
def test_decode_round_trip(encoding, bom):
    data = TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
        bom = True
    d = decode(data)
    assert d.text == TEXT
    assert d.bom is bom


def test_gb18030_is_detected_not_mistaken_for_utf8():
    assert decode(TEXT.encode("gb18030")).encoding == "gb18030"
    assert decode(TEXT.encode("utf-8")).encoding == "utf-8"


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03" * 100, bytes(range(256)) * 20, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"])
def test_binary_is_refused(data):
    with pytest.raises(ReadError) as exc:
        decode(data)
    assert exc.value.zh and exc.value.en


def test_newline_style():
    assert newline_style("a\r\nb\r\n") == "\r\n"
    assert newline_style("a\nb\n") == "\n"
    assert newline_style("ab") == "\n"


def _logical(text):
    return [(l.text, l.line, l.last_line) for l in source_from_text("t.txt", text).logical]


def test_wrapped_layout_joins_visual_lines_and_split_words():
    text = ("某局2017年政府信息公开工作年度报告\n\n一、概述\n\n"
            "2017年以来，我局认真贯彻《中华人民共和国政府信息公开\n\n"
            "条例》，坚持以公开为常态、不公开为例外，全面推进政务公\n\n"
            "开工作。截\n\n"
            "止目前，我局召开政务公开工作专题会议 1次，举办业务培训\n\n"
            " 1次，参加人员共计45人。\n\n"
            "二、主动公开政府信息情况\n\n"
            "本年度主动公开政府信息71条，其中政策文件4条，工作动态\n\n"
            "40条，其他信息27条。\n")
    src = source_from_text("t.txt", text)
    assert src.layout == "wrapped"
    texts = [l.text for l in src.logical]
    assert "条例》，坚持" in texts[2] and "截止目前" in texts[2] and texts[2].endswith("共计45人。")
    para = src.logical[2]
    i = para.text.index("截止")
    span = para.span(i, i + 2)
    assert (span.line, span.end_line, span.end_column) == (9, 11, 2)


def test_wrapped_positions_point_at_original_lines():
    lines = ["某局2017年政府信息公开工作年度报告", "", "一、概述", "",
             "2017年以来，在区委、区政府的坚强领导下，我局认真", "",
             "贯彻落实《中华人民共和国政府信息公开条例》，坚持以", "",
             "公开为常态、不公开为例外，着力推进政务公开工作。", "",
             "我局认真贯彻落实区政府办《关于印发政务公开工作要点的", "", " 通知》（政办发〔2017〕55", "",
             "号）文件，扎实推进各项工作，主动公开各类信息，成效", "", "明显。"]
    src = source_from_text("t.txt", "\n".join(lines) + "\n")
    para = next(l for l in src.logical if "通知》" in l.text)
    assert para.text == ("我局认真贯彻落实区政府办《关于印发政务公开工作要点的通知》（政办发〔2017〕55号）"
                         "文件，扎实推进各项工作，主动公开各类信息，成效明显。")
    j = para.text.index("通知》")
    assert para.position(j) == (13, 2)  # the stray leading space is column 1
    k = para.text.index("号）")
    assert para.position(k) == (15, 1)


def test_paragraph_layout_keeps_short_label_lines_apart():
    text = ("某局2017年政府信息公开工作年度报告\n\n一、概述\n\n"
            "本年度我局认真组织干部职工学习有关政务公开的文件。\n\n"
            "主动公开政府信息审批单\n\n"
            "填报单位：某某局办公室\n\n"
            "我局成立了由局长任组长的政务公开领导小组，指\n\n"
            "定一名干部专门负责政务公开工作。\n")
    texts = [t for t, _, _ in _logical(text)]
    assert "主动公开政府信息审批单" in texts and "填报单位：某某局办公室" in texts
    assert "我局成立了由局长任组长的政务公开领导小组，指定一名干部专门负责政务公开工作。" in texts


def test_headings_are_never_glued_to_text():
    text = ("某局2017年政府信息公开工作年度报告\n\n"
            "一、概述\n\n这一段没有句号并且很长很长很长很长很长很长很长很长很长很长\n\n"
            "（一）组织领导\n\n1. 领导小组\n\n（1）组长\n")
    texts = [t for t, _, _ in _logical(text)]
    for h in ("一、概述", "（一）组织领导", "1. 领导小组", "（1）组长"):
        assert h in texts


def test_title_block_and_closing_block():
    text = ("\n\n某市某区某某局\n2017 年政府信息公开工作年度报告\n\n根据《中华人民共和国政府信息公开条例》\n\n"
            "一、概述\n\n内容。\n\n某市某区某某局\n\n2018年 2月 28日\n")
    src = source_from_text("t.txt", text)
    roles = {src.logical[i].text: r for i, r in src.roles.items()}
    assert roles == {"某市某区某某局2017 年政府信息公开工作年度报告": "title", "某市某区某某局": "signature",
                     "2018年 2月 28日": "closing-date"}


def test_tab_rows_become_cells_with_columns():
    src = source_from_text("t.txt", "一、概述\n\n\t项目\t数量\n行政许可\t 12\n")
    rows = [l for l in src.logical if l.kind == "row"]
    assert [c.text for c in rows[0].cells] == ["", "项目", "数量"]
    assert [c.text for c in rows[1].cells] == ["行政许可", "12"]
    assert rows[1].cells[1].position(0) == (4, 7)


def test_crlf_and_cr_line_endings():
    a = source_from_text("t.txt", "一、概述\r\n\r\n内容。\r\n")
    b = source_from_text("t.txt", "一、概述\r\r内容。\r")
    assert [l.text for l in a.logical] == [l.text for l in b.logical] == ["一、概述", "内容。"]
    assert a.logical[1].line == b.logical[1].line == 3


def test_read_text_reports_encoding_and_bom():
    src = read_text("t.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert (src.encoding, src.bom) == ("utf-8", True)
    assert src.lines[0] == "某局2017年政府信息公开工作年度报告"
