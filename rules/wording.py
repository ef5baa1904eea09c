"""W — wording: 截止/截至, template residue."""

from __future__ import annotations

import re

from reportlint import rx

from reportlint.rule import Edit, Rule, Severity

_JIEZHI_RE = rx.compile(
    r"截止(?=[ \u3000]*(?:目前|当前|现在|今|年底|年末|月底|本年|上年|去年|今年|当年|(?:19|20)\d{2}[ \u3000]*年|\d{1,2}[ \u3000]*月"
    r"|[〇○零一二][〇○零一二三四五六七八九]{3}[ \u3000]*年|(?:十[一二]?|[一二三四五六七八九])[ \u3000]*月))"
)


class JiezhiMisuse(Rule):
    """“截止”误用为“截至”（W601）。

    作用
        表示“到某个时间为止”应写“截至”：“截至目前”“截至2017年底”。“截止”是
        “停止”的意思，后面不直接跟时间。“截止”后紧跟“目前、年底、2017年、12月”
        （也包括“二〇一七年”“十二月”这样的汉字写法）等时间时报告，并可自动把
        “止”改为“至”。“截止日期”“截止时间”“截止到”“已截止”是正确用法，不报告。

    为什么
        这是政务文稿中最常见的用词错误之一，评议时常被指出。

    示例（错误）
        截止目前，我局召开政务公开工作专题会议1次。

    示例（正确）
        截至目前，我局召开政务公开工作专题会议1次。申请的截止日期为3月31日。

    选项
        无。
    """

    doc_en = """
    截止 ("to stop") misused for 截至 ("up to") (W601).

    Purpose
        "Up to a point in time" is written 截至: 截至目前 ("up to now"), 截至2017年底 ("up to
        the end of 2017"). 截止 means "to stop" and is not followed directly by a time.
        Reported when 截止 is directly followed by a time such as 目前, 年底, 2017年 or 12月
        (including Chinese-numeral forms such as 二〇一七年 or 十二月); the fix changes 止 to
        至. 截止日期 ("deadline"), 截止时间 ("closing time"), 截止到 ("up to") and 已截止
        ("has closed") are correct and not reported.

    Why
        This is one of the most common wording errors in government writing, and evaluations
        often point it out.

    Wrong
        截止目前，我局召开政务公开工作专题会议1次。
        ("Up to now (截止目前), the bureau has held one meeting on open government affairs.")

    Right
        截至目前，我局召开政务公开工作专题会议1次。申请的截止日期为3月31日。
        (截至目前 "up to now"; in 截止日期 "the deadline for applications", 截止 is correct.)

    Options
        None.
    """

    code = "W601"
    name = "jiezhi-misuse"
    severity = Severity.WARNING
    fixable = True

    def check(self, report, ctx):
        if "截" not in report._index_all[0]:
            return  # a character test of the whole text costs far less than any search
        # One search of the whole text: the pattern begins with a literal, and nothing it looks at
        # ahead can run into the next block.
        for block, start, end, _ in report.scan(_JIEZHI_RE):
            # Replace only 止: the two characters may stand on different lines.
            fix = (Edit(block.span(start + 1, end), "至"),)
            yield self.finding(block.span(start, end), "表示“到某时为止”应写“截至”，不是“截止”",
                               "'截止' (to stop) is used for 'up to a time': write '截至'", fix=fix)


