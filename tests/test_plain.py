"""Slim results as plain values (reportlint/plain.py): what a worker sends is what the parent gets."""

from __future__ import annotations

import os
import pickle

import pytest

from reportlint.engine import Diagnostic, FileResult, Linter
from reportlint.plain import PackedLines, from_wire, pack_lines, to_wire, utf8_lines
from reportlint.rule import Edit, Message, Severity
from reportlint.source import Source, Span, Suppression

EXAMPLES = os.path.join(os.path.dirname(__file__), os.pardir, "examples")


def _sent(result: FileResult) -> FileResult:
    return from_wire(pickle.loads(pickle.dumps(to_wire(result), protocol=pickle.HIGHEST_PROTOCOL)))


@pytest.mark.parametrize("lines", [(), ("",), ("", ""), ("标题", "正文。", ""), ("第一段\n软回车后", "第二段"), ("\udcff",)])
def test_lines_come_back_exactly(lines):
    source = Source("r.docx", lines, (), "docx", False, "\r\n", "docx", locators=("p1",) * len(lines),
                    suppressions=(Suppression((1, 1), (2, 1), ("C501",)),))
    result = FileResult("r.docx", [], source, None, "某局", 2021, True, "digest")
    back = _sent(result)
    assert back == result.slim() and tuple(back.source.lines) == lines and len(back.source.lines) == len(lines)


def test_findings_come_back_with_their_evidence_made_json():
    d = Diagnostic("r.txt", "N301", "breakdown-sum", Severity.ERROR, Span(3, 1, 3, 9), Message("合计不符", "sum"),
                   {"parts": (64, 27), "span": Span(1, 2, 3, 4)}, (Edit(Span(3, 1, 3, 2), "〔"),), "t2r3c4")
    back = _sent(FileResult("r.txt", [d], None, None, None, None, False, None))
    assert back.diagnostics == FileResult("r.txt", [d]).slim().diagnostics
    assert back.diagnostics[0].evidence == {"parts": [64, 27], "span": "Span(line=1, column=2, end_line=3, end_column=4)"}


def test_a_linted_example_comes_back_as_its_slim_result():
    path = os.path.join(EXAMPLES, sorted(f for f in os.listdir(EXAMPLES) if f.startswith("faulty"))[0])
    result = Linter().lint_file(path)
    back = _sent(result)
    assert back == result.slim() and back.diagnostics and isinstance(back.source.lines, PackedLines)


def test_packed_lines_pickle_as_their_blob_until_read():
    packed = PackedLines(2, utf8_lines, pack_lines(("标题", "正文。")))
    again = pickle.loads(pickle.dumps(packed))
    assert isinstance(again, PackedLines) and again._lines is None and again == ("标题", "正文。")
    assert pickle.loads(pickle.dumps(again)) == ("标题", "正文。")  # read: pickled as the tuple


def test_pack_lines_refuses_what_one_blob_cannot_hold():
    assert pack_lines(("a\nb",)) is None and pack_lines(("",)) is None
    assert pack_lines(()) == b"" and pack_lines(("", "")) == b"\n"
