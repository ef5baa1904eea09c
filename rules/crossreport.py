"""X — across reports: this year's report against last year's report of the same agency.

These rules are marked ``cross_report``: the engine does not run them per file
but, after all files are read, on each (last year, this year) pair of reports
(``reportlint.engine.report_pairs``): reports linted together whose agency
names agree (spaces and full/half width ignored) and whose years are
consecutive, or the report named with ``--previous FILE`` and each checked
report of the following year. ``check_pair(previous, current, ctx)`` yields
findings located in the current (later) report.
"""

from __future__ import annotations

import os

from reportlint import rx
import unicodedata

from reportlint.model import Era, Paragraph
from reportlint.rule import Rule, Severity
from reportlint.tables.labels import T3_COLUMNS, T3_COLUMNS_EN

_NEEDS = frozenset({"structure", "year"})


def _n(v) -> str:
    x = v.number
    return str(int(x)) if isinstance(x, float) and x.is_integer() else str(x)


def _name(report) -> str:
    return os.path.basename(report.path)


class CrossReportRule(Rule):
    """Base of the X rules (not registered itself)."""

    cross_report = True
    requires = _NEEDS

    def check(self, report, ctx):
        return ()  # needs two reports: see check_pair

    def check_pair(self, previous, current, ctx):
        raise NotImplementedError


# --------------------------------------------------------------------------- X701
class CarryoverMismatch(CrossReportRule):
    """上年结转与上一年度报告的结转下年度不一致（X701）。

    作用
        本年度报告表三“二、上年结转政府信息公开申请数量”应等于上一年度报告表三
        “四、结转下年度继续办理”，逐列比较（自然人、商业企业、科研机构、社会公益组织、
        法律服务机构、其他、总计）。不等的列各报告一次，指向本年度报告的单元格，并给出
        两份报告中的数字。需要同时检查两份报告：同一机关相邻两个年度的报告一起检查时
        自动配对，也可以用 ``--previous 上一年度报告.txt`` 指定。任一单元格缺失或无效时
        该列不比较（由 T202、T207 报告）；上一年度没有表三（2018 年及以前）时不检查。

    为什么
        上年结转的申请就是上一年度结转下年度继续办理的申请，两个数字应当相同。不一致
        通常是统计口径变化或填报错误；机构改革合并、划转职责时也可能合理地不同，因此
        只作为警告。

    示例（错误）
        上一年度报告：
        四、结转下年度继续办理 | 3 | 1 | 0 | 0 | 0 | 0 | 4
        本年度报告：
        二、上年结转政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3

    示例（正确）
        上一年度报告：
        四、结转下年度继续办理 | 3 | 1 | 0 | 0 | 0 | 0 | 4
        本年度报告：
        二、上年结转政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 4

    选项
        无。
    """

    doc_en = """
    This year's carried-over applications differ from last year's carried-forward ones (X701).

    Purpose
        Row 二 of table 3 (applications carried over from last year) must equal row 四 of
        last year's table 3 (carried forward to next year), column by column (natural
        persons, businesses, research institutions, public-interest organisations, legal
        service institutions, others, total). Each differing column is reported once, at
        this year's cell, with both numbers. Needs both reports: reports of one agency for
        consecutive years checked together are paired automatically, or name last year's
        report with ``--previous FILE``. A column with a missing or invalid cell is not
        compared (T202, T207 report it); no comparison when last year had no table 3.

    Why
        The applications carried over are exactly those carried forward the year before.
        A difference is usually a counting or typing error; a reorganisation can explain
        it, hence only a warning.

    Wrong
        上一年度报告：
        四、结转下年度继续办理 | 3 | 1 | 0 | 0 | 0 | 0 | 4
        本年度报告：
        二、上年结转政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3
        (Last year carried 3 applications of natural persons forward, this year says 2 were carried over.)

    Right
        上一年度报告：
        四、结转下年度继续办理 | 3 | 1 | 0 | 0 | 0 | 0 | 4
        本年度报告：
        二、上年结转政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 4
        (Every column carries over.)

    Options
        None.
    """
    code = "X701"
    name = "carryover-mismatch"
    severity = Severity.WARNING
    eras = frozenset({Era.FMT2019, Era.FMT2021})

    def check_pair(self, previous, current, ctx):
        prev_t3, cur_t3 = previous.facts.tables.t3, current.facts.tables.t3
        if prev_t3 is None or cur_t3 is None:
            return
        before, now = prev_t3.rows.get("carry_next"), cur_t3.rows.get("carried")
        if before is None or now is None or len(before.values) != 7 or len(now.values) != 7:
            return
        for c, (was, is_) in enumerate(zip(before.values, now.values)):
            if not (was.ok and is_.ok) or was.number == is_.number or is_.cell is None:
                continue
            line = was.cell.lineno if was.cell is not None else None
            where = f"第 {line} 行" if line else ""
            yield self.finding(
                is_.cell.span(),
                f"表三 {T3_COLUMNS[c]}列：上年结转为 {_n(is_)}，但上一年度报告（{_name(previous)}{where}）"
                f"“四、结转下年度继续办理”为 {_n(was)}，相差 {abs(is_.number - was.number)}",
                f"table 3, {T3_COLUMNS_EN[c]}: carried over from last year is {_n(is_)}, but last year's report "
                f"({_name(previous)}{f' line {line}' if line else ''}) carried {_n(was)} forward, "
                f"difference {abs(is_.number - was.number)}",
                column=T3_COLUMNS[c], this_year=is_.number, last_year=was.number,
                previous=previous.path, previous_line=line)


