"""S — the six sections of fmt2019/fmt2021: order, empty sections, legacy structure, accountability."""

from __future__ import annotations


from reportlint import rx

from reportlint.model import AgencyKind, Era, Section, Table
from reportlint.rule import Rule, Severity
from reportlint.rules.structure import _SIX_SECTIONS, sibling_groups, six_section_headings

_FMT_ERAS = frozenset({Era.FMT2019, Era.FMT2021})
_CANONICAL = {section: canonical for section, canonical, _, _ in _SIX_SECTIONS}
_ORDER = {section: i for i, (section, _, _, _) in enumerate(_SIX_SECTIONS)}


def _level1_six(report) -> dict[str, object]:
    """The level-1 heading of each of the six sections, matched as S101 matches them."""
    return {s: h for s, h in six_section_headings(report).items() if h.level == 1}


def _section_of(report) -> dict[int, Section]:
    """Every section of the report by the id of its heading (each stands in one sibling group)."""
    return {id(s.heading): s for group in sibling_groups(report) for s in group}


# --------------------------------------------------------------------------- S102
class SectionOrder(Rule):
    """六个部分的顺序不对（S102）。

    作用
        2019 年度起的报告按年报格式分为六个部分，顺序固定：一、总体情况 → 二、主动
        公开政府信息情况 → 三、收到和处理政府信息公开申请情况 → 四、政府信息公开行政
        复议、行政诉讼情况 → 五、存在的主要问题及改进情况 → 六、其他需要报告的事项。
        各部分按一级标题识别（与 S101 相同，接受常见变体写法）；某一部分出现在排在它
        后面的部分之后时报告一次，位置在第一个顺序颠倒的标题处。

        只比较能认出的部分：认不出或缺少的部分（S101 报告）不参与比较。只对 fmt2019、
        fmt2021 时代的报告检查。

    为什么
        年报格式规定了六个部分及其顺序，评议和汇总都按这个顺序逐项核对；顺序颠倒
        常常是套用旧模板或拼接材料留下的痕迹。

    示例（错误）
        一、总体情况
        二、主动公开政府信息情况
        三、政府信息公开行政复议、行政诉讼情况
        四、收到和处理政府信息公开申请情况

    示例（正确）
        一、总体情况
        二、主动公开政府信息情况
        三、收到和处理政府信息公开申请情况
        四、政府信息公开行政复议、行政诉讼情况

    选项
        无。
    """

    doc_en = """
    The six sections are out of order (S102).

    Purpose
        From the 2019 report year on, a report follows the report format's six sections in a
        fixed order: 一、总体情况 (overview) → 二、主动公开政府信息情况 (proactive disclosure) →
        三、收到和处理政府信息公开申请情况 (applications received and handled) → 四、政府信息
        公开行政复议、行政诉讼情况 (reconsideration and litigation) → 五、存在的主要问题及改进
        情况 (problems and improvements) → 六、其他需要报告的事项 (other matters). Sections are
        recognised by their level-1 headings (as in S101, common variants accepted); when a
        section comes after one that should follow it, the rule reports once, at the first
        heading out of order.

        Only recognised sections are compared: unrecognised or missing ones (S101's business)
        take no part. Only fmt2019 and fmt2021 reports are checked.

    Why
        The report format fixes the six sections and their order, and evaluations and
        summaries check them item by item in that order; sections out of order are often a
        trace of an old template or of material pasted together.

    Wrong
        一、总体情况
        二、主动公开政府信息情况
        三、政府信息公开行政复议、行政诉讼情况
        四、收到和处理政府信息公开申请情况
        (Section three is reconsideration and litigation, section four the applications:
        swapped.)

    Right
        一、总体情况
        二、主动公开政府信息情况
        三、收到和处理政府信息公开申请情况
        四、政府信息公开行政复议、行政诉讼情况
        (The first four sections in the canonical order.)

    Options
        None.
    """

    code = "S102"
    name = "section-order"
    severity = Severity.WARNING
    eras = _FMT_ERAS
    requires = frozenset({"structure", "year"})

    def check(self, report, ctx):
        found = sorted(_level1_six(report).items(), key=lambda kv: kv[1].lineno)
        latest = None  # (section, heading) with the highest canonical rank so far
        for section, heading in found:
            if latest is not None and _ORDER[section] < _ORDER[latest[0]]:
                before, h = latest
                yield self.finding(
                    heading.span(),
                    f"第{section}部分“{_CANONICAL[section]}”出现在第{before}部分“{_CANONICAL[before]}”"
                    f"（第 {h.lineno} 行）之后；六个部分的顺序应为 "
                    + " → ".join(f"{s}、{c}" for s, c in _CANONICAL.items()),
                    f"section {section} '{_CANONICAL[section]}' comes after section {before} "
                    f"'{_CANONICAL[before]}' (line {h.lineno}); the six sections go in the order 一 … 六",
                    section=section, after=before, after_line=h.lineno)
                return
            if latest is None or _ORDER[section] > _ORDER[latest[0]]:
                latest = (section, heading)


