"""The PDF reader: its logic on pdfplumber-like pages, real PDFs typeset with reportlab, and the optional extra."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest

from reportlint.cli import main
from reportlint.engine import Linter
from reportlint.readers.pdf import read_pdf, render_pages
from reportlint.readers.repair import repair
from helpers import report


@dataclass
class FakeTable:
    bbox: tuple
    rows: list

    def extract(self):
        return self.rows


class FakePage:
    def __init__(self, lines, tables=()):
        self.lines = [dict(text=t, x0=x0, x1=x0 + 10 * len(t), top=top, bottom=top + 10) for t, x0, top in lines]
        self.tables = list(tables)

    def extract_text_lines(self, **kwargs):
        return self.lines

    def find_tables(self):
        return self.tables


def test_pages_render_lines_tables_and_locators():
    pages = [
        FakePage([("某局2017年政府信息公开工作年度报告", 100, 50), ("一、概述", 72, 80),
                  ("本年度，我局共收到政府信息公开申请5件，全部按期", 72, 100), ("- 1 -", 290, 800)]),
        FakePage([("第 2 页 共 2 页", 260, 20), ("答复。", 72, 50),
                  ("项目 数量", 80, 82),  # the table's own text, inside its box: left out
                  ("某局", 400, 200), ("2018年1月20日", 380, 220)],
                 [FakeTable((72, 70, 500, 120), [["项目", "数量"], ["申请", None], ["合计\n数", "5"]])]),
    ]
    lines, locators = render_pages(pages)
    assert lines == ["某局2017年政府信息公开工作年度报告", "一、概述", "本年度，我局共收到政府信息公开申请5件，全部按期",
                     "答复。", "项目\t数量", "申请\t", "合计数\t5", "某局", "2018年1月20日"]
    assert locators == ["pg1l1", "pg1l2", "pg1l3", "pg2l2", "pg2t1r1", "pg2t1r2", "pg2t1r3", "pg2l3", "pg2l4"]
    logical, _, roles = repair(lines)
    # A paragraph broken by the page end is joined again; the page furniture between is gone.
    assert [l.text for l in logical][:3] == ["某局2017年政府信息公开工作年度报告", "一、概述",
                                             "本年度，我局共收到政府信息公开申请5件，全部按期答复。"]


def test_without_pdfplumber_a_pdf_gets_e001_saying_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # `import pdfplumber` now raises ImportError
    path = tmp_path / "r.pdf"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    [d] = Linter().lint_file(str(path)).diagnostics
    assert d.code == "E001"
    assert "pip install 'reportlint[pdf]'" in d.message.zh and "pip install 'reportlint[pdf]'" in d.message.en
    assert "pdfplumber" in d.message.zh and "optional" in d.message.en


def _pdf(tmp_path, text, name="r.pdf"):
    pytest.importorskip("reportlab")
    from readers.generate import pdf_from_text

    path = tmp_path / name
    pdf_from_text(text, str(path))
    return path


def test_real_pdf_places_read_as_page_and_line(tmp_path, capsys):
    pytest.importorskip("pdfplumber")
    text = report(2017, "截止2017年底，共召开会议3次。\n\n项目\t数量\n申请\t/")
    path = _pdf(tmp_path, text)
    source = read_pdf(str(path), path.read_bytes())
    assert source.lines[0] == "某市某区某某局2017年政府信息公开工作年度报告"
    assert source.locators[0] == "pg1l1"
    row = source.lines.index("申请\t/")
    assert source.locators[row] == "pg1t1r2" and source.locator(row + 1, 4) == "pg1t1r2c2"
    main(["check", "--select", "W601", str(path)])
    out = capsys.readouterr().out.splitlines()[1:]  # after the file header of the text format
    assert source.locators[source.lines.index("截止2017年底，共召开会议3次。")] == "pg1l6"
    assert out[0].startswith(f"{path}:第 1 页第 6 行: W601 ")
    assert out[1] == "      | 截止2017年底，共召开会议3次。"


def test_not_a_pdf_and_damaged_pdf(tmp_path):
    pytest.importorskip("pdfplumber")
    linter = Linter()
    for name, data, words in [("a.pdf", "一、概述".encode(), "no %PDF- header"),
                              ("b.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n", "cannot read the PDF")]:
        path = tmp_path / name
        path.write_bytes(data)
        [d] = linter.lint_file(str(path)).diagnostics
        assert d.code == "E001" and words in d.message.en


def test_encrypted_and_textless_pdfs(tmp_path):
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    locked = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(locked), encrypt="secret")
    c.drawString(72, 700, "report")
    c.save()
    scan = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(scan))
    c.rect(72, 72, 300, 500, fill=1)
    c.save()
    linter = Linter()
    [d] = linter.lint_file(str(locked)).diagnostics
    assert d.code == "E001" and "encrypted" in d.message.en
    [d] = linter.lint_file(str(scan)).diagnostics
    assert d.code == "E001" and "no extractable text" in d.message.en and "扫描件" in d.message.zh
