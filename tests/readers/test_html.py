"""The web-page reader: the article of a portal page, its tables, charsets, places in the HTML source."""

from __future__ import annotations

import codecs
import time

import pytest

from reportlint.cli import main
from reportlint.engine import Linter
from reportlint.patterns import display_width
from reportlint.readers.html import decode_html, read_html
from reportlint.readers.text import source_from_text
from helpers import report
from readers.test_docx import T3_HEADER_TEXT

pytest.importorskip("lxml")

PORTAL = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>安平市审计局2017年政府信息公开工作年度报告_安平市人民政府门户网站</title>
<link rel="stylesheet" href="/css/style.css" />
<script type="text/javascript">document.write("<p>一、不是正文</p>");</script>
<style>p { text-indent: 2em; }</style>
</head>
<body>
<div class="top"><img src="/images/logo.png" alt="安平市人民政府" /><a href="/">网站首页</a> | <a href="/wza/">无障碍</a></div>
<div id="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
<div class="wrapper">
  <div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
  <div class="article">
    <h1 class="article-title">安平市审计局2017年政府信息公开工作年度报告</h1>
    <div class="article-info">发布时间：2018-01-26　信息来源：市审计局　浏览次数：<span id="count">1024</span>　【字号：<a>大</a> <a>中</a> <a>小</a>】</div>
    <div id="zoom" class="TRS_Editor">
      <p>　　本报告根据《中华人民共和国政府信息公开条例》编制，统计期限为2017年1月1日至
        2017年12月31日。</p>
      <p><strong>一、主动公开政府信息的情况</strong></p>
      <p>　　2017年，我局主动公开政府信息120条&#65292;其中&ldquo;双公示&rdquo;信息35条。<br/>
      截止2017年底，共召开专题会议3次。</p>
      <table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">
        <tr><td rowspan="2">项目</td><td colspan="2">数量</td></tr>
        <tr><td>本年</td><td>上年</td></tr>
        <tr><td>主动公开</td><td>120</td><td>98</td></tr>
      </table>
      <p>二、依申请公开政府信息和不予公开政府信息的情况</p>
      <p>本年度未收到政府信息公开申请。</p>
      <div style="display:none">三、隐藏的内容</div>
      <p style="text-align:right">安平市审计局</p>
      <p style="text-align:right">2018年1月26日</p>
    </div>
    <div class="article-tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
    <div class="related">相关文章：<a href="/a.html">安平市审计局2016年政府信息公开工作年度报告</a></div>
  </div>
</div>
<div class="footer">
  <p>主办：安平市人民政府办公室　地址：安平市建设北路1号　电话：0937-8812345</p>
  <p>版权所有：安平市人民政府　<a href="https://beian.miit.gov.cn/">甘ICP备05001234号</a>　网站标识码：6209000001</p>
