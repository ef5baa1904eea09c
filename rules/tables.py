"""T — the three tables of fmt2019/fmt2021 reports and their identities (DOMAIN.md §3).

All T-rules read ``report.facts.tables``, which reads the tables by their
canonical labels. An identity is checked only on cells that were read as
valid numbers: a missing row is T202, an unreadable cell T207, and neither
produces a false sum error.
"""

from __future__ import annotations

import re
from operator import attrgetter

from reportlint import rx

from reportlint.model import AgencyKind, Era
from reportlint.rule import Rule, Severity
from reportlint.rules.structure import six_section_headings
from reportlint.tables.labels import (
    T2_BLOCKS,
    T3_COLUMNS,
    T3_COLUMNS_EN,
    T3_OUTCOMES,
    T3_ROWS,
    T4_GROUPS,
    T4_GROUPS_EN,
    T4_RESULTS,
)

TABLE_ERAS = frozenset({Era.FMT2019, Era.FMT2021})
_NEEDS = frozenset({"structure", "year"})


def _n(v) -> str:
    x = v.number
    return str(int(x)) if isinstance(x, float) and x.is_integer() else str(x)


def _short(label: str) -> str:
    """"（三）不予公开 1.属于国家秘密" → "（三）1"; "一、本年新收…" → "一"; "（一）予以公开" → "（一）"."""
    m = re.match(r"^(（[一二三四五六七]）)\S*\s+(\d)\.", label)
    if m:
        return f"{m.group(1)}{m.group(2)}"
    m = re.match(r"^(（[一二三四五六七]）|[一二三四]、)", label)
    return m.group(1).rstrip("、") if m else label


class MissingTable(Rule):
    """表格缺失（T201）。

    作用
        fmt2019 / fmt2021 年报的第二、三、四部分各有一张法定表格。这一部分的标题
        存在、但全文找不到对应表格（按表格的规范标签识别，任何排版都可以）时报告，
        位置在该部分的标题。缺少整个部分由 S101 报告。

    为什么
        三张表是年报格式的核心内容，缺表就无法核对数字；从网页或 PDF 转换时丢表
        也很常见。

    示例（错误）
        三、收到和处理政府信息公开申请情况
        本年度收到政府信息公开申请13件，均已按期答复。
        （没有表格）

    示例（正确）
        三、收到和处理政府信息公开申请情况
        本年度收到政府信息公开申请13件，均已按期答复。
        （表三）

    选项
        无。
    """

    doc_en = """
    A table is missing (T201).

    Purpose
        In fmt2019 / fmt2021 reports, sections 二, 三 and 四 each have a statutory table.
        Reported, at the section heading, when the section's heading is there but the table
        cannot be found anywhere in the report (tables are recognised by their canonical
        labels, in any layout). A missing section is reported by S101.

    Why
        The three tables are the core of the report format; without them the numbers cannot
        be checked. Tables are also often lost when converting from web pages or PDFs.

    Wrong
        三、收到和处理政府信息公开申请情况
        本年度收到政府信息公开申请13件，均已按期答复。
        （没有表格）
        (Section 三, "applications received and handled", has text but no table.)

    Right
        三、收到和处理政府信息公开申请情况
        本年度收到政府信息公开申请13件，均已按期答复。
        （表三）
        (（表三） = table 三 follows the text.)

    Options
        None.
    """

    code = "T201"
    name = "missing-table"
    severity = Severity.ERROR
    eras = TABLE_ERAS
    requires = _NEEDS

    def check(self, report, ctx):
        tables = report.facts.tables
        sections = six_section_headings(report)
        for section, table, zh, en in (("二", tables.t2, "主动公开政府信息情况表（第二十条各项）", "the proactive-disclosure table (art. 20 items)"),
                                       ("三", tables.t3, "收到和处理政府信息公开申请情况表", "the applications table"),
                                       ("四", tables.t4, "政府信息公开行政复议、行政诉讼情况表", "the review and litigation table")):
            heading = sections.get(section)
            if heading is not None and table is None:
                yield self.finding(heading.span(), f"第{section}部分没有可识别的表格：缺少{zh}",
                                   f"section {section} has no recognisable table: {en} is missing", section=section)


