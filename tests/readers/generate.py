"""Test-time generators: the same report as .docx, .html and .pdf, built from its .txt.

Nothing binary is committed: every document is written into a tmp dir by the
test that needs it. Each generator returns, for every line the reader will
render (a paragraph, a table row; for HTML the page's own lines), the line of
the .txt it came from, so findings can be compared place by place.
"""

from __future__ import annotations

import copy
import html
import re

_MD_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")


def row_cells(line: str) -> list[str] | None:
    """The cells of a table row typed with tabs or pipes (as the text reader splits it), else None."""
    body = line.strip(" \u3000")
    if "\t" in body and body.strip("\t"):
        return body.split("\t")
    if body.count("|") >= 2 or " | " in body:
        parts = [p.strip(" \u3000") for p in body.split("|")]
        if parts and not parts[0]:
            parts = parts[1:]
        if parts and not parts[-1]:
            parts = parts[:-1]
        return parts
    return None


def blocks(text: str):
    """("p", line_no, text) for prose lines and ("t", [(line_no, cells)…]) for runs of table rows
    (tab or pipe rows; a markdown |---| separator row is left out)."""
    out = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or _MD_SEPARATOR.match(line.strip()):
            i += 1
            continue
        if row_cells(line) is not None:
            rows = []
            while i < len(lines) and (row_cells(lines[i]) is not None or _MD_SEPARATOR.match(lines[i].strip())):
                if row_cells(lines[i]) is not None:
                    rows.append((i + 1, row_cells(lines[i])))
                i += 1
            out.append(("t", rows))
            continue
        out.append(("p", i + 1, line))
        i += 1
    return out


def merge_plan(cells: list[str], row_index: int) -> list[tuple[str, int]]:
    """How a Word/HTML table would merge the row's empty cells, as (kind, span) per kept cell.

    Leading empty cells continue the cell above (vertical merge, "v"); empty
    cells after a filled one belong to it (horizontal merge: its span grows).
    Expanding the merges gives back exactly ``cells`` — the tab layout.
    """
    plan: list[tuple[str, int]] = []
    first = next((k for k, c in enumerate(cells) if c.strip()), len(cells))
    for k, c in enumerate(cells):
        if k < first:
            plan.append(("v" if row_index else "cell", 1))
        elif c.strip() or not plan or plan[-1][0] == "v":
            plan.append(("cell", 1))
        else:
            kind, span = plan[-1]
            plan[-1] = (kind, span + 1)
    return plan


# ---------------------------------------------------------------------------- Word
CN = "一二三四五六七八九十"
_LEVELS = (
    (0, re.compile(r"^([一二三四五六七八九十]+)、"), "chineseCounting", "%1、"),
    (1, re.compile(r"^（([一二三四五六七八九十]+)）"), "chineseCounting", "（%2）"),
    (2, re.compile(r"^(\d{1,2})\."), "decimal", "%3."),
)


def _cn(n: int) -> str:
    if n <= 10:
        return CN[n - 1]
    if n < 20:
        return "十" + CN[n - 11]
    return CN[n // 10 - 1] + "十" + (CN[n % 10 - 1] if n % 10 else "")


NUMBERING_XML = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  {levels}
</w:abstractNum>"""
LEVEL_XML = """<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="{suff}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>"""
NUM_XML = """<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:numId="90"><w:abstractNumId w:val="90"/></w:num>"""


def _add_numbering(doc, suff: str = "nothing") -> None:
    from docx.oxml import parse_xml

    numbering = doc.part.numbering_part.element
    levels = "".join(LEVEL_XML.format(ilvl=i, fmt=fmt, text=text, suff=suff) for i, _, fmt, text in _LEVELS)
    abstract = parse_xml(NUMBERING_XML.format(levels=levels))
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(NUM_XML))


def _number(paragraph, ilvl: int) -> None:
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(
        f'<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>'))


def _word_table(doc, rows: list[list[str]], merges: bool):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    for r, cells in enumerate(rows):
        cells = cells + [""] * (width - len(cells))
        tr = table.rows[r]._tr
        tcs = list(tr.tc_lst)
        for c, value in enumerate(cells):
            if value:
                table.cell(r, c).text = value
        if not merges:
            continue
        plan = merge_plan(cells, r)
        k = 0
        for kind, span in plan:
            tc = tcs[k]
            tcpr = tc.get_or_add_tcPr()
            if kind == "v":
                tcpr.append(OxmlElement("w:vMerge"))
            elif span > 1:
                grid_span = OxmlElement("w:gridSpan")
                grid_span.set(qn("w:val"), str(span))
                tcpr.append(grid_span)
                for extra in tcs[k + 1: k + span]:
                    tr.remove(extra)
            k += span
    return table


