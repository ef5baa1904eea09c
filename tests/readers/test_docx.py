"""The Word reader: grid expansion, automatic numbering, run text, locators, broken and hostile files."""

from __future__ import annotations

import json
import struct
import time
import zipfile

import pytest

from reportlint.cli import main
from reportlint.engine import Linter
from reportlint.readers import ReadError
from reportlint.readers.docx import chinese_counting, format_number, read_docx
from reportlint.readers.text import source_from_text
from helpers import report
from readers.generate import docx_from_text
from readers.wordxml import (abstract, docx_members, lvl, make_docx, num, num_def, p, table, tc,
                                   zip_bytes)

pytest.importorskip("docx")


def _read(tmp_path, body, **kw):
    path = str(tmp_path / "t.docx")
    data = make_docx(path, body, **kw)
    return read_docx(path, data)


def _rows(source):
    return [[c.text for c in line.cells] for line in source.logical if line.kind == "row"]


# --------------------------------------------------------------------------- tables
T3_HEADER_TEXT = "\n".join([
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t",
    "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
    "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t",
    "一、本年新收政府信息公开申请数量\t\t\t52\t6\t0\t1\t3\t0\t62",
    "三、本年度办理结果\t（一）予以公开\t\t21\t3\t0\t1\t1\t0\t26",
    "\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0",
    "\t\t2.其他法律行政法规禁止公开\t1\t0\t0\t0\t0\t0\t1",
])


def _t3_word_table() -> str:
    """Table 三's head as Word builds it: merged label block, merged 申请人情况, 自然人/总计 down two rows."""
    nums = lambda *v: [tc(x) for x in v]  # noqa: E731
    return table([
        [tc("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", span=3, vmerge="restart"),
         tc("申请人情况", span=7)],
        [tc(span=3, vmerge="continue"), tc("自然人", vmerge="restart"), tc("法人或其他组织", span=5),
         tc("总计", vmerge="restart")],
        [tc(span=3, vmerge="continue"), tc(vmerge="continue"),
         *nums("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"), tc(vmerge="continue")],
        [tc("一、本年新收政府信息公开申请数量", span=3), *nums("52", "6", "0", "1", "3", "0", "62")],
        [tc("三、本年度办理结果", vmerge="restart"), tc("（一）予以公开", span=2), *nums("21", "3", "0", "1", "1", "0", "26")],
        [tc(vmerge="continue"), tc("（三）不予公开", vmerge="restart"), tc("1.属于国家秘密"), *nums(*"0000000")],
        [tc(vmerge="continue"), tc(vmerge="continue"), tc("2.其他法律行政法规禁止公开"), *nums(*"1000001")],
    ], cols=10)


def test_merged_cells_expand_to_the_grid_of_the_tab_layout(tmp_path):
    source = _read(tmp_path, _t3_word_table())
    assert _rows(source) == _rows(source_from_text("t.txt", T3_HEADER_TEXT))
    assert source.lines[0] == T3_HEADER_TEXT.split("\n")[0]
    assert source.locators == tuple(f"t1r{r}" for r in range(1, 8))


def test_grid_before_and_after_and_legacy_hmerge(tmp_path):
    body = table([[tc("信息内容"), tc("本年处理决定数量"), tc("备注")],
                  [tc("行政许可"), tc("4215"), "<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>"],
                  [tc("12")]],
                 cols=3, tr_props=["", "", '<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>'])
    assert _read(tmp_path, body).lines == ("信息内容\t本年处理决定数量\t备注", "行政许可\t4215\t", "\t12\t")