_PLACEHOLDER_RE = rx.compile(
    # "○○"/"〇〇" next to a Chinese numeral is a year or a number (二〇〇〇年), not a placeholder.
    r"(?:(?<![A-Za-z])(?:X{2,}|x{2,}|Ｘ{2,}|×{2,}|\*{2,})"
    r"|(?<![〇○零一二三四五六七八九十\d])(?:○{2,}|〇{2,})(?![〇○零一二三四五六七八九十]))"
    r"(?=[市县区局委办厅乡镇村街单部年月日号公科处室同])"
)
# "王××同志" / "李××局长": a name masked for privacy, not a placeholder.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤"
)
_PERSON_AFTER_RE = rx.compile(r"同志|[局市县区镇乡村处科部室厅委办]长|[区县市镇乡村办]?主任|[部厅处科]?书记")
_SLOT_OPENERS = "【[［"
_SLOT_REST = r"[ \u3000]*(?:单位|机关|部门|文件|发文)?(?:名称|全称|日期|时间|姓名|文号|字号)[ \u3000]*[】\]］]"
_SLOT_RE = rx.compile(f"[{re.escape(_SLOT_OPENERS)}]{_SLOT_REST}")
# Not the end of an adjective: 宝贵、珍贵、昂贵 … followed by 办事/办公.
_GUIBAN_RE = rx.compile(r"(?<![宝珍昂富名可高尊权华])贵办")
_CHECKBOX_REST = r"[ \u3000]*[)）]"
_CHECKBOX_RE = rx.compile(f"[（(]{_CHECKBOX_REST}")
_TICK_HINT_RE = rx.compile(
    r"[（(][ \u3000]*(?:请[ \u3000]*)?(?:在[^（）()]{0,4}内[ \u3000]*)?[画划打][ \u3000]*[√✓✔][ \u3000]*(?:选定|选择)?[ \u3000]*[)）]"
)
_SIGNERS = "承办人|经办人|填表人|填报人|审核人|签发人|联系人"
# A signer label with nothing after it: at the end of the line, or followed (after spaces) by the next label
# of the form ("承办人：        公开时间：…" when the table's tabs became spaces).
_EMPTY_SIGNER_RE = rx.compile(
    rf"(?:{_SIGNERS})[ \u3000]*[：:]"
    rf"(?=[ \u3000]*$|[ \u3000]+(?:{_SIGNERS}|公开时间|填报时间|填表时间|审核时间|时间|日期|联系电话|电话)[ \u3000]*[：:])"
)

# The blocks worth checking: (a character, a pattern beginning with a literal) for each of the patterns
# above, the pattern matching wherever the rule's does and the character in each match (see
# Report.blocks_with_hints). Patterns beginning with a class or a look-behind are stood in for by a piece of
# theirs: two placeholder characters, the opening bracket of a slot or a check box, a tick, "贵办", and
# the "人：" of a signer label.
_W604_HINTS = (
    *((ch, rx.compile(re.escape(ch * 2))) for ch in "XxＸ×*○〇"),
    *((ch, rx.compile(re.escape(ch) + _SLOT_REST)) for ch in _SLOT_OPENERS),
    ("贵", rx.compile("贵办")),
    *((ch, rx.compile(ch)) for ch in "√✓✔"),
    *((ch, rx.compile(re.escape(ch) + _CHECKBOX_REST)) for ch in "（("),
    ("人", rx.compile(r"人[ \u3000]*[：:]")),
)


