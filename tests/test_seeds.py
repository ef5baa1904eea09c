"""The two real seed reports give exactly what SEED-FINDINGS.md says.

Every "must" row (code and line) is asserted; no other error- or warning-level
finding may appear except the "may" rows; info-level findings are free.
"""

from __future__ import annotations

import datetime
import os

import pytest

from reportlint.engine import Linter
from reportlint.model import AgencyKind, Era
from reportlint.rule import Severity

HERE = os.path.dirname(__file__)
SEED_000 = os.path.join(HERE, "fixtures", "000_228735099014d1ff.txt")
SEED_003 = os.path.join(HERE, "fixtures", "003_6664134e4a26a987.txt")

# (code, line or None for "any line"): count
MUST = {
    SEED_000: [("S106", 3), ("S101", None), ("C501", 40),
               *[("D402", n) for n in (53, 56, 57, 59, 63, 66, 67, 69)],
               *[("W604", n) for n in (58, 59, 68, 69)],
               ("S107", 61), ("S104", 95)],
    SEED_003: [("S101", None), ("S101", None), ("S101", None),
               ("C503", 29), ("C503", 33), ("C504", 128), ("W601", 97)],
}
MAY = {
    SEED_000: {("W602", 58), ("W602", 68)},
    SEED_003: {("S101", None)},
}
MUST_NOT = {
    SEED_000: {"N301", "D403", "D404", "D405", "S103", "E001", "E002", "E003"},
    SEED_003: {"N301", "D406", "D401", "D402", "D403", "D404", "D405", "S103", "E001", "E002", "E003"},
}


@pytest.fixture(scope="module")
def linter():
    return Linter()


def _loud(result):
    return [(d.code, d.line) for d in result.diagnostics if d.severity is not Severity.INFO]


@pytest.mark.parametrize("path", [SEED_000, SEED_003], ids=["seed000", "seed003"])
def test_seed_findings_exactly(linter, path):
    found = _loud(linter.lint_file(path))
    remaining = list(found)
    for code, line in MUST[path]:
        match = next((f for f in remaining if f[0] == code and (line is None or f[1] == line)), None)
        assert match is not None, f"missing must finding {code} at {line}; found {found}"
        remaining.remove(match)
    may = MAY[path] | set(MUST[path])  # a must line may carry more than one finding of its code
    extra = [f for f in remaining if f not in may and (f[0], None) not in may]
    assert extra == [], f"unexpected error/warning findings: {extra}"
    assert not {c for c, _ in found} & MUST_NOT[path]


def test_seed_000_s101_names_item_six(linter):
    s101 = [d for d in linter.lint_file(SEED_000).diagnostics if d.code == "S101"]
    assert [d.evidence["item"] for d in s101] == ["六"]
    assert "第三十二条" in s101[0].message.zh and "art. 32" in s101[0].message.en


def test_seed_003_s101_items(linter):
    s101 = [d for d in linter.lint_file(SEED_003).diagnostics if d.code == "S101"]
    assert {d.evidence["item"] for d in s101} >= {"三", "四", "六"}


def test_seed_facts(linter):
    r0 = linter.lint_file(SEED_000).report
    assert r0.agency == "吴忠市利通区机关事务管理局"
    assert r0.year == 2017 and r0.era is Era.REG2008 and r0.agency_kind is AgencyKind.DEPARTMENT
    assert (r0.period.start, r0.period.end) == (datetime.date(2017, 1, 1), datetime.date(2017, 12, 31))
    assert r0.period.span.line == 5
    assert r0.closing_date == datetime.date(2017, 12, 31) and r0.closing_date_block.lineno == 103
    assert [h.number for h in r0.headings if h.level == 1] == [1, 2, 3, 4, 5, 6]

    r3 = linter.lint_file(SEED_003).report
    assert r3.agency == "吴忠市利通区安全生产监督管理局"
    assert r3.year == 2017 and r3.era is Era.REG2008 and r3.agency_kind is AgencyKind.DEPARTMENT
    assert (r3.period.start, r3.period.end) == (datetime.date(2017, 1, 1), datetime.date(2017, 12, 31))
    assert r3.period.span.line == 15
    assert r3.closing_date == datetime.date(2018, 2, 28) and r3.closing_date_block.lineno == 193
    assert [h.number for h in r3.headings if h.level == 1] == [1, 2, 3, 4, 5]


def test_seed_003_split_words_point_at_original_lines(linter):
    result = linter.lint_file(SEED_003)
    w601 = next(d for d in result.diagnostics if d.code == "W601")
    # "截" ends line 97 at column 26, "止" starts line 99.
    assert (w601.span.line, w601.span.column, w601.span.end_line, w601.span.end_column) == (97, 26, 99, 2)
    c504 = next(d for d in result.diagnostics if d.code == "C504")
    assert (c504.line, c504.column) == (128, 3)  # line 128 starts with a stray space: " 号）"


@pytest.mark.parametrize("path", [SEED_000, SEED_003], ids=["seed000", "seed003"])
@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig", "utf-16"])
def test_other_encodings_give_identical_findings(linter, path, encoding, tmp_path):
    text = open(path, encoding="utf-8").read()
    copy = tmp_path / os.path.basename(path)
    copy.write_bytes(text.encode(encoding))
    want = [(d.code, d.span, d.message) for d in linter.lint_file(path).diagnostics]
    got = [(d.code, d.span, d.message) for d in linter.lint_file(str(copy)).diagnostics]
    assert got == want


@pytest.mark.parametrize("path", [SEED_000, SEED_003], ids=["seed000", "seed003"])
def test_crlf_gives_identical_findings(linter, path, tmp_path):
    text = open(path, encoding="utf-8").read()
    copy = tmp_path / os.path.basename(path)
    copy.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    want = [(d.code, d.span) for d in linter.lint_file(path).diagnostics]
    assert [(d.code, d.span) for d in linter.lint_file(str(copy)).diagnostics] == want
