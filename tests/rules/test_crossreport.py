"""X701–X703: this year's report against last year's report of the same agency.

Pairs of reports are written to a tmp dir and linted together (automatic
grouping by agency and year) or with ``--previous``. Findings attach to the
later report. Frames: ``tablegen.report_2021`` (fmt2019/fmt2021, tables 二 三
四) and ``helpers.report`` (reg2008 prose). In tablegen's clean table 三 the
row 二、上年结转 is [1, 0, 0, 0, 0, 0, 1] and 四、结转下年度 [1, 1, 0, 0, 0, 0, 2];
in T2_2021 行政规范性文件 is 制发 3, 废止 1, 现行有效 25.
"""

from __future__ import annotations

import json
import os
import random

import pytest

import tablegen as g
from helpers import frame_line, report
from reportlint.cli import main
from reportlint.engine import FileResult, Linter, Settings, agency_key, report_pairs
from reportlint.hookspecs import hookimpl
from reportlint.plugins import load_registry
from reportlint.readers.text import source_from_text
from reportlint.rule import Rule, Severity
from reportlint.rules.crossreport import prose_sentences, repeated_share

AGENCY = "安平市某某局"


def _t3(carried=None, carry_next=None) -> str:
    v = g.t3_values()
    if carried is not None:
        v["carried"] = carried
    if carry_next is not None:
        v["carry_next"] = carry_next
    return g.t3_tabs(v)


def _t2(stock_docs=25, issued=3, repealed=1, stock_rules=0) -> str:
    return g.T2_2021.replace("行政规范性文件\t3\t1\t25", f"行政规范性文件\t{issued}\t{repealed}\t{stock_docs}") \
        .replace("规章\t0\t0\t0", f"规章\t0\t0\t{stock_rules}")


def _table_report(year, *, agency=AGENCY, carried=None, carry_next=None, t2=None, prose3="") -> str:
    return g.report_2021(_t3(carried, carry_next), year=year, agency=agency, t2_text=t2 or g.T2_2021, prose3=prose3)


def _lint(tmp_path, files: dict[str, str], select=("X7",), previous: str | None = None, **settings):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    linter = Linter(Settings(select=select, **settings))
    prev = linter.lint_file(str(tmp_path / previous)) if previous else None
    paths = [str(tmp_path / n) for n in files if n != previous]
    return linter.lint_paths(paths, previous=prev)


def _found(results) -> list[tuple[str, str, int]]:
    return sorted((os.path.basename(r.path), d.code, d.line) for r in results for d in r.diagnostics)


def _carried_line(text: str) -> int:
    return frame_line("二、上年结转", text)


# --------------------------------------------------------------------------- X701
def test_x701_silent_when_carryover_continues(tmp_path):
    files = {"2021.txt": _table_report(2021, carry_next=[1, 0, 0, 0, 0, 0, 1]), "2022.txt": _table_report(2022)}
    assert _found(_lint(tmp_path, files, select=("X701",))) == []


def test_x701_reports_each_mismatching_column_on_this_years_row(tmp_path):
    this = _table_report(2022)  # carried 1,0,0,0,0,0,1
    files = {"2022.txt": this, "2021.txt": _table_report(2021, carry_next=[2, 0, 0, 0, 0, 0, 2])}
    results = _lint(tmp_path, files, select=("X701",))
    line = _carried_line(this)
    assert _found(results) == [("2022.txt", "X701", line), ("2022.txt", "X701", line)]
    diags = [d for r in results for d in r.diagnostics]
    assert [d.evidence["column"] for d in diags] == ["自然人", "总计"]
    assert (diags[0].evidence["this_year"], diags[0].evidence["last_year"]) == (1, 2)
    assert "上年结转为 1" in diags[0].message.zh and "为 2" in diags[0].message.zh and "2021.txt" in diags[0].message.zh
    assert diags[0].severity is Severity.WARNING
    assert diags[0].span.column == this.splitlines()[line - 1].index("\t1") + 2  # the 自然人 cell