class TableShape(Rule):
    """表格行列缺失、多余或标签不符（T202）。

    作用
        按报告所用格式（fmt2019 或 fmt2021）的规范标签核对三张表的形状：

        - 表三缺少某些行，或某一行不是 7 个数（自然人、五类法人或其他组织、其他、总计）；
        - 表四不是 15 个数（三组 × 结果维持、结果纠正、其他结果、尚未审结、总计）；
        - 表二缺少第二十条的某一项或某一行，或某一行的数字个数与栏目不符。

        表格被截断（例如 PDF 分页处丢失了后半张表）时，只报告 T202，不对残缺的
        数据做求和检查。

    为什么
        行列缺失或错位时，表格里的数字无法对应到正确的栏目，所有核对都失去依据。

    示例（错误）
        （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 6
        （表三这一行只有 6 个数，少了一列）

    示例（正确）
        （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6
        （表三包含从“一、本年新收政府信息公开申请数量”到“四、结转下年度继续办理”的全部行，每行 7 个数）

    选项
        无。
    """

    doc_en = """
    Rows or columns of a table are missing, extra or mislabelled (T202).

    Purpose
        Checks the shape of the three tables against the canonical labels of the report's
        format (fmt2019 or fmt2021):

        - table 三 lacks some rows, or a row does not have 7 numbers (natural persons; the
          five kinds of legal persons or other organisations; the total);
        - table 四 does not have 15 numbers (three groups × upheld, corrected, other result,
          pending, total);
        - table 二 lacks an item of art. 20 or a row, or a row has a different number of
          values than the block has columns.

        When a table is cut off (say the second half of a table was lost at a PDF page
        break), only T202 is reported; no sums are checked on the incomplete data.

    Why
        With rows or columns missing or shifted, the numbers cannot be attributed to the
        right headings, and every check loses its footing.

    Wrong
        （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 6
        （表三这一行只有 6 个数，少了一列）
        (The row "（一）granted" of table 三 has 6 numbers: a column is missing.)

    Right
        （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6
        （表三包含从“一、本年新收政府信息公开申请数量”到“四、结转下年度继续办理”的全部行，每行 7 个数）
        (Every row of table 三, from 一、本年新收… to 四、结转下年度…, has 7 numbers.)

    Options
        None.
    """

    code = "T202"
    name = "table-shape"
    severity = Severity.ERROR
    eras = TABLE_ERAS
    requires = _NEEDS

    def check(self, report, ctx):
        tables = report.facts.tables
        t3 = tables.t3
        if t3 is not None:
            labels = {s.key: s.label for s in T3_ROWS[t3.era]}
            if t3.missing:
                shown = "、".join(labels[k] for k in t3.missing[:6]) + ("等" if len(t3.missing) > 6 else "")
                yield self.finding(t3.anchor.span(), f"表三缺少 {len(t3.missing)} 行：{shown}",
                                   f"table 3 lacks {len(t3.missing)} row(s): {', '.join(t3.missing)}",
                                   missing=list(t3.missing))
            for row in t3.rows.values():
                if row.values and len(row.values) != 7:
                    yield self.finding(row.label.span(), f"表三“{labels[row.key]}”行应有 7 个数，实有 {len(row.values)} 个",
                                       f"table 3 row '{row.key}' should have 7 values, has {len(row.values)}",
                                       row=row.key, count=len(row.values))
                elif not row.values and row.key not in t3.missing:
                    yield self.finding(row.label.span(), f"表三“{labels[row.key]}”行没有数字",
                                       f"table 3 row '{row.key}' has no values", row=row.key, count=0)
        t4 = tables.t4
        if t4 is not None and len(t4.values) != 15:
            yield self.finding(t4.anchor.span(), f"表四应有 15 个数（三组，每组 5 个），实有 {len(t4.values)} 个",
                               f"table 4 should have 15 values (3 groups of 5), has {len(t4.values)}", count=len(t4.values))
        t2 = tables.t2
        if t2 is not None:
            for spec in T2_BLOCKS[t2.era]:
                block = t2.blocks.get(spec.item)
                if block is None:
                    yield self.finding(t2.anchor.span(), f"表二缺少“第二十条第（{spec.item}）项”",
                                       f"table 2 lacks the block for art. 20 item ({spec.item})", item=spec.item)
                    continue
                for key in block.missing:
                    yield self.finding(block.label.span(), f"表二第二十条第（{spec.item}）项缺少“{key}”行",
                                       f"table 2 art. 20 item ({spec.item}) lacks the row '{key}'", item=spec.item, row=key)
                for row in block.rows.values():
                    if len(row.values) != len(spec.columns):
                        yield self.finding(row.label.span(),
                                           f"表二“{row.spec.label}”行应有 {len(spec.columns)} 个数（{'、'.join(spec.columns)}），实有 {len(row.values)} 个",
                                           f"table 2 row '{row.key}' should have {len(spec.columns)} values, has {len(row.values)}",
                                           row=row.key, count=len(row.values))


