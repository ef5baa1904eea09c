"""Same findings from every format: the example reports as .docx, .html, .md and .pdf.

Each document is generated from the .txt at test time (nothing binary is
committed) and must give the same findings as the .txt:

* .docx and .html: the same (code, line) — the .docx line is the paragraph or
  table row a finding reads, mapped back to the .txt line it was made from;
  the .html page carries one .txt line per source line below a fixed header.
  Word versions come plain and with automatic numbering (the labels "一、",
  "（一）", "1." rendered from numbering.xml instead of typed) and with the
  tables' empty cells merged (gridSpan / vMerge) as a Word table has them.
* .md: the same (code, line) through the heading marks, bold and pipe tables.
* .pdf (typeset with reportlab's CJK CID font STSong-Light, so paragraphs wrap
  into visual lines and tables are ruled): the same codes, as many times each.
"""

from __future__ import annotations

import collections
import os
import re

import pytest

from reportlint.engine import Linter
from readers.generate import PAGE_HEAD, docx_from_text, html_from_text, md_from_text, pdf_from_text

EXAMPLES = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir, "examples"))
NAMES = ["clean-2017-department.txt", "faulty-2017-bureau.txt", "faulty-2018-township-wrapped.txt",
         "clean-2021-department.txt", "faulty-2021-tables.txt", "clean-2019-government-pipes.txt"]
PRESENT = [n for n in NAMES if os.path.exists(os.path.join(EXAMPLES, n))]


@pytest.fixture(scope="module")
def linter():
    return Linter()


def _text(name):
    with open(os.path.join(EXAMPLES, name), encoding="utf-8") as fh:
        return fh.read()


def _txt_findings(linter, name):
    return sorted((d.code, d.line) for d in linter.lint_file(os.path.join(EXAMPLES, name)).diagnostics)


def test_the_required_examples_are_here():
    assert {"clean-2017-department.txt", "faulty-2017-bureau.txt", "clean-2021-department.txt"} <= set(PRESENT)


def test_faulty_examples_have_findings_to_compare(linter):
    """The comparison means something only if the faulty reports do find things."""
    assert len(_txt_findings(linter, "faulty-2017-bureau.txt")) >= 8
    if "faulty-2021-tables.txt" in PRESENT:
        assert {c for c, _ in _txt_findings(linter, "faulty-2021-tables.txt")} >= {"T203", "T204", "T205", "N303"}


@pytest.mark.parametrize("numbering", [False, True], ids=["typed-labels", "auto-numbering"])
@pytest.mark.parametrize("name", PRESENT)
def test_docx_gives_the_same_findings(linter, tmp_path, name, numbering):
    path = str(tmp_path / (name[:-4] + ".docx"))
    origin = docx_from_text(_text(name), path, numbering=numbering)
    result = linter.lint_file(path)
    assert result.source is not None and result.source.locators
    assert sorted((d.code, origin[d.line - 1]) for d in result.diagnostics) == _txt_findings(linter, name)
    assert all(d.locator for d in result.diagnostics)


