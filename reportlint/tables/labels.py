"""Canonical labels of the three tables, per format era (DOMAIN.md §3).

Every pattern is matched against :func:`~reportlint.tables.normalise.norm_label`
output (half-width brackets, no spaces, Simplified characters), and is the
shortest phrase that identifies the row unambiguously in its table.
"""

from __future__ import annotations

import re

from reportlint import rx
from reportlint.model import Era
from reportlint.records import Record

# --------------------------------------------------------------------------- table 三
T3_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
T3_COLUMNS_EN = ("natural persons", "businesses", "research institutions", "public-interest organisations",
                 "legal service institutions", "others", "total")


_REGEX_SYNTAX = frozenset("\\.^$*+?{}[]()")


class RowSpec(Record):
    __slots__ = ("key", "label", "pattern", "literals")

    def __init__(self, key: str, label: str, pattern: re.Pattern[str]) -> None:
        self.key = key
        self.label = label  # the canonical label, for messages
        self.pattern = pattern
        # The alternatives when the pattern is plain words ("没有现成信息|另行制作"), else
        # None: a text that holds none of them cannot match, which an `in` test shows
        # several times faster than a search.
        self.literals = tuple(pattern.pattern.split("|")) if _REGEX_SYNTAX.isdisjoint(pattern.pattern) else None


def _row(key: str, label: str, pattern: str) -> RowSpec:
    return RowSpec(key, label, rx.compile(pattern))


