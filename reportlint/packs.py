"""Declarative rule packs: rules written as data (TOML), never as code.

A pack is validated against ``reportlint/schemas/pack.schema.json`` and holds
rules of four types, modelled on Vale's:

``existence``
    forbidden words (``tokens``, literal) or patterns (``patterns``, regular
    expressions): every occurrence is a finding.
``substitution``
    wrong → right (``swap``, literal keys unless ``regex = true``): every
    occurrence is a finding with a fix (an :class:`~reportlint.rule.Edit`, as
    W601's), applied by ``--fix``.
``required``
    a heading or phrase that must appear (``scope = "headings"`` for a
    heading), usually restricted with ``eras``: one finding when absent.
``occurrence``
    ``min`` / ``max`` occurrences in the whole report: one finding.

Every rule carries ``must-fire`` and ``must-not-fire`` examples. They run when
the pack loads, line by line; a pack whose examples fail is rejected (exit 2)
with a message naming the rule and the example. For a substitution the
corrected must-fire example must then be silent (a fix that re-triggers its own
rule is rejected).

Safety: a pack is data. Messages are filled by plain text replacement
(``{match}``, ``{replacement}``, ``{count}``, ``{min}``, ``{max}``), never
``str.format``. Patterns are checked at load (no nested quantifiers such as
``(a+)+``, no back-references, recursion or conditionals, at most
:data:`MAX_PATTERN_LENGTH` characters) and run with the third-party ``regex``
module under a time budget of :data:`PATTERN_BUDGET` seconds per pattern and
report; a pattern that runs out of time stops that rule for that report (E900
names the pattern), the other rules still run.
"""

from __future__ import annotations

import os
import time
from typing import Any, Iterable, Sequence

from reportlint.hookspecs import hookimpl
from reportlint.model import AgencyKind, Era
from reportlint.rule import ALL_ERAS, Edit, Finding, Message, Rule, Severity
from reportlint.source import Span
from reportlint.records import Record

PACK_SCHEMA = "pack.schema.json"
PATTERN_BUDGET = 0.25  # seconds per pattern per report
MAX_PATTERN_LENGTH = 500


class PackError(Exception):
    """A rule pack is invalid: the file and the problems, one per line."""

    def __init__(self, path: str, problems: Sequence[str] | str) -> None:
        self.path = path
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__(f"{path}: " + "; ".join(self.problems))


class PatternTimeout(Exception):
    """A pattern used up its time budget on one report."""


# -- pattern safety ---------------------------------------------------------------------------

def _quantifier_at(p: str, i: int) -> tuple[int, bool] | None:
    """If a quantifier starts at ``p[i]``: (its length, whether it repeats more than once)."""
    import re

    if i >= len(p):
        return None
    c = p[i]
    if c in "*+":
        n, repeats = 1, True
    elif c == "?":
        n, repeats = 1, False
    elif c == "{":
        j = p.find("}", i)
        m = re.fullmatch(r"(\d*)(,(\d*))?", p[i + 1:j]) if j > 0 else None
        if m is None or (m.group(1) == "" and m.group(2) is None):
            return None  # a literal brace
        hi = m.group(3) if m.group(2) is not None else m.group(1)
        repeats = hi == "" or int(hi) > 1
        n = j - i + 1
    else:
        return None
    if i + n < len(p) and p[i + n] in "?+":  # lazy or possessive
        n += 1
    return n, repeats


