"""Render one table 三 (and 四) in every layout real extractions produce.

Tests feed the same numbers through each layout and assert the parser reads
the same values back, so a layout can never silently lose a row.
"""

from __future__ import annotations

T3_HEADER = [
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
    ["", "自然人", "法人或其他组织", "", "", "", "", "其他", "总计"],
    ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "", "", ""],
]

# (key, label cells before the numbers)
T3_ROWS_2021 = [
    ("new", ["一、本年新收政府信息公开申请数量"]),
    ("carried", ["二、上年结转政府信息公开申请数量"]),
    ("granted", ["三、本年度办理结果", "（一）予以公开"]),
    ("partial", ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]),
    ("refused.1", ["（三）不予公开", "1.属于国家秘密"]),
    ("refused.2", ["2.其他法律行政法规禁止公开"]),
    ("refused.3", ["3.危及“三安全一稳定”"]),
    ("refused.4", ["4.保护第三方合法权益"]),
    ("refused.5", ["5.属于三类内部事务信息"]),
    ("refused.6", ["6.属于四类过程性信息"]),
    ("refused.7", ["7.属于行政执法案卷"]),
    ("refused.8", ["8.属于行政查询事项"]),
    ("unable.1", ["（四）无法提供", "1.本机关不掌握相关政府信息"]),
    ("unable.2", ["2.没有现成信息需要另行制作"]),
    ("unable.3", ["3.补正后申请内容仍不明确"]),
    ("rejected.1", ["（五）不予处理", "1.信访举报投诉类申请"]),
    ("rejected.2", ["2.重复申请"]),
    ("rejected.3", ["3.要求提供公开出版物"]),
    ("rejected.4", ["4.无正当理由大量反复申请"]),
    ("rejected.5", ["5.要求行政机关确认或重新出具已获取信息"]),
    ("other.1", ["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]),
    ("other.2", ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]),
    ("other.3", ["3.其他"]),
    ("total", ["（七）总计"]),
    ("carry_next", ["四、结转下年度继续办理"]),
]

Z = [0] * 7


def t3_values() -> dict[str, list[int]]:
    """A table 三 whose every identity holds."""
    v = {key: list(Z) for key, _ in T3_ROWS_2021}
    v["new"] = [10, 2, 0, 1, 0, 0, 13]
    v["carried"] = [1, 0, 0, 0, 0, 0, 1]
    v["granted"] = [5, 1, 0, 0, 0, 0, 6]
    v["partial"] = [1, 0, 0, 0, 0, 0, 1]
    v["refused.4"] = [1, 0, 0, 0, 0, 0, 1]
    v["unable.1"] = [2, 0, 0, 1, 0, 0, 3]
    v["rejected.2"] = [1, 0, 0, 0, 0, 0, 1]
    v["total"] = [10, 1, 0, 1, 0, 0, 12]
    v["carry_next"] = [1, 1, 0, 0, 0, 0, 2]
    return v


def _cells(values, key):
    return [str(x) for x in values[key]]


def t3_tabs(values) -> str:
    lines = ["\t".join(r) for r in T3_HEADER]
    for key, labels in T3_ROWS_2021:
        lines.append("\t".join(labels + _cells(values, key)))
    return "\n".join(lines)


def t3_pipes(values) -> str:
    lines = [" | ".join(r) for r in T3_HEADER]
    for key, labels in T3_ROWS_2021:
        lines.append(" | ".join(labels + _cells(values, key)))
    return "\n".join(lines)


def t3_markdown(values) -> str:
    lines = ["| " + " | ".join(["项目", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]) + " |",
             "|" + "---|" * 9]
    for key, labels in T3_ROWS_2021:
        labels = labels if len(labels) == 2 else [""] + labels
        lines.append("| " + " | ".join(labels + _cells(values, key)) + " |")
    return "\n".join(lines)


def t3_cell_per_line(values) -> str:
    out = []
    for r in T3_HEADER:
        out.extend(c for c in r if c)
    for key, labels in T3_ROWS_2021:
        for label in labels:
            if len(label) > 16:  # long labels are broken in two, as narrow PDF cells do
                out.extend([label[:14], label[14:]])
            else:
                out.append(label)
        out.extend(_cells(values, key))
    return "\n\n".join(out)