</div>
</body>
</html>
"""

PORTAL_TEXT = [
    "安平市审计局2017年政府信息公开工作年度报告",
    "本报告根据《中华人民共和国政府信息公开条例》编制，统计期限为2017年1月1日至2017年12月31日。",
    "一、主动公开政府信息的情况",
    "2017年，我局主动公开政府信息120条，其中“双公示”信息35条。",
    "截止2017年底，共召开专题会议3次。",
    "项目\t数量\t",
    "\t本年\t上年",
    "主动公开\t120\t98",
    "二、依申请公开政府信息和不予公开政府信息的情况",
    "本年度未收到政府信息公开申请。",
    "安平市审计局",
    "2018年1月26日",
]


def _page(tmp_path, text, name="page.html", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_portal_page_gives_the_article_only():
    source = read_html("p.html", PORTAL.encode("gbk"))
    assert [line.text for line in source.logical] == PORTAL_TEXT
    assert source.encoding == "gb18030"
    assert source.roles == {0: "title", 10: "signature", 11: "closing-date"}


def _where(text: str, needle: str) -> tuple[int, int]:
    for number, line in enumerate(text.split("\n"), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


def test_every_character_maps_back_to_the_html_source():
    source = read_html("p.html", PORTAL.encode("gbk"))
    by_text = {line.text: line for line in source.logical}
    line = by_text[PORTAL_TEXT[3]]
    # Plain text, a numeric entity (，), and named entities (“ ”) each point at their own place.
    assert line.position(line.text.index("其中")) == _where(PORTAL, "其中")
    assert line.position(line.text.index("，其中")) == _where(PORTAL, "&#65292;")
    assert line.position(line.text.index("“")) == _where(PORTAL, "&ldquo;")
    assert line.position(line.text.index("双公示")) == _where(PORTAL, "双公示")
    # A paragraph wrapped in the source joins without a space, and its second half keeps its line.
    period = by_text[PORTAL_TEXT[1]]
    assert period.position(period.text.index("2017年12月31日")) == _where(PORTAL, "2017年12月31日。")
    # Table cells point at their text; the merged-away cell at the tag of the cell that covers it.
    row = by_text["项目\t数量\t"]
    assert [c.position(0) for c in row.cells] == [_where(PORTAL, "项目"), _where(PORTAL, "数量</td>"),
                                                  _where(PORTAL, '<td colspan="2">数量')]


def test_finding_positions_are_html_line_and_column(tmp_path, capsys):
    path = _page(tmp_path, PORTAL, encoding="gbk")
    result = Linter().lint_file(str(path))
    w601 = [d for d in result.diagnostics if d.code == "W601"]
    assert [(d.line, d.column, d.locator) for d in w601] == [(*_where(PORTAL, "截止2017"), None)]
    main(["check", "--select", "W601", str(path)])
    out = capsys.readouterr().out.splitlines()[1:]  # after the file header of the text format
    line, col = _where(PORTAL, "截止2017")
    assert out[0].startswith(f"{path}:{line}:{col}: W601 ")
    assert out[1] == f"{line:>5} |       截止2017年底，共召开专题会议3次。</p>"


def test_rowspan_and_colspan_give_the_tab_layout_grid():
    cells = lambda *v: "".join(f"<td>{x}</td>" for x in v)  # noqa: E731
    page = "<html><body><table>" + "".join([
        '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
        '<td colspan="7">申请人情况</td></tr>',
        '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
        "<tr>" + cells("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他") + "</tr>",
        '<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>' + cells(52, 6, 0, 1, 3, 0, 62) + "</tr>",
        '<tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>' + cells(21, 3, 0, 1, 1, 0, 26) + "</tr>",
        '<tr><td rowspan="2">（三）不予公开</td>' + cells("1.属于国家秘密", *[0] * 7) + "</tr>",
        "<tr>" + cells("2.其他法律行政法规禁止公开", 1, 0, 0, 0, 0, 0, 1) + "</tr>",
    ]) + "</table></body></html>"
    source = read_html("t.html", page.encode())
    html_rows = [[c.text for c in line.cells] for line in source.logical if line.kind == "row"]
    text_rows = [[c.text for c in line.cells] for line in source_from_text("t.txt", T3_HEADER_TEXT).logical
                 if line.kind == "row"]
    assert html_rows == text_rows


def test_layout_tables_are_walked_through_and_data_tables_kept():
    prose = "本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》，" * 12
    page = f"""<html><body><table width="1000"><tr><td colspan="2"><a href="/">首页</a> <a href="/x">政务公开</a></td></tr>