class TemplateResidue(Rule):
    """模板残留（W604）。

    作用
        报告中留有模板里的占位内容时报告：

        - 占位符“XX局”“××市”“○○年”；
        - 待填写的栏目“【单位名称】”“[日期]”；
        - 套用请示函留下的“贵办”；
        - 没有勾选的选择框“()”“（ ）”（原文每行只报告一次，不论有几个）和填写提示
          “（画√选定）”“（请打√）”；
        - 空着的“承办人：”“经办人：”等签署栏（在行尾，或后面隔着空格就是下一栏
          “公开时间：”）。

        为保护隐私而写的“王××申请……”不报告：占位符后面必须是“局、市、年、号”
        之类的机关或日期用字；姓氏后的“王××同志”“李××局长”也是隐去的人名，不报告。
        “二〇〇〇年”里的“〇〇”是数字，不报告。

    为什么
        模板残留说明报告没有经过认真核对就发布了，是评议中的明显扣分项。

    示例（错误）
        拟采取的公开形式 ①门户网站() ②报刊() （画√选定）
        承办人：

    示例（正确）
        拟采取的公开形式：门户网站
        承办人：张三

    选项
        无。
    """

    doc_en = """
    Template residue (W604).

    Purpose
        Reported when placeholder content of a template is left in the report:

        - placeholders XX局, ××市, ○○年;
        - slots to be filled in: 【单位名称】 ("[name of unit]"), [日期] ("[date]");
        - 贵办 ("your office"), left from a letter template;
        - unticked check boxes () or （ ） (one finding per line of the original, however
          many boxes it holds) and instructions such as （画√选定） ("tick to select") or
          （请打√） ("please tick");
        - empty signature fields such as 承办人： ("handled by:") or 经办人： (at the end of a
          line, or followed after spaces by the next field, such as 公开时间：).

        A name masked for privacy, 王××申请…… ("Wang ×× applied …"), is not reported: a
        placeholder must be followed by a character of agency names or dates such as 局, 市,
        年 or 号; a surname followed by ×× and a form of address (王××同志, 李××局长) is also a
        masked name and not reported. The 〇〇 in 二〇〇〇年 is a number, not a placeholder.

    Why
        Template residue shows that the report was published without careful checking, and
        is an obvious deduction in evaluations.

    Wrong
        拟采取的公开形式 ①门户网站() ②报刊() （画√选定）
        承办人：
        (A form "proposed form of disclosure: ① portal () ② newspaper ()" with unticked boxes,
        the instruction "(tick to select)", and an empty "handled by:".)

    Right
        拟采取的公开形式：门户网站
        承办人：张三
        (The form of disclosure is filled in: the portal; handled by Zhang San.)

    Options
        None.
    """

    code = "W604"
    name = "template-residue"
    severity = Severity.ERROR

    def check(self, report, ctx):
        for block in report.blocks_with_hints(_W604_HINTS):
            text = block.text
            for pattern, zh, en in (
                (_PLACEHOLDER_RE, "占位符", "placeholder"),
                (_SLOT_RE, "待填写的栏目", "unfilled slot"),
                (_GUIBAN_RE, "套用请示函的称呼", "salutation left from a letter template"),
                (_TICK_HINT_RE, "模板中的填写提示", "form instruction left from the template"),
            ):
                for m in pattern.finditer(text):
                    if pattern is _PLACEHOLDER_RE and (self._masked_name(m, text) or self._markdown_bold(m, text)):
                        continue
                    yield self.finding(block.span(m.start(), m.end()), f"模板残留（{zh}）：“{m.group(0)}”",
                                       f"template residue ({en}): '{m.group(0)}'", found=m.group(0))
            # Unticked boxes: one finding per original line, however many boxes it holds.
            by_line: dict[int, list[re.Match[str]]] = {}
            for m in _CHECKBOX_RE.finditer(text):
                by_line.setdefault(block.span(m.start(), m.end()).line, []).append(m)
            for boxes in by_line.values():
                yield self.finding(block.span(boxes[0].start(), boxes[-1].end()),
                                   f"模板残留：{len(boxes)} 个未勾选的选择框“{boxes[0].group(0)}”",
                                   f"template residue: {len(boxes)} unticked check box(es) '{boxes[0].group(0)}'",
                                   count=len(boxes))
            for m in _EMPTY_SIGNER_RE.finditer(text):
                yield self.finding(block.span(m.start(), m.end()), f"模板残留：“{m.group(0)}”未填写",
                                   f"template residue: '{m.group(0)}' left empty", found=m.group(0))

    @staticmethod
    def _masked_name(m: re.Match[str], text: str) -> bool:
        """A name masked for privacy ("王××同志"): a surname, the mask, then a form of address."""
        return (m.start() > 0 and text[m.start() - 1] in _SURNAMES
                and _PERSON_AFTER_RE.match(text, m.end()) is not None)

    @staticmethod
    def _markdown_bold(m: re.Match[str], text: str) -> bool:
        """Markdown emphasis ("**市本级**" in a .md file), not a placeholder."""
        return m.group(0) == "**" and text.count("**") >= 2


RULES = [JiezhiMisuse, TemplateResidue]


# --------------------------------------------------------------------------- W602
from reportlint.model import Heading  # noqa: E402
from reportlint.patterns import match_heading  # noqa: E402


