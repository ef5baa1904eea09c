"""S — structure and required content: sections, heading numbering, title, duplicates."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, compress
from operator import ne
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

from reportlint import rx
from reportlint.model import Era, Heading, Paragraph, Section, Table
from reportlint.source import LogicalLine
from reportlint.rule import Rule, Severity

_CN = "〇一二三四五六七八九十"


def _cn(n: int) -> str:
    if n <= 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n - 10] if n > 10 else "")
    return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")


def _marker(level: int, n: int) -> str:
    return {1: f"{_cn(n)}、", 2: f"（{_cn(n)}）", 3: f"{n}.", 4: f"（{n}）"}[level]


# --------------------------------------------------------------------------- S101
_REG2008_ITEMS = (
    # (item, content, cue pattern searched in headings and text)
    ("一", "主动公开政府信息的情况", r"主动公开"),
    ("二", "依申请公开政府信息和不予公开政府信息的情况", r"依申请|申请公开|公开申请"),
    ("三", "政府信息公开的收费及减免情况", r"收费|减免"),
    ("四", "因政府信息公开申请行政复议、提起行政诉讼的情况", r"复议|诉讼"),
    ("五", "政府信息公开工作存在的主要问题及改进情况", r"问题|不足"),
    ("六", "其他需要报告的事项", r"其他需要报告|其他事项|其他需要说明|需要报告的其他|其他有关|其他情况"),
)

_SIX_SECTIONS = (
    # (section, canonical heading, cue searched in headings, basis)
    ("一", "总体情况", r"总体情况|概述|总体|基本情况", "年报格式第一部分"),
    ("二", "主动公开政府信息情况", r"主动公开", "《条例》第五十条第（一）项"),
    ("三", "收到和处理政府信息公开申请情况", r"收到和处理|收到的处理|依申请|公开申请", "《条例》第五十条第（二）项"),
    ("四", "政府信息公开行政复议、行政诉讼情况", r"复议|诉讼", "《条例》第五十条第（三）项"),
    ("五", "存在的主要问题及改进情况", r"问题|不足", "《条例》第五十条第（四）项"),
    ("六", "其他需要报告的事项", r"其他需要报告|其他事项|其他需要说明", "《条例》第五十条第（五）项"),
)

_SIX_BASIS_EN = {
    "一": "part one of the national report format",
    "二": "Regulation (2019) art. 50 item 1",
    "三": "Regulation (2019) art. 50 item 2",
    "四": "Regulation (2019) art. 50 item 3",
    "五": "Regulation (2019) art. 50 item 4",
    "六": "Regulation (2019) art. 50 item 5",
}


# The cues are alternations of plain words: a report's whole text is searched for each word
# (str.find, many times faster than a regex alternation, which is tried at every character).
_REG2008_WORDS = tuple(tuple(cue.split("|")) for _, _, cue in _REG2008_ITEMS)
_SIX_CUES = tuple(rx.compile(cue) for _, _, cue, _ in _SIX_SECTIONS)


def heading_titles(report) -> tuple[str, list[int], tuple[Heading, ...]]:
    """The titles of all headings joined by line breaks, where each starts, and the headings.

    Computed once per report (``report.facts.shared``): a rule that looks for a word in
    headings searches this text once instead of each title.
    """
    return report.facts.shared(_heading_titles)


def _heading_titles(report) -> tuple[str, list[int], tuple[Heading, ...]]:
    headings = report.headings
    titles = [h.title for h in headings]
    starts = list(accumulate(map((1).__add__, map(len, titles[:-1])), initial=0))
    return "\n".join(titles), starts, headings


def headings_matching(report, pattern: re.Pattern[str]) -> Iterator[Heading]:
    """The headings whose title ``pattern`` matches, in order, each once.

    ``pattern`` must not match a line break (each title is searched as if alone). Lazy: a
    caller that needs only the first few stops the search there.
    """
    text, starts, headings = heading_titles(report)
    last = -1
    for m in pattern.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k != last:
            last = k
            yield headings[k]


def six_section_headings(report) -> Mapping[str, Heading]:
    """The heading of each of the six fmt2019/fmt2021 sections found, keyed 一…六.

    Level-1 headings are preferred; a section only written as a lower-level
    heading is still found. Each heading stands for at most one section.
    Computed once per report and shared (read-only).
    """
    return report.facts.shared(_six_section_headings)


def _six_section_headings(report) -> Mapping[str, Heading]:
    found: dict[str, Heading] = {}
    used: set[int] = set()
    for level1_only in (True, False):
        for (section, _, _, _), cue in zip(_SIX_SECTIONS, _SIX_CUES):
            if section in found:
                continue
            for h in headings_matching(report, cue):
                if id(h) not in used and (h.level == 1 or not level1_only):
                    found[section] = h
                    used.add(id(h))
                    break
    return MappingProxyType(found)


class MissingRequiredContent(Rule):
    """缺少法规要求的报告内容（S101）。

    作用
        检查报告是否包含法规要求的各项内容，缺少时逐项报告，并写明依据：

        - reg2008（2018 年度及以前）：2008 年《政府信息公开条例》第三十二条六项内容——
          主动公开、依申请公开和不予公开、收费及减免、行政复议和行政诉讼、存在的主要
          问题及改进情况、其他需要报告的事项。这一时代没有固定格式，只要标题或正文
          提到该项即视为具备。
        - fmt2019 / fmt2021：年报格式规定的六个部分（一、总体情况 …… 六、其他需要报告
          的事项），按标题识别，接受常见的变体写法（如“一、概述”）。

    为什么
        法规逐项规定了年度报告的内容，缺项是评议中最常见的扣分点之一。

    示例（错误）
        全文：
        某市某区某某局2017年政府信息公开工作年度报告
        一、概述
        二、主动公开政府信息情况
        三、依申请公开政府信息情况

    示例（正确）
        全文：
        某市某区某某局2017年政府信息公开工作年度报告
        一、概述
        二、主动公开政府信息情况
        三、依申请公开政府信息和不予公开政府信息的情况
        四、政府信息公开的收费及减免情况
        五、因政府信息公开申请行政复议、提起行政诉讼的情况
        六、存在的主要问题及改进情况
        七、其他需要报告的事项

    选项
        无。
    """

    doc_en = """
    Content required by the Regulation is missing (S101).

    Purpose
        Checks that the report has each item of content the rules require and reports every
        missing item, naming its legal basis:

        - reg2008 (report years up to 2018): the six items of the 2008 Regulation art. 32 —
          proactive disclosure; disclosure on application and non-disclosure; fees and fee
          waivers; administrative reconsideration and litigation; main problems and
          improvements; other matters to report. That era has no fixed format, so an item
          counts as present when a heading or the text mentions it.
        - fmt2019 / fmt2021: the six sections of the report format (一、总体情况 … 六、其他
          需要报告的事项), recognised by their headings, including the common variants (such
          as 一、概述).

    Why
        The Regulation lists the contents of the annual report item by item; a missing item
        is one of the most frequent deductions in evaluations.

    Wrong
        全文：
        某市某区某某局2017年政府信息公开工作年度报告
        一、概述
        二、主动公开政府信息情况
        三、依申请公开政府信息情况
        (全文 = the whole file: a 2017 report with only the sections "overview", "proactive
        disclosure" and "disclosure on application"; fees and waivers, reconsideration and
        litigation, problems, and other matters are missing.)

    Right
        全文：
        某市某区某某局2017年政府信息公开工作年度报告
        一、概述
        二、主动公开政府信息情况
        三、依申请公开政府信息和不予公开政府信息的情况
        四、政府信息公开的收费及减免情况
        五、因政府信息公开申请行政复议、提起行政诉讼的情况
        六、存在的主要问题及改进情况
        七、其他需要报告的事项
        (A 2017 report covering all six items of art. 32, with an overview before them.)

    Options
        None.
    """

    code = "S101"
    name = "missing-required-content"
    severity = Severity.ERROR
    requires = frozenset({"structure", "year"})

    def check(self, report, ctx):
        headings = report.headings
        span = next((h for h in reversed(headings) if h.level == 1), headings[-1]).span()
        if report.era is Era.REG2008:
            text = report._index_all[0]  # every block's text, joined by line breaks
            for (item, content, _), words in zip(_REG2008_ITEMS, _REG2008_WORDS):
                if not any(w in text for w in words):
                    yield self.finding(
                        span,
                        f"缺少 2008 年《政府信息公开条例》第三十二条第（{item}）项要求的内容：{content}",
                        f"missing content required by the 2008 Regulation art. 32 item ({item}): {content}",
                        item=item, basis="2008 Regulation art. 32")
            return
        found = six_section_headings(report)
        for section, canonical, cue, basis in _SIX_SECTIONS:
            if section not in found:
                yield self.finding(
                    span,
                    f"缺少第{section}部分“{section}、{canonical}”（{basis}）",
                    f"missing section {section} '{section}、{canonical}' ({_SIX_BASIS_EN[section]})",
                    section=section, basis=basis)


# --------------------------------------------------------------------------- S103 / S104
def _children_by_level(children: Iterable[Section]) -> dict[int, list[Heading]]:
    out: dict[int, list[Heading]] = {}
    for c in children:
        out.setdefault(c.heading.level, []).append(c.heading)
    return out


def sibling_groups(report) -> list[tuple[Section, ...]]:
    """The sections under each parent (the top-level ones first, then each section's children in
    document order), groups without sections left out. Computed once per report and shared."""
    return report.facts.shared(_sibling_groups)


def _sibling_groups(report) -> list[tuple[Section, ...]]:
    groups = [report.sections] if report.sections else []

    def visit(sections: tuple[Section, ...]) -> None:
        for s in sections:
            if s.children:
                groups.append(s.children)
                visit(s.children)

    visit(report.sections)
    return groups


class HeadingNumbering(Rule):
    """同一级标题编号不连续（S103）。

    作用
        在同一上级标题下，同一级别的标题应从一（或 1）开始依次编号。出现跳号
        （一、二、四）、重号（（一）（一））或不从头开始时报告。

    为什么
        编号错乱往往说明删改时漏掉或复制了整节内容，也让读者难以引用。

    示例（错误）
        一、总体情况
        二、主动公开政府信息情况
        四、政府信息公开行政复议、行政诉讼情况

    示例（正确）
        一、总体情况
        二、主动公开政府信息情况
        三、收到和处理政府信息公开申请情况

    选项
        无。
    """

    doc_en = """
    Headings of one level are not numbered continuously (S103).

    Purpose
        Under one parent heading, the headings of the same level should be numbered in
        sequence from 一 (or 1). A gap (一、二、四), a repeat (（一）（一）) or a sequence
        that does not start at the beginning is reported.

    Why
        Broken numbering often means that a whole section was lost or copied twice while
        editing; it also makes the report hard to cite.

    Wrong
        一、总体情况
        二、主动公开政府信息情况
        四、政府信息公开行政复议、行政诉讼情况
        (一、二、四: section 三 is missing from the numbering.)

    Right
        一、总体情况
        二、主动公开政府信息情况
        三、收到和处理政府信息公开申请情况
        (一、二、三 in sequence.)

    Options
        None.
    """

    code = "S103"
    name = "heading-numbering"
    severity = Severity.WARNING

    def check(self, report, ctx):
        for group in sibling_groups(report):
            for level, headings in _children_by_level(group).items():
                expected = 1
                for h in headings:
                    if h.number is None:
                        break
                    if h.number != expected:
                        yield self.finding(
                            h.span(0, len(h.marker)),
                            f"标题编号不连续：此处应为“{_marker(level, expected)}”，实为“{h.marker}”",
                            f"heading numbering is not continuous: expected '{_marker(level, expected)}', found '{h.marker}'",
                            expected=expected, found=h.number)
                    expected = h.number + 1


class HeadingHierarchy(Rule):
    """标题层级颠倒（S104）。

    作用
        标题层级应为 一、→（一）→ 1. →（1）。当某一节下已经直接使用了较低层级的
        标题（如“1.”“2.”），之后又出现较高层级的标题（如“（一）”）时报告，位置
        在第一个颠倒的标题处。只跳过一级（“一、”下直接用“1.”）不算颠倒。

    为什么
        层级颠倒会让读者误解内容的从属关系，也是公文格式（GB/T 9704）明确规定的
        事项。

    示例（错误）
        六、存在的问题及改进措施
        1. 存在的问题
        2. 改进措施
        （一）进一步加强对政务公开工作的领导。

    示例（正确）
        六、存在的问题及改进措施
        （一）存在的问题
        （二）改进措施
        1. 进一步加强对政务公开工作的领导。

    选项
        无。
    """

    doc_en = """
    Heading levels are inverted (S104).

    Purpose
        Heading levels go 一、 → （一） → 1. → （1）. When a section has already used
        lower-level headings directly (such as 1. and 2.) and a higher-level heading (such
        as （一）) follows, the rule reports at the first inverted heading. Skipping one level
        (1. directly under 一、) is not an inversion.

    Why
        Inverted levels mislead readers about what belongs to what, and heading levels are
        prescribed by the official-document format (GB/T 9704).

    Wrong
        六、存在的问题及改进措施
        1. 存在的问题
        2. 改进措施
        （一）进一步加强对政务公开工作的领导。
        (Under section 六 "problems and measures", the points 1. and 2. are followed by a
        （一） heading.)

    Right
        六、存在的问题及改进措施
        （一）存在的问题
        （二）改进措施
        1. 进一步加强对政务公开工作的领导。
        (（一） and （二） under 六、, with 1. below them.)

    Options
        None.
    """

    code = "S104"
    name = "heading-hierarchy"
    severity = Severity.WARNING

    def check(self, report, ctx):
        for group in sibling_groups(report):
            deepest_so_far = 0
            reported: set[int] = set()
            for section in group:
                h = section.heading
                if deepest_so_far > h.level and h.level not in reported:
                    reported.add(h.level)
                    yield self.finding(
                        h.span(0, len(h.marker)),
                        f"标题层级颠倒：“{h.marker}”出现在同一节中较低层级的标题之后（层级应为 一、→（一）→1.→（1））",
                        f"heading levels inverted: '{h.marker}' comes after lower-level headings of the same section "
                        "(the order is 一、 → （一） → 1. → （1）)",
                        level=h.level, after_level=deepest_so_far)
                deepest_so_far = max(deepest_so_far, h.level)


# --------------------------------------------------------------------------- S106
_STANDARD_TITLES = ("政府信息公开工作年度报告", "年度政府信息公开工作报告")
_WHITESPACE_RE = rx.compile(r"\s+")


class NonstandardTitle(Rule):
    """标题不规范（S106）。

    作用
        标题应包含机关名称、年度和“政府信息公开工作年度报告”字样，例如
        “××市××局2017年政府信息公开工作年度报告”。缺少标题、名称写错（如
        “政府工作信息年度报告”）、缺少年度或机关名称时报告，一次列出所缺各项。
        “××局2017年度政府信息公开工作报告”也视为规范写法。

    为什么
        年度报告的名称由《条例》规定；标题不规范会让公众和评议方检索不到报告，
        也常常是套用了其他文件的模板。

    示例（错误）
        标题：吴忠市利通区机关事务管理局 2017 年政府工作信息年度报告

    示例（正确）
        标题：吴忠市利通区机关事务管理局2017年政府信息公开工作年度报告

    选项
        无。
    """

    doc_en = """
    Nonstandard title (S106).

    Purpose
        The title should contain the agency name, the year and the words 政府信息公开工作
        年度报告 ("annual report on government information disclosure work"), e.g.
        ××市××局2017年政府信息公开工作年度报告. Reported when the title is missing, the name
        of the report is wrong (e.g. 政府工作信息年度报告), or the year or the agency name is
        missing; all missing parts are listed in one finding. ××局2017年度政府信息公开工作
        报告 is also accepted as standard.

    Why
        The name of the annual report is set by the Regulation; a nonstandard title keeps
        the public and evaluators from finding the report, and often shows that the
        template of another document was reused.

    Wrong
        标题：吴忠市利通区机关事务管理局 2017 年政府工作信息年度报告
        (标题 = title: "… 2017 annual report on government work information" — not the
        name the Regulation gives the report.)

    Right
        标题：吴忠市利通区机关事务管理局2017年政府信息公开工作年度报告
        (The standard title: agency, year, 政府信息公开工作年度报告.)

    Options
        None.
    """

    code = "S106"
    name = "nonstandard-title"
    severity = Severity.WARNING

    def check(self, report, ctx):
        from reportlint.facts.identity import title_agency, title_year
        from reportlint.source import Span

        if report.title is None:
            yield self.finding(Span(1, 1, 1, 1), "缺少标题（应为“机关名称＋年度＋政府信息公开工作年度报告”）",
                               "the report has no title (expected: agency + year + 政府信息公开工作年度报告)")
            return
        text = _WHITESPACE_RE.sub("", report.title.text)
        missing_zh, missing_en = [], []
        if not any(t in text for t in _STANDARD_TITLES):
            missing_zh.append("“政府信息公开工作年度报告”字样")
            missing_en.append("the words 政府信息公开工作年度报告")
        if title_year(report.title.text) is None:
            missing_zh.append("年度")
            missing_en.append("the year")
        if title_agency(report.title.text) is None:
            missing_zh.append("机关名称")
            missing_en.append("the agency name")
        if missing_zh:
            yield self.finding(report.title.span(), f"标题不规范，缺少{'、'.join(missing_zh)}：“{text}”",
                               f"nonstandard title, lacks {', '.join(missing_en)}: '{text}'", title=text)


# --------------------------------------------------------------------------- S107
_MIN_UNIT_CONTENT = 4
_MIN_RUN = 3
_MIN_RUN_CHARS = 30
_MIN_PARAGRAPH_CHARS = 30


# Matches (at the start) a text with at least _MIN_UNIT_CONTENT content characters (Han or Latin
# letters): it stops at the fourth instead of listing them all.
_ENOUGH_CONTENT_RE = rx.compile(rf"(?:[^\u4e00-\u9fffA-Za-z]*[\u4e00-\u9fffA-Za-z]){{{_MIN_UNIT_CONTENT}}}")


def _unit_blocks(report) -> tuple[list, list[str]]:
    """The block and text of each line-like unit in order: paragraphs and headings, and table rows (their lines)."""
    blocks: list = []
    texts: list[str] = []
    for b in report.blocks:
        if isinstance(b, Table):
            lines = [row.line for row in b.rows]
            blocks += lines
            texts += [line.text for line in lines]
        elif not (isinstance(b, Paragraph) and b.role in ("title", "signature", "closing-date")):
            blocks.append(b)
            texts.append(b.line.text)
    return blocks, texts


def _lines(block) -> tuple[int, int]:
    """The first and last original line of a unit's block (a block, or a table row's line)."""
    line = block if isinstance(block, LogicalLine) else block.line
    return line.line, line.last_line


def _first_positions(keys: list[str]) -> dict[str, int]:
    """Where each text first stands (built without Python work per unit)."""
    return dict(zip(reversed(keys), range(len(keys) - 1, -1, -1)))


def _repeats(keys: list[str], first: dict[str, int]) -> list[int]:
    """The positions of the texts that came before, in order (no Python work per unit)."""
    return list(compress(range(len(keys)), map(ne, map(first.__getitem__, keys), range(len(keys)))))


class DuplicateBlock(Rule):
    """重复的段落或内容块（S107）。

    作用
        同一段落（至少 30 字）在报告中出现两次，或连续 3 行以上（段落、标题、表格
        行）的内容整块重复出现时报告，位置在第二次出现的开头，并指出第一次出现的
        行号。

    为什么
        整块重复通常是排版时误粘贴（例如同一张审批单贴了两遍），或从模板、往年
        报告复制后没有整理。

    示例（错误）
        主动公开政府信息审批单
        信息名称：2017年部门预算公开说明
        拟采取的公开形式：门户网站
        主动公开政府信息审批单
        信息名称：2017年部门预算公开说明
        拟采取的公开形式：门户网站

    示例（正确）
        主动公开政府信息审批单
        信息名称：2017年部门预算公开说明
        拟采取的公开形式：门户网站

    选项
        无。
    """

    doc_en = """
    Duplicated paragraph or block (S107).

    Purpose
        Reported when the same paragraph (at least 30 characters) appears twice in the
        report, or a run of three or more lines (paragraphs, headings, table rows) is
        repeated as a block; the finding is at the start of the second occurrence and gives
        the line of the first.

    Why
        A repeated block is usually a paste slip during layout (the same approval form
        pasted twice, say), or text copied from a template or an earlier report and never
        tidied up.

    Wrong
        主动公开政府信息审批单
        信息名称：2017年部门预算公开说明
        拟采取的公开形式：门户网站
        主动公开政府信息审批单
        信息名称：2017年部门预算公开说明
        拟采取的公开形式：门户网站
        (A three-line approval form for proactive disclosure — form title, item name, form of
        disclosure — appears twice.)

    Right
        主动公开政府信息审批单
        信息名称：2017年部门预算公开说明
        拟采取的公开形式：门户网站
        (The form appears once.)

    Options
        None.
    """

    code = "S107"
    name = "duplicate-block"
    severity = Severity.WARNING

    def check(self, report, ctx):
        blocks, texts = _unit_blocks(report)
        keys = ["".join(t.split()) for t in texts]
        count = len(keys)
        first = _first_positions(keys)
        if len(first) == count:  # no text twice: nothing can repeat
            return
        # The units that count and whose text came before: only these can start a repetition.
        again = _repeats(keys, first)
        repeats = list(compress(again, map(_ENOUGH_CONTENT_RE.match, map(keys.__getitem__, again))))
        if not repeats:
            return
        # A unit with too little content does not count: repetitions are followed along the
        # units that do. Whether a unit counts is asked only of the units a repetition reaches.
        trivial: list[bool | None] = [None] * count

        def after(x: int) -> int:
            """The first unit after ``x`` that counts (``count`` when none)."""
            x += 1
            while x < count:
                t = trivial[x]
                if t is None:
                    t = trivial[x] = _ENOUGH_CONTENT_RE.match(keys[x]) is None
                if not t:
                    return x
                x += 1
            return count

        def nth_after(x: int, n: int) -> int:
            for _ in range(n):
                x = after(x)
            return x

        # Each looks back at the earlier units with its text, the first of them first.
        earlier: dict[str, list[int]] = {}
        for i in repeats:
            k = keys[i]
            if k in earlier:
                earlier[k].append(i)
            else:
                earlier[k] = [first[k], i]
        done = -1  # the last unit of a repetition already reported
        for i in repeats:
            if i <= done:
                continue
            best = (0, -1)
            for j in earlier[keys[i]]:
                if j >= i:
                    break
                n, a, b = 1, after(i), after(j)  # keys[i] == keys[j]
                while a < count and b < i and keys[a] == keys[b]:
                    n += 1
                    a, b = after(a), after(b)
                if n > best[0]:
                    best = (n, j)
            n, j = best
            block = blocks[i]
            if n >= _MIN_RUN:
                run = [i]
                for _ in range(n - 1):
                    run.append(after(run[-1]))
                if sum(len(keys[k]) for k in run) >= _MIN_RUN_CHARS:
                    first_line, last_line = _lines(blocks[j])[0], _lines(blocks[nth_after(j, n - 1)])[1]
                    yield self.finding(block.span(), f"与第 {first_line}–{last_line} 行的内容重复（连续 {n} 行）",
                                       f"repeats lines {first_line}–{last_line} ({n} consecutive lines)",
                                       first_line=first_line, count=n)
                    done = run[-1]
                    continue
            if isinstance(block, Paragraph) and not block.role and len(keys[i]) >= _MIN_PARAGRAPH_CHARS:
                first_line = _lines(blocks[j])[0]
                yield self.finding(block.span(), f"与第 {first_line} 行的段落重复",
                                   f"repeats the paragraph of line {first_line}", first_line=first_line, count=1)


RULES = [MissingRequiredContent, HeadingNumbering, HeadingHierarchy, NonstandardTitle, DuplicateBlock]


# --------------------------------------------------------------------------- S105
from reportlint.patterns import match_heading  # noqa: E402

# The separator each level takes: 一、 → （一） → 1. (or 1．) → （1）.
_RIGHT_SEPARATOR = {1: ("、",), 2: ("",), 3: (".", "．"), 4: ("",)}


class HeadingPunctuation(Rule):
    """标题序号后的标点不规范（S105）。

    作用
        各级标题序号的写法是 一、→（一）→ 1.（或 1．）→（1）：第一级用顿号，第三级
        用下脚点，括号序号后面不再加标点（GB/T 9704-2012）。以下写法报告，位置在
        多余或用错的标点上：

        - “一.”“一．”（第一级应为“一、”）；
        - “（一）、”“（一）.”“（一），”（括号后不加标点）；
        - “1、”（第三级应为“1.”）；
        - “（1）、”“（1）.”（括号后不加标点）。

        序号的括号写成半角“(一)”由 W602 报告，这里不重复。

    为什么
        序号标点不统一显得不规范，也会让层级看起来混乱。

    示例（错误）
        （一）、加强组织领导

    示例（正确）
        （一）加强组织领导

    选项
        无。
    """

    doc_en = """
    Wrong punctuation after a heading number (S105).

    Purpose
        Heading numbers are written 一、 → （一） → 1. (or 1．) → （1）: the first level takes
        the enumeration comma 、, the third level a full stop, and a bracketed number takes
        no punctuation after it (GB/T 9704-2012). These forms are reported, at the extra or
        wrong mark:

        - 一. or 一． (level one should be 一、);
        - （一）、 （一）. （一）， (no punctuation after the brackets);
        - 1、 (level three should be 1.);
        - （1）、 （1）. (no punctuation after the brackets).

        Half-width brackets around the number, (一), are reported by W602, not here.

    Why
        Inconsistent punctuation after heading numbers looks careless and blurs the heading
        levels.

    Wrong
        （一）、加强组织领导
        (（一）、 "Strengthen leadership": a comma after the bracketed number.)

    Right
        （一）加强组织领导
        (（一） with nothing after the brackets.)

    Options
        None.
    """

    code = "S105"
    name = "heading-punctuation"
    severity = Severity.INFO

    def check(self, report, ctx):
        for h in report.headings:
            right = _RIGHT_SEPARATOR.get(h.level)
            if right is None or h.separator in right:
                continue
            found = match_heading(h.text)
            if found is None:
                continue
            m = found[1]
            start, end = m.start("sep"), m.end("sep")
            numeral = h.text[: start].strip(" \u3000")
            want = numeral + right[0]
            shown = numeral + h.separator
            yield self.finding(h.span(start, end), f"标题序号“{shown}”的标点不规范，应为“{want}”",
                               f"heading marker '{shown}' is punctuated wrongly: write '{want}'",
                               level=h.level, found=shown, expected=want)


RULES += [HeadingPunctuation]