_NUMBER = attrgetter("number")


def _t3_numbers(report) -> dict[str, tuple]:
    """The numbers of each row of table 三 with 7 values, by key: None where a value is not valid
    (``Value.number`` is set exactly when the value is "ok"). Shared by the rules that add them up."""
    return report.facts.shared(_read_t3_numbers)


def _read_t3_numbers(report) -> dict[str, tuple]:
    t3 = report.facts.tables.t3
    return {k: tuple(map(_NUMBER, row.values)) for k, row in t3.rows.items() if len(row.values) == 7}


def _column_ok(t3, keys, c):
    """The values of rows ``keys`` in column ``c`` when all are there and valid, else None."""
    out = []
    for k in keys:
        row = t3.rows.get(k)
        if row is None or len(row.values) != 7 or not row.values[c].ok:
            return None
        out.append(row.values[c])
    return out


_BALANCE_ROWS = ("new", "carried", "total", "carry_next")  # 一 + 二 = （七） + 四


class ApplicationBalance(Rule):
    """表三收支不平衡（T203）。

    作用
        表三每一列都应满足表中印明的勾稽关系：一（本年新收）+ 二（上年结转）=
        （七）总计 + 四（结转下年度继续办理）。某列不满足时报告，列出两边的算式和差额。
        该列有缺失或无效的数字时不检查（由 T202、T207 报告）。

    为什么
        这是年报格式在表头里明确要求的关系，也是评议中最常被指出的数字错误。

    示例（错误）
        一、本年新收政府信息公开申请数量 | 10 | 2 | 0 | 1 | 0 | 0 | 13
        二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
        （七）总计 | 10 | 1 | 0 | 1 | 0 | 0 | 12
        四、结转下年度继续办理 | 0 | 1 | 0 | 0 | 0 | 0 | 1
        （自然人列：10 + 1 ≠ 10 + 0）

    示例（正确）
        一、本年新收政府信息公开申请数量 | 10 | 2 | 0 | 1 | 0 | 0 | 13
        二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
        （七）总计 | 10 | 1 | 0 | 1 | 0 | 0 | 12
        四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | 2

    选项
        无。
    """

    doc_en = """
    Table 三 does not balance (T203).

    Purpose
        Every column of table 三 must satisfy the identity printed in the table itself: 一
        (new this year) + 二 (carried over from last year) = （七）总计 (total handled) + 四
        (carried forward to next year). A column that does not is reported with both sides
        and the difference. A column with a missing or invalid number is not checked
        (T202 and T207 report it).

    Why
        The report format states this identity in the table header, and it is the numerical
        error evaluations point out most often.

    Wrong
        一、本年新收政府信息公开申请数量 | 10 | 2 | 0 | 1 | 0 | 0 | 13
        二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
        （七）总计 | 10 | 1 | 0 | 1 | 0 | 0 | 12
        四、结转下年度继续办理 | 0 | 1 | 0 | 0 | 0 | 0 | 1
        （自然人列：10 + 1 ≠ 10 + 0）
        (Table 三 rows 一, 二, （七） and 四; in the natural-persons column 10 + 1 ≠ 10 + 0.)

    Right
        一、本年新收政府信息公开申请数量 | 10 | 2 | 0 | 1 | 0 | 0 | 13
        二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
        （七）总计 | 10 | 1 | 0 | 1 | 0 | 0 | 12
        四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | 2
        (10 + 1 = 10 + 1 in the natural-persons column; every column balances.)

    Options
        None.
    """

    code = "T203"
    name = "application-balance"
    severity = Severity.ERROR
    eras = TABLE_ERAS
    requires = _NEEDS

    def check(self, report, ctx):
        t3 = report.facts.tables.t3
        if t3 is None:
            return
        numbers = _t3_numbers(report)
        if not all(k in numbers for k in _BALANCE_ROWS):
            return  # a row missing or without its 7 values: no column can be checked
        for c, (new, carried, total, carry) in enumerate(zip(*map(numbers.__getitem__, _BALANCE_ROWS))):
            if None in (new, carried, total, carry) or new + carried == total + carry:
                continue  # a value not valid, or the column balances
            vals = _column_ok(t3, _BALANCE_ROWS, c)
            if vals is None:
                continue
            new, carried, total, carry = vals
            left, right = new.number + carried.number, total.number + carry.number
            if left != right:
                yield self.finding(
                    total.cell.span(),
                    f"表三 {T3_COLUMNS[c]}列：一（{_n(new)}）+ 二（{_n(carried)}）= {left}，"
                    f"（七）总计（{_n(total)}）+ 四（{_n(carry)}）= {right}，相差 {abs(left - right)}",
                    f"table 3, {T3_COLUMNS_EN[c]}: new ({_n(new)}) + carried over ({_n(carried)}) = {left}, but "
                    f"total ({_n(total)}) + carried forward ({_n(carry)}) = {right}, difference {abs(left - right)}",
                    column=T3_COLUMNS[c], left=left, right=right)