def unsafe_reason(p: str) -> str | None:
    """Why a pattern is refused at load, or None. Catastrophic backtracking mostly comes
    from a repeated group that itself repeats (``(a+)+``, ``(\\d*,?)*``); back-references,
    recursion and conditionals make matching time unbounded too."""
    import re

    if len(p) > MAX_PATTERN_LENGTH:
        return f"模式过长（超过 {MAX_PATTERN_LENGTH} 个字符） / pattern longer than {MAX_PATTERN_LENGTH} characters"
    if re.search(r"\{[^}]*[eisd]\s*(?:<|<=|=|\}|:)", p):
        return "不允许模糊匹配 / fuzzy matching is not allowed"
    stack: list[bool] = [False]  # per open group: does it contain a repeating quantifier?
    i = 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            nxt = p[i + 1:i + 2]
            if nxt.isdigit() and nxt != "0" or nxt in ("g", "k") and p[i + 2:i + 3] in ("<", "{"):
                return "不允许反向引用 / back-references are not allowed"
            if nxt in ("p", "P", "N", "x", "u", "U") and p[i + 2:i + 3] == "{":
                j = p.find("}", i)
                i = (j if j > 0 else i + 1) + 1
            else:
                i += 2
            atom_end = i
        elif c == "[":
            j = i + 1
            if p[j:j + 1] == "^":
                j += 1
            if p[j:j + 1] == "]":
                j += 1
            while j < len(p) and p[j] != "]":
                j += 2 if p[j] == "\\" else 1
            i = j + 1
            atom_end = i
        elif c == "(":
            head = p[i + 1:i + 4]
            if head.startswith("?#"):
                j = p.find(")", i)
                i = (j if j > 0 else len(p) - 1) + 1
                continue
            if head.startswith(("?R", "?&", "?P>", "?(")) or (head[:1] == "?" and head[1:2].isdigit()) \
                    or head.startswith(("?+", "?-")) and head[2:3].isdigit():
                return "不允许递归、子程序调用或条件分支 / recursion, subroutine calls and conditionals are not allowed"
            if head.startswith("?P="):
                return "不允许反向引用 / back-references are not allowed"
            stack.append(False)
            i += 1
            continue
        elif c == ")":
            inner = stack.pop() if len(stack) > 1 else False
            i += 1
            q = _quantifier_at(p, i)
            if q and q[1] and inner:
                return "不允许嵌套的重复量词（如 (a+)+），它们可能导致灾难性回溯 / nested quantifiers such as (a+)+ " \
                       "are not allowed: they can backtrack catastrophically"
            stack[-1] = stack[-1] or inner or bool(q and q[1])
            if q:
                i += q[0]
            continue
        else:
            i += 1
            atom_end = i
        q = _quantifier_at(p, atom_end)
        if q:
            stack[-1] = stack[-1] or q[1]
            i = atom_end + q[0]
    return None


# -- matching ---------------------------------------------------------------------------------

class _Budget:
    """What is left of one pattern's time for one report."""

    def __init__(self) -> None:
        self.left: dict[int, float] = {}

    def run(self, rx, pattern: str, text: str) -> list:
        left = self.left.get(id(rx), PATTERN_BUDGET)
        if left <= 0:
            raise PatternTimeout(pattern)
        start = time.perf_counter()
        try:
            found = list(rx.finditer(text, timeout=left))
        except TimeoutError:
            self.left[id(rx)] = 0
            raise PatternTimeout(pattern) from None
        self.left[id(rx)] = left - (time.perf_counter() - start)
        return found


class _Matcher(Record):
    """Literal tokens and regular expressions; finds non-overlapping matches, earliest then longest first."""

    __slots__ = ("compiled",)

    def __init__(self, compiled: list[tuple[Any, str]] | None = None) -> None:
        self.compiled = [] if compiled is None else compiled  # (regex object, source shown in messages)

    @classmethod
    def build(cls, tokens: Iterable[str], patterns: Iterable[str], ignore_case: bool) -> "_Matcher":
        import regex

        flags = regex.IGNORECASE if ignore_case else 0
        out = cls()
        tokens = sorted(set(tokens), key=lambda t: (-len(t), t))
        if tokens:
            out.compiled.append((regex.compile("|".join(regex.escape(t) for t in tokens), flags), "tokens"))
        for p in patterns:
            out.compiled.append((regex.compile(p, flags), p))
        return out

    def find(self, text: str, budget: _Budget) -> list[tuple[int, int, str, int]]:
        """(start, end, matched text, index of the pattern) without overlaps."""
        hits = []
        for k, (rx, shown) in enumerate(self.compiled):
            for m in budget.run(rx, shown, text):
                if m.end() > m.start():
                    hits.append((m.start(), m.end(), m.group(0), k))
        return _without_overlaps(hits)


