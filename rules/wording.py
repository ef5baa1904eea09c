"""W — wording: 截止/截至, template residue."""

from __future__ import annotations

import re

from reportlint.rule import Edit, Rule, Severity

_JIEZHI_RE = re.compile(
    r"截止(?=[ \u3000]*(?:目前|当前|现在|今|年底|年末|月底|本年|上年|去年|今年|当年|(?:19|20)\d{2}[ \u3000]*年|\d{1,2}[ \u3000]*月))"
)


class JiezhiMisuse(Rule):
    """“截止”误用为“截至”（W601）。

    作用
        表示“到某个时间为止”应写“截至”：“截至目前”“截至2017年底”。“截止”是
        “停止”的意思，后面不直接跟时间。“截止”后紧跟“目前、年底、2017年、12月”
        等时间时报告，并可自动改为“截至”。“截止日期”“截止到”“已截止”是正确
        用法，不报告。

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
    r"(?<![A-Za-z])(?:X{2,}|x{2,}|Ｘ{2,}|×{2,}|○{2,}|〇{2,}|\*{2,})(?=[市县区局委办厅乡镇村街单部年月日号公科处室同])"
)
_SLOT_RE = re.compile(r"[【\[［][ \u3000]*(?:单位|机关|部门|文件|发文)?(?:名称|全称|日期|时间|姓名|文号|字号)[ \u3000]*[】\]］]")
_GUIBAN_RE = re.compile(r"贵办")
_CHECKBOX_RE = re.compile(r"[（(][ \u3000]*[)）]")
_TICK_HINT_RE = re.compile(r"[（(][ \u3000]*画[ \u3000]*[√✓✔][ \u3000]*(?:选定|选择)?[ \u3000]*[)）]")
_EMPTY_SIGNER_RE = re.compile(r"(?:承办人|经办人|填表人|填报人|审核人|签发人|联系人)[ \u3000]*[：:][ \u3000]*$")


class TemplateResidue(Rule):
    """模板残留（W604）。

    作用
        报告中留有模板里的占位内容时报告：

        - 占位符“XX局”“××市”“○○年”；
        - 待填写的栏目“【单位名称】”“[日期]”；
        - 套用请示函留下的“贵办”；
        - 没有勾选的选择框“()”“（ ）”（一行只报告一次）和填写提示“（画√选定）”；
        - 空着的“承办人：”“经办人：”等签署栏。

        为保护隐私而写的“王××申请……”不报告：占位符后面必须是“局、市、年、号”
        之类的机关或日期用字。

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
                    yield self.finding(block.span(m.start(), m.end()), f"模板残留（{zh}）：“{m.group(0)}”",
                                       f"template residue ({en}): '{m.group(0)}'", found=m.group(0))
            boxes = [m for m in _CHECKBOX_RE.finditer(text) if not self._inside(m, text)]
            if boxes:
                yield self.finding(block.span(boxes[0].start(), boxes[-1].end()),
                                   f"模板残留：{len(boxes)} 个未勾选的选择框“{boxes[0].group(0)}”",
                                   f"template residue: {len(boxes)} unticked check box(es) '{boxes[0].group(0)}'",
                                   count=len(boxes))
            m = _EMPTY_SIGNER_RE.search(text)
            if m:
                yield self.finding(block.span(m.start(), m.end()), f"模板残留：“{m.group(0).strip()}”未填写",
                                   f"template residue: '{m.group(0).strip()}' left empty", found=m.group(0).strip())

    @staticmethod
    def _inside(m, text):
        """A "()" that is part of the tick hint is reported with it, not as a box."""
        return False


RULES = [JiezhiMisuse, TemplateResidue]