# --------------------------------------------------------------------------- S108
# A heading that is itself a numbered paragraph ("1.政府网站。区政府门户网站是……") is content.
_SENTENCE_PUNCT_RE = rx.compile(r"[。；;！？!?]")
_COLON_TEXT_RE = rx.compile(r"[：:][ \u3000]*\S")
_LONG_TITLE = 30
_TABLE_SECTIONS = (("二", "t2", "表二"), ("三", "t3", "表三"), ("四", "t4", "表四"))


def _is_content_title(title: str) -> bool:
    t = title.strip()
    return bool(_SENTENCE_PUNCT_RE.search(t) or _COLON_TEXT_RE.search(t) or len(t) >= _LONG_TITLE)


def _bare(section: Section) -> bool:
    return not section.items and not section.children


def _has_table(section: Section) -> bool:
    """Whether a table stands in ``section`` or any of its subsections."""
    return any(isinstance(i, Table) for i in section.items) or any(map(_has_table, section.children))


class EmptySection(Rule):
    """标题下没有内容（S108）。

    作用
        一个标题下既没有段落、也没有表格和下级标题时报告，位置在该标题处。

        以下情形不算空：

        - 标题本身就是一段话（带句号、分号等句末标点，冒号后还有文字，或长达 30 字以上），
          如“1.政府网站。区政府门户网站是我局发布信息的第一平台……”；
        - 二级及以下的同级标题，除最后一个外都没有内容时，视为要点列表（如“（二）改进
          措施”下的“1.加强组织领导”“2.强化业务培训”，最后一条后面可以跟一段话），
          不逐条报告。

        fmt2019、fmt2021 时代的报告中，第二、三、四部分应各有一张统计表（表二、表三、
        表四）。这三个部分中的某一部分下没有表格、报告其他位置也读不出这张表时，同样
        报告（每个标题只报告一次）。

    为什么
        只有标题没有内容，通常是删改时误删了正文，或者套用模板后忘了填写；缺表的部分
        则缺少年报格式要求的统计数据。

    示例（错误）
        五、存在的主要问题及改进情况

        六、其他需要报告的事项

        本年度未收取信息处理费。

    示例（正确）
        五、存在的主要问题及改进情况

        主动公开的及时性还需提高。

        六、其他需要报告的事项

        本年度未收取信息处理费。

    选项
        无。
    """

    doc_en = """
    A heading without content (S108).

    Purpose
        Reported, at the heading, when a heading has no paragraph, no table and no
        sub-heading under it.

        These are not empty:

        - a heading that is itself a paragraph (sentence-final punctuation such as 。 or ；,
          text after a colon, or 30 characters or more), like 1.政府网站。区政府门户网站是我局
          发布信息的第一平台……;
        - sibling headings of level two or below that are all empty except the last: they are
          a list of points (such as 1.加强组织领导 and 2.强化业务培训 under （二）改进措施, the
          last of which may be followed by a paragraph) and are not reported one by one.

        In fmt2019 and fmt2021 reports, sections 二, 三 and 四 each have a statistical table
        (tables 二, 三 and 四). When one of these sections has no table and the table cannot be
        read anywhere else in the report either, the section is reported too (once per
        heading).

    Why
        A heading without content usually means the text was deleted by mistake while
        editing, or a template was never filled in; a section without its table lacks the
        statistics the report format requires.

    Wrong
        五、存在的主要问题及改进情况

        六、其他需要报告的事项

        本年度未收取信息处理费。
        (Section 五 "main problems and improvements" has no content before section 六.)

    Right
        五、存在的主要问题及改进情况

        主动公开的及时性还需提高。

        六、其他需要报告的事项

        本年度未收取信息处理费。
        (Section 五 says that timely proactive disclosure still needs improving.)

    Options
        None.
    """

    code = "S108"
    name = "empty-section"
    severity = Severity.WARNING

    def check(self, report, ctx):
        reported: set[int] = set()
        for group in sibling_groups(report):
            # Sub-headings that are all bare except the last are a list of short points
            # ("1.加强组织领导" "2.健全工作制度" + a closing paragraph), not empty sections.
            if len(group) > 1 and group[0].heading.level > 1 and all(map(_bare, group[:-1])):
                continue
            for s in group:
                if s.items or s.children:  # not bare
                    continue
                h = s.heading
                if _is_content_title(h.title):
                    continue
                reported.add(id(h))
                yield self.finding(h.span(), f"标题“{h.marker}{h.title}”下没有内容",
                                   f"the heading '{h.marker}{h.title}' has no content", heading=h.title)
        if report.era not in _FMT_ERAS:
            return
        tables = report.facts.tables
        sections = None
        six = _level1_six(report)
        for section, attr, table_name in _TABLE_SECTIONS:
            h = six.get(section)
            if h is None or id(h) in reported or getattr(tables, attr) is not None:
                continue
            if sections is None:
                sections = _section_of(report)
            s = sections.get(id(h))
            if s is None or _has_table(s):
                continue
            yield self.finding(
                h.span(),
                f"第{section}部分“{h.title}”下没有{table_name}（年报格式要求的统计表），报告中其他位置也未找到",
                f"section {section} '{h.title}' has no table {section} (required by the report format), "
                "and none was found elsewhere in the report",
                heading=h.title, table=section)


