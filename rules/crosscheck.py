"""N303 — a number in the prose against the table cell it describes.

A count in the running text ("本年新收政府信息公开申请45件") is tied to one cell
(or one fixed sum of cells) of tables 二, 三 and 四 only when its clause names
exactly one thing the tables count, with nothing narrowing it down (a column,
a channel, a topic, a part of the year, another year, "其中 …" with anything
more than the category). Everything else is left alone: precision beats recall.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, cached_property
from itertools import accumulate

from reportlint import rx
from reportlint.model import Era, Heading, Paragraph
from reportlint.records import Record
from reportlint.rule import Rule, Severity
from reportlint.tables.labels import T3_ROWS
from reportlint.tables.normalise import _ONE_CHAR, norm_label

try:
    from re import _parser as _sre_parser  # Python 3.11 and later
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parser

_FMT_ERAS = frozenset({Era.FMT2019, Era.FMT2021})

# --------------------------------------------------------------------------- quantities in the prose
_DIGITS = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)})
_QTY_RE = rx.compile(r"(?<![\d.,，])(\d{1,3}(?:,\d{3})+|\d+)(?![\d.])[ \u3000]*(件|起|宗|次)")
# A unit after a digit or a space: every count has one. One pattern per unit, each beginning with
# its unit, because a pattern that begins with one literal is found several times faster than one
# that begins with a digit or a set of literals.
_QTY_HINT_RES = tuple(rx.compile(f"{unit}(?<=[\\d \u3000]{unit})") for unit in "件起宗次")
# Any counted or measured number: bounds the clause of the next count.
_ANY_QTY_RE = rx.compile(r"\d+(?:\.\d+)?[ \u3000]*(?:人次|件次|[件起宗次条个项人份篇期场家名批]|万元|元|[%％])")
_SENTENCE_END = "。！？!?"
_CLAUSE_DELIMS = "，,；;：:（()）"
_YEAR_RE = rx.compile(r"((?:19|20)\d{2})[ \u3000]*年")
_MONTH_RE = rx.compile(r"(\d{1,2})[ \u3000]*月(?:[ \u3000]*(\d{1,2})[ \u3000]*日)?")
_PART_OF_YEAR_RE = rx.compile(r"季度|上半年|下半年|前三季|月份")
# "全区/全市……" in a government's report may count every body of the area while the
# tables hold the government's own figures (or the reverse): not one cell.
_AREA_SCOPE_RE = rx.compile(r"全(?:省|市|州|盟|区|县|旗)|各级|系统")
_ORDINAL_BEFORE = rx.compile(r"第[ \u3000]*$")
_APPROX_BEFORE = rx.compile(r"(?:约|近|逾|超过|将近|大约|不足|不到|少于|多于|至少|最多)[ \u3000]*$")
_APPROX_AFTER = rx.compile(r"^[ \u3000]*(?:左右|以上|以下|余|多|上下)")
_CHANGE_BEFORE = rx.compile(r"(?:增加|减少|增长|下降|上升|提高|降低|多|少|增|减)了?[ \u3000]*$")
# "共收到申请14件（含上年结转1件）": the number is a compound.
_COMPOUND_AFTER = rx.compile(r"^[ \u3000]*[（(，,]?[ \u3000]*(?:含|包括|包含)")

# --------------------------------------------------------------------------- what a clause names
# Patterns run on norm_label() text (half-width brackets and colons, no spaces).
_CARRIED = rx.compile(r"(?:上一?年度?|去年)的?(?:结转|遗留|未办结)|结转自?上一?年度?")
_CARRY_NEXT = rx.compile(r"(?:结转|转入)(?:至|到|入)?(?:下一?年|次年|明年)|(?:下一?年度?|次年)继续办理")
_NEW = rx.compile(r"新收")
_RECEIVED = rx.compile(r"收到|受理|接收|接到|收悉")
_T3_PRIMITIVES = (
    ("granted", rx.compile(r"(?<!不)(?<!部分)予以公开|同意公开")),
    ("partial", rx.compile(r"部分(?:予以)?公开")),
    ("refused", rx.compile(r"不予以?公开")),
    ("unable", rx.compile(r"无法提供")),
    ("rejected", rx.compile(r"不予以?处理")),
    ("other", rx.compile(r"其他处理")),
    ("total", rx.compile(r"(?<!未)办结|办理完毕")),
)
_LIT_DIRECT = rx.compile(r"直接(?:提起)?(?:行政)?(?:起诉|诉讼)")
_LIT_AFTER = rx.compile(r"复议后(?:提起)?(?:行政)?(?:起诉|诉讼)")
_REVIEW = rx.compile(r"复议")
_LIT = rx.compile(r"诉讼|起诉")
_T4_RESULT = rx.compile(r"维持|纠正|撤销|驳回|败诉|胜诉|审结|确认违法|撤诉|撤回|终止|调解|和解|其他结果")
_DOC_KINDS = (("规章", rx.compile(r"规章(?!制度)")), ("规范性文件", rx.compile(r"规范性文件")))
_DOC_VERBS = {
    Era.FMT2021: ((0, rx.compile(r"制发|制定|出台|印发")), (1, rx.compile(r"废止")), (2, rx.compile(r"现行有效"))),
    Era.FMT2019: ((0, rx.compile(r"新制作|制作")), (1, rx.compile(r"新公开")), (2, rx.compile(r"对外公开.*总数|对外公开总"))),
}
_DECISIONS = (("五", "行政许可", rx.compile(r"行政许可")), ("六", "行政处罚", rx.compile(r"行政处罚")),
              ("六", "行政强制", rx.compile(r"行政强制")))
_DECISION_WORD = rx.compile(r"决定|作出")
# "公示行政处罚决定N件" counts what was published, which may be fewer than the decisions.
_PUBLISHED = rx.compile(r"公示|公开|发布|上网|推送")
# A sentence about another kind of case: its 办结/受理/予以公开 are not table 三's.
_OTHER_DOMAIN = rx.compile(r"许可|处罚|强制|建议|提案|信访|来信|来访|咨询|热线|投诉|举报|复议|诉讼|起诉")
# Words that put a t3 clause in another domain (suggestions, petitions, the other tables).
_NOT_T3 = rx.compile(r"建议|提案|咨询|来信|来访|信访|投诉|举报|热线|主动公开|许可|处罚|强制|规范性文件|规章|复议|诉讼|起诉")
# Words that narrow a count down to a part of what a cell counts, or move it elsewhere in time.
_NARROWING = rx.compile(
    r"自然人|公民|个人|法人|企业|公司|科研机构|社会公益|法律服务|律师|社会组织|其他组织|群众|申请人"
    r"|网上|网络|在线|信函|邮寄|当面|现场|窗口|传真|电子邮件|邮箱|电话|线上|线下"
    r"|本级|(?<!本)部门|(?<!本)单位|乡镇|街道|所属|下属|直属|区直|市直|县直|省直"
    r"|涉及|涉企|关于|有关|方面|类|按时|按期|如期|逾期|延期|超期|平均|分别|占|每"
    r"|上一?年|去年|前年|往年|历年|以来|较上|比上|较去|比去|同比|环比|季度|半年|月份|以外|除")
# After 其中 the clause may hold the category and nothing else.
_FILLERS = rx.compile(
    r"其中|本年度?|全年|今年|当年|依申请|政府信息公开|政府信息|信息公开|申请|工作|的|有|为|是|共计?|合计|已|均|被|因|而|"
    r"数量|件数|结果|作出|提起|行政|[:、\"'“”]")
# Before a count whose category follows it ("另有3件……结转下年度继续办理").
_LEAD_IN = rx.compile(r"^(?:另有|另|还有|尚有|有|其余|剩余|余下|其中|共有|共|均|合计|[:、])*$")
_AFTER_CATEGORIES = {"granted", "partial", "refused", "unable", "rejected", "other", "carry_next"}


class _Target(Record):
    """The table side of a comparison.

    ``cells``: the table cells the value comes from; ``zh``/``en``: how the finding names it
    ("表三（一、本年新收政府信息公开申请数量 总计 43）"); ``also``: other values the wording
    may mean ("受理" = 新收 + 上年结转).
    """

    def __init__(self, key: str, value: int, cells: tuple, zh: str, en: str, also: tuple[int, ...] = ()) -> None:
        self.key = key
        self.value = value
        self.cells = cells
        self.zh = zh
        self.en = en
        self.also = also


# A sentence runs up to and including its end mark; a lone mark is a sentence of its own.
_SENTENCE_RE = rx.compile(f"[^{_SENTENCE_END}]+[{_SENTENCE_END}]?|[{_SENTENCE_END}]")
_FULL_WIDTH_DIGIT_RE = rx.compile("[０-９]")


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, found by one regex pass rather than a loop over characters."""
    return [m.span() for m in _SENTENCE_RE.finditer(text)]


