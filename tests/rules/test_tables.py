"""T201–T209 and the table reader: every layout, every identity held and broken."""

from __future__ import annotations

import pytest

import tablegen as g
from helpers import codes_lines
from reportlint.readers.text import source_from_text
from reportlint.parse import parse_source
from reportlint.model import Era


def _tables(text):
    rep = parse_source(source_from_text("t.txt", text))
    return rep.facts.tables


def _line_of(text, needle, nth=0):
    hits = [i for i, l in enumerate(text.splitlines(), 1) if needle in l]
    return hits[nth]


def lint(text, select="T"):
    return codes_lines(text, select=select, dedent=False)


# --------------------------------------------------------------------------- layouts
@pytest.mark.parametrize("layout", sorted(g.LAYOUTS))
def test_every_layout_reads_the_same_numbers(layout):
    want = g.t3_values()
    t = _tables(g.report_2021(g.LAYOUTS[layout](want)))
    assert t.t3.era is Era.FMT2021 and t.t3.era_from_labels and t.t3.missing == ()
    assert {k: [v.number for v in r.values] for k, r in t.t3.rows.items()} == want
    assert [v.number for v in t.t4.values] == g.t4_values()
    assert {k: [v.number for v in r.values] for k, r in t.t2.blocks["一"].rows.items()} == {"规章": [0, 0, 0], "规范性文件": [3, 1, 25]}
    assert t.t2.blocks["八"].rows["行政事业性收费"].values[0].number == 12.5


@pytest.mark.parametrize("layout", sorted(g.LAYOUTS))
def test_every_layout_is_clean_and_keeps_the_report_structure(layout):
    text = g.report_2021(g.LAYOUTS[layout](g.t3_values()))
    assert codes_lines(text, dedent=False) == []
    rep = parse_source(source_from_text("t.txt", text))
    assert [h.marker for h in rep.headings] == ["一、", "二、", "三、", "四、", "五、", "六、"]


def test_labels_are_matched_after_normalising():
    text = g.t3_tabs(g.t3_values())
    text = (text.replace("本年新收政府信息公开申请数量", "本年新收政府信息公開申請數量")
                .replace("（一）予以公开", "(一) 予以 公开")
                .replace("3.危及“三安全一稳定”", '3.危及"三安全一穩定"')
                .replace("4.保护第三方合法权益", "4.保護第三方合法權益")
                .replace("（七）总计", "(七)總計")
                .replace("结转下年度继续办理", "結轉下年度繼續辦理"))
    t = _tables(g.report_2021(text))
    assert t.t3.missing == ()
    assert {k: [v.number for v in r.values] for k, r in t.t3.rows.items()} == g.t3_values()


def test_cells_keep_their_span_in_the_original_file():
    text = g.report_2021(g.t3_tabs(g.t3_values()))
    t = _tables(text)
    cell = t.t3.rows["granted"].values[0].cell
    line = _line_of(text, "（一）予以公开")
    assert cell.span().line == line
    assert text.splitlines()[line - 1][cell.span().column - 1] == "5"


# --------------------------------------------------------------------------- identities
def _broken(mutate):
    v = g.t3_values()
    mutate(v)
    return v


def test_t203_application_balance():
    v = _broken(lambda v: v["carried"].__setitem__(0, 2) or v["carried"].__setitem__(6, 2))
    text = g.report_2021(g.t3_tabs(v))
    assert lint(text) == [("T203", _line_of(text, "（七）总计")), ("T203", _line_of(text, "（七）总计"))]
    msg = [d for d in __import__("helpers").lint(text, select="T203", dedent=False)][0].message.zh
    assert msg == "表三 自然人列：一（10）+ 二（2）= 12，（七）总计（10）+ 四（1）= 11，相差 1"


def test_t204_row_total():
    v = _broken(lambda v: v["granted"].__setitem__(6, 7))
    text = g.report_2021(g.t3_tabs(v))
    # 7 instead of 6 breaks the row total, and the 总计 column's outcome sum (T205).
    assert lint(text) == [("T204", _line_of(text, "（一）予以公开")), ("T205", _line_of(text, "（七）总计"))]


def test_t205_outcome_total():
    def m(v):
        v["refused.2"] = [1, 0, 0, 0, 0, 0, 1]  # an outcome nobody counted in the total
    text = g.report_2021(g.t3_tabs(_broken(m)))
    line = _line_of(text, "（七）总计")
    assert lint(text) == [("T205", line), ("T205", line)]


