"""C — citations and brackets: 发文字号, nested book-title marks, bracket balance."""

from __future__ import annotations

import re

from reportlint.model import Heading, Paragraph
from reportlint.rule import Edit, Rule, Severity

_DOCNO_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?P<open>[\[【(（［〔])[ \u3000]*(?P<year>(?:19|20)\d{2})[ \u3000]*(?P<close>[\]】)）］〕])"
    r"[ \u3000]*第?[ \u3000]*\d+[ \u3000]*号"
)


class DocumentNumberBrackets(Rule):
    """发文字号的年份括号错误（C501）。

    作用
        发文字号中的年份应使用六角括号〔〕（GB/T 9704-2012），如“宁党办〔2017〕54号”。
        使用方括号 []、【】、［］或圆括号 ()、（）时报告，并可自动改为〔〕。只检查
        “机关代字＋括号年份＋序号＋号”的完整文号，法院案号“（2017）宁01行初12号”
        这类括号后不是序号的写法不报告。

    为什么
        文号括号用错是评议中指出最多的公文格式问题之一。

    示例（错误）
        《关于全面推进政务公开工作的实施意见的通知》（宁党办[2017]54号）

    示例（正确）
        《关于全面推进政务公开工作的实施意见的通知》（宁党办〔2017〕54号）

    选项
        无。
    """

    code = "C501"
    name = "document-number-brackets"
    severity = Severity.WARNING
    fixable = True

    def check(self, report, ctx):
        for block in report.text_blocks():
            for m in _DOCNO_RE.finditer(block.text):
                if m["open"] == "〔" and m["close"] == "〕":
                    continue
                fix = tuple(Edit(block.span(m.start(g), m.end(g)), rep)
                            for g, rep in (("open", "〔"), ("close", "〕")) if m[g] != rep)
                shown = f"{m['open']}{m['year']}{m['close']}"
                yield self.finding(block.span(m.start("open"), m.end("close")),
                                   f"发文字号的年份应使用六角括号〔{m['year']}〕，而不是“{shown}”",
                                   f"the year in a document number takes 〔〕 brackets: 〔{m['year']}〕, not '{shown}'",
                                   fix=fix, found=shown)


class NestedTitleMarks(Rule):
    """书名号内的嵌套书名号写法错误（C503）。

    作用
        书名号《》内再引用书名，应使用单书名号〈〉（GB/T 15834）。在《》内出现
        ASCII 尖括号 <…> 或再套一层《》时报告，并可自动改为〈〉。紧挨着的“《《”
        是重复标点，由 C505 报告。

    为什么
        用小于号、大于号代替书名号是从网页或输入法带来的常见错误，在正式文件中
        不规范。

    示例（错误）
        《宁夏回族自治区实施<中华人民共和国政府信息公开条例>办法》

    示例（正确）
        《宁夏回族自治区实施〈中华人民共和国政府信息公开条例〉办法》

    选项
        无。
    """

    code = "C503"
    name = "nested-title-marks"
    severity = Severity.WARNING
    fixable = True

    def check(self, report, ctx):
        for block in report.text_blocks():
            text = block.text
            if "《" not in text:
                continue
            depth = 0
            i = 0
            while i < len(text):
                ch = text[i]
                if ch == "《":
                    if depth >= 1 and text[i - 1] != "《":
                        close = self._match(text, i + 1, "《", "》")
                        if close is not None:
                            yield self._report(block, i, close, "《", "》")
                            i = close + 1
                            continue
                    depth += 1
                elif ch == "》":
                    depth = max(depth - 1, 0)
                elif ch == "<" and depth >= 1:
                    close = text.find(">", i + 1)
                    end_title = text.find("》", i + 1)
                    if close != -1 and (end_title == -1 or close < end_title):
                        yield self._report(block, i, close, "<", ">")
                        i = close + 1
                        continue
                i += 1

    @staticmethod
    def _match(text: str, start: int, open_: str, close: str) -> int | None:
        depth = 1
        for j in range(start, len(text)):
            if text[j] == open_:
                depth += 1
            elif text[j] == close:
                depth -= 1
                if depth == 0:
                    return j
        return None

    def _report(self, block, start, end, o, c):
        inner = block.text[start + 1:end]
        fix = (Edit(block.span(start, start + 1), "〈"), Edit(block.span(end, end + 1), "〉"))
        return self.finding(block.span(start, end + 1),
                            f"书名号内的书名应使用〈〉：“{o}{inner}{c}”应为“〈{inner}〉”",
                            f"a title inside 《》 takes 〈〉: '{o}{inner}{c}' should be '〈{inner}〉'",
                            fix=fix, inner=inner)


_PAIRS = {"（": "）", "《": "》", "“": "”", "〔": "〕", "【": "】"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
# "1）" / "一）" used as list markers at the start of a clause close nothing.
_LIST_MARKER_RE = re.compile(r"(?:^|(?<=[\s，。；：、,;:]))[\d一二三四五六七八九十]{1,2}）")


class UnbalancedBrackets(Rule):
    """括号、引号不成对（C504）。

    作用
        在一个段落（或标题）内，（）《》“”〔〕【】没有成对出现、或交叉嵌套时报告，
        位置在多出或缺少配对的那个符号处。段首“1）”“一）”式的列表序号不算。表格
        单元格不检查（单元格常被截断）。

    为什么
        括号不成对多半是删改时删掉了一半，或从 PDF 复制时丢了字符；引用的文件名、
        文号因此变得不完整。

    示例（错误）
        根据吴利政办发〔2017〕54号、吴利政办发〔2017〕55号）文件，制定出台……

    示例（正确）
        根据（吴利政办发〔2017〕54号、吴利政办发〔2017〕55号）文件，制定出台……

    选项
        无。
    """

    code = "C504"
    name = "unbalanced-brackets"
    severity = Severity.WARNING

    def check(self, report, ctx):
        for block in report.blocks:
            if isinstance(block, (Paragraph, Heading)):
                yield from self._check_block(block)

    def _check_block(self, block):
        text = block.text
        markers = {m.end() - 1 for m in _LIST_MARKER_RE.finditer(text)}
        stack: list[int] = []
        for i, ch in enumerate(text):
            if ch in _PAIRS:
                stack.append(i)
            elif ch in _CLOSERS and i not in markers:
                opener = _CLOSERS[ch]
                if stack and text[stack[-1]] == opener:
                    stack.pop()
                elif any(text[j] == opener for j in stack):
                    while text[stack[-1]] != opener:
                        yield self._unclosed(block, stack.pop())
                    stack.pop()
                else:
                    yield self.finding(block.span(i, i + 1), f"“{ch}”没有对应的“{opener}”",
                                       f"'{ch}' has no matching '{opener}'", char=ch)
        for j in stack:
            yield self._unclosed(block, j)

    def _unclosed(self, block, j):
        ch = block.text[j]
        return self.finding(block.span(j, j + 1), f"“{ch}”没有对应的“{_PAIRS[ch]}”",
                            f"'{ch}' is never closed by '{_PAIRS[ch]}'", char=ch)


RULES = [DocumentNumberBrackets, NestedTitleMarks, UnbalancedBrackets]