def _ascii_digits(text: str) -> str:
    """``text`` with full-width digits made ASCII; most text has none, so look before translating."""
    return text.translate(_DIGITS) if _FULL_WIDTH_DIGIT_RE.search(text) else text


def _heading_paths(report) -> dict[int, str]:
    """The titles of a block's section and its ancestors, by the block's id."""
    out: dict[int, str] = {}

    def visit(section, path):
        path = path + section.heading.title
        out[id(section.heading)] = path
        for item in section.items:
            out[id(item)] = path
        for child in section.children:
            visit(child, path + "\n")

    for top in report.sections:
        visit(top, "")
    return out


# --------------------------------------------------------------------------- classification
def _remove(pattern: re.Pattern, text: str) -> str:
    return pattern.sub("", text)


@cache
def _leaf_rows(t3_era: Era) -> tuple[tuple, re.Pattern]:
    """The leaf rows of an era's table 三 that a clause can name, and one regex for any of them.

    Most clauses name no leaf row: the one regex says so in one call instead of one per row.
    """
    specs = tuple(spec for spec in T3_ROWS[t3_era] if "." in spec.key and "^" not in spec.pattern.pattern)
    return specs, rx.compile("|".join(f"(?:{spec.pattern.pattern})" for spec in specs))


def _sub_rows(nd: str, t3_era: Era) -> tuple[list, str]:
    """Leaf rows of table 三 a clause names ("因本机关不掌握相关政府信息"), and the clause without them."""
    subs = []
    rest = nd
    specs, any_leaf = _leaf_rows(t3_era)
    if not any_leaf.search(nd):
        return subs, rest
    for spec in specs:
        if spec.pattern.search(rest):
            subs.append(spec)
            rest = re.sub(f"(?:因|由于|属于|涉及|保护)*(?:{spec.pattern.pattern})类?", "", rest)
    return subs, rest


