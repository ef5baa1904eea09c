"""Nothing escapes ``lint``: arbitrary text, arbitrary bytes, report-shaped noise, and a
corpus of real-looking reports mutated line by line.

The CI profile runs a bounded number of examples; ``HYPOTHESIS_PROFILE=long``
runs 100,000 per test (see tests/conftest.py). An E900 from a built-in rule counts
as an escape: every built-in rule must cope with whatever the reader hands it.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import linter
from reportlint.engine import Diagnostic
from reportlint.readers.text import source_from_text

FRAGMENTS = [
    "一、", "二、", "十一、", "（一）", "(二)", "1.", "2、", "（1）", "(3)", "一.", "（一）、",
    "某局2017年政府信息公开工作年度报告", "政府信息公开工作年度报告", "统计期限为", "2017年1月1日至2017年12月31日",
    "2017年 月 日", "年 月 日", "2月30日", "13月", "12月31止", "二〇一八年二月二十八日", "2018年2月28日",
    "截止目前", "截止日期", "截", "止", "宁党办[2017]54号", "〔2017〕", "（2017）", "《", "》", "<", ">", "〈", "〉",
    "（", "）", "“", "”", "【单位名称】", "XX局", "××市", "贵办", "()", "（画√选定）", "承办人：",
    "共", "累计", "其中：", "其他", "71条", "4条", "40条", "27 条", "38条", "；", "，", "。", "\t", "\n", "\n\n", " ",
    "\u3000", "\r\n", "0", "9", "人民政府", "镇人民政府", "2018年工作思路", "存在的问题", "收费", "复议",
]

report_like = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=120).map("".join)


def _check(diags):
    for d in diags:
        assert isinstance(d, Diagnostic)
        assert d.span.line >= 1 and d.span.column >= 1
        assert d.message.zh and d.message.en
    assert not [d for d in diags if d.code == "E900"], [d.message.en for d in diags if d.code == "E900"]


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_arbitrary_text_never_raises(text):
    _check(linter().lint_source(source_from_text("fuzz.txt", text)).diagnostics)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(report_like)
def test_report_shaped_text_never_raises(text):
    _check(linter().lint_source(source_from_text("fuzz.txt", text)).diagnostics)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_never_raise(data):
    _check(linter().lint_bytes("fuzz.txt", data).diagnostics)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(report_like, st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-8-sig"]))
def test_encoded_reports_never_raise(text, encoding):
    _check(linter().lint_bytes("fuzz.txt", text.encode(encoding, errors="replace")).diagnostics)


# --------------------------------------------------------------------------- mutated real reports
_ROOT = Path(__file__).resolve().parents[1]
CORPUS = [p.read_text(encoding="utf-8") for p in sorted((_ROOT / "examples").glob("*.txt"))
          + sorted((_ROOT / "tests" / "fixtures").glob("*.txt"))]
_NUMBER_RE = re.compile(r"\d+")
_BRACKETS = "（）()《》〈〉“”‘’〔〕[]【】"


@st.composite
def mutated_lines(draw, base: str | None = None) -> list[str]:
    """A corpus report (or ``base``) with lines dropped, duplicated, swapped, numbers changed, brackets removed …"""
    lines = (base if base is not None else draw(st.sampled_from(CORPUS))).split("\n")
    for _ in range(draw(st.integers(0, 8))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["drop", "dup", "swap", "number", "bracket", "splice", "cut", "join", "wrap"]))
        line = lines[i]
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, line)
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "number":
            value = draw(st.sampled_from(["0", "00", "1", "13", "29", "31", "2017", "9999", "123456789012",
                                          "-1", "3.5", "〇", "十二", ""]))
            hits = list(_NUMBER_RE.finditer(line))
            if hits:
                m = hits[draw(st.integers(0, len(hits) - 1))]
                lines[i] = line[:m.start()] + value + line[m.end():]
        elif op == "bracket":
            lines[i] = line.translate({ord(c): None for c in draw(st.sampled_from(_BRACKETS))})
        elif op == "splice":
            k = draw(st.integers(0, len(line)))
            lines[i] = line[:k] + draw(st.sampled_from(FRAGMENTS)) + line[k:]
        elif op == "cut":
            lines[i] = line[:draw(st.integers(0, len(line)))]
        elif op == "join" and i + 1 < len(lines):
            lines[i:i + 2] = [line + lines[i + 1]]
        elif op == "wrap" and len(line) > 2:
            k = draw(st.integers(1, len(line) - 1))
            lines[i:i + 1] = [line[:k], "", line[k:]]
    return lines


@st.composite
def mutated_bytes(draw) -> bytes:
    """A mutated report encoded as UTF-8, GB18030, UTF-16, or with some lines in GB18030 and the rest in UTF-8."""
    lines = draw(mutated_lines())
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    encoding = draw(st.sampled_from(["utf-8", "gb18030", "utf-8-sig", "utf-16", "mixed"]))
    if encoding != "mixed":
        return newline.join(lines).encode(encoding, errors="replace")
    start = draw(st.integers(0, len(lines)))
    end = draw(st.integers(start, len(lines)))
    parts = [ln.encode("gb18030" if start <= k < end else "utf-8", errors="replace") for k, ln in enumerate(lines)]
    return newline.encode().join(parts)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_bytes())
def test_mutated_reports_never_raise(data):
    _check(linter().lint_bytes("fuzz.txt", data).diagnostics)


def _year_before(text: str) -> str:
    return re.sub(r"20[0-9]{2}", lambda m: str(int(m.group(0)) - 1), text)


@st.composite
def mutated_pair(draw) -> tuple[list[str], list[str]]:
    """Last year's and this year's report of one agency (years shifted by one), each mutated on its own."""
    text = draw(st.sampled_from(CORPUS))
    return draw(mutated_lines(_year_before(text))), draw(mutated_lines(text))


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_pair())
def test_mutated_report_pairs_never_raise_in_cross_report_rules(pair):
    last, this = pair
    lint = linter()
    results = [lint.lint_source(source_from_text(f"{n}.txt", "\n".join(lines))) for n, lines in (("a", last), ("b", this))]
    lint.lint_across(results)
    for r in results:
        _check(r.diagnostics)
