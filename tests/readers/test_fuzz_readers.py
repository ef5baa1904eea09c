"""Whatever the bytes, a reader returns a Source or raises ReadError (E001) — never anything else."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.engine import Linter
from reportlint.readers import ReadError
from reportlint.readers.docx import read_docx
from reportlint.readers.html import read_html
from reportlint.readers.markdown import read_markdown
from test_fuzz import mutated_lines

pytest.importorskip("lxml")

_PIECES = st.sampled_from([
    "<p>", "</p>", "<br>", "<table>", "<tr>", "<td rowspan=2>", "<td colspan=3>", "<td>", "</td>", "</tr>",
    "</table>", "<div class='nav'>", "</div>", "<!-- reportlint-disable W601 -->", "<!-- reportlint-enable -->",
    "&nbsp;", "&amp;", "&#20013;", "&bogus;", "<script>", "</script>", "一、概述", "（一）", "截止目前，", "120条",
    "\t", "\n", "|", "**", "# ", "2018年1月20日", "<h1>某局2017年政府信息公开工作年度报告</h1>", "<", ">", "&",
])
_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def linter():
    return Linter()


def _ok(read, data):
    try:
        read("f", data)
    except ReadError:
        pass


@_SETTINGS
@given(st.lists(_PIECES, max_size=60).map("".join), st.sampled_from(["utf-8", "gb18030"]))
def test_html_and_markdown_never_crash(text, encoding):
    data = text.encode(encoding)
    _ok(read_html, data)
    _ok(read_markdown, data)


@_SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(data):
    for read in (read_html, read_markdown, read_docx):
        _ok(read, data)


def _docx_bytes(tmp_path_factory):
    from readers.generate import docx_from_text
    from helpers import report

    path = tmp_path_factory.mktemp("fz") / "r.docx"
    docx_from_text(report(2017, "项目\t数量\n申请\t5"), str(path), numbering=True)
    return path.read_bytes()


def test_damaged_word_files_give_e001_not_a_crash(tmp_path_factory, linter):
    good = _docx_bytes(tmp_path_factory)
    with zipfile.ZipFile(io.BytesIO(good)) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    variants = []
    for cut in (10, len(good) // 2, len(good) - 30):
        variants.append(good[:cut])
    for name in ("word/document.xml", "word/numbering.xml", "word/styles.xml", "word/_rels/document.xml.rels"):
        broken = dict(members)
        broken[name] = broken[name][: len(broken[name]) // 3]
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            for n, d in broken.items():
                zf.writestr(n, d)
        variants.append(buf.getvalue())
    for data in variants:
        result = linter.lint_bytes("x.docx", data)
        codes = [d.code for d in result.diagnostics]
        assert result.source is not None or codes == ["E001"], codes
        if result.source is None:
            assert not result.diagnostics[0].message.en.startswith("error while reading"), result.diagnostics[0].message.en


# ---------------------------------------------------------------------------- mutated reports in every format
def _no_escape(result):
    for d in result.diagnostics:
        assert d.code != "E900", d.message.en  # a built-in rule crashed or ran out of time
        if d.code == "E001":
            assert not d.message.en.startswith("error while reading"), d.message.en  # a reader bug


@_SETTINGS
@given(st.data())
def test_mutated_reports_as_web_pages_and_markdown(linter, data):
    from readers.generate import html_from_text, md_from_text

    text = "\n".join(data.draw(mutated_lines()))
    charset = data.draw(st.sampled_from(["utf-8", "gbk"]))
    page = html_from_text(text, charset=charset, colspans=data.draw(st.booleans()))
    _no_escape(linter.lint_bytes("r.html", page.encode(charset, errors="replace")))
    _no_escape(linter.lint_bytes("r.md", md_from_text(text)[0].encode("utf-8")))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_reports_as_word_documents(linter, tmp_path_factory, data):
    pytest.importorskip("docx")
    from readers.generate import docx_from_text

    text = "\n".join(data.draw(mutated_lines()))
    path = tmp_path_factory.mktemp("mw") / "r.docx"
    docx_from_text(text, str(path), numbering=data.draw(st.booleans()))
    _no_escape(linter.lint_bytes("r.docx", path.read_bytes()))