class RowTotal(Rule):
    """表三行合计错误（T204）。

    作用
        表三每一行的“总计”列应等于自然人、商业企业、科研机构、社会公益组织、法律服务
        机构、其他六列之和。不等时报告，列出各列数字和差额。该行有缺失或无效的数字时
        不检查。

    为什么
        行合计错误说明分类统计和汇总不一致，往往是手工改数后忘了改合计。

    示例（错误）
        （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 7

    示例（正确）
        （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6

    选项
        无。
    """

    doc_en = """
    Wrong row total in table 三 (T204).

    Purpose
        In every row of table 三, the 总计 (total) column must equal the sum of the six
        columns 自然人 (natural persons), 商业企业 (businesses), 科研机构 (research
        institutions), 社会公益组织 (public-interest organisations), 法律服务机构 (legal
        service institutions) and 其他 (others). A row that does not is reported with the
        numbers of each column and the difference. A row with a missing or invalid number is
        not checked.

    Why
        A wrong row total means the breakdown and the total disagree, often because a number
        was changed by hand and the total was not.

    Wrong
        （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 7
        (Row （一） "granted" of table 三, as label | the seven columns: 5 + 1 + 0 + 0 + 0 + 0 =
        6, but the total says 7.)

    Right
        （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6
        (The total is 6.)

    Options
        None.
    """

    code = "T204"
    name = "row-total"
    severity = Severity.ERROR
    eras = TABLE_ERAS
    requires = _NEEDS

    def check(self, report, ctx):
        t3 = report.facts.tables.t3
        if t3 is None:
            return
        labels = None
        for key, numbers in _t3_numbers(report).items():
            if None in numbers or sum(numbers[:6]) == numbers[6]:
                continue  # a value not valid, or the row adds up
            if labels is None:
                labels = {s.key: s.label for s in T3_ROWS[t3.era]}
            row = t3.rows[key]
            parts, total = row.values[:6], row.values[6]
            s = sum(v.number for v in parts)
            if s != total.number:
                yield self.finding(
                    total.cell.span(),
                    f"表三“{labels[row.key]}”行：{' + '.join(_n(v) for v in parts)} = {s}，总计列为 {_n(total)}，相差 {abs(s - total.number)}",
                    f"table 3 row '{row.key}': {' + '.join(_n(v) for v in parts)} = {s}, but the total column says {_n(total)}",
                    row=row.key, sum=s, total=total.number)