def test_t206_review_litigation_total():
    vals = g.t4_values()
    vals[4] = 3
    text = g.report_2021(g.t3_tabs(g.t3_values()), g.t4_tabs(vals))
    assert lint(text) == [("T206", _line_of(text, "1\t1\t0\t0\t3"))]


@pytest.mark.parametrize("layout", sorted(g.LAYOUTS))
def test_identities_are_checked_in_every_layout(layout):
    v = _broken(lambda v: v["carried"].__setitem__(0, 2) or v["carried"].__setitem__(6, 2))
    found = [c for c, _ in lint(g.report_2021(g.LAYOUTS[layout](v)))]
    assert found == ["T203", "T203"]


# --------------------------------------------------------------------------- cells and shapes
@pytest.mark.parametrize("bad", ["/", "-", "—", "无", "-3", "1.5", "三"])
def test_t207_invalid_count_cell_and_no_false_sums(bad):
    text = g.t3_tabs(g.t3_values()).replace("（一）予以公开\t5\t1", f"（一）予以公开\t{bad}\t1")
    text = g.report_2021(text)
    # The invalid cell is reported; the sums over its row and column are not checked.
    assert lint(text) == [("T207", _line_of(text, "（一）予以公开"))]


def test_t207_blank_cells():
    text = g.t3_tabs(g.t3_values()).replace("2.重复申请\t1\t0\t0\t0\t0\t0\t1", "2.重复申请\t\t\t\t\t\t\t")
    text = g.report_2021(text)
    line = _line_of(text, "2.重复申请")
    assert lint(text) == [("T207", line)] * 7


def test_t202_row_with_wrong_count():
    text = g.t3_tabs(g.t3_values()).replace("（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t5\t1\t0\t0\t0\t6")
    text = g.report_2021(text)
    assert lint(text) == [("T202", _line_of(text, "（一）予以公开"))]


def test_cut_off_table_gives_t202_and_no_false_identity_errors():
    full = g.t3_tabs(g.t3_values()).splitlines()
    cut = "\n".join(full[: next(i for i, l in enumerate(full) if l.startswith("2.没有现成信息"))])
    text = g.report_2021(cut)
    # Anchored at the table's first line (its header).
    assert lint(text) == [("T202", _line_of(text, "（本列数据"))]


def test_t201_section_without_table():
    text = g.report_2021("本年度共收到政府信息公开申请13件。")
    assert lint(text) == [("T201", _line_of(text, "三、收到和处理"))]


def test_t202_table2_missing_block():
    text = g.report_2021(g.t3_tabs(g.t3_values()))
    text = text.replace("第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t12.5\n", "")
    assert lint(text) == [("T202", _line_of(text, "第二十条第（一）项"))]


# --------------------------------------------------------------------------- era
def test_t208_2019_labels_in_a_2022_report():
    text = g.report_2021(g.t3_tabs(g.t3_values()), t2_text=g.T2_2019)
    assert lint(text) == [("T208", _line_of(text, "第二十条第（一）项"))]


def test_mixed_labels_are_not_enough_for_t208():
    text = g.report_2021(g.t3_tabs(g.t3_values()))
    text = text.replace("信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量")
    assert lint(text, select="T208") == []


def test_fmt2019_table2_is_read_with_signed_and_money_cells():
    t = _tables(g.report_2021(g.t3_tabs(g.t3_values()), year=2020, t2_text=g.T2_2019))
    assert t.t2.era is Era.FMT2019 and t.t2.era_from_labels
    assert [v.number for v in t.t2.blocks["五"].rows["行政许可"].values] == [40, -2, 120]
    assert [v.number for v in t.t2.blocks["六"].rows["行政处罚"].values] == [80, 3, 35]
    money = t.t2.blocks["九"].rows["政府集中采购"].values[1]
    assert (money.number, money.unit) == (36.8, "万元")


def test_t208_2021_labels_in_a_2020_report():
    text = g.report_2021(g.t3_tabs(g.t3_values()), year=2020)
    assert lint(text) == [("T208", _line_of(text, "第二十条第（一）项")), ("T208", _line_of(text, "（本列数据"))]


def test_no_t_rules_for_reg2008_reports():
    text = g.report_2021(g.t3_tabs(_broken(lambda v: v["carried"].__setitem__(0, 5))), year=2017)
    assert lint(text) == []