_T3_HEAD = (
    _row("new", "一、本年新收政府信息公开申请数量", r"本年新收"),
    _row("carried", "二、上年结转政府信息公开申请数量", r"上年结转"),
    _row("granted", "（一）予以公开", r"(?<!不)予以公开"),
    _row("partial", "（二）部分公开", r"部分公开"),
    _row("refused.1", "（三）不予公开 1.属于国家秘密", r"国家秘密"),
    _row("refused.2", "（三）不予公开 2.其他法律行政法规禁止公开", r"禁止公开"),
    _row("refused.3", "（三）不予公开 3.危及“三安全一稳定”", r"三安全一稳定"),
    _row("refused.4", "（三）不予公开 4.保护第三方合法权益", r"第三方合法权益"),
    _row("refused.5", "（三）不予公开 5.属于三类内部事务信息", r"内部事务信息"),
    _row("refused.6", "（三）不予公开 6.属于四类过程性信息", r"过程性信息"),
    _row("refused.7", "（三）不予公开 7.属于行政执法案卷", r"行政执法案卷"),
    _row("refused.8", "（三）不予公开 8.属于行政查询事项", r"行政查询事项"),
    _row("unable.1", "（四）无法提供 1.本机关不掌握相关政府信息", r"不掌握"),
    _row("unable.2", "（四）无法提供 2.没有现成信息需要另行制作", r"没有现成信息|另行制作"),
    _row("unable.3", "（四）无法提供 3.补正后申请内容仍不明确", r"仍不明确"),
    _row("rejected.1", "（五）不予处理 1.信访举报投诉类申请", r"信访举报投诉"),
    _row("rejected.2", "（五）不予处理 2.重复申请", r"(?<!反复)(?<!大量)重复申请"),
    _row("rejected.3", "（五）不予处理 3.要求提供公开出版物", r"公开出版物"),
    _row("rejected.4", "（五）不予处理 4.无正当理由大量反复申请", r"大量反复申请"),
    _row("rejected.5", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息", r"重新出具"),
)
_T3_TAIL = (
    _row("total", "（七）总计", r"\(七\)总计|^总计$"),
    _row("carry_next", "四、结转下年度继续办理", r"结转下年度"),
)
T3_ROWS = {
    Era.FMT2019: _T3_HEAD + (_row("other", "（六）其他处理", r"其他处理"),) + _T3_TAIL,
    Era.FMT2021: _T3_HEAD + (
        _row("other.1", "（六）其他处理 1.申请人无正当理由逾期不补正", r"逾期不补正"),
        _row("other.2", "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用", r"收费通知|缴纳费用"),
        _row("other.3", "（六）其他处理 3.其他", r"^(?:\(六\)其他处理)?3\.?其他$|^其他$"),
    ) + _T3_TAIL,
}
# Rows whose sum is （七）总计 (T3-OUTCOMES), per era.
T3_OUTCOMES = {era: tuple(r.key for r in rows if r.key not in ("new", "carried", "total", "carry_next"))
               for era, rows in T3_ROWS.items()}
# Labels that only one era's table 三 has.
T3_ERA_MARKERS = {Era.FMT2021: rx.compile(r"逾期不补正|收费通知|缴纳费用")}

# --------------------------------------------------------------------------- table 四
T4_GROUPS = ("行政复议", "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉")
T4_GROUPS_EN = ("administrative review", "litigation without prior review", "litigation after review")
T4_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
T4_RESULTS_EN = ("upheld", "corrected", "other outcome", "pending", "total")
T4_ANCHOR = rx.compile(r"结果维持|尚未审结|未经复议直接起诉|复议后起诉")

# --------------------------------------------------------------------------- table 二


class BlockSpec(Record):
    __slots__ = ("item", "columns", "kinds", "rows")

    def __init__(self, item: str, columns: tuple[str, ...], kinds: tuple[str, ...], rows: tuple[RowSpec, ...]) -> None:
        self.item = item  # "一", "五", "六", "八", "九"
        self.columns = columns
        self.kinds = kinds  # "count", "signed" or "money" per column
        self.rows = rows


T2_BLOCKS = {
    Era.FMT2021: (
        BlockSpec("一", ("本年制发件数", "本年废止件数", "现行有效件数"), ("count", "count", "count"),
                  (_row("规章", "规章", r"^规章$"), _row("规范性文件", "行政规范性文件", r"规范性文件"))),
        BlockSpec("五", ("本年处理决定数量",), ("count",), (_row("行政许可", "行政许可", r"行政许可"),)),
        BlockSpec("六", ("本年处理决定数量",), ("count",),
                  (_row("行政处罚", "行政处罚", r"行政处罚"), _row("行政强制", "行政强制", r"行政强制"))),
        BlockSpec("八", ("本年收费金额（单位：万元）",), ("money",), (_row("行政事业性收费", "行政事业性收费", r"行政事业性收费"),)),
    ),
    Era.FMT2019: (
        BlockSpec("一", ("本年新制作数量", "本年新公开数量", "对外公开总数量"), ("count", "count", "count"),
                  (_row("规章", "规章", r"^规章$"), _row("规范性文件", "规范性文件", r"规范性文件"))),
        BlockSpec("五", ("上一年项目数量", "本年增/减", "处理决定数量"), ("count", "signed", "count"),
                  (_row("行政许可", "行政许可", r"行政许可"),
                   _row("其他对外管理服务事项", "其他对外管理服务事项", r"对外管理服务事项"))),
        BlockSpec("六", ("上一年项目数量", "本年增/减", "处理决定数量"), ("count", "signed", "count"),
                  (_row("行政处罚", "行政处罚", r"行政处罚"), _row("行政强制", "行政强制", r"行政强制"))),
        BlockSpec("八", ("上一年项目数量", "本年增/减"), ("count", "signed"),
                  (_row("行政事业性收费", "行政事业性收费", r"行政事业性收费"),)),
        BlockSpec("九", ("采购项目数量", "采购总金额"), ("count", "money"),
                  (_row("政府集中采购", "政府集中采购", r"政府集中采购"),)),
    ),
}
T2_BLOCK_RE = rx.compile(r"第二十条第\(([一二三四五六七八九十]+)\)项")
T2_ERA_MARKERS = {
    Era.FMT2021: rx.compile(r"本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额"),
    Era.FMT2019: rx.compile(r"本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增/减|采购项目数量|第二十条第\(九\)项"),
}

# --------------------------------------------------------------------------- region detection
# Phrases that mark a line as part of one of the three tables (normalised form).
TABLE_PHRASES = rx.compile("|".join([
    "本年新收", "上年结转", "本年度办理结果", "予以公开", "部分公开", "不予公开", "国家秘密", "禁止公开",
    "三安全一稳定", "第三方合法权益", "内部事务信息", "过程性信息", "行政执法案卷", "行政查询事项", "无法提供",
    "不掌握", "没有现成信息", "仍不明确", "不予处理", "信访举报投诉", "重复申请", "公开出版物", "大量反复申请",
    "重新出具", "其他处理", "逾期不补正", "收费通知", "总计", "结转下年度", "自然人", "法人或其他组织",
    "商业企业", "科研机构", "社会公益组织", "法律服务机构", "申请人情况",
    "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "未经复议直接起诉", "复议后起诉",
    "第二十条第", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "本年新制作数量", "本年新公开数量",
    "对外公开总数量", "上一年项目数量", "本年增/减", "处理决定数量", "本年收费金额", "采购项目数量", "采购总金额",
    "规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费", "政府集中采购", "对外管理服务事项",
]))
