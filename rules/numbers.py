"""N — numbers in the prose: totals and their parts."""

from __future__ import annotations


from reportlint import rx

from reportlint.model import Paragraph
from reportlint.rule import Rule, Severity

_UNIT = r"(?:人次|条|件|个|次|项|份|篇|名|家|场|期|批)"
# A count: a whole number (not the digits after a decimal point, nor after a thousands comma as
# in "1,200条") and its unit. The look-behinds follow the first digit, so that the pattern begins
# with a digit: a search skips the other characters quickly, where a leading look-behind is tried
# at every position (four times slower over a report's text).
_QTY_RE = rx.compile(rf"(?P<n>\d(?<![\d.]\d)(?<!\d,\d)\d*)[ \u3000]*(?P<u>{_UNIT})")
# 共 as in 共计, not as in 公共 / 共产党 / 共同 / 共享.
_TOTAL_KW_RE = rx.compile(r"共计|累计|合计|总计|(?<!公)共(?![产同享建性识])")
# "约50条" "近50条" "50条左右": an approximate total cannot be checked.
_APPROX_WORDS = r"(?:约|近|逾|超过|将近|大约)"
_APPROX_BEFORE_RE = rx.compile(rf"{_APPROX_WORDS}[ \u3000]*$")
_APPROX_AFTER_RE = rx.compile(r"[ \u3000]*(?:左右|以上|余|多)")
# "较上年增加20条" is a change, not a total the parts could add up to.
_CHANGE_BEFORE_RE = rx.compile(r"(?:增加|减少|增长|下降|上升|提高|降低|多|少)了?[ \u3000]*$")
_SENTENCE_END = "。！？!?"
_CLAUSE_SPLIT_RE = rx.compile(r"[，,；;、]")
_NOTE_RE = rx.compile(r"^(?:约|均)?占.*[%％]$|^[\d.]+[%％]$")
_RESIDUAL_RE = rx.compile(r"其他|其余|其它")
_QIZHONG_RE = rx.compile(r"其中[：:，,]?")
# N301 looks only at the two kinds of sentence that can give a finding, found by whole-report
# passes for a literal with a look-ahead (a pattern that begins with one literal is found several
# times faster than one that begins with a set of them). Only the literal is consumed, so no
# candidate hides another; a look-ahead that runs on into the next block (the report's text has
# "\n" between blocks) adds a candidate the exact check rejects, and hides none.
# - A 其中 followed, before the sentence ends, by a residual part (其他/其余/其它).
_QIZHONG_HINT_RE = rx.compile(f"其中(?=[^{_SENTENCE_END}]*?其[他余它])")
# - A total keyword (共, 共计, 累计, 合计, 总计: 共, or 计 after 累/合/总) whose sentence ends with a
#   count, and a sentence with two counts after it.
_TOTAL_THEN_COUNTS = "(?=[^{end}]*?{qty}[ \u3000，,]*[{end}][^{end}]*?{qty}[^{end}]*?{qty})".format(
    end=_SENTENCE_END, qty=rf"\d[ \u3000]*{_UNIT}")
_TOTAL_HINT_RES = (rx.compile("共" + _TOTAL_THEN_COUNTS), rx.compile("计(?<=[累合总]计)" + _TOTAL_THEN_COUNTS))
# N302: a block with a percent sign; one pass per sign, as a single literal is found faster than a set.
_PERCENT_RES = (rx.compile("%"), rx.compile("％"))


