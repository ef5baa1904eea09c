"""Property test of the fixes of C502, C505, D407, W602 and W603.

Random paragraphs mixing correct text and the defects these rules fix are
linted in a paragraph-layout and a wrapped-layout report. For every rule the
edits must lie inside the finding's span, never cross a line break, never
overlap, and applying them must silence the rule (fixing twice = fixing once).
"""

from __future__ import annotations

from hypothesis import given, strategies as st
from fixapply import apply_edits, diags
from helpers import report, wrapped_report

from reportlint.readers.text import source_from_text

FIXABLE = ("C502", "C505", "D407", "W602", "W603")

FRAGMENTS = [
    # correct text
    "我局主动公开政府信息71条，其中工作动态40条。",
    "按照宁政办发〔2017〕12号文件要求开展工作。",
    "2017年9月5日召开专题会议……",
    "网址http://www.example.gov.cn，时间9:30。",
    "本年度(2017)共收到申请3件。",
    "《关于印发〈2017年政务公开工作要点〉的通知》",
    # defects
    "按照宁政办发〔2017〕第012号文件要求开展工作。",
    "按照宁政办发[2017]012号文件要求开展工作。",
    "我局认真贯彻《《条例》，，坚持公开。。",
    "通过门户网站、、政务微博；；发布信息。",
    "2017年09月05日召开专题会议。",
    "于09月完成目录更新。",
    "我局通过门户网站(含政务微博)发布信息,并及时更新。",
    "联系人:张三, 请及时联系。",
    "发布政策文件12件（含政策解读10条)。",
    "工作动态40 条，政策文件 31条。",
    "统计期限为 2017 年 1 月 1 日。",
]


def _structure(text: str):
    """Which original lines make up each logical line (the reader's joining decisions)."""
    return [tuple(s.line for s in line.segments) for line in source_from_text("s.txt", text).logical]


def _sound(text: str, code: str) -> None:
    found = diags(text, code)
    after = apply_edits(text, found)  # checks containment, line breaks, overlaps
    if _structure(after) != _structure(text):
        # Half-width → full-width changes line widths, and the reader's wrapped/paragraph
        # guess with them; the joined text then differs and so may the findings.
        return
    # What had a fix is gone; what had none (D407's two-digit years …) stays, and nothing new appears.
    remaining = diags(after, code)
    assert all(not d.fix for d in remaining), (code, after)
    assert len(remaining) == sum(1 for d in found if not d.fix), (code, after)


def _chunks(s: str, width: int) -> list[str]:
    return [s[i:i + width] for i in range(0, len(s), width)]


@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6), st.integers(min_value=18, max_value=30))
def test_fixes_are_sound_and_idempotent(parts, width):
    paragraph = "".join(parts)
    for text in (report(2017, paragraph), wrapped_report(_chunks(paragraph, width))):
        for code in FIXABLE:
            _sound(text, code)
        # All five together: their edits never overlap one another.
        apply_edits(text, [d for code in FIXABLE for d in diags(text, code)])