class OutcomeTotal(Rule):
    """表三办理结果合计错误（T205）。

    作用
        表三每一列的“（七）总计”应等于各项办理结果之和：（一）予以公开 +（二）部分公开
        +（三）不予公开 1–8 项 +（四）无法提供 1–3 项 +（五）不予处理 1–5 项 +（六）其他
        处理（fmt2021 为 1–3 项）。不等时报告。该列有缺失或无效的数字时不检查。

    为什么
        总计与各项结果对不上，说明有申请被重复统计或漏计。

    示例（错误）
        （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6
        （二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1
        4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1
        1.本机关不掌握相关政府信息 | 2 | 0 | 0 | 1 | 0 | 0 | 3
        2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1
        （七）总计 | 11 | 1 | 0 | 1 | 0 | 0 | 13
        （其余各行为 0；自然人列 5 + 1 + 1 + 2 + 1 = 10，不是 11）

    示例（正确）
        （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6
        （二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1
        4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1
        1.本机关不掌握相关政府信息 | 2 | 0 | 0 | 1 | 0 | 0 | 3
        2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1
        （七）总计 | 10 | 1 | 0 | 1 | 0 | 0 | 12

    选项
        无。
    """

    doc_en = """
    Wrong outcome total in table 三 (T205).

    Purpose
        In every column of table 三, （七）总计 (total) must equal the sum of the outcomes:
        （一）予以公开 (granted) + （二）部分公开 (partly granted) + （三）不予公开 (refused)
        items 1–8 + （四）无法提供 (unable to provide) items 1–3 + （五）不予处理 (not
        processed) items 1–5 + （六）其他处理 (otherwise handled; items 1–3 in fmt2021). A
        column that does not is reported. A column with a missing or invalid number is not
        checked.

    Why
        A total that does not match the outcomes means some applications were counted twice
        or not at all.

    Wrong
        （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6
        （二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1
        4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1
        1.本机关不掌握相关政府信息 | 2 | 0 | 0 | 1 | 0 | 0 | 3
        2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1
        （七）总计 | 11 | 1 | 0 | 1 | 0 | 0 | 13
        （其余各行为 0；自然人列 5 + 1 + 1 + 2 + 1 = 10，不是 11）
        (The outcome rows of table 三; in the natural-persons column they add up to 10, but
        （七）总计 says 11.)

    Right
        （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6
        （二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1
        4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1
        1.本机关不掌握相关政府信息 | 2 | 0 | 0 | 1 | 0 | 0 | 3
        2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1
        （七）总计 | 10 | 1 | 0 | 1 | 0 | 0 | 12
        (（七）总计 is 10 in the natural-persons column and 12 in all.)

    Options
        None.
    """

    code = "T205"
    name = "outcome-total"
    severity = Severity.ERROR
    eras = TABLE_ERAS
    requires = _NEEDS

    def check(self, report, ctx):
        t3 = report.facts.tables.t3
        if t3 is None:
            return
        keys = T3_OUTCOMES[t3.era]
        numbers = _t3_numbers(report)
        if not all(k in numbers for k in keys) or "total" not in numbers:
            return  # a row missing or without its 7 values: no column can be added up
        columns = zip(*map(numbers.__getitem__, keys + ("total",)))
        labels = None
        for c, column in enumerate(columns):
            if None in column or sum(column[:-1]) == column[-1]:
                continue  # a value not valid, or the column adds up
            vals = _column_ok(t3, keys + ("total",), c)
            if vals is None:
                continue
            parts, total = vals[:-1], vals[-1]
            s = sum(v.number for v in parts)
            if s != total.number:
                if labels is None:
                    labels = {s.key: s.label for s in T3_ROWS[t3.era]}
                nonzero = [(k, v) for k, v in zip(keys, parts) if v.number]
                expr = " + ".join(f"{_short(labels[k])}（{_n(v)}）" for k, v in nonzero) or "0"
                yield self.finding(
                    total.cell.span(),
                    f"表三 {T3_COLUMNS[c]}列：各项办理结果之和 {expr} = {s}，（七）总计为 {_n(total)}，相差 {abs(s - total.number)}",
                    f"table 3, {T3_COLUMNS_EN[c]}: the outcomes add up to {s}, but the total says {_n(total)}",
                    column=T3_COLUMNS[c], sum=s, total=total.number)