def test_x701_across_eras_2020_to_2021(tmp_path):
    t2, t3, t4 = g.tables_for(2020)  # fmt2019 table 三: carry_next 1,1,0,0,0,0,2
    last = g.report_2021(t3, t4, year=2020, agency=AGENCY, t2_text=t2)
    this = _table_report(2021, carried=[1, 1, 0, 0, 0, 0, 2])
    assert _found(_lint(tmp_path, {"a.txt": last, "b.txt": this}, select=("X701",))) == []
    this = _table_report(2021)  # carried 1,0,…,1: 商业企业 and 总计 differ
    assert _found(_lint(tmp_path, {"a.txt": last, "b.txt": this}, select=("X701",))) == [("b.txt", "X701", _carried_line(this))] * 2


@pytest.mark.parametrize("case", ["other-agency", "gap-year", "same-year", "reg2008-last-year", "two-last-years"])
def test_x701_must_stay_silent(tmp_path, case):
    mismatch = [5, 0, 0, 0, 0, 0, 5]
    files = {"this.txt": _table_report(2022)}
    if case == "other-agency":
        files["last.txt"] = _table_report(2021, agency="安平市另一局", carry_next=mismatch)
    elif case == "gap-year":
        files["last.txt"] = _table_report(2020, carry_next=mismatch)
    elif case == "same-year":
        files["last.txt"] = _table_report(2022, carry_next=mismatch)
    elif case == "reg2008-last-year":
        files = {"this.txt": _table_report(2019), "last.txt": report(2018, agency=AGENCY)}
    else:  # two reports claim last year: which one counts is unknown
        files["last.txt"] = _table_report(2021, carry_next=mismatch)
        files["last-copy.txt"] = _table_report(2021, carry_next=mismatch)
    assert _found(_lint(tmp_path, files, select=("X701",))) == []


def test_x701_skips_a_column_with_an_unreadable_cell(tmp_path):
    v = g.t3_values()
    v["carry_next"] = ["/", 0, 0, 0, 0, 0, 1]
    last = g.report_2021(g.t3_tabs(v), year=2021, agency=AGENCY)
    assert _found(_lint(tmp_path, {"a.txt": last, "b.txt": _table_report(2022)}, select=("X701",))) == []


def test_x701_previous_names_last_year_even_after_a_renaming(tmp_path):
    this = _table_report(2022)
    files = {"last.txt": _table_report(2021, agency="安平市旧名称局", carry_next=[2, 0, 0, 0, 0, 0, 2]), "this.txt": this}
    assert _found(_lint(tmp_path, dict(files), select=("X701",))) == []  # not paired automatically
    found = _found(_lint(tmp_path, files, select=("X701",), previous="last.txt"))
    assert found == [("this.txt", "X701", _carried_line(this))] * 2


# --------------------------------------------------------------------------- X703
def test_x703_silent_when_stock_follows(tmp_path):
    files = {"a.txt": _table_report(2021, t2=_t2(stock_docs=23)), "b.txt": _table_report(2022)}  # 23 + 3 − 1 = 25
    assert _found(_lint(tmp_path, files, select=("X703",))) == []


def test_x703_reports_the_stock_cell_per_row(tmp_path):
    this = _table_report(2022, t2=_t2(stock_docs=25, stock_rules=2))
    files = {"a.txt": _table_report(2021, t2=_t2(stock_docs=20, stock_rules=1)), "b.txt": this}
    results = _lint(tmp_path, files, select=("X703",))
    assert _found(results) == [("b.txt", "X703", frame_line("规章\t", this)),
                               ("b.txt", "X703", frame_line("行政规范性文件\t", this))]
    d = next(d for r in results for d in r.diagnostics if d.evidence["row"] == "行政规范性文件")
    assert (d.evidence["expected"], d.evidence["stock"]) == (22, 25) and d.severity is Severity.INFO
    assert "20" in d.message.zh and "应为 22" in d.message.zh


def test_x703_silent_across_the_2020_format_change(tmp_path):
    t2, t3, t4 = g.tables_for(2020)  # 对外公开总数量 is another measure
    files = {"a.txt": g.report_2021(t3, t4, year=2020, agency=AGENCY, t2_text=t2),
             "b.txt": _table_report(2021, carried=[1, 1, 0, 0, 0, 0, 2], t2=_t2(stock_docs=99))}
    assert _found(_lint(tmp_path, files, select=("X703",))) == []