# --------------------------------------------------------------------------- T209 (info)
def test_t209_township_rules_and_all_zero():
    text = g.report_2021(g.t3_tabs(g.t3_values()), agency="安平市柳泉镇人民政府")
    text = text.replace("规章\t0\t0\t0", "规章\t2\t0\t2")
    assert lint(text, select="T209") == [("T209", _line_of(text, "规章\t2"))]
    zero = {k: [0] * 7 for k in g.t3_values()}
    text = g.report_2021(g.t3_tabs(zero), g.t4_tabs([0] * 15))
    for a, b in (("行政规范性文件\t3\t1\t25", "行政规范性文件\t0\t0\t0"), ("行政许可\t120", "行政许可\t0"),
                 ("行政处罚\t35", "行政处罚\t0"), ("行政强制\t2", "行政强制\t0"), ("行政事业性收费\t12.5", "行政事业性收费\t0")):
        text = text.replace(a, b)
    assert lint(text, select="T209") == [("T209", _line_of(text, "第二十条第（一）项"))]


def test_t209_stock_below_made_minus_repealed():
    text = g.report_2021(g.t3_tabs(g.t3_values())).replace("行政规范性文件\t3\t1\t25", "行政规范性文件\t9\t1\t5")
    assert lint(text, select="T209") == [("T209", _line_of(text, "行政规范性文件\t9"))]


# --------------------------------------------------------------------------- fixture files
import json  # noqa: E402
import os  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(os.path.dirname(__file__)), "fixtures", "tables")


@pytest.mark.parametrize("name", ["t3-tabs", "t3-pipes", "t3-markdown", "t3-cell-per-line", "t3-label-then-numbers"])
def test_layout_fixture_files_give_the_same_numbers(name):
    want = json.load(open(os.path.join(FIXTURES, "t3-values.json"), encoding="utf-8"))
    text = open(os.path.join(FIXTURES, f"{name}.txt"), encoding="utf-8").read()
    t3 = _tables(text).t3
    assert t3 is not None and t3.missing == ()
    assert {k: [v.number for v in r.values] for k, r in t3.rows.items()} == want


def test_cut_off_fixture_reads_the_rows_it_has():
    text = open(os.path.join(FIXTURES, "t3-cut-off.txt"), encoding="utf-8").read()
    t3 = _tables(text).t3
    assert t3.missing[0] == "unable.3" and "total" in t3.missing and "carry_next" in t3.missing
    assert all(len(r.values) == 7 for r in t3.rows.values())


# --------------------------------------------------------------------------- sums read from the shared numbers
def test_an_invalid_cell_stops_only_its_own_row_and_column():
    # Column 商业企业 of row （一） is "/": row （一） and that column are not added up; column 自然人
    # (broken in row 二 and its total) still is, and so is row 二.
    v = _broken(lambda v: v["carried"].__setitem__(0, 2) or v["carried"].__setitem__(6, 2))
    text = g.t3_tabs(v).replace("（一）予以公开\t5\t1", "（一）予以公开\t5\t/")
    text = g.report_2021(text)
    total = _line_of(text, "（七）总计")
    assert lint(text) == [("T203", total), ("T203", total), ("T207", _line_of(text, "（一）予以公开"))]


def test_t205_a_missing_outcome_row_stops_every_column():
    text = g.t3_tabs(_broken(lambda v: v["granted"].__setitem__(0, 6)))
    text = g.report_2021("\n".join(l for l in text.splitlines() if not l.startswith("2.重复申请")))
    assert [c for c, _ in lint(text, select="T205")] == []


def test_t207_cells_of_tables_three_four_and_two_in_this_order():
    vals = g.t4_values()
    text = g.report_2021(g.t3_tabs(g.t3_values()).replace("2.重复申请\t1\t0", "2.重复申请\t1\t无"),
                         g.t4_tabs(vals).replace("\t2\t0\t0\t0\t1", "\t/\t0\t0\t0\t1"),
                         t2_text=g.T2_2021.replace("行政处罚\t35", "行政处罚\t-"))
    from reportlint.rules.tables import InvalidCell

    found = list(InvalidCell().check(parse_source(source_from_text("t.txt", text)), None))  # the rule's own order
    assert [f.message.zh[:2] for f in found] == ["表三", "表四", "表二"]