class ReviewLitigationTotal(Rule):
    """表四合计错误（T206）。

    作用
        表四三组（行政复议；行政诉讼·未经复议直接起诉；行政诉讼·复议后起诉）中，每组
        的“总计”应等于结果维持 + 结果纠正 + 其他结果 + 尚未审结。不等时报告。

    为什么
        总计与分项不符说明案件统计有误。

    示例（错误）
        行政复议 | 1 | 1 | 0 | 0 | 3
        （依次为结果维持、结果纠正、其他结果、尚未审结、总计）

    示例（正确）
        行政复议 | 1 | 1 | 0 | 0 | 2

    选项
        无。
    """

    doc_en = """
    Wrong total in table 四 (T206).

    Purpose
        In each of the three groups of table 四 (administrative reconsideration; litigation
        without prior reconsideration; litigation after reconsideration), the 总计 (total)
        must equal 结果维持 (upheld) + 结果纠正 (corrected) + 其他结果 (other result) + 尚未
        审结 (pending). A group that does not is reported.

    Why
        A total that does not match its parts means the cases were miscounted.

    Wrong
        行政复议 | 1 | 1 | 0 | 0 | 3
        （依次为结果维持、结果纠正、其他结果、尚未审结、总计）
        (The reconsideration group of table 四: 1 upheld + 1 corrected + 0 other + 0 pending =
        2, but the total says 3.)

    Right
        行政复议 | 1 | 1 | 0 | 0 | 2
        (The total is 2.)

    Options
        None.
    """

    code = "T206"
    name = "review-litigation-total"
    severity = Severity.ERROR
    eras = TABLE_ERAS
    requires = _NEEDS

    def check(self, report, ctx):
        t4 = report.facts.tables.t4
        if t4 is None or len(t4.values) != 15:
            return
        for g in range(3):
            group = t4.values[g * 5: g * 5 + 5]
            if not all(v.ok for v in group):
                continue
            parts, total = group[:4], group[4]
            s = sum(v.number for v in parts)
            if s != total.number:
                expr = " + ".join(f"{name}（{_n(v)}）" for name, v in zip(T4_RESULTS, parts))
                yield self.finding(
                    total.cell.span(),
                    f"表四 {T4_GROUPS[g]}：{expr} = {s}，总计为 {_n(total)}，相差 {abs(s - total.number)}",
                    f"table 4, {T4_GROUPS_EN[g]}: the outcomes add up to {s}, but the total says {_n(total)}",
                    group=T4_GROUPS[g], sum=s, total=total.number)


class InvalidCell(Rule):
    """表格单元格无效（T207）。

    作用
        表格中应填数字的单元格留空、填“/”“-”“无”，或填了负数、小数、文字时报告
        （数量必须是非负整数；“本年增/减”可以带正负号；金额可以是小数并带“万元/元”）。

    为什么
        没有发生也应填 0；空格和“/”让人无法判断是没有发生还是漏填，也无法核对合计。

    示例（错误）
        （一）予以公开 | 5 | 1 | / | 0 | 0 | 0 | 6

    示例（正确）
        （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6

    选项
        无。
    """

    doc_en = """
    Invalid table cell (T207).

    Purpose
        Reported when a cell of a table that should hold a number is blank or holds "/", "-",
        无 ("none"), a negative number, a fraction or text (counts must be non-negative
        integers; 本年增/减 "increase/decrease this year" may carry a sign; amounts of money
        may be decimals with 万元 or 元).

    Why
        When nothing happened, the cell should say 0; a blank or "/" leaves the reader unable
        to tell "none" from "not filled in", and the totals cannot be checked.

    Wrong
        （一）予以公开 | 5 | 1 | / | 0 | 0 | 0 | 6
        (Row （一） "granted" of table 三 has "/" in the research-institutions column.)

    Right
        （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6
        (0 instead of "/".)

    Options
        None.
    """

    code = "T207"
    name = "invalid-cell"
    severity = Severity.ERROR
    eras = TABLE_ERAS
    requires = _NEEDS

    def check(self, report, ctx):
        tables = report.facts.tables
        rows = []  # (zh, en, the values of one row)
        if tables.t3 is not None:
            rows += [("表三", "table 3", row.values) for row in tables.t3.rows.values()]
        if tables.t4 is not None:
            rows.append(("表四", "table 4", tables.t4.values))
        if tables.t2 is not None:
            rows += [("表二", "table 2", row.values) for b in tables.t2.blocks.values() for row in b.rows.values()]
        kind_zh = {"count": "非负整数", "signed": "带正负号的整数", "money": "金额"}
        # A value is valid exactly when it has a number: the rows whose values all have one are passed over.
        values = ((zh, en, v) for zh, en, vs in rows if None in map(_NUMBER, vs) for v in vs)
        for zh, en, v in values:
            if v.ok or v.cell is None:
                continue
            shown = {"blank": "空白", "placeholder": f"“{v.text}”"}.get(v.status, f"“{v.text}”")
            yield self.finding(v.cell.span(), f"{zh}单元格为{shown}，应填写{kind_zh[v.kind]}（没有发生填 0）",
                               f"{en} cell is {'blank' if v.status == 'blank' else repr(v.text)}: expected a "
                               f"{ {'count': 'non-negative integer', 'signed': 'signed integer', 'money': 'money amount'}[v.kind]} (0 when none)",
                               text=v.text, status=v.status)


