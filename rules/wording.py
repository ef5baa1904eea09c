"""W — wording: 截止/截至, template residue."""

from __future__ import annotations

import re

from reportlint.rule import Edit, Rule, Severity

_JIEZHI_RE = re.compile(
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

    code = "W601"
    name = "jiezhi-misuse"
    severity = Severity.WARNING
    fixable = True

    def check(self, report, ctx):
        for block in report.text_blocks():
            for m in _JIEZHI_RE.finditer(block.text):
                # Replace only 止: the two characters may stand on different lines.
                fix = (Edit(block.span(m.start() + 1, m.end()), "至"),)
                yield self.finding(block.span(m.start(), m.end()), "表示“到某时为止”应写“截至”，不是“截止”",
                                   "'截止' (to stop) is used for 'up to a time': write '截至'", fix=fix)


_PLACEHOLDER_RE = re.compile(
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
_PERSON_AFTER_RE = re.compile(r"同志|[局市县区镇乡村处科部室厅委办]长|[区县市镇乡村办]?主任|[部厅处科]?书记")
_SLOT_RE = re.compile(r"[【\[［][ \u3000]*(?:单位|机关|部门|文件|发文)?(?:名称|全称|日期|时间|姓名|文号|字号)[ \u3000]*[】\]］]")
# Not the end of an adjective: 宝贵、珍贵、昂贵 … followed by 办事/办公.
_GUIBAN_RE = re.compile(r"(?<![宝珍昂富名可高尊权华])贵办")
_CHECKBOX_RE = re.compile(r"[（(][ \u3000]*[)）]")
_TICK_HINT_RE = re.compile(
    r"[（(][ \u3000]*(?:请[ \u3000]*)?(?:在[^（）()]{0,4}内[ \u3000]*)?[画划打][ \u3000]*[√✓✔][ \u3000]*(?:选定|选择)?[ \u3000]*[)）]"
)
_SIGNERS = "承办人|经办人|填表人|填报人|审核人|签发人|联系人"
# A signer label with nothing after it: at the end of the line, or followed (after spaces) by the next label
# of the form ("承办人：        公开时间：…" when the table's tabs became spaces).
_EMPTY_SIGNER_RE = re.compile(
    rf"(?:{_SIGNERS})[ \u3000]*[：:]"
    rf"(?=[ \u3000]*$|[ \u3000]+(?:{_SIGNERS}|公开时间|填报时间|填表时间|审核时间|时间|日期|联系电话|电话)[ \u3000]*[：:])"
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

    code = "W604"
    name = "template-residue"
    severity = Severity.ERROR

    def check(self, report, ctx):
        for block in report.text_blocks():
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
