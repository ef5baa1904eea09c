"""C — citations and brackets: 发文字号, nested book-title marks, bracket balance."""

from __future__ import annotations

import bisect
import re

from reportlint import rx

from reportlint.model import Block, Heading, Paragraph
from reportlint.rule import Edit, Rule, Severity

# Agency code, optional stray spaces (PDF extraction), bracketed year, serial number, 号.
_DOCNO_RE = rx.compile(
    r"(?<=[\u4e00-\u9fff])[ \u3000]*(?P<open>[\[【(（［〔])[ \u3000]*(?P<year>(?:19|20)\d{2})[ \u3000]*(?P<close>[\]】)）］〕])"
    r"[ \u3000]*第?[ \u3000]*\d+[ \u3000]*号"
)


# Prefilters: whole-report passes pick the blocks (or the places) a rule must look at.
def hint_matches(report, hints, *, cells: bool = True) -> list[tuple[Block, int]]:
    """Every match of the hints in the report's text, as (block, start in the block), in text order.

    ``hints`` are (character, pattern) pairs: a pattern beginning with a literal (a class or a
    look-behind first would be tried at every position of the report) and a character each of
    its matches contains. Whether a character occurs at all is asked of the whole text first,
    tens of times faster than any regex search, so a report without it costs no search. A match
    running into the next block is left out, as in ``Report.scan``.
    """
    text, starts, blocks = report._index_all if cells else report._index_prose
    found = []
    for ch, pattern in hints:
        if ch in text:
            for m in pattern.finditer(text):
                i = bisect.bisect_right(starts, m.start()) - 1
                if m.end() - starts[i] <= len(blocks[i].text):
                    found.append((i, m.start() - starts[i]))
    found.sort()
    return [(blocks[i], start) for i, start in found]


# The blocks worth a search with _DOCNO_RE (which begins with a look-behind: slow over the whole
# report), found by the brackets of the document numbers each rule reports (see Report.blocks_with_hints).
# C501: a year after an opening bracket other than 〔, or between 〔 and a closing bracket other than 〕.
_DOCNO_OPENERS, _DOCNO_CLOSERS = "[【(（［〔", "]】)）］〕"
_YEAR = r"[ \u3000]*(?:19|20)\d\d"
_C501_HINTS = (
    *((o, rx.compile(re.escape(o) + _YEAR)) for o in _DOCNO_OPENERS if o != "〔"),
    ("〔", rx.compile(f"〔{_YEAR}[ \u3000]*[{re.escape(_DOCNO_CLOSERS.replace('〕', ''))}]")),
)
# C502: a closing bracket followed by 第 or a zero.
_C502_HINTS = tuple((c, rx.compile(re.escape(c) + r"[ \u3000]*[第0]")) for c in _DOCNO_CLOSERS)