def _any_category_re() -> re.Pattern:
    """One regex for every category pattern below: a clause that matches none of them counts
    nothing the tables count (most clauses), and one search tells so."""
    patterns = [_CARRIED, _CARRY_NEXT, _NEW, _RECEIVED, *(p for _, p in _T3_PRIMITIVES), _LIT_DIRECT, _LIT_AFTER,
                _REVIEW, _LIT, *(p for _, p in _DOC_KINDS), *(p for _, _, p in _DECISIONS)]
    return rx.compile("|".join(f"(?:{rx.pattern})" for rx in patterns))


_ANY_CATEGORY = _any_category_re()


# --------------------------------------------------------------------------- which sentences to read
# A count gives a finding only when _classify names a category for the normalised text beside it,
# and that needs a match of _ANY_CATEGORY, or of a leaf row (whose removal could join the words of
# one), in the sentence's normalised text. The patterns below find, in the raw text, every place
# where one of them could match once normalised; a sentence with none of them is not read at all.
def _words(items) -> set[str]:
    """Every string a parsed pattern of literals, groups, alternatives and optional parts can
    match, its look-arounds and anchors left out (they only narrow a match down)."""
    out = {""}
    for op, av in items:
        if op is _sre_parser.LITERAL:
            alternatives = {chr(av)}
        elif op is _sre_parser.IN and all(kind is _sre_parser.LITERAL for kind, _ in av):
            alternatives = {chr(c) for _, c in av}
        elif op is _sre_parser.SUBPATTERN:
            alternatives = _words(av[-1])
        elif op is _sre_parser.BRANCH:
            alternatives = set().union(*(_words(branch) for branch in av[1]))
        elif op is _sre_parser.MAX_REPEAT and av[:2] == (0, 1):
            alternatives = {""} | _words(av[2])
        elif op in (_sre_parser.ASSERT, _sre_parser.ASSERT_NOT, _sre_parser.AT):
            alternatives = {""}
        else:
            raise ValueError(f"not a pattern of words: {op} {av}")
        out = {a + b for a in out for b in alternatives}
    return out


def _folded_from() -> dict[str, str]:
    """For each character norm_label() folds others into, those others (Traditional forms)."""
    forms: dict[str, str] = {}
    for raw, folded in _ONE_CHAR.items():
        forms[folded] = forms.get(folded, "") + raw
    return forms