class WrongFormatVersion(Rule):
    """表格格式版本错误（T208）。

    作用
        报告年度决定应使用的年报格式：2019、2020 年度用 2019 年格式（国办公开办函
        〔2019〕60号），2021 年度起用 2021 年格式（国办公开办函〔2021〕30号）。表格使用
        了另一版格式的标签时报告（例如 2022 年度报告的表二仍是“本年新制作数量、本年
        新公开数量、对外公开总数量”，或表三没有“（六）其他处理”的三个分项）。只根据
        能区分两版格式的标签判断。

    为什么
        套用旧格式是常见问题，旧表缺少新格式要求统计的项目。

    示例（错误）
        标题：某市某区某某局2022年政府信息公开工作年度报告
        表格：2019年格式
        （表二的栏目是“本年新制作数量、本年新公开数量、对外公开总数量”，表三的“（六）其他处理”只有一行）

    示例（正确）
        标题：某市某区某某局2022年政府信息公开工作年度报告
        表格：2021年格式
        （表二的栏目是“本年制发件数、本年废止件数、现行有效件数”，表三的“（六）其他处理”分为三项）

    选项
        无。
    """

    doc_en = """
    Tables of the wrong format version (T208).

    Purpose
        The report year decides the report format: the 2019 format (国办公开办函〔2019〕60号)
        for 2019 and 2020, the 2021 format (国办公开办函〔2021〕30号) from 2021 on. Reported
        when a table uses the labels of the other format (for instance, table 二 of a 2022
        report still has 本年新制作数量, 本年新公开数量, 对外公开总数量 "newly made, newly
        published, total published", or table 三 lacks the three sub-items of （六）其他处理).
        Only labels that tell the two formats apart are used.

    Why
        Reusing the old format is a common defect, and the old tables lack items the new
        format requires.

    Wrong
        标题：某市某区某某局2022年政府信息公开工作年度报告
        表格：2019年格式
        （表二的栏目是“本年新制作数量、本年新公开数量、对外公开总数量”，表三的“（六）其他处理”只有一行）
        (标题 = title, 表格 = tables: a 2022 report with the 2019 tables — table 二's columns
        are "newly made, newly published, total published", and table 三's "（六）otherwise
        handled" is one row.)

    Right
        标题：某市某区某某局2022年政府信息公开工作年度报告
        表格：2021年格式
        （表二的栏目是“本年制发件数、本年废止件数、现行有效件数”，表三的“（六）其他处理”分为三项）
        (The 2021 tables: table 二's columns are "issued, repealed, in force this year", and
        （六） has three sub-items.)

    Options
        None.
    """

    code = "T208"
    name = "wrong-format-version"
    severity = Severity.WARNING
    eras = TABLE_ERAS
    requires = _NEEDS

    def check(self, report, ctx):
        tables = report.facts.tables
        names = {Era.FMT2019: ("2019 年格式（国办公开办函〔2019〕60号）", "the 2019 format"),
                 Era.FMT2021: ("2021 年格式（国办公开办函〔2021〕30号）", "the 2021 format")}
        for zh, en, table in (("表二", "table 2", tables.t2), ("表三", "table 3", tables.t3)):
            if table is None or not table.era_from_labels or table.era is report.era:
                continue
            yield self.finding(table.anchor.span(),
                               f"{report.year}年度报告应使用{names[report.era][0]}，但{zh}使用的是{names[table.era][0]}的标签",
                               f"a {report.year} report must use {names[report.era][1]}, but {en} has the labels of {names[table.era][1]}",
                               expected=report.era.value, found=table.era.value)