def _spaces_before(text: str, i: int) -> int:
    """Where the run of spaces (ASCII or ideographic) that ends at ``i`` begins."""
    while i and text[i - 1] in " \u3000":
        i -= 1
    return i


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

    doc_en = """
    Wrong brackets around the year of a document number (C501).

    Purpose
        The year in a document number (发文字号) takes the hexagonal brackets 〔〕 (GB/T
        9704-2012), as in 宁党办〔2017〕54号. Reported when square brackets [], 【】, ［］ or
        round brackets (), （） are used; the fix changes them to 〔〕. Only a complete
        document number — agency code + bracketed year + serial number + 号 — is checked;
        a court case number such as （2017）宁01行初12号, where no serial number follows the
        brackets, is not reported.

    Why
        Wrong brackets in document numbers are among the format defects evaluations point out
        most often.

    Wrong
        《关于全面推进政务公开工作的实施意见的通知》（宁党办[2017]54号）
        (The year in 宁党办[2017]54号 is in ASCII square brackets.)

    Right
        《关于全面推进政务公开工作的实施意见的通知》（宁党办〔2017〕54号）
        (The year in hexagonal brackets: 宁党办〔2017〕54号.)

    Options
        None.
    """

    code = "C501"
    name = "document-number-brackets"
    severity = Severity.WARNING
    fixable = True

    def check(self, report, ctx):
        # Each hint match begins at the opening bracket of a document number's year: the number begins
        # there or at the spaces before it.
        for block, start in hint_matches(report, _C501_HINTS):
            m = _DOCNO_RE.match(block.text, _spaces_before(block.text, start))
            if m is None or m["open"] == "〔" and m["close"] == "〕":
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

    doc_en = """
    Wrong nested title marks inside 《》 (C503).

    Purpose
        A title cited inside 《》 takes the single title marks 〈〉 (GB/T 15834). Reported
        when angle brackets <…> (including full-width ＜…＞) or a second pair of 《》 appear
        inside 《》; the fix changes them to 〈〉. An adjacent 《《 is doubled punctuation,
        reported by C505; a third level of 《》 inside 〈〉 (《…〈…《…》…〉…》) is correct and
        not reported. When the title marks themselves are unbalanced (reported by C504) the
        nesting cannot be decided and nothing is reported.

    Why
        Less-than and greater-than signs in place of title marks are a common slip brought in
        from web pages or input methods, and are not standard in formal documents.

    Wrong
        《宁夏回族自治区实施<中华人民共和国政府信息公开条例>办法》
        (The Regulation's title inside the measures' title is in ASCII <>.)

    Right
        《宁夏回族自治区实施〈中华人民共和国政府信息公开条例〉办法》
        (The nested title takes the single title marks 〈〉.)

    Options
        None.
    """

    code = "C503"
    name = "nested-title-marks"
    severity = Severity.WARNING
    fixable = True

    def check(self, report, ctx):
        joined, _, blocks = report._index_all
        suspects = _nested_title_mark_lines(joined) | _lines_of_angles_in_titles(joined)
        for block in (blocks[i] for i in sorted(suspects)):
            if "《" not in block.text:
                continue
            text = block.text
            pairs = self._pairs(text)
            titles = [(o, c) for o, (c, _) in pairs.items() if text[o] == "《"]
            found = []
            # A 《…》 directly inside another 《…》 (not inside 〈…〉, not a doubled "《《").
            for o, (c, parent) in pairs.items():
                if text[o] == "《" and parent is not None and text[parent] == "《" and text[o - 1] != "《":
                    found.append((o, c))
            # ASCII or full-width angle brackets inside a 《…》.
            for angle in _ANGLE_OPEN_RE.finditer(text):
                i, ch = angle.start(), angle.group()
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
        for mark in _TITLE_MARKS_RE.finditer(text):  # only the marks, not every character
            i, ch = mark.start(), mark.group()
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
# What the loops of C503 look at, found by regex rather than by a loop over every character.
_ANGLE_OPEN_RE = rx.compile(f"[{''.join(_ANGLES)}]")
_TITLE_MARKS_RE = rx.compile("[《〈》〉]")

# C503's prefilter. Where every title is a pair 《…》 with no title mark inside, alone or inside
# 〈…〉, no title is nested in another and an angle bracket inside a title stands between a 《 and
# its 》: only the blocks where a mark is left once those pairs are deleted (titles first, then the
# 〈…〉 around them), or where a 《 is followed by an angle bracket before any title mark, are
# checked exactly. Each search begins with its opening mark.
_FLAT_TITLE_RES = (("《", rx.compile("《[^《》〈〉\n]*》")), ("〈", rx.compile("〈[^《》〈〉\n]*〉")))
_ANGLE_IN_TITLE_RE = rx.compile("《[^《》〈〉\n]*[<＜]")


def _nested_title_mark_lines(text: str) -> set[int]:
    """The lines of ``text`` (blocks joined by newlines) with a title mark outside the pairs described above."""
    for opener, pair_re in _FLAT_TITLE_RES:
        if opener in text:
            text = pair_re.sub("", text)
    if not any(mark in text for mark in "《》〈〉"):
        return set()
    return _lines_of(text, _TITLE_MARKS_RE)


def _lines_of_angles_in_titles(text: str) -> set[int]:
    """The lines of ``text`` where an angle bracket follows a 《 with no title mark between."""
    if "<" not in text and "＜" not in text:
        return set()
    return _lines_of(text, _ANGLE_IN_TITLE_RE)


