"""C — citations and brackets: 发文字号, nested book-title marks, bracket balance."""

from __future__ import annotations

import re

from reportlint.model import Heading, Paragraph
from reportlint.rule import Edit, Rule, Severity

# Agency code, optional stray spaces (PDF extraction), bracketed year, serial number, 号.
_DOCNO_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])[ \u3000]*(?P<open>[\[【(（［〔])[ \u3000]*(?P<year>(?:19|20)\d{2})[ \u3000]*(?P<close>[\]】)）］〕])"
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
        尖括号 <…>（含全角＜…＞）或再套一层《》时报告，并可自动改为〈〉。紧挨着的
        “《《”是重复标点，由 C505 报告；〈〉里面的第三层《》（《…〈…《…》…〉…》）
        是正确写法，不报告。书名号本身不成对（由 C504 报告）时无法判断嵌套关系，
        不报告。

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
            pairs = self._pairs(text)
            titles = [(o, c) for o, (c, _) in pairs.items() if text[o] == "《"]
            found = []
            # A 《…》 directly inside another 《…》 (not inside 〈…〉, not a doubled "《《").
            for o, (c, parent) in pairs.items():
                if text[o] == "《" and parent is not None and text[parent] == "《" and text[o - 1] != "《":
                    found.append((o, c))
            # ASCII or full-width angle brackets inside a 《…》.
            for i, ch in enumerate(text):
                if ch not in _ANGLES:
                    continue
                inside = [c for o, c in titles if o < i < c]
                if not inside:
                    continue
                close = text.find(_ANGLES[ch], i + 1)
                if close == -1 or close > min(inside) or close == i + 1:
                    continue
                if (text[i - 1] in _ANGLE_CHARS or close + 1 < len(text) and text[close + 1] in _ANGLE_CHARS
                        or any(x in _ANGLE_CHARS for x in text[i + 1:close])):
                    continue  # "<<…>>" or "<a<b>": cannot tell which marks belong together
                found.append((i, close))
            for start, end in sorted(found):
                yield self._report(block, start, end)

    @staticmethod
    def _pairs(text: str) -> dict[int, tuple[int, int | None]]:
        """Matched 《》 and 〈〉 pairs: opening index -> (closing index, opening index of the enclosing pair).

        A pair whose enclosing mark is never closed gets no parent: the nesting
        cannot be decided then.
        """
        stack: list[int] = []
        closes: dict[int, int] = {}
        parent_of: dict[int, int | None] = {}
        for i, ch in enumerate(text):
            if ch in "《〈":
                parent_of[i] = stack[-1] if stack else None
                stack.append(i)
            elif ch in "》〉" and stack and text[stack[-1]] == _TITLE_OPEN[ch]:
                closes[stack.pop()] = i
        return {o: (c, parent_of[o] if parent_of[o] in closes else None) for o, c in closes.items()}

    def _report(self, block, start, end):
        o, c = block.text[start], block.text[end]
        inner = block.text[start + 1:end]
        fix = (Edit(block.span(start, start + 1), "〈"), Edit(block.span(end, end + 1), "〉"))
        return self.finding(block.span(start, end + 1),
                            f"书名号内的书名应使用〈〉：“{o}{inner}{c}”应为“〈{inner}〉”",
                            f"a title inside 《》 takes 〈〉: '{o}{inner}{c}' should be '〈{inner}〉'",
                            fix=fix, inner=inner)


_TITLE_OPEN = {"》": "《", "〉": "〈"}
_ANGLES = {"<": ">", "＜": "＞"}
_ANGLE_CHARS = "<>＜＞"


_PAIRS = {"（": "）", "《": "》", "“": "”", "〔": "〕", "【": "】"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
# Half-width round brackets are not checked themselves (URLs, "a)" lists; half-width is W602's scope),
# but a full-width bracket typed with a half-width partner — "（含政策解读10条)" — is balanced.
_HALF = {"(": "（", ")": "）"}
# "1）" / "一）" / "a）" used as list markers at the start of a clause close nothing.
_LIST_MARKER_RE = re.compile(r"(?:^|(?<=[\s，。；：、,;:]))(?:[\d一二三四五六七八九十]{1,2}|[A-Za-z])[）)]")


class UnbalancedBrackets(Rule):
    """括号、引号不成对（C504）。

    作用
        在一个段落（或标题）内，（）《》“”〔〕【】没有成对出现、或交叉嵌套时报告，
        位置在多出或缺少配对的那个符号处；交叉嵌套（如“（《条例）》”）只报告一次，
        位置在被交叉的内层符号处。段首或分句开头“1）”“一）”“a）”式的列表序号不算。
        半角括号 () 本身不检查，但与全角括号配对时算作成对：“（含政策解读10条)”
        不报告（混用半角标点属于 W602 的范围）。表格单元格不检查（单元格常被截断）。

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
        kind = [_HALF.get(ch, ch) for ch in text]  # "(" counts as "（", ")" as "）"
        stack: list[int] = []
        crossed: list[int] = []  # openers already reported as crossed; their late closer is not reported again
        for i, ch in enumerate(kind):
            if ch in _PAIRS:
                stack.append(i)
            elif ch in _CLOSERS and i not in markers:
                opener = _CLOSERS[ch]
                if stack and kind[stack[-1]] == opener:
                    stack.pop()
                elif any(kind[j] == opener for j in stack):
                    while kind[stack[-1]] != opener:
                        j = stack.pop()
                        if text[j] in _PAIRS:
                            crossed.append(j)
                            yield self._crossed(block, j, text[i])
                    stack.pop()
                elif any(kind[j] == opener for j in crossed):
                    crossed.remove(next(j for j in reversed(crossed) if kind[j] == opener))
                elif text[i] in _CLOSERS:
                    yield self.finding(block.span(i, i + 1), f"“{ch}”没有对应的“{opener}”",
                                       f"'{ch}' has no matching '{opener}'", char=ch)
        for j in stack:
            if text[j] in _PAIRS:
                yield self._unclosed(block, j)

    def _unclosed(self, block, j):
        ch = block.text[j]
        return self.finding(block.span(j, j + 1), f"“{ch}”没有对应的“{_PAIRS[ch]}”",
                            f"'{ch}' is never closed by '{_PAIRS[ch]}'", char=ch)

    def _crossed(self, block, j, outer_close):
        ch = block.text[j]
        return self.finding(block.span(j, j + 1), f"“{ch}”在“{outer_close}”之前没有闭合（括号交叉或缺少“{_PAIRS[ch]}”）",
                            f"'{ch}' is not closed by '{_PAIRS[ch]}' before '{outer_close}' (crossed or missing)",
                            char=ch)


RULES = [DocumentNumberBrackets, NestedTitleMarks, UnbalancedBrackets]