def test_docx_numbering_really_numbers_the_headings(tmp_path):
    """The auto-numbering variant has no typed labels: the reader must render them."""
    import docx

    path = str(tmp_path / "n.docx")
    docx_from_text(_text("faulty-2017-bureau.txt"), path, numbering=True)
    paragraphs = docx.Document(path).paragraphs
    numbered = [p.text for p in paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert numbered == ["概述", "健全工作机构", "规范公开程序", "主动公开政府信息情况", "公开数量", "公开重点", "公开渠道",
                        "依申请公开政府信息和不予公开政府信息情况"]
    # After 三 the report skips to 五: Word's counter would say 四, so these stay typed (and S103 still fires).
    typed = [p.text[:2] for p in paragraphs if re.match(r"[一二三四五六七]、", p.text)]
    assert typed == ["五、", "六、", "七、"]


@pytest.mark.parametrize("name", PRESENT)
def test_html_gives_the_same_findings_on_the_same_lines(linter, tmp_path, name):
    path = tmp_path / (name[:-4] + ".html")
    path.write_bytes(html_from_text(_text(name), charset="gbk").encode("gbk"))
    result = linter.lint_file(str(path))
    assert result.source.encoding == "gb18030"
    assert sorted((d.code, d.line - len(PAGE_HEAD)) for d in result.diagnostics) == _txt_findings(linter, name)
    assert all(d.locator is None for d in result.diagnostics)


@pytest.mark.parametrize("name", PRESENT)
def test_markdown_gives_the_same_findings(linter, tmp_path, name):
    md, origin = md_from_text(_text(name))
    path = tmp_path / (name[:-4] + ".md")
    path.write_text(md, encoding="utf-8")
    result = linter.lint_file(str(path))
    assert sorted((d.code, origin[d.line - 1]) for d in result.diagnostics) == _txt_findings(linter, name)


@pytest.mark.parametrize("name", PRESENT)
def test_pdf_gives_the_same_codes(linter, tmp_path, name):
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    path = str(tmp_path / (name[:-4] + ".pdf"))
    pdf_from_text(_text(name), path)
    result = linter.lint_file(path)
    assert result.source is not None, [d.message.en for d in result.diagnostics]
    expected = collections.Counter(c for c, _ in _txt_findings(linter, name))
    assert collections.Counter(d.code for d in result.diagnostics) == expected
    assert all(d.locator and d.locator.startswith("pg") for d in result.diagnostics)


def test_a_directory_of_all_formats_gives_the_same_findings_per_file(linter, tmp_path):
    """One report in five formats in one folder: the walk finds all five, each with the same codes."""
    text = _text("faulty-2017-bureau.txt")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    (tmp_path / "r.md").write_text(md_from_text(text)[0], encoding="utf-8")
    (tmp_path / "r.html").write_text(html_from_text(text), encoding="utf-8")
    docx_from_text(text, str(tmp_path / "r.docx"), numbering=True)
    formats = ["r.docx", "r.html", "r.md", "r.txt"]
    try:
        import pdfplumber  # noqa: F401
        import reportlab  # noqa: F401

        pdf_from_text(text, str(tmp_path / "r.pdf"))
        formats.insert(3, "r.pdf")
    except ImportError:
        pass
    (tmp_path / "notes.odt").write_bytes(b"not a report")
    results = linter.lint_paths([str(tmp_path)])
    assert [os.path.basename(r.path) for r in results] == formats
    codes = {os.path.basename(r.path): sorted(d.code for d in r.diagnostics) for r in results}
    assert len({tuple(v) for v in codes.values()}) == 1, codes


def _values(block):
    return {key: [(v.text, v.status, v.number) for v in row.values] for key, row in block.rows.items()}


def test_table_two_as_one_word_table_with_spanning_block_rows(linter, tmp_path):
    """In the Word template, table 二 is one table whose "第二十条第（X）项" rows span all four
    columns; read from it, the blocks, rows and values are those of the text version."""
    text = _text("clean-2021-department.txt")
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("第二十条第（一）项"))
    end = next(i for i in range(start, len(lines)) if not lines[i].strip())
    for i in range(start, end):  # one grid of four columns: the missing cells are merged ones
        lines[i] += "\t" * (3 - lines[i].count("\t"))
    path = str(tmp_path / "t2.docx")
    origin = docx_from_text("\n".join(lines), path)
    result = linter.lint_file(path)
    source = result.source
    spanning = [k for k, line in enumerate(source.lines) if line.startswith("第二十条第（五）项")]
    assert len(spanning) == 1 and source.lines[spanning[0]] == "第二十条第（五）项\t\t\t"
    assert source.locators[spanning[0]].startswith("t1r")
    txt = linter.lint_file(os.path.join(EXAMPLES, "clean-2021-department.txt"))
    want, got = txt.report.facts.tables.t2, result.report.facts.tables.t2
    assert got.blocks.keys() == want.blocks.keys() == {"一", "五", "六", "八"}
    assert {k: _values(b) for k, b in got.blocks.items()} == {k: _values(b) for k, b in want.blocks.items()}
    assert sorted((d.code, origin[d.line - 1]) for d in result.diagnostics) == _txt_findings(linter, "clean-2021-department.txt")
