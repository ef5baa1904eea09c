"""The LALR runner gives what lark gives, with tables that are never stale."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lark import Lark, Token, Transformer
from lark.lexer import Lexer

from reportlint import grammars, lalr, parse
from reportlint.grammars import report_lalr

GRAMMAR_PATH = os.path.join(os.path.dirname(grammars.__file__), "report.lark")
TABLES_PATH = os.path.join(os.path.dirname(grammars.__file__), "report_lalr.py")
TERMINALS = ["TITLE", "META", "HEADING1", "HEADING2", "HEADING3", "HEADING4", "TEXT", "ROW", "SIGNATURE",
             "CLOSING_DATE"]
RULES = ["start", "title", "heading", "paragraph", "meta", "table", "closing"]


def _grammar() -> str:
    with open(GRAMMAR_PATH, encoding="utf-8") as fh:
        return fh.read()


class _Pairs(Lexer):
    """Feeds lark the same (terminal, value) pairs the runner gets."""

    def __init__(self, conf) -> None:
        pass

    def lex(self, pairs):
        for kind, value in pairs:
            yield Token(kind, str(value), start_pos=value)


class _Shape(Transformer):
    pass


for _name in RULES:  # every rule: (its name, its children), tokens as (type, position)
    setattr(_Shape, _name, (lambda name: lambda self, items: (name, [
        (c.type, c.start_pos) if isinstance(c, Token) else c for c in items]))(_name))

_LARK = Lark(_grammar(), parser="lalr", lexer=_Pairs, transformer=_Shape())
_CALLBACKS = {name: (lambda name: lambda items: (name, list(items)))(name) for name in RULES}


def _both(pairs):
    """lark's result and the runner's, or the exception type each raised."""
    try:
        expected = _LARK.parse(pairs)
    except Exception as exc:  # lark's UnexpectedToken / UnexpectedEOF
        expected = ("error", type(exc).__name__)
    try:
        got = lalr.run(parse._get_tables(), pairs, _CALLBACKS)
    except lalr.LalrError:
        got = ("error", "UnexpectedToken" if pairs else "UnexpectedEOF")
    return expected, got


def test_the_stored_tables_are_those_lark_builds_from_the_grammar_today():
    """Fails after an edit of report.lark until `python -m reportlint.lalr` has written the tables again."""
    assert report_lalr.GRAMMAR == _grammar()
    with open(TABLES_PATH, encoding="utf-8") as fh:
        assert fh.read() == lalr.tables_module(_grammar(), lalr.compile_grammar(_grammar()))


def test_the_tables_do_not_depend_on_the_string_hash_seed():
    code = ("from reportlint import lalr; import sys; g = open(sys.argv[1], encoding='utf-8').read(); "
            "print(lalr.tables_module(g, lalr.compile_grammar(g)))")
    outs = {subprocess.run([sys.executable, "-c", code, GRAMMAR_PATH], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outs) == 1


def _document(*kinds):
    return [(kind, i) for i, kind in enumerate(kinds)]


@pytest.mark.parametrize("pairs", [
    [],
    _document("TITLE"),
    _document("TITLE", "META", "HEADING1", "TEXT", "HEADING2", "ROW", "ROW", "ROW", "TEXT", "SIGNATURE",
              "CLOSING_DATE"),
    _document("HEADING3", "TEXT", "TEXT", "ROW", "HEADING1", "ROW", "CLOSING_DATE"),
    _document("TEXT", *["ROW"] * 300, "TEXT"),
    _document("SIGNATURE", "SIGNATURE", "CLOSING_DATE"),
])
def test_the_runner_shapes_reports_as_lark_does(pairs):
    expected, got = _both(pairs)
    assert expected[0] != "error"
    assert got == expected


@pytest.mark.parametrize("pairs", [
    _document("TEXT", "TITLE"),  # a title after the body
    _document("SIGNATURE", "TEXT"),  # a signature not followed by the closing date
    _document("CLOSING_DATE", "TEXT"),  # text after the closing date
    _document("SIGNATURE"),  # ends inside the closing
])
def test_the_runner_refuses_what_lark_refuses(pairs):
    expected, got = _both(pairs)
    assert expected[0] == "error"
    assert got == expected
    with pytest.raises(lalr.LalrError) as info:
        lalr.run(parse._get_tables(), pairs, _CALLBACKS)
    assert info.value.expected  # names what would have been allowed


@given(st.lists(st.sampled_from(TERMINALS), max_size=40))
def test_any_token_sequence_gives_the_same_result_or_the_same_refusal(kinds):
    expected, got = _both(_document(*kinds))
    assert got == expected


@pytest.mark.parametrize("grammar, why", [
    ('%declare A\nstart: x\nx: A -> y\n', "alias"),
    ('%declare A\nstart: x\n?x: A\n', "?rule"),
    ('%declare A\nstart: x\n!x: A\n', "!rule"),
    ('%declare _A B\nstart: _A B\n', "filtered token"),
])
def test_compiling_refuses_what_the_runner_would_shape_differently(grammar, why):
    with pytest.raises(ValueError, match="does not reproduce"):
        lalr.compile_grammar(grammar)


def test_an_edited_grammar_is_compiled_instead_of_run_with_the_stored_tables(monkeypatch):
    monkeypatch.setattr(parse, "_tables", None)
    monkeypatch.setattr(report_lalr, "GRAMMAR", "// an older grammar\n")
    monkeypatch.setattr(report_lalr, "STATES", ())  # stale tables must not be used
    tables = parse._get_tables()
    assert tables.states and tables == lalr.compile_grammar(_grammar())
    monkeypatch.setattr(parse, "_tables", None)


def test_checking_a_report_does_not_import_lark(tmp_path):
    report = tmp_path / "r.txt"
    with open(os.path.join(os.path.dirname(__file__), "..", "examples", "clean-2021-department.txt"), "rb") as fh:
        report.write_bytes(fh.read())
    code = ("import sys, io\nfrom reportlint.cli import main\nsys.stdout = io.StringIO()\n"
            f"main(['check', {str(report)!r}, '--no-cache'])\n"
            "sys.stdout = sys.__stdout__\nprint('reportlint.parse' in sys.modules, 'lark' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False"]
