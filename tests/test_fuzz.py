"""Nothing escapes ``lint``: arbitrary text, arbitrary bytes, report-shaped noise.

The CI profile runs a bounded number of examples; ``HYPOTHESIS_PROFILE=long``
runs 100,000 per test (see tests/conftest.py).
"""

from __future__ import annotations

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