def test_x703_skips_invalid_cells(tmp_path):
    files = {"a.txt": _table_report(2021, t2=g.T2_2021.replace("3\t1\t25", "3\t1\t/")), "b.txt": _table_report(2022)}
    assert _found(_lint(tmp_path, files, select=("X703",))) == []


# --------------------------------------------------------------------------- X702
WORK_2017 = """\
2017年，我局围绕国土资源管理中心工作，把征地拆迁、土地供应、矿业权出让等重点领域信息公开作为突破口，逐项梳理公开事项，编制完善政府信息公开目录，全年更新目录条目320条。
我局坚持“谁制作、谁公开”的原则，各股室拟公开的信息由办公室统一审核后在门户网站发布，确保信息发布及时、准确、规范，全年未发生因公开不当造成不良影响的情况。
针对群众关注的征地补偿标准问题，我局在乡镇政务公开栏同步张贴补偿方案和安置办法，召开听证会2次，答复群众咨询56人次，有效化解了矛盾纠纷。
存在的主要问题是部分股室对信息公开工作重视不够，公开内容不够全面，更新不够及时。下一步，我局将加强业务培训，完善考核机制，推动政府信息公开工作再上新台阶。"""

OTHER_WORK_2018 = """\
2018年机构改革后，新组建的自然资源局把国土空间规划编制、生态修复项目和不动产登记便民措施作为公开重点，新设“规划公示”专栏，全年发布规划批前公示41项。
不动产登记中心推行“一窗受理、集成服务”，在大厅电子屏滚动公开办事指南和收费标准，平均办理时限压缩到5个工作日，群众满意度调查得分96分。
全年开展执法检查，发现违法用地线索后在门户网站公布查处结果，接受社会监督，并邀请人大代表、政协委员参加执法监督座谈会，听取意见建议12条。
今后将重点解决基层站所信息更新滞后、公开形式单一的问题，探索运用短视频等新媒体解读政策，让群众看得懂、用得上。"""

BOILERPLATE = """\
本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告所列数据的统计期限为{y}年1月1日至{y}年12月31日。本报告电子版可在安平市人民政府门户网站下载。如对本报告有任何疑问，请与本局办公室联系（地址：安平市建设路1号；电话：0937-8821645；邮编：735000）。"""


def _copy_of(text: str, year_from: int, year_to: int) -> str:
    """Last year's prose with the year and some figures changed and a few words edited."""
    out = text.replace(str(year_from), str(year_to)).replace("320条", "358条").replace("2次", "3次") \
        .replace("56人次", "71人次")
    return out.replace("逐项梳理公开事项", "逐项梳理事项").replace("再上新台阶", "迈上新台阶")


def _x702(tmp_path, files, **kw):
    return _found(_lint(tmp_path, files, select=("X702",), **kw))


def test_x702_fires_on_a_copy_with_a_new_year_and_new_figures(tmp_path):
    files = {"2017.txt": report(2017, WORK_2017, agency=AGENCY),
             "2018.txt": report(2018, _copy_of(WORK_2017, 2017, 2018), agency=AGENCY)}
    results = _lint(tmp_path, files, select=("X702",))
    assert _found(results) == [("2018.txt", "X702", 1)]  # anchored at the title
    d = next(d for r in results for d in r.diagnostics)
    assert d.evidence["share"] >= 0.9 and "%" in d.message.zh and "2017.txt" in d.message.zh
    assert f"{round(d.evidence['share'] * 100)}%" in d.message.zh


def test_x702_threshold_option(tmp_path):
    files = {"2017.txt": report(2017, WORK_2017, agency=AGENCY),
             "2018.txt": report(2018, _copy_of(WORK_2017, 2017, 2018), agency=AGENCY)}
    share = repeated_share(*(Linter().lint_source(source_from_text(n, t)).report for n, t in files.items()))[0]
    assert 0.9 <= share < 1
    assert _x702(tmp_path, files, rule_options={"X702": {"threshold": 0.99}}) == []
    assert _x702(tmp_path, files, rule_options={"X702": {"threshold": 0.8}}) == [("2018.txt", "X702", 1)]