def test_cell_paragraphs_join_and_nested_tables_flatten(tmp_path):
    cell = f"<w:tc>{p('（二）部分公开（区分处理的，')}{p('只计这一情形，不计其他情形）')}</w:tc>"
    nested = f"<w:tc>{table([[tc('a'), tc('b')]], cols=2)}<w:p/></w:tc>"
    assert _read(tmp_path, table([[cell, nested]], cols=2)).lines == (
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\ta b",)


def test_paragraphs_and_tables_keep_document_order_and_locators(tmp_path):
    body = (p("甲局2017年政府信息公开工作年度报告") + p() + p("一、概述")
            + table([[tc("项目"), tc("数量")], [tc("申请"), tc("5")]], cols=2) + p("二、其他"))
    source = _read(tmp_path, body)
    assert source.lines == ("甲局2017年政府信息公开工作年度报告", "一、概述", "项目\t数量", "申请\t5", "二、其他")
    assert source.locators == ("p1", "p2", "t1r1", "t1r2", "p3")
    assert source.locator(4, 4) == "t1r2c2" and source.locator(2, 1) == "p2"


# --------------------------------------------------------------------------- numbering
@pytest.mark.parametrize("n,fmt,expected", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"), (23, "chineseCountingThousand", "二十三"),
    (105, "chineseCountingThousand", "一百零五"), (110, "chineseCountingThousand", "一百一十"),
    (3, "ideographTraditional", "丙"), (11, "ideographTraditional", "甲"), (12, "decimal", "12"),
    (2, "decimalEnclosedCircle", "②"), (4, "upperRoman", "IV"), (28, "lowerLetter", "ab"),
    (7, "decimalFullWidth", "７"), (2, "chineseLegalSimplified", "贰"), (5, "none", ""),
])
def test_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_chinese_counting_up_to_thousands():
    assert [chinese_counting(n) for n in (0, 9, 19, 99, 100, 1000, 1010, 2019)] == [
        "〇", "九", "十九", "九十九", "一百", "一千", "一千零一十", "二千零一十九"]


FOUR_LEVELS = abstract(1, lvl(0, "chineseCounting", "%1、"), lvl(1, "chineseCounting", "（%2）"),
                       lvl(2, "decimal", "%3."), lvl(3, "decimal", "（%4）"))


def test_automatic_numbering_renders_report_heading_labels(tmp_path):
    body = "".join([
        p("主动公开政府信息的情况", ppr=num(1, 0)), p("公开数量", ppr=num(1, 1)), p("公开重点", ppr=num(1, 1)),
        p("行政许可", ppr=num(1, 2)), p("行政处罚", ppr=num(1, 2)), p("罚款", ppr=num(1, 3)),
        p("本年度共公开信息120条。"),
        p("依申请公开政府信息的情况", ppr=num(1, 0)), p("收到申请", ppr=num(1, 1)),
    ])
    source = _read(tmp_path, body, numbering=FOUR_LEVELS + num_def(1, 1))
    assert source.lines == ("一、主动公开政府信息的情况", "（一）公开数量", "（二）公开重点", "1.行政许可", "2.行政处罚",
                            "（1）罚款", "本年度共公开信息120条。", "二、依申请公开政府信息的情况", "（一）收到申请")