def _without_overlaps(hits: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
    """Hits (start, end, text, pattern) ordered by start; where two overlap, the earlier and then longer wins."""
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out, last = [], -1
    for h in hits:
        if h[0] >= last:
            out.append(h)
            last = h[1]
    return out


def _fill(template: str, **values: Any) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


class _Line(Record):
    """An example line standing in for a report block (line 1, columns from 1)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def span(self, start: int = 0, end: int | None = None) -> Span:
        end = len(self.text) if end is None else end
        return Span(1, start + 1, 1, end + 1)


class PackRule(Rule):
    """Base of the rules a pack declares; one subclass per pack rule (so each has its own doc page)."""

    requires = frozenset()
    pack: str = ""
    kind: str = "existence"

    def __init__(self, spec: dict, matcher: _Matcher, swaps: dict[str, str] | None = None,
                 swap_matchers: list[tuple[_Matcher, str]] | None = None) -> None:
        self.spec = spec
        self.matcher = matcher
        self.swaps = swaps or {}
        self.swap_matchers = swap_matchers or []
        self.scope = spec.get("scope", "text")
        self.kinds = frozenset(AgencyKind(k) for k in spec.get("agency-kinds", ())) or None
        self.ignore_case = bool(spec.get("ignore-case", False))

    # -- the pieces of text a rule looks at -----------------------------------------------
    def _blocks(self, report) -> list:
        if self.scope == "headings":
            return list(report.headings)
        if self.scope == "paragraphs":
            return list(report.paragraphs)
        if self.scope == "tables":
            return [c for t in report.tables for row in t.rows for c in row.cells]
        return list(report.text_blocks())

    def _message(self, **values: Any) -> Message:
        zh = _fill(self.spec["message"], **values)
        en = _fill(self.spec.get("message-en", self.spec["message"]), **values)
        return Message(zh, en)

    def _anchor(self, report) -> Span:
        if report is not None and getattr(report, "title", None) is not None:
            return report.title.span()
        blocks = list(report.blocks) if report is not None else []
        return blocks[0].span() if blocks and hasattr(blocks[0], "span") else Span(1, 1, 1, 1)

    # -- the check, on real blocks or on example lines ------------------------------------
    def findings_in(self, blocks: Sequence, report=None) -> list[Finding]:
        budget = _Budget()
        kind = self.kind
        out: list[Finding] = []
        if kind == "existence":
            for b in blocks:
                for s, e, matched, _ in self.matcher.find(b.text, budget):
                    out.append(Finding(b.span(s, e), self._message(match=matched), {"match": matched, "pack": self.pack}))
        elif kind == "substitution":
            for b in blocks:
                for s, e, matched, k in self._swap_hits(b.text, budget):
                    rep = self._replacement(matched, k)
                    if rep == matched:
                        continue
                    out.append(Finding(b.span(s, e), self._message(match=matched, replacement=rep),
                                       {"match": matched, "replacement": rep, "pack": self.pack},
                                       (Edit(b.span(s, e), rep),)))
        elif kind == "required":
            if not any(self.matcher.find(b.text, budget) for b in blocks):
                out.append(Finding(self._anchor(report), self._message(), {"pack": self.pack}))
        elif kind == "occurrence":
            hits = [(b, h) for b in blocks for h in self.matcher.find(b.text, budget)]
            lo, hi = self.spec.get("min"), self.spec.get("max")
            values = {"count": len(hits), "min": lo if lo is not None else "-", "max": hi if hi is not None else "-"}
            if hi is not None and len(hits) > hi:
                b, (s, e, matched, _) = hits[hi]
                out.append(Finding(b.span(s, e), self._message(match=matched, **values),
                                   {"count": len(hits), "max": hi, "pack": self.pack}))
            elif lo is not None and len(hits) < lo:
                out.append(Finding(self._anchor(report), self._message(**values), {"count": len(hits), "min": lo, "pack": self.pack}))
        return out

    def _swap_hits(self, text: str, budget: _Budget) -> list[tuple[int, int, str, int]]:
        if not self.swap_matchers:
            return self.matcher.find(text, budget)
        hits = []
        for k, (m, _) in enumerate(self.swap_matchers):
            hits.extend((s, e, t, k) for s, e, t, _ in m.find(text, budget))
        return _without_overlaps(hits)

    def _replacement(self, matched: str, k: int) -> str:
        if self.swap_matchers:
            return self.swap_matchers[k][1]
        if self.ignore_case:
            return next(v for key, v in self.swaps.items() if key.lower() == matched.lower())
        return self.swaps[matched]

    def check(self, report, ctx):
        if self.kinds is not None and report.agency_kind not in self.kinds:
            return []
        try:
            return self.findings_in(self._blocks(report), report)
        except PatternTimeout as exc:
            raise PatternTimeout(f"规则包 {self.pack} 的模式 {exc} 超过时间预算 {PATTERN_BUDGET} 秒 / pattern {exc} of pack "
                                 f"{self.pack} exceeded its time budget of {PATTERN_BUDGET} s on this report") from None

    def example_blocks(self, text: str) -> list[_Line]:
        from reportlint.patterns import match_heading

        lines = [_Line(line) for line in text.splitlines() if line.strip()]
        if self.scope == "headings":
            return [line for line in lines if match_heading(line.text)]
        return lines


# -- loading ----------------------------------------------------------------------------------

class Pack(Record):
    __slots__ = ("name", "path", "description", "rules")

    def __init__(self, name: str, path: str, description: str, rules: list[Rule]) -> None:
        self.name = name
        self.path = path
        self.description = description
        self.rules = rules

    def plugin(self) -> "PackPlugin":
        return PackPlugin(self)


class PackPlugin:
    """The pluggy plugin object of a loaded pack (registered through ``load_registry(extra=…)``)."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack

    @hookimpl
    def reportlint_rules(self):
        return list(self.pack.rules)

    def __repr__(self) -> str:
        return f"<rule pack {self.pack.name} from {self.pack.path}>"


def _doc(spec: dict, pack: str, path: str) -> str:
    kind = spec["type"]
    what = {
        "existence": "出现下列词语或模式时报告：" + "、".join(f"“{t}”" for t in spec.get("tokens", []) + spec.get("patterns", [])),
        "substitution": "应替换的写法：" + "；".join(f"“{a}”→“{b}”" for a, b in spec.get("swap", {}).items()),
        "required": "报告中必须出现：" + "、".join(f"“{t}”" for t in spec.get("tokens", []) + spec.get("patterns", [])),
        "occurrence": f"出现次数应在 {spec.get('min', 0)}–{spec.get('max', '∞')} 次之间："
                      + "、".join(f"“{t}”" for t in spec.get("tokens", []) + spec.get("patterns", [])),
    }[kind]
    first = spec.get("description") or spec["message"]
    first = first.splitlines()[0] if "{" not in first else f"规则包 {pack} 的规则 {spec['name']}"
    bad = "\n".join(f"    {x}" for ex in spec["must-fire"] for x in ex.splitlines())
    good = "\n".join(f"    {x}" for ex in spec["must-not-fire"] for x in ex.splitlines())
    why = spec.get("why") or f"规则包 {pack} 规定的本地写法（{kind}）。"
    return (f"{first}（{spec['code']}）。\n\n作用\n    {what}\n\n为什么\n    {why}\n\n示例（错误）\n{bad}\n\n"
            f"示例（正确）\n{good}\n\n选项\n    无（规则包 {pack}，{os.path.basename(path)}）。\n")


def _doc_en(spec: dict, pack: str, path: str) -> str:
    """An English page (Purpose / Why / Wrong / Right / Options) when the rule has an English message."""
    if "message-en" not in spec:
        return ""
    words = ", ".join(f"'{t}'" for t in spec.get("tokens", []) + spec.get("patterns", []))
    what = {
        "existence": f"Reports every occurrence of {words}.",
        "substitution": "Replaces " + "; ".join(f"'{a}' -> '{b}'" for a, b in spec.get("swap", {}).items()) + ".",
        "required": f"The report must contain {words}.",
        "occurrence": f"{words} must occur between {spec.get('min', 0)} and {spec.get('max', 'any number of')} times.",
    }[spec["type"]]
    bad = "\n".join(f"    {x}" for ex in spec["must-fire"] for x in ex.splitlines())
    good = "\n".join(f"    {x}" for ex in spec["must-not-fire"] for x in ex.splitlines())
    first = spec["message-en"].splitlines()[0]
    if "{" in first:
        first = f"Rule {spec['name']} of the rule pack {pack}"
    return (f"{first} ({spec['code']}).\n\nPurpose\n    {what}\n\nWhy\n    A local rule of the rule pack {pack} "
            f"({spec['type']}).\n\nWrong\n{bad}\n\nRight\n{good}\n\nOptions\n    None (rule pack {pack}, "
            f"{os.path.basename(path)}).\n")


def _compile(spec: dict, where: str, problems: list[str]) -> tuple[_Matcher | None, list[tuple[_Matcher, str]]]:
    import regex

    ignore_case = bool(spec.get("ignore-case", False))
    patterns = list(spec.get("patterns", []))
    swap_matchers: list[tuple[_Matcher, str]] = []
    keyed = []
    if spec["type"] == "substitution" and spec.get("regex"):
        keyed = list(spec["swap"])
    for i, p in enumerate(patterns):
        reason = unsafe_reason(p)
        if reason:
            problems.append(f"{where}.patterns[{i}]: {reason}: {p}")
    for key in keyed:
        reason = unsafe_reason(key)
        if reason:
            problems.append(f"{where}.swap.{key}: {reason}")
    if problems:
        return None, []
    try:
        if keyed:
            swap_matchers = [(_Matcher.build((), [k], ignore_case), v) for k, v in spec["swap"].items()]
            matcher = _Matcher()
        elif spec["type"] == "substitution":
            matcher = _Matcher.build(spec["swap"], (), ignore_case)
        else:
            matcher = _Matcher.build(spec.get("tokens", ()), patterns, ignore_case)
    except (regex.error, OverflowError, ValueError, RecursionError) as exc:
        problems.append(f"{where}: 正则表达式无效 / invalid regular expression: {exc}")
        return None, []
    return matcher, swap_matchers


def _run_examples(rule: PackRule, where: str) -> list[str]:
    problems = []
    for i, ex in enumerate(rule.spec["must-fire"], 1):
        try:
            found = rule.findings_in(rule.example_blocks(ex))
        except PatternTimeout as exc:
            problems.append(f"{where}: must-fire 示例 {i} 超时 / must-fire example {i} timed out (pattern {exc})")
            continue
        if not found:
            problems.append(f"{where}: must-fire 示例 {i} 没有触发 / must-fire example {i} does not fire: {ex!r}")
        elif rule.kind == "substitution":
            fixed = _apply(ex, rule)
            try:
                again = rule.findings_in(rule.example_blocks(fixed))
            except PatternTimeout:
                again = [None]
            if again:
                problems.append(f"{where}: 替换后的 must-fire 示例 {i} 仍然触发，替换不收敛 / must-fire example {i} still fires "
                                f"after the substitution ({fixed!r}): the fix would never settle")
    for i, ex in enumerate(rule.spec["must-not-fire"], 1):
        try:
            found = rule.findings_in(rule.example_blocks(ex))
        except PatternTimeout as exc:
            problems.append(f"{where}: must-not-fire 示例 {i} 超时 / must-not-fire example {i} timed out (pattern {exc})")
            continue
        if found:
            shown = found[0].evidence.get("match", "")
            problems.append(f"{where}: must-not-fire 示例 {i} 触发了 / must-not-fire example {i} fires"
                            f"{f' on {shown!r}' if shown else ''}: {ex!r}")
    return problems


def _apply(text: str, rule: PackRule) -> str:
    lines = text.splitlines()
    out = []
    for line in lines:
        edits = sorted((e for f in rule.findings_in([_Line(line)]) for e in f.fix), key=lambda e: e.span.column, reverse=True)
        for e in edits:
            line = line[: e.span.column - 1] + e.replacement + line[e.span.end_column - 1:]
        out.append(line)
    return "\n".join(out)


_CACHE: dict[tuple[str, float, int], Pack] = {}


def load_pack(path: str) -> Pack:
    """Read, validate and compile a pack, and run its examples. Raises :class:`PackError`."""
    from reportlint.config import ConfigError, load_schema, read_toml, schema_problems

    path = os.path.abspath(path)
    try:
        st = os.stat(path)
    except OSError as exc:
        raise PackError(path, f"无法读取 / cannot read: {exc.strerror or exc}") from None
    key = (path, st.st_mtime, st.st_size)
    if key in _CACHE:
        return _CACHE[key]
    try:
        data = read_toml(path)
    except ConfigError as exc:
        raise PackError(path, exc.problems) from None
    problems = schema_problems(data, load_schema(PACK_SCHEMA))
    if problems:
        raise PackError(path, sorted(problems))
    name = data["pack"]["name"]
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, spec in enumerate(data["rules"]):
        where = f"rules[{i}] ({spec['code']})"
        if spec["code"] in seen:
            problems.append(f"{where}: 规则代码重复 / duplicate rule code {spec['code']}")
            continue
        seen.add(spec["code"])
        rule_problems: list[str] = []
        matcher, swap_matchers = _compile(spec, where, rule_problems)
        if rule_problems:
            problems.extend(rule_problems)
            continue
        attrs = {
            "__doc__": _doc(spec, name, path),
            "doc_en": _doc_en(spec, name, path),
            "__module__": __name__,
            "code": spec["code"],
            "name": spec["name"],
            "severity": Severity(spec["severity"]),
            "eras": frozenset(Era(e) for e in spec["eras"]) if "eras" in spec else ALL_ERAS,
            "fixable": spec["type"] == "substitution",
            "pack": name,
            "kind": spec["type"],
        }
        cls = type(f"PackRule_{spec['code']}", (PackRule,), attrs)
        rule = cls(spec, matcher, dict(spec.get("swap", {})), swap_matchers)
        problems.extend(_run_examples(rule, where))
        rules.append(rule)
    if problems:
        raise PackError(path, sorted(problems))
    pack = Pack(name, path, data["pack"].get("description", ""), rules)
    _CACHE[key] = pack
    return pack