def _written_forms(words: set[str], forms: dict[str, str], first: bool = True) -> str:
    """One pattern for ``words`` (none the start of another) as raw text may write them, so that
    norm_label() gives them: each character in any form that folds to it, with any whitespace
    between. Words that start alike share their start (a trie), so a search tries few branches at
    each place; at the top, each form of a first character is a branch of its own, so that the
    pattern begins with a set of literals."""
    branches: dict[str, set[str]] = {}
    for word in words:
        branches.setdefault(word[0], set()).add(word[1:])
    out = []
    for ch, rests in sorted(branches.items()):
        rests.discard("")
        tail = rf"\s*(?:{_written_forms(rests, forms, False)})" if rests else ""
        if first:
            out += [re.escape(raw) + tail for raw in ch + forms.get(ch, "")]
        else:
            out.append((f"[{re.escape(ch + forms[ch])}]" if ch in forms else re.escape(ch)) + tail)
    return "|".join(out)


@cache
def _category_hint_re() -> re.Pattern:
    """Raw text that may name a category or a leaf row of table 三 once normalised.

    Derived at the first report checked, not at import (a re-run answered from
    the cache loads the rules but checks nothing), and kept between runs in the
    regex table (``rx.derived``): deriving it takes ~4 ms.
    """
    patterns = [_ANY_CATEGORY.pattern] + [spec.pattern.pattern for era in T3_ROWS for spec in _leaf_rows(era)[0]]
    forms = _folded_from()
    inputs = "\n".join(patterns) + "\n" + repr(sorted(forms.items()))
    return rx.compile(rx.derived("crosscheck.category-hint", inputs, lambda: _category_hint(patterns, forms)))


def _category_hint(patterns: list[str], forms: dict[str, str]) -> str:
    """The pattern of :func:`_category_hint_re` (deterministic: every set is sorted on the way)."""
    words = set().union(*(_words(_sre_parser.parse(p)) for p in patterns))
    return _written_forms(_without_longer(words), forms)


def _without_longer(words: set[str]) -> set[str]:
    """``words`` less those that hold another: a word that holds another is found through the shorter one.

    Each word is looked for in all of them joined (a C-level find per occurrence), not compared
    with every other word: this runs at every start.
    """
    listed = sorted(words)
    joined = "\n".join(listed)
    starts = list(accumulate((len(w) + 1 for w in listed), initial=0))
    holders = set()
    for v in listed:
        pos = joined.find(v)
        while pos >= 0:
            owner = listed[bisect_right(starts, pos) - 1]
            if owner != v:
                holders.add(owner)
            pos = joined.find(v, pos + 1)
    return words - holders



def _classify(nd: str, t3_era: Era, t2_era: Era | None, allowed=None) -> tuple[str, object] | None:
    """What a clause (normalised) counts: (kind, detail), or None when not exactly one thing."""
    subs, rest = _sub_rows(nd, t3_era)
    if not _ANY_CATEGORY.search(rest):
        return None
    cats: list[tuple[str, object]] = []
    if _CARRIED.search(rest):
        cats.append(("carried", None))
        rest = _remove(_CARRIED, rest)
    if _CARRY_NEXT.search(rest):
        cats.append(("carry_next", None))
        rest = _remove(_CARRY_NEXT, rest)
    if _NEW.search(rest):
        cats.append(("new", None))
    elif _RECEIVED.search(rest) and "申请" in rest:
        cats.append(("new", "received"))  # 收到/受理 may include the carried-over ones
    for key, pattern in _T3_PRIMITIVES:
        if pattern.search(rest):
            cats.append((key, None))
    t3_found = bool(cats)
    # Table 四
    if _LIT_DIRECT.search(rest):
        cats.append(("lit_direct", None))
    elif _LIT_AFTER.search(rest):
        cats.append(("lit_after", None))
    else:
        if _REVIEW.search(rest):
            cats.append(("review", None))
        if _LIT.search(rest):
            cats.append(("lit", None))
    # Table 二
    kinds = [k for k, pattern in _DOC_KINDS if pattern.search(rest)]
    if kinds and t2_era is not None:
        verbs = [col for col, pattern in _DOC_VERBS[t2_era] if pattern.search(rest)]
        cats.append(("doc", (kinds, verbs)))
    for item, row, pattern in _DECISIONS:
        if pattern.search(rest) and _DECISION_WORD.search(rest) and not _PUBLISHED.search(rest):
            cats.append(("decision", (item, row)))
    if len(cats) != 1:
        return None
    kind, detail = cats[0]
    if allowed is not None and kind not in allowed:
        return None
    if t3_found:
        if _NOT_T3.search(rest):
            return None
        # A leaf row is named only together with its parent ("因本机关不掌握……而无法提供").
        if subs:
            if len(subs) != 1 or not subs[0].key.startswith(kind + "."):
                return None
            detail = subs[0]
    elif subs:
        return None
    if kind == "doc":
        kinds, verbs = detail
        if len(kinds) != 1 or len(verbs) != 1:
            return None
        detail = (kinds[0], verbs[0])
    if kind in ("review", "lit", "lit_direct", "lit_after") and _T4_RESULT.search(rest):
        return None
    if _NARROWING.search(rest):
        return None
    return kind, detail