def test_x702_new_prose_in_the_same_frame_is_silent(tmp_path):
    files = {"2017.txt": report(2017, BOILERPLATE.format(y=2017) + "\n\n" + WORK_2017, agency=AGENCY),
             "2018.txt": report(2018, BOILERPLATE.format(y=2018) + "\n\n" + OTHER_WORK_2018, agency=AGENCY)}
    assert _x702(tmp_path, files) == []


def test_x702_boilerplate_alone_never_counts():
    text = report(2018, BOILERPLATE.format(y=2018) + "\n\n" + OTHER_WORK_2018, agency=AGENCY)
    kept = " ".join(norm for _, norm in prose_sentences(Linter().lint_source(source_from_text("a.txt", text)).report))
    for phrase in ("条例", "统计期限", "电子版", "疑问", "邮编"):
        assert phrase not in kept


def test_x702_two_agencies_with_the_same_text_are_never_compared(tmp_path):
    files = {"a.txt": report(2017, WORK_2017, agency=AGENCY),
             "b.txt": report(2018, _copy_of(WORK_2017, 2017, 2018), agency="安平市另一局")}
    assert _x702(tmp_path, dict(files)) == []
    assert _x702(tmp_path, files, previous="a.txt") == []


def test_x702_short_reports_and_tables_are_not_judged(tmp_path):
    # The frames alone repeat each other completely, but hold too little prose to judge.
    assert _x702(tmp_path, {"a.txt": report(2017, agency=AGENCY), "b.txt": report(2018, agency=AGENCY)}) == []
    # Identical tables and headings with different prose: silent.
    files = {"a.txt": _table_report(2021, prose3=WORK_2017), "b.txt": _table_report(2022, prose3=OTHER_WORK_2018)}
    assert _x702(tmp_path, files) == []


def test_x702_agency_names_differing_only_in_spacing_are_one_agency(tmp_path):
    files = {"2017.txt": report(2017, WORK_2017, agency="安平市 某某局"),
             "2018.txt": report(2018, _copy_of(WORK_2017, 2017, 2018), agency="安平市某某局")}
    assert _x702(tmp_path, files) == [("2018.txt", "X702", 1)]


# --------------------------------------------------------------------------- pairing and engine
def _result(name, year, agency=AGENCY):
    text = _table_report(year, agency=agency)
    res = Linter(Settings(select=("E",))).lint_source(source_from_text(name, text))
    return FileResult(name, [], res.source, res.report)


def test_agency_key_ignores_spacing_and_width_only():
    assert agency_key("安平市 某某局") == agency_key("安平市某某局") == agency_key("安平市\u3000某某局")
    assert agency_key("安平市某某局（安平市某办）") == agency_key("安平市某某局(安平市某办)")
    assert agency_key("安平市某某局") != agency_key("安平市某某局办公室")
    assert agency_key(None) is None and agency_key("  ") is None


def test_report_pairs_consecutive_years_any_order():
    r21, r22, r23 = _result("a", 2021), _result("b", 2022), _result("c", 2023)
    pairs = report_pairs([r23, r21, r22])
    assert sorted((p.path, c.path) for p, c in pairs) == [("a", "b"), ("b", "c")]


def test_cross_rule_crash_is_e900_on_the_later_file(tmp_path):
    class Boom(Rule):
        """炸（ZX950）。"""

        code, name, severity, cross_report = "ZX950", "boom", Severity.INFO, True

        def check(self, report, ctx):
            return ()

        def check_pair(self, previous, current, ctx):
            raise ZeroDivisionError("boom")

    class Plugin:
        @hookimpl
        def reportlint_rules(self):
            return [Boom]

    registry = load_registry(extra=[("boom", Plugin())])
    for name, text in {"a.txt": _table_report(2021, carry_next=[9, 0, 0, 0, 0, 0, 9]), "b.txt": _table_report(2022)}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    results = Linter(Settings(select=("ZX950", "X701", "E900")), registry).lint_paths([str(tmp_path)])
    assert [(os.path.basename(r.path), d.code) for r in results for d in r.diagnostics] == \
        [("b.txt", "E900"), ("b.txt", "X701"), ("b.txt", "X701")]