# --------------------------------------------------------------------------- S109
_LEGACY = (
    # (pattern on a level-1 title, only as the first section?, zh, en)
    (rx.compile(r"^[ \u3000]*概述"), True,
     "第一部分仍用 2008 年条例时期的“概述”，年报格式为“一、总体情况”",
     "section one keeps the 2008-era heading 概述; the report format has '一、总体情况'"),
    (rx.compile(r"收费(?:及|和|与|、)?减免"), False,
     "“收费及减免情况”是 2008 年条例第三十二条第（三）项的内容，年报格式已无此部分"
     "（收取信息处理费的情况在“其他需要报告的事项”中报告）",
     "'收费及减免' is item 3 of the 2008 Regulation art. 32; the report format has no such section "
     "(information processing fees go under 其他需要报告的事项)"),
    (rx.compile(r"依申请公开政府信息(?:和|及|与|、)不予公开政府信息"), False,
     "“依申请公开政府信息和不予公开政府信息的情况”是 2008 年条例的标题，年报格式为"
     "“三、收到和处理政府信息公开申请情况”",
     "'依申请公开政府信息和不予公开政府信息的情况' is the 2008 Regulation's heading; the report format has "
     "'三、收到和处理政府信息公开申请情况'"),
)


class LegacyStructure(Rule):
    """新格式报告沿用 2008 年条例的结构（S109）。

    作用
        2019 年度起的报告应按新格式的六个部分编写。一级标题仍是 2008 年条例时期的
        结构时，每个这样的标题报告一次：

        - 第一部分写作“一、概述”（新格式为“一、总体情况”）；
        - 单列“政府信息公开的收费及减免情况”一部分（2008 年条例第三十二条第（三）项，
          新格式已取消；信息处理费在“其他需要报告的事项”中报告）；
        - 以“依申请公开政府信息和不予公开政府信息的情况”为标题（新格式为“收到和处理
          政府信息公开申请情况”）。

        只检查一级标题，只对 fmt2019、fmt2021 时代的报告检查。

    为什么
        沿用旧结构说明报告是照着 2018 年以前的模板改写的，往往同时缺少新格式要求的
        表格和内容（DOMAIN：格式版本错误）。

    示例（错误）
        一、概述
        ……
        四、政府信息公开的收费及减免情况

    示例（正确）
        一、总体情况
        ……
        六、其他需要报告的事项（写明本年度收取信息处理费的情况）

    选项
        无。
    """

    doc_en = """
    A new-format report keeps the structure of the 2008 Regulation (S109).

    Purpose
        Reports from the 2019 report year on follow the six sections of the new format.
        Each level-1 heading that still has the 2008-era structure is reported once:

        - section one written as 一、概述 ("overview"; the new format has 一、总体情况);
        - a separate section 政府信息公开的收费及减免情况 ("fees and fee waivers": item 3 of the
          2008 Regulation art. 32, dropped by the new format; information processing fees are
          reported under 其他需要报告的事项);
        - the heading 依申请公开政府信息和不予公开政府信息的情况 (the new format has
          收到和处理政府信息公开申请情况).

        Only level-1 headings of fmt2019 and fmt2021 reports are checked.

    Why
        Keeping the old structure shows that the report was rewritten from a pre-2019
        template; such reports often also lack the tables and contents the new format
        requires (DOMAIN: wrong format version).

    Wrong
        一、概述
        ……
        四、政府信息公开的收费及减免情况
        (A 2019-or-later report opening with 一、概述 and with a section on fees and fee waivers.)

    Right
        一、总体情况
        ……
        六、其他需要报告的事项（写明本年度收取信息处理费的情况）
        (一、总体情况 … 六、其他需要报告的事项, the fees collected being reported under "other
        matters".)

    Options
        None.
    """

    code = "S109"
    name = "legacy-structure"
    severity = Severity.WARNING
    eras = _FMT_ERAS
    requires = frozenset({"structure", "year"})

    def check(self, report, ctx):
        level1 = [h for h in report.headings if h.level == 1]
        for i, h in enumerate(level1):
            for pattern, first_only, zh, en in _LEGACY:
                if first_only and not (i == 0 or h.number == 1):
                    continue
                if pattern.search(h.title):
                    yield self.finding(h.span(), f"{zh}：“{h.marker}{h.title}”", f"{en}: '{h.marker}{h.title}'",
                                       heading=h.title)
                    break