def _pure(nd: str, kind: str) -> bool:
    """After 其中, the clause names its category and nothing more ("其中予以公开")."""
    rest = nd
    for pattern in (_CARRIED, _CARRY_NEXT, _NEW, _RECEIVED, _LIT_DIRECT, _LIT_AFTER, _REVIEW, _LIT,
                    *(p for _, p in _T3_PRIMITIVES)):
        rest = pattern.sub("", rest)
    return not _FILLERS.sub("", rest)


# --------------------------------------------------------------------------- the table side
def _t3_total(t3, keys: list[str]):
    values = []
    for k in keys:
        row = t3.rows.get(k)
        if row is None or len(row.values) < 7 or not row.values[6].ok:
            return None
        values.append(row.values[6])
    return values


_T3_SUMS = {"refused": "（三）不予公开", "unable": "（四）无法提供", "rejected": "（五）不予处理", "other": "（六）其他处理"}
_T3_SUMS_EN = {"refused": "(三) refused", "unable": "(四) unable to provide", "rejected": "(五) not processed",
               "other": "(六) other handling"}


def _t3_target(t3, kind: str, detail) -> _Target | None:
    if t3 is None:
        return None
    specs = {s.key: s for s in T3_ROWS[t3.era]}
    if kind == "new" and detail == "received":
        # "共收到/受理申请N件" may count the carried-over applications too.
        vals = _t3_total(t3, ["new"])
        if vals is None:
            return None
        v = vals[0].number
        carried = _t3_total(t3, ["carried"])
        if carried is None:
            return None
        c = carried[0].number
        return _Target("new", v, (vals[0].cell,),
                       f"表三（一、本年新收政府信息公开申请数量 总计 {v}；加上年结转 {c} 为 {v + c}）",
                       f"table 三 (一、本年新收政府信息公开申请数量, 总计: {v}; with the {c} carried over: {v + c})",
                       also=(v + c,))
    if detail is not None:  # a leaf row
        key = detail.key
        vals = _t3_total(t3, [key])
        label = detail.label
    elif kind in _T3_SUMS:
        key = kind
        keys = [k for k in specs if k == kind or k.startswith(kind + ".")]
        vals = _t3_total(t3, keys)
        if vals is not None and len(keys) > 1:
            v = sum(x.number for x in vals)
            return _Target(key, v, tuple(x.cell for x in vals),
                           f"表三（{_T3_SUMS[kind]} 各项总计之和 {v}）",
                           f"table 三 ({_T3_SUMS_EN[kind]}, sum of the 总计 of its rows: {v})")
        label = _T3_SUMS[kind]
    else:
        key = kind
        vals = _t3_total(t3, [key])
        label = specs[key].label
    if vals is None:
        return None
    v = vals[0].number
    return _Target(key, v, (vals[0].cell,), f"表三（{label} 总计 {v}）", f"table 三 ({label}, 总计: {v})")


_T4_GROUP = {"review": (4, "行政复议", "administrative review"),
             "lit_direct": (9, "行政诉讼 未经复议直接起诉", "litigation without prior review"),
             "lit_after": (14, "行政诉讼 复议后起诉", "litigation after review")}


def _t4_target(t4, kind: str) -> _Target | None:
    if t4 is None or len(t4.values) < 15:
        return None
    if kind == "lit":
        a, b = t4.values[9], t4.values[14]
        if not (a.ok and b.ok):
            return None
        v = a.number + b.number
        return _Target(kind, v, (a.cell, b.cell),
                       f"表四（行政诉讼 未经复议直接起诉 总计 {a.number} + 复议后起诉 总计 {b.number} = {v}）",
                       f"table 四 (litigation: without prior review {a.number} + after review {b.number} = {v})")
    i, zh, en = _T4_GROUP[kind]
    x = t4.values[i]
    if not x.ok:
        return None
    return _Target(kind, x.number, (x.cell,), f"表四（{zh} 总计 {x.number}）", f"table 四 ({en}, 总计: {x.number})")


