"""What every format shares: locators, the directory walk, unknown suffixes, lazy heavy imports."""

from __future__ import annotations

import json
import os
import sys

import pytest

from importprobe import probe

from reportlint.engine import Linter, discover
from reportlint.readers.text import source_from_text
from reportlint.source import Source, Span, Suppression, describe_locator

EXAMPLES = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir, "examples"))


@pytest.mark.parametrize("locator,zh,en", [
    ("p12", "第 12 段", "paragraph 12"),
    ("t2r3c4", "表格 2 第 3 行第 4 列", "table 2 row 3 column 4"),
    ("pg3l5", "第 3 页第 5 行", "page 3 line 5"),
    ("pg3t1r2c4", "第 3 页表格 1 第 2 行第 4 列", "page 3 table 1 row 2 column 4"),
    ("sheet!A1", "sheet!A1", "sheet!A1"),  # a plugin's own locator is shown as it is
])
def test_describe_locator(locator, zh, en):
    assert (describe_locator(locator), describe_locator(locator, "en")) == (zh, en)


def test_locator_of_a_row_names_the_cell_by_tabs():
    source = Source("x.docx", ("一、概述", "申请\t\t5"), (), "docx", locators=("p1", "t1r2"))
    assert [source.locator(2, col) for col in (1, 4, 5)] == ["t1r2c1", "t1r2c2", "t1r2c3"]
    assert source.locator(1, 3) == "p1" and source.locator(3) is None


def test_text_sources_have_no_locators():
    source = source_from_text("x.txt", "一、概述\n")
    assert source.locators == () and source.locator(1) is None and source.suppressions == ()


def test_suppression_regions_are_half_open_and_prefix_matched():
    s = Suppression((3, 5), (7, 1), ("W6", "D402"))
    src = Source("x.md", (), (), "utf-8", suppressions=(s,))
    at = lambda line, col: Span(line, col, line, col + 1)  # noqa: E731
    assert [src.suppressed("W601", at(*p)) for p in ((3, 4), (3, 5), (6, 99), (7, 1))] == [False, True, True, False]
    assert (src.suppressed("D402", at(4, 1)), src.suppressed("D401", at(4, 1))) == (True, False)


def test_directory_walk_picks_up_every_report_format(tmp_path):
    names = ["a.txt", "b.md", "c.html", "d.htm", "e.docx", "f.pdf", "g.odt", "h.doc", "~$e.docx", ".hidden.txt"]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_bytes(b"")
    readers = Linter().registry.readers
    found = [os.path.basename(p) for p, explicit in discover([str(tmp_path)], readers)]
    assert found == ["a.txt", "b.md", "c.html", "d.htm", "e.docx", "f.pdf"]


def test_explicit_unknown_suffix_is_e001(tmp_path):
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    [d] = Linter().lint_file(str(path)).diagnostics
    assert d.code == "E001" and ".docx" in d.message.en and ".doc'" in d.message.en


def test_json_locator_field_for_every_format(tmp_path, capsys):
    from reportlint.cli import main

    main(["check", "--format", "json", os.path.join(EXAMPLES, "faulty-2017-bureau.txt")])
    data = json.loads(capsys.readouterr().out)
    assert data["diagnostics"] and all(d["locator"] is None for d in data["diagnostics"])


HEAVY = ("docx", "lxml", "pdfplumber", "pdfminer", "reportlint.readers.docx", "reportlint.readers.html",
         "reportlint.readers.pdf", "reportlint.readers.markdown")


def _loaded_after(argv: list[str]) -> set[str]:
    return probe(argv, cwd=os.getcwd()).new & set(HEAVY)


def test_a_text_check_imports_no_heavy_reader():
    assert _loaded_after(["check", os.path.join(EXAMPLES, "clean-2017-department.txt")]) == set()


def test_a_web_page_check_imports_lxml_but_not_word_or_pdf(tmp_path):
    page = tmp_path / "r.html"
    page.write_text("<html><body><p>一、概述</p></body></html>", encoding="utf-8")
    assert _loaded_after(["check", str(page)]) == {"lxml", "reportlint.readers.html"}