def _is_han(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF


# Full-width punctuation that counts as Chinese text on either side of a slip.
_CN_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—")
_FULLWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


def _chinese(ch: str) -> bool:
    return bool(ch) and (_is_han(ch) or ch in _CN_PUNCT)


class HalfwidthPunctuation(Rule):
    """中文之间使用了半角标点（W602）。

    作用
        中文行文应使用全角标点（GB/T 15834）。半角的 , ; : ? ! 前后都是汉字（或全角
        标点）时报告，并可自动改为全角（标点后误加的空格一并删去）。半角括号 ( )
        按对检查：括号内有汉字、括号外紧挨着汉字时，成对报告并改为（）；与全角括号
        配对的半角括号（“（含政策解读10条)”）也报告并改为全角。

        以下不报告：网址、电子邮箱、时间“9:30”、小数“3.5”、千分位“1,200”、编号
        “1.”、英文句子里的标点（两侧不都是汉字）；括号内没有汉字的“(2017)”“(1)”
        “(WeChat)”；Markdown 链接“[指南](指南.md)”；空的“()”（未勾选的选择框，由 W604
        报告）；标题序号后的标点（“（一）,”由 S105 报告）。

    为什么
        半角标点夹在中文里是输入法切换时的常见疏忽，排版上很显眼。

    示例（错误）
        我局通过门户网站(含政务微博)发布信息,并及时更新。

    示例（正确）
        我局通过门户网站（含政务微博）发布信息，并及时更新。网址：http://www.example.gov.cn，时间9:30。

    选项
        无。
    """

    doc_en = """
    Half-width punctuation in Chinese text (W602).

    Purpose
        Chinese text uses full-width punctuation (GB/T 15834). Reported when a half-width
        , ; : ? or ! stands between Chinese characters (or full-width punctuation) on both
        sides; the fix makes it full-width (and deletes a space typed after it). Half-width
        brackets ( ) are checked in pairs: when there is Chinese inside and Chinese right
        outside, the pair is reported and changed to （）; a half-width bracket paired with a
        full-width one (（含政策解读10条)) is reported and made full-width too.

        Not reported: URLs, e-mail addresses, times 9:30, decimals 3.5, thousands separators
        1,200, numbering 1., punctuation in English sentences (not Chinese on both sides);
        brackets without Chinese inside, such as (2017), (1), (WeChat); Markdown links
        [指南](指南.md); an empty () (an unticked check box, reported by W604); punctuation
        after a heading number (（一）, is reported by S105).

    Why
        Half-width marks inside Chinese text are a common slip when switching input methods,
        and stand out in the layout.

    Wrong
        我局通过门户网站(含政务微博)发布信息,并及时更新。
        (Half-width ( ) and , inside Chinese text.)

    Right
        我局通过门户网站（含政务微博）发布信息，并及时更新。网址：http://www.example.gov.cn，时间9:30。
        (Full-width （） and ，; the URL and the time 9:30 keep their ASCII colons.)

    Options
        None.
    """

    code = "W602"
    name = "halfwidth-punctuation"
    severity = Severity.WARNING
    fixable = True

    def check(self, report, ctx):
        for block in report.blocks_with_hints(_ASCII_PUNCT_HINTS):
            text = block.text
            if not any(ch in _FULLWIDTH for ch in text):
                continue
            skip = self._marker_separator(block)
            # (start, end of the reported span, [(position, replacement)])
            found: list[tuple[int, int, list[tuple[int, str]]]] = []
            for mark in _HALF_MARK_RE.finditer(text):  # only the marks, not every character
                i, ch = mark.start(), mark.group()
                if i in skip:
                    continue
                j = i + 1
                while j < len(text) and text[j] in " \u3000":
                    j += 1
                if i > 0 and j < len(text) and _chinese(text[i - 1]) and _chinese(text[j]):
                    # The space typed after a half-width mark goes with it.
                    found.append((i, j, [(i, _FULLWIDTH[ch])] + [(k, "") for k in range(i + 1, j)]))
            found.extend(self._brackets(text))
            for start, end, edits in sorted(found):
                fix = tuple(Edit(block.span(p, p + 1), rep) for p, rep in edits)
                shown = "".join(text[p] for p, rep in edits if rep)
                yield self.finding(block.span(start, end), f"中文中使用了半角标点“{shown}”，应使用全角标点",
                                   f"half-width punctuation '{shown}' in Chinese text: use full-width",
                                   fix=fix, found=shown)

    @staticmethod
    def _marker_separator(block) -> set[int]:
        """The separator after a heading's numeral ("（一）,"): S105's business."""
        if not isinstance(block, Heading):
            return set()
        h = match_heading(block.text)
        if h is None or not h[1].group("sep"):
            return set()
        return {h[1].start("sep")}

    @staticmethod
    def _brackets(text: str):
        """Half-width ( ) in pairs (with a half- or full-width partner) around Chinese text."""
        stack: list[int] = []
        out = []
        for bracket in _ROUND_BRACKET_RE.finditer(text):  # only the brackets, not every character
            i, ch = bracket.start(), bracket.group()
            if ch in "(（":
                stack.append(i)
            elif ch in ")）" and stack:
                o = stack.pop()
                if text[o] == "（" and ch == "）":
                    continue
                inner = text[o + 1:i]
                if not any(_is_han(c) for c in inner) or (o > 0 and text[o - 1] == "]"):
                    continue  # no Chinese inside, or a Markdown link "[指南](指南.md)"
                before = text[o - 1] if o > 0 else ""
                after = text[i + 1] if i + 1 < len(text) else ""
                # Chinese outside the pair; or the pair's other half is full-width already.
                if not (_chinese(before) or _chinese(after) or text[o] == "（" or ch == "）"):
                    continue
                half = [p for p in (o, i) if text[p] in "()"]
                out.append((min(half), max(half) + 1, [(p, _FULLWIDTH[text[p]]) for p in half]))
        return out


# --------------------------------------------------------------------------- W603
# A number (digits, decimals, a percent sign) and a Chinese character side by side,
# with nothing, or exactly one space, between them.
# W602 prefilter: only a block holding an ASCII mark can have one between Chinese characters. Each
# mark is searched for on its own (a literal is found many times faster than a class of them), and
# only when it occurs in the report at all (see Report.blocks_with_hints).
_ASCII_PUNCT_HINTS = tuple((ch, rx.compile(re.escape(ch))) for ch in ",;:?!()")
# What the loops of W602 look at, found by regex rather than by a loop over every character.
_HALF_MARK_RE = rx.compile("[,;:?!]")
_ROUND_BRACKET_RE = rx.compile("[(（)）]")
_NUM_THEN_HAN_RE = rx.compile(r"\d(?:[.,]\d+)*[%％]?(?P<gap>[ \u3000]?)(?=[\u4e00-\u9fff])")
_HAN_THEN_NUM_RE = rx.compile(r"[\u4e00-\u9fff](?P<gap>[ \u3000]?)(?=\d)")
# A space or an ideographic space between a number and a Chinese character (either way round): the
# spaced places of the two patterns above. Most reports have none, and then nothing can be inconsistent.
# Each begins with its space character, so it is found many times faster than the patterns themselves.
_SPACED_PLACE_RES = tuple(
    rx.compile(rf"{sp}(?:(?<=[\d%％]{sp})(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]{sp})(?=\d))")
    for sp in (" ", "\u3000")
)


class DigitSpacing(Rule):
    """数字与汉字之间的空格前后不一致（W603）。

    作用
        同一份报告中，数字与汉字之间有时加空格（“40 条”“2017 年”）、有时不加
        （“71条”）时，报告少数的一种写法（两种一样多时报告加空格的写法，不加空格是
        通行写法），并可自动改成多数的写法（删去或补上一个空格）。只数正好一个空格
        的情况：连续几个空格多是对齐用的，不计；跨行拆开的数字和汉字不计；表格
        单元格不计。

    为什么
        从 PDF 或网页复制的文字常带有多余空格，与手工录入的部分混在一起，排版显得
        不整齐，也会影响检索（搜索“71条”找不到“71 条”）。

    示例（错误）
        我局主动公开政府信息71条，其中工作动态40 条，政策文件31条。

    示例（正确）
        我局主动公开政府信息71条，其中工作动态40条，政策文件31条。

    选项
        无。
    """

    doc_en = """
    Inconsistent spacing between numbers and Chinese (W603).

    Purpose
        Reported when, within one report, numbers and Chinese characters are sometimes
        separated by a space (40 条, 2017 年) and sometimes not (71条): the less frequent
        style is reported (on a tie, the spaced one, since no space is the common style), and
        the fix changes it to the majority style (deleting or adding one space). Only exactly
        one space counts: several spaces are mostly for alignment and are ignored; numbers
        and characters split across lines are ignored; table cells are ignored.

    Why
        Text copied from PDFs or web pages often carries stray spaces; mixed with typed text
        the layout looks untidy, and searching suffers (a search for 71条 does not find
        71 条).

    Wrong
        我局主动公开政府信息71条，其中工作动态40 条，政策文件31条。
        (40 条 has a space; 71条 and 31条 do not.)

    Right
        我局主动公开政府信息71条，其中工作动态40条，政策文件31条。
        (No spaces anywhere.)

    Options
        None.
    """

    code = "W603"
    name = "digit-spacing"
    severity = Severity.INFO
    fixable = True

    def check(self, report, ctx):
        if not any(next(report.scan(pattern, cells=False), None) for pattern in _SPACED_PLACE_RES):
            return  # no spaced place: the report is consistent
        spaced, tight = [], []
        for pattern in (_NUM_THEN_HAN_RE, _HAN_THEN_NUM_RE):
            for block, start, _, m in report.scan(pattern, cells=False):
                g = start + m.start("gap") - m.start()  # the place between the two characters
                if m["gap"]:
                    spaced.append((block, g - 1, g, g + 1))
                elif not block.line.breaks_before(g):  # both characters on one original line
                    tight.append((block, g - 1, g, g + 1))
        if not spaced or not tight:
            return
        minority = spaced if len(spaced) <= len(tight) else tight
        # One finding per original line, however many places it holds (a spaced date has six).
        by_line: dict[tuple[int, int], list[tuple]] = {}
        for block, left, gap, right in minority:
            by_line.setdefault((id(block), block.span(left, left + 1).line), []).append((block, left, gap, right))
        for places in by_line.values():
            places.sort(key=lambda p: p[1])
            block = places[0][0]
            text = block.text
            if minority is spaced:
                fix = tuple(Edit(block.span(gap, gap + 1), "") for _, _, gap, _ in places)
                shown = [text[left:right + 1] for _, left, _, right in places]
                span = block.span(places[0][1], places[-1][3] + 1)
                zh = f"数字与汉字之间多了空格：{'、'.join(f'“{x}”' for x in shown)}（本报告多数不加空格）"
                en = f"space between a number and Chinese: {', '.join(repr(x) for x in shown)} (most of this report has none)"
            else:
                fix = tuple(Edit(block.span(gap, gap), " ") for _, _, gap, _ in places)
                shown = [text[left:right] for _, left, _, right in places]
                span = block.span(places[0][1], places[-1][3])
                zh = f"数字与汉字之间缺少空格：{'、'.join(f'“{x}”' for x in shown)}（本报告多数加一个空格）"
                en = f"no space between a number and Chinese: {', '.join(repr(x) for x in shown)} (most of this report has one)"
            yield self.finding(span, zh, en, fix=fix, found=shown, spaced=len(spaced), unspaced=len(tight))


# --------------------------------------------------------------------------- W605
_PHONE_LABEL_RE = rx.compile(
    r"(?P<label>(?:联系|咨询|办公|值班|监督|举报|投诉|服务|受理)?(?:电话|传真|手机|热线)(?:号码)?"
    r"(?:[/／、及和](?:电话|传真|手机))?)[ \u3000]*(?:[：:]|为|是)[ \u3000]*"
)
# A telephone number as written: digits with - － — – spaces and an area code in brackets.
_PHONE_VALUE_RE = rx.compile(r"[（(]?\d[\d\-－—–（）() \u3000]*\d|\d")
_PHONE_SEP_RE = rx.compile(r"[、/／或和][ \u3000]*")
_EMAIL_LABEL_RE = rx.compile(r"(?:电子邮箱|电子信箱|电子邮件|邮箱|E-?mail|e-?mail|EMAIL)[ \u3000]*[：:][ \u3000]*")
# An address as typed, including the slips "163,com" / "163。com" (a comma or 。 before a top-level domain).
_EMAIL_TOKEN_RE = rx.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+[@＠]"
    r"(?P<domain>[A-Za-z0-9._\-]*(?:[。，,](?:com|cn|net|org|gov|edu)(?![A-Za-z0-9])(?:\.[A-Za-z]+)*)?)"
)
_EMAIL_OK_RE = rx.compile(r"^[A-Za-z0-9._%+\-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$")
_POSTCODE_RE = rx.compile(r"(?:邮编|邮政编码)[ \u3000]*[：:为]?[ \u3000]*(?P<v>\d+)(?![\d.])")
# The blocks worth checking: each match of the four patterns above holds one of these words
# (邮 stands for 邮箱, 邮件, 邮编 and 邮政编码; mail for E-mail, e-mail, Email). Each is searched
# for on its own (a literal is found many times faster than the patterns or an alternation), and only
# when the word's rarest character occurs in the report at all (see Report.blocks_with_hints).
_W605_HINTS = tuple((ch, rx.compile(word)) for ch, word in (
    ("话", "电话"), ("真", "传真"), ("手", "手机"), ("线", "热线"), ("@", "@"), ("＠", "＠"), ("邮", "邮"),
    ("箱", "信箱"), ("m", "mail"), ("M", "MAIL")))