def t3_label_then_numbers(values) -> str:
    out = ["申请人情况", "自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计"]
    for key, labels in T3_ROWS_2021:
        out.append("".join(labels))
        out.append(" | ".join(_cells(values, key)))
    return "\n".join(out)


LAYOUTS = {
    "tabs": t3_tabs,
    "pipes": t3_pipes,
    "markdown": t3_markdown,
    "cell-per-line": t3_cell_per_line,
    "label-then-numbers": t3_label_then_numbers,
}

T4_HEADER_TABS = "\n".join([
    "行政复议\t行政诉讼",
    "\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉",
    "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3),
])


def t4_values() -> list[int]:
    return [1, 1, 0, 0, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]


def t4_tabs(values) -> str:
    return T4_HEADER_TABS + "\n" + "\t".join(str(v) for v in values)


T2_2021 = """第二十条第（一）项
信息内容\t本年制发件数\t本年废止件数\t现行有效件数
规章\t0\t0\t0
行政规范性文件\t3\t1\t25
第二十条第（五）项
信息内容\t本年处理决定数量
行政许可\t120
第二十条第（六）项
信息内容\t本年处理决定数量
行政处罚\t35
行政强制\t2
第二十条第（八）项
信息内容\t本年收费金额（单位：万元）
行政事业性收费\t12.5"""

T2_2019 = """第二十条第（一）项
信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
规章\t0\t0\t0
规范性文件\t3\t3\t25
第二十条第（五）项
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政许可\t40\t-2\t120
其他对外管理服务事项\t6\t0\t15
第二十条第（六）项
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政处罚\t80\t+3\t35
行政强制\t5\t0\t2
第二十条第（八）项
信息内容\t上一年项目数量\t本年增/减
行政事业性收费\t2\t0
第二十条第（九）项
信息内容\t采购项目数量\t采购总金额
政府集中采购\t4\t36.8万元"""


def report_2021(t3_text: str, t4_text: str | None = None, *, year: int = 2022, prose3: str = "",
                agency: str = "安平市某某局", closing: str | None = None, t2_text: str = T2_2021) -> str:
    """A minimal fmt2019/fmt2021 report holding the given table texts."""
    closing = closing or f"{year + 1}年1月20日"
    t4_text = t4_text if t4_text is not None else t4_tabs(t4_values())
    return f"""{agency}{year}年政府信息公开工作年度报告

本报告统计期限为{year}年1月1日至{year}年12月31日。

一、总体情况

本年度我局认真贯彻落实《中华人民共和国政府信息公开条例》。

二、主动公开政府信息情况

{t2_text}

三、收到和处理政府信息公开申请情况

{prose3}

{t3_text}

四、政府信息公开行政复议、行政诉讼情况

{t4_text}

五、存在的主要问题及改进情况

主动公开的及时性还需提高。

六、其他需要报告的事项

本年度未收取信息处理费。

{agency}

{closing}
"""


def t3_rows_2019():
    """The fmt2019 row list: （六）其他处理 is one leaf row."""
    rows = [r for r in T3_ROWS_2021 if not r[0].startswith("other.")]
    i = next(k for k, (key, _) in enumerate(rows) if key == "total")
    return rows[:i] + [("other", ["（六）其他处理"])] + rows[i:]


def t3_tabs_2019(values) -> str:
    lines = ["\t".join(r) for r in T3_HEADER]
    for key, labels in t3_rows_2019():
        lines.append("\t".join(labels + [str(x) for x in values.get(key, Z)]))
    return "\n".join(lines)


def tables_for(year: int) -> tuple[str, str, str]:
    """Clean tables 二, 三 and 四 (tab layout) in the format of ``year``'s era."""
    v = t3_values()
    if year <= 2020:
        v2019 = {k: x for k, x in v.items() if not k.startswith("other.")}
        v2019["other"] = list(Z)
        return T2_2019, t3_tabs_2019(v2019), t4_tabs(t4_values())
    return T2_2021, t3_tabs(v), t4_tabs(t4_values())