# --------------------------------------------------------------------------- S110
_ACCOUNTABILITY = ("考核", "评议", "追究")


class MissingAccountability(Rule):
    """政府的报告缺少工作考核、社会评议和责任追究结果情况（S110）。

    作用
        各级人民政府（标题中的机关以“人民政府”结尾，不含“人民政府办公室”和乡镇、
        街道）的年度报告，按《条例》第五十条第（四）项还应报告政府信息公开工作考核、
        社会评议和责任追究结果情况（2021 年格式放在“一、总体情况”的“监督保障”中）。
        报告的标题和正文中“考核”“评议”“追究”三者不全时报告一次，位置在标题处，
        并列出缺少的词。三者出现在何处、先后顺序如何都可以。

        只对 fmt2019、fmt2021 时代的政府报告检查；部门报告不要求这一项。

    为什么
        这是《条例》只对各级人民政府提出的内容要求，评议中政府报告缺少这一项是
        常见的扣分点。

    示例（错误）
        标题：某市某区人民政府2021年政府信息公开工作年度报告
        （五）监督保障：区政府调整了政务公开工作领导小组。
        （全文没有考核、评议、追究的情况）

    示例（正确）
        标题：某市某区人民政府2021年政府信息公开工作年度报告
        （五）监督保障：区政府将政务公开纳入年度目标考核；组织群众代表开展社会评议；本年度未发生因政府信息公开工作被追究责任的情况。

    选项
        无。
    """

    doc_en = """
    A government's report lacks the results of assessment, evaluation and accountability (S110).

    Purpose
        The annual report of a people's government at any level (the agency in the title
        ends in 人民政府, not 人民政府办公室, and is not a township or subdistrict) must also
        report the results of its open-government work assessment, public evaluation and
        accountability, under the Regulation (2019) art. 50 item 4 (in the 2021 format this
        goes under 一、总体情况 → 监督保障). Reported once, at the title, when the title and
        text do not mention all three of 考核 (assessment), 评议 (evaluation) and 追究
        (accountability); the missing words are listed. Where and in which order the three
        appear does not matter.

        Only government reports of the fmt2019 and fmt2021 eras are checked; a department's
        report does not need this item.

    Why
        This content is required of people's governments only, and a government report
        without it is a frequent deduction in evaluations.

    Wrong
        标题：某市某区人民政府2021年政府信息公开工作年度报告
        （五）监督保障：区政府调整了政务公开工作领导小组。
        （全文没有考核、评议、追究的情况）
        (A district government's report whose "supervision and safeguards" part only says
        that the leading group was reorganised; 考核, 评议 and 追究 appear nowhere.)

    Right
        标题：某市某区人民政府2021年政府信息公开工作年度报告
        （五）监督保障：区政府将政务公开纳入年度目标考核；组织群众代表开展社会评议；本年度未发生因政府信息公开工作被追究责任的情况。
        (The same part reports the target assessment, the public evaluation by citizens'
        representatives, and that nobody was held accountable this year.)

    Options
        None.
    """

    code = "S110"
    name = "missing-accountability"
    severity = Severity.WARNING
    eras = _FMT_ERAS
    requires = frozenset({"structure", "year"})

    def check(self, report, ctx):
        if report.agency_kind is not AgencyKind.GOVERNMENT:
            return
        # A word found in the text as it stands is found once whitespace is dropped too.
        if all(w in report._index_prose[0] for w in _ACCOUNTABILITY):
            return
        text = "\n".join("".join(b.text.split()) for b in report.blocks if not isinstance(b, Table))
        missing = [w for w in _ACCOUNTABILITY if w not in text]
        if not missing:
            return
        anchor = report.title or report.headings[0]
        yield self.finding(
            anchor.span(),
            f"政府的年度报告缺少工作考核、社会评议和责任追究结果情况（《条例》第五十条第（四）项），"
            f"全文未提到：{'、'.join(missing)}",
            "a government's annual report lacks the results of work assessment, public evaluation and "
            f"accountability (Regulation (2019) art. 50 item 4); the text never mentions: {', '.join(missing)}",
            missing=missing, basis="《条例》第五十条第（四）项")


RULES = [SectionOrder, EmptySection, LegacyStructure, MissingAccountability]