_LOW_LEVEL_RE = rx.compile(r"[县区旗]")


class ImplausibleValue(Rule):
    """表格数值不合常理（T209）。

    作用
        提示（不是错误）看起来不合常理的数值：

        - 乡镇（街道）或县区级部门报告了制发“规章”（只有国务院部门和省、设区的市
          人民政府能制定规章）；
        - fmt2021 表二中“现行有效件数”小于“本年制发件数 − 本年废止件数”；
        - 三张表的所有数字全部为 0。

    为什么
        这些情况多半是填错了栏目或套用了模板，值得发布前再看一眼。

    示例（错误）
        标题：某县某镇人民政府2022年政府信息公开工作年度报告
        信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
        规章 | 2 | 0 | 2

    示例（正确）
        标题：某县某镇人民政府2022年政府信息公开工作年度报告
        信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
        规章 | 0 | 0 | 0
        行政规范性文件 | 3 | 1 | 25

    选项
        无。
    """

    doc_en = """
    Implausible table values (T209).

    Purpose
        Flags (as information, not errors) values that look implausible:

        - a township (subdistrict) or a county/district department reports issuing rules
          (规章; only State Council departments and the people's governments of provinces and
          districted cities may make rules);
        - in table 二 of fmt2021, 现行有效件数 (in force) is less than 本年制发件数 (issued)
          − 本年废止件数 (repealed);
        - every number in the three tables is 0.

    Why
        These are usually a wrong column or an unfilled template, and deserve a second look
        before publication.

    Wrong
        标题：某县某镇人民政府2022年政府信息公开工作年度报告
        信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
        规章 | 2 | 0 | 2
        (A town government reports issuing 2 rules.)

    Right
        标题：某县某镇人民政府2022年政府信息公开工作年度报告
        信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
        规章 | 0 | 0 | 0
        行政规范性文件 | 3 | 1 | 25
        (The town reports no rules, and 3 normative documents issued, 1 repealed, 25 in force.)

    Options
        None.
    """

    code = "T209"
    name = "implausible-value"
    severity = Severity.INFO
    eras = TABLE_ERAS
    requires = _NEEDS

    def check(self, report, ctx):
        tables = report.facts.tables
        t2 = tables.t2
        block = t2.blocks.get("一") if t2 is not None else None
        if block is not None:
            gz = block.rows.get("规章")
            low = report.agency_kind is AgencyKind.TOWNSHIP or (
                report.agency_kind is AgencyKind.DEPARTMENT and _LOW_LEVEL_RE.search(report.agency or ""))
            if gz is not None and gz.values and gz.values[0].ok and gz.values[0].number > 0 and low:
                yield self.finding(gz.values[0].cell.span(), f"{report.agency}报告制发规章 {_n(gz.values[0])} 件，但该级机关无权制定规章",
                                   f"{report.agency} reports {_n(gz.values[0])} new rules (规章), which bodies at its level cannot make")
            if t2.era is Era.FMT2021:
                for row in block.rows.values():
                    if len(row.values) == 3 and all(v.ok for v in row.values):
                        made, repealed, stock = (v.number for v in row.values)
                        if stock < made - repealed:
                            yield self.finding(row.values[2].cell.span(),
                                               f"表二“{row.spec.label}”现行有效件数 {stock} 小于本年制发 {made} − 本年废止 {repealed}",
                                               f"table 2 '{row.key}': {stock} in force is less than {made} made − {repealed} repealed")
        values = []
        if tables.t2 is not None:
            values += [v for b in tables.t2.blocks.values() for r in b.rows.values() for v in r.values]
        if tables.t3 is not None:
            values += [v for r in tables.t3.rows.values() for v in r.values]
        if tables.t4 is not None:
            values += list(tables.t4.values)
        if len(values) >= 20 and all(v.ok and v.number == 0 for v in values):
            anchor = (tables.t2 or tables.t3 or tables.t4).anchor
            yield self.finding(anchor.span(), "表格中的所有数字都为 0，请确认是否如实填报",
                               "every number in the tables is 0: please confirm this is accurate")


RULES = [MissingTable, TableShape, ApplicationBalance, RowTotal, OutcomeTotal, ReviewLitigationTotal,
         InvalidCell, WrongFormatVersion, ImplausibleValue]