# --------------------------------------------------------------------------- CLI
def test_cli_groups_a_directory_and_takes_previous(tmp_path, capsys):
    this = _table_report(2022)
    (tmp_path / "2021.txt").write_text(_table_report(2021, carry_next=[2, 0, 0, 0, 0, 0, 2]), encoding="utf-8")
    (tmp_path / "2022.txt").write_text(this, encoding="utf-8")
    main(["check", str(tmp_path), "--format", "json", "--select", "X701"])
    got = [(os.path.basename(d["path"]), d["code"], d["line"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert got == [("2022.txt", "X701", _carried_line(this))] * 2
    main(["check", str(tmp_path / "2022.txt"), "--previous", str(tmp_path / "2021.txt"), "--format", "json", "--select", "X701"])
    got = [(os.path.basename(d["path"]), d["code"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert got == [("2022.txt", "X701")] * 2
    main(["check", str(tmp_path / "2022.txt"), "--format", "json", "--select", "X701"])
    assert json.loads(capsys.readouterr().out)["diagnostics"] == []  # alone: nothing to compare


def test_cli_previous_errors(tmp_path, capsys):
    this = tmp_path / "2022.txt"
    this.write_text(_table_report(2022), encoding="utf-8")
    assert main(["check", str(this), "--previous", str(tmp_path / "missing.txt")]) == 2
    assert "--previous" in capsys.readouterr().err
    (tmp_path / "junk.txt").write_text("不是报告", encoding="utf-8")
    assert main(["check", str(this), "--previous", str(tmp_path / "junk.txt")]) == 2
    capsys.readouterr()
    (tmp_path / "2019.txt").write_text(_table_report(2019), encoding="utf-8")
    assert main(["check", str(this), "--previous", str(tmp_path / "2019.txt")]) == 0
    assert "2020" in capsys.readouterr().err


def test_cli_fix_then_cross_rules_on_the_fixed_reports(tmp_path, capsys):
    (tmp_path / "2021.txt").write_text(_table_report(2021, carry_next=[2, 0, 0, 0, 0, 0, 2]), encoding="utf-8")
    this = _table_report(2022, prose3="截止目前，本年度申请均已办结。")
    (tmp_path / "2022.txt").write_text(this, encoding="utf-8")
    main(["check", "--fix", str(tmp_path), "--select", "X701,W601"])
    out = capsys.readouterr().out
    assert out.count(": X701 ") == 2 and "W601" not in out and "已修复 1 处" in out
    assert "截至目前" in (tmp_path / "2022.txt").read_text(encoding="utf-8")


def test_rules_listing_and_explain(capsys):
    main(["rules", "--format", "json"])
    rows = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert {(c, rows[c]["name"], rows[c]["severity"]) for c in ("X701", "X702", "X703")} == {
        ("X701", "carryover-mismatch", "warning"), ("X702", "copied-report", "warning"), ("X703", "stock-continuity", "info")}
    assert main(["explain", "X702"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("X702 copied-report [warning]") and "threshold" in out and "选项" in out


def _covered_by_definition(norm: str, old: set[str], size: int = 8) -> int:
    covered = [False] * len(norm)
    for i in range(len(norm) - size + 1):
        if norm[i:i + size] in old:
            covered[i:i + size] = [True] * size
    return sum(covered)


def test_covered_characters_count_as_the_definition_says():
    from reportlint.rules.crossreport import covered_chars

    rng = random.Random(702)
    for _ in range(3000):
        last = "".join(rng.choice("公开信息申请") for _ in range(rng.randint(8, 60)))
        norm = "".join(rng.choice("公开信息申请") for _ in range(rng.randint(8, 60)))
        old = {last[i:i + 8] for i in range(len(last) - 7)}
        if rng.random() < 0.3:
            old |= {norm[i:i + 8] for i in range(0, len(norm) - 7, rng.randint(1, 12))}
        assert covered_chars(norm, old) == _covered_by_definition(norm, old), (norm, sorted(old))
    assert covered_chars("公开信息申请办理答复", set()) == 0
    assert covered_chars("公开信息申请办理答复", {"公开信息申请办理"}) == 8
    assert covered_chars("公开信息申请办理答复", {"信息申请办理答复"}) == 8
    assert covered_chars("公开信息申请办理答复", {"公开信息申请办理", "信息申请办理答复"}) == 10
