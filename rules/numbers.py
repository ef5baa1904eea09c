"""N — numbers in the prose: totals and their parts."""

from __future__ import annotations

import re

from reportlint.rule import Rule, Severity

_UNIT = r"(?:人次|条|件|个|次|项|份|篇|名|家|场|期|批)"
# "1,200条": the digits after a thousands comma are not a number of their own.
_QTY_RE = re.compile(rf"(?<![\d.])(?<!\d,)(?P<n>\d+)[ \u3000]*(?P<u>{_UNIT})")
# 共 as in 共计, not as in 公共 / 共产党 / 共同 / 共享.
_TOTAL_KW_RE = re.compile(r"共计|累计|合计|总计|(?<!公)共(?![产同享建性识])")
# "约50条" "近50条" "50条左右": an approximate total cannot be checked.
_APPROX_BEFORE_RE = re.compile(r"(?:约|近|逾|超过|将近|大约)[ \u3000]*$")
_APPROX_AFTER_RE = re.compile(r"[ \u3000]*(?:左右|以上|余|多)")
# "较上年增加20条" is a change, not a total the parts could add up to.
_CHANGE_BEFORE_RE = re.compile(r"(?:增加|减少|增长|下降|上升|提高|降低|多|少)了?[ \u3000]*$")
_SENTENCE_END = "。！？!?"
_CLAUSE_SPLIT_RE = re.compile(r"[，,；;、]")
_NOTE_RE = re.compile(r"^(?:约|均)?占.*[%％]$|^[\d.]+[%％]$")
_RESIDUAL_RE = re.compile(r"其他|其余|其它")
_QIZHONG_RE = re.compile(r"其中[：:，,]?")


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END:
            out.append((start, i))
            start = i + 1
    if start < len(text):
        out.append((start, len(text)))
    return out


def _parts(text: str, start: int, end: int, unit: str) -> list[tuple[str, int]] | None:
    """Parse "A 4条，B 40条，其他 27条" into [(label, n)]; None when any clause is not one count."""
    parts = []
    pos = start
    for piece in _CLAUSE_SPLIT_RE.split(text[start:end]):
        clause = piece.strip(" \u3000：:")
        pos += len(piece) + 1
        if not clause or _NOTE_RE.match(clause):
            continue
        if "其中" in clause:
            return None
        qty = list(_QTY_RE.finditer(clause))
        numbers = re.findall(r"\d+(?:\.\d+)?", clause)
        if len(qty) != 1 or len(numbers) != 1 or qty[0]["u"] != unit:
            return None
        tail = clause[qty[0].end():].strip()
        label = clause[: qty[0].start()].strip()
        if tail or _APPROX_BEFORE_RE.search(label):
            return None
        parts.append((label, int(qty[0]["n"])))
    return parts if len(parts) >= 2 else None


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

    code = "N301"
    name = "breakdown-sum"
    severity = Severity.ERROR

    def check(self, report, ctx):
        for block in report.paragraphs:
            yield from self._check_text(block)

    def _check_text(self, block):
        text = block.text
        sentences = _sentences(text)
        for k, (s, e) in enumerate(sentences):
            m = _QIZHONG_RE.search(text, s, e)
            if m:
                before = list(_QTY_RE.finditer(text, s, m.start()))
                if not before and k > 0:
                    ps, pe = sentences[k - 1]
                    if text[s:m.start()].strip():
                        continue
                    before = list(_QTY_RE.finditer(text, ps, pe))
                before = [q for q in before if not _CHANGE_BEFORE_RE.search(text, 0, q.start())]
                if not before:
                    continue
                total = before[-1]
                parts = _parts(text, m.end(), e, total["u"])
                if not parts or not any(_RESIDUAL_RE.search(label) for label, _ in parts):
                    continue
                # Several counts before 其中 ("共受理12件，办结10件，其中…"): the parts may
                # describe any of them, so one that matches settles it.
                if any(int(q["n"]) == sum(v for _, v in parts) for q in before if q["u"] == total["u"]):
                    continue
                yield from self._compare(block, total, parts)
                continue
            kw = _TOTAL_KW_RE.search(text, s, e)
            if not kw or k + 1 >= len(sentences):
                continue
            after = list(_QTY_RE.finditer(text, kw.end(), e))
            if len(after) != 1 or text[after[0].end():e].strip(" \u3000，,"):
                continue
            total = after[0]
            ns, ne = sentences[k + 1]
            if "其中" in text[ns:ne]:
                continue
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


RULES = [BreakdownSum]