def test_numbering_through_styles_overrides_and_suffixes(tmp_path):
    styles = ('<w:style w:type="paragraph" w:styleId="CNHeading1"><w:name w:val="CN Heading 1"/>'
              f'<w:pPr>{num(2, 0)}</w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="CNHeading1b"><w:name w:val="CN Heading 1b"/>'
              '<w:basedOn w:val="CNHeading1"/></w:style>')
    numbering = "".join([
        abstract(2, lvl(0, "chineseCountingThousand", "%1、")),
        abstract(3, lvl(0, "ideographTraditional", "%1.")),
        abstract(4, lvl(0, "chineseCounting", "第%1章", suff="tab")),
        abstract(5, lvl(0, "bullet", "•")),
        abstract(6, lvl(0, "decimal", "%1", extra=""), lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>")),
        num_def(2, 2), num_def(3, 3), num_def(4, 4), num_def(5, 5), num_def(6, 6),
        num_def(7, 2, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'),
    ])
    body = "".join([
        p("总体情况", ppr='<w:pStyle w:val="CNHeading1"/>'),
        p("主动公开", ppr='<w:pStyle w:val="CNHeading1b"/>'),
        p("不编号", ppr=f'<w:pStyle w:val="CNHeading1"/>{num(0, 0)}'),
        p("甲方", ppr=num(3, 0)), p("乙方", ppr=num(3, 0)),
        p("总则", ppr=num(4, 0)),
        p("要点", ppr=num(5, 0)),
        p("范围", ppr=num(6, 0)), p("定义", ppr=num(6, 1)),
        p("重新编号", ppr=num(7, 0)),
    ])
    assert _read(tmp_path, body, numbering=numbering, styles=styles).lines == (
        "一、总体情况", "二、主动公开", "不编号", "甲.甲方", "乙.乙方", "第一章 总则", "要点", "1范围", "1.1定义",
        "一、重新编号")


def test_numbered_headings_are_seen_by_the_structure_rules(tmp_path):
    """The same report with labels typed and with labels numbered by Word: same findings, headings found."""
    text = report(2017, "（一）公开情况\n\n全年公开信息120条。")
    path = str(tmp_path / "r.docx")
    docx_from_text(text, path, numbering=True)
    linter = Linter()
    typed = linter.lint_source(source_from_text("r.txt", text))
    numbered = linter.lint_file(path)
    assert [h.text for h in numbered.report.headings] == [h.text for h in typed.report.headings]
    assert len(numbered.report.headings) == 7
    assert sorted(d.code for d in numbered.diagnostics) == sorted(d.code for d in typed.diagnostics)


# --------------------------------------------------------------------------- run text
def test_run_text_as_word_shows_it(tmp_path):
    body = (
        '<w:p><w:r><w:t>本年度</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>新</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>旧</w:delText></w:r></w:del>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>收</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:hyperlink><w:r><w:t>申请</w:t></w:r></w:hyperlink><w:r><w:t>62件。</w:t><w:br w:type="page"/>'
        '<w:t>下页</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>'
        + p("一、\t总体情况") + p("\t本报告依据条例编制。") + p("信息内容\t本年制发件数\t本年废止件数")
        + p("行政许可\t4215") + p("安平市审计局\t\t")
    )
    source = _read(tmp_path, body)
    assert source.lines == ("本年度新收申请62件。下页", "第二行", "一、 总体情况", "本报告依据条例编制。",
                            "信息内容\t本年制发件数\t本年废止件数", "行政许可\t4215", "安平市审计局")
    assert source.locators == ("p1", "p1", "p2", "p3", "p4", "p5", "p6")


# --------------------------------------------------------------------------- positions in the output
def _bureau_docx(tmp_path):
    text = report(2017, "截止2017年底，共召开会议3次。") + "\n"
    text = text.replace("一、主动公开政府信息的情况\n\n2017年，我局主动公开政府信息120条。",
                        "一、主动公开政府信息的情况\n\n项目\t数量\n主动公开\t120\n申请\t/")
    path = tmp_path / "r.docx"
    docx_from_text(text, str(path))
    return path


def test_text_output_names_paragraph_and_cell(tmp_path, capsys):
    path = _bureau_docx(tmp_path)
    main(["check", "--select", "W601", str(path)])
    header, *out = capsys.readouterr().out.splitlines()  # the text format groups findings under a file header
    assert header == f"{path}（1 个问题）"
    assert out[0].startswith(f"{path}:第 4 段: W601 ")
    assert out[1] == "      | 截止2017年底，共召开会议3次。"
    assert out[2] == "      | ^^^^"


def test_json_has_a_stable_locator_and_text_files_null(tmp_path, capsys):
    path = _bureau_docx(tmp_path)
    txt = tmp_path / "r.txt"
    txt.write_text(report(2017, "截止2017年底，共召开会议3次。"), encoding="utf-8")
    main(["check", "--format", "json", "--select", "W601", str(path), str(txt)])
    data = json.loads(capsys.readouterr().out)
    assert [(d["path"][-6:], d["locator"]) for d in data["diagnostics"]] == [("r.docx", "p4"), ("/r.txt", None)]


def test_locator_of_a_table_cell(tmp_path):
    source = read_docx("r.docx", _bureau_docx(tmp_path).read_bytes())
    row = next(i for i, line in enumerate(source.lines, 1) if line.startswith("申请"))
    assert source.locators[row - 1] == "t1r3"
    assert source.locator(row, len("申请\t") + 1) == "t1r3c2"


def test_english_locator_in_text_output(tmp_path, capsys):
    path = _bureau_docx(tmp_path)
    main(["check", "--lang", "en", "--select", "W601", str(path)])
    assert capsys.readouterr().out.splitlines()[1].startswith(f"{path}:paragraph 4: W601 ")  # [0] is the file header


# --------------------------------------------------------------------------- broken and hostile files
def _e001(tmp_path, data, name="bad.docx"):
    path = tmp_path / name
    path.write_bytes(data)
    result = Linter().lint_file(str(path))
    assert [d.code for d in result.diagnostics] == ["E001"], [d.message.en for d in result.diagnostics]
    return result.diagnostics[0].message


def _good_members(tmp_path) -> dict[str, bytes]:
    path = str(tmp_path / "ok.docx")
    make_docx(path, p("一、概述"))
    return docx_members(path)


def test_not_a_zip(tmp_path):
    msg = _e001(tmp_path, "安平市审计局2017年政府信息公开工作年度报告".encode())
    assert "不是 zip 压缩包" in msg.zh and "not a zip archive" in msg.en


def test_old_doc_or_encrypted(tmp_path):
    msg = _e001(tmp_path, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert ".doc" in msg.zh and "encrypted" in msg.en


def test_missing_parts(tmp_path):
    members = _good_members(tmp_path)
    del members["word/document.xml"]
    msg = _e001(tmp_path, zip_bytes(members))
    assert "缺少部件 word/document.xml" in msg.zh and "word/document.xml is missing" in msg.en
    xlsx = zip_bytes({"[Content_Types].xml": b"<Types/>", "_rels/.rels": b"<Relationships/>", "xl/workbook.xml": b"<x/>"})
    assert "word/document.xml" in _e001(tmp_path, xlsx, "book.docx").en


def test_damaged_xml(tmp_path):
    members = _good_members(tmp_path)
    members["word/document.xml"] = members["word/document.xml"][:200]
    assert "cannot open the .docx" in _e001(tmp_path, zip_bytes(members)).en


def test_zip_bomb_refused_from_the_directory(tmp_path, monkeypatch):
    members = _good_members(tmp_path)
    members["word/media/padding.xml"] = b" " * (65 * 1024 * 1024)  # 65 MB of spaces deflate to ~64 KB
    data = zip_bytes(members)
    assert len(data) < 1024 * 1024
    opened = []
    real_open = zipfile.ZipFile.open
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, *a, **k: opened.append(a) or real_open(self, *a, **k))
    start = time.perf_counter()
    msg = _e001(tmp_path, data)
    assert time.perf_counter() - start < 2
    assert opened == []  # refused before a single member was decompressed
    assert "压缩炸弹" in msg.zh and "word/media/padding.xml" in msg.en and "zip bomb" in msg.en


def test_lying_sizes_never_inflate_past_the_declared_size(tmp_path):
    """A member whose zip directory understates its size is cut at the declared size and fails its CRC."""
    data = bytearray(zip_bytes({"[Content_Types].xml": b"<Types/>", "_rels/.rels": b"<Relationships/>",
                                "word/document.xml": b"<w:document>" + b" " * 5_000_000 + b"</w:document>"}))
    for sig, at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = 0
        while (pos := data.find(sig, pos)) >= 0:
            name_len = struct.unpack_from("<H", data, pos + (26 if sig == b"PK\x03\x04" else 28))[0]
            name = bytes(data[pos + (30 if sig == b"PK\x03\x04" else 46):][:name_len])
            if name == b"word/document.xml":
                struct.pack_into("<I", data, pos + at, 100)
            pos += 4
    msg = _e001(tmp_path, bytes(data))
    assert "word/document.xml" in msg.en and "damaged" in msg.en


def test_entity_expansion_refused(tmp_path):
    members = _good_members(tmp_path)
    lol = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
           + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9))
           + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>')
    members["word/document.xml"] = lol.encode()
    start = time.perf_counter()
    msg = _e001(tmp_path, zip_bytes(members))
    assert time.perf_counter() - start < 2
    assert "DTD" in msg.zh and "entity" in msg.en


def test_read_docx_raises_read_error_not_a_traceback():
    with pytest.raises(ReadError):
        read_docx("x.docx", b"")
