"""A deterministic corpus of report-like texts for benchmarks.

``generate(n, seed)`` yields (name, text) pairs: a mix of the three eras
(reg2008 prose reports; fmt2019 and fmt2021 reports with tables), layouts
(paragraph, wrapped one visual line per text line, tab / pipe / one cell per
line tables), sizes from about 5 to 50 KB, and some planted defects (blank
dates, wrong brackets, sums that do not add up). The same seed always gives
the same corpus, byte for byte.
"""

from __future__ import annotations

import random

AGENCIES = ["安平市河西区人力资源和社会保障局", "安平市东兴区自然资源局", "安平市南湖区人民政府",
            "安平市柳泉镇人民政府", "安平市市场监督管理局", "安平市河东区教育局", "安平市北山区卫生健康委员会",
            "安平市交通运输局", "安平市城关街道办事处", "安平市生态环境局"]

SENTENCES = [
    "我单位坚持以公开为常态、不公开为例外，认真贯彻落实《中华人民共和国政府信息公开条例》。",
    "健全政府信息公开工作机制，明确分管领导和专职工作人员，做到责任到人。",
    "通过门户网站、政务新媒体和政务服务大厅等渠道，及时发布与群众切身利益相关的信息。",
    "严格落实保密审查制度，拟公开的信息均经科室初审、分管领导复核后方予发布。",
    "围绕优化营商环境、乡村振兴、民生保障等重点领域，持续加大信息公开力度。",
    "组织开展政务公开业务培训{n}次，参训人员{m}人次，工作人员业务能力明显提升。",
    "及时更新政府信息公开指南和目录，方便公众查阅和申请。",
    "对群众关注的热点问题，通过新闻发布会、在线访谈等方式进行政策解读和回应。",
    "主动公开政府信息{t}条，其中：政策文件{a}条，工作动态{b}条，其他信息{c}条。",
    "依照《安平市政府信息公开工作考核办法》（安政办发〔{y}〕{k}号）开展自查。",
]
DEFECTS = [
    "审批时间：{y}年 月 日",
    "根据《关于做好政务公开工作的通知》（安政办发[{y}]{k}号）要求，认真抓好落实。",
    "主动公开政府信息{t}条，其中：政策文件{a}条，工作动态{b}条，其他信息{cc}条。",
    "截止目前，共办理各类事项{m}件。",
]


def _sentence(rng: random.Random, year: int, defect: bool) -> str:
    pool = DEFECTS if defect else SENTENCES
    a, b, c = rng.randint(1, 60), rng.randint(20, 300), rng.randint(1, 80)
    return rng.choice(pool).format(n=rng.randint(1, 9), m=rng.randint(10, 500), t=a + b + c, a=a, b=b, c=c,
                                   cc=c + 1, y=year, k=rng.randint(1, 150))


def _paragraphs(rng, year, count, defect_rate):
    return ["".join(_sentence(rng, year, rng.random() < defect_rate) for _ in range(rng.randint(2, 5)))
            for _ in range(count)]


def _wrap(text: str, width: int = 27) -> str:
    return "\n\n".join(text[i:i + width] for i in range(0, len(text), width))


def _t3_rows(rng):
    new = [rng.randint(0, 30) for _ in range(6)]
    carried = [rng.randint(0, 3) for _ in range(6)]
    granted = [x // 2 for x in new]
    unable = [x - g for x, g in zip(new, granted)]
    total = [g + u for g, u in zip(granted, unable)]
    rows = [("一、本年新收政府信息公开申请数量", new), ("二、上年结转政府信息公开申请数量", carried),
            ("三、本年度办理结果\t（一）予以公开", granted), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [0] * 6)]
    for i, label in enumerate(["属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益",
                               "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项"], 1):
        rows.append(((("（三）不予公开\t") if i == 1 else "") + f"{i}.{label}", [0] * 6))
    rows.append(("（四）无法提供\t1.本机关不掌握相关政府信息", unable))
    rows += [("2.没有现成信息需要另行制作", [0] * 6), ("3.补正后申请内容仍不明确", [0] * 6)]
    for i, label in enumerate(["信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请",
                               "要求行政机关确认或重新出具已获取信息"], 1):
        rows.append(((("（五）不予处理\t") if i == 1 else "") + f"{i}.{label}", [0] * 6))
    rows += [("（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [0] * 6),
             ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0] * 6),
             ("3.其他", [0] * 6), ("（七）总计", total), ("四、结转下年度继续办理", carried)]
    return [(label, vals + [sum(vals)]) for label, vals in rows]


def _table(rows, layout):
    if layout == "cells":
        return "\n\n".join(x for label, vals in rows for x in label.split("\t") + [str(v) for v in vals])
    sep = "\t" if layout == "tabs" else " | "
    return "\n".join(sep.join(label.split("\t") + [str(v) for v in vals]) for label, vals in rows)


def _report(rng: random.Random, target_kb: int, era: str | None = None) -> str:
    era = era or rng.choice(["reg2008", "fmt2019", "fmt2021"])
    year = {"reg2008": rng.randint(2014, 2018), "fmt2019": rng.randint(2019, 2020), "fmt2021": rng.randint(2021, 2024)}[era]
    agency = rng.choice(AGENCIES)
    defect_rate = rng.choice([0.0, 0.0, 0.05, 0.15])
    wrapped = rng.random() < 0.3
    layout = rng.choice(["tabs", "pipes", "cells"])
    out = [f"{agency}{year}年政府信息公开工作年度报告", "",
           f"本报告根据《中华人民共和国政府信息公开条例》编制，统计期限为{year}年1月1日至{year}年12月31日。", ""]
    heads = (["一、主动公开政府信息的情况", "二、依申请公开政府信息和不予公开政府信息的情况", "三、政府信息公开的收费及减免情况",
              "四、因政府信息公开申请行政复议、提起行政诉讼的情况", "五、政府信息公开工作存在的主要问题及改进情况", "六、其他需要报告的事项"]
             if era == "reg2008" else
             ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
              "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"])
    # About 380 bytes of paragraph per unit (measured), 12 subsections, plus the table.
    per_section = max(1, round((target_kb * 1024 - 3000) / (12 * 380)))
    for h in heads:
        out += [h, ""]
        for k in range(1, 3):
            out += [f"（{'一二三四五'[k - 1]}）工作情况{k}", ""]
            for p in _paragraphs(rng, year, per_section, defect_rate):
                out += [_wrap(p) if wrapped else p, ""]
        if era != "reg2008" and h.startswith("三、"):
            out += [_table(_t3_rows(rng), layout), ""]
    out += [agency, "", f"{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日", ""]
    return "\n".join(out)


def generate(n: int, seed: int = 20261122, min_kb: int = 6, max_kb: int = 50):
    rng = random.Random(seed)
    for i in range(n):
        yield f"report-{i:05d}.txt", _report(rng, rng.randint(min_kb, max_kb))


def scaled(factor: int, seed: int = 7) -> str:
    """One fmt2021 report of about 20 KB × ``factor`` (for the linearity measurement)."""
    return _report(random.Random(seed), 20 * factor, era="fmt2021")