# --------------------------------------------------------------------------- X703
_STOCK_ROWS = (("规章", "规章", "rules"), ("规范性文件", "行政规范性文件", "normative documents"))


class StockContinuity(CrossReportRule):
    """现行有效件数与上一年度不衔接（X703）。

    作用
        2021 年格式表二第二十条第（一）项中，本年度“现行有效件数”应等于上一年度报告的
        “现行有效件数”加本年“本年制发件数”减本年“本年废止件数”，规章和行政规范性文件
        分别检查。不等时报告，指向本年度的现行有效件数单元格并列出算式。两份报告都须
        是 2021 年格式（2020 年及以前的“对外公开总数量”口径不同，不比较）；任一单元格
        缺失或无效时不检查。配对方式同 X701。

    为什么
        现行有效的文件数量逐年滚动：去年的存量加上今年新制发的，减去今年废止的。不衔接
        说明某一年的统计有误，或有未统计的清理、失效情况，值得核对，因此只作为提示。

    示例（错误）
        上一年度报告：
        行政规范性文件 | 2 | 0 | 25
        本年度报告：
        行政规范性文件 | 3 | 1 | 30
        （25 + 3 − 1 = 27，不是 30）

    示例（正确）
        上一年度报告：
        行政规范性文件 | 2 | 0 | 25
        本年度报告：
        行政规范性文件 | 3 | 1 | 27

    选项
        无。
    """

    doc_en = """
    The stock of documents in force does not follow from last year's (X703).

    Purpose
        In table 2, item 第二十条第（一）项, of the 2021 format, this year's 现行有效件数
        (in force) must equal last year's 现行有效件数 + this year's 本年制发件数 (issued)
        − 本年废止件数 (repealed), for 规章 and for 行政规范性文件. A difference is reported at
        this year's cell with the arithmetic. Both reports must use the 2021 format (the
        2019 format's 对外公开总数量 measures something else); a missing or invalid cell
        skips the row. Pairing as for X701.

    Why
        The stock rolls over from year to year; a break means one year's count is wrong or
        a clean-up went unreported. Worth a look, hence only info.

    Wrong
        上一年度报告：
        行政规范性文件 | 2 | 0 | 25
        本年度报告：
        行政规范性文件 | 3 | 1 | 30
        （25 + 3 − 1 = 27，不是 30）
        (Columns: issued, repealed, in force. 25 in force last year + 3 issued − 1 repealed = 27, not 30.)

    Right
        上一年度报告：
        行政规范性文件 | 2 | 0 | 25
        本年度报告：
        行政规范性文件 | 3 | 1 | 27
        (The stock follows from last year's.)

    Options
        None.
    """
    code = "X703"
    name = "stock-continuity"
    severity = Severity.INFO
    eras = frozenset({Era.FMT2021})

    def check_pair(self, previous, current, ctx):
        prev_t2, cur_t2 = previous.facts.tables.t2, current.facts.tables.t2
        if prev_t2 is None or cur_t2 is None or prev_t2.era is not Era.FMT2021 or cur_t2.era is not Era.FMT2021:
            return
        prev_block, cur_block = prev_t2.blocks.get("一"), cur_t2.blocks.get("一")
        if prev_block is None or cur_block is None:
            return
        for key, zh, en in _STOCK_ROWS:
            before, now = prev_block.rows.get(key), cur_block.rows.get(key)
            if before is None or now is None or len(before.values) != 3 or len(now.values) != 3:
                continue
            last_stock = before.values[2]
            issued, repealed, stock = now.values
            if not all(v.ok for v in (last_stock, issued, repealed, stock)) or stock.cell is None:
                continue
            expected = last_stock.number + issued.number - repealed.number
            if stock.number == expected:
                continue
            yield self.finding(
                stock.cell.span(),
                f"表二 {zh} 现行有效件数为 {_n(stock)}，按上一年度报告（{_name(previous)}）现行有效 {_n(last_stock)} "
                f"+ 本年制发 {_n(issued)} − 本年废止 {_n(repealed)} 应为 {expected}，相差 {abs(stock.number - expected)}",
                f"table 2, {en}: {_n(stock)} in force, but last year's report ({_name(previous)}) had {_n(last_stock)}, "
                f"+ {_n(issued)} issued − {_n(repealed)} repealed = {expected}, difference {abs(stock.number - expected)}",
                row=zh, stock=stock.number, expected=expected, last_stock=last_stock.number, previous=previous.path)