# A sentence and its end mark; the matches follow each other without gaps.
_SENTENCE_RE = rx.compile(f"[^{_SENTENCE_END}]*[{_SENTENCE_END}]")
_SENTENCE_END_RE = rx.compile(f"[{_SENTENCE_END}]")
_NUMBER_RE = rx.compile(r"\d+(?:\.\d+)?")


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence without its end mark, found by one regex pass rather than a loop."""
    out = [(m.start(), m.end() - 1) for m in _SENTENCE_RE.finditer(text)]
    start = out[-1][1] + 1 if out else 0
    if start < len(text):
        out.append((start, len(text)))
    return out


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` begins: just after the previous end mark, or at 0."""
    return max(text.rfind(ch, 0, pos) for ch in _SENTENCE_END) + 1


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` ends: at its end mark (``pos`` itself may be one), or at the end."""
    end = _SENTENCE_END_RE.search(text, pos)
    return end.start() if end else len(text)


# A part written plainly — a label without digits, spaces, colons or clause marks, then one count
# ("政策文件4条") — and a run of two or more such parts one clause mark apart. For such a run the
# clause loop of _parts gives what one findall gives (no clause is empty or a note, each holds
# exactly one number, nothing follows the unit); the loop runs only for the other runs.
_PLAIN_LABEL = r"[^\d\s，,；;、：:]*"
_PLAIN_PARTS_RE = rx.compile(rf"(?:{_PLAIN_LABEL}\d+[ \u3000]*{_UNIT}[，,；;、])+{_PLAIN_LABEL}\d+[ \u3000]*{_UNIT}")
_PLAIN_PART_RE = rx.compile(rf"({_PLAIN_LABEL})(\d+)[ \u3000]*({_UNIT})")


def _parts(text: str, start: int, end: int, unit: str) -> list[tuple[str, int]] | None:
    """Parse "A 4条，B 40条，其他 27条" into [(label, n)]; None when any clause is not one count."""
    if _PLAIN_PARTS_RE.fullmatch(text, start, end) and text.find("其中", start, end) < 0:
        return _plain_parts(text, start, end, unit)
    parts = []
    for piece in _CLAUSE_SPLIT_RE.split(text[start:end]):
        clause = piece.strip(" \u3000：:")
        if not clause or _NOTE_RE.match(clause):
            continue
        if "其中" in clause:
            return None
        qty = list(_QTY_RE.finditer(clause))
        numbers = _NUMBER_RE.findall(clause)
        if len(qty) != 1 or len(numbers) != 1 or qty[0]["u"] != unit:
            return None
        tail = clause[qty[0].end():].strip()
        label = clause[: qty[0].start()].strip()
        if tail or _APPROX_BEFORE_RE.search(label):
            return None
        parts.append((label, int(qty[0]["n"])))
    return parts if len(parts) >= 2 else None


def _plain_parts(text: str, start: int, end: int, unit: str) -> list[tuple[str, int]] | None:
    """_parts of a run that _PLAIN_PARTS_RE matches in full and that holds no 其中."""
    parts = []
    for label, n, u in _PLAIN_PART_RE.findall(text, start, end):
        if u != unit or _APPROX_BEFORE_RE.search(label):
            return None
        parts.append((label, int(n)))
    return parts


# The usual breakdown, written plainly to the end of its sentence: a count, 其中, then plain parts
# of the count's unit ("主动公开政府信息71条，其中：政策文件4条，工作动态40条，其他信息27条").
_PLAIN_BREAKDOWN_RE = rx.compile(
    _QTY_RE.pattern + rf"[，,]?(?P<qizhong>{_QIZHONG_RE.pattern})"
    rf"(?P<parts>(?:{_PLAIN_LABEL}\d+[ \u3000]*(?P=u)[，,；;、])+{_PLAIN_LABEL}\d+[ \u3000]*(?P=u))$")
# What makes plain parts other than _plain_parts reads them: a 其中, an approximate part (a label
# that ends with 约, 近 …, right before the part's number).
_NOT_PLAIN_RE = rx.compile(rf"其中|{_APPROX_WORDS}\d")
_DIGITS_RE = rx.compile(r"\d+")


def _plainly_adds_up(text: str, pos: int, end: int) -> bool:
    """True when the 其中 at ``pos``, the first of its sentence (which ends at ``end``), certainly
    gives no finding: the sentence is the usual breakdown written plainly, and its parts add up.

    The count just before 其中 is then the total the exact check takes (the last count before 其中,
    not a change) and the parts are what _parts reads (plain, all of the total's unit, none
    approximate), so their sum equals the total and the exact check is silent. A correct
    breakdown — most of them — is settled by four regex calls; anything else goes to the exact check.
    """
    m = _PLAIN_BREAKDOWN_RE.search(text, max(0, pos - 24), end)
    if m is None or m.start("qizhong") != pos or _CHANGE_BEFORE_RE.search(text, 0, m.start()):
        return False
    start = m.start("parts")
    if _NOT_PLAIN_RE.search(text, start, end):
        return False
    return sum(map(int, _DIGITS_RE.findall(text, start, end))) == int(m["n"])


class BreakdownSum(Rule):
    """分项之和与总数不符（N301）。

    作用
        “共/累计/合计 N 条……其中 A a 条、B b 条……”这类总分结构中，各分项之和
        与总数不等时报告，并列出算式。

        只在能确定分项构成一个完整划分时检查：

        - 用“其中”引出的分项，必须含有“其他/其余”一类的兜底项（否则“其中”只是
          列举一部分，本来就不必相加等于总数）；
        - 总数句（含“共/累计/合计/总计”）之后紧接一句、整句只由若干“名称＋数量”
          组成的分项，不需要“其中”（如“累计公开政府信息38条。主动公开的信息28条；
          ……不公开的信息10条。”）。

        分项中有看不懂的部分（多个数字、单位不同、嵌套“其中”）、总数或分项是约数
        （“约50条”“50条左右”）时不报告。“其中”前有几个同单位的数量（“共受理12件，
        办结10件，其中……”）时，分项之和等于其中任何一个就不报告；“较上年增加20条”
        这类增减量不作为总数。

    为什么
        数字对不上是评议中最常见的问题之一，也最损害报告的可信度。

    示例（错误）
        主动公开政府信息71条。其中：政策类信息4条，工作动态40条，其他信息26条。

    示例（正确）
        主动公开政府信息71条。其中：政策类信息4条，工作动态40条，其他信息27条。

    选项
        无。
    """

    doc_en = """
    The parts do not add up to the total (N301).

    Purpose
        In a total-and-parts statement — "共/累计/合计 N 条……其中 A a 条、B b 条……" ("N items in
        all … of which A: a items, B: b items …") — reported when the parts do not add up to
        the total; the finding shows the sum.

        Checked only where the parts are sure to make up the whole:

        - parts introduced by 其中 ("of which") must include a catch-all item such as 其他 or
          其余 ("other", "the rest") — otherwise 其中 merely lists some of them, and they
          need not add up to the total;
        - parts in the sentence right after a total sentence (one with 共, 累计, 合计 or 总计)
          need no 其中 when that whole sentence consists of "name + count" items (e.g.
          累计公开政府信息38条。主动公开的信息28条；……不公开的信息10条。).

        Nothing is reported when a part cannot be understood (several numbers, different
        units, a nested 其中), or when the total or a part is approximate (约50条 "about 50",
        50条左右 "50 or so"). When 其中 follows several counts of the same unit
        (共受理12件，办结10件，其中……), it is enough for the parts to add up to any one of
        them; a change such as 较上年增加20条 ("20 more than last year") is not taken as a
        total.

    Why
        Numbers that do not add up are among the most common findings of evaluations, and
        they damage the credibility of a report more than anything.

    Wrong
        主动公开政府信息71条。其中：政策类信息4条，工作动态40条，其他信息26条。
        (71 items disclosed proactively, of which 4 policy items, 40 work updates and 26
        others: 4 + 40 + 26 = 70.)

    Right
        主动公开政府信息71条。其中：政策类信息4条，工作动态40条，其他信息27条。
        (4 + 40 + 27 = 71.)

    Options
        None.
    """

    code = "N301"
    name = "breakdown-sum"
    severity = Severity.ERROR

    def check(self, report, ctx):
        # Both are in document order; a stable sort of the two is their merge (heapq, imported
        # for its merge alone, was ~1 M instructions of every start).
        found = sorted([*self._after_qizhong(report), *self._after_totals(report)], key=_offset)
        for _, finding in found:
            yield finding

    def _after_qizhong(self, report):
        """(offset, finding) for each 其中 sentence whose parts do not add up, in order."""
        last_block = last_end = None
        for block, pos, _, m in report.scan(_QIZHONG_HINT_RE, cells=False):
            if not isinstance(block, Paragraph):
                continue
            text = block.text
            e = _sentence_end(text, pos)
            if block is last_block and e == last_end:
                continue  # a later 其中 of a sentence already checked
            last_block, last_end = block, e
            # The first hint of a sentence is its first 其中: an earlier one would be a hint too.
            if _plainly_adds_up(text, pos, e):
                continue
            for finding in self._check_qizhong(block, _sentence_start(text, pos), e):
                yield m.start(), finding

    def _after_totals(self, report):
        """(offset, finding) for each total sentence whose next sentence of parts does not add up."""
        last_block = last_end = None
        hits = sorted([hit for p in _TOTAL_HINT_RES for hit in report.scan(p, cells=False)], key=_offset_of_hit)
        for block, pos, _, m in hits:
            if not isinstance(block, Paragraph):
                continue
            text = block.text
            e = _sentence_end(text, pos)
            if block is last_block and e == last_end:
                continue  # another keyword of a sentence already checked
            last_block, last_end = block, e
            s = _sentence_start(text, pos)
            if _QIZHONG_RE.search(text, s, e):
                continue  # a 其中 sentence gives a finding only through its 其中, which _after_qizhong checks
            for finding in self._check_total_then_parts(block, s, e):
                yield m.start(), finding

    def _check_qizhong(self, block, s, e):
        """A 其中 sentence: the parts after 其中 against the count before it (or in the sentence before)."""
        text = block.text
        m = _QIZHONG_RE.search(text, s, e)
        before = list(_QTY_RE.finditer(text, s, m.start()))
        if not before and s > 0:
            if text[s:m.start()].strip():
                return
            before = list(_QTY_RE.finditer(text, _sentence_start(text, s - 1), s - 1))
        before = [q for q in before if not _CHANGE_BEFORE_RE.search(text, 0, q.start())]
        if not before:
            return
        total = before[-1]
        if not _RESIDUAL_RE.search(text, m.end(), e):
            return  # no "其他" part can follow (the test below), so no need to parse the parts
        parts = _parts(text, m.end(), e, total["u"])
        if not parts or not any(_RESIDUAL_RE.search(label) for label, _ in parts):
            return
        # Several counts before 其中 ("共受理12件，办结10件，其中…"): the parts may
        # describe any of them, so one that matches settles it.
        if any(int(q["n"]) == sum(v for _, v in parts) for q in before if q["u"] == total["u"]):
            return
        yield from self._compare(block, total, parts)

    def _check_total_then_parts(self, block, s, e):
        """A total sentence without 其中: the next sentence, if it is nothing but parts, against its count."""
        text = block.text
        kw = _TOTAL_KW_RE.search(text, s, e)
        if not kw or e + 1 >= len(text):
            return  # no keyword, or no sentence follows
        after = list(_QTY_RE.finditer(text, kw.end(), e))
        if len(after) != 1 or text[after[0].end():e].strip(" \u3000，,"):
            return
        total = after[0]
        ns, ne = e + 1, _sentence_end(text, e + 1)
        if "其中" in text[ns:ne]:
            return
        parts = _parts(text, ns, ne, total["u"])
        if parts:
            yield from self._compare(block, total, parts)

    def _compare(self, block, total, parts):
        text = block.text
        if _APPROX_BEFORE_RE.search(text, 0, total.start()) or _APPROX_AFTER_RE.match(text, total.end()):
            return
        n = int(total["n"])
        s = sum(v for _, v in parts)
        if s == n:
            return
        unit = total["u"]
        expr = " + ".join(f"{label or '分项'}（{v}）" for label, v in parts)
        expr_en = " + ".join(str(v) for _, v in parts)
        yield self.finding(block.span(total.start(), total.end()),
                           f"总数 {n}{unit} 与分项之和不符：{expr} = {s}{unit}，相差 {abs(n - s)}",
                           f"total {n} does not equal the sum of its parts: {expr_en} = {s} (difference {abs(n - s)})",
                           total=n, parts=[v for _, v in parts], sum=s)


def _offset(item):
    return item[0]


def _offset_of_hit(hit):
    """Where a hit of Report.scan is in the report's text."""
    return hit[3].start()


RULES = [BreakdownSum]


# --------------------------------------------------------------------------- N302
# "4条，占5.6%" / "47条，占全部主动公开信息的30.1%" / "10件（占83.3%）"
_PCT_RE = rx.compile(
    rf"(?<![\d.])(?<!\d,)(?P<n>\d+)[ \u3000]*(?P<u>{_UNIT})[ \u3000]*[，,、（(]?[ \u3000]*(?:约|均)?占"
    r"(?:(?P<base>[^，,。；;！？!?%％\d（）()]{1,24}?)的)?(?:比例|比重|比)?(?:为|达|约)?[ \u3000]*"
    r"(?P<p>\d+(?:\.\d+)?)[ \u3000]*[%％]"
)
# "其中自然人申请占60%": a part given only as a share.
_SHARE_RE = rx.compile(r"^(?P<label>[^\d%％]*?)[ \u3000]*(?:约|均)?占(?:比)?(?:为|达)?[ \u3000]*(?P<p>\d+(?:\.\d+)?)[ \u3000]*[%％]$")
_PCT_ONLY_RE = rx.compile(r"^(?:约|均)?占(?:比)?(?:为|达)?[ \u3000]*(?P<p>\d+(?:\.\d+)?)[ \u3000]*[%％]$")
# A base named after 占 that is the whole ("占全部主动公开信息的", "占申请总数的").
_WHOLE_RE = rx.compile(r"全部|总数|总量|总计|合计|总和|全年|所有|全局|全部门|总体")


def _tolerance(p: str) -> float:
    """How far a written percentage may be from the exact share: a rounding (or truncation)
    of its last written digit, and never less than 0.1."""
    decimals = len(p.split(".", 1)[1]) if "." in p else 0
    return max(0.1, 10.0 ** -decimals) + 1e-9


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)}


class PercentageMismatch(Rule):
    """百分比与数量不符（N302）。

    作用
        “某类信息 a 条，占 p%”中，p 与 a 除以总数 N 的结果不符时报告，并给出算式。
        总数 N 取同一段落中该分项之前的总数：“其中”前面的同单位数量，或“共/累计/
        合计/总计”后的数量。

        只在能确定口径时检查：

        - 允许四舍五入或截尾：写到一位小数的百分比可相差 0.1，写成整数的可相差 1；
        - “占”后写明了另一个口径（“占全市的20%”）时不报告；口径是“全部、总数、
          全年”等，或与总数的名称一致时才按总数检查；
        - 百分比与段落中任何一个同单位的其他数量相符（另一个口径）时不报告；
        - 分项就是总数本身、找不到总数时不报告。

        “其中”之后只给出百分比、不给数量的分项，若含有“其他/其余”兜底项（构成完整
        划分），各百分比之和应为100%（误差同上，按分项数累计）。

    为什么
        百分比是读者最先看的数字，算错会让人怀疑整份报告的数据。

    示例（错误）
        主动公开政府信息71条，其中政策类信息4条，占15.6%；工作动态40条，占56.3%；其他信息27条，占38.0%。

    示例（正确）
        主动公开政府信息71条，其中政策类信息4条，占5.6%；工作动态40条，占56.3%；其他信息27条，占38.0%。

    选项
        无。
    """

    doc_en = """
    A percentage disagrees with its count (N302).

    Purpose
        In "某类信息 a 条，占 p%" ("a items of some kind, p% of the total"), reported when p
        does not agree with a divided by the total N; the finding shows the calculation. The
        total N is the one before the part in the same paragraph: the count of the same unit
        before 其中, or the count after 共, 累计, 合计 or 总计.

        Checked only when the base is certain:

        - rounding or truncation is allowed: a percentage with one decimal may be off by 0.1,
          a whole percentage by 1;
        - nothing is reported when another base is named after 占 (占全市的20% "20% of the
          city's"); the base is taken as the total only when it is 全部, 总数, 全年 ("all",
          "the total", "the whole year") or the like, or has the total's name;
        - nothing is reported when the percentage agrees with any other count of the same
          unit in the paragraph (another base);
        - nothing is reported when the part is the total itself, or no total is found.

        When the parts after 其中 are given only as percentages, without counts, and include
        a catch-all item such as 其他 or 其余 (so they make up the whole), the percentages
        must add up to 100% (with the tolerance above, accumulated over the parts).

    Why
        Percentages are the first numbers readers look at; a wrong one makes them doubt
        every figure in the report.

    Wrong
        主动公开政府信息71条，其中政策类信息4条，占15.6%；工作动态40条，占56.3%；其他信息27条，占38.0%。
        (4 of 71 is 5.6%, not 15.6%.)

    Right
        主动公开政府信息71条，其中政策类信息4条，占5.6%；工作动态40条，占56.3%；其他信息27条，占38.0%。
        (4/71 = 5.6%, 40/71 = 56.3%, 27/71 = 38.0%.)

    Options
        None.
    """

    code = "N302"
    name = "percentage-mismatch"
    severity = Severity.WARNING

    def check(self, report, ctx):
        for block in report.blocks_with_any(_PERCENT_RES, cells=False):
            if isinstance(block, Paragraph):
                yield from self._check_text(block)

    # -- the total a part belongs to ------------------------------------------------------
    def _total(self, text, sentences, pos, unit):
        """The total (a _QTY_RE match) the part at ``pos`` is a share of, or None."""
        k = next((i for i, (s, e) in enumerate(sentences) if s <= pos <= e), None)
        if k is None:
            return None
        s, _ = sentences[k]
        # 其中 in this sentence (before the part) or opening it after a total sentence.
        m = None
        for q in _QIZHONG_RE.finditer(text, s, pos):
            m = q
        if m is not None:
            before = list(_QTY_RE.finditer(text, s, m.start()))
            if not before and k > 0 and not text[s:m.start()].strip():
                ps, pe = sentences[k - 1]
                before = list(_QTY_RE.finditer(text, ps, pe))
            before = [q for q in before if q["u"] == unit and not _CHANGE_BEFORE_RE.search(text, 0, q.start())]
            return before[-1] if before else None
        # Otherwise the last "共/累计/合计 … N unit" before the part in the paragraph.
        total = None
        for kw in _TOTAL_KW_RE.finditer(text, 0, pos):
            end = next((e for (ss, e) in sentences if ss <= kw.start() <= e), len(text))
            q = next((q for q in _QTY_RE.finditer(text, kw.end(), min(end, pos)) if q["u"] == unit), None)
            if q is not None and q.start() < pos:
                total = q
        return total

    def _check_text(self, block):
        text = block.text
        sentences = _sentences(text)
        if not sentences:
            return
        counts = [q for q in _QTY_RE.finditer(text)]
        for m in _PCT_RE.finditer(text):
            unit, a, p = m["u"], int(m["n"]), m["p"]
            total = self._total(text, sentences, m.start(), unit)
            if total is None or total.start() == m.start():
                continue
            if _APPROX_BEFORE_RE.search(text, 0, total.start()) or _APPROX_AFTER_RE.match(text, total.end()):
                continue
            n = int(total["n"])
            if n == 0:
                continue
            base = m["base"]
            if base and not _WHOLE_RE.search(base):
                clause_start = max([text.rfind(ch, 0, total.start()) for ch in "，,。；;：:"] + [-1]) + 1
                label = text[clause_start:total.start()]
                shared = _bigrams(base) & _bigrams(label)
                if not _bigrams(base) or len(shared) * 5 < len(_bigrams(base)) * 3:
                    continue  # another base, named but not found
            tol = _tolerance(p)
            exact = a * 100 / n
            if abs(float(p) - exact) <= tol:
                continue
            # Another count of the same unit in the paragraph explains the share: a different base.
            if any(abs(float(p) - a * 100 / int(q["n"])) <= tol for q in counts
                   if q["u"] == unit and int(q["n"]) >= a and int(q["n"]) > 0 and q.start() != m.start()):
                continue
            yield self.finding(
                block.span(m.start("n"), m.end()),
                f"百分比不符：{a}{unit} ÷ {n}{unit} = {exact:.1f}%，文中写作 {p}%",
                f"percentage mismatch: {a} / {n} = {exact:.1f}%, but the text says {p}%",
                part=a, total=n, written=float(p), computed=round(exact, 2))
        yield from self._check_share_sum(block, sentences)

    def _check_share_sum(self, block, sentences):
        """Shares without counts after 其中, with a residual item, must add up to 100%."""
        text = block.text
        for s, e in sentences:
            m = _QIZHONG_RE.search(text, s, e)
            if not m:
                continue
            parts: list[tuple[str, str]] = []
            ok = True
            for piece in _CLAUSE_SPLIT_RE.split(text[m.end():e]):
                clause = piece.strip(" \u3000：:")
                if not clause:
                    continue
                share = _SHARE_RE.match(clause)
                if share and share["label"] and not _PCT_ONLY_RE.match(clause) and not _QTY_RE.search(clause):
                    parts.append((share["label"], share["p"]))
                    continue
                ok = False
                break
            if not ok or len(parts) < 2 or not any(_RESIDUAL_RE.search(label) for label, _ in parts):
                continue
            written = sum(float(p) for _, p in parts)
            decimals = max((len(p.split(".", 1)[1]) if "." in p else 0) for _, p in parts)
            tol = max(0.1, len(parts) * 0.5 * 10.0 ** -decimals) + 1e-9
            if abs(written - 100) <= tol:
                continue
            yield self.finding(
                block.span(m.start(), e),
                f"各分项百分比之和为 {written:g}%，不等于 100%：" + " + ".join(f"{label}（{p}%）" for label, p in parts),
                f"the shares of the parts add up to {written:g}%, not 100%: " + " + ".join(f"{p}%" for _, p in parts),
                shares=[float(p) for _, p in parts], sum=round(written, 4))


# --------------------------------------------------------------------------- N304
_NUMERAL_CHARS = "0123456789０１２３４５６７８９〇零一二三四五六七八九十百千万两几多余数"
# A counted object or counting verb right before the unit: the number that should stand between is missing.
_COUNTED = (r"信息|申请|公开|发布|受理|收到|办结|答复|处理|制发|废止|印发|建议|提案|咨询|会议|培训|活动|留言"
            r"|解读|举报|投诉|来电|意见")
# Not 期 (培训期) or 家 (活动家): they make words with the counted nouns.
_N304_UNIT = r"(?:人次|条|件|个|次|项|份|篇|名|场|批)"
_MISSING_NUMBER_RE = rx.compile(
    rf"(?P<prev>{_COUNTED})(?P<gap>[ \u3000_＿]*)(?P<u>{_N304_UNIT})(?=[ \u3000]*(?:[，,。；;、：:）)]|其中|$))"
)
# "占全部信息的%": a share without its number.
_MISSING_PCT_RE = rx.compile(r"占(?:[^，,。；;！？%％\d]{0,16}?的)?(?:比例|比重|比)?(?:为|达|约)?(?P<gap>[ \u3000_＿]*)[%％]")


class MissingNumber(Rule):
    """数量短语缺少数字（N304）。

    作用
        计数的说法中数字被删掉或没有填写时报告，例如“共主动公开条”“收到政府信息
        公开申请  件”“占全部信息的%”。只在量词前是“信息、申请、公开、发布、受理、
        办结、会议、培训”等计数对象或计数动作、量词后紧接标点（或“其中”）时报告，
        所以“条例”“文件”“事项”“本次”“各条”这类词语不会被误报。

    为什么
        缺数字的句子多半是删改数字后忘记补上，或套用模板后没有填写，读者无法知道
        实际数量。

    示例（错误）
        2017年，我局共主动公开政府信息条，其中政策类信息4条。

    示例（正确）
        2017年，我局共主动公开政府信息71条，其中政策类信息4条。认真贯彻《条例》，各项工作有序开展。

    选项
        无。
    """

    doc_en = """
    A count phrase lacks its number (N304).

    Purpose
        Reported when the number of a count has been deleted or never filled in, as in
        共主动公开条 ("disclosed proactively … items in all"), 收到政府信息公开申请  件
        ("received … applications"), 占全部信息的% ("…% of all information"). Reported only
        when the measure word follows a counted thing or a counting action (信息, 申请, 公开,
        发布, 受理, 办结, 会议, 培训 …) and is followed directly by punctuation (or 其中), so
        words such as 条例 (regulation), 文件 (document), 事项 (matter), 本次 (this time) or
        各条 (each article) are not mistaken for it.

    Why
        A sentence without its number is mostly left over from editing the figures or from an
        unfilled template; the reader cannot know the actual count.

    Wrong
        2017年，我局共主动公开政府信息条，其中政策类信息4条。
        ("disclosed proactively … items": the number before 条 is missing.)

    Right
        2017年，我局共主动公开政府信息71条，其中政策类信息4条。认真贯彻《条例》，各项工作有序开展。
        (71 items; 条例 in 《条例》 is a word, not a count.)

    Options
        None.
    """

    code = "N304"
    name = "missing-number"
    severity = Severity.ERROR

    def check(self, report, ctx):
        hits = {id(b) for p in (_MISSING_NUMBER_RE, _MISSING_PCT_RE) for b in report.blocks_with(p, cells=False)}
        for block in report.paragraphs:
            if id(block) not in hits:
                continue
            text = block.text
            for m in _MISSING_NUMBER_RE.finditer(text):
                shown = text[m.start("prev"):m.end("u")]
                yield self.finding(block.span(m.start("prev"), m.end("u")),
                                   f"“{shown}”缺少数字", f"'{shown}' lacks its number", found=shown)
            for m in _MISSING_PCT_RE.finditer(text):
                shown = m.group(0)
                yield self.finding(block.span(m.start(), m.end()), f"“{shown}”缺少百分比数值",
                                   f"'{shown}' lacks its percentage", found=shown)


RULES += [PercentageMismatch, MissingNumber]