def phone_problem(value: str) -> str | None:
    """Why ``value`` is not a Chinese telephone number, or None when it is one."""
    groups = re.findall(r"\d+", value)
    digits = "".join(groups)
    if len(groups) >= 2 and groups[0].startswith("0") and len(groups[0]) in (3, 4):
        area, rest = groups[0], groups[1:]
        need = (8,) if len(area) == 3 else (7, 8)
        if len(rest[0]) in need and (len(rest) == 1 or (len(rest) == 2 and len(rest[1]) <= 5)):
            return None  # with an extension "-801"
        if len("".join(rest)) in need:
            return None  # "010-6234 5678"
        return f"区号{area}后的号码应为{'或'.join(map(str, need))}位，实为{len(''.join(rest))}位"
    if digits.startswith("1") and len(digits) == 11 and digits[1] in "3456789":
        return None  # mobile
    if digits.startswith("1") and 3 <= len(digits) <= 5 and len(groups) == 1:
        return None  # 110, 12345 …
    if digits.startswith("0") and len(digits) in (11, 12) and len(groups) == 1:
        return None
    if digits[:1] in "23456789" and len(digits) in (7, 8):
        return None  # a local number without the area code
    if digits[:3] in ("400", "800") and len(digits) == 10:
        return None
    if digits.startswith("9") and len(digits) in (5, 6) and len(groups) == 1:
        return None  # 95598 …
    return f"位数或格式不对（{len(digits)}位数字）"