def docx_from_text(text: str, path: str, *, numbering: bool = False, merges: bool = True,
                   suff: str = "nothing") -> list[int]:
    """Write ``text`` as a .docx: one paragraph per non-blank line, one Word table per run of
    tab rows (merged cells where the tab layout leaves them empty). With ``numbering``,
    headings 一、/（一）/1. get their labels from Word's automatic numbering instead of
    their text, wherever Word's counting gives the same label."""
    import docx

    doc = docx.Document()
    if numbering:
        _add_numbering(doc, suff)
    counters = [0, 0, 0]
    origin: list[int] = []
    for block in blocks(text):
        if block[0] == "t":
            _word_table(doc, [cells for _, cells in block[1]], merges)
            origin.extend(n for n, _ in block[1])
            continue
        _, number, line = block
        ilvl, body = None, line
        if numbering:
            for lvl, rx, fmt, _ in _LEVELS:
                m = rx.match(line)
                if not m:
                    continue
                expect = counters[lvl] + 1
                label = _cn(expect) if fmt == "chineseCounting" else str(expect)
                if m.group(1) == label:
                    ilvl, body = lvl, line[m.end():]
                    counters[lvl] = expect
                    for deeper in range(lvl + 1, len(counters)):
                        counters[deeper] = 0
                break
        paragraph = doc.add_paragraph(body)
        if ilvl is not None:
            _number(paragraph, ilvl)
        origin.extend([number] * len(line.split("\n")))
    doc.save(path)
    return origin


# ---------------------------------------------------------------------------- web page
PAGE_HEAD = [
    "<!DOCTYPE html>",
    '<html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">',
    "<title>政府信息公开工作年度报告_安平市人民政府</title><script>var nav = '<p>首页</p>';</script></head>",
    '<body><div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></div>',
    '<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开年报</a></div>',
    '<div class="content"><div class="info">发布时间：2023-01-20　浏览次数：<span>512</span></div><div id="zoom" class="TRS_Editor">',
]
PAGE_TAIL = [
    "</div>",
    '<div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>',
    '</div><div class="footer">版权所有：安平市人民政府办公室　ICP备案号：甘ICP备05001234号</div></body></html>',
]


def html_from_text(text: str, *, charset: str = "utf-8", colspans: bool = True) -> str:
    """``text`` as a portal page: one paragraph per line, the page's line = .txt line + len(PAGE_HEAD)."""
    out = [h.replace("{charset}", charset) for h in PAGE_HEAD]
    body = ["" for _ in text.split("\n")]
    for block in blocks(text):
        if block[0] == "p":
            _, number, line = block
            body[number - 1] = f"<p>{html.escape(line, quote=False)}</p>"
            continue
        rows = block[1]
        width = max(len(cells) for _, cells in rows)
        for k, (number, cells) in enumerate(rows):
            tds = []
            if colspans:
                col = 0
                for kind, span in merge_plan(cells, 1):  # horizontal merges only
                    value = cells[col] if col < len(cells) else ""
                    attr = f' colspan="{span}"' if span > 1 else ""
                    tds.append(f"<td{attr}>{html.escape(value, quote=False)}</td>")
                    col += span
            else:
                tds = [f"<td>{html.escape(c, quote=False)}</td>" for c in cells]
            row = "<tr>" + "".join(tds) + "</tr>"
            if k == 0:
                row = '<table border="1" cellspacing="0">' + row
            if k == len(rows) - 1:
                row += "</table>"
            body[number - 1] = row
        del width
    return "\n".join(out + body + PAGE_TAIL) + "\n"


# ---------------------------------------------------------------------------- PDF
def pdf_from_text(text: str, path: str) -> None:
    """``text`` typeset as a PDF (reportlab, the CJK CID font STSong-Light): prose as
    wrapped paragraphs, tab rows as ruled tables."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK", spaceAfter=4)
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=6, leading=8, wordWrap="CJK")
    story = []
    for block in blocks(text):
        if block[0] == "p":
            story.append(Paragraph(html.escape(block[2].strip(" \u3000")), style))
            continue
        rows = [cells for _, cells in block[1]]
        width = max(len(r) for r in rows)
        # Every label is a Paragraph, so it wraps inside its cell instead of running into the next one.
        data = [[Paragraph(html.escape(c), cell) if c and not c.isdigit() else c for c in r] + [""] * (width - len(r))
                for r in rows]
        table = Table(data, colWidths=[(A4[0] - 144) / width] * width, repeatRows=0)
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "STSong-Light", 6),
                                   ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        story.append(table)
    SimpleDocTemplate(path, pagesize=A4, leftMargin=72, rightMargin=72).build(story)


def clone(obj):
    return copy.deepcopy(obj)


# ---------------------------------------------------------------------------- Markdown
def md_from_text(text: str) -> tuple[str, list[int]]:
    """``text`` as Markdown: the title as ``#``, 一、 headings as ``##``, （一） as ``###``, tab
    tables as pipe tables with their ``|---|`` row, and a bold phrase per paragraph.
    Returns the Markdown and, per Markdown line, the .txt line it came from (0: none)."""
    out: list[str] = []
    origin: list[int] = []
    first = True
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        cells = row_cells(line) if "\t" in line else None
        if cells is not None:
            out.append("| " + " | ".join(cells) + " |")
            origin.append(number)
            prev_is_row = number > 1 and "\t" in lines[number - 2] and row_cells(lines[number - 2]) is not None
            if not prev_is_row:
                out.append("|" + "---|" * len(cells))
                origin.append(0)
            continue
        if line.strip() and first:
            out.append("# " + line)
            first = False
        elif re.match(r"^[一二三四五六七八九十]+、", line):
            out.append("## " + line)
        elif re.match(r"^（[一二三四五六七八九十]+）", line):
            out.append("### " + line)
        else:
            out.append(line)
        origin.append(number)
    return "\n".join(out), origin