<tr><td width="200"><a href="/a">机构概况</a><br><a href="/b">政策文件</a></td>
<td><p>某局2017年政府信息公开工作年度报告</p><p>一、概述</p><p>{prose}</p>
<table border="1"><tr><td>项目</td><td>数量</td></tr><tr><td>申请</td><td>5</td></tr></table>
<p>某局</p><p>2018年1月20日</p></td></tr></table></body></html>"""
    lines = [line.text for line in read_html("l.html", page.encode()).logical]
    assert lines == ["某局2017年政府信息公开工作年度报告", "一、概述", prose, "项目\t数量", "申请\t5", "某局", "2018年1月20日"]


def test_line_breaks_blocks_and_white_space():
    page = ("<html><body><div>一、概述<br>第一行\n  第二行 ok\n  next<div>块</div>尾<p>A&amp;B&nbsp;C&lt;D&gt;</p>"
            "<pre>x</pre><ul><li>甲</li><li>乙</li></ul>未&#x5B8C;<span>成</span></div></body></html>")
    assert [r.text for r in read_html("b.html", page.encode()).logical] == [
        "一、概述", "第一行第二行 ok next", "块", "尾", "A&B\xa0C<D>", "x", "甲", "乙", "未完成"]


@pytest.mark.parametrize("head,encoding,expected", [
    ('<meta charset="gbk">', "gbk", "gb18030"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=GB2312">', "gbk", "gb18030"),
    ('<meta charset="utf-8">', "utf-8", "utf-8"),
    ("", "gbk", "gb18030"),  # no declaration: detected
    ('<meta charset="iso-8859-1">', "gbk", "gb18030"),  # a wrong template header over GBK bytes
    ('<meta charset="utf-8">', "gbk", "gb18030"),  # declared UTF-8 but GBK bytes
    ('<meta charset="gb2312">', "utf-8", "utf-8"),  # declared GB2312 but saved as UTF-8
    ('<?xml version="1.0" encoding="gb2312"?>', "gbk", "gb18030"),
])
def test_charset(head, encoding, expected):
    page = f"<html><head>{head}</head><body><p>安平市审计局2017年政府信息公开工作年度报告</p></body></html>"
    text, enc, _ = decode_html(page.encode(encoding))
    assert enc == expected and "安平市审计局" in text


def test_utf8_bom():
    text, enc, bom = decode_html(codecs.BOM_UTF8 + "<p>报告</p>".encode())
    assert (text, enc, bom) == ("<p>报告</p>", "utf-8", True)


def test_entities_from_a_doctype_are_never_expanded():
    laughs = "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9))
    page = (f'<!DOCTYPE html [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">{laughs}]>'
            "<html><body><p>一、概述</p><p>正文&j;结束。</p></body></html>")
    start = time.perf_counter()
    source = read_html("e.html", page.encode())
    assert time.perf_counter() - start < 2
    assert [line.text for line in source.logical] == ["一、概述", "正文&j;结束。"]


def test_external_resources_are_never_fetched(monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("network used")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    page = ('<!DOCTYPE html SYSTEM "http://example.invalid/evil.dtd"><html><body>'
            '<iframe src="http://example.invalid/x"></iframe><p>一、概述</p></body></html>')
    assert [line.text for line in read_html("n.html", page.encode()).logical] == ["一、概述"]


def test_suppression_comments_in_html(tmp_path):
    body = ("<p>截止目前，共召开会议3次。</p>\n<!-- reportlint-disable W601 reason: 引用原文 -->\n"
            "<p>截止2017年底，共召开会议5次。</p>\n<!-- reportlint-enable -->\n<p>截止年底，印发文件2件。</p>")
    text = report(2017, "BODY")
    page = "<html><body>\n" + "\n".join(f"<p>{line}</p>" for line in text.split("\n") if line.strip()) + "\n</body></html>"
    page = page.replace("<p>BODY</p>", body)
    path = _page(tmp_path, page)
    found = [(d.code, d.line) for d in Linter().lint_file(str(path)).diagnostics if d.code == "W601"]
    lines = page.split("\n")
    expect = [n for n, line in enumerate(lines, 1) if "截止" in line and "5次" not in line]
    assert found == [("W601", n) for n in expect] and len(expect) == 2


def test_minified_page_output_is_cut_to_the_finding(tmp_path, capsys):
    text = report(2017, "截止目前，共召开会议3次。")
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.split("\n") if line.strip()) + "</body></html>"
    path = _page(tmp_path, page)
    main(["check", "--select", "W601", str(path)])
    out = capsys.readouterr().out.splitlines()[1:]  # after the file header of the text format
    assert out[0].startswith(f"{path}:1:")
    assert len(out[1]) < 140 and "截止目前" in out[1] and out[1].startswith("    1 | …")
    shown, caret = out[1].split(" | ", 1)[1], out[2].split("| ", 1)[1]
    assert caret.strip() == "^" * 4
    assert len(caret) - len(caret.lstrip(" ")) == display_width(shown[:shown.index("截止目前")])


def test_bad_pages_give_e001_or_e002_never_a_traceback(tmp_path):
    linter = Linter()
    binary = _page(tmp_path, bytes(range(256)) * 40, "bin.html")
    assert [d.code for d in linter.lint_file(str(binary)).diagnostics] == ["E001"]
    empty = _page(tmp_path, "", "empty.html")
    assert [d.code for d in linter.lint_file(str(empty)).diagnostics] == ["E002"]
    broken = _page(tmp_path, "<html><body><p>一、概述<table><tr><td rowspan=0 colspan=99999>x</td><p>未闭合", "broken.htm")
    assert "E001" not in [d.code for d in linter.lint_file(str(broken)).diagnostics]


def test_report_lines_that_look_like_chrome_are_kept():
    page = ("<html><body><p>某局2017年政府信息公开工作年度报告</p><p>一、概述</p>"
            "<p>本报告的电子版可在市政府门户网站查阅或下载，发布时间为每年3月。</p>"
            "<p>（三）政府信息公开平台建设</p><p>发布时间：2018-01-26</p><p>【打印本页】 【关闭窗口】</p></body></html>")
    assert [line.text for line in read_html("k.html", page.encode()).logical] == [
        "某局2017年政府信息公开工作年度报告", "一、概述", "本报告的电子版可在市政府门户网站查阅或下载，发布时间为每年3月。",
        "（三）政府信息公开平台建设"]


def test_an_empty_cell_points_at_its_own_tag():
    page = "<html><body><table>\n<tr><td>申请</td><td></td><td>5</td><td> </td></tr>\n</table></body></html>"
    row = read_html("c.html", page.encode()).logical[0]
    assert [c.text for c in row.cells] == ["申请", "", "5", ""]
    assert [c.position(0) for c in row.cells] == [(2, 9), (2, 16), (2, 29), (2, 35)]


def test_a_title_shown_above_and_inside_the_article_is_read_once():
    page = PORTAL.replace('<p>　　本报告根据', '<p style="text-align:center">安平市审计局2017年政府信息公开工作年度报告</p>\n<p>　　本报告根据')
    lines = [line.text for line in read_html("p.html", page.encode("gbk")).logical]
    assert lines == PORTAL_TEXT


def test_title_above_a_long_article_is_put_back_in_front(tmp_path):
    import html
    import os

    from readers.test_same_findings import EXAMPLES

    with open(os.path.join(EXAMPLES, "faulty-2017-bureau.txt"), encoding="utf-8") as fh:
        title, *rest = [line for line in fh.read().split("\n") if line.strip()]
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in rest)
    page = PORTAL.replace("安平市审计局2017年政府信息公开工作年度报告</h1>", f"{title}</h1>")
    start, end = page.index('<div id="zoom" class="TRS_Editor">'), page.index('<div class="article-tools">')
    page = page[:start] + f'<div id="zoom" class="TRS_Editor">\n{paragraphs}\n</div>\n    ' + page[end:]
    path = _page(tmp_path, page, encoding="gbk")
    result = Linter().lint_file(str(path))
    assert result.report.title.text == title and result.report.year == 2017
    assert result.report.title.span().line == _where(page, "<h1")[0]
    txt = tmp_path / "r.txt"
    txt.write_text("\n\n".join([title, *rest]) + "\n", encoding="utf-8")
    assert sorted(d.code for d in result.diagnostics) == sorted(d.code for d in Linter().lint_file(str(txt)).diagnostics)


def test_title_inside_a_header_named_block_is_kept():
    page = PORTAL.replace('<h1 class="article-title">安平市审计局2017年政府信息公开工作年度报告</h1>',
                          '<div class="article-header"><h1>安平市审计局2017年政府信息公开工作年度报告</h1></div>')
    assert [line.text for line in read_html("p.html", page.encode("gbk")).logical] == PORTAL_TEXT