def _t2_target(t2, kind: str, detail) -> _Target | None:
    if t2 is None:
        return None
    if kind == "doc":
        doc, col = detail
        block = t2.blocks.get("一")
        row = block.rows.get(doc) if block else None
        if row is None or len(row.values) <= col or not row.values[col].ok:
            return None
        column = block.spec.columns[col]
        label = row.spec.label
        x = row.values[col]
        return _Target(f"t2.一.{doc}", x.number, (x.cell,), f"表二（第二十条第（一）项 {label} {column} {x.number}）",
                       f"table 二 (art. 20 item 1, {label}, {column}: {x.number})")
    item, name = detail
    block = t2.blocks.get(item)
    row = block.rows.get(name) if block else None
    if row is None or not row.values or not row.values[-1].ok:
        return None
    x = row.values[-1]
    column = block.spec.columns[-1]
    if "处理决定" not in column:
        return None
    return _Target(f"t2.{item}.{name}", x.number, (x.cell,), f"表二（第二十条第（{item}）项 {name} {column} {x.number}）",
                   f"table 二 (art. 20 item {item}, {name}, {column}: {x.number})")


class _Sentence:
    """What a sentence says once, for all the counts in it."""

    def __init__(self, text: str, start: int, end: int, year: int | None, t3_era: Era) -> None:
        self.start, self.end = start, end
        self._text, self._t3_era = text, t3_era
        self._bounds = [q.end() for q in _ANY_QTY_RE.finditer(text, start, end)]
        self._years = [(mm.end(), int(mm.group(1))) for mm in _YEAR_RE.finditer(text, start, end)]
        self._year = year
        narrowing = [mm.end() for p in (_PART_OF_YEAR_RE, _AREA_SCOPE_RE) for mm in p.finditer(text, start, end)]
        narrowing += [mm.end() for mm in _MONTH_RE.finditer(text, start, end)
                      if mm.group(2) is None or (int(mm.group(1)), int(mm.group(2))) not in ((1, 1), (12, 31))]
        self._narrowed = min(narrowing, default=None)
        q = text.find("其中", start, end)
        self._qizhong = q + 2 if q >= 0 else None

    # The two below are needed only for a count that names a table category: computed on demand.
    @cached_property
    def norm(self) -> str:
        return norm_label(self._text[self.start:self.end])

    @cached_property
    def other_domain(self) -> bool:
        return bool(_OTHER_DOMAIN.search(_sub_rows(self.norm, self._t3_era)[1]))

    def bound_before(self, pos: int) -> int:
        """The end of the last count or measure before ``pos`` (the sentence start if none)."""
        return max((b for b in self._bounds if b <= pos), default=self.start)

    def own_year_before(self, pos: int) -> bool:
        """No year is named before ``pos``, or the last one named is the report year."""
        named = [y for end, y in self._years if end <= pos]
        return not named or named[-1] == self._year

    def narrowed_before(self, pos: int) -> bool:
        return self._narrowed is not None and self._narrowed <= pos

    def qizhong_before(self, pos: int) -> bool:
        return self._qizhong is not None and self._qizhong <= pos