# --------------------------------------------------------------------------- X702
_SHINGLE = 8
_SENTENCE_RE = rx.compile(r"[^。！？；!?;\n]+")
_CN_YEAR_RE = rx.compile(r"[〇○零一二三四五六七八九]{4}年")
_NUMBER_RE = rx.compile(r"\d+(?:[.,]\d+)*")
_CN_NUMBER_RE = rx.compile(r"[一二三四五六七八九十百千万两〇零]+(?=[件条次期个项人家篇批场份余多])")
_DROP_RE = rx.compile(r"[^\w#]|_")
# Sentences every report of an agency repeats by law or by template: the basis it
# was compiled on, its parts, the statistical period, where to read it, whom to ask.
_BOILERPLATE_RE = rx.compile(
    r"条例.{0,40}(?:编制|要求|规定)|(?:编制|制定|发布)了?本.{0,4}报告|报告(?:由|分为|包括).{0,80}(?:组成|部分)"
    r"|统计(?:期限|时限|时间|期间|区间)|电子版|(?:查阅|下载)本.{0,4}报告|对本.{0,4}报告|有任何疑问|如有疑问"
    r"|联系(?:地址|电话|方式|人)|邮政?编码|邮编|电子邮箱")


def _normalise(sentence: str) -> str:
    """NFKC, years and numbers as "#", punctuation and spaces dropped."""
    s = unicodedata.normalize("NFKC", sentence)
    s = _CN_YEAR_RE.sub("#年", s)
    s = _NUMBER_RE.sub("#", s)
    s = _CN_NUMBER_RE.sub("#", s)
    return _DROP_RE.sub("", s)