class ContactFormat(Rule):
    """联系方式格式错误（W605）。

    作用
        报告中的电话、电子邮箱、邮政编码格式不对时报告：

        - 电话（“电话：”“联系电话：”“传真：”等后面的号码）：固定电话为3位区号加8位
          号码，或4位区号加7～8位号码（可带“-801”分机）；手机11位；也接受不带区号的
          7～8位号码、12345一类的短号码和400号码。如“0953-290559”少了一位；
        - 电子邮箱：需有且只有一个“@”，“@”后是带“.”的域名（“ltqjgj@163”
          “ltqjgj@163,com”“ltqjgj＠163.com”报告）；“邮箱：”后写了账号却没有“@”
          也报告。“@河西人社”这样的微博账号不报告；
        - 邮政编码（“邮编：”后）应为6位数字。

    为什么
        联系方式是公众就报告提出疑问的唯一渠道，写错一位就联系不上。

    示例（错误）
        联系电话：0953-290559；电子邮箱：ltqjgj@163；邮编：75110。

    示例（正确）
        联系电话：0953-2905595；电子邮箱：ltqjgj@163.com；邮编：751100。

    选项
        无。
    """

    doc_en = """
    Malformed contact details (W605).

    Purpose
        Reported when a telephone number, e-mail address or postcode in the report is
        malformed:

        - telephone (the number after 电话：, 联系电话：, 传真： "fax:" and the like): a fixed
          line is a 3-digit area code with 8 digits, or a 4-digit area code with 7–8 digits
          (an extension such as -801 is allowed); a mobile has 11 digits; 7–8-digit numbers
          without area code, short numbers such as 12345 and 400 numbers are accepted too.
          0953-290559, for instance, is one digit short;
        - e-mail: exactly one @, followed by a domain containing a dot (ltqjgj@163,
          ltqjgj@163,com and ltqjgj＠163.com are reported); an account written after 邮箱：
          ("mailbox:") without any @ is reported too. A Weibo handle such as @河西人社 is not
          reported;
        - postcode (after 邮编：): six digits.

    Why
        The contact details are the public's only channel for questions about the report; one
        wrong digit and nobody gets through.

    Wrong
        联系电话：0953-290559；电子邮箱：ltqjgj@163；邮编：75110。
        (The phone number is one digit short, the e-mail has no domain, the postcode has five
        digits.)

    Right
        联系电话：0953-2905595；电子邮箱：ltqjgj@163.com；邮编：751100。
        (The full number 0953-2905595, the complete address ltqjgj@163.com, the six-digit
        postcode 751100.)

    Options
        None.
    """

    code = "W605"
    name = "contact-format"
    severity = Severity.WARNING

    def check(self, report, ctx):
        for block in report.blocks_with_hints(_W605_HINTS):
            text = block.text
            yield from self._phones(block, text)
            yield from self._emails(block, text)
            for m in _POSTCODE_RE.finditer(text):
                if len(m["v"]) != 6:
                    yield self.finding(block.span(m.start("v"), m.end("v")),
                                       f"邮政编码应为6位数字：“{m['v']}”", f"a postcode has six digits: '{m['v']}'",
                                       found=m["v"])

    def _phones(self, block, text):
        for label in _PHONE_LABEL_RE.finditer(text):
            pos = label.end()
            while True:
                m = _PHONE_VALUE_RE.match(text, pos)
                if m is None:
                    break
                value = m.group(0).rstrip(" \u3000（(")
                end = m.start() + len(value)
                # "电话：共12次", "…，2017年": a count or a date, not a number.
                if re.match(r"[ \u3000]*(?:次|件|个|人|条|部|台|余|多|年|月|日|号|元|万)", text[end:]):
                    break
                problem = phone_problem(value)
                if problem:
                    yield self.finding(block.span(m.start(), end), f"电话号码格式不对：“{value}”，{problem}",
                                       f"malformed telephone number '{value}'", found=value)
                sep = _PHONE_SEP_RE.match(text, end)
                if sep is None:
                    break
                pos = sep.end()

    def _emails(self, block, text):
        seen = set()
        for m in _EMAIL_TOKEN_RE.finditer(text):
            token = m.group(0).rstrip(".")
            if not re.match(r"[A-Za-z0-9]", m["domain"]):
                continue  # "xx@河西人社" (a Weibo account), or no address at all
            seen.add(m.start())
            if not _EMAIL_OK_RE.match(token):
                yield self.finding(block.span(m.start(), m.start() + len(token)),
                                   f"电子邮箱格式不对：“{token}”", f"malformed e-mail address '{token}'", found=token)
        for label in _EMAIL_LABEL_RE.finditer(text):
            v = re.match(r"[A-Za-z0-9._%+\-]+", text[label.end():])
            if v and "@" not in v.group(0) and not re.match(r"[A-Za-z0-9._%+\-]*[@＠]", text[label.end():]):
                value = v.group(0).rstrip(".")
                if value and label.end() not in seen:
                    yield self.finding(block.span(label.end(), label.end() + len(value)),
                                       f"电子邮箱缺少“@”：“{value}”", f"e-mail address without '@': '{value}'",
                                       found=value)


RULES += [HalfwidthPunctuation, DigitSpacing, ContactFormat]