_PAIRS = {"（": "）", "《": "》", "“": "”", "〔": "〕", "【": "】"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
# Half-width round brackets are not checked themselves (URLs, "a)" lists; half-width is W602's scope),
# but a full-width bracket typed with a half-width partner — "（含政策解读10条)" — is balanced.
_HALF = {"(": "（", ")": "）"}
# Every character the balance check looks at: the loop visits these and skips all other text.
_BRACKET_CHAR_RE = rx.compile("[" + re.escape("".join([*_PAIRS, *_CLOSERS, *_HALF])) + "]")
# "1）" / "一）" / "a）" used as list markers at the start of a clause close nothing.
_LIST_MARKER_RE = rx.compile(r"(?:^|(?<=[\s，。；：、,;:]))(?:[\d一二三四五六七八九十]{1,2}|[A-Za-z])[）)]")
# What every list marker contains; unlike _LIST_MARKER_RE (a look-behind first) it is quick to search for.
_LIST_MARKER_HINT_RE = rx.compile(r"[\d一二三四五六七八九十A-Za-z][）)]")


# C504's prefilter. A block whose brackets (list markers aside) delete to nothing, pair by adjacent pair,
# is balanced: the exact check would find nothing there. Each type's pairs are deleted by one search
# that begins with its opening character (found many times faster than a class of all of them), the
# innermost types first so that one round deletes the usual nesting "（…〔2021〕…《…》…）".
_BRACKETS = "".join([*_PAIRS, *_CLOSERS, *_HALF])
_PAIR_RES = tuple(
    (o, rx.compile(f"{re.escape(o)}[^{re.escape(_BRACKETS)}\\n]*[{re.escape(c)}{re.escape(half)}]"))
    for o, c, half in (("〔", "〕", ""), ("“", "”", ""), ("【", "】", ""), ("《", "》", ""), ("（", "）", ")"),
                       ("(", "）", ")"))
)
_LEFT_BRACKET_RE = rx.compile(f"[{re.escape(_BRACKETS)}]")
# The blocks the exact check looks at (a half-width bracket alone is never reported).
_FULL_WIDTH_BRACKET_RE = rx.compile(f"[{re.escape(''.join([*_PAIRS, *_CLOSERS]))}]")
# A list marker's closing bracket after a clause's punctuation, as _LIST_MARKER_RE finds it, searched for
# by the bracket itself (a look-behind first would be tried at every position). A marker at a block's
# start needs no search: no opening bracket stands before it, so it is never deleted as part of a pair.
_MARKER_CLOSER_RES = tuple(
    (closer, rx.compile(re.escape(closer) + "(?:" + "|".join(
        rf"(?<=[\s，。；：、,;:]{numeral}{re.escape(closer)})"
        for numeral in (r"[\d一二三四五六七八九十]", r"[\d一二三四五六七八九十]{2}", "[A-Za-z]")) + ")"))
    for closer in "）)"
)


# Rounds of deleting innermost pairs before the lines with a bracket left go to the exact check as
# they are: a round deletes one level of nesting, real text nests three or four deep, and a line
# with thousands of levels would otherwise cost a pass over the whole text per level.
_MAX_ROUNDS = 8


def _unpaired_bracket_lines(text: str) -> set[int]:
    """The lines of ``text`` (blocks joined by newlines) holding a bracket that is not part of a nested pair
    (after _MAX_ROUNDS rounds, the lines holding any bracket still there: more lines only mean more exact checks)."""
    for _ in range(_MAX_ROUNDS):
        deleted = 0
        for opener, pair_re in _PAIR_RES:
            if opener in text:
                text, n = pair_re.subn("", text)
                deleted += n
        if not any(ch in text for ch in _BRACKETS):
            return set()
        if not deleted:
            break
    return _lines_of(text, _LEFT_BRACKET_RE)


def _list_marker_lines(text: str) -> set[int]:
    """The lines of ``text`` holding a list marker "1）": the exact check does not pair its bracket."""
    lines: set[int] = set()
    for closer, marker_re in _MARKER_CLOSER_RES:
        if closer in text:
            lines |= _lines_of(text, marker_re)
    return lines


def _lines_of(text: str, pattern: re.Pattern[str]) -> set[int]:
    """The (0-based) lines of ``text`` in which ``pattern`` matches."""
    lines, line, pos = set(), 0, 0
    for m in pattern.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        lines.add(line)
    return lines


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

    doc_en = """
    Unbalanced brackets or quotation marks (C504).

    Purpose
        Reported when （）, 《》, “”, 〔〕 or 【】 do not come in pairs within one paragraph (or
        heading), or cross each other; the finding is at the extra or unmatched mark. Crossed
        pairs (such as （《条例）》) are reported once, at the inner mark that is crossed.
        List markers 1）, 一） or a） at the start of a paragraph or clause do not count.
        Half-width brackets () are not checked themselves, but one paired with a full-width
        bracket counts as a pair: （含政策解读10条) is not reported (mixing in half-width
        punctuation is W602's business). Table cells are not checked (cells are often cut
        off).

    Why
        Unbalanced brackets mostly come from deleting half of a pair while editing, or from
        characters lost when copying from a PDF; the cited title or document number becomes
        incomplete.

    Wrong
        根据吴利政办发〔2017〕54号、吴利政办发〔2017〕55号）文件，制定出台……
        (The closing bracket after the two document numbers has no opening bracket.)

    Right
        根据（吴利政办发〔2017〕54号、吴利政办发〔2017〕55号）文件，制定出台……
        (The document numbers are enclosed in （…）.)

    Options
        None.
    """

    code = "C504"
    name = "unbalanced-brackets"
    severity = Severity.WARNING

    def check(self, report, ctx):
        joined, _, blocks = report._index_prose
        suspects = _unpaired_bracket_lines(joined) | _list_marker_lines(joined)
        for i in sorted(suspects):
            block = blocks[i]
            if isinstance(block, (Paragraph, Heading)) and _FULL_WIDTH_BRACKET_RE.search(block.text):
                yield from self._check_block(block)

    def _check_block(self, block):
        text = block.text
        markers = set()
        if _LIST_MARKER_HINT_RE.search(text):
            markers = {m.end() - 1 for m in _LIST_MARKER_RE.finditer(text)}
        # Bracket characters by position; "(" counts as "（", ")" as "）".
        kind = {m.start(): _HALF.get(m.group(), m.group()) for m in _BRACKET_CHAR_RE.finditer(text)}
        stack: list[int] = []
        crossed: list[int] = []  # openers already reported as crossed; their late closer is not reported again
        for i, ch in kind.items():
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


# --------------------------------------------------------------------------- C502
from reportlint.model import Era  # noqa: E402

# The serial part after the bracketed year of a _DOCNO_RE match: "第012号".
_SERIAL_RE = rx.compile(r"[ \u3000]*(?P<di>第)?[ \u3000]*(?P<zeros>0+)?(?=\d)(?P<n>\d+)[ \u3000]*号")


class DocumentNumberFormat(Rule):
    """发文字号的序号写法错误（C502）。

    作用
        发文字号的序号不编虚位（不补零）、不加“第”字（GB/T 9704-2012）：
        “吴利政办发〔2017〕12号”。“〔2017〕第12号”“〔2017〕012号”报告，并可自动删去
        “第”和补的“0”（只删这些字符，其他字符不动；年份括号错误由 C501 报告）。
        只检查“机关代字＋括号年份＋序号＋号”的完整文号：正文里的“第一”“第12号
        文件”、“国务院令第492号”（令号不是发文字号）都不报告。

    为什么
        序号写法不统一会让同一文件出现几种写法，影响检索和引用的准确性。

    示例（错误）
        按照《关于做好政务公开工作的通知》（宁政办发〔2017〕第012号）要求，我局进一步规范了信息发布程序。

    示例（正确）
        按照《关于做好政务公开工作的通知》（宁政办发〔2017〕12号）要求，我局第一次全面梳理了信息发布程序。

    选项
        无。
    """

    doc_en = """
    Wrong serial number in a document number (C502).

    Purpose
        The serial number of a document number has no zero padding and no 第 (GB/T
        9704-2012): 吴利政办发〔2017〕12号. 〔2017〕第12号 and 〔2017〕012号 are reported; the fix
        removes the 第 and the padding zeros (only those characters; wrong year brackets are
        C501's). Only a complete document number — agency code + bracketed year + serial
        number + 号 — is checked: 第一 ("first") or 第12号文件 in running text and
        国务院令第492号 (a decree number, not a document number) are not reported.

    Why
        Nonstandard serial numbers make one document appear under several spellings, which
        hampers searching and citing.

    Wrong
        按照《关于做好政务公开工作的通知》（宁政办发〔2017〕第012号）要求，我局进一步规范了信息发布程序。
        (〔2017〕第012号: 第 and a padding zero.)

    Right
        按照《关于做好政务公开工作的通知》（宁政办发〔2017〕12号）要求，我局第一次全面梳理了信息发布程序。
        (〔2017〕12号; 第一次 "for the first time" elsewhere in the sentence is fine.)

    Options
        None.
    """

    code = "C502"
    name = "document-number-format"
    severity = Severity.WARNING
    fixable = True

    def check(self, report, ctx):
        for block in report.blocks_with_hints(_C502_HINTS):
            text = block.text
            for m in _DOCNO_RE.finditer(text):
                s = _SERIAL_RE.match(text, m.end("close"))
                if s is None or not (s["di"] or s["zeros"]):
                    continue
                wrong = []
                if s["di"]:
                    wrong.append(s.start("di"))
                if s["zeros"]:
                    wrong.extend(range(s.start("zeros"), s.end("zeros")))
                # One edit per character: "第" and the zeros may stand on different lines.
                fix = tuple(Edit(block.span(i, i + 1), "") for i in wrong)
                start = wrong[0]
                shown = text[start:s.end()]
                yield self.finding(block.span(start, s.end("n")),
                                   f"发文字号的序号不加“第”、不补零：“{shown}”应为“{s['n']}号”",
                                   f"the serial number of a document number takes no '第' and no leading zeros: "
                                   f"'{shown}' should be '{s['n']}号'", fix=fix, found=shown)


# --------------------------------------------------------------------------- C505
_DOUBLED_MARKS = "，。、；：《》"
_DOUBLED_RE = rx.compile(f"([{_DOUBLED_MARKS}])\\1+")
# The blocks worth checking: one search per mark, for the mark followed by itself. A pattern beginning
# with a single literal is found several times faster than _DOUBLED_RE, which begins with a class; and
# whether the doubled mark occurs at all is asked of the whole text first (Report.blocks_with_hints),
# which settles it for nearly every report without a search: "，" stands in every report, "，，" rarely.
_DOUBLED_HINTS = tuple((ch + ch, rx.compile(f"{ch}(?={ch})")) for ch in _DOUBLED_MARKS)


class DoubledPunctuation(Rule):
    """标点重复（C505）。

    作用
        同一个标点连续出现时报告：“《《”“》》”“，，”“。。”“、、”“；；”“：：”，并可
        自动删去多余的标点。省略号“……”和破折号“——”本来就占两个字位，不报告。
        “《《”“》》”只在书名号因此不成对时报告：“《关于印发〈…〉的通知》”是正确的
        嵌套，“《A《B》》”是书名号嵌套写错（由 C503 报告，改为〈〉）。

    为什么
        重复的标点多是删改或粘贴时留下的，显得报告未经校对。

    示例（错误）
        我局认真贯彻《《中华人民共和国政府信息公开条例》，，坚持以公开为常态。

    示例（正确）
        我局认真贯彻《中华人民共和国政府信息公开条例》，坚持以公开为常态……

    选项
        无。
    """

    doc_en = """
    Doubled punctuation (C505).

    Purpose
        Reported when a punctuation mark is repeated: 《《, 》》, ，，, 。。, 、、, ；；, ：：;
        the fix deletes the extra marks. The ellipsis …… and the dash —— take two character
        widths by design and are not reported. 《《 and 》》 are reported only when they
        leave the title marks unbalanced: 《关于印发〈…〉的通知》 is correct nesting, and
        《A《B》》 is wrongly nested title marks (reported by C503, to be changed to 〈〉).

    Why
        Doubled marks are mostly left over from editing or pasting, and show that the report
        was not proofread.

    Wrong
        我局认真贯彻《《中华人民共和国政府信息公开条例》，，坚持以公开为常态。
        (《《 before the Regulation's title and ，， after it.)

    Right
        我局认真贯彻《中华人民共和国政府信息公开条例》，坚持以公开为常态……
        (One 《 and one ，.)

    Options
        None.
    """

    code = "C505"
    name = "doubled-punctuation"
    severity = Severity.WARNING
    fixable = True

    def check(self, report, ctx):
        for block in report.blocks_with_hints(_DOUBLED_HINTS):
            text = block.text
            for m in _DOUBLED_RE.finditer(text):
                ch = m.group(1)
                if ch in "《》":
                    opens, closes = text.count("《"), text.count("》")
                    extra = opens - closes if ch == "《" else closes - opens
                    if extra <= 0:
                        continue  # balanced: a nesting question for C503, not a doubled mark
                    drop = min(extra, len(m.group(0)) - 1)
                else:
                    drop = len(m.group(0)) - 1
                fix = tuple(Edit(block.span(i, i + 1), "") for i in range(m.end() - drop, m.end()))
                yield self.finding(block.span(m.start(), m.end()), f"标点重复：“{m.group(0)}”",
                                   f"doubled punctuation: '{m.group(0)}'", fix=fix, found=m.group(0))


# --------------------------------------------------------------------------- C506
REGULATION_TITLE = "中华人民共和国政府信息公开条例"
# The full title and the usual short one; 《条例》 after a first full citation is not matched at all.
_ACCEPTED_TITLES = {REGULATION_TITLE, "政府信息公开条例"}
# What a (mis)quoted title of the Regulation looks like as the whole content of 《》 or 〈〉.
_REGULATION_LIKE_RE = rx.compile(
    r"^(?:中华人民共和国|中国|国务院|国家)?(?:政府|国家)?(?:信息公开|公开信息|政务公开|政府公开|政务信息公开)(?:管理|工作)?条例$"
)
# The title written in running text without 《》 (or in quotation marks).
_BARE_REGULATION_RE = rx.compile(r"(?:中华人民共和国)?政府信息公开条例")
_PLACE_BEFORE_RE = rx.compile(r"[省市区县州旗盟镇乡]$")
# C506's prefilter (see Report.blocks_with_hints). A misquoted title ends in 条例 and its closing mark; the
# accepted titles written exactly are left out. A bare title contains 政府信息公开条例; one right after
# an opening title mark is enclosed and left out. Almost every report cites the Regulation correctly
# many times: those citations are passed over by the search itself.
_C506_HINTS = (
    ("例", rx.compile("条例(?:" + "|".join(
        "".join(f"(?<!{o}{title})" for title in sorted(_ACCEPTED_TITLES)) + c for o, c in ("《》", "〈〉"))
        + r"|[^\S\n]+[》〉])")),
    ("例", rx.compile("政府信息公开条例(?<![《〈<＜]政府信息公开条例)(?<![《〈<＜]中华人民共和国政府信息公开条例)")),
)


class RegulationTitle(Rule):
    """《中华人民共和国政府信息公开条例》名称引用不规范（C506）。

    作用
        《条例》的全称是《中华人民共和国政府信息公开条例》。以下情况报告：

        - 书名号内的名称写错：“《中华人民共和国信息公开条例》”“《政府信息公开管理
          条例》”“《政府公开信息条例》”；
        - 名称没有加书名号（包括用引号代替）：“认真贯彻中华人民共和国政府信息公开
          条例”。

        常用简称《政府信息公开条例》、首次引用全称后的简称《条例》，以及
        书名号内嵌套的〈中华人民共和国政府信息公开条例〉（如某省的实施办法）都是
        正确写法，不报告；“《宁夏回族自治区政府信息公开条例》”这类地方法规名称、
        “<…>”写法（由 C503 报告）也不报告。

    为什么
        年度报告的法定依据就是这部《条例》，名称写错或不加书名号显得不严谨。

    示例（错误）
        本报告根据《中华人民共和国信息公开条例》编制，认真贯彻政府信息公开条例的各项规定。

    示例（正确）
        本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制，认真贯彻《条例》的各项规定。

    选项
        无。
    """

    doc_en = """
    The title of the Regulation is misquoted (C506).

    Purpose
        The full title of the Regulation is 《中华人民共和国政府信息公开条例》 ("Regulation of
        the People's Republic of China on Government Information Disclosure"). Reported:

        - a wrong name inside the title marks: 《中华人民共和国信息公开条例》,
          《政府信息公开管理条例》, 《政府公开信息条例》;
        - the name without title marks (including in quotation marks instead):
          认真贯彻中华人民共和国政府信息公开条例.

        The usual short title 《政府信息公开条例》, the short form 《条例》 after a first full
        citation, and 〈中华人民共和国政府信息公开条例〉 nested inside 《》 (as in a
        province's implementing measures) are all correct and not reported; the titles of
        local regulations such as 《宁夏回族自治区政府信息公开条例》 and the form <…>
        (reported by C503) are not reported either.

    Why
        The Regulation is the legal basis of the annual report; misquoting its name or
        leaving out the title marks looks careless.

    Wrong
        本报告根据《中华人民共和国信息公开条例》编制，认真贯彻政府信息公开条例的各项规定。
        (《中华人民共和国信息公开条例》 lacks 政府; the second mention has no title marks.)

    Right
        本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制，认真贯彻《条例》的各项规定。
        (The full title once, then the short form 《条例》.)

    Options
        None.
    """

    code = "C506"
    name = "regulation-title"
    severity = Severity.INFO

    def check(self, report, ctx):
        for block in report.blocks_with_hints(_C506_HINTS):
            text = block.text
            enclosed = self._enclosed(text)
            # Misquoted titles: the whole content of a 《》 or 〈〉 pair.
            for o, c in self._pairs(text):
                content = "".join(text[o + 1:c].split())
                if content in _ACCEPTED_TITLES or not _REGULATION_LIKE_RE.match(content):
                    continue
                shown = text[o:c + 1]
                yield self.finding(block.span(o, c + 1),
                                   f"《条例》名称引用有误：“{shown}”应为《{REGULATION_TITLE}》",
                                   f"the Regulation's title is misquoted: '{shown}' should be 《{REGULATION_TITLE}》",
                                   found=shown)
            # The title without 《》.
            for m in _BARE_REGULATION_RE.finditer(text):
                if enclosed[m.start()] or _PLACE_BEFORE_RE.search(text, 0, m.start()):
                    continue
                shown = m.group(0)
                yield self.finding(block.span(m.start(), m.end()),
                                   f"《条例》名称应加书名号：“{shown}”应为《{REGULATION_TITLE}》",
                                   f"the Regulation's title takes 《》: '{shown}' should be 《{REGULATION_TITLE}》",
                                   found=shown)

    @staticmethod
    def _pairs(text: str) -> list[tuple[int, int]]:
        """Matched 《》 and 〈〉 pairs (innermost first), as (open, close) indices."""
        stack: list[int] = []
        out = []
        for mark in _TITLE_MARKS_RE.finditer(text):  # only the marks, not every character
            i, ch = mark.start(), mark.group()
            if ch in "《〈":
                stack.append(i)
            elif ch in "》〉" and stack and text[stack[-1]] == _TITLE_OPEN[ch]:
                out.append((stack.pop(), i))
        return out

    @staticmethod
    def _enclosed(text: str) -> list[bool]:
        """For each position: does it stand inside any open 《 〈 < ＜ “ ‘ 「 (a title or a quotation)?"""
        out: list[bool] = []
        depth = 0
        for mark in _ENCLOSING_MARKS_RE.finditer(text):  # the text between two marks is filled in at once
            i, ch = mark.start(), mark.group()
            out.extend([depth > 0] * (i - len(out)))
            if ch in "《〈<＜":
                depth += 1
            elif ch in "》〉>＞" and depth:
                depth -= 1
            out.append(depth > 0)
        out.extend([depth > 0] * (len(text) - len(out)))
        # Quoted ("“政府信息公开条例”") is not titled: only title marks count as enclosing.
        return out


# The marks RegulationTitle._enclosed counts; the text between them only repeats the depth.
_ENCLOSING_MARKS_RE = rx.compile("[《〈<＜》〉>＞]")


# --------------------------------------------------------------------------- C507
_SP = r"[ \u3000]*"
# The 2019 trial format (国办公开办函〔2019〕60号), by number or by its title "…格式（试行）".
_TRIAL_FORMAT_RE = rx.compile(
    rf"国办公开办函{_SP}[\[【(（［〔]{_SP}2019{_SP}[\]】)）］〕]{_SP}第?{_SP}60{_SP}号|年度报告格式[（(]试行[）)]"
)
# The 2008 Regulation by its decree number.
_DECREE_492_RE = rx.compile(rf"国务院令{_SP}(?:第{_SP})?492{_SP}号")
# Articles 31/32 of the 2008 Regulation (deadline and contents of the annual report).
_OLD_ARTICLES_RE = rx.compile(r"第三十一条|第三十二条")
# "本报告期内" is a time, not the report's basis: the basis sentence says 编制/年度报告, or cites 31 and 32 together.
_REPORT_CONTEXT_RE = rx.compile(r"年度报告|年报|编制|报告如下|第三十一条[、和及，,]第三十二条")
# The blocks worth checking (see Report.blocks_with_hints): a literal every match of a pattern above contains.
# The trial format is looked for in 2021-format reports only.
_C507_HINTS = (("令", rx.compile("国务院令")), ("三", rx.compile("第三十(?=[一二]条)")))
_C507_HINTS_2021 = (("函", rx.compile("国办公开办函")), ("试", rx.compile("试行")), *_C507_HINTS)
_HISTORY_RE = rx.compile(r"修订|修改|废止|替代|取代|不再|原《|原条例|旧|此前|以前|2008年|二〇〇八年")
_SENTENCE_STOP = "。！？!?；;"


def _sentence_at(text: str, start: int, end: int) -> tuple[int, int]:
    s = max(text.rfind(ch, 0, start) for ch in _SENTENCE_STOP) + 1
    stops = [i for i in (text.find(ch, end) for ch in _SENTENCE_STOP) if i >= 0]
    return s, min(stops) if stops else len(text)


class OutdatedBasis(Rule):
    """引用已被替代的依据（C507）。

    作用
        报告引用的编制依据已经被替代时报告：

        - 2021年度及以后的报告引用2019年的试行格式（国办公开办函〔2019〕60号，或
          “年度报告格式（试行）”），应为国办公开办函〔2021〕30号；
        - 2019年度及以后的报告以2008年《条例》为依据：引用“国务院令第492号”，或
          在说明本报告编制依据的句子中引用《条例》“第三十一条、第三十二条”
          （修订后的《条例》规定年度报告的是第四十九条、第五十条）。

        句子说明这是修订前的旧依据（含“修订、废止、替代、原《条例》、2008年”等）
        时不报告；不在编制依据语境中的“第三十二条”（修订后的《条例》第三十二条是
        征求第三方意见）不报告。

    为什么
        依据引用过时，说明报告是照搬往年模板改写的，格式和内容也往往随之过时。

    示例（错误）
        本报告根据《中华人民共和国政府信息公开条例》第三十一条、第三十二条的规定，按照国办公开办函〔2019〕60号的要求编制。

    示例（正确）
        本报告根据《中华人民共和国政府信息公开条例》第五十条的规定，按照国办公开办函〔2021〕30号的要求编制。

    选项
        无。
    """

    doc_en = """
    A superseded basis is cited (C507).

    Purpose
        Reported when the report cites a basis that has been superseded:

        - a report for 2021 or later cites the 2019 trial format (国办公开办函〔2019〕60号, or
          年度报告格式（试行） "annual report format (trial)"); it should be 国办公开办函
          〔2021〕30号;
        - a report for 2019 or later relies on the 2008 Regulation: it cites 国务院令第492号
          (State Council Decree 492), or, in the sentence stating what the report is compiled
          on, art. 31 and 32 of the Regulation (第三十一条、第三十二条; in the revised
          Regulation the annual report is governed by art. 49 and 50).

        Nothing is reported when the sentence says that this is the old basis before the
        revision (修订 "revised", 废止 "repealed", 替代 "replaced", 原《条例》 "the former
        Regulation", 2008年 …); 第三十二条 outside the context of the report's basis is not
        reported either (art. 32 of the revised Regulation is about consulting third
        parties).

    Why
        A stale basis shows that the report was copied from an earlier template, and its
        format and contents are often stale too.

    Wrong
        本报告根据《中华人民共和国政府信息公开条例》第三十一条、第三十二条的规定，按照国办公开办函〔2019〕60号的要求编制。
        (The report is compiled "under art. 31 and 32 of the Regulation" and "as required by
        国办公开办函〔2019〕60号".)

    Right
        本报告根据《中华人民共和国政府信息公开条例》第五十条的规定，按照国办公开办函〔2021〕30号的要求编制。
        (Art. 50 of the Regulation and 国办公开办函〔2021〕30号.)

    Options
        None.
    """

    code = "C507"
    name = "outdated-basis"
    severity = Severity.WARNING
    eras = frozenset({Era.FMT2019, Era.FMT2021})
    requires = frozenset({"structure", "year"})

    def check(self, report, ctx):
        for block in report.blocks_with_hints(_C507_HINTS_2021 if report.era is Era.FMT2021 else _C507_HINTS):
            text = block.text
            if report.era is Era.FMT2021:
                for m in _TRIAL_FORMAT_RE.finditer(text):
                    s, e = _sentence_at(text, m.start(), m.end())
                    if _HISTORY_RE.search(text, s, e):
                        continue
                    yield self.finding(block.span(m.start(), m.end()),
                                       f"{report.year}年度报告应按国办公开办函〔2021〕30号的格式编制，"
                                       f"“{m.group(0)}”（2019年试行格式）已被替代",
                                       f"a {report.year} report follows the 2021 format (国办公开办函〔2021〕30号); "
                                       f"'{m.group(0)}' (the 2019 trial format) is superseded", found=m.group(0))
            for m in _DECREE_492_RE.finditer(text):
                s, e = _sentence_at(text, m.start(), m.end())
                if _HISTORY_RE.search(text, s, e):
                    continue
                yield self.finding(block.span(m.start(), m.end()),
                                   f"“{m.group(0)}”是2008年的《条例》，已于2019年修订（国务院令第711号）",
                                   f"'{m.group(0)}' is the 2008 Regulation, revised in 2019 (Decree 711)",
                                   found=m.group(0))
            for m in _OLD_ARTICLES_RE.finditer(text):
                s, e = _sentence_at(text, m.start(), m.end())
                if ("条例" not in text[s:m.start()] or not _REPORT_CONTEXT_RE.search(text, s, e)
                        or _HISTORY_RE.search(text, s, e)):
                    continue
                yield self.finding(block.span(m.start(), m.end()),
                                   f"修订后的《条例》规定年度报告的是第四十九条、第五十条，“{m.group(0)}”是2008年《条例》的条文",
                                   f"the revised Regulation sets out the annual report in art. 49–50; "
                                   f"'{m.group(0)}' is an article of the 2008 Regulation", found=m.group(0))
                break  # "第三十一条、第三十二条" is one citation


RULES += [DocumentNumberFormat, DoubledPunctuation, RegulationTitle, OutdatedBasis]