def prose_sentences(report) -> list[tuple[Paragraph, str]]:
    """The report's own prose, sentence by sentence, normalised.

    Body paragraphs only: no title, period or contact lines, headings, table
    cells, signature or date, and no legal or template boilerplate sentence.
    """
    out = []
    for block in report.blocks:
        if not isinstance(block, Paragraph) or block.role:
            continue
        for m in _SENTENCE_RE.finditer(block.text):
            norm = _normalise(m.group(0))
            if len(norm) >= _SHINGLE and not _BOILERPLATE_RE.search(norm):
                out.append((block, norm))
    return out


def _shingles(text: str) -> set[str]:
    return {text[i:i + _SHINGLE] for i in range(len(text) - _SHINGLE + 1)}


_MISSES_RE = rx.compile(b"\0+")


def covered_chars(norm: str, old: set[str]) -> int:
    """How many characters of ``norm`` some run of ``_SHINGLE`` characters found in ``old`` covers.

    Without a step per character: the runs are looked up with one C-level map, and only
    the stretches of runs not found are walked. Character j is left uncovered exactly when
    none of the runs starting at j - 7 … j is found (runs that would start past the end
    count as not found): in a stretch of runs not found from a to b, the characters a + 7
    … b - 1 — or all of 0 … b - 1 when the stretch starts the sentence.
    """
    runs = [norm[i:i + _SHINGLE] for i in range(len(norm) - _SHINGLE + 1)]
    found = bytes(map(old.__contains__, runs)) + bytes(_SHINGLE - 1)  # one byte per character
    uncovered = 0
    for m in _MISSES_RE.finditer(found):
        a, b = m.span()
        uncovered += b if a == 0 else max(0, b - a - (_SHINGLE - 1))
    return len(norm) - uncovered


def repeated_share(previous, current) -> tuple[float, int, list[Paragraph]]:
    """(share of the current prose's characters repeated from the previous prose, prose length, repeated paragraphs).

    A character counts as repeated when some run of eight characters covering
    it (after normalisation, inside one sentence) also occurs in last year's
    prose: rewording breaks only the runs around the change, a new year or new
    figures none.
    """
    # Shared per report: in a run over several years, a report is this year's of one pair and last
    # year's of the next.
    old: set[str] = set()
    for _, norm in previous.facts.shared(prose_sentences):
        old |= _shingles(norm)
    total = repeated = 0
    per_block: dict[int, list[int]] = {}
    blocks: dict[int, Paragraph] = {}
    for block, norm in current.facts.shared(prose_sentences):
        n = covered_chars(norm, old)
        total += len(norm)
        repeated += n
        key = id(block)
        blocks[key] = block
        acc = per_block.setdefault(key, [0, 0])
        acc[0] += n
        acc[1] += len(norm)
    copied = [blocks[k] for k, (n, size) in per_block.items() if size and n / size >= 0.8]
    return (repeated / total if total else 0.0), total, copied