# --------------------------------------------------------------------------- the rule
class TextTableMismatch(Rule):
    """正文数字与表格不符（N303）。

    作用
        正文中说到表格里统计的数量时，与表格中对应的单元格（或固定的几格之和）比较，
        不等时报告，位置在正文的数字处，消息写明正文的说法和表格的格子、数值：

        - 表三（都取“总计”列）：本年新收申请 N 件（一）、上年结转（二）、予以公开、
          部分公开、不予公开（（三）1–8 项之和）、无法提供（（四）之和）、不予处理
          （（五）之和）、其他处理（（六）之和）、办结（（七）总计）、结转下年度（四）；
          与上级项目一起写明的具体情形（“因本机关不掌握相关政府信息而无法提供 10 件”）
          与该行比较；
        - 表四：行政复议 N 件（行政复议的总计）、行政诉讼 N 件（未经复议直接起诉与
          复议后起诉两个总计之和；分别写明的与各自的总计比较）；
        - 表二：本年制发 / 废止 / 现行有效的规章或规范性文件（fmt2019 为本年新制作 /
          新公开 / 对外公开总数），作出行政许可、行政处罚、行政强制决定 N 件（处理决定
          数量）。

        只在数字能确定地对应到一个格子时才比较。以下情形一律不报告：一个数字对应几类
        （“予以公开和部分公开共 7 件”）；“其中”后除类别外还有别的限定；限定了申请人
        类型、申请渠道、事项内容、时段（季度、上半年、某月）；说的是别的年份（“上年”
        “2021 年”“同比”）或增减量（“增加 5 件”）；句中说的是“全区/全市/各级”等一个
        地区的合计（政府报告的表格可能只含本级）；约数、序数、百分数；数字后注明
        “含……”；表格没读到、对应的格子空白或不是有效数字。“共收到/受理申请 N 件”
        等于本年新收或本年新收加上年结转都算相符。只对 fmt2019、fmt2021 时代的报告
        检查。

    为什么
        正文和表格是同一组数据的两种写法，二者不一致说明至少有一处写错，评议中会被
        当作数据不实扣分。

    示例（错误）
        本年新收政府信息公开申请45件，上年结转3件。
        一、本年新收政府信息公开申请数量 | 30 | 10 | 0 | 3 | 0 | 0 | 43
        二、上年结转政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3

    示例（正确）
        本年新收政府信息公开申请43件，上年结转3件。
        一、本年新收政府信息公开申请数量 | 30 | 10 | 0 | 3 | 0 | 0 | 43
        二、上年结转政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3

    选项
        无。
    """

    doc_en = """
    A number in the text differs from the table (N303).

    Purpose
        When the text states a quantity the tables count, it is compared with the matching
        table cell (or a fixed sum of cells); a difference is reported at the number in the
        text, and the message quotes the text and names the table cell and its value:

        - table 三 (always the 总计 "total" column): applications newly received this year
          (row 一), carried over from last year (二), granted (予以公开), partly granted
          (部分公开), refused (不予公开, the sum of （三） 1–8), unable to provide (无法提供,
          the sum of （四）), not processed (不予处理, the sum of （五）), otherwise handled
          (其他处理, the sum of （六）), concluded (办结, （七）总计) and carried forward to next
          year (四); a specific case named together with its parent item (因本机关不掌握相关
          政府信息而无法提供 10 件 "10 could not be provided because the agency does not hold
          the information") is compared with that row;
        - table 四: N administrative reconsiderations (the reconsideration total) and N
          lawsuits (the sum of the totals of direct suits and suits after reconsideration;
          each kind named separately is compared with its own total);
        - table 二: rules (规章) or normative documents (规范性文件) issued, repealed or in
          force this year (in fmt2019: newly made, newly published, total published), and N
          decisions on administrative licensing, penalties or coercive measures (the number
          of decisions).

        Numbers are compared only when they map to one cell for certain. Nothing is reported
        when: one number covers several categories (予以公开和部分公开共 7 件 "7 granted or
        partly granted"); 其中 ("of which") is followed by a restriction beyond the
        category; the number is narrowed to a kind of applicant, a channel of application, a
        subject, or a part of the year (a quarter, the first half, a month); it is about
        another year (上年 "last year", 2021 年, 同比 "year on year") or is a change (增加 5
        件 "5 more"); the sentence gives a total for an area such as 全区 / 全市 / 各级 ("the
        whole district / city / all levels" — a government's tables may hold its own
        figures only); the number is approximate, ordinal or a percentage; it is followed by
        含…… ("including …"); the table was not read, or the cell is blank or not a valid
        number. 共收到/受理申请 N 件 ("N applications received in all") agrees when N equals
        the new applications, or the new plus the carried-over ones. Only fmt2019 and
        fmt2021 reports are checked.

    Why
        The text and the tables are two ways of writing the same data; when they disagree,
        at least one is wrong, and evaluations count it as inaccurate data.

    Wrong
        本年新收政府信息公开申请45件，上年结转3件。
        一、本年新收政府信息公开申请数量 | 30 | 10 | 0 | 3 | 0 | 0 | 43
        二、上年结转政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3
        (The text says 45 applications were received this year, table 三's row 一 says 43 in
        total.)

    Right
        本年新收政府信息公开申请43件，上年结转3件。
        一、本年新收政府信息公开申请数量 | 30 | 10 | 0 | 3 | 0 | 0 | 43
        二、上年结转政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3
        (Text and table both say 43, and 3 carried over.)

    Options
        None.
    """

    code = "N303"
    name = "text-table-mismatch"
    severity = Severity.ERROR
    eras = _FMT_ERAS
    requires = frozenset({"structure", "year"})

    def check(self, report, ctx):
        tables = report.facts.tables
        if tables.t2 is None and tables.t3 is None and tables.t4 is None:
            return
        t3_era = tables.t3.era if tables.t3 is not None else report.era
        t2_era = tables.t2.era if tables.t2 is not None else None
        paths = None
        hint = _category_hint_re()
        # Most blocks hold no count at all: whole-report passes find those that may ("\d" matches
        # full-width digits too, so the untranslated text will do); of those, most name no category.
        for block in report.blocks_with_any(_QTY_HINT_RES, cells=False):
            if isinstance(block, Paragraph) and block.role:
                continue
            if not isinstance(block, (Paragraph, Heading)) or not hint.search(block.text):
                continue
            if paths is None:
                paths = _heading_paths(report)
            yield from self._check_block(report, block, paths.get(id(block), ""), tables, t3_era, t2_era, hint)

    def _check_block(self, report, block, path, tables, t3_era, t2_era, hint):
        text = _ascii_digits(block.text)
        block_has_application = "申请" in norm_label(text) or "申请" in path
        for s, e in _sentences(text):
            if not hint.search(text, s, e) or not _QTY_RE.search(text, s, e):
                continue
            sentence = _Sentence(text, s, e, report.year, t3_era)
            for m in _QTY_RE.finditer(text, s, e):
                found = self._one(report, text, sentence, m, block, path, block_has_application,
                                  tables, t3_era, t2_era)
                if found is not None:
                    yield found

    def _one(self, report, text, sen, m, block, path, block_has_application, tables, t3_era, t2_era):
        s, e = sen.start, sen.end
        before = text[max(s, m.start() - 12):m.start()]
        after = text[m.end():min(e, m.end() + 12)]
        if (_ORDINAL_BEFORE.search(before) or _APPROX_BEFORE.search(before) or _CHANGE_BEFORE.search(before)
                or _APPROX_AFTER.match(after) or _COMPOUND_AFTER.match(after)):
            return None
        # Another year, a part of the year or an area's total governs the sentence up to the number.
        if not sen.own_year_before(m.start()) or sen.narrowed_before(m.start()):
            return None
        start = max([s, sen.bound_before(m.start())] + [text.rfind(ch, s, m.start()) + 1 for ch in _CLAUSE_DELIMS])
        desc = text[start:m.start()]
        nd = norm_label(desc)
        qizhong = sen.qizhong_before(m.start())
        end = m.end()
        result = _classify(nd, t3_era, t2_era)
        if result is None and _LEAD_IN.match(nd):
            stop = next((i for i in range(m.end(), e) if text[i] in _CLAUSE_DELIMS + _SENTENCE_END
                         or text[i].isdigit()), e)
            after_nd = norm_label(text[m.end():stop])
            result = _classify(after_nd, t3_era, t2_era, allowed=_AFTER_CATEGORIES)
            if result is not None:
                nd = after_nd
                end = stop
        if result is None:
            return None
        kind, detail = result
        if qizhong and not _pure(nd, kind):
            return None
        if kind in ("review", "lit", "lit_direct", "lit_after"):
            if "信息公开" not in sen.norm and not re.search(r"复议|诉讼", path):
                return None
            target = _t4_target(tables.t4, kind)
        elif kind in ("doc", "decision"):
            target = _t2_target(tables.t2, kind, detail)
        else:
            if sen.other_domain or not block_has_application:
                return None
            target = _t3_target(tables.t3, kind, detail)
        if target is None:
            return None
        n = int(m.group(1).replace(",", ""))
        if n == target.value or n in target.also:
            return None
        quote = block.text[start:end].strip(" \u3000，,、：:")
        first = target.cells[0]
        table_line = first.lineno if first is not None else None
        return self.finding(
            block.span(m.start(), m.end()),
            f"正文“{quote}”与{target.zh}不符",
            f"the prose says '{quote}' but {target.en}",
            prose=n, table=target.value, item=target.key, table_line=table_line)


RULES = [TextTableMismatch]
