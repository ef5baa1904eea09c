"""The bundled example reports in examples/ give exactly their planted findings.

The reg2008 examples (2017, 2018) and the fmt2019/fmt2021 ones (2020–2022,
with the three tables in tab, pipe/markdown and label-then-numbers layouts).
Clean ones give no error or warning; faulty ones carry planted defects, and
every error- or warning-level finding must be one of them (info is free).
The table example's planted defects are also listed with their arithmetic in
tests/fixtures/tables/faulty-2021-tables.expected, which this test reads.
Equality is on (code, line), never on wording.
"""

from __future__ import annotations

import datetime
import os

import pytest

from reportlint.cli import main
from reportlint.engine import Linter
from reportlint.model import AgencyKind, Era
from reportlint.rule import Severity

EXAMPLES = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, "examples"))
CLEAN = os.path.join(EXAMPLES, "clean-2017-department.txt")
BUREAU = os.path.join(EXAMPLES, "faulty-2017-bureau.txt")
TOWNSHIP = os.path.join(EXAMPLES, "faulty-2018-township-wrapped.txt")
CLEAN_2021 = os.path.join(EXAMPLES, "clean-2021-department.txt")
CLEAN_2019 = os.path.join(EXAMPLES, "clean-2019-government-pipes.txt")
TABLES_2021 = os.path.join(EXAMPLES, "faulty-2021-tables.txt")
TABLES_EXPECTED = os.path.join(os.path.dirname(__file__), "fixtures", "tables", "faulty-2021-tables.expected")


def _expected_file(path):
    with open(path, encoding="utf-8") as fh:
        return sorted((code, int(line)) for code, line, *_ in (l.split(" ", 2) for l in fh if l.strip()))


# Sorted (code, line) of the error- and warning-level findings of each example.
EXPECTED = {
    CLEAN: [],
    BUREAU: sorted([
        ("S106", 1),   # title: 政府信息公开年度报告 (lacks 工作)
        ("C501", 3),   # 安政办发[2018]6号
        ("W604", 3),   # "XX局办公室"
        ("D402", 11),  # "我局于2017年 月 日召开……"
        ("W601", 15),  # "截止2017年底"
        ("N301", 21),  # 213 ≠ 64 + 27 + 18 + 85 + 21 (= 215)
        ("S103", 35),  # 一、二、三、五、: 四 skipped after the 收费 section was cut
        ("S101", 43),  # no 收费及减免 (art. 32 item 三), anchored at the last 一、 heading
    ]),
    TOWNSHIP: sorted([
        ("D403", 19),   # 统计期限 … 至2018年 / 11月30日 (split over lines 19/21)
        ("C503", 29),   # 《安平市实施<中华人民共和国政府信息公开条例>办法》
        ("C504", 33),   # （河政办发〔2018〕 / 9号要求 — the bracket is never closed
        ("D401", 37),   # 2018年6月31日
        ("S104", 71),   # （一） after 1. and 2. in section 二
        ("D404", 143),  # closing 2019年4月15日, after 31 March 2019
    ]),
    CLEAN_2021: [],
    CLEAN_2019: [],
    TABLES_2021: _expected_file(TABLES_EXPECTED),
}


@pytest.fixture(scope="module")
def linter():
    return Linter()


def _loud(result):
    return sorted((d.code, d.line) for d in result.diagnostics if d.severity is not Severity.INFO)


def test_examples_folder_holds_exactly_the_pinned_reports():
    found = {os.path.join(EXAMPLES, f) for f in os.listdir(EXAMPLES) if f.endswith(".txt")}
    assert found == set(EXPECTED)


@pytest.mark.parametrize("path", list(EXPECTED), ids=lambda p: os.path.basename(p))
def test_example_findings_exactly(linter, path):
    assert _loud(linter.lint_file(path)) == EXPECTED[path]


def test_clean_example_facts(linter):
    r = linter.lint_file(CLEAN).report
    assert r.agency == "安平市河西区人力资源和社会保障局"
    assert r.year == 2017 and r.era is Era.REG2008 and r.agency_kind is AgencyKind.DEPARTMENT
    assert (r.period.start, r.period.end) == (datetime.date(2017, 1, 1), datetime.date(2017, 12, 31))
    assert r.closing_date == datetime.date(2018, 1, 26)
    assert r.source.layout == "paragraph"


def test_bureau_s101_names_item_three(linter):
    s101 = [d for d in linter.lint_file(BUREAU).diagnostics if d.code == "S101"]
    assert [d.evidence["item"] for d in s101] == ["三"]


def test_township_example_facts(linter):
    r = linter.lint_file(TOWNSHIP).report
    assert r.agency == "安平市河西区柳泉镇人民政府"
    assert r.year == 2018 and r.era is Era.REG2008 and r.agency_kind is AgencyKind.TOWNSHIP
    assert (r.period.start, r.period.end) == (datetime.date(2018, 1, 1), datetime.date(2018, 11, 30))
    assert r.closing_date == datetime.date(2019, 4, 15)
    assert r.source.layout == "wrapped"


def test_cli_exit_codes(capsys):
    assert main(["check", EXAMPLES]) == 1
    assert main(["check", CLEAN]) == 0
    capsys.readouterr()


@pytest.mark.parametrize("path,era,kind", [(CLEAN_2021, Era.FMT2021, AgencyKind.DEPARTMENT),
                                           (TABLES_2021, Era.FMT2021, AgencyKind.DEPARTMENT),
                                           (CLEAN_2019, Era.FMT2019, AgencyKind.GOVERNMENT)],
                         ids=lambda p: os.path.basename(p) if isinstance(p, str) else str(p))
def test_table_examples_read_all_three_tables(linter, path, era, kind):
    r = linter.lint_file(path).report
    assert (r.era, r.agency_kind) == (era, kind)
    t = r.facts.tables
    assert t.t3 is not None and t.t3.missing == () and t.t3.era is era and t.t3.era_from_labels
    assert t.t4 is not None and len(t.t4.values) == 15
    assert t.t2 is not None and t.t2.era is era and all(not b.missing for b in t.t2.blocks.values())