class CopiedReport(CrossReportRule):
    """正文大量重复上一年度报告（X702）。

    作用
        比较本年度报告与同一机关上一年度报告的正文文字，重复的比例达到阈值（默认
        50%）时报告，并给出重复的比例和大段重复的段落。只比较正文段落：标题、统计期限
        和联系方式、各级标题、表格、落款都不计入；“根据《条例》编制”“统计期限为”
        “电子版可在……查阅”“如对本报告有疑问”这类每年照例出现的套话句子也不计入。
        比较前把年份和数字都视为相同（2017 改为 2018、120 条改为 135 条仍算重复），
        以连续 8 个字为单位比较，所以个别字词的改动不影响结果。本年度正文不足
        ``min_chars`` 个字时不判断。只在两份报告的机关名称相同时比较：不同机关的
        报告（即使用 ``--previous`` 指定）不比较。配对方式同 X701。

    为什么
        评议中发现有的年度报告只改了年份和数字，90% 的文字与上一年度相同，没有反映
        本年度的实际工作，尤其是“存在的主要问题及改进情况”年年照抄。

    示例（错误）
        上一年度报告：
        我局围绕征地拆迁、土地供应、矿业权出让等重点领域，逐项梳理公开事项，编制完善政府信息公开目录，全年更新目录条目320条。
        各股室拟公开的信息由办公室统一审核后在门户网站发布，确保信息发布及时、准确、规范，全年未发生因公开不当造成不良影响的情况。
        针对群众关注的征地补偿标准问题，我局在乡镇政务公开栏同步张贴补偿方案和安置办法，召开听证会2次，答复群众咨询56人次。
        存在的主要问题是部分股室对信息公开工作重视不够，公开内容不够全面，更新不够及时。下一步将加强业务培训，完善考核机制。
        本年度报告：
        我局围绕征地拆迁、土地供应、矿业权出让等重点领域，逐项梳理事项，编制完善政府信息公开目录，全年更新目录条目358条。
        各股室拟公开的信息由办公室统一审核后在门户网站发布，确保信息发布及时、准确、规范，全年未发生因公开不当造成不良影响的情况。
        针对群众关注的征地补偿标准问题，我局在乡镇政务公开栏同步张贴补偿方案和安置办法，召开听证会3次，答复群众咨询71人次。
        存在的主要问题是部分股室对信息公开工作重视不够，公开内容不够全面，更新不够及时。下一步将加强业务培训，完善考核机制。

    示例（正确）
        上一年度报告：
        我局围绕征地拆迁、土地供应、矿业权出让等重点领域，逐项梳理公开事项，编制完善政府信息公开目录，全年更新目录条目320条。
        各股室拟公开的信息由办公室统一审核后在门户网站发布，确保信息发布及时、准确、规范，全年未发生因公开不当造成不良影响的情况。
        针对群众关注的征地补偿标准问题，我局在乡镇政务公开栏同步张贴补偿方案和安置办法，召开听证会2次，答复群众咨询56人次。
        存在的主要问题是部分股室对信息公开工作重视不够，公开内容不够全面，更新不够及时。下一步将加强业务培训，完善考核机制。
        本年度报告：
        机构改革后，新组建的自然资源局把国土空间规划编制、生态修复项目和不动产登记便民措施作为公开重点，新设“规划公示”专栏，全年发布规划批前公示41项。
        不动产登记中心推行“一窗受理、集成服务”，在大厅电子屏滚动公开办事指南和收费标准，平均办理时限压缩到5个工作日。
        今后将重点解决基层站所信息更新滞后、公开形式单一的问题，探索运用短视频等新媒体解读政策，让群众看得懂、用得上。

    选项
        threshold
            报告的重复比例下限，0 到 1 之间，默认 0.5。
        min_chars
            本年度正文（去掉标点、套话后）至少多少个字才判断，默认 200。
    """

    doc_en = """
    The prose largely repeats last year's report (X702).

    Purpose
        Compares the prose of this year's report with last year's report of the same agency
        and reports when the repeated share reaches the threshold (default 50%), giving the
        share and the paragraphs largely repeated. Only body paragraphs count: not the title,
        the period and contact lines, headings, tables or the closing; nor the sentences every
        report repeats by template (compiled under the Regulation, the statistical period,
        where to download the report, whom to ask). Years and figures are ignored (2017 → 2018
        or 120 → 135 items still count as repeated), and text is compared in runs of eight
        characters, so small edits do not hide a copy. Prose shorter than ``min_chars`` is not
        judged. Only reports whose agency names agree are compared, even with ``--previous``.
        Pairing as for X701.

    Why
        Reviewers found reports that changed only the year and the figures and repeated 90% of
        the previous year, typically the section on problems and improvements.

    Wrong
        上一年度报告：
        我局围绕征地拆迁、土地供应、矿业权出让等重点领域，逐项梳理公开事项，编制完善政府信息公开目录，全年更新目录条目320条。
        各股室拟公开的信息由办公室统一审核后在门户网站发布，确保信息发布及时、准确、规范，全年未发生因公开不当造成不良影响的情况。
        针对群众关注的征地补偿标准问题，我局在乡镇政务公开栏同步张贴补偿方案和安置办法，召开听证会2次，答复群众咨询56人次。
        存在的主要问题是部分股室对信息公开工作重视不够，公开内容不够全面，更新不够及时。下一步将加强业务培训，完善考核机制。
        本年度报告：
        我局围绕征地拆迁、土地供应、矿业权出让等重点领域，逐项梳理事项，编制完善政府信息公开目录，全年更新目录条目358条。
        各股室拟公开的信息由办公室统一审核后在门户网站发布，确保信息发布及时、准确、规范，全年未发生因公开不当造成不良影响的情况。
        针对群众关注的征地补偿标准问题，我局在乡镇政务公开栏同步张贴补偿方案和安置办法，召开听证会3次，答复群众咨询71人次。
        存在的主要问题是部分股室对信息公开工作重视不够，公开内容不够全面，更新不够及时。下一步将加强业务培训，完善考核机制。
        (This year's prose is last year's with new figures and two words changed.)

    Right
        上一年度报告：
        我局围绕征地拆迁、土地供应、矿业权出让等重点领域，逐项梳理公开事项，编制完善政府信息公开目录，全年更新目录条目320条。
        各股室拟公开的信息由办公室统一审核后在门户网站发布，确保信息发布及时、准确、规范，全年未发生因公开不当造成不良影响的情况。
        针对群众关注的征地补偿标准问题，我局在乡镇政务公开栏同步张贴补偿方案和安置办法，召开听证会2次，答复群众咨询56人次。
        存在的主要问题是部分股室对信息公开工作重视不够，公开内容不够全面，更新不够及时。下一步将加强业务培训，完善考核机制。
        本年度报告：
        机构改革后，新组建的自然资源局把国土空间规划编制、生态修复项目和不动产登记便民措施作为公开重点，新设“规划公示”专栏，全年发布规划批前公示41项。
        不动产登记中心推行“一窗受理、集成服务”，在大厅电子屏滚动公开办事指南和收费标准，平均办理时限压缩到5个工作日。
        今后将重点解决基层站所信息更新滞后、公开形式单一的问题，探索运用短视频等新媒体解读政策，让群众看得懂、用得上。
        (This year's prose reports this year's work.)

    Options
        threshold
            Lowest repeated share reported, between 0 and 1; default 0.5.
        min_chars
            Least prose (characters, punctuation and boilerplate removed) to judge; default 200.
    """
    code = "X702"
    name = "copied-report"
    severity = Severity.WARNING
    options = {"threshold": 0.5, "min_chars": 200}

    def check_pair(self, previous, current, ctx):
        from reportlint.engine import agency_key

        threshold = float(ctx.options.get("threshold", 0.5))
        min_chars = int(ctx.options.get("min_chars", 200))
        if not 0 < threshold <= 1:
            raise ValueError(f"X702 threshold must be in (0, 1], got {threshold}")
        if agency_key(previous.agency) is None or agency_key(previous.agency) != agency_key(current.agency):
            return
        share, size, copied = repeated_share(previous, current)
        if size < min_chars or share < threshold:
            return
        anchor = current.title or (copied[0] if copied else None)
        if anchor is None:
            return
        pct = f"{share * 100:.0f}%"
        lines = [b.lineno for b in copied]
        shown = "、".join(str(n) for n in lines[:8]) + ("……" if len(lines) > 8 else "")
        yield self.finding(
            anchor.span(),
            f"正文约 {pct} 的文字与上一年度报告（{_name(previous)}）相同（不计年份和数字的变化，阈值 "
            f"{threshold * 100:.0f}%）" + (f"；大段重复的段落在第 {shown} 行" if lines else ""),
            f"about {pct} of the prose repeats last year's report ({_name(previous)}) (years and figures aside; "
            f"threshold {threshold * 100:.0f}%)" + (f"; paragraphs largely repeated at lines "
                                                     f"{', '.join(str(n) for n in lines[:8])}" if lines else ""),
            share=round(share, 3), threshold=threshold, prose_chars=size, repeated_lines=lines,
            previous=previous.path)


RULES = [CarryoverMismatch, CopiedReport, StockContinuity]
